//! Convergence of Σ a(n) from n0 to ∞: a pipeline of tests (nth-term, geometric, p-series and
//! limit comparison, log-p-series, ratio, alternating series, Dirichlet), each deciding with a
//! reason or passing, then Gauss's test for hypergeometric terms and telescoping. The verdict
//! names the test and the quantity it computed; "unknown, because …" is an answer, a wrong
//! verdict never is.

use crate::math::alternation::strip_alternation;
use crate::math::answer::{names, Notation, Op, Quantity, Rich};
use crate::math::asymptotic::{leading, Sign};
use crate::math::derivation::Derivation;
use crate::math::expr::{self, diff::diff, subst::subs, Expr, Func, MResult, MathError};
use crate::math::float::sign::cmp_const;
use crate::math::limit::{limit_at_infinity, Limit};
use crate::rich;
use std::cmp::Ordering;

mod absolute;
mod bounded;
mod gauss;
mod growth;
mod named;
use absolute::absolute;
pub use named::run_test;

pub use crate::math::answer::{Test, Verdict, VerdictKind};

/// A verdict with the derivation behind it.
#[derive(Debug, Clone)]
pub struct Decision {
    pub verdict: Verdict,
    pub steps: Derivation,
}

impl Decision {
    fn new(verdict: Verdict, steps: Derivation) -> Self {
        Decision { verdict, steps }
    }
    fn decided(
        kind: VerdictKind,
        test: Test,
        quantity: Option<Quantity>,
        reason: Rich,
        steps: Derivation,
    ) -> Self {
        Decision::new(Verdict::new(kind, test, quantity, reason), steps)
    }
    fn unknown(reason: impl Into<Rich>, steps: Derivation) -> Self {
        Decision::new(Verdict::unknown(reason.into()), steps)
    }
    /// The kind of the verdict.
    pub fn kind(&self) -> VerdictKind {
        self.verdict.kind
    }
    /// "converges absolutely — ratio test: …" in plain text.
    pub fn summary(&self) -> String {
        self.verdict.to_string()
    }
}

/// Decides Σ_{n ≥ n0} a(n): the pipeline of tests, then telescoping when they leave it open.
pub fn converges(a: &Expr, n: &str) -> MResult<Decision> {
    crate::math::expr::require_real(a, "convergence tests")?;
    let Some(rw) = crate::math::periodic::at_integers(a, n)? else {
        return converges_as_written(a, n);
    };
    let b = rw.expr;
    let mut steps = Derivation::new();
    if rw.shown {
        steps.push(rich![a, Op::Eq, &b], crate::math::periodic::AT_INTEGERS);
    }
    if b.is_zero() {
        return Ok(Decision::decided(
            VerdictKind::ConvergesAbsolutely,
            Test::Comparison,
            None,
            rich![
                "comparison: every term is 0 at integer n (",
                a,
                Op::Eq,
                Expr::zero(),
                "), so every partial sum is 0"
            ],
            steps,
        ));
    }
    let mut d = converges_as_written(&b, n)?;
    steps.extend(std::mem::take(&mut d.steps));
    d.steps = steps;
    Ok(d)
}

fn converges_as_written(a: &Expr, n: &str) -> MResult<Decision> {
    let d = pipeline(a, n)?;
    if d.kind() != VerdictKind::Unknown {
        return Ok(d);
    }
    if let Some(g) = gauss::decide(a, n)? {
        return Ok(g);
    }
    let Some(t) = crate::math::sum::closed::telescope::telescoping(a, n)? else {
        return Ok(d);
    };
    let mut steps = d.steps;
    steps.extend(t.steps);
    let quantity = t
        .limit
        .clone()
        .map(|v| Quantity::new(Notation::new("lim z(N)", "\\lim_{N\\to\\infty} z(N)"), v));
    let reason = Rich::text(t.reason.clone());
    if !t.converges {
        return Ok(Decision::decided(
            VerdictKind::Diverges,
            Test::Telescoping,
            quantity,
            reason,
            steps,
        ));
    }
    let sign = leading(a, n).map(|x| x.sign).unwrap_or(Sign::Unknown);
    Ok(match sign {
        Sign::Positive | Sign::Negative => {
            steps.push(
                "the terms eventually have one sign",
                "so the convergence is absolute",
            );
            Decision::decided(
                VerdictKind::ConvergesAbsolutely,
                Test::Telescoping,
                quantity,
                reason,
                steps,
            )
        }
        _ => Decision::unknown(
            format!(
                "unknown whether absolutely: the series converges ({}), but Σ|a(n)| is not decided",
                t.reason
            ),
            steps,
        ),
    })
}

