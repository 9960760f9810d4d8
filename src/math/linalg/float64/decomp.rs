//! Float64 decompositions through `nalgebra`: singular values (SVD), least squares (SVD
//! solve), complex eigenvalues (real Schur form), the 2-norm, and the least-squares
//! polynomial fit on a scaled abscissa. Every result is a machine approximation.

use super::{horner, FResult};
use nalgebra::linalg::{Schur, SVD};
use nalgebra::{DMatrix, DVector};

/// Iteration cap of the SVD and Schur iterations (a failure to converge is reported).
const MAX_ITER: usize = 100_000;

fn svd(m: &DMatrix<f64>, vectors: bool) -> FResult<SVD<f64, nalgebra::Dyn, nalgebra::Dyn>> {
    if m.iter().any(|x| !x.is_finite()) {
        return Err("the matrix has an infinite or NaN entry".into());
    }
    SVD::try_new(m.clone(), vectors, vectors, f64::EPSILON, MAX_ITER)
        .ok_or_else(|| "the SVD iteration did not converge".to_string())
}

/// The singular values, largest first.
pub fn singular_values(m: &DMatrix<f64>) -> FResult<Vec<f64>> {
    let mut s: Vec<f64> = svd(m, false)?.singular_values.iter().copied().collect();
    s.sort_by(|a, b| b.total_cmp(a));
    Ok(s)
}

/// The 2-norm (the largest singular value).
pub fn norm2(m: &DMatrix<f64>) -> FResult<f64> {
    Ok(singular_values(m)?.first().copied().unwrap_or(0.0))
}

/// A least-squares solution of `a x ≈ b`: the minimum-norm one, singular values below
/// `max(r, c) · ε · σ_max` counted as zero. Also the numerical rank and the residual 2-norm.
pub struct LeastSquares {
    pub x: Vec<f64>,
    pub rank: usize,
    pub singular: Vec<f64>,
    pub residual: f64,
}

/// Least squares by the SVD.
pub fn lstsq(a: &DMatrix<f64>, b: &[f64]) -> FResult<LeastSquares> {
    if a.nrows() != b.len() {
        return Err(format!(
            "the right-hand side has {} entries, but the matrix has {} row(s)",
            b.len(),
            a.nrows()
        ));
    }
    let d = svd(a, true)?;
    let mut singular: Vec<f64> = d.singular_values.iter().copied().collect();
    singular.sort_by(|x, y| y.total_cmp(x));
    let smax = singular.first().copied().unwrap_or(0.0);
    let eps = a.nrows().max(a.ncols()) as f64 * f64::EPSILON * smax;
    let rank = singular.iter().filter(|s| **s > eps).count();
    let rhs = DVector::from_column_slice(b);
    let x = d.solve(&rhs, eps).map_err(str::to_string)?;
    let r = a * &x - &rhs;
    Ok(LeastSquares {
        x: x.iter().copied().collect(),
        rank,
        singular,
        residual: r.norm(),
    })
}

/// The eigenvalues of a square matrix as (re, im) pairs, by the real Schur form; sorted by
/// decreasing modulus, then real part.
pub fn eigenvalues(m: &DMatrix<f64>) -> FResult<Vec<(f64, f64)>> {
    if !m.is_square() {
        return Err(format!(
            "eigenvalues need a square matrix, not a {} one",
            super::shape(m)
        ));
    }
    if m.iter().any(|x| !x.is_finite()) {
        return Err("the matrix has an infinite or NaN entry".into());
    }
    let s = Schur::try_new(m.clone(), f64::EPSILON, MAX_ITER)
        .ok_or_else(|| "the Schur iteration did not converge".to_string())?;
    let mut ev: Vec<(f64, f64)> = s
        .complex_eigenvalues()
        .iter()
        .map(|z| (z.re, z.im))
        .collect();
    ev.sort_by(|a, b| {
        let (ma, mb) = (a.0.hypot(a.1), b.0.hypot(b.1));
        mb.total_cmp(&ma)
            .then(b.0.total_cmp(&a.0))
            .then(b.1.total_cmp(&a.1))
    });
    Ok(ev)
}

