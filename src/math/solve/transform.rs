//! Rewriting a relation that is not rational in the variable into simpler relations with the
//! same solutions on its domain: an absolute value splits into the cases of its argument's
//! sign, and ln(u) rel c, e^u rel c become u rel e^c, u rel ln(c). (substitute.rs, power.rs
//! and trig.rs take the relations these rules leave.)

use crate::math::answer::Rich;
use crate::math::expr::{self, subst::replace, Expr, Func, MResult};
use crate::math::logic::{Formula, Rel};

/// An equivalent proposition on the relation's domain, and the rule used; `None` when no
/// rewriting applies.
pub fn rewrite(lhs: &Expr, rel: Rel, rhs: &Expr, x: &str) -> MResult<Option<(Formula, Rich)>> {
    if let Some(u) = find_abs(lhs, x).or_else(|| find_abs(rhs, x)) {
        let target = expr::func(Func::Abs, vec![u.clone()])?;
        let neg = expr::neg(u.clone())?;
        let case = |sign: Rel, with: &Expr| -> MResult<Formula> {
            Ok(Formula::and(
                Formula::rel(u.clone(), sign, Expr::zero()),
                Formula::rel(
                    replace(lhs, &target, with)?,
                    rel,
                    replace(rhs, &target, with)?,
                ),
            ))
        };
        let f = Formula::or(case(Rel::Ge, &u)?, case(Rel::Lt, &neg)?);
        return Ok(Some((
            f,
            Rich::text("|u| = u where u ≥ 0 and −u where u < 0, with u = ").and(&u),
        )));
    }
    if let Some(r) = monotone(lhs, rel, rhs, x)? {
        return Ok(Some(r));
    }
    monotone(rhs, rel.flip(), lhs, x)
}

/// `ln(u) rel c` ⟺ `u rel e^c` (on the domain u > 0), and `e^u rel c` ⟺ `u rel ln(c)` for a
/// positive number c: both functions are strictly increasing bijections.
fn monotone(lhs: &Expr, rel: Rel, rhs: &Expr, x: &str) -> MResult<Option<(Formula, Rich)>> {
    if rhs.depends_on(x) {
        return Ok(None);
    }
    match lhs {
        Expr::Func(Func::Ln, a) => {
            let c = expr::pow(Expr::e(), rhs.clone())?;
            Ok(Some((
                Formula::rel(a[0].clone(), rel, c),
                Rich::text("exp is strictly increasing, and ln(u) is defined for u > 0"),
            )))
        }
        Expr::Pow(b, u) if **b == Expr::e() && rhs.as_num().is_some_and(|q| q.is_positive()) => {
            let c = expr::func(Func::Ln, vec![rhs.clone()])?;
            Ok(Some((
                Formula::rel((**u).clone(), rel, c),
                Rich::text("ln is strictly increasing on (0, ∞), and the right side is positive"),
            )))
        }
        _ => Ok(None),
    }
}

/// The argument of the first `abs(u)` in `e` whose argument depends on `x` (innermost first).
fn find_abs(e: &Expr, x: &str) -> Option<Expr> {
    match e {
        Expr::Func(Func::Abs, a) if a[0].depends_on(x) => {
            Some(find_abs(&a[0], x).unwrap_or_else(|| a[0].clone()))
        }
        Expr::Pow(b, k) => find_abs(b, x).or_else(|| find_abs(k, x)),
        Expr::Add(v) | Expr::Mul(v) | Expr::Func(_, v) => v.iter().find_map(|t| find_abs(t, x)),
        _ => None,
    }
}
