//! Limits of sequences as the integer n → ∞, each with its derivation.
//!
//! In order: constants; rational functions (degrees and leading coefficients, exactly);
//! the asymptotic expansion of `asymptotic` (the limit is read off the leading terms, with
//! `(−1)^n` parts split into even and odd subsequences); and, when the expansion is out of
//! scope, three sound fallbacks: `sin`/`cos` of an affine argument (dense or periodic
//! oscillation), a bounded factor times a factor tending to 0, and sums of terms with known
//! limits. Whatever none of these decides is `Limit::Unknown` with the reason — never a guess.
//!
//! Imports `asymptotic`, `poly` and the expression layer.

use crate::math::answer::{Notation, Op, Rich};
use crate::math::asymptotic::{expand_decide, sign_of, Expansion, Fail, Mono};
use crate::math::derivation::Derivation;
use crate::math::expr::{self, subst, Constant, Expr, Func, MathError};
use crate::math::poly;
use crate::rich;
use std::cmp::Ordering;
use std::fmt;

pub mod dominant;
mod fallback;
use fallback::fallback;

/// How deep the fallbacks (products, sums) may recurse.
const MAX_DEPTH: usize = 8;

/// The limit of a sequence as n → ∞.
#[derive(Debug, Clone, PartialEq)]
pub enum Limit {
    /// A finite limit, exact (`e`, `1/e`, `1/sqrt(pi)`, `0`, …).
    Value(Expr),
    /// The sequence tends to +∞.
    PlusInfinity,
    /// The sequence tends to −∞.
    MinusInfinity,
    /// Proven to have no limit (finite or infinite), with the reason and, when known, the
    /// limit points or the bounds the terms oscillate between.
    DoesNotExist(NoLimit),
    /// Not decided, with the reason.
    Unknown(String),
}

/// Why a sequence has no limit: the reason, and its limit points or bounds when known.
#[derive(Debug, Clone, PartialEq)]
pub struct NoLimit {
    pub reason: Rich,
    /// Limit points of the sequence (the even and odd subsequences' limits), when known.
    pub points: Vec<Expr>,
    /// The closed interval whose every point the sequence comes arbitrarily close to, when
    /// known (`[-1, 1]` for sin(n)).
    pub bounds: Option<(Expr, Expr)>,
}

impl NoLimit {
    pub fn new(reason: impl Into<Rich>) -> Self {
        NoLimit {
            reason: reason.into(),
            points: Vec::new(),
            bounds: None,
        }
    }
}

impl NoLimit {
    /// Whether the reason contains `needle`.
    pub fn contains(&self, needle: &str) -> bool {
        self.reason.to_string().contains(needle)
    }
}

impl fmt::Display for NoLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.reason)
    }
}

impl Limit {
    /// The limit as an exact value, ±∞ included; `None` when it does not exist or is unknown.
    pub fn value(&self) -> Option<Expr> {
        match self {
            Limit::Value(v) => Some(v.clone()),
            Limit::PlusInfinity => Some(Expr::infinity()),
            Limit::MinusInfinity => Some(Expr::neg_infinity()),
            Limit::DoesNotExist(_) | Limit::Unknown(_) => None,
        }
    }
    /// The answer in words: the value, `does not exist: …` or `unknown: …`.
    pub fn describe(&self) -> String {
        match self {
            Limit::DoesNotExist(why) => format!("does not exist: {why}"),
            Limit::Unknown(why) => format!("unknown: {why}"),
            other => other.to_string(),
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::Value(v) => write!(f, "{v}"),
            Limit::PlusInfinity => write!(f, "oo"),
            Limit::MinusInfinity => write!(f, "-oo"),
            Limit::DoesNotExist(_) => write!(f, "does not exist"),
            Limit::Unknown(_) => write!(f, "unknown"),
        }
    }
}