/// A least-squares polynomial fit: the coefficients in the monomial basis of `x`, with
/// what the steps show.
pub struct Fit {
    /// c_k of Σ c_k x^k.
    pub coeffs: Vec<f64>,
    /// The design matrix's shape and its singular values (in the scaled variable t).
    pub rows: usize,
    pub singular: Vec<f64>,
    pub rank: usize,
    /// ‖V c − y‖₂ and max_i |p(x_i) − y_i| at the samples.
    pub residual: f64,
    pub max_residual: f64,
}

/// Fits Σ c_k x^k (k ≤ `degree`) to the samples (x_i, y_i) in the least-squares sense. The
/// design matrix is built in t = (2x − a − b)/(b − a) ∈ [−1, 1] (a well-conditioned
/// Vandermonde matrix), solved by the SVD, and the polynomial mapped back to x.
pub fn polyfit(xs: &[f64], ys: &[f64], degree: usize, a: f64, b: f64) -> FResult<Fit> {
    if xs.len() <= degree {
        return Err(format!(
            "a degree-{degree} fit needs more than {degree} sample points, got {}",
            xs.len()
        ));
    }
    let (mid, half) = ((a + b) / 2.0, (b - a) / 2.0);
    let t = |x: f64| (x - mid) / half;
    let v = DMatrix::from_fn(xs.len(), degree + 1, |i, j| t(xs[i]).powi(j as i32));
    let ls = lstsq(&v, ys)?;
    // p(x) = Σ d_j t^j with t = (x − mid)/half: expand each (x − mid)^j binomially.
    let mut coeffs = vec![0.0; degree + 1];
    for (j, d) in ls.x.iter().enumerate() {
        let scale = d / half.powi(j as i32);
        let mut binom = 1.0;
        for (k, c) in coeffs.iter_mut().enumerate().take(j + 1) {
            // C(j, k) x^k (−mid)^(j−k)
            *c += scale * binom * (-mid).powi((j - k) as i32);
            binom = binom * (j - k) as f64 / (k + 1) as f64;
        }
    }
    let max_residual = xs
        .iter()
        .zip(ys)
        .map(|(x, y)| (horner(&coeffs, *x) - y).abs())
        .fold(0.0, f64::max);
    Ok(Fit {
        coeffs,
        rows: xs.len(),
        singular: ls.singular,
        rank: ls.rank,
        residual: ls.residual,
        max_residual,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svd_of_a_known_matrix() {
        // [[3, 0], [4, 5]] has singular values 3√5 and √5.
        let m = DMatrix::from_row_slice(2, 2, &[3.0, 0.0, 4.0, 5.0]);
        let s = singular_values(&m).unwrap();
        assert!((s[0] - 3.0 * 5f64.sqrt()).abs() < 1e-14);
        assert!((s[1] - 5f64.sqrt()).abs() < 1e-14);
    }

    #[test]
    fn a_fit_of_a_cubic_recovers_it() {
        let xs: Vec<f64> = (0..21).map(|i| 1.0 + i as f64 / 10.0).collect();
        let ys: Vec<f64> = xs.iter().map(|x| 2.0 - x + 0.5 * x * x * x).collect();
        let f = polyfit(&xs, &ys, 3, 1.0, 3.0).unwrap();
        for (c, want) in f.coeffs.iter().zip([2.0, -1.0, 0.0, 0.5]) {
            assert!((c - want).abs() < 1e-12, "{:?}", f.coeffs);
        }
    }

    #[test]
    fn a_rotation_has_complex_eigenvalues() {
        let m = DMatrix::from_row_slice(2, 2, &[0.0, -1.0, 1.0, 0.0]);
        let ev = eigenvalues(&m).unwrap();
        assert!(
            (ev[0].0).abs() < 1e-15 && (ev[0].1 - 1.0).abs() < 1e-15,
            "{ev:?}"
        );
    }
}
