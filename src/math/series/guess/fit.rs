//! The guesser's fitting step on top of [`crate::math::linalg`]: a null vector fitted on a
//! prefix of the rows and verified on every remaining row, giving up with `None` (no unique
//! fit, a failed check, entries too large) rather than running away.

use crate::math::linalg::{dot, Matrix};
use crate::math::number::Q;

/// Fits a null vector on a prefix of `rows` (each `u` long) and verifies it on the rest:
/// starts with `u + 2` rows and adds rows while the prefix leaves more than one solution (up to
/// `2u + 6`). Returns the vector and the number of rows fitted on, or `None` when no unique
/// solution exists, it fails on a later row, or fewer than `min_checked` rows would be left
/// to check.
pub(super) fn fit_prefix(rows: &[Vec<Q>], u: usize, min_checked: usize) -> Option<(Vec<Q>, usize)> {
    let mut f = u + 2;
    loop {
        if f + min_checked > rows.len() {
            return None;
        }
        let ns = Matrix::new(rows[..f].to_vec(), u)?.nullspace().ok()?;
        match ns.len() {
            0 => return None,
            1 => {
                let v = ns.into_iter().next()?;
                return rows[f..]
                    .iter()
                    .all(|r| dot(&v, r).is_zero())
                    .then_some((v, f));
            }
            _ if f >= 2 * u + 6 => return None,
            _ => f += 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_fibonacci_and_rejects_a_broken_tail() {
        let mut fib = vec![Q::int(1), Q::int(1)];
        for k in 2..30 {
            fib.push(fib[k - 1].add(&fib[k - 2]));
        }
        // Rows (d_k, d_{k+1}, d_{k+2}): the null vector is (1, 1, −1) up to scale.
        let rows =
            |d: &[Q]| -> Vec<Vec<Q>> { (0..d.len() - 2).map(|k| d[k..k + 3].to_vec()).collect() };
        let (v, fitted) = fit_prefix(&rows(&fib), 3, 8).expect("a recurrence");
        assert_eq!(fitted, 5);
        assert_eq!(v[0], v[1]);
        assert_eq!(v[2], v[0].neg());
        let mut broken = fib.clone();
        broken[25] = broken[25].add(&Q::one());
        assert!(fit_prefix(&rows(&broken), 3, 8).is_none());
        // Too few rows left to check.
        assert!(fit_prefix(&rows(&fib[..12]), 3, 8).is_none());
    }
}
