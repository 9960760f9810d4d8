//! Fast exact truncated power series over Q, FLINT's `*_series` discipline: every function
//! takes the first coefficients of its inputs (shorter inputs are zero-padded) and an output
//! length `n`, and returns exactly `n` coefficients (the result mod `x^n`), in lowest terms.
//!
//! Internally a series is a vector of integer numerators over one common denominator
//! ([`intpoly::QPoly`]), its content removed after each product (one Hensel division per
//! numerator that also proves it exact: `exactdiv`) and made canonical only on output
//! (`canonical`, block by block, without big gcds where a block's denominator factors into
//! small primes: `smooth`). Products ([`kronecker`]) are Kronecker
//! substitutions into one GMP multiplication, or, for large coefficients, a Schönhage–Strassen
//! FFT over `Z/(2^N + 1)` ([`fft`]) whose cyclic length only has to cover the coefficients
//! wanted, which makes the middle products of Newton iterations cheap; plain products between
//! powers of two `h` and `2h` use a truncated transform of length `h + k·h/8` (`fft_split`; so
//! do the residuals of Newton steps, whose known low part is subtracted first), and large
//! pointwise products GMP's own modular FFT (`fermat`). Inverse, quotient,
//! `exp`, `log`, `sin`/`cos` are Newton iterations ([`newton`]); short or sparse inputs use
//! O(n·terms) recurrences ([`basecase`]); an input that is a series in `x^d` is computed in
//! `x^d` (a `d`-fold smaller problem: `cos x` and `tan x` run in `x²`, and the products of odd
//! and even series inside the iterations too). Composition is Paterson–Stockmeyer
//! ([`compose`]). [`naive`] is an independent O(n²) implementation over num-rational for
//! cross-checking. Imports `rug`, [`Q`] and [`MathError`].

pub mod basecase;
mod canonical;
pub mod compose;
mod exactdiv;
mod fermat;
pub mod fft;
mod fft_split;
pub mod intpoly;
pub mod kronecker;
pub mod naive;
pub mod newton;
mod smooth;

use crate::math::expr::MathError;
use crate::math::number::Q;
use basecase::Recurrence;
use intpoly::QPoly;
use rug::Integer;

/// `gcd(x, y)` with `gcd(0, y) = y`.
fn gcd(mut x: usize, mut y: usize) -> usize {
    while y != 0 {
        (x, y) = (y, x % y);
    }
    x
}

/// The constant coefficient of `a` (zero when `a` is empty).
fn constant(a: &[Q]) -> Q {
    a.first().cloned().unwrap_or_default()
}

/// `a·b mod x^n` (run on `x^d` when both factors are `x^r·A(x^d)`), canonicalised.
pub(crate) fn mul_q(a: &QPoly, b: &QPoly, n: usize) -> QPoly {
    let mut p = mul_q_raw(a, b, n);
    p.canonicalise();
    p
}

/// [`mul_q`] without the final canonicalisation (the denominator is `den(a)·den(b)`), for
/// products that are sliced and canonicalised by the caller.
pub(crate) fn mul_q_raw(a: &QPoly, b: &QPoly, n: usize) -> QPoly {
    mul_q_range(a, b, 0, n)
}

/// Coefficients `lo..hi` of `a·b` over `den(a)·den(b)` (not canonicalised). Run on `x^d`
/// when both factors are `x^r·A(x^d)`; a middle range costs about as much as a product of
/// its own length (see [`kronecker::mul_range`]).
pub(crate) fn mul_q_range(a: &QPoly, b: &QPoly, lo: usize, hi: usize) -> QPoly {
    mul_q_range_given(a, b, None, lo, hi)
}

/// Coefficients `known.len()..hi` of `a·b` over `den(a)·den(b)` (not canonicalised), given
/// the numerators of its first coefficients, `known` (over the same denominator): a Newton
/// residual, whose low part is known, then only transforms the rest (see
/// [`fft::mul_range_known`]). Factors in `x^d` go the way of [`mul_q_range`].
pub(crate) fn mul_q_range_known(a: &QPoly, b: &QPoly, known: &[Integer], hi: usize) -> QPoly {
    mul_q_range_given(a, b, Some(known), known.len(), hi)
}

