//! Square matrices over Q: the determinant by fraction-free (Bareiss) elimination on integer
//! rows, the inverse by Gauss–Jordan on `[A | I]`, and, for a singular matrix, the linear
//! dependency among its rows that makes it singular.

use super::Matrix;
use crate::math::expr::{MResult, MathError};
use crate::math::number::Q;
use rug::{Integer, Rational};

impl Matrix {
    /// Whether the matrix is square.
    pub fn is_square(&self) -> bool {
        self.nrows() == self.ncols()
    }

    fn require_square(&self, what: &str) -> MResult<()> {
        if self.is_square() {
            Ok(())
        } else {
            Err(MathError::Domain(format!(
                "{what} needs a square matrix, not {} × {}",
                self.nrows(),
                self.ncols()
            )))
        }
    }

    /// The transpose.
    pub fn transpose(&self) -> Matrix {
        let rows = (0..self.ncols())
            .map(|j| self.rows.iter().map(|r| r[j].clone()).collect())
            .collect();
        Matrix {
            rows,
            cols: self.nrows(),
        }
    }

    /// The determinant, exactly: each row scaled to integers, then Bareiss's fraction-free
    /// elimination (every division exact), then the scales divided out.
    pub fn det(&self) -> MResult<Q> {
        self.require_square("the determinant")?;
        let n = self.nrows();
        if n == 0 {
            return Ok(Q::one());
        }
        let mut scale = Integer::from(1);
        let mut m: Vec<Vec<Integer>> = Vec::with_capacity(n);
        for r in &self.rows {
            let mut l = Integer::from(1);
            for q in r {
                l.lcm_mut(q.denom());
            }
            m.push(
                r.iter()
                    .map(|q| Integer::from(q.numer() * &l) / q.denom())
                    .collect(),
            );
            scale *= l;
        }
        let mut negate = false;
        let mut prev = Integer::from(1);
        for k in 0..n {
            if crate::math::interrupted() {
                return Err(MathError::Interrupted);
            }
            if m[k][k] == 0 {
                let Some(p) = (k + 1..n).find(|&i| m[i][k] != 0) else {
                    return Ok(Q::zero());
                };
                m.swap(k, p);
                negate = !negate;
            }
            for i in k + 1..n {
                for j in k + 1..n {
                    let v = Integer::from(&m[i][j] * &m[k][k]) - Integer::from(&m[i][k] * &m[k][j]);
                    m[i][j] = v.div_exact(&prev);
                }
                m[i][k] = Integer::new();
            }
            prev = m[k][k].clone();
        }
        let d = Rational::from((m[n - 1][n - 1].clone(), scale));
        Ok(Q(if negate { -d } else { d }))
    }

    /// The inverse, or `Err(dependency)` when the matrix is singular: coefficients `c` with
    /// Σ c_i·row_i = 0, not all zero (so some row is a combination of the others).
    pub fn inverse(&self) -> MResult<Result<Matrix, Vec<Q>>> {
        self.require_square("the inverse")?;
        let n = self.nrows();
        let augmented: Vec<Vec<Q>> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut row = r.clone();
                row.extend((0..n).map(|j| if i == j { Q::one() } else { Q::zero() }));
                row
            })
            .collect();
        let r = Matrix {
            rows: augmented,
            cols: 2 * n,
        }
        .rref()?;
        if r.pivots.len() < n || r.pivots[..n].iter().enumerate().any(|(i, &p)| p != i) {
            let dependency = self.transpose().nullspace()?.into_iter().next();
            return match dependency {
                Some(c) => Ok(Err(c)),
                None => Err(MathError::Unsupported(
                    "the matrix is singular but no row dependency was found".into(),
                )),
            };
        }
        let rows = r.matrix.rows.iter().map(|row| row[n..].to_vec()).collect();
        Ok(Ok(Matrix { rows, cols: n }))
    }

    /// The product `A B`; `None` when the shapes do not match.
    pub fn mul(&self, b: &Matrix) -> Option<Matrix> {
        if self.ncols() != b.nrows() {
            return None;
        }
        let bt = b.transpose();
        let rows = self
            .rows
            .iter()
            .map(|r| bt.rows.iter().map(|c| super::dot(r, c)).collect())
            .collect();
        Some(Matrix {
            rows,
            cols: b.ncols(),
        })
    }
}

