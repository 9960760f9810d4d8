//! `A^k` for a symbolic exponent k, in closed form: when the characteristic polynomial of a
//! rational matrix splits into distinct rational roots λ_i, Sylvester's formula gives
//! A^k = Σ_i λ_i^k · P_i with the projectors P_i = Π_(j≠i) (A − λ_j I)/(λ_i − λ_j).
//! Other matrices (repeated, irrational or complex eigenvalues) are left to later work and
//! answered with `None`, never with a guess.

use super::Matrix;
use crate::math::expr::{self, Expr, MResult};
use crate::math::number::Q;
use crate::math::poly::Poly;

/// The spectral decomposition A = Σ λ_i P_i of a matrix with distinct rational eigenvalues.
#[derive(Debug, Clone, PartialEq)]
pub struct Spectral {
    /// The eigenvalues, increasing.
    pub eigenvalues: Vec<Q>,
    /// The projector onto each eigenvalue's eigenspace (P_i P_j = 0, Σ P_i = I).
    pub projectors: Vec<Matrix>,
}

impl Matrix {
    /// The spectral decomposition, when the characteristic polynomial has n distinct rational
    /// roots; `None` otherwise.
    pub fn spectral(&self) -> MResult<Option<Spectral>> {
        let c = self.charpoly()?;
        let n = self.nrows();
        let Some(split) = Poly::new(c).split_rational() else {
            return Ok(None);
        };
        if !split.complete || split.roots.len() != n || split.roots.iter().any(|(_, m)| *m != 1) {
            return Ok(None);
        }
        let mut eigenvalues: Vec<Q> = split.roots.into_iter().map(|(r, _)| r).collect();
        eigenvalues.sort_by(|a, b| a.0.cmp(&b.0));
        let mut projectors = Vec::with_capacity(n);
        for (i, li) in eigenvalues.iter().enumerate() {
            let mut p = Matrix::identity(n);
            for (j, lj) in eigenvalues.iter().enumerate() {
                if i == j {
                    continue;
                }
                let mut shifted = self.clone();
                let scale = li.sub(lj).recip()?;
                for (r, row) in shifted.rows.iter_mut().enumerate() {
                    row[r] = row[r].sub(lj);
                    for x in row.iter_mut() {
                        *x = x.mul(&scale);
                    }
                }
                p = p
                    .mul(&shifted)
                    .ok_or_else(|| crate::math::MathError::Domain("shape".into()))?;
            }
            projectors.push(p);
        }
        Ok(Some(Spectral {
            eigenvalues,
            projectors,
        }))
    }
}

impl Spectral {
    /// A^k = Σ λ_i^k P_i as a matrix of expressions in `k` (for k ≥ 1 when 0 is an
    /// eigenvalue, since 0^0 would be read as 1 there).
    pub fn power(&self, k: &Expr) -> MResult<Vec<Vec<Expr>>> {
        let n = self.projectors.first().map_or(0, Matrix::nrows);
        let mut out = vec![vec![Expr::zero(); n]; n];
        for (l, p) in self.eigenvalues.iter().zip(&self.projectors) {
            let lk = expr::pow(Expr::Num(l.clone()), k.clone())?;
            for (r, row) in out.iter_mut().enumerate() {
                for (c, x) in row.iter_mut().enumerate() {
                    let entry = &p.rows[r][c];
                    if !entry.is_zero() {
                        *x = expr::add(vec![
                            x.clone(),
                            expr::mul(vec![Expr::Num(entry.clone()), lk.clone()])?,
                        ])?;
                    }
                }
            }
        }
        Ok(out)
    }

    /// Whether 0 is an eigenvalue (then the closed form holds for k ≥ 1 only).
    pub fn singular(&self) -> bool {
        self.eigenvalues.iter().any(Q::is_zero)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::expr::subst::subs;

    #[test]
    fn sylvester_powers_agree_with_repeated_products() {
        // B1(b-ii): eigenvalues 4/5 and 1/2.
        let a = Matrix::new(
            vec![
                vec![Q::frac(7, 10), Q::frac(1, 10)],
                vec![Q::frac(2, 10), Q::frac(6, 10)],
            ],
            2,
        )
        .unwrap();
        let s = a
            .spectral()
            .unwrap()
            .expect("distinct rational eigenvalues");
        assert_eq!(s.eigenvalues, vec![Q::frac(1, 2), Q::frac(4, 5)]);
        let closed = s.power(&Expr::sym("k")).unwrap();
        let mut p = Matrix::identity(2);
        for k in 0..6 {
            for (crow, prow) in closed.iter().zip(&p.rows) {
                for (c, q) in crow.iter().zip(prow) {
                    let v = subs(c, "k", &Expr::int(k)).unwrap();
                    assert_eq!(v, Expr::Num(q.clone()), "k = {k}");
                }
            }
            p = p.mul(&a).unwrap();
        }
    }

    #[test]
    fn repeated_or_irrational_eigenvalues_are_left_alone() {
        let jordan = Matrix::from_i64(&[&[1, 1], &[0, 1]]).unwrap();
        assert!(jordan.spectral().unwrap().is_none());
        let rotation = Matrix::from_i64(&[&[0, -1], &[1, 0]]).unwrap();
        assert!(rotation.spectral().unwrap().is_none());
        let surd = Matrix::from_i64(&[&[1, 1], &[1, 0]]).unwrap();
        assert!(surd.spectral().unwrap().is_none());
    }
}
