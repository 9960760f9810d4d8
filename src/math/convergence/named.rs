//! `test(sum, name)`: one named convergence test run on its own, reporting what it shows —
//! inconclusive included ("ratio test: L = 1, inconclusive"), the question a student asks.

use super::*;

/// The tests `test(sum, name)` can run.
pub const TESTS: [&str; 9] = [
    "ratio",
    "root",
    "raabe",
    "pseries",
    "alternating",
    "comparison",
    "integral",
    "nth_term",
    "telescoping",
];

fn limit_text(l: &Limit) -> String {
    match l {
        Limit::Value(v) => v.to_string(),
        other => other.to_string(),
    }
}

/// Runs one named test on Σ a(n) and reports what it shows, inconclusive included.
pub fn run_test(a: &Expr, n: &str, name: &str) -> MResult<(String, Derivation)> {
    let mut steps = Derivation::new();
    let verdict_of = |l: &Limit, what: &str| -> MResult<String> {
        Ok(match l {
            Limit::Value(v) => match cmp_const(v, &Expr::one())? {
                Ordering::Less => {
                    format!("{what}: L = {v} < 1, so the series converges absolutely")
                }
                Ordering::Greater => format!("{what}: L = {v} > 1, so the series diverges"),
                Ordering::Equal => format!("{what}: L = 1, inconclusive"),
            },
            Limit::PlusInfinity => format!("{what}: L = oo, so the series diverges"),
            other => format!(
                "{what}: the limit is {}, so the test does not apply",
                limit_text(other)
            ),
        })
    };
    match name {
        "ratio" => {
            let r = expr::func(Func::Abs, vec![ratio_expr(a, n)?])?;
            let (l, s) = limit_at_infinity(&r, n)?;
            steps.push(
                format!("|a(n+1)/a(n)| = {r}"),
                "the ratio of consecutive terms",
            );
            steps.extend(s);
            Ok((verdict_of(&l, "ratio test")?, steps))
        }
        "raabe" => {
            // R = lim n·(|a(n)/a(n+1)| − 1): R > 1 converges absolutely, R < 1 diverges (for
            // positive terms), R = 1 is inconclusive.
            let inv = expr::pow(ratio_expr(a, n)?, Expr::int(-1))?;
            let q = expr::mul(vec![
                Expr::sym(n),
                expr::sub(expr::func(Func::Abs, vec![inv])?, Expr::one())?,
            ])?;
            let (l, s) = limit_at_infinity(&q, n)?;
            steps.push(format!("n·(|a(n)/a(n+1)| − 1) = {q}"), "Raabe's quantity");
            steps.extend(s);
            let text = match &l {
                Limit::Value(v) => match cmp_const(v, &Expr::one())? {
                    Ordering::Greater => format!("Raabe's test: R = {v} > 1, so Σ|a(n)| converges"),
                    Ordering::Less => format!("Raabe's test: R = {v} < 1, so Σ|a(n)| diverges"),
                    Ordering::Equal => "Raabe's test: R = 1, inconclusive".to_string(),
                },
                Limit::PlusInfinity => "Raabe's test: R = oo > 1, so Σ|a(n)| converges".to_string(),
                Limit::MinusInfinity => {
                    "Raabe's test: R = -oo < 1, so Σ|a(n)| diverges".to_string()
                }
                other => format!(
                    "Raabe's test: the limit is {}, so the test does not apply",
                    limit_text(other)
                ),
            };
            Ok((text, steps))
        }
        "root" => {
            let r = expr::pow(
                expr::func(Func::Abs, vec![a.clone()])?,
                expr::pow(Expr::sym(n), Expr::int(-1))?,
            )?;
            let (l, s) = limit_at_infinity(&r, n)?;
            steps.push(format!("|a(n)|^(1/n) = {r}"), "the n-th root of the terms");
            steps.extend(s);
            Ok((verdict_of(&l, "root test")?, steps))
        }
        "telescoping" => Ok(match crate::math::sum::closed::telescope::telescoping(a, n)? {
            Some(t) => {
                steps.extend(t.steps);
                let v = if t.converges { "converges" } else { "diverges" };
                (format!("{}, so the series {v}", t.reason), steps)
            }
            None => (
                "telescoping: no antidifference z with a(n) = z(n+1) − z(n) was found, inconclusive"
                    .to_string(),
                steps,
            ),
        }),
        "nth_term" => {
            let (l, s) = limit_at_infinity(a, n)?;
            steps.extend(s);
            let text = match &l {
                Limit::Value(v) if v.is_zero() => {
                    "nth-term test: lim a(n) = 0, inconclusive".to_string()
                }
                Limit::Unknown(why) => format!("nth-term test: the limit is unknown ({why})"),
                other => format!(
                    "nth-term test: lim a(n) is {}, not 0, so the series diverges",
                    limit_text(other)
                ),
            };
            Ok((text, steps))
        }
        "pseries" | "comparison" | "integral" => {
            let asym = leading(a, n)?;
            steps.push(
                format!("a(n) ~ {}", asym.scale.to_expr(n)),
                "leading asymptotic behaviour",
            );
            if asym.sign == Sign::Alternating || asym.sign == Sign::Unknown {
                return Ok((
                    format!("{name} test: the terms change sign; it applies to Σ|a(n)| only"),
                    steps,
                ));
            }
            Ok(match absolute(a, n, &asym.scale)? {
                Some((true, why)) => (format!("{name} test: converges — {why}"), steps),
                Some((false, why)) => (format!("{name} test: diverges — {why}"), steps),
                None => (format!("{name} test: inconclusive"), steps),
            })
        }
        "alternating" => {
            let Some((s, _)) = strip_alternation(a, n)? else {
                return Ok(("alternating series test: the terms have no explicit (−1)^n factor; it does not apply".into(), steps));
            };
            let (l, ls) = limit_at_infinity(&s, n)?;
            steps.extend(ls);
            if !matches!(&l, Limit::Value(v) if v.is_zero()) {
                return Ok((
                    format!(
                        "alternating series test: |a(n)| → {}, not 0; it does not apply",
                        limit_text(&l)
                    ),
                    steps,
                ));
            }
            let Ok(ds) = diff(&s, n) else {
                return Ok((format!("alternating series test: sigma cannot differentiate {s} to show it decreases; inconclusive"), steps));
            };
            let decreasing = matches!(leading(&ds, n).map(|x| x.sign), Ok(Sign::Negative));
            let s_pos = matches!(leading(&s, n).map(|x| x.sign), Ok(Sign::Positive));
            if decreasing && s_pos {
                steps.push(
                    format!("d/dn {s} = {ds} is eventually negative"),
                    "so the magnitudes decrease",
                );
                Ok((format!("alternating series test: {s} decreases to 0, so the series converges (at least conditionally)"), steps))
            } else {
                Ok((format!("alternating series test: sigma cannot show that {s} eventually decreases; inconclusive"), steps))
            }
        }
        other => Err(MathError::Unsupported(format!(
            "unknown test `{other}`; the tests are {}",
            TESTS.join(", ")
        ))),
    }
}