/// [`mul_q_range`], with the product's first `lo` numerators when they are known.
fn mul_q_range_given(
    a: &QPoly,
    b: &QPoly,
    known: Option<&[Integer]>,
    lo: usize,
    hi: usize,
) -> QPoly {
    let (Some(ra), Some(rb)) = (a.valuation(hi), b.valuation(hi)) else {
        return QPoly::zero(hi.saturating_sub(lo));
    };
    let r = ra + rb;
    if r >= hi || lo >= hi {
        return QPoly::zero(hi.saturating_sub(lo));
    }
    let d = gcd(a.stride_from(ra, hi), b.stride_from(rb, hi));
    let d = if d == 0 { hi } else { d };
    match (d, known) {
        (1, Some(known)) => {
            return QPoly {
                num: kronecker::mul_range_known(&a.num, &b.num, known, hi),
                den: Integer::from(&a.den * &b.den),
            }
        }
        (1, None) => return a.mul_range_raw(b, lo, hi),
        _ => {}
    }
    // a·b = x^r·(A·B)(x^d): coefficient k of the product is (A·B)[(k − r)/d].
    let ca = a.compress_raw(ra, d, hi);
    let (clo, chi) = (lo.saturating_sub(r).div_ceil(d), (hi - r).div_ceil(d));
    let c = if std::ptr::eq(a, b) {
        ca.mul_range_raw(&ca, clo, chi)
    } else {
        ca.mul_range_raw(&b.compress_raw(rb, d, hi), clo, chi)
    };
    let mut out = QPoly::zero(hi - lo);
    for (i, v) in c.num.into_iter().enumerate() {
        let k = r + (clo + i) * d;
        if k >= lo && k < hi {
            out.num[k - lo] = v;
        }
    }
    out.den = c.den;
    out
}

/// `a/b mod x^n` for `b₀ ≠ 0` (run on `x^d` when `b = B(x^d)` and `a = x^r·A(x^d)`).
pub(crate) fn div_q(a: &QPoly, b: &QPoly, n: usize) -> Result<QPoly, MathError> {
    let Some(r) = a.valuation(n) else {
        return Ok(QPoly::zero(n));
    };
    let d = gcd(a.stride_from(r, n), b.stride_from(0, n));
    let d = if d == 0 { n } else { d };
    if d > 1 {
        let len = (n - r).div_ceil(d);
        let q = newton::div(&a.compress(r, d, n), &b.compress(0, d, len * d), len)?;
        return Ok(q.expand(r, d, n));
    }
    newton::div(a, b, n)
}

/// Runs `f` on the compressed series when `a = A(x^d)` with `d > 1`, then expands.
fn strided<F>(a: &QPoly, n: usize, f: F) -> Result<QPoly, MathError>
where
    F: Fn(&QPoly, usize) -> Result<QPoly, MathError>,
{
    let d = a.stride_from(0, n);
    let d = if d == 0 { n.max(1) } else { d };
    if d > 1 {
        let len = n.div_ceil(d);
        return Ok(f(&a.compress(0, d, n), len)?.expand(0, d, n));
    }
    f(&a.prefix(n), n)
}

/// `exp(a) mod x^n` for `a₀ = 0`.
pub(crate) fn exp_q(a: &QPoly, n: usize) -> Result<QPoly, MathError> {
    strided(a, n, |a, n| {
        if basecase::prefer_recurrence(a, n, &a.den, Recurrence::Derivative) {
            basecase::exp(a, n)
        } else {
            newton::exp(a, n)
        }
    })
}

/// `(sin a, cos a) mod x^n` for `a₀ = 0`.
pub(crate) fn sin_cos_q(a: &QPoly, n: usize) -> Result<(QPoly, QPoly), MathError> {
    let d = a.stride_from(0, n);
    let d = if d == 0 { n.max(1) } else { d };
    if d > 1 {
        let (s, c) = newton::sin_cos(&a.compress(0, d, n), n.div_ceil(d))?;
        return Ok((s.expand(0, d, n), c.expand(0, d, n)));
    }
    newton::sin_cos(&a.prefix(n), n)
}

/// The first `n` coefficients of `a·b`.
pub fn mul(a: &[Q], b: &[Q], n: usize) -> Vec<Q> {
    mul_q(&QPoly::from_q(a, n), &QPoly::from_q(b, n), n).to_q()
}

/// `1/a mod x^n`; `a₀` must be nonzero (else [`MathError::DivisionByZero`]).
pub fn inv(a: &[Q], n: usize) -> Result<Vec<Q>, MathError> {
    div(&[Q::one()], a, n)
}

/// `a/b mod x^n`; `b₀` must be nonzero (else [`MathError::DivisionByZero`]).
pub fn div(a: &[Q], b: &[Q], n: usize) -> Result<Vec<Q>, MathError> {
    if constant(b).is_zero() {
        return Err(MathError::DivisionByZero);
    }
    div_q(&QPoly::from_q(a, n), &QPoly::from_q(b, n), n)?.try_to_q()
}