fn pipeline(a: &Expr, n: &str) -> MResult<Decision> {
    let mut steps = Derivation::new();
    let others: Vec<_> = a.symbols().into_iter().filter(|s| &**s != n).collect();
    if !others.is_empty() {
        return Err(MathError::Unsupported(format!(
            "the term has the free symbol {}: converges needs a numeric series (for a power series use radius or interval)",
            others[0]
        )));
    }
    // nth-term test.
    let (lim, lsteps) = limit_at_infinity(a, n)?;
    let lim_a = names::term_limit;
    match &lim {
        Limit::Value(v) if v.is_zero() => {
            steps.push(
                rich![lim_a(), Op::Eq, Expr::zero()],
                "the nth-term test is inconclusive; further tests follow",
            );
        }
        Limit::Value(v) => {
            steps.extend(lsteps);
            return Ok(Decision::decided(
                VerdictKind::Diverges,
                Test::NthTerm,
                Some(Quantity::term_limit(v.clone())),
                rich!["nth-term test: ", lim_a(), Op::Eq, v, Op::Ne, Expr::zero()],
                steps,
            ));
        }
        Limit::PlusInfinity | Limit::MinusInfinity => {
            steps.extend(lsteps);
            let to = if lim == Limit::PlusInfinity {
                Expr::infinity()
            } else {
                Expr::neg_infinity()
            };
            let factorial_growth = leading(a, n).is_ok_and(|x| x.scale.fact.is_positive());
            let d = if factorial_growth {
                Decision::decided(
                    VerdictKind::Diverges,
                    Test::Ratio,
                    Some(Quantity::ratio(Expr::infinity())),
                    rich![
                        "ratio test: ",
                        names::ratio_limit(),
                        Op::Eq,
                        Expr::infinity(),
                        Op::Gt,
                        Expr::one(),
                        " (the terms do not tend to 0 either: ",
                        names::a_n(),
                        Op::To,
                        &to,
                        ")"
                    ],
                    steps,
                )
            } else {
                Decision::decided(
                    VerdictKind::Diverges,
                    Test::NthTerm,
                    Some(Quantity::term_limit(to.clone())),
                    rich!["nth-term test: ", names::a_n(), Op::To, &to],
                    steps,
                )
            };
            return Ok(d);
        }
        Limit::DoesNotExist(why) => {
            steps.extend(lsteps);
            return Ok(Decision::decided(
                VerdictKind::Diverges,
                Test::NthTerm,
                None,
                rich![
                    "nth-term test: ",
                    names::a_n(),
                    format!(" does not tend to 0 ({why})")
                ],
                steps,
            ));
        }
        Limit::Unknown(_) => {}
    }
    // Oscillating trigonometric factor: Dirichlet's test.
    if let Some(d) = dirichlet(a, n, &mut steps)? {
        return Ok(d);
    }
    let asym = match leading(a, n) {
        Ok(x) => x,
        Err(e) => {
            if let Some(d) = bounded::decide(a, n, &steps)? {
                return Ok(d);
            }
            if let Some(d) = by_big_o(n, a, &steps)? {
                return Ok(d);
            }
            if let Some(f) = growth::logarithmic(a, n)? {
                steps.push(f.claim, "the logarithmic scale: a(n) against powers of n");
                let kind = VerdictKind::from_converges(f.converges);
                return Ok(Decision::decided(
                    kind,
                    Test::Comparison,
                    Some(f.quantity),
                    f.why,
                    steps,
                ));
            }
            return Ok(Decision::unknown(format!("unknown, because {e}"), steps));
        }
    };
    let scale = asym.scale.to_expr(n);
    if asym.sign == Sign::Unknown {
        steps.push(
            rich![
                "|",
                names::a_n(),
                "| ≤ ",
                &scale,
                "·(1 + o(1)), and ",
                names::a_n(),
                " is not o of it"
            ],
            "leading asymptotic behaviour (the magnitude oscillates)",
        );
    } else {
        steps.push(
            rich![names::a_n(), Op::Sim, &scale],
            "leading asymptotic behaviour",
        );
    }
    let abs = absolute(a, n, &asym.scale)?;
    let kind = VerdictKind::from_converges;
    match (abs, asym.sign) {
        (Some(f), _) if f.converges => Ok(Decision::decided(
            kind(true),
            f.test,
            f.quantity,
            f.why,
            steps,
        )),
        (Some(f), Sign::Positive | Sign::Negative) => Ok(Decision::decided(
            kind(false),
            f.test,
            f.quantity,
            f.why,
            steps,
        )),
        (Some(f), Sign::Alternating) => leibniz(a, n, f.why, steps),
        (None, _) | (Some(_), Sign::Unknown) => Ok(Decision::unknown(
            rich![
                "unknown, because no test in sigma's pipeline decides a series whose terms have leading scale ",
                &scale
            ],
            steps,
        )),
    }
}

