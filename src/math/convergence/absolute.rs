//! Whether Σ|a(n)| converges, read off the leading scale of |a(n)|: the ratio test for
//! factorial and exponential growth, the geometric series, p-series and limit comparison
//! (with log factors, an exponent strictly between 1 and p), log-p and log-log-p series.

use super::ratio_expr;
use crate::math::answer::{names, Notation, Op, Quantity, Rich, Test};
use crate::math::asymptotic::Scale;
use crate::math::expr::{self, Expr, MResult};
use crate::math::float::sign::cmp_const;
use crate::math::number::Q;
use crate::rich;
use std::cmp::Ordering;

/// What Σ|a(n)| does, from the scale of |a(n)|: the test, its quantity and the reason.
pub(super) struct AbsFinding {
    pub converges: bool,
    pub test: Test,
    pub quantity: Option<Quantity>,
    pub why: Rich,
}

/// `1/n^p` in the comparison series' own index `n`.
fn n_pow(p: &Q) -> MResult<Expr> {
    expr::pow(Expr::sym("n"), Expr::Num(p.neg()))
}

/// Whether Σ|a| converges, from the scale of |a|.
pub(super) fn absolute(a: &Expr, n: &str, s: &Scale) -> MResult<Option<AbsFinding>> {
    let found = |converges: bool, test: Test, quantity: Option<Quantity>, why: Rich| {
        Ok(Some(AbsFinding {
            converges,
            test,
            quantity,
            why,
        }))
    };
    let ratio = |l: Expr, rel: Op| {
        rich![
            "ratio test: ",
            names::ratio_limit(),
            Op::Eq,
            &l,
            rel,
            Expr::one()
        ]
    };
    if s.fact.is_positive() {
        let l = Expr::infinity();
        return found(
            false,
            Test::Ratio,
            Some(Quantity::ratio(l.clone())),
            ratio(l, Op::Gt),
        );
    }
    if s.fact.is_negative() {
        let l = Expr::zero();
        return found(
            true,
            Test::Ratio,
            Some(Quantity::ratio(l.clone())),
            ratio(l, Op::Lt),
        );
    }
    let b = &s.base;
    let geometric = s.pow.is_zero() && s.log.is_zero() && s.loglog.is_zero() && {
        let r = ratio_expr(a, n)?;
        !r.depends_on(n)
    };
    match cmp_const(b, &Expr::one())? {
        Ordering::Less => {
            return if geometric {
                found(
                    true,
                    Test::Geometric,
                    Some(Quantity::new(Notation::new("|r|", "|r|"), b.clone())),
                    rich!["geometric series with |ratio| = ", b, Op::Lt, Expr::one()],
                )
            } else {
                found(
                    true,
                    Test::Ratio,
                    Some(Quantity::ratio(b.clone())),
                    ratio(b.clone(), Op::Lt),
                )
            };
        }
        Ordering::Greater => {
            return found(
                false,
                Test::Ratio,
                Some(Quantity::ratio(b.clone())),
                ratio(b.clone(), Op::Gt),
            );
        }
        Ordering::Equal => {}
    }
    // b = 1: compare with p-series, log-p-series.
    let p = s.pow.neg();
    let exact_p = s.log.is_zero() && s.loglog.is_zero() && is_power_of_n(a, n);
    let one = Q::one();
    let plain_power = s.log.is_zero() && s.loglog.is_zero();
    let sigma = names::sigma;
    if p != one || plain_power {
        let conv = p.0 > one.0;
        let rel = if conv { Op::Gt } else { Op::Le };
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
            let (to, kind) = if conv {
                (Expr::zero(), "converges")
            } else {
                (Expr::infinity(), "diverges")
            };
            let mid_e = Expr::Num(mid.clone());
            return found(
                conv,
                Test::Comparison,
                Some(Quantity::p(mid_e.clone())),
                rich![
                    "limit comparison with ",
                    sigma(),
                    n_pow(&mid)?,
                    ": ",
                    names::a_n(),
                    Notation::new("·", "\\cdot "),
                    expr::pow(Expr::sym("n"), mid_e.clone())?,
                    Op::To,
                    to,
                    " and ",
                    sigma(),
                    n_pow(&mid)?,
                    format!(" {kind} (p-series, p = "),
                    mid_e,
                    rel,
                    Expr::one(),
                    ")"
                ],
            );
        }
        let p_e = Expr::Num(p.clone());
        let (test, why) = if exact_p {
            (
                Test::PSeries,
                rich!["p-series with p = ", &p_e, rel, Expr::one()],
            )
        } else if p == one {
            (
                Test::Comparison,
                rich![
                    "limit comparison with the harmonic series ",
                    sigma(),
                    n_pow(&one)?,
                    " (p-series, p = 1 ≤ 1)"
                ],
            )
        } else {
            (
                Test::Comparison,
                rich![
                    "limit comparison with ",
                    sigma(),
                    n_pow(&p)?,
                    " (p-series, p = ",
                    &p_e,
                    rel,
                    Expr::one(),
                    ")"
                ],
            )
        };
        return found(conv, test, Some(Quantity::p(p_e)), why);
    }
    let q = s.log.neg();
    let q_quantity = Some(Quantity::new(Notation::new("q", "q"), Expr::Num(q.clone())));
    if q != one || s.loglog.is_zero() {
        let conv = q.0 > one.0;
        let rel = if conv { ">" } else { "≤" };
        let why = if q == one {
            Rich::text("limit comparison with Σ 1/(n·ln n), which diverges (integral test: ∫ dx/(x ln x) = ln ln x → ∞)")
        } else {
            let e = Q::one().sub(&q);
            let shown = if q.is_integer() && !q.is_negative() {
                q.to_string()
            } else {
                format!("({q})")
            };
            Rich::text(format!(
                "limit comparison with Σ 1/(n·(ln n)^{shown}) (log-p-series; integral test: ∫ dx/(x·(ln x)^{shown}) = (ln x)^({e})/({e}), {} as x → ∞, since q = {q} {rel} 1)",
                if conv { "bounded" } else { "unbounded" }
            ))
        };
        return found(conv, Test::Comparison, q_quantity, why);
    }
    let r = s.loglog.neg();
    let conv = r.0 > one.0;
    let rel = if conv { ">" } else { "≤" };
    found(
        conv,
        Test::Integral,
        Some(Quantity::new(Notation::new("r", "r"), Expr::Num(r.clone()))),
        Rich::text(format!(
            "comparison with Σ 1/(n·ln n·(ln ln n)^{r}) (integral test: exponent {r} {rel} 1)"
        )),
    )
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
