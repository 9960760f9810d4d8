//! `test(sum, name)`: one named convergence test run on its own, reporting what it shows —
//! inconclusive included ("ratio test: L = 1, inconclusive"), the question a student asks.

use super::*;
use crate::math::answer::{Finding, TestReport};

/// The limit in words for a report: the value, or "does not exist"/"unknown".
fn limit_text(l: &Limit) -> String {
    match l {
        Limit::Value(v) => v.to_string(),
        other => other.to_string(),
    }
}

/// The ratio and root tests' reading of L against 1.
fn against_one(test: Test, what: &str, sym: &str, l: &Limit) -> MResult<TestReport> {
    let q = l.value().map(|v| Quantity::new(Notation::new(sym, sym), v));
    let l_is = |v: &Expr, op: Op| rich![format!("{what}: {sym} = "), v, op, Expr::one()];
    let (finding, reason) = match l {
        Limit::Value(v) => match cmp_const(v, &Expr::one())? {
            Ordering::Less => (
                Finding::ConvergesAbsolutely,
                l_is(v, Op::Lt).and(", so the series converges absolutely"),
            ),
            Ordering::Greater => (
                Finding::Diverges,
                l_is(v, Op::Gt).and(", so the series diverges"),
            ),
            Ordering::Equal => (
                Finding::Inconclusive,
                Rich::text(format!("{what}: {sym} = 1, inconclusive")),
            ),
        },
        Limit::PlusInfinity => (
            Finding::Diverges,
            Rich::text(format!("{what}: {sym} = oo, so the series diverges")),
        ),
        other => (
            Finding::NotApplicable,
            Rich::text(format!(
                "{what}: the limit is {}, so the test does not apply",
                limit_text(other)
            )),
        ),
    };
    Ok(TestReport::new(test, finding, q, reason))
}

