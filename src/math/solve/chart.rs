//! Sets of reals as sign-chart data: increasing breakpoints, whether each breakpoint belongs
//! to the set, and whether each open cell between them does. Union, intersection and
//! complement merge two charts' breakpoints (ordered exactly by [`Ctx::cmp`]) and combine
//! memberships; the result converts to the [`IntervalSet`] that `solve` returns.

use super::order::Ctx;
use crate::math::answer::{Endpoint, Inclusion, Interval, IntervalSet};
use crate::math::expr::{Expr, MResult, MathError};
use std::cmp::Ordering;

/// A set of reals: `cells[i]` is the open cell before `points[i]` (the last one after the
/// last point), `at[i]` whether `points[i]` belongs. `cells.len() == points.len() + 1`.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub points: Vec<Expr>,
    pub at: Vec<bool>,
    pub cells: Vec<bool>,
}

impl Chart {
    /// ∅
    pub fn empty() -> Chart {
        Chart {
            points: Vec::new(),
            at: Vec::new(),
            cells: vec![false],
        }
    }
    /// ℝ
    pub fn full() -> Chart {
        Chart {
            points: Vec::new(),
            at: Vec::new(),
            cells: vec![true],
        }
    }
    /// {a}
    pub fn point(a: Expr) -> Chart {
        Chart {
            points: vec![a],
            at: vec![true],
            cells: vec![false, false],
        }
    }
    /// (a, ∞) or [a, ∞) when `above`, else (−∞, a) or (−∞, a].
    pub fn ray(a: Expr, closed: bool, above: bool) -> Chart {
        Chart {
            points: vec![a],
            at: vec![closed],
            cells: vec![!above, above],
        }
    }
    /// [a, b] for a < b.
    pub fn closed(a: Expr, b: Expr) -> Chart {
        Chart {
            points: vec![a, b],
            at: vec![true, true],
            cells: vec![false, true, false],
        }
    }
    /// Everything but the point a.
    pub fn punctured(a: Expr) -> Chart {
        Chart {
            points: vec![a],
            at: vec![false],
            cells: vec![true, true],
        }
    }
    pub fn is_empty(&self) -> bool {
        !self.at.iter().chain(&self.cells).any(|&b| b)
    }
    pub fn is_full(&self) -> bool {
        self.at.iter().chain(&self.cells).all(|&b| b)
    }

    /// The set of the other reals.
    pub fn complement(&self) -> Chart {
        Chart {
            points: self.points.clone(),
            at: self.at.iter().map(|b| !b).collect(),
            cells: self.cells.iter().map(|b| !b).collect(),
        }
        .simplified()
    }
    /// `self ∩ other`
    pub fn intersect(&self, other: &Chart, ctx: &Ctx) -> MResult<Chart> {
        self.combine(other, ctx, |a, b| a && b)
    }
    /// `self ∪ other`
    pub fn union(&self, other: &Chart, ctx: &Ctx) -> MResult<Chart> {
        self.combine(other, ctx, |a, b| a || b)
    }
    /// `self \ other`
    pub fn minus(&self, other: &Chart, ctx: &Ctx) -> MResult<Chart> {
        self.combine(other, ctx, |a, b| a && !b)
    }

    /// Both charts on their merged breakpoints, memberships combined by `op`.
    pub fn combine(&self, other: &Chart, ctx: &Ctx, op: fn(bool, bool) -> bool) -> MResult<Chart> {
        let (mut i, mut j) = (0, 0);
        let mut out = Chart {
            points: Vec::new(),
            at: Vec::new(),
            cells: vec![op(self.cells[0], other.cells[0])],
        };
        while i < self.points.len() || j < other.points.len() {
            if crate::math::interrupted() {
                return Err(MathError::Interrupted);
            }
            let ord = match (self.points.get(i), other.points.get(j)) {
                (Some(a), Some(b)) => ctx.cmp(a, b)?,
                (Some(_), None) => Ordering::Less,
                _ => Ordering::Greater,
            };
            let (p, a_at, b_at) = match ord {
                Ordering::Less => (self.points[i].clone(), self.at[i], other.cells[j]),
                Ordering::Greater => (other.points[j].clone(), self.cells[i], other.at[j]),
                Ordering::Equal => (self.points[i].clone(), self.at[i], other.at[j]),
            };
            if ord != Ordering::Greater {
                i += 1;
            }
            if ord != Ordering::Less {
                j += 1;
            }
            out.points.push(p);
            out.at.push(op(a_at, b_at));
            out.cells.push(op(self.cells[i], other.cells[j]));
        }
        Ok(out.simplified())
    }

    /// The same set without breakpoints that separate nothing.
    pub fn simplified(mut self) -> Chart {
        let mut k = 0;
        while k < self.points.len() {
            if self.at[k] == self.cells[k] && self.at[k] == self.cells[k + 1] {
                self.points.remove(k);
                self.at.remove(k);
                self.cells.remove(k + 1);
            } else {
                k += 1;
            }
        }
        self
    }

