//! What `solve` knows about order: the assumptions on symbols (`assume(λ > 0)`), the sign of
//! an expression in symbols that follows from them (a sum of positive terms is positive), and
//! the exact comparison of two endpoints: rationals exactly, other constants by certified
//! numerics, symbolic ones through their difference's sign. Never a guess: an order that
//! does not follow is an error that says which comparison was undecided.

use super::chart::Chart;
use crate::math::expr::{self, Constant, Expr, Func, MResult, MathError};
use crate::math::float::sign::sign_const;
use std::cmp::Ordering;

/// The sign of an expression, possibly only weakly known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    Pos,
    Neg,
    Zero,
    NonNeg,
    NonPos,
}

impl Sign {
    fn of(o: Ordering) -> Sign {
        match o {
            Ordering::Less => Sign::Neg,
            Ordering::Equal => Sign::Zero,
            Ordering::Greater => Sign::Pos,
        }
    }
    /// The strict sign, when known.
    pub fn strict(self) -> Option<Ordering> {
        match self {
            Sign::Pos => Some(Ordering::Greater),
            Sign::Neg => Some(Ordering::Less),
            Sign::Zero => Some(Ordering::Equal),
            _ => None,
        }
    }
    fn neg(self) -> Sign {
        match self {
            Sign::Pos => Sign::Neg,
            Sign::Neg => Sign::Pos,
            Sign::NonNeg => Sign::NonPos,
            Sign::NonPos => Sign::NonNeg,
            Sign::Zero => Sign::Zero,
        }
    }
    fn nonneg(self) -> bool {
        matches!(self, Sign::Pos | Sign::NonNeg | Sign::Zero)
    }
    fn nonpos(self) -> bool {
        matches!(self, Sign::Neg | Sign::NonPos | Sign::Zero)
    }
    fn mul(self, o: Sign) -> Sign {
        use Sign::*;
        match (self, o) {
            (Zero, _) | (_, Zero) => Zero,
            (Pos, s) | (s, Pos) => s,
            (Neg, s) | (s, Neg) => s.neg(),
            (NonNeg, NonNeg) | (NonPos, NonPos) => NonNeg,
            _ => NonPos,
        }
    }
    /// The sign of a sum of two terms of these signs, if it follows.
    fn add(self, o: Sign) -> Option<Sign> {
        use Sign::*;
        Some(match (self, o) {
            (Zero, s) | (s, Zero) => s,
            (Pos, s) | (s, Pos) if s.nonneg() => Pos,
            (Neg, s) | (s, Neg) if s.nonpos() => Neg,
            (NonNeg, NonNeg) => NonNeg,
            (NonPos, NonPos) => NonPos,
            _ => return None,
        })
    }
}

/// The assumptions in force: for each symbol, the set of values it may take.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub sets: Vec<(String, Chart)>,
}

impl Facts {
    /// The set assumed for `name`, if any.
    pub fn get(&self, name: &str) -> Option<&Chart> {
        self.sets.iter().find(|(n, _)| n == name).map(|(_, c)| c)
    }
    /// These facts with `name` restricted to `set` (replacing what was assumed).
    pub fn with(&self, name: &str, set: Chart) -> Facts {
        let mut f = self.clone();
        f.sets.retain(|(n, _)| n != name);
        f.sets.push((name.to_string(), set));
        f
    }
}

/// The order oracle of one solve.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub facts: &'a Facts,
}

fn is_pos_inf(e: &Expr) -> bool {
    *e == Expr::infinity()
}
fn is_neg_inf(e: &Expr) -> bool {
    *e == Expr::neg_infinity()
}

