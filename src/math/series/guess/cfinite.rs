//! C-finite sequences: linear recurrences with constant coefficients of order ≤ 4. Closed
//! forms when the characteristic polynomial splits over Q (polynomials times powers of the
//! roots) or is a real irreducible quadratic (Binet form with exact surds).

use super::fit::fit_prefix;
use super::{relation_notation, settle, Found, Index, MIN_CHECKED};
use crate::math::expr::{add, mul, neg, pow, Expr};
use crate::math::linalg::{primitive, Matrix, Solution};
use crate::math::number::{extract_kth_powers, Q};
use crate::math::poly::Poly;
use crate::rich;
use rug::Integer;

/// Largest order of a constant-coefficient recurrence.
pub(super) const MAX_ORDER: usize = 4;

/// A closed form for the class sequence `d` from a constant-coefficient recurrence.
pub(super) fn closed(d: &[Q], var: &str, idx: &Index) -> Option<Found> {
    let first = d.iter().position(|x| !x.is_zero())?;
    for r in 1..=MAX_ORDER {
        for s in first..first + 3 {
            if s + r >= d.len() {
                break;
            }
            let rows: Vec<Vec<Q>> = (s..d.len() - r).map(|k| d[k..=k + r].to_vec()).collect();
            let Some((a, f)) = fit_prefix(&rows, r + 1, MIN_CHECKED) else {
                continue;
            };
            if a[0].is_zero() || a[r].is_zero() {
                continue;
            }
            let a = primitive(&a);
            let Some(formula) = closed_form(d, s, &Poly::new(a.clone()), var) else {
                continue;
            };
            let Some((n0, exceptions)) = settle(d, s, &formula, var) else {
                continue;
            };
            let polys: Vec<Vec<Q>> = a.iter().map(|x| vec![x.clone()]).collect();
            return Some(Found {
                formula,
                n0,
                exceptions,
                fitted: f + r,
                checked: rows.len() - f,
                method: rich![
                    "C-finite: ",
                    relation_notation(&polys, var, &|i| idx.at(i), " = 0")
                ],
            });
        }
    }
    None
}

/// d_n for n ≥ s from the recurrence Σ a_i d_{n+i} = 0 (`a` its characteristic polynomial
/// Σ a_i x^i) and the initial terms at s.
fn closed_form(d: &[Q], s: usize, a: &Poly, var: &str) -> Option<Expr> {
    let split = a.split_rational().filter(|x| x.complete)?;
    if split.rest.degree() == 0 {
        return split_form(d, s, &split.with_multiplicity(), var);
    }
    if a.degree() == 2 && split.rest.degree() == 2 {
        return binet(d, s, a, var);
    }
    None
}

/// Σ_i P_i(n) ρ_i^n for rational roots ρ_i with multiplicities, fitted at n = s, …, s + r − 1.
fn split_form(d: &[Q], s: usize, roots: &[Q], var: &str) -> Option<Expr> {
    let mut distinct: Vec<(Q, usize)> = Vec::new();
    for r in roots {
        match distinct.iter_mut().find(|(x, _)| x == r) {
            Some((_, m)) => *m += 1,
            None => distinct.push((r.clone(), 1)),
        }
    }
    let r = roots.len();
    let mut rows = Vec::with_capacity(r);
    for n in s..s + r {
        let nq = Q::int(n as i64);
        let mut row = Vec::with_capacity(r);
        for (rho, m) in &distinct {
            let p = rho.pow_int(&Integer::from(n)).ok()?;
            for j in 0..*m {
                row.push(p.mul(&nq.pow_int(&Integer::from(j)).unwrap_or_else(|_| Q::one())));
            }
        }
        rows.push(row);
    }
    let Solution::Unique(alpha) = Matrix::new(rows, r)?.solve(&d[s..s + r]).ok()? else {
        return None;
    };
    let n = Expr::sym(var);
    let mut terms = Vec::new();
    let mut at = 0;
    for (rho, m) in &distinct {
        let poly = Poly::new(alpha[at..at + m].to_vec()).to_expr(var).ok()?;
        at += m;
        terms.push(mul(vec![poly, pow(Expr::Num(rho.clone()), n.clone()).ok()?]).ok()?);
    }
    add(terms).ok()
}

/// x + y·√D.
#[derive(Clone, PartialEq)]
struct Surd {
    x: Q,
    y: Q,
}

impl Surd {
    fn mul(&self, o: &Surd, dd: &Q) -> Surd {
        Surd {
            x: self.x.mul(&o.x).add(&self.y.mul(&o.y).mul(dd)),
            y: self.x.mul(&o.y).add(&self.y.mul(&o.x)),
        }
    }
    fn inv(&self, dd: &Q) -> Option<Surd> {
        let norm = self.x.mul(&self.x).sub(&self.y.mul(&self.y).mul(dd));
        Some(Surd {
            x: self.x.div(&norm).ok()?,
            y: self.y.neg().div(&norm).ok()?,
        })
    }
    fn pow(&self, e: i64, dd: &Q) -> Option<Surd> {
        let b = if e < 0 { self.inv(dd)? } else { self.clone() };
        let mut acc = Surd {
            x: Q::one(),
            y: Q::zero(),
        };
        for _ in 0..e.unsigned_abs() {
            acc = acc.mul(&b, dd);
        }
        Some(acc)
    }
    fn expr(&self, sqrt_d: &Expr) -> Option<Expr> {
        add(vec![
            Expr::Num(self.x.clone()),
            mul(vec![Expr::Num(self.y.clone()), sqrt_d.clone()]).ok()?,
        ])
        .ok()
    }
}