/// Runs one named test on Σ a(n) and reports what it shows, inconclusive included.
pub fn run_test(a: &Expr, n: &str, test: Test) -> MResult<(TestReport, Derivation)> {
    let mut steps = Derivation::new();
    let report = |f: Finding, q: Option<Quantity>, r: Rich| TestReport::new(test, f, q, r);
    match test {
        Test::Ratio => {
            let r = expr::func(Func::Abs, vec![ratio_expr(a, n)?])?;
            let (l, s) = limit_at_infinity(&r, n)?;
            steps.push(
                rich![Notation::new("|a(n+1)/a(n)|", "\\left|\\frac{a(n+1)}{a(n)}\\right|"), Op::Eq, &r],
                "the ratio of consecutive terms",
            );
            steps.extend(s);
            Ok((against_one(test, "ratio test", "L", &l)?, steps))
        }
        Test::Raabe => {
            // R = lim n·(|a(n)/a(n+1)| − 1): R > 1 converges absolutely, R < 1 diverges (for
            // positive terms), R = 1 is inconclusive.
            let inv = expr::pow(ratio_expr(a, n)?, Expr::int(-1))?;
            let q = expr::mul(vec![
                Expr::sym(n),
                expr::sub(expr::func(Func::Abs, vec![inv])?, Expr::one())?,
            ])?;
            let (l, s) = limit_at_infinity(&q, n)?;
            steps.push(
                rich![
                    Notation::new(
                        "n·(|a(n)/a(n+1)| − 1)",
                        "n\\left(\\left|\\frac{a(n)}{a(n+1)}\\right| - 1\\right)"
                    ),
                    Op::Eq,
                    &q
                ],
                "Raabe's quantity",
            );
            steps.extend(s);
            let quantity = l.value().map(|v| Quantity::new(Notation::new("R", "R"), v));
            let r_is = |v: &Expr, op: Op| rich!["Raabe's test: R = ", v, op, Expr::one()];
            let (finding, text) = match &l {
                Limit::Value(v) => match cmp_const(v, &Expr::one())? {
                    Ordering::Greater => (
                        Finding::ConvergesAbsolutely,
                        r_is(v, Op::Gt).and(", so Σ|a(n)| converges"),
                    ),
                    Ordering::Less => (
                        Finding::AbsolutelyDiverges,
                        r_is(v, Op::Lt).and(", so Σ|a(n)| diverges"),
                    ),
                    Ordering::Equal => (
                        Finding::Inconclusive,
                        Rich::text("Raabe's test: R = 1, inconclusive"),
                    ),
                },
                Limit::PlusInfinity => (
                    Finding::ConvergesAbsolutely,
                    Rich::text("Raabe's test: R = oo > 1, so Σ|a(n)| converges"),
                ),
                Limit::MinusInfinity => (
                    Finding::AbsolutelyDiverges,
                    Rich::text("Raabe's test: R = -oo < 1, so Σ|a(n)| diverges"),
                ),
                other => (
                    Finding::NotApplicable,
                    Rich::text(format!(
                        "Raabe's test: the limit is {}, so the test does not apply",
                        limit_text(other)
                    )),
                ),
            };
            Ok((report(finding, quantity, text), steps))
        }
        Test::Root => {
            let r = expr::pow(
                expr::func(Func::Abs, vec![a.clone()])?,
                expr::pow(Expr::sym(n), Expr::int(-1))?,
            )?;
            let (l, s) = limit_at_infinity(&r, n)?;
            steps.push(
                rich![Notation::new("|a(n)|^(1/n)", "|a(n)|^{1/n}"), Op::Eq, &r],
                "the n-th root of the terms",
            );
            steps.extend(s);
            Ok((against_one(test, "root test", "L", &l)?, steps))
        }
        Test::Telescoping => Ok(match crate::math::sum::closed::telescope::telescoping(a, n)? {
            Some(t) => {
                steps.extend(t.steps);
                let (f, v) = if t.converges {
                    (Finding::Converges, "converges")
                } else {
                    (Finding::Diverges, "diverges")
                };
                let q = t.limit.clone().map(|v| {
                    Quantity::new(Notation::new("lim z(N)", "\\lim_{N\\to\\infty} z(N)"), v)
                });
                (
                    report(f, q, Rich::text(format!("{}, so the series {v}", t.reason))),
                    steps,
                )
            }
            None => (
                report(
                    Finding::Inconclusive,
                    None,
                    Rich::text("telescoping: no antidifference z with a(n) = z(n+1) − z(n) was found, inconclusive"),
                ),
                steps,
            ),
        }),
        Test::NthTerm => {
            let (l, s) = limit_at_infinity(a, n)?;
            steps.extend(s);
            let q = l.value().map(Quantity::term_limit);
            let r = match &l {
                Limit::Value(v) if v.is_zero() => report(
                    Finding::Inconclusive,
                    q,
                    rich!["nth-term test: ", names::term_limit(), Op::Eq, Expr::zero(), ", inconclusive"],
                ),
                Limit::Unknown(why) => report(
                    Finding::Unknown,
                    q,
                    Rich::text(format!("nth-term test: the limit is unknown ({why})")),
                ),
                other => report(
                    Finding::Diverges,
                    q,
                    Rich::text(format!(
                        "nth-term test: lim a(n) is {}, not 0, so the series diverges",
                        limit_text(other)
                    )),
                ),
            };
            Ok((r, steps))
        }
        Test::PSeries | Test::Comparison | Test::Integral => {
            let name = test.name();
            let asym = leading(a, n)?;
            steps.push(
                rich![names::a_n(), Op::Sim, asym.scale.to_expr(n)],
                "leading asymptotic behaviour",
            );
            if asym.sign == Sign::Alternating || asym.sign == Sign::Unknown {
                return Ok((
                    report(
                        Finding::NotApplicable,
                        None,
                        Rich::text(format!(
                            "{name} test: the terms change sign; it applies to Σ|a(n)| only"
                        )),
                    ),
                    steps,
                ));
            }
            Ok(match absolute(a, n, &asym.scale)? {
                Some(f) => {
                    let (finding, word) = if f.converges {
                        (Finding::ConvergesAbsolutely, "converges")
                    } else {
                        (Finding::Diverges, "diverges")
                    };
                    let why = Rich::text(format!("{name} test: {word} — ")).and(f.why);
                    (report(finding, f.quantity, why), steps)
                }
                None => (
                    report(
                        Finding::Inconclusive,
                        None,
                        Rich::text(format!("{name} test: inconclusive")),
                    ),
                    steps,
                ),
            })
        }
        Test::Alternating => {
            let Some((s, _)) = strip_alternation(a, n)? else {
                return Ok((report(Finding::NotApplicable, None, Rich::text("alternating series test: the terms have no explicit (−1)^n factor; it does not apply")), steps));
            };
            let (l, ls) = limit_at_infinity(&s, n)?;
            steps.extend(ls);
            if !matches!(&l, Limit::Value(v) if v.is_zero()) {
                return Ok((
                    report(
                        Finding::NotApplicable,
                        None,
                        Rich::text(format!(
                            "alternating series test: |a(n)| → {}, not 0; it does not apply",
                            limit_text(&l)
                        )),
                    ),
                    steps,
                ));
            }
            let magnitude = Some(Quantity::new(Notation::new("|a(n)|", "|a(n)|"), s.clone()));
            let Ok(ds) = diff(&s, n) else {
                return Ok((
                    report(
                        Finding::Inconclusive,
                        magnitude,
                        rich!["alternating series test: sigma cannot differentiate ", &s, " to show it decreases; inconclusive"],
                    ),
                    steps,
                ));
            };
            let decreasing = matches!(leading(&ds, n).map(|x| x.sign), Ok(Sign::Negative));
            let s_pos = matches!(leading(&s, n).map(|x| x.sign), Ok(Sign::Positive));
            if decreasing && s_pos {
                steps.push(
                    rich![
                        Notation::new(format!("d/d{n} "), format!("\\frac{{d}}{{d{n}}} ")),
                        &s,
                        Op::Eq,
                        &ds,
                        " is eventually negative"
                    ],
                    "so the magnitudes decrease",
                );
                Ok((
                    report(
                        Finding::Converges,
                        magnitude,
                        rich!["alternating series test: ", &s, " decreases to 0, so the series converges (at least conditionally)"],
                    ),
                    steps,
                ))
            } else {
                Ok((
                    report(
                        Finding::Inconclusive,
                        magnitude,
                        rich!["alternating series test: sigma cannot show that ", &s, " eventually decreases; inconclusive"],
                    ),
                    steps,
                ))
            }
        }
        Test::Gauss => Ok(match super::gauss::gauss(a, n)? {
            Some(g) => {
                let finding = match g.kind {
                    VerdictKind::ConvergesAbsolutely => Finding::ConvergesAbsolutely,
                    VerdictKind::ConvergesConditionally => Finding::Converges,
                    _ => Finding::Diverges,
                };
                (
                    report(finding, Some(super::gauss::quantity(&g.p)), g.reason),
                    g.steps,
                )
            }
            None => (
                report(
                    Finding::NotApplicable,
                    None,
                    Rich::text("Gauss's test: the terms are not hypergeometric with a ratio tending to 1 or −1 (or are not shown to be eventually non-zero); it does not apply"),
                ),
                steps,
            ),
        }),
        Test::Geometric | Test::Dirichlet => Err(MathError::Unsupported(format!(
            "the {test} test runs inside converges only; the tests that run alone are {}",
            Test::runnable_names().join(", ")
        ))),
    }
}