/// `exp(a) mod x^n`; requires `a₀ = 0` (the caller factors out `exp(a₀)`), else
/// [`MathError::Domain`].
pub fn exp(a: &[Q], n: usize) -> Result<Vec<Q>, MathError> {
    require_zero_constant(a, "exp")?;
    exp_q(&QPoly::from_q(a, n), n)?.try_to_q()
}

/// `log(a) mod x^n`; requires `a₀ = 1`, else [`MathError::Domain`].
pub fn log(a: &[Q], n: usize) -> Result<Vec<Q>, MathError> {
    if !constant(a).is_one() {
        return Err(MathError::Domain(
            "the series logarithm needs constant term 1".into(),
        ));
    }
    let p = QPoly::from_q(a, n);
    strided(&p, n, newton::log)?.try_to_q()
}

fn require_zero_constant(a: &[Q], what: &str) -> Result<(), MathError> {
    if constant(a).is_zero() {
        Ok(())
    } else {
        Err(MathError::Domain(format!(
            "the series {what} needs constant term 0"
        )))
    }
}

/// `(sin a, cos a) mod x^n`; requires `a₀ = 0`, else [`MathError::Domain`].
pub fn sin_cos(a: &[Q], n: usize) -> Result<(Vec<Q>, Vec<Q>), MathError> {
    require_zero_constant(a, "sine and cosine")?;
    let (s, c) = sin_cos_q(&QPoly::from_q(a, n), n)?;
    Ok((s.try_to_q()?, c.try_to_q()?))
}

/// `sin a mod x^n`; requires `a₀ = 0`. Only the sine is made canonical: on long series that
/// is most of the cost of [`sin_cos`] (a gcd per coefficient).
pub fn sin(a: &[Q], n: usize) -> Result<Vec<Q>, MathError> {
    require_zero_constant(a, "sine")?;
    sin_cos_q(&QPoly::from_q(a, n), n)?.0.try_to_q()
}

/// `cos a mod x^n`; requires `a₀ = 0`. Only the cosine is made canonical.
pub fn cos(a: &[Q], n: usize) -> Result<Vec<Q>, MathError> {
    require_zero_constant(a, "cosine")?;
    sin_cos_q(&QPoly::from_q(a, n), n)?.1.try_to_q()
}

/// `tan a mod x^n`; requires `a₀ = 0`, else [`MathError::Domain`].
pub fn tan(a: &[Q], n: usize) -> Result<Vec<Q>, MathError> {
    require_zero_constant(a, "tangent")?;
    strided(&QPoly::from_q(a, n), n, newton::tan)?.try_to_q()
}

/// `atan a mod x^n`; requires `a₀ = 0`, else [`MathError::Domain`].
pub fn atan(a: &[Q], n: usize) -> Result<Vec<Q>, MathError> {
    require_zero_constant(a, "arctangent")?;
    strided(&QPoly::from_q(a, n), n, newton::atan)?.try_to_q()
}

/// `a^e mod x^n` for any rational `e`; requires `a₀ = 1`, else [`MathError::Domain`].
pub fn pow(a: &[Q], e: &Q, n: usize) -> Result<Vec<Q>, MathError> {
    if !constant(a).is_one() {
        return Err(MathError::Domain(
            "the series power needs constant term 1".into(),
        ));
    }
    let p = QPoly::from_q(a, n);
    strided(&p, n, |a, n| compose::pow(a, e, n))?.try_to_q()
}

/// `∫₀ˣ a mod x^n`: coefficient `k` is `a_{k−1}/k`.
pub fn integral(a: &[Q], n: usize) -> Vec<Q> {
    (0..n)
        .map(|k| match k.checked_sub(1).and_then(|j| a.get(j)) {
            Some(c) if !c.is_zero() => Q(rug::Rational::from(&c.0 / k as u64)),
            _ => Q::zero(),
        })
        .collect()
}

/// `a' mod x^n`: coefficient `k` is `(k+1)·a_{k+1}`.
pub fn derivative(a: &[Q], n: usize) -> Vec<Q> {
    (0..n)
        .map(|k| match a.get(k + 1) {
            Some(c) if !c.is_zero() => Q(rug::Rational::from(&c.0 * (k as u64 + 1))),
            _ => Q::zero(),
        })
        .collect()
}

/// `a(b(x)) mod x^n`; requires `b₀ = 0`, else [`MathError::Domain`].
pub fn compose(a: &[Q], b: &[Q], n: usize) -> Result<Vec<Q>, MathError> {
    require_zero_constant(b, "composition's inner series")?;
    compose::compose(a, &QPoly::from_q(b, n), n)?.try_to_q()
}
