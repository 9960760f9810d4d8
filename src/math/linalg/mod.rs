//! Exact linear algebra over Q: a dense matrix of rationals, its reduced row echelon form,
//! rank and nullspace, and linear systems `A x = b` with a typed answer (one solution, none,
//! or an affine family). Elimination picks the smallest pivot and skips zero entries, and
//! gives up with `MathError::TooLarge` instead of letting entries grow without bound.

mod closed_power;
pub mod eigen;
pub mod eigvec;
pub mod float64;
pub mod intmat;
pub mod kernel;
mod power;
pub mod rank_one;
mod square;

pub use closed_power::{power_closed_form, ClosedPower};
pub use power::Spectral;

use super::expr::{Expr, MResult, MathError};
use super::number::Q;
use rug::{Integer, Rational};
use std::cmp::Ordering;

/// Largest size, in bits, an entry may reach during elimination before it is abandoned.
pub const MAX_ENTRY_BITS: u32 = 400_000;

/// A dense `rows × cols` matrix over Q, stored row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    rows: Vec<Vec<Q>>,
    cols: usize,
}

/// A reduced row echelon form: the reduced matrix and the column of each pivot, by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rref {
    pub matrix: Matrix,
    pub pivots: Vec<usize>,
}

/// The solutions of a linear system `A x = b`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Solution {
    /// Exactly one solution.
    Unique(Vec<Q>),
    /// No solution: the equations contradict each other.
    Inconsistent,
    /// Every `particular + Σ t_i · directions[i]` (t_i ∈ Q) solves the system, and nothing
    /// else does; the directions are a basis of the nullspace of `A`.
    Family {
        particular: Vec<Q>,
        directions: Vec<Vec<Q>>,
    },
}

impl Matrix {
    /// The matrix with these rows, each `cols` long; `None` when a row has another length.
    pub fn new(rows: Vec<Vec<Q>>, cols: usize) -> Option<Matrix> {
        rows.iter()
            .all(|r| r.len() == cols)
            .then_some(Matrix { rows, cols })
    }

    /// The matrix of these rows of expressions, when every entry is a rational number and the
    /// rows have one length; `None` otherwise.
    pub fn from_exprs(rows: &[Vec<Expr>]) -> Option<Matrix> {
        let q: Option<Vec<Vec<Q>>> = rows
            .iter()
            .map(|r| r.iter().map(|e| e.as_num().cloned()).collect())
            .collect();
        Matrix::new(q?, rows.first().map_or(0, Vec::len))
    }

    /// The matrix of small integers `rows` (all of the same length).
    pub fn from_i64(rows: &[&[i64]]) -> Option<Matrix> {
        let cols = rows.first().map_or(0, |r| r.len());
        Matrix::new(
            rows.iter()
                .map(|r| r.iter().map(|&a| Q::int(a)).collect())
                .collect(),
            cols,
        )
    }

    /// The `n × n` identity.
    pub fn identity(n: usize) -> Matrix {
        let rows = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| if i == j { Q::one() } else { Q::zero() })
                    .collect()
            })
            .collect();
        Matrix { rows, cols: n }
    }

    pub fn nrows(&self) -> usize {
        self.rows.len()
    }

    pub fn ncols(&self) -> usize {
        self.cols
    }

    pub fn rows(&self) -> &[Vec<Q>] {
        &self.rows
    }

    /// The entry in row `i`, column `j`.
    pub fn get(&self, i: usize, j: usize) -> Option<&Q> {
        self.rows.get(i)?.get(j)
    }

    /// `A v`; `None` when `v` does not have one entry per column.
    pub fn mul_vec(&self, v: &[Q]) -> Option<Vec<Q>> {
        (v.len() == self.cols).then(|| self.rows.iter().map(|r| dot(r, v)).collect())
    }

    /// The reduced row echelon form.
    pub fn rref(&self) -> MResult<Rref> {
        let mut m = self.rows.clone();
        let pivots = rref_in_place(&mut m, self.cols)?;
        Ok(Rref {
            matrix: Matrix {
                rows: m,
                cols: self.cols,
            },
            pivots,
        })
    }

    /// The rank (the number of pivots).
    pub fn rank(&self) -> MResult<usize> {
        Ok(self.rref()?.pivots.len())
    }

    /// A basis of the nullspace `{v : A v = 0}`: one vector per free column, with a 1 there
    /// and 0 in the other free columns.
    pub fn nullspace(&self) -> MResult<Vec<Vec<Q>>> {
        let r = self.rref()?;
        Ok(null_basis(&r.matrix.rows, &r.pivots, self.cols))
    }

    /// The solutions of `A x = b` (`b` has one entry per row).
    pub fn solve(&self, b: &[Q]) -> MResult<Solution> {
        if b.len() != self.rows.len() {
            return Err(MathError::Domain(format!(
                "a right-hand side of {} entries for a system of {} equations",
                b.len(),
                self.rows.len()
            )));
        }
        let n = self.cols;
        let mut m: Vec<Vec<Q>> = self
            .rows
            .iter()
            .zip(b)
            .map(|(r, bi)| r.iter().cloned().chain([bi.clone()]).collect())
            .collect();
        let pivots = rref_in_place(&mut m, n + 1)?;
        if pivots.last() == Some(&n) {
            return Ok(Solution::Inconsistent);
        }
        let mut particular = vec![Q::zero(); n];
        for (i, &pc) in pivots.iter().enumerate() {
            particular[pc] = m[i][n].clone();
        }
        if pivots.len() == n {
            return Ok(Solution::Unique(particular));
        }
        Ok(Solution::Family {
            particular,
            directions: null_basis(&m, &pivots, n),
        })
    }
}