/// Comparison with an O-bound: when only |a(n)| = O(M(n)) is known and Σ M converges, Σ a(n)
/// converges absolutely. (An O-bound never shows divergence.)
fn by_big_o(n: &str, a: &Expr, steps: &Derivation) -> MResult<Option<Decision>> {
    let Some(bound) = crate::math::asymptotic::big_o_bound(a, n) else {
        return Ok(None);
    };
    let m = bound.to_expr(n);
    let Some(f) = absolute(&m, n, &bound)? else {
        return Ok(None);
    };
    if !f.converges {
        return Ok(None);
    }
    let mut steps = steps.clone();
    steps.push(
        rich![names::a_n(), " = O(", &m, ")"],
        "the asymptotic expansion keeps only its O-term: |a(n)| ≤ C·M(n) for large n",
    );
    steps.push(
        rich!["Σ ", &m, " converges: ", f.why.clone()],
        "the bound's series",
    );
    Ok(Some(Decision::decided(
        VerdictKind::ConvergesAbsolutely,
        Test::Comparison,
        f.quantity,
        rich![
            "comparison: |",
            names::a_n(),
            "| = O(",
            &m,
            "), and Σ ",
            &m,
            " converges"
        ],
        steps,
    )))
}

fn ratio_expr(a: &Expr, n: &str) -> MResult<Expr> {
    let next = subs(a, n, &expr::add(vec![Expr::sym(n), Expr::one()])?)?;
    expr::div(next, a.clone())
}

