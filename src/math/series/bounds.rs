//! Remainder bounds for Taylor polynomials, each with its justification: the Lagrange bound
//! with an exactly located maximum of |f^(n+1)|, the alternating-series bound from a proven
//! sign and monotonicity of the terms, and the number of terms a tolerance needs.

use crate::math::answer::{Notation, Op, Rich};
use crate::math::derivation::Derivation;
use crate::math::expr::display::expr as show;
use crate::math::expr::{self, diff, subst, Constant, Expr, Func, MResult, MathError};
use crate::math::float;
use crate::math::float::sign::{cmp_const, sign_const};
use crate::math::number::Q;
use crate::math::poly::rational_function;
use crate::math::sum::numeric::tail::{self as numeric_tail, alternating_decreasing, least, Ratio};
use crate::rich;
use std::cmp::Ordering;

fn abs(e: &Expr) -> MResult<Expr> {
    expr::func(Func::Abs, vec![e.clone()])
}

/// The larger of |g(lo)| and |g(hi)|, with where it is attained.
fn endpoint_max(g: &Expr, x: &str, lo: &Q, hi: &Q) -> MResult<(Expr, Q)> {
    let at = |p: &Q| -> MResult<Expr> { abs(&subst::subs(g, x, &Expr::Num(p.clone()))?) };
    let (a, b) = (at(lo)?, at(hi)?);
    Ok(if cmp_const(&a, &b)? == Ordering::Less {
        (b, hi.clone())
    } else {
        (a, lo.clone())
    })
}

/// `max |g| on [lo, hi] is at x = at: m` with its mathematics.
fn max_claim(g: &Expr, x: &str, lo: &Q, hi: &Q, at: &Q, m: &Expr) -> Rich {
    let (l, h) = (latex(&Expr::Num(lo.clone())), latex(&Expr::Num(hi.clone())));
    rich![
        Notation::new("max |", "\\max \\left|"),
        g,
        Notation::new(
            format!("| on [{lo}, {hi}]"),
            format!("\\right| \\text{{ on }} [{l}, {h}]")
        ),
        " is at ",
        Expr::sym(x),
        Op::Eq,
        Expr::Num(at.clone()),
        ": ",
        m
    ]
}

/// LaTeX of an expression, for notations built around it.
fn latex(e: &Expr) -> String {
    crate::math::expr::print::print(e, crate::math::expr::print::Style::Latex)
}