/// Σ a_i b_i, skipping zero terms.
pub fn dot(a: &[Q], b: &[Q]) -> Q {
    let mut s = Rational::new();
    for (x, y) in a.iter().zip(b) {
        if !x.is_zero() && !y.is_zero() {
            s += Rational::from(&x.0 * &y.0);
        }
    }
    Q(s)
}

/// `v` scaled by a positive rational to coprime integers (the zero vector stays zero).
pub fn primitive(v: &[Q]) -> Vec<Q> {
    let mut l = Integer::from(1);
    let mut g = Integer::new();
    for c in v {
        l.lcm_mut(c.denom());
        g.gcd_mut(c.numer());
    }
    if g == 0 {
        return v.to_vec();
    }
    let f = Q(Rational::from((l, g)));
    v.iter().map(|c| c.mul(&f)).collect()
}

fn bits(x: &Rational) -> u32 {
    x.numer().significant_bits() + x.denom().significant_bits()
}

fn is_zero(x: &Rational) -> bool {
    x.cmp0() == Ordering::Equal
}

/// Brings the first `cols` columns of `m` to reduced row echelon form in place and returns
/// the pivot columns, or `TooLarge` when an entry grows beyond [`MAX_ENTRY_BITS`].
fn rref_in_place(m: &mut [Vec<Q>], cols: usize) -> MResult<Vec<usize>> {
    let mut pivots = Vec::new();
    let mut row = 0;
    for col in 0..cols {
        if row >= m.len() {
            break;
        }
        // The smallest non-zero entry makes the gentlest pivot.
        let best = (row..m.len())
            .filter(|&i| !is_zero(&m[i][col].0))
            .min_by_key(|&i| bits(&m[i][col].0));
        let Some(p) = best else { continue };
        m.swap(row, p);
        let inv = Rational::from(1) / m[row][col].0.clone();
        for x in m[row].iter_mut() {
            x.0 *= &inv;
        }
        let prow = m[row].clone();
        for (i, r) in m.iter_mut().enumerate() {
            if i == row || is_zero(&r[col].0) {
                continue;
            }
            let f = r[col].0.clone();
            for j in col..cols {
                if !is_zero(&prow[j].0) {
                    r[j].0 -= Rational::from(&f * &prow[j].0);
                    if bits(&r[j].0) > MAX_ENTRY_BITS {
                        return Err(MathError::TooLarge("an entry of the row reduction".into()));
                    }
                }
            }
        }
        pivots.push(col);
        row += 1;
    }
    Ok(pivots)
}

/// The nullspace basis read off a reduced matrix whose first `cols` columns have `pivots`.
fn null_basis(m: &[Vec<Q>], pivots: &[usize], cols: usize) -> Vec<Vec<Q>> {
    let mut basis = Vec::new();
    for free in (0..cols).filter(|c| !pivots.contains(c)) {
        let mut v = vec![Q::zero(); cols];
        v[free] = Q::one();
        for (i, &pc) in pivots.iter().enumerate() {
            v[pc] = m[i][free].neg();
        }
        basis.push(v);
    }
    basis
}

