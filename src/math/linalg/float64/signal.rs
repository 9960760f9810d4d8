//! Float64 sequence-model kernels: the SSM convolution kernel K_0 = D, K_ℓ = C·A^(ℓ−1)·B by
//! mat-vec iteration (n² multiply–adds per term), and the causal convolution
//! y_k = Σ_ℓ K_ℓ u_(k−ℓ), direct for short data and through a radix-2 FFT when long.

use super::dot;
use crate::math::expr::MathError;
use nalgebra::DMatrix;

/// Products n_K·n_u up to which the convolution is done directly.
pub const DIRECT_MAX: usize = 1 << 16;

/// How often (in terms) the kernel loop polls the interrupt flag.
const POLL: usize = 1024;

/// K_0 = `d`, K_ℓ = c·A^(ℓ−1)·b for ℓ = 1..=`l`: v ← A v once per term, each row of A a
/// contiguous slice so the dot products vectorise. Fails only when interrupted.
pub fn kernel(
    a: &DMatrix<f64>,
    b: &[f64],
    c: &[f64],
    d: f64,
    l: usize,
) -> Result<Vec<f64>, MathError> {
    let n = a.nrows();
    let rows: Vec<f64> = a.transpose().as_slice().to_vec();
    let mut out = Vec::with_capacity(l + 1);
    out.push(d);
    let mut v = b.to_vec();
    let mut w = vec![0.0; n];
    for step in 1..=l {
        out.push(dot(c, &v));
        if step == l {
            break;
        }
        for (i, wi) in w.iter_mut().enumerate() {
            *wi = dot(&rows[i * n..(i + 1) * n], &v);
        }
        std::mem::swap(&mut v, &mut w);
        if step % POLL == 0 && crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
    }
    Ok(out)
}

/// Whether the convolution of lengths `nk` and `nu` is done by FFT.
pub fn uses_fft(nk: usize, nu: usize) -> bool {
    nk.saturating_mul(nu) > DIRECT_MAX
}

/// The causal convolution y_k = Σ_(ℓ ≤ k) K_ℓ u_(k−ℓ) for k < len(u): directly, or by FFT
/// when [`uses_fft`] says so.
pub fn convolve(k: &[f64], u: &[f64]) -> Vec<f64> {
    if uses_fft(k.len(), u.len()) {
        convolve_fft(k, u)
    } else {
        convolve_direct(k, u)
    }
}

/// The convolution term by term: n_K·n_u multiply–adds at most.
pub fn convolve_direct(k: &[f64], u: &[f64]) -> Vec<f64> {
    (0..u.len())
        .map(|i| {
            let top = i.min(k.len().saturating_sub(1));
            (0..=top).map(|l| k[l] * u[i - l]).sum::<f64>()
        })
        .collect()
}

/// The convolution through the FFT: both sequences zero-padded to a power of two N ≥
/// n_K + n_u − 1, transformed, multiplied and transformed back (O(N log N)).
pub fn convolve_fft(k: &[f64], u: &[f64]) -> Vec<f64> {
    let k = &k[..k.len().min(u.len())];
    if k.is_empty() || u.is_empty() {
        return vec![0.0; u.len()];
    }
    let size = (k.len() + u.len() - 1).next_power_of_two();
    let (mut kr, mut ki) = (vec![0.0; size], vec![0.0; size]);
    let (mut ur, mut ui) = (vec![0.0; size], vec![0.0; size]);
    kr[..k.len()].copy_from_slice(k);
    ur[..u.len()].copy_from_slice(u);
    fft(&mut kr, &mut ki, false);
    fft(&mut ur, &mut ui, false);
    for i in 0..size {
        let (a, b, c, d) = (kr[i], ki[i], ur[i], ui[i]);
        kr[i] = a * c - b * d;
        ki[i] = a * d + b * c;
    }
    fft(&mut kr, &mut ki, true);
    let scale = 1.0 / size as f64;
    kr[..u.len()].iter().map(|x| x * scale).collect()
}

/// In-place iterative radix-2 FFT (unnormalised; `inverse` flips the sign of the exponent).
/// `re.len()` must be a power of two.
pub fn fft(re: &mut [f64], im: &mut [f64], inverse: bool) {
    let n = re.len();
    if n < 2 {
        return;
    }
    let mut j = 0;
    for i in 1..n {
        let mut bit = n >> 1;
        while j & bit != 0 {
            j ^= bit;
            bit >>= 1;
        }
        j |= bit;
        if i < j {
            re.swap(i, j);
            im.swap(i, j);
        }
    }
    let sign = if inverse { 1.0 } else { -1.0 };
    let twiddles: Vec<(f64, f64)> = (0..n / 2)
        .map(|k| {
            let t = sign * std::f64::consts::TAU * k as f64 / n as f64;
            (t.cos(), t.sin())
        })
        .collect();
    let mut len = 2;
    while len <= n {
        let (half, step) = (len / 2, n / len);
        for start in (0..n).step_by(len) {
            for k in 0..half {
                let (wr, wi) = twiddles[k * step];
                let (p, q) = (start + k, start + k + half);
                let xr = re[q] * wr - im[q] * wi;
                let xi = re[q] * wi + im[q] * wr;
                re[q] = re[p] - xr;
                im[q] = im[p] - xi;
                re[p] += xr;
                im[p] += xi;
            }
        }
        len <<= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fft_and_direct_convolutions_agree() {
        let k: Vec<f64> = (0..300)
            .map(|i| 0.9f64.powi(i) * (i as f64).sin())
            .collect();
        let u: Vec<f64> = (0..500).map(|i| ((i * 7 % 13) as f64) - 6.0).collect();
        let (a, b) = (convolve_direct(&k, &u), convolve_fft(&k, &u));
        assert_eq!(a.len(), 500);
        for (x, y) in a.iter().zip(&b) {
            assert!((x - y).abs() < 1e-11, "{x} {y}");
        }
    }

    #[test]
    fn the_kernel_of_a_scalar_system_is_geometric() {
        let a = DMatrix::from_element(1, 1, 0.5);
        let k = kernel(&a, &[2.0], &[3.0], 1.0, 4).unwrap();
        assert_eq!(k, vec![1.0, 6.0, 3.0, 1.5, 0.75]);
    }
}
