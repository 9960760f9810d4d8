//! Terms outside the asymptotic scale (n^√2, 2^(−ln n), n^(−ln n), e^(−√n), (ln n)^(−n)):
//! comparison with p-series through L = lim ln(1/|a(n)|)/ln n, the logarithmic test. L > 1
//! gives |a(n)| ≤ n^(−p) for any 1 < p < L and large n, so Σ a(n) converges absolutely;
//! L < 1 gives a(n) ≥ n^(−p) with L < p < 1 for positive terms, so the series diverges. The
//! logarithm is taken factor by factor, each factor proven positive for large n.

use crate::math::answer::{Notation, Op, Quantity, Rich};
use crate::math::asymptotic::{leading, Sign};
use crate::math::expr::{self, Constant, Expr, Func, MResult};
use crate::math::float::sign::cmp_const;
use crate::math::limit::{limit_at_infinity, Limit};
use crate::math::number::Q;
use crate::rich;
use std::cmp::Ordering;

/// The finding of the logarithmic test: whether Σ a converges (absolutely), L, the reason.
pub(super) struct LogFinding {
    pub converges: bool,
    pub quantity: Quantity,
    pub why: Rich,
    pub claim: Rich,
}

/// ln|a| as a sum of logarithms of factors that are positive for large n, or `None` when
/// some factor's sign is not known.
fn log_abs(a: &Expr, n: &str) -> MResult<Option<Expr>> {
    if !a.depends_on(n) {
        return Ok(match a {
            Expr::Num(q) if !q.is_zero() => Some(expr::func(Func::Ln, vec![Expr::Num(q.abs())])?),
            _ => None,
        });
    }
    Ok(match a {
        Expr::Mul(fs) => {
            let mut parts = Vec::new();
            for f in fs {
                let Some(l) = log_abs(f, n)? else {
                    return Ok(None);
                };
                parts.push(l);
            }
            Some(expr::add(parts)?)
        }
        Expr::Pow(b, e) if matches!(**b, Expr::Const(Constant::E)) => Some((**e).clone()),
        Expr::Pow(b, e) => match positive_log(b, n)? {
            Some(l) => Some(expr::mul(vec![(**e).clone(), l])?),
            None => None,
        },
        other => positive_log(other, n)?,
    })
}

/// ln b when b > 0 for all large n.
fn positive_log(b: &Expr, n: &str) -> MResult<Option<Expr>> {
    if !b.depends_on(n) {
        return Ok(match cmp_const(b, &Expr::zero()) {
            Ok(Ordering::Greater) => Some(expr::func(Func::Ln, vec![b.clone()])?),
            _ => None,
        });
    }
    match leading(b, n) {
        Ok(x) if x.sign == Sign::Positive => Ok(Some(expr::func(Func::Ln, vec![b.clone()])?)),
        _ => Ok(None),
    }
}

/// The logarithmic test on Σ a(n), or `None` when L is not found or equals 1.
pub(super) fn logarithmic(a: &Expr, n: &str) -> MResult<Option<LogFinding>> {
    let Some(l) = log_abs(a, n)? else {
        return Ok(None);
    };
    let ln_n = expr::func(Func::Ln, vec![Expr::sym(n)])?;
    let ratio = expr::div(expr::neg(l)?, ln_n.clone())?;
    let (lim, _) = limit_at_infinity(&ratio, n)?;
    let (value, above) = match &lim {
        Limit::PlusInfinity => (Expr::infinity(), true),
        Limit::MinusInfinity => (Expr::neg_infinity(), false),
        Limit::Value(v) => match cmp_const(v, &Expr::one()) {
            Ok(Ordering::Greater) => (v.clone(), true),
            Ok(Ordering::Less) => (v.clone(), false),
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    // Terms of one sign are needed to conclude divergence.
    if !above && !matches!(leading_sign(a, n), Some(Sign::Positive | Sign::Negative)) {
        return Ok(None);
    }
    let name = Notation::new(
        format!("lim ln(1/|a({n})|)/ln({n})"),
        format!("\\lim_{{{n}\\to\\infty}} \\frac{{\\ln(1/|a({n})|)}}{{\\ln {n}}}"),
    );
    let claim = rich![
        Notation::new(
            format!("ln(1/|a({n})|)/ln({n})"),
            format!("\\frac{{\\ln(1/|a({n})|)}}{{\\ln {n}}}")
        ),
        Op::Eq,
        &ratio,
        Op::To,
        &value
    ];
    let p = match &lim {
        Limit::Value(v) => expr::div(expr::add(vec![v.clone(), Expr::one()])?, Expr::int(2))?,
        _ if above => Expr::int(2),
        _ => Expr::Num(Q::frac(1, 2)),
    };
    let bound = expr::pow(Expr::sym(n), expr::neg(p.clone())?)?;
    let why = if above {
        rich![
            "comparison with the p-series: ",
            name.clone(),
            Op::Eq,
            &value,
            Op::Gt,
            Expr::one(),
            ", so |a(n)| ≤ ",
            &bound,
            " for large n and Σ ",
            &bound,
            " converges"
        ]
    } else {
        rich![
            "comparison with the p-series: ",
            name.clone(),
            Op::Eq,
            &value,
            Op::Lt,
            Expr::one(),
            ", so |a(n)| ≥ ",
            &bound,
            " for large n and Σ ",
            &bound,
            " diverges"
        ]
    };
    Ok(Some(LogFinding {
        converges: above,
        quantity: Quantity::new(name, value),
        why,
        claim,
    }))
}

/// The eventual sign of a term, when every factor's sign is known.
fn leading_sign(a: &Expr, n: &str) -> Option<Sign> {
    let factors = match a {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let mut negative = false;
    for f in &factors {
        match f {
            Expr::Num(q) => negative ^= q.is_negative(),
            Expr::Pow(b, _) if matches!(**b, Expr::Const(Constant::E)) => {}
            Expr::Pow(b, _) if positive_log(b, n).ok().flatten().is_some() => {}
            other if positive_log(other, n).ok().flatten().is_some() => {}
            _ => return None,
        }
    }
    Some(if negative {
        Sign::Negative
    } else {
        Sign::Positive
    })
}