impl Matrix {
    /// The characteristic polynomial det(x·I − A) as its coefficients from the constant term
    /// up (monic, degree n), by the Faddeev–LeVerrier recurrence: M_1 = I, c_(n−1) = −tr A;
    /// M_k = A·M_(k−1) + c_(n−k+1)·I, c_(n−k) = −tr(A·M_k)/k.
    pub fn charpoly(&self) -> MResult<Vec<Q>> {
        self.require_square("the characteristic polynomial")?;
        let n = self.nrows();
        let mut c = vec![Q::zero(); n + 1];
        c[n] = Q::one();
        let mut m = Matrix::identity(n);
        for k in 1..=n {
            if crate::math::interrupted() {
                return Err(MathError::Interrupted);
            }
            let am = self
                .mul(&m)
                .ok_or_else(|| MathError::Domain("shape".into()))?;
            let tr = (0..n).fold(Q::zero(), |s, i| s.add(&am.rows[i][i]));
            c[n - k] = tr.neg().div(&Q::int(k as i64))?;
            let mut next = am;
            for i in 0..n {
                next.rows[i][i] = next.rows[i][i].add(&c[n - k]);
            }
            m = next;
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(a: i64, b: i64) -> Q {
        Q::frac(a, b)
    }

    #[test]
    fn determinants_are_exact() {
        let a = Matrix::from_i64(&[&[2, 0, 1], &[1, 3, 2], &[1, 1, 1]]).unwrap();
        // 2(3 − 2) − 0 + 1(1 − 3) = 0
        assert_eq!(a.det().unwrap(), Q::zero());
        let b = Matrix::from_i64(&[&[0, 1], &[1, 0]]).unwrap();
        assert_eq!(b.det().unwrap(), Q::int(-1));
        let h = Matrix::new(
            (1..=4)
                .map(|i| (1..=4).map(|j| q(1, i + j - 1)).collect())
                .collect(),
            4,
        )
        .unwrap();
        // The 4 × 4 Hilbert matrix: det = 1/6048000.
        assert_eq!(h.det().unwrap(), q(1, 6_048_000));
        assert!(Matrix::from_i64(&[&[1, 2, 3]]).unwrap().det().is_err());
    }

    #[test]
    fn characteristic_polynomials() {
        // [[2, 1], [1, 2]]: x² − 4x + 3
        let a = Matrix::from_i64(&[&[2, 1], &[1, 2]]).unwrap();
        assert_eq!(a.charpoly().unwrap(), vec![Q::int(3), Q::int(-4), Q::one()]);
        // The constant term is (−1)^n det A, the next-to-top one −tr A.
        let b = Matrix::from_i64(&[&[1, 2, 0], &[3, -1, 4], &[0, 5, 2]]).unwrap();
        let c = b.charpoly().unwrap();
        assert_eq!(c[0], b.det().unwrap().neg());
        assert_eq!(c[2], Q::int(-2));
        assert_eq!(c[3], Q::one());
    }

    #[test]
    fn inverse_times_matrix_is_identity() {
        let a = Matrix::from_i64(&[&[2, 1], &[7, 4]]).unwrap();
        let inv = a.inverse().unwrap().unwrap();
        assert_eq!(inv, Matrix::from_i64(&[&[4, -1], &[-7, 2]]).unwrap());
        assert_eq!(a.mul(&inv).unwrap(), Matrix::identity(2));
    }

    #[test]
    fn a_singular_matrix_names_its_dependency() {
        // row 3 = row 1 + 2·row 2
        let a = Matrix::from_i64(&[&[1, 0, 1], &[0, 1, 1], &[1, 2, 3]]).unwrap();
        let c = a.inverse().unwrap().unwrap_err();
        let rows = a.rows();
        let combination = a.transpose().mul_vec(&c).unwrap();
        assert!(combination.iter().all(Q::is_zero), "Σ c_i row_i ≠ 0");
        assert_eq!(rows.len(), 3);
        assert!(c.iter().any(|x| !x.is_zero()));
    }
}