    /// Whether `x` belongs to the set.
    pub fn contains(&self, x: &Expr, ctx: &Ctx) -> MResult<bool> {
        for (k, p) in self.points.iter().enumerate() {
            match ctx.cmp(x, p)? {
                Ordering::Less => return Ok(self.cells[k]),
                Ordering::Equal => return Ok(self.at[k]),
                Ordering::Greater => {}
            }
        }
        Ok(self.cells[self.points.len()])
    }

    /// The set as a union of intervals in `var`.
    pub fn to_set(&self, var: &str) -> IntervalSet {
        let mut intervals = Vec::new();
        let n = self.points.len();
        // Walk the alternating sequence cell 0, point 0, cell 1, …, cell n.
        let mut start: Option<Endpoint> = None;
        let close = |start: &mut Option<Endpoint>, hi: Endpoint, out: &mut Vec<Interval>| {
            if let Some(lo) = start.take() {
                out.push(Interval { lo, hi });
            }
        };
        for k in 0..=n {
            let lo_val = if k == 0 {
                Expr::neg_infinity()
            } else {
                self.points[k - 1].clone()
            };
            let hi_val = if k == n {
                Expr::infinity()
            } else {
                self.points[k].clone()
            };
            if self.cells[k] {
                if start.is_none() {
                    start = Some(Endpoint::open(lo_val));
                }
            } else {
                close(&mut start, Endpoint::open(lo_val), &mut intervals);
            }
            if k == n {
                close(&mut start, Endpoint::open(hi_val), &mut intervals);
                break;
            }
            if self.at[k] {
                if start.is_none() {
                    start = Some(Endpoint::closed(hi_val.clone()));
                }
                if !self.cells[k + 1] {
                    close(&mut start, Endpoint::closed(hi_val), &mut intervals);
                }
            } else {
                close(&mut start, Endpoint::open(hi_val), &mut intervals);
            }
        }
        IntervalSet::new(Some(var.to_string()), intervals)
    }

    /// The chart of an interval set whose intervals are disjoint and increasing.
    pub fn from_set(s: &IntervalSet, ctx: &Ctx) -> MResult<Chart> {
        let mut c = Chart::empty();
        for i in &s.intervals {
            let closed = |e: &Endpoint| match e.inclusion {
                Inclusion::Closed => Ok(true),
                Inclusion::Open => Ok(false),
                Inclusion::Unknown => Err(MathError::Unsupported(
                    "a set with an undecided endpoint".into(),
                )),
            };
            let lo = if i.lo.value == Expr::neg_infinity() {
                Chart::full()
            } else {
                Chart::ray(i.lo.value.clone(), closed(&i.lo)?, true)
            };
            let hi = if i.hi.value == Expr::infinity() {
                Chart::full()
            } else {
                Chart::ray(i.hi.value.clone(), closed(&i.hi)?, false)
            };
            c = c.union(&lo.intersect(&hi, ctx)?, ctx)?;
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::super::order::Facts;
    use super::*;

    fn ctx_test(f: impl Fn(&Ctx)) {
        let facts = Facts::default();
        f(&Ctx { facts: &facts });
    }

    #[test]
    fn set_algebra_keeps_brackets_exact() {
        ctx_test(|ctx| {
            let a = Chart::ray(Expr::int(-16), false, true)
                .intersect(&Chart::ray(Expr::int(-1), false, false), ctx)
                .unwrap();
            let b = Chart::ray(Expr::int(1), true, true)
                .intersect(&Chart::ray(Expr::int(4), true, false), ctx)
                .unwrap();
            let u = a.union(&b, ctx).unwrap();
            assert_eq!(u.to_set("λ").set_text(), "(-16, -1) ∪ [1, 4]");
            assert_eq!(
                u.complement().to_set("λ").set_text(),
                "(-oo, -16] ∪ [-1, 1) ∪ (4, oo)"
            );
            let p = Chart::point(Expr::int(2)).union(&Chart::point(Expr::int(5)), ctx);
            assert_eq!(p.unwrap().to_set("x").set_text(), "{2, 5}");
            assert_eq!(Chart::full().to_set("x").set_text(), "(-oo, oo)");
            assert_eq!(
                Chart::punctured(Expr::int(0)).to_set("x").set_text(),
                "(-oo, 0) ∪ (0, oo)"
            );
            // [1, 2] ∪ (2, 3) is one interval.
            let c = Chart::ray(Expr::int(1), true, true)
                .intersect(&Chart::ray(Expr::int(2), true, false), ctx)
                .unwrap()
                .union(
                    &Chart::ray(Expr::int(2), false, true)
                        .intersect(&Chart::ray(Expr::int(3), false, false), ctx)
                        .unwrap(),
                    ctx,
                )
                .unwrap();
            assert_eq!(c.to_set("x").set_text(), "[1, 3)");
            let back = Chart::from_set(&u.to_set("λ"), ctx).unwrap();
            assert_eq!(back, u);
            assert!(u.contains(&Expr::int(-2), ctx).unwrap());
            assert!(!u.contains(&Expr::int(-1), ctx).unwrap());
            assert!(u.contains(&Expr::int(4), ctx).unwrap());
        });
    }
}
