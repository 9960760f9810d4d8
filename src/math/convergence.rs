//! Convergence of Σ a(n) from n0 to ∞: a pipeline of tests (nth-term, geometric, p-series and
//! limit comparison, log-p-series, ratio, alternating series, Dirichlet), each deciding with a
//! reason or passing. The verdict names the test and the quantity it computed; "unknown, because
//! …" is an answer, a wrong verdict never is.

use crate::math::alternation::strip_alternation;
use crate::math::asymptotic::{leading, Scale, Sign};
use crate::math::derivation::Derivation;
use crate::math::expr::{self, diff::diff, subst::subs, Expr, Func, MResult, MathError};
use crate::math::float::sign::cmp_const;
use crate::math::limit::{limit_at_infinity, Limit};
use crate::math::number::Q;
use std::cmp::Ordering;
use std::fmt;

mod named;
pub use named::{run_test, TESTS};

/// The four possible answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    ConvergesAbsolutely,
    ConvergesConditionally,
    Diverges,
    Unknown,
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::ConvergesAbsolutely => "converges absolutely",
            Verdict::ConvergesConditionally => "converges conditionally",
            Verdict::Diverges => "diverges",
            Verdict::Unknown => "unknown",
        })
    }
}

/// A verdict with the deciding test, what it computed, and the derivation.
#[derive(Debug, Clone)]
pub struct Decision {
    pub verdict: Verdict,
    /// "ratio test: lim |a(n+1)/a(n)| = 1/e < 1"
    pub reason: String,
    pub steps: Derivation,
}

impl Decision {
    fn new(verdict: Verdict, reason: impl Into<String>, steps: Derivation) -> Self {
        Decision {
            verdict,
            reason: reason.into(),
            steps,
        }
    }
    /// "converges absolutely — ratio test: …"
    pub fn summary(&self) -> String {
        if self.verdict == Verdict::Unknown && self.reason.starts_with("unknown") {
            return self.reason.clone();
        }
        format!("{} — {}", self.verdict, self.reason)
    }
}