/// The limit of `a` as the integer `n` → ∞, with the steps that justify it. Errors only on
/// interruption; everything undecided is `Limit::Unknown`.
///
/// ```
/// use sigma::math::expr::{self, Expr};
/// use sigma::math::limit::{limit_at_infinity, Limit};
/// let n = Expr::sym("n");
/// // (1 + 1/n)^n → e
/// let a = expr::pow(
///     expr::add(vec![Expr::one(), expr::pow(n.clone(), Expr::int(-1)).unwrap()]).unwrap(),
///     n.clone(),
/// )
/// .unwrap();
/// let (l, steps) = limit_at_infinity(&a, "n").unwrap();
/// assert_eq!(l, Limit::Value(Expr::e()));
/// assert!(!steps.is_empty());
/// ```
pub fn limit_at_infinity(a: &Expr, n: &str) -> Result<(Limit, Derivation), MathError> {
    crate::math::expr::require_real(a, "limits")?;
    let mut d = Derivation::new();
    let rewritten = crate::math::periodic::at_integers(a, n)?;
    if let Some(rw) = rewritten.as_ref().filter(|rw| rw.shown) {
        d.push(
            rich![a, Op::Eq, &rw.expr],
            crate::math::periodic::AT_INTEGERS,
        );
    }
    let a = rewritten.as_ref().map_or(a, |rw| &rw.expr);
    let l = solve(a, n, &mut d, 0)?;
    if let Limit::Unknown(why) = &l {
        d.push(rich!["the limit of ", a, " is not decided"], why.clone());
    }
    Ok((l, d))
}

/// A limit as mathematics: its value, or ±∞.
fn limit_part(l: &Limit) -> Rich {
    match l {
        Limit::Value(v) => Rich::math(v.clone()),
        Limit::PlusInfinity => Notation::new("oo", "\\infty").into(),
        Limit::MinusInfinity => Notation::new("-oo", "-\\infty").into(),
        other => Rich::text(other.to_string()),
    }
}

/// `(c)` as printed before a product sign, in text and LaTeX.
fn paren_product(c: &Expr) -> Notation {
    use crate::math::expr::print::{print, Style};
    Notation::new(
        format!("({c})"),
        format!("\\left({}\\right)", print(c, Style::Latex)),
    )
}

/// The scale of growth the expansions are written on, in text and LaTeX.
pub fn scale_notation() -> Notation {
    Notation::new(
        "(n!)^f·b^n·n^p·(ln n)^q·(ln ln n)^r",
        "(n!)^f\\, b^n\\, n^p\\, (\\ln n)^q\\, (\\ln \\ln n)^r",
    )
}

fn solve(a: &Expr, n: &str, d: &mut Derivation, depth: usize) -> Result<Limit, MathError> {
    if depth > MAX_DEPTH {
        return Ok(Limit::Unknown(
            "the expression is nested too deeply for the limit rules".into(),
        ));
    }
    if !a.depends_on(n) {
        if a.has_infinity() {
            return Ok(Limit::Unknown(format!("{a} is not a finite constant")));
        }
        d.push(
            rich![a, " does not depend on ", Expr::sym(n)],
            "a constant sequence converges to its value",
        );
        return Ok(Limit::Value(a.clone()));
    }
    if let Some(l) = rational(a, n, d)? {
        return Ok(l);
    }
    match expand_decide(a, n, |e| verdict(e, n)) {
        Ok(((lim, claim, reason), e, steps)) => {
            let shown = e.show_rich(n, 3);
            let eq = rich![a, Op::Eq, &shown];
            let last = steps.last().map(|(c, _)| c.to_string());
            for (c, r) in steps {
                d.push(c, r);
            }
            if last != Some(eq.to_string()) && shown.to_string() != a.to_string() {
                d.push(
                    eq.and(" as ")
                        .and(Expr::sym(n))
                        .and(Op::To)
                        .and(Expr::infinity()),
                    Rich::text("asymptotic expansion on the scale ").and(scale_notation()),
                );
            }
            d.push(claim, reason);
            Ok(lim)
        }
        Err(Fail::Hard(e)) => Err(e),
        Err(f) => {
            let why = match f {
                Fail::Out(s) => s,
                _ => "the leading terms cancel through every order computed".into(),
            };
            fallback(a, n, d, depth, why)
        }
    }
}

