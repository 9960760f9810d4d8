//! The critical points of a rational function, exactly: a coprime basis of the square-free
//! factors of numerator and denominator (so each point knows its multiplicity in both), every
//! real root of each factor as an exact value (a rational, a quadratic surd, or a `root(p, x,
//! k)` object), and all of them in increasing order, ordered by refining their Sturm-certified
//! isolating intervals until they are disjoint.

use crate::math::expr::{rootof, Expr, MResult, MathError};
use crate::math::number::Q;
use crate::math::poly::isolate::Isolated;
use crate::math::poly::Poly;
use std::cmp::Ordering;
use std::rc::Rc;

/// Highest degree `solve` factors and isolates.
pub const MAX_DEGREE: i64 = 400;

/// A factor of a coprime basis with its exponent in each input polynomial.
#[derive(Debug, Clone)]
pub struct Factor {
    pub poly: Poly,
    pub exps: Vec<usize>,
}

/// One real critical point: its exact value, its exponents (as in [`Factor`]) and the
/// certified isolating interval (lo, hi] it came with.
#[derive(Debug, Clone)]
pub struct Point {
    pub value: Expr,
    pub exps: Vec<usize>,
    iso: Rc<Isolated>,
    idx: usize,
    lo: Q,
    hi: Q,
}

/// Pairwise coprime square-free polynomials whose products with exponents give each input up
/// to a constant.
pub fn coprime_basis(inputs: &[&Poly]) -> Vec<Factor> {
    let n = inputs.len();
    let mut list: Vec<Factor> = Vec::new();
    for (k, p) in inputs.iter().enumerate() {
        for (f, m) in p.square_free_decomposition() {
            if f.degree() >= 1 {
                let mut exps = vec![0; n];
                exps[k] = m;
                list.push(Factor { poly: f, exps });
            }
        }
    }
    'again: loop {
        for i in 0..list.len() {
            for j in i + 1..list.len() {
                let g = list[i].poly.gcd(&list[j].poly);
                if g.degree() < 1 {
                    continue;
                }
                let (a, b) = (list[i].clone(), list[j].clone());
                let exps = a.exps.iter().zip(&b.exps).map(|(x, y)| x + y).collect();
                list[i].poly = a.poly.div_rem(&g).0;
                list[j].poly = b.poly.div_rem(&g).0;
                list.push(Factor { poly: g, exps });
                list.retain(|f| f.poly.degree() >= 1);
                continue 'again;
            }
        }
        return list;
    }
}

/// The factor split further over Q: its linear factors, its quadratic factors (Kronecker), and
/// what remains.
fn pieces(f: &Poly) -> Vec<Poly> {
    let Some(split) = f.split_rational() else {
        return Vec::new();
    };
    let mut out: Vec<Poly> = split
        .roots
        .iter()
        .map(|(r, _)| Poly::new(vec![r.neg(), Q::one()]))
        .collect();
    let rest = split.rest;
    if rest.degree() >= 4 {
        let (quads, cof) = rest.split_quadratics();
        out.extend(quads);
        if cof.degree() >= 1 {
            out.push(cof);
        }
    } else if rest.degree() >= 1 {
        out.push(rest);
    }
    out
}

/// Every real root of every factor, exact and in increasing order.
pub fn critical_points(basis: &[Factor], x: &str) -> MResult<Vec<Point>> {
    let mut pts = Vec::new();
    for f in basis {
        if f.poly.degree() > MAX_DEGREE {
            return Err(MathError::TooLarge(format!(
                "a factor of degree {} (solve isolates roots up to degree {MAX_DEGREE})",
                f.poly.degree()
            )));
        }
        for piece in pieces(&f.poly) {
            let Some(iso) = piece.isolate_real_roots() else {
                continue;
            };
            let iso = Rc::new(iso);
            for (idx, (lo, hi)) in iso.intervals.iter().enumerate() {
                if crate::math::interrupted() {
                    return Err(MathError::Interrupted);
                }
                let value = if piece.degree() == 1 {
                    Expr::Num(piece.c[0].neg().div(&piece.c[1])?)
                } else {
                    rootof::root_expr(&piece, x, idx + 1)?
                };
                pts.push(Point {
                    value,
                    exps: f.exps.clone(),
                    iso: iso.clone(),
                    idx,
                    lo: lo.clone(),
                    hi: hi.clone(),
                });
            }
        }
    }
    sort(&mut pts)?;
    Ok(pts)
}

/// Insertion sort by value; overlapping isolating intervals (roots of different, coprime
/// factors, hence distinct) are refined until they separate.
fn sort(pts: &mut [Point]) -> MResult<()> {
    for i in 1..pts.len() {
        let mut j = i;
        while j > 0 && order(pts, j - 1, j)? == Ordering::Greater {
            pts.swap(j - 1, j);
            j -= 1;
        }
    }
    Ok(())
}

fn order(pts: &mut [Point], a: usize, b: usize) -> MResult<Ordering> {
    for _ in 0..4096 {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        let (x, y) = (&pts[a], &pts[b]);
        if x.hi.0 <= y.lo.0 {
            return Ok(Ordering::Less);
        }
        if y.hi.0 <= x.lo.0 {
            return Ok(Ordering::Greater);
        }
        for k in [a, b] {
            let p = &pts[k];
            let w = p.hi.sub(&p.lo).div(&Q::int(2))?;
            let (lo, hi) = p.iso.refine(p.idx, &w);
            if lo == hi {
                // Met exactly: keep a tiny interval (lo − w, lo] around it.
                pts[k].lo = lo.sub(&w);
                pts[k].hi = hi;
            } else {
                pts[k].lo = lo;
                pts[k].hi = hi;
            }
        }
    }
    Err(MathError::Unsupported(
        "two critical points could not be separated".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poly(c: &[i64]) -> Poly {
        Poly::new(c.iter().map(|&a| Q::int(a)).collect())
    }

    #[test]
    fn critical_points_are_exact_and_ordered() {
        // p = (x − 1)²(x² − 2), q = x(x − 1)
        let p = poly(&[1, -2, 1]).mul(&poly(&[-2, 0, 1]));
        let q = poly(&[0, -1, 1]);
        let basis = coprime_basis(&[&p, &q]);
        let pts = critical_points(&basis, "x").unwrap();
        let shown: Vec<String> = pts
            .iter()
            .map(|p| format!("{}:{:?}", p.value, p.exps))
            .collect();
        assert_eq!(
            shown,
            ["-sqrt(2):[1, 0]", "0:[0, 1]", "1:[2, 1]", "sqrt(2):[1, 0]"]
        );
        // x³ − 2 has one real root, 2^(1/3); x³ − 2x − 2 has one, a root object.
        let c = poly(&[-2, 0, 0, 1]);
        let pts = critical_points(&coprime_basis(&[&c]), "x").unwrap();
        assert_eq!(pts.len(), 1);
        assert_eq!(pts[0].value.to_string(), "2^(1/3)");
        let c = poly(&[-2, -2, 0, 1]);
        let pts = critical_points(&coprime_basis(&[&c]), "x").unwrap();
        assert_eq!(pts.len(), 1);
        assert!(pts[0].value.to_string().starts_with("root("));
    }
}