/// `max |g|` on `[lo, hi]` (or a proven upper bound), with the reasoning.
pub fn max_abs(g: &Expr, x: &str, lo: &Q, hi: &Q) -> MResult<(Expr, Derivation)> {
    let mut d = Derivation::new();
    let name = |p: &Q| Expr::Num(p.clone());
    if let Some((p, q)) = rational_function(g, x) {
        if q.has_root_in(lo, hi) {
            return Err(MathError::Domain(format!(
                "{} has a pole in [{lo}, {hi}], so no finite bound exists there",
                show(g)
            )));
        }
        let num = p.derivative().mul(&q).sub(&p.mul(&q.derivative()));
        let inside = num.count_roots(lo, hi) - usize::from(num.sign_at(hi) == 0 && !num.is_zero());
        if num.is_zero() || inside == 0 {
            let (m, at) = endpoint_max(g, x, lo, hi)?;
            d.push(
                rich![
                    Notation::new("(", "\\left("),
                    g,
                    Notation::new(")'", "\\right)'"),
                    format!(" has no zero inside ({lo}, {hi}): the function is monotone there")
                ],
                "Sturm's theorem on the numerator of the derivative",
            );
            d.push(
                max_claim(g, x, lo, hi, &at, &m),
                "a monotone function is extreme at an endpoint",
            );
            return Ok((m, d));
        }
        let roots: Vec<Q> = num
            .rational_roots()
            .into_iter()
            .filter(|r| r > lo && r < hi)
            .collect();
        if roots.len() != inside {
            return Err(MathError::Unsupported(format!(
                "the critical points of {} in ({lo}, {hi}) are irrational; sigma cannot locate its maximum exactly yet",
                show(g)
            )));
        }
        let (mut m, mut at) = endpoint_max(g, x, lo, hi)?;
        for r in &roots {
            let v = abs(&subst::subs(g, x, &name(r))?)?;
            if cmp_const(&v, &m)? == Ordering::Greater {
                m = v;
                at = r.clone();
            }
        }
        d.push(
            rich![
                "critical points of ",
                g,
                format!(" inside ({lo}, {hi}): "),
                Notation::new(
                    roots.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(", "),
                    roots.iter().map(q_tex).collect::<Vec<_>>().join(", ")
                )
            ],
            "rational roots of the derivative's numerator (all of its real roots there, by Sturm's theorem)",
        );
        d.push(
            max_claim(g, x, lo, hi, &at, &m),
            "compare endpoints and critical points",
        );
        return Ok((m, d));
    }
    // c·exp(L) with L linear: monotone.
    let (c, rest) = g.split_coeff();
    if let Expr::Pow(b, l) = &rest {
        if matches!(**b, Expr::Const(Constant::E)) {
            if let Some((lp, lq)) = rational_function(l, x) {
                if lq.degree() == 0 && lp.degree() <= 1 {
                    let (m, at) = endpoint_max(g, x, lo, hi)?;
                    d.push(
                        rich![
                            g,
                            Op::Eq,
                            Notation::new(
                                format!("{c}·exp(linear)"),
                                format!("{} \\cdot \\exp(\\text{{linear}})", q_tex(&c))
                            ),
                            " is monotone; ",
                            Notation::new(
                                format!("max |·| on [{lo}, {hi}]"),
                                format!(
                                    "\\max |\\cdot| \\text{{ on }} [{}, {}]",
                                    q_tex(lo),
                                    q_tex(hi)
                                )
                            ),
                            " is at ",
                            Expr::sym(x),
                            Op::Eq,
                            Expr::Num(at.clone()),
                            ": ",
                            &m
                        ],
                        "the exponential of a linear function is monotone",
                    );
                    return Ok((m, d));
                }
            }
        }
    }
    // c·sin(u) or c·cos(u): |·| ≤ |c|.
    if let Expr::Func(Func::Sin | Func::Cos, _) = &rest {
        let m = Expr::Num(c.abs());
        d.push(
            rich![
                Notation::new("|", "\\left|"),
                g,
                Notation::new("|", "\\right|"),
                Op::Le,
                &m
            ],
            "|sin| ≤ 1 and |cos| ≤ 1 (an upper bound, enough for the remainder)",
        );
        return Ok((m, d));
    }
    Err(MathError::Unsupported(format!(
        "sigma cannot bound |{}| on [{lo}, {hi}] exactly yet (it handles rational functions, c·exp(linear), c·sin and c·cos)",
        show(g)
    )))
}

/// A remainder bound and how it was obtained.
#[derive(Debug, Clone)]
pub struct Bound {
    pub value: Expr,
    pub steps: Derivation,
}