/// Binet form A ρ₊^(n+t) + Ā ρ₋^(n+t) for a real irreducible quadratic a₂x² + a₁x + a₀,
/// preferring shifts t that make A purely rational or purely a surd.
fn binet(d: &[Q], s: usize, a: &Poly, var: &str) -> Option<Expr> {
    let a = if a.lead().is_negative() {
        a.neg()
    } else {
        a.clone()
    }
    .c;
    let disc = a[1].mul(&a[1]).sub(&Q::int(4).mul(&a[0]).mul(&a[2]));
    if !disc.is_positive() || !disc.is_integer() {
        return None;
    }
    let (f, rad) = extract_kth_powers(disc.numer(), 2);
    if rad == 1 {
        return None;
    }
    let dd = Q::from_integer(rad);
    let two_a2 = Q::int(2).mul(&a[2]);
    let alpha = a[1].neg().div(&two_a2).ok()?;
    let beta = Q::from_integer(f).div(&two_a2).ok()?;
    let plus = Surd {
        x: alpha.clone(),
        y: beta.clone(),
    };
    let minus = Surd {
        x: alpha,
        y: beta.neg(),
    };
    // A = (u1 − ρ₋ u0)/(ρ₊ − ρ₋), with ρ₊ − ρ₋ = 2β√D.
    let (u0, u1) = (&d[s], &d[s + 1]);
    let numer = Surd {
        x: u1.sub(&minus.x.mul(u0)),
        y: minus.y.mul(u0).neg(),
    };
    let gap = Surd {
        x: Q::zero(),
        y: beta.mul(&Q::int(2)),
    };
    let big_a = numer.mul(&gap.inv(&dd)?, &dd);
    let sqrt_d = Expr::sqrt(Expr::Num(dd.clone())).ok()?;
    let n = Expr::sym(var);
    // ρ± = g·σ± with g the positive content of ρ±, so that g^(n+t) can stand outside.
    let g = Q(rug::Rational::from((
        plus.x.numer().clone().gcd(plus.y.numer()),
        plus.x.denom().clone().lcm(plus.y.denom()),
    )));
    let unit = |r: &Surd| Surd {
        x: r.x.div(&g).unwrap_or_default(),
        y: r.y.div(&g).unwrap_or_default(),
    };
    let (sp, sm) = (unit(&plus).expr(&sqrt_d)?, unit(&minus).expr(&sqrt_d)?);
    for t in [0i64, 1, -1, 2, -2, 3, -3] {
        let at = big_a.mul(&plus.pow(-(s as i64) - t, &dd)?, &dd);
        let ex = add(vec![n.clone(), Expr::int(t)]).ok()?;
        let (pp, pm) = (
            pow(sp.clone(), ex.clone()).ok()?,
            pow(sm.clone(), ex.clone()).ok()?,
        );
        let scale = pow(Expr::Num(g.clone()), ex).ok()?;
        if at.y.is_zero() {
            let sum = add(vec![pp, pm]).ok()?;
            return mul(vec![Expr::Num(at.x), scale, sum]).ok();
        }
        if at.x.is_zero() {
            let diff = add(vec![pp, neg(pm).ok()?]).ok()?;
            return mul(vec![Expr::Num(at.y), sqrt_d.clone(), scale, diff]).ok();
        }
    }
    let rp = plus.expr(&sqrt_d)?;
    let rm = minus.expr(&sqrt_d)?;
    let powers = |t: i64| -> Option<(Expr, Expr)> {
        let ex = add(vec![n.clone(), Expr::int(t)]).ok()?;
        Some((pow(rp.clone(), ex.clone()).ok()?, pow(rm.clone(), ex).ok()?))
    };
    let conj = Surd {
        x: big_a.x.clone(),
        y: big_a.y.neg(),
    };
    let (pp, pm) = powers(-(s as i64))?;
    add(vec![
        mul(vec![big_a.expr(&sqrt_d)?, pp]).ok()?,
        mul(vec![conj.expr(&sqrt_d)?, pm]).ok()?,
    ])
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surd_arithmetic() {
        let five = Q::int(5);
        let phi = Surd {
            x: Q::frac(1, 2),
            y: Q::frac(1, 2),
        };
        // φ² = φ + 1
        let sq = phi.mul(&phi, &five);
        assert!(sq.x == Q::frac(3, 2) && sq.y == Q::frac(1, 2));
        let back = sq.mul(&phi.pow(-2, &five).unwrap_or(phi.clone()), &five);
        assert!(back.x.is_one() && back.y.is_zero());
    }
}