#[cfg(test)]
mod tests {
    use super::*;

    fn qs(v: &[i64]) -> Vec<Q> {
        v.iter().map(|&x| Q::int(x)).collect()
    }

    fn m(rows: &[&[i64]]) -> Matrix {
        Matrix::from_i64(rows).expect("a rectangular matrix")
    }

    #[test]
    fn a_three_by_three_system_has_its_known_solution() {
        // 2x + y − z = 8, −3x − y + 2z = −11, −2x + y + 2z = −3  ⇒  (2, 3, −1)
        let a = m(&[&[2, 1, -1], &[-3, -1, 2], &[-2, 1, 2]]);
        let s = a.solve(&qs(&[8, -11, -3])).unwrap();
        assert_eq!(s, Solution::Unique(qs(&[2, 3, -1])));
        assert_eq!(a.rank().unwrap(), 3);
        assert!(a.nullspace().unwrap().is_empty());
        assert_eq!(a.rref().unwrap().matrix, Matrix::identity(3));
    }

    #[test]
    fn fractions_stay_exact() {
        let a = m(&[&[2, 1], &[1, 3]]);
        let s = a.solve(&qs(&[3, 5])).unwrap();
        assert_eq!(s, Solution::Unique(vec![Q::frac(4, 5), Q::frac(7, 5)]));
    }

    #[test]
    fn a_singular_matrix_has_a_one_dimensional_nullspace() {
        let a = m(&[&[1, 2, 3], &[4, 5, 6], &[7, 8, 9]]);
        let ns = a.nullspace().unwrap();
        assert_eq!(ns, vec![qs(&[1, -2, 1])]);
        assert_eq!(a.mul_vec(&ns[0]), Some(qs(&[0, 0, 0])));
        assert_eq!(a.rank().unwrap(), 2);
        // A consistent right-hand side (b₃ = 2b₂ − b₁) gives a line of solutions.
        let b = qs(&[6, 15, 24]);
        match a.solve(&b).unwrap() {
            Solution::Family {
                particular,
                directions,
            } => {
                assert_eq!(a.mul_vec(&particular), Some(b.clone()));
                assert_eq!(directions, ns);
                let other: Vec<Q> = particular
                    .iter()
                    .zip(&directions[0])
                    .map(|(p, d)| p.add(&d.mul(&Q::frac(-7, 3))))
                    .collect();
                assert_eq!(a.mul_vec(&other), Some(b));
            }
            other => panic!("expected a family, got {other:?}"),
        }
    }

    #[test]
    fn contradictory_equations_have_no_solution() {
        let a = m(&[&[1, 2, 3], &[4, 5, 6], &[7, 8, 9]]);
        assert_eq!(a.solve(&qs(&[1, 1, 0])).unwrap(), Solution::Inconsistent);
        // x + y = 1 and x + y = 2, with more unknowns than equations.
        let b = m(&[&[1, 1, 0], &[1, 1, 0]]);
        assert_eq!(b.solve(&qs(&[1, 2])).unwrap(), Solution::Inconsistent);
    }

    #[test]
    fn primitive_vectors_have_coprime_integer_entries() {
        let v = vec![Q::frac(-2, 3), Q::frac(4, 9), Q::zero()];
        assert_eq!(primitive(&v), qs(&[-3, 2, 0]));
        assert_eq!(primitive(&qs(&[0, 0])), qs(&[0, 0]));
    }

    #[test]
    fn a_rank_one_matrix_and_malformed_input() {
        let a = m(&[&[1, 2, 3], &[2, 4, 6]]);
        let ns = a.nullspace().unwrap();
        assert_eq!(ns, vec![qs(&[-2, 1, 0]), qs(&[-3, 0, 1])]);
        for v in &ns {
            assert_eq!(a.mul_vec(v), Some(qs(&[0, 0])));
        }
        assert!(Matrix::new(vec![qs(&[1, 2]), qs(&[3])], 2).is_none());
        assert!(a.mul_vec(&qs(&[1, 2])).is_none());
        assert!(a.solve(&qs(&[1])).is_err());
    }
}