impl Ctx<'_> {
    /// `a` compared with `b` (either may be ±∞), exactly; an error when it does not follow.
    pub fn cmp(&self, a: &Expr, b: &Expr) -> MResult<Ordering> {
        if let (Some(x), Some(y)) = (a.as_num(), b.as_num()) {
            return Ok(x.cmp(y));
        }
        match (is_neg_inf(a), is_pos_inf(a), is_neg_inf(b), is_pos_inf(b)) {
            (true, _, true, _) | (_, true, _, true) => return Ok(Ordering::Equal),
            (true, ..) | (.., true) => return Ok(Ordering::Less),
            (_, true, ..) | (_, _, true, _) => return Ok(Ordering::Greater),
            _ => {}
        }
        if a == b {
            return Ok(Ordering::Equal);
        }
        let d = expr::sub(a.clone(), b.clone())?;
        self.sign(&d)?.strict().ok_or_else(|| {
            MathError::Unsupported(format!(
                "cannot tell whether {a} < {b}, {a} = {b} or {a} > {b} from what is assumed"
            ))
        })
    }

    /// The sign of `e` that follows from the assumptions (certified for constants).
    pub fn sign(&self, e: &Expr) -> MResult<Sign> {
        self.sign_of(e).and_then(|s| {
            s.ok_or_else(|| {
                MathError::Unsupported(format!(
                    "the sign of {e} does not follow from what is assumed"
                ))
            })
        })
    }

    /// The sign of `e`, `None` when it does not follow.
    pub fn sign_of(&self, e: &Expr) -> MResult<Option<Sign>> {
        if e.is_constant() && !e.has_infinity() {
            return Ok(Some(Sign::of(sign_const(e)?)));
        }
        Ok(match e {
            Expr::Num(q) => Some(Sign::of(q.cmp(&crate::math::Q::zero()))),
            Expr::Const(Constant::Infinity) => Some(Sign::Pos),
            Expr::Const(_) => None,
            Expr::Sym(s) => self.facts.get(s).and_then(Chart::sign),
            Expr::Mul(fs) => {
                let mut acc = Sign::Pos;
                for f in fs {
                    match self.sign_of(f)? {
                        Some(s) => acc = acc.mul(s),
                        None => return Ok(None),
                    }
                }
                Some(acc)
            }
            Expr::Add(ts) => {
                let mut acc = Sign::Zero;
                for t in ts {
                    match self.sign_of(t)?.and_then(|s| acc.add(s)) {
                        Some(s) => acc = s,
                        None => return Ok(None),
                    }
                }
                Some(acc)
            }
            Expr::Pow(b, k) => self.power_sign(b, k)?,
            Expr::Func(Func::Abs, a) => match self.sign_of(&a[0])? {
                Some(Sign::Pos | Sign::Neg) => Some(Sign::Pos),
                Some(Sign::Zero) => Some(Sign::Zero),
                _ => Some(Sign::NonNeg),
            },
            Expr::Func(Func::Cosh, _) => Some(Sign::Pos),
            Expr::Func(Func::Ln, a) => {
                let d = expr::sub(a[0].clone(), Expr::one())?;
                match self.sign_of(&a[0])? {
                    Some(Sign::Pos) => self.sign_of(&d)?,
                    _ => None,
                }
            }
            Expr::Func(_, _) => None,
        })
    }

    fn power_sign(&self, b: &Expr, k: &Expr) -> MResult<Option<Sign>> {
        let bs = self.sign_of(b)?;
        if bs == Some(Sign::Pos) || *b == Expr::e() {
            return Ok(Some(Sign::Pos));
        }
        let Some(q) = k.as_num() else {
            return Ok(None);
        };
        if !q.is_integer() {
            // A real rational power of a base that is not negative.
            return Ok(match bs {
                Some(Sign::Zero) => Some(Sign::Zero),
                Some(Sign::NonNeg) => Some(Sign::NonNeg),
                _ => None,
            });
        }
        let even = q.numer().is_even();
        Ok(match bs {
            Some(s) if even => Some(if matches!(s, Sign::Pos | Sign::Neg) {
                Sign::Pos
            } else if s == Sign::Zero {
                Sign::Zero
            } else {
                Sign::NonNeg
            }),
            None if even => Some(Sign::NonNeg),
            other => other,
        })
    }
}

impl Chart {
    /// The sign every member of this set has, if they share one (the sign of a symbol
    /// assumed to lie in it). Only sets with rational or constant breakpoints are read.
    pub fn sign(&self) -> Option<Sign> {
        let facts = Facts::default();
        let ctx = Ctx { facts: &facts };
        let pos = Chart::ray(Expr::zero(), false, true);
        let neg = Chart::ray(Expr::zero(), false, false);
        let zero = Chart::point(Expr::zero());
        let meets = |other: &Chart| -> Option<bool> {
            self.intersect(other, &ctx).ok().map(|c| !c.is_empty())
        };
        let (p, n, z) = (meets(&pos)?, meets(&neg)?, meets(&zero)?);
        match (p, n, z) {
            (true, false, false) => Some(Sign::Pos),
            (false, true, false) => Some(Sign::Neg),
            (false, false, true) => Some(Sign::Zero),
            (_, false, true) => Some(Sign::NonNeg),
            (false, _, true) => Some(Sign::NonPos),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_follow_from_assumptions() {
        let facts = Facts::default()
            .with("s", Chart::ray(Expr::zero(), false, true))
            .with("λ", Chart::ray(Expr::zero(), false, true));
        let ctx = Ctx { facts: &facts };
        let s = Expr::sym("s");
        let l = Expr::sym("λ");
        let d = expr::add(vec![expr::pow(s.clone(), Expr::int(2)).unwrap(), l.clone()]).unwrap();
        assert_eq!(ctx.sign(&d).unwrap(), Sign::Pos);
        let q = expr::div(expr::pow(s, Expr::int(2)).unwrap(), Expr::int(4)).unwrap();
        assert_eq!(ctx.cmp(&Expr::zero(), &q).unwrap(), Ordering::Less);
        let m = expr::sub(l, Expr::int(1)).unwrap();
        assert!(ctx.sign(&m).is_err());
        assert_eq!(
            ctx.cmp(&Expr::neg_infinity(), &Expr::int(3)).unwrap(),
            Ordering::Less
        );
    }
}