/// Exact limits of rational functions of n from the degrees and leading coefficients.
fn rational(a: &Expr, n: &str, d: &mut Derivation) -> Result<Option<Limit>, MathError> {
    let Some((p, q)) = poly::rational_function(a, n) else {
        return Ok(None);
    };
    if q.is_zero() || p.is_zero() {
        return Ok(None);
    }
    let (dp, dq) = (p.degree(), q.degree());
    let ratio = p.lead().div(&q.lead())?;
    let claim = format!(
        "{a} is a rational function of {n}: numerator of degree {dp} with leading coefficient {}, denominator of degree {dq} with leading coefficient {}",
        p.lead(),
        q.lead()
    );
    let (l, why) = match dp.cmp(&dq) {
        Ordering::Less => (
            Limit::Value(Expr::zero()),
            "the denominator has the higher degree, so the quotient tends to 0".to_string(),
        ),
        Ordering::Equal => (
            Limit::Value(Expr::Num(ratio.clone())),
            format!("equal degrees: the limit is the ratio of the leading coefficients, {ratio}"),
        ),
        Ordering::Greater => (
            if ratio.is_negative() {
                Limit::MinusInfinity
            } else {
                Limit::PlusInfinity
            },
            format!(
                "the numerator has the higher degree and the leading coefficients have ratio {ratio}"
            ),
        ),
    };
    d.push(claim, format!("{why}; the limit is {l}"));
    Ok(Some(l))
}