/// The alternating series test once Σ|a| is known to diverge.
fn leibniz(a: &Expr, n: &str, abs_why: Rich, mut steps: Derivation) -> MResult<Decision> {
    let abs_sum = names::abs_sum;
    let Some((s, _)) = strip_alternation(a, n)? else {
        return Ok(Decision::unknown(
            rich![
                "unknown, because the terms alternate but not through an explicit (−1)^n factor, and ",
                abs_sum(),
                " diverges (",
                &abs_why,
                ")"
            ],
            steps,
        ));
    };
    let sign = match leading(&s, n) {
        Ok(x) => x.sign,
        Err(e) => {
            return Ok(Decision::unknown(
                rich![
                    "unknown, because the magnitude ",
                    &s,
                    format!(" is outside sigma's asymptotics ({e}), and "),
                    abs_sum(),
                    " diverges (",
                    &abs_why,
                    ")"
                ],
                steps,
            ))
        }
    };
    let s = match sign {
        Sign::Negative => expr::neg(s)?,
        Sign::Positive => s,
        _ => {
            return Ok(Decision::unknown(
                rich![
                    "unknown, because the magnitude ",
                    &s,
                    " does not keep one sign, and ",
                    abs_sum(),
                    " diverges (",
                    &abs_why,
                    ")"
                ],
                steps,
            ))
        }
    };
    let ds = diff(&s, n).unwrap_or_else(|_| Expr::zero());
    let decreasing = !ds.is_zero() && matches!(leading(&ds, n).map(|x| x.sign), Ok(Sign::Negative));
    if !decreasing {
        return Ok(Decision::unknown(
            rich![
                "unknown, because sigma cannot show that ",
                &s,
                " is eventually decreasing, and ",
                abs_sum(),
                " diverges (",
                &abs_why,
                ")"
            ],
            steps,
        ));
    }
    steps.push(
        rich![
            Notation::new(format!("d/d{n} "), format!("\\frac{{d}}{{d{n}}} ")),
            &s,
            Op::Eq,
            &ds,
            " is eventually negative, so ",
            &s,
            " decreases"
        ],
        "asymptotic sign of the derivative",
    );
    Ok(Decision::decided(
        VerdictKind::ConvergesConditionally,
        Test::Alternating,
        Some(Quantity::new(Notation::new("|a(n)|", "|a(n)|"), s.clone())),
        rich![
            "alternating series test: ",
            &s,
            " decreases to 0; ",
            abs_sum(),
            " diverges (",
            &abs_why,
            ")"
        ],
        steps,
    ))
}
/// Dirichlet's test for a(n) = s(n)·sin(c·n + d) or s(n)·cos(c·n + d), c rational ≠ 0.
fn dirichlet(a: &Expr, n: &str, steps: &mut Derivation) -> MResult<Option<Decision>> {
    let factors = match a {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let trig: Vec<&Expr> = factors
        .iter()
        .filter(|f| matches!(f, Expr::Func(Func::Sin | Func::Cos, args) if args[0].depends_on(n)))
        .collect();
    if trig.len() != 1 {
        return Ok(None);
    }
    let t = trig[0].clone();
    let Expr::Func(_, args) = &t else {
        return Ok(None);
    };
    let Ok(slope) = diff(&args[0], n) else {
        return Ok(None);
    };
    let rational_slope = slope.as_num().is_some_and(|q| !q.is_zero());
    if !rational_slope || diff(&slope, n).ok() != Some(Expr::zero()) {
        return Ok(None);
    }
    let mut s = expr::div(a.clone(), t.clone())?;
    let Ok(mut asym) = leading(&s, n) else {
        return Ok(None);
    };
    if asym.sign == Sign::Negative {
        // Σ s·trig = −Σ (−s)·trig: the same verdict.
        s = expr::neg(s)?;
        let Ok(flipped) = leading(&s, n) else {
            return Ok(None);
        };
        asym = flipped;
    }
    if asym.sign != Sign::Positive || !asym.scale.tends_to_zero()? {
        return Ok(None);
    }
    let Ok(ds) = diff(&s, n) else {
        return Ok(None);
    };
    if !matches!(leading(&ds, n).map(|x| x.sign), Ok(Sign::Negative)) {
        return Ok(None);
    }
    // Σ s converges ⇒ absolute convergence by comparison (|trig| ≤ 1).
    if let Some(f) = absolute(&s, n, &asym.scale)?.filter(|f| f.converges) {
        steps.push(rich!["|", names::a_n(), "| ≤ ", &s], "|sin| ≤ 1, |cos| ≤ 1");
        return Ok(Some(Decision::decided(
            VerdictKind::ConvergesAbsolutely,
            Test::Comparison,
            f.quantity,
            rich!["comparison with ", names::sigma(), &s, ": ", f.why],
            steps.clone(),
        )));
    }
    steps.push(
        rich![
            "the partial sums of ",
            &t,
            " are bounded and ",
            &s,
            " decreases to 0"
        ],
        "the slope of the angle is a non-zero rational, not a multiple of 2π (π is irrational)",
    );
    steps.push(
        rich![
            Notation::new("|", "\\left|"),
            &t,
            Notation::new("|", "\\right|"),
            Op::Ge,
            Notation::new(format!("{t}^2"), format!("{}^{{2}}", tex_base(&t))),
            Op::Eq,
            Notation::new(
                "(1 ∓ cos(2·angle))/2",
                "\\frac{1 \\mp \\cos(2 \\cdot \\text{angle})}{2}"
            ),
            ", and ",
            names::sigma(),
            &s,
            Notation::new("/2", "/2"),
            " diverges while ",
            names::sigma(),
            &s,
            Notation::new("·cos(2·angle)/2", " \\cdot \\cos(2 \\cdot \\text{angle})/2"),
            " converges (Dirichlet)"
        ],
        rich![
            "so ",
            Notation::new("Σ |a(n)|", "\\sum |a(n)|"),
            " diverges"
        ],
    );
    Ok(Some(Decision::decided(
        VerdictKind::ConvergesConditionally,
        Test::Dirichlet,
        None,
        rich![
            "Dirichlet test: ",
            &t,
            " has bounded partial sums and ",
            &s,
            " decreases to 0; ",
            names::abs_sum(),
            " diverges"
        ],
        steps.clone(),
    )))
}

/// LaTeX of an expression as the base of a power (parenthesised unless atomic).
fn tex_base(e: &Expr) -> String {
    use crate::math::expr::print::{paren, print_prec, Prec, Style};
    paren(print_prec(e, Style::Latex), Prec::Atom, Style::Latex)
}