/// Decides Σ_{n ≥ n0} a(n): the pipeline of tests, then telescoping when they leave it open.
pub fn converges(a: &Expr, n: &str) -> MResult<Decision> {
    let d = pipeline(a, n)?;
    if d.verdict != Verdict::Unknown {
        return Ok(d);
    }
    let Some(t) = crate::math::sum::closed::telescope::telescoping(a, n)? else {
        return Ok(d);
    };
    let mut steps = d.steps;
    steps.extend(t.steps);
    if !t.converges {
        return Ok(Decision::new(Verdict::Diverges, t.reason, steps));
    }
    let sign = leading(a, n).map(|x| x.sign).unwrap_or(Sign::Unknown);
    Ok(match sign {
        Sign::Positive | Sign::Negative => {
            steps.push(
                "the terms eventually have one sign",
                "so the convergence is absolute",
            );
            Decision::new(Verdict::ConvergesAbsolutely, t.reason, steps)
        }
        _ => Decision::new(
            Verdict::Unknown,
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
    match &lim {
        Limit::Value(v) if v.is_zero() => {
            steps.push(
                "lim a(n) = 0",
                "the nth-term test is inconclusive; further tests follow",
            );
        }
        Limit::Value(v) => {
            steps.extend(lsteps);
            return Ok(Decision::new(
                Verdict::Diverges,
                format!("nth-term test: lim a(n) = {v} ≠ 0"),
                steps,
            ));
        }
        Limit::PlusInfinity | Limit::MinusInfinity => {
            steps.extend(lsteps);
            let factorial_growth = leading(a, n).is_ok_and(|x| x.scale.fact.is_positive());
            let reason = if factorial_growth {
                format!("ratio test: lim |a(n+1)/a(n)| = oo > 1 (the terms do not tend to 0 either: a(n) → {lim})")
            } else {
                format!("nth-term test: a(n) → {lim}")
            };
            return Ok(Decision::new(Verdict::Diverges, reason, steps));
        }
        Limit::DoesNotExist(why) => {
            steps.extend(lsteps);
            return Ok(Decision::new(
                Verdict::Diverges,
                format!("nth-term test: a(n) does not tend to 0 ({why})"),
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
            return Ok(Decision::new(
                Verdict::Unknown,
                format!("unknown, because {e}"),
                steps,
            ));
        }
    };
    if asym.sign == Sign::Unknown {
        steps.push(
            format!(
                "|a(n)| ≤ {}·(1 + o(1)), and a(n) is not o of it",
                asym.scale.to_expr(n)
            ),
            "leading asymptotic behaviour (the magnitude oscillates)",
        );
    } else {
        steps.push(
            format!("a(n) ~ {}", asym.scale.to_expr(n)),
            "leading asymptotic behaviour",
        );
    }
    let abs = absolute(a, n, &asym.scale)?;
    match (abs, asym.sign) {
        (Some((true, why)), _) => Ok(Decision::new(Verdict::ConvergesAbsolutely, why, steps)),
        (Some((false, why)), Sign::Positive | Sign::Negative) => {
            Ok(Decision::new(Verdict::Diverges, why, steps))
        }
        (Some((false, why)), Sign::Alternating) => leibniz(a, n, why, steps),
        (None, _) | (Some((false, _)), Sign::Unknown) => Ok(Decision::new(
            Verdict::Unknown,
            format!(
                "unknown, because no test in sigma's pipeline decides a series whose terms have leading scale {}",
                asym.scale.to_expr(n)
            ),
            steps,
        )),
    }
}

fn ratio_expr(a: &Expr, n: &str) -> MResult<Expr> {
    let next = subs(a, n, &expr::add(vec![Expr::sym(n), Expr::one()])?)?;
    expr::div(next, a.clone())
}

/// Whether Σ|a| converges, from the scale of |a|: `(converges, reason)`.
fn absolute(a: &Expr, n: &str, s: &Scale) -> MResult<Option<(bool, String)>> {
    if s.fact.is_positive() {
        return Ok(Some((
            false,
            "ratio test: lim |a(n+1)/a(n)| = oo > 1".into(),
        )));
    }
    if s.fact.is_negative() {
        return Ok(Some((true, "ratio test: lim |a(n+1)/a(n)| = 0 < 1".into())));
    }
    let b = &s.base;
    let geometric = s.pow.is_zero() && s.log.is_zero() && s.loglog.is_zero() && {
        let r = ratio_expr(a, n)?;
        !r.depends_on(n)
    };
    match cmp_const(b, &Expr::one())? {
        Ordering::Less => {
            return Ok(Some((
                true,
                if geometric {
                    format!("geometric series with |ratio| = {b} < 1")
                } else {
                    format!("ratio test: lim |a(n+1)/a(n)| = {b} < 1")
                },
            )))
        }
        Ordering::Greater => {
            return Ok(Some((
                false,
                format!("ratio test: lim |a(n+1)/a(n)| = {b} > 1"),
            )));
        }
        Ordering::Equal => {}
    }
    // b = 1: compare with p-series, log-p-series.
    let p = s.pow.neg();
    let exact_p = s.log.is_zero() && s.loglog.is_zero() && is_power_of_n(a, n);
    let one = Q::one();
    let plain_power = s.log.is_zero() && s.loglog.is_zero();
    if p != one || plain_power {
        let conv = p.0 > one.0;
        let rel = if conv { ">" } else { "≤" };
        // With log factors the comparison exponent sits strictly between 1 and p, so that the
        // limit comparison is valid: a(n)·n^p' → 0 against a convergent Σ 1/n^p', or → ∞
        // against a divergent one.
        let logs_help = if conv {
            s.log.is_positive() || (s.log.is_zero() && s.loglog.is_positive())
        } else {
            s.log.is_negative() || (s.log.is_zero() && s.loglog.is_negative())
        };
        if logs_help {
            let mid = p.add(&one).mul(&Q::frac(1, 2));
            let shown = if mid.is_integer() {
                mid.to_string()
            } else {
                format!("({mid})")
            };
            let (to, kind) = if conv {
                ("0", "converges")
            } else {
                ("oo", "diverges")
            };
            return Ok(Some((
                conv,
                format!("limit comparison with Σ 1/n^{shown}: a(n)·n^{shown} → {to} and Σ 1/n^{shown} {kind} (p-series, p = {mid} {rel} 1)"),
            )));
        }
        let shown = if p.is_integer() {
            p.to_string()
        } else {
            format!("({p})")
        };
        let what = if exact_p {
            format!("p-series with p = {p} {rel} 1")
        } else if p == one {
            "limit comparison with the harmonic series Σ 1/n (p-series, p = 1 ≤ 1)".to_string()
        } else {
            format!("limit comparison with Σ 1/n^{shown} (p-series, p = {p} {rel} 1)")
        };
        return Ok(Some((conv, what)));
    }
    let q = s.log.neg();
    if q != one || s.loglog.is_zero() {
        let conv = q.0 > one.0;
        let rel = if conv { ">" } else { "≤" };
        return Ok(Some((
            conv,
            if q == one {
                "limit comparison with Σ 1/(n·ln n), which diverges (integral test: ∫ dx/(x ln x) = ln ln x → ∞)".to_string()
            } else {
                {
                    let e = Q::one().sub(&q);
                    let shown = if q.is_integer() && !q.is_negative() {
                        q.to_string()
                    } else {
                        format!("({q})")
                    };
                    format!(
                        "limit comparison with Σ 1/(n·(ln n)^{shown}) (log-p-series; integral test: ∫ dx/(x·(ln x)^{shown}) = (ln x)^({e})/({e}), {} as x → ∞, since q = {q} {rel} 1)",
                        if conv { "bounded" } else { "unbounded" }
                    )
                }
            },
        )));
    }
    let r = s.loglog.neg();
    let conv = r.0 > one.0;
    let rel = if conv { ">" } else { "≤" };
    Ok(Some((
        conv,
        format!("comparison with Σ 1/(n·ln n·(ln ln n)^{r}) (integral test: exponent {r} {rel} 1)"),
    )))
}

/// Whether `a` is exactly c·n^k.
fn is_power_of_n(a: &Expr, n: &str) -> bool {
    let (_, m) = a.split_coeff();
    match &m {
        Expr::Pow(b, e) => **b == Expr::sym(n) && !e.depends_on(n),
        Expr::Sym(s) => &**s == n,
        _ => false,
    }
}

/// The alternating series test once Σ|a| is known to diverge.
fn leibniz(a: &Expr, n: &str, abs_why: String, mut steps: Derivation) -> MResult<Decision> {
    let Some((s, _)) = strip_alternation(a, n)? else {
        return Ok(Decision::new(
            Verdict::Unknown,
            format!("unknown, because the terms alternate but not through an explicit (−1)^n factor, and Σ|a(n)| diverges ({abs_why})"),
            steps,
        ));
    };
    let sign = match leading(&s, n) {
        Ok(x) => x.sign,
        Err(e) => {
            return Ok(Decision::new(
                Verdict::Unknown,
                format!("unknown, because the magnitude {s} is outside sigma's asymptotics ({e}), and Σ|a(n)| diverges ({abs_why})"),
                steps,
            ))
        }
    };
    let s = match sign {
        Sign::Negative => expr::neg(s)?,
        Sign::Positive => s,
        _ => {
            return Ok(Decision::new(
                Verdict::Unknown,
                format!("unknown, because the magnitude {s} does not keep one sign, and Σ|a(n)| diverges ({abs_why})"),
                steps,
            ))
        }
    };
    let ds = diff(&s, n).unwrap_or_else(|_| Expr::zero());
    let decreasing = !ds.is_zero() && matches!(leading(&ds, n).map(|x| x.sign), Ok(Sign::Negative));
    if !decreasing {
        return Ok(Decision::new(
            Verdict::Unknown,
            format!("unknown, because sigma cannot show that {s} is eventually decreasing, and Σ|a(n)| diverges ({abs_why})"),
            steps,
        ));
    }
    steps.push(
        format!("d/dn {s} = {ds} is eventually negative, so {s} decreases"),
        "asymptotic sign of the derivative",
    );
    Ok(Decision::new(
        Verdict::ConvergesConditionally,
        format!("alternating series test: {s} decreases to 0; Σ|a(n)| diverges ({abs_why})"),
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
    if let Some((true, why)) = absolute(&s, n, &asym.scale)? {
        steps.push(format!("|a(n)| ≤ {s}"), "|sin| ≤ 1, |cos| ≤ 1");
        return Ok(Some(Decision::new(
            Verdict::ConvergesAbsolutely,
            format!("comparison with Σ {s}: {why}"),
            steps.clone(),
        )));
    }
    steps.push(
        format!("the partial sums of {t} are bounded and {s} decreases to 0"),
        "the slope of the angle is a non-zero rational, not a multiple of 2π (π is irrational)",
    );
    steps.push(
        format!("|{t}| ≥ {t}^2 = (1 ∓ cos(2·angle))/2, and Σ {s}/2 diverges while Σ {s}·cos(2·angle)/2 converges (Dirichlet)"),
        "so Σ |a(n)| diverges",
    );
    Ok(Some(Decision::new(
        Verdict::ConvergesConditionally,
        format!(
            "Dirichlet test: {t} has bounded partial sums and {s} decreases to 0; Σ|a(n)| diverges"
        ),
        steps.clone(),
    )))
}