/// The limit read off an expansion, with its claim and reason.
fn verdict(e: &Expansion, n: &str) -> Result<(Limit, Rich, String), Fail> {
    let Some(lead) = e.lead() else {
        return match &e.err {
            None => Ok((
                Limit::Value(Expr::zero()),
                Rich::text("the sequence is eventually 0"),
                "every term vanishes".into(),
            )),
            Some(m) if m.growth()? == Ordering::Less => Ok((
                Limit::Value(Expr::zero()),
                rich![
                    "the sequence is ",
                    Notation::new("O(", "O\\left("),
                    m.to_expr(n),
                    Notation::new(")", "\\right)"),
                    ", which tends to 0"
                ],
                "the remainder bound tends to 0".into(),
            )),
            Some(_) => Err(Fail::Precision),
        };
    };
    let (mut plain, mut alt) = (None, None);
    for t in e.terms.iter().take(2) {
        if t.m.cmp(&lead.m)? == Ordering::Equal {
            if t.m.alt {
                alt = Some(t.c.clone());
            } else {
                plain = Some(t.c.clone());
            }
        }
    }
    let m = lead.m.abs().to_expr(n);
    let sum = |a: &Expr, b: &Expr, s: i64| -> Result<Expr, Fail> {
        Ok(expr::add(vec![
            a.clone(),
            expr::mul(vec![Expr::int(s), b.clone()])?,
        ])?)
    };
    match lead.m.growth()? {
        Ordering::Less => Ok((
            Limit::Value(Expr::zero()),
            rich!["every term tends to 0 (the largest is of size ", &m, ")"],
            "the limit is 0".into(),
        )),
        Ordering::Equal => {
            let c = plain.unwrap_or_else(Expr::zero);
            match alt {
                Some(a) if sign_of(&a)? != Ordering::Equal => {
                    let (ev, od) = (sum(&c, &a, 1)?, sum(&c, &a, -1)?);
                    Ok((
                        Limit::DoesNotExist(NoLimit {
                            reason: rich![
                                "the terms with n even tend to ",
                                &ev,
                                " and those with n odd tend to ",
                                &od
                            ],
                            points: vec![ev.clone(), od.clone()],
                            bounds: None,
                        }),
                        rich![
                            "the sequence is ",
                            with_alt(&c, &a, n)?,
                            Notation::new(" + o(1)", " + o(1)")
                        ],
                        format!("the even terms tend to {ev}, the odd terms to {od}: no limit"),
                    ))
                }
                _ => Ok((
                    Limit::Value(c.clone()),
                    rich!["the sequence tends to ", &c],
                    "the leading term is the constant; every other term tends to 0".into(),
                )),
            }
        }
        Ordering::Greater => {
            let sign = |c: &Expr| -> Result<Ordering, Fail> {
                match sign_of(c)? {
                    Ordering::Equal => Err(Fail::Out(format!(
                        "the leading coefficient {c} is 0 but was not simplified away"
                    ))),
                    s => Ok(s),
                }
            };
            let inf = |s: Ordering| {
                if s == Ordering::Less {
                    Limit::MinusInfinity
                } else {
                    Limit::PlusInfinity
                }
            };
            match (plain, alt) {
                (Some(c), None) => {
                    let l = inf(sign(&c)?);
                    Ok((
                        l.clone(),
                        rich![
                            "the sequence ",
                            Notation::new("~ ", "\\sim "),
                            paren_product(&c),
                            Notation::new("·", " \\cdot "),
                            &m,
                            ", which tends to ",
                            limit_part(&l)
                        ],
                        "the leading term grows without bound; its coefficient fixes the sign"
                            .into(),
                    ))
                }
                (None, Some(a)) => {
                    sign(&a)?;
                    let why = format!(
                        "the sequence ~ ({a})·(-1)^{n}·{m}: its size grows without bound while its sign alternates"
                    );
                    let claim = rich![
                        "the sequence ",
                        Notation::new("~ ", "\\sim "),
                        paren_product(&a),
                        Notation::new(
                            format!("·(-1)^{n}·"),
                            format!(" \\cdot (-1)^{{{n}}} \\cdot ")
                        ),
                        &m,
                        ": its size grows without bound while its sign alternates"
                    ];
                    Ok((
                        Limit::DoesNotExist(NoLimit::new(why)),
                        claim,
                        "no limit".into(),
                    ))
                }
                (Some(c), Some(a)) => {
                    let (s1, s2) = (sign(&c)?, sign(&a)?);
                    let abs = |x: &Expr, s: Ordering| {
                        if s == Ordering::Less {
                            expr::neg(x.clone())
                        } else {
                            Ok(x.clone())
                        }
                    };
                    let diff = expr::sub(abs(&c, s1)?, abs(&a, s2)?)?;
                    let both = with_alt(&c, &a, n)?;
                    let head = format!("the sequence is ({both})·{m}·(1 + o(1))");
                    let claim = rich![
                        "the sequence is ",
                        paren_product(&both),
                        Notation::new("·", " \\cdot "),
                        &m,
                        Notation::new("·(1 + o(1))", " \\cdot \\left(1 + o(1)\\right)")
                    ];
                    match sign_of(&diff)? {
                        Ordering::Greater => {
                            let l = inf(s1);
                            Ok((l.clone(), claim, format!("|{c}| > |{a}|, so both the even and the odd terms tend to {l}")))
                        }
                        Ordering::Less => {
                            let why = format!("|{a}| > |{c}|: the even and the odd terms tend to infinities of opposite signs");
                            Ok((Limit::DoesNotExist(NoLimit::new(why.clone())), claim, why))
                        }
                        Ordering::Equal => Err(Fail::Out(format!(
                            "{head}: one of the even and odd subsequences has a vanishing leading term"
                        ))),
                    }
                }
                (None, None) => Err(Fail::Out("no leading term".into())),
            }
        }
    }
}

/// `c + a·(−1)^n` as an expression.
fn with_alt(c: &Expr, a: &Expr, n: &str) -> Result<Expr, Fail> {
    let alt = expr::pow(Expr::int(-1), Expr::sym(n))?;
    Ok(expr::add(vec![
        c.clone(),
        expr::mul(vec![a.clone(), alt])?,
    ])?)
}