/// The Lagrange bound M·|x0 − a|^(n+1)/(n+1)! for the degree-n Taylor polynomial of f at a.
pub fn lagrange(f: &Expr, x: &str, a: &Q, n: u64, x0: &Q) -> MResult<Bound> {
    let g = diff::diff_n(f, x, n + 1)?;
    let (lo, hi) = if a <= x0 {
        (a.clone(), x0.clone())
    } else {
        (x0.clone(), a.clone())
    };
    let mut steps = Derivation::new();
    steps.push(
        rich![
            Notation::new(
                format!("f^({}) (x)", n + 1),
                format!("f^{{({})}}(x)", n + 1)
            ),
            Op::Eq,
            &g
        ],
        "differentiate",
    );
    let (m, why) = max_abs(&g, x, &lo, &hi)?;
    steps.extend(why);
    let h = x0.sub(a).abs();
    let fact = crate::math::number::factorial(n + 1)?;
    let value = expr::div(
        expr::mul(vec![
            m.clone(),
            Expr::Num(h.pow_int(&rug::Integer::from(n + 1))?),
        ])?,
        Expr::Num(Q::from_integer(fact)),
    )?;
    let (x0e, ae) = (Expr::Num(x0.clone()), Expr::Num(a.clone()));
    let (x0t, at) = (latex(&x0e), latex(&ae));
    steps.push(
        rich![
            Notation::new(
                format!("|R_{n}({x0})| ≤ M·|{x0} − {a}|^{}/{}! = {}·({})^{}/{}!", n + 1, n + 1, show(&m), h, n + 1, n + 1),
                format!(
                    "|R_{{{n}}}({x0t})| \\le \\frac{{M\\,|{x0t} - {at}|^{{{k}}}}}{{{k}!}} = \\frac{{{}\\cdot\\left({}\\right)^{{{k}}}}}{{{k}!}}",
                    latex(&m),
                    latex(&Expr::Num(h.clone())),
                    k = n + 1
                )
            ),
            Op::Eq,
            &value
        ],
        "Lagrange's form of the remainder",
    );
    Ok(Bound { value, steps })
}

/// How many terms a tolerance needs, and why.
#[derive(Debug, Clone)]
pub struct TermsNeeded {
    /// The number of non-zero terms of the Taylor series to keep.
    pub terms: u64,
    /// The bound on the error of those terms.
    pub bound: Expr,
    pub steps: Derivation,
}

/// The smallest number of non-zero terms of f's Taylor series at a whose sum at x0 is
/// within eps of f(x0): by the alternating-series bound when the terms provably alternate and
/// decrease, else by the Lagrange bound.
pub fn terms_needed(f: &Expr, x: &str, a: &Q, x0: &Q, eps: &Q) -> MResult<TermsNeeded> {
    if !eps.is_positive() {
        return Err(MathError::Domain("the tolerance must be positive".into()));
    }
    let terms = series_terms(f, x, a, x0)?;
    if let Some(t) = &terms {
        if let Some(found) = alternating(t, x0, eps)? {
            return Ok(found);
        }
    }
    match lagrange_terms(f, x, a, x0, eps) {
        Err(MathError::Unsupported(why)) => match &terms {
            Some(t) => geometric(t, x0, eps)?.ok_or(MathError::Unsupported(why)),
            None => Err(MathError::Unsupported(why)),
        },
        other => other,
    }
}

const TERMS: usize = 80;

/// The non-zero terms t_j = K·d_j of the series at x0 (K an exact constant, d_j rational),
/// with a ratio d_(j+1)/d_j = p(j)/q(j) fitted on all computed terms from index `start`.
struct SeriesTerms {
    k_abs: Expr,
    d: Vec<Q>,
    ratio: Ratio,
    start: usize,
}

fn series_terms(f: &Expr, x: &str, a: &Q, x0: &Q) -> MResult<Option<SeriesTerms>> {
    let e = super::taylor(f, x, &Expr::Num(a.clone()), TERMS)?;
    let h = x0.sub(a);
    // Non-zero terms t_k = c_k·h^k, as rational multiples of one constant K.
    let Some(k0) = e.coeffs.iter().position(|c| !c.is_zero()) else {
        return Ok(None);
    };
    let scale = e.coeffs[k0].clone();
    let mut idx = Vec::new();
    let mut d = Vec::new();
    for (k, c) in e.coeffs.iter().enumerate() {
        if c.is_zero() {
            continue;
        }
        let r = subst::expand(&expr::div(c.clone(), scale.clone())?)?;
        let Some(r) = r.as_num() else { return Ok(None) };
        idx.push(k);
        d.push(r.mul(&h.pow_int(&rug::Integer::from(k))?));
    }
    if d.len() < 30 || h.is_zero() {
        return Ok(None);
    }
    // The non-zero terms must sit on an arithmetic progression of exponents.
    let step = idx[1] - idx[0];
    if idx.windows(2).any(|w| w[1] - w[0] != step) {
        return Ok(None);
    }
    let Some((p, q, start)) = super::guess::term_ratio(&d) else {
        return Ok(None);
    };
    let ratio = Ratio {
        c: Expr::one(),
        num: p,
        den: q,
    };
    let k_abs = float_abs(&scale)?;
    Ok(Some(SeriesTerms {
        k_abs,
        d,
        ratio,
        start,
    }))
}

impl SeriesTerms {
    fn term(&self, j: usize) -> MResult<Expr> {
        expr::mul(vec![self.k_abs.clone(), Expr::Num(self.d[j].abs())])
    }
    /// The least j ≥ `from` among the computed terms with |t_j|·factor < eps (the terms
    /// shrink from `from` on, so the test is monotone): the shared search of `math::sum`.
    fn first_below(&self, from: usize, factor: &Q, eps: &Q) -> MResult<Option<usize>> {
        let len = self.d.len();
        let found = least(rug::Integer::from(from), 64, |j| {
            let Some(j) = j.to_usize().filter(|&j| j < len) else {
                return Ok(true);
            };
            let t = expr::mul(vec![self.term(j)?, Expr::Num(factor.clone())])?;
            Ok(cmp_const(&t, &Expr::Num(eps.clone()))? == Ordering::Less)
        })?;
        Ok(found.and_then(|j| j.to_usize()).filter(|&j| j < len))
    }
    fn ratio_text(&self, x0: &Q) -> MResult<(Rich, String)> {
        let ratio = expr::div(self.ratio.num.to_expr("n")?, self.ratio.den.to_expr("n")?)?;
        Ok((
            rich![
                "the non-zero terms of the series at ",
                Notation::new(format!("x = {x0}"), format!("x = {}", q_tex(x0))),
                " have ratio ",
                Notation::new("t(n+1)/t(n)", "\\frac{t(n+1)}{t(n)}"),
                Op::Eq,
                &ratio
            ],
            format!(
                "fitted on exact coefficients and checked on all {} computed terms",
                self.d.len()
            ),
        ))
    }
}

fn alternating(t: &SeriesTerms, x0: &Q, eps: &Q) -> MResult<Option<TermsNeeded>> {
    let (p, q) = (&t.ratio.num, &t.ratio.den);
    let start = t.start;
    let from = Q::int(start as i64);
    // ρ = p/q ∈ [−1, 0) for all n ≥ start, with a limit of size < 1.
    let limit_below_one = match p.degree().cmp(&q.degree()) {
        Ordering::Less => true,
        Ordering::Equal => p.lead().abs() < q.lead().abs(),
        Ordering::Greater => false,
    };
    if !(alternating_decreasing(p, q, &from) && limit_below_one) {
        return Ok(None);
    }
    let Some(j) = t.first_below(start, &Q::one(), eps)? else {
        return Ok(None);
    };
    let term = t.term(j)?;
    let mut steps = Derivation::new();
    let (claim, why) = t.ratio_text(x0)?;
    steps.push(claim, why);
    steps.push(
        rich![
            Notation::new("−1 ≤ t(n+1)/t(n) < 0", "-1 \\le \\frac{t(n+1)}{t(n)} < 0"),
            " for every ",
            Notation::new(format!("n ≥ {start}"), format!("n \\ge {start}")),
            ", and its limit has size < 1"
        ],
        "Sturm's theorem on the numerator and denominator: the terms alternate and decrease to 0",
    );
    steps.push(
        rich![
            format!("keep {j} term(s); the first omitted term has size "),
            &term,
            approx_below(&term, eps)
        ],
        rich![
            "alternating series estimation theorem: ",
            Notation::new("|error| ≤", "|\\text{error}| \\le"),
            " first omitted term"
        ],
    );
    Ok(Some(TermsNeeded {
        terms: j as u64,
        bound: term,
        steps,
    }))
}

/// The geometric tail |t_j|/(1 − ρ) from a proven ratio bound |t(n+1)/t(n)| ≤ ρ < 1 (used
/// when the Lagrange bound is out of reach).
fn geometric(t: &SeriesTerms, x0: &Q, eps: &Q) -> MResult<Option<TermsNeeded>> {
    let start = rug::Integer::from(t.start);
    let Some((rho, m)) = numeric_tail::geometric(&t.ratio, &start)? else {
        return Ok(None);
    };
    let Some(m) = m.to_usize() else {
        return Ok(None);
    };
    let factor = Q::one().sub(&rho).recip()?;
    let Some(j) = t.first_below(m, &factor, eps)? else {
        return Ok(None);
    };
    let bound = expr::mul(vec![t.term(j)?, Expr::Num(factor)])?;
    let mut steps = Derivation::new();
    let (claim, why) = t.ratio_text(x0)?;
    steps.push(claim, why);
    steps.push(
        rich![
            Notation::new(
                format!("|t(n+1)/t(n)| ≤ {rho}"),
                format!(
                    "\\left|\\frac{{t(n+1)}}{{t(n)}}\\right| \\le {}",
                    q_tex(&rho)
                )
            ),
            " for every ",
            Notation::new(format!("n ≥ {m}"), format!("n \\ge {m}"))
        ],
        rich![
            "Sturm's theorem on ",
            Notation::new("ρ²·q² − p²", "\\rho^{2} q^{2} - p^{2}")
        ],
    );
    steps.push(
        rich![
            format!("keep {j} term(s); the tail is at most "),
            Notation::new(
                format!("|t({j})|/(1 − {rho})"),
                format!("\\frac{{|t({j})|}}{{1 - {}}}", q_tex(&rho))
            ),
            Op::Eq,
            &bound,
            approx_below(&bound, eps)
        ],
        rich![
            "geometric tail: ",
            Notation::new(
                "Σ_{i≥0} |t_j|·ρ^i = |t_j|/(1 − ρ)",
                "\\sum_{i \\ge 0} |t_j| \\rho^{i} = \\frac{|t_j|}{1 - \\rho}"
            )
        ],
    );
    Ok(Some(TermsNeeded {
        terms: j as u64,
        bound,
        steps,
    }))
}

fn float_abs(e: &Expr) -> MResult<Expr> {
    if sign_const(e)? == Ordering::Less {
        expr::neg(e.clone())
    } else {
        Ok(e.clone())
    }
}

/// ` ≈ value < eps` after an expression, in text and LaTeX.
fn approx_below(e: &Expr, eps: &Q) -> Notation {
    let a = approx(e);
    Notation::new(
        format!(" ≈ {a} < {eps}"),
        format!(" \\approx {a} < {}", q_tex(eps)),
    )
}

/// LaTeX of a rational number.
fn q_tex(q: &Q) -> String {
    latex(&Expr::Num(q.clone()))
}

fn approx(e: &Expr) -> String {
    float::evaluate(e, 4)
        .map(|a| a.text)
        .unwrap_or_else(|_| "?".into())
}

fn lagrange_terms(f: &Expr, x: &str, a: &Q, x0: &Q, eps: &Q) -> MResult<TermsNeeded> {
    for n in 0..200u64 {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        let b = lagrange(f, x, a, n, x0)?;
        if cmp_const(&b.value, &Expr::Num(eps.clone()))? == Ordering::Less {
            let coeffs = super::taylor(f, x, &Expr::Num(a.clone()), n as usize + 1)?.coeffs;
            let terms = coeffs.iter().filter(|c| !c.is_zero()).count() as u64;
            let mut steps = b.steps;
            steps.push(
                rich![
                    format!(
                        "the Taylor polynomial of degree {n} ({terms} non-zero term(s)) is within "
                    ),
                    &b.value,
                    approx_below(&b.value, eps)
                ],
                "smallest degree whose Lagrange bound is below the tolerance",
            );
            return Ok(TermsNeeded {
                terms,
                bound: b.value,
                steps,
            });
        }
    }
    Err(MathError::Unsupported(
        "the Lagrange bound stays above the tolerance through degree 200".into(),
    ))
}
