//! Arithmetic in `Z/(2^N + 1)`, `N = 64·w`, on little-endian limb slices of `w + 1` limbs
//! holding a value in `[0, 2^N]`: the additions, negation, multiplication by a power of two
//! (a shift with wrap-around, `2^N ≡ −1`), the fold of a double-length product, and the
//! product, which is all the Schönhage–Strassen transforms of [`super::fft`] need.

/// `x ← (2^N + 1 − x) mod (2^N + 1)` for a normalised `x` (`w + 1` limbs).
pub(super) fn negate(x: &mut [u64], w: usize) {
    // p − x = (2^N − x) + 1: two's complement in w + 1 limbs, then add 2^N + 1.
    if neg_limbs(&mut x[..w + 1]) {
        add_p(x, w);
    }
}

/// `x ← 2^(64·len) − x` (two's complement) by GMP's `mpn_neg`; whether `x` was nonzero
/// (when it was zero it stays zero).
#[allow(unsafe_code)]
pub(super) fn neg_limbs(x: &mut [u64]) -> bool {
    if x.is_empty() {
        return false;
    }
    let p = x.as_mut_ptr();
    // SAFETY: x is a live slice of its length; GMP allows the result in place of the input.
    unsafe { gmp_mpfr_sys::gmp::mpn_neg(p, p, x.len() as gmp_mpfr_sys::gmp::size_t) != 0 }
}

/// `x += 2^N + 1` (wrapping in `w + 1` limbs).
pub(super) fn add_p(x: &mut [u64], w: usize) {
    let mut carry = true;
    for limb in x[..w].iter_mut() {
        let (s, c) = limb.overflowing_add(u64::from(carry));
        *limb = s;
        carry = c;
        if !carry {
            break;
        }
    }
    x[w] = x[w].wrapping_add(1 + u64::from(carry));
}

/// Reduces `x ∈ [0, 2^(N+1)]` (`w + 1` limbs) to `[0, 2^N]`.
pub(super) fn reduce_once(x: &mut [u64], w: usize) {
    let high = x[w];
    if high >= 2 || (high == 1 && x[..w].iter().any(|&l| l != 0)) {
        // x − p = x − 1 − 2^N.
        let mut borrow = true;
        for limb in x[..w].iter_mut() {
            let (s, b) = limb.overflowing_sub(u64::from(borrow));
            *limb = s;
            borrow = b;
            if !borrow {
                break;
            }
        }
        x[w] = x[w] - 1 - u64::from(borrow);
    }
}

/// `r = a + b` or `a − b` on `n` limbs by GMP's assembly loops, returning the carry or
/// borrow; `r` may be `a` itself (GMP allows the exact overlap, not a partial one).
#[allow(unsafe_code)]
fn add_sub_n(r: *mut u64, a: *const u64, b: &[u64], n: usize, add: bool) -> bool {
    use gmp_mpfr_sys::gmp;
    assert!(b.len() >= n);
    let n = n as gmp::size_t;
    // SAFETY: the callers pass r and a to n live limbs each (equal or disjoint) and b of
    // at least n limbs, disjoint from r.
    unsafe {
        if add {
            gmp::mpn_add_n(r, a, b.as_ptr(), n) != 0
        } else {
            gmp::mpn_sub_n(r, a, b.as_ptr(), n) != 0
        }
    }
}

/// `x ← x + y mod p`.
pub(super) fn add_assign_mod(x: &mut [u64], y: &[u64], w: usize) {
    assert!(x.len() > w);
    let p = x.as_mut_ptr();
    add_sub_n(p, p, &y[..w + 1], w + 1, true);
    reduce_once(x, w);
}

/// `r ← a + b mod p`.
pub(super) fn add_into(r: &mut [u64], a: &[u64], b: &[u64], w: usize) {
    assert!(r.len() > w);
    add_sub_n(r.as_mut_ptr(), a[..w + 1].as_ptr(), b, w + 1, true);
    reduce_once(r, w);
}

/// `x ← x − y mod p`.
pub(super) fn sub_assign_mod(x: &mut [u64], y: &[u64], w: usize) {
    assert!(x.len() > w);
    let p = x.as_mut_ptr();
    if add_sub_n(p, p, &y[..w + 1], w + 1, false) {
        add_p(x, w);
    }
}

/// `r ← a − b mod p`.
pub(super) fn sub_into(r: &mut [u64], a: &[u64], b: &[u64], w: usize) {
    assert!(r.len() > w);
    if add_sub_n(r.as_mut_ptr(), a[..w + 1].as_ptr(), b, w + 1, false) {
        add_p(r, w);
    }
}

/// `r = a·2^s mod p` for `0 ≤ s < 2N` (`r` and `a` distinct, `w + 1` limbs each).
#[allow(unsafe_code)]
pub(super) fn mul_2exp(r: &mut [u64], a: &[u64], s: usize, w: usize) {
    let n = 64 * w;
    let (neg, t) = if s >= n { (true, s - n) } else { (false, s) };
    let (q, sh) = (t / 64, (t % 64) as u32);
    if a[w] != 0 {
        // a = 2^N ≡ −1: the result is −2^t.
        r.fill(0);
        r[q] = 1u64 << sh;
        if !neg {
            negate(r, w);
        }
        return;
    }
    assert!(r.len() > w && a.len() > w);
    // a·2^t = L·B^q − H mod p (B = 2^64, t = 64q + sh): L = (a[..w − q]·2^sh) mod 2^(64(w − q))
    // lands in limbs q..w, and H = (a·2^sh) >> 64(w − q), which passed 2^N, comes back
    // negated. GMP's shift, negation and subtraction do the limb loops.
    use gmp_mpfr_sys::gmp;
    let (rp, ap) = (r.as_mut_ptr(), a.as_ptr());
    let size = |k: usize| k as gmp::size_t;
    // SAFETY: r and a have at least w + 1 limbs and are distinct (their borrows are), every
    // range below lies within 0..=w, and shifts are by 1..=63 bits.
    let borrow = unsafe {
        let out = if sh == 0 {
            gmp::mpn_copyi(rp.add(q), ap, size(w - q));
            0
        } else {
            gmp::mpn_lshift(rp.add(q), ap, size(w - q), sh)
        };
        *rp.add(w) = 0;
        if q == 0 {
            gmp::mpn_sub_1(rp, rp, size(w + 1), out)
        } else {
            // H = a[w − q..]·2^sh + out: its low q limbs into r[..q], negated there.
            let top = if sh == 0 {
                gmp::mpn_copyi(rp, ap.add(w - q), size(q));
                0
            } else {
                gmp::mpn_lshift(rp, ap.add(w - q), size(q), sh)
            };
            *rp |= out;
            let nonzero = gmp::mpn_neg(rp, rp, size(q));
            gmp::mpn_sub_1(rp.add(q), rp.add(q), size(w + 1 - q), top + nonzero)
        }
    };
    if borrow != 0 {
        add_p(r, w);
    }
    if neg {
        negate(r, w);
    }
}

/// `r = lo − hi mod p` for `a = lo + hi·2^N` given as `2w` limbs.
pub(super) fn fold(r: &mut [u64], a: &[u64], w: usize) {
    assert!(r.len() > w && a.len() >= 2 * w);
    let (lo, hi) = a.split_at(w);
    let borrow = add_sub_n(r.as_mut_ptr(), lo.as_ptr(), hi, w, false);
    r[w] = 0u64.wrapping_sub(u64::from(borrow));
    if borrow {
        add_p(r, w);
    }
}

/// Elements of at least this many limbs are multiplied modulo `2^N + 1` by GMP's own
/// Schönhage–Strassen routine rather than by a full product and a fold (measured on this
/// machine: 1.1× faster at 256 limbs, 1.5× at 1152, 2× at 2304; slower below ~200).
const MULMOD_FFT_LIMBS: usize = 256;

// GMP's `mpn_mul_fft` (mul_fft.c): {n, nl}·{m, ml} mod B^pl + 1, where pl is a multiple of
// 2^k, returning the top limb; and its choice of k. They are internal to GMP but exported by
// the static library that gmp-mpfr-sys builds (a pinned GMP version); a product of the
// generic path checks them in this module's tests. `mp_size_t` is `long`: 64 bits here.
#[cfg(all(target_pointer_width = "64", not(windows)))]
extern "C" {
    fn __gmpn_mul_fft(
        op: *mut u64,
        pl: std::ffi::c_long,
        n: *const u64,
        nl: std::ffi::c_long,
        m: *const u64,
        ml: std::ffi::c_long,
        k: std::ffi::c_int,
    ) -> u64;
    fn __gmpn_fft_best_k(n: std::ffi::c_long, sqr: std::ffi::c_int) -> std::ffi::c_int;
}

/// Whether elements of `w` limbs use GMP's transform for pointwise products.
fn uses_mul_fft(w: usize) -> bool {
    cfg!(all(target_pointer_width = "64", not(windows))) && w >= MULMOD_FFT_LIMBS
}

/// The GMP transform depth for `w`-limb elements: `2^k` must divide `w`.
#[cfg(all(target_pointer_width = "64", not(windows)))]
#[allow(unsafe_code)]
fn fft_k(w: usize, sqr: bool) -> u32 {
    // SAFETY: a pure function of its arguments.
    let best = unsafe { __gmpn_fft_best_k(w as std::ffi::c_long, std::ffi::c_int::from(sqr)) };
    (best.max(1) as u32).min(w.trailing_zeros())
}

/// `w` rounded up to a multiple of `step` (a power of two) and, when the pointwise products
/// go through GMP's transform, of its `2^k`.
#[allow(unsafe_code)]
pub(super) fn mulmod_size(w: usize, step: usize) -> usize {
    let w = w.div_ceil(step) * step;
    #[cfg(all(target_pointer_width = "64", not(windows)))]
    if uses_mul_fft(w) {
        // SAFETY: a pure function of its arguments.
        let best = unsafe { __gmpn_fft_best_k(w as std::ffi::c_long, 0) };
        let unit = (1usize << best.clamp(1, 16)).max(step);
        return w.div_ceil(unit) * unit;
    }
    w
}

/// `r = a·b mod p` (`b = None`: `a²`) for `a`, `b` below `2^N` (`w` limbs each; the
/// caller handles the element `2^N ≡ −1`); `r` has `w + 1` limbs, `wide` `2w`.
#[allow(unsafe_code)]
pub(super) fn mul_mod(r: &mut [u64], a: &[u64], b: Option<&[u64]>, wide: &mut [u64], w: usize) {
    #[cfg(all(target_pointer_width = "64", not(windows)))]
    if uses_mul_fft(w) {
        let k = fft_k(w, b.is_none());
        let bp = b.unwrap_or(a);
        // SAFETY: r has w + 1 ≥ w limbs, a and bp have w limbs each, w is a multiple of 2^k
        // (mulmod_size), and r does not overlap the inputs.
        let top = unsafe {
            __gmpn_mul_fft(
                r.as_mut_ptr(),
                w as std::ffi::c_long,
                a.as_ptr(),
                w as std::ffi::c_long,
                bp.as_ptr(),
                w as std::ffi::c_long,
                k as std::ffi::c_int,
            )
        };
        r[w] = top;
        reduce_once(r, w);
        return;
    }
    let n = w as gmp_mpfr_sys::gmp::size_t;
    // SAFETY: wide has 2w limbs, the inputs w each, and wide overlaps neither.
    unsafe {
        match b {
            None => gmp_mpfr_sys::gmp::mpn_sqr(wide.as_mut_ptr(), a.as_ptr(), n),
            Some(b) => {
                gmp_mpfr_sys::gmp::mpn_mul_n(wide.as_mut_ptr(), a.as_ptr(), b.as_ptr(), n);
            }
        }
    }
    fold(r, wide, w);
}

#[cfg(test)]
mod tests {
    use super::*;
    use rug::integer::Order;
    use rug::Integer;

    fn random_limbs(w: usize, seed: &mut u64) -> Vec<u64> {
        (0..w)
            .map(|_| {
                *seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                *seed
            })
            .collect()
    }

    /// Both pointwise paths (full product and fold; GMP's transform from 256 limbs on, at
    /// sizes `mulmod_size` allows) against big-integer arithmetic, squares included, and
    /// with the extreme inputs 0, 1 and 2^N − 1.
    #[test]
    fn products_mod_fermat_numbers_agree_with_integers() {
        let mut seed = 5u64;
        for (w, step) in [(4, 1), (200, 8), (256, 1), (300, 4), (1100, 16), (2300, 64)] {
            let w = mulmod_size(w, step);
            assert_eq!(w % step, 0);
            let p = (Integer::from(1) << (64 * w as u32)) + 1u32;
            for case in 0..4 {
                let mut a = random_limbs(w, &mut seed);
                let b = random_limbs(w, &mut seed);
                match case {
                    1 => a.fill(0),
                    2 => (a.fill(0), a[0] = 1).1,
                    3 => a.fill(u64::MAX),
                    _ => {}
                }
                let (x, y) = (
                    Integer::from_digits(&a, Order::Lsf),
                    Integer::from_digits(&b, Order::Lsf),
                );
                let mut r = vec![0u64; w + 1];
                let mut wide = vec![0u64; 2 * w];
                mul_mod(&mut r, &a, Some(&b), &mut wide, w);
                let got = Integer::from_digits(&r, Order::Lsf);
                assert_eq!(got, Integer::from(&x * &y) % &p, "w = {w}, case {case}");
                mul_mod(&mut r, &a, None, &mut wide, w);
                let got = Integer::from_digits(&r, Order::Lsf);
                assert_eq!(
                    got,
                    Integer::from(&x * &x) % &p,
                    "square, w = {w}, case {case}"
                );
            }
        }
    }

    /// `a·2^s mod 2^N + 1` for every shift `0 ≤ s < 2N` at small `w`, for random, zero,
    /// `2^N − 1` and `2^N` (≡ −1) inputs, against big integers; and the additions and
    /// subtractions modulo `2^N + 1` on the same inputs.
    #[test]
    fn shifts_sums_and_differences_agree_with_integers() {
        let mut seed = 9u64;
        for w in [1usize, 2, 3, 5] {
            let n = 64 * w;
            let p = (Integer::from(1) << n as u32) + 1u32;
            let mut inputs = vec![vec![0u64; w + 1], vec![u64::MAX; w], vec![0u64; w + 1]];
            inputs[1].push(0);
            inputs[2][w] = 1;
            for _ in 0..3 {
                let mut a = random_limbs(w, &mut seed);
                a.push(0);
                inputs.push(a);
            }
            let value = |x: &[u64]| Integer::from_digits(x, Order::Lsf);
            let mut r = vec![0u64; w + 1];
            for a in &inputs {
                let x = value(a);
                for s in 0..2 * n {
                    mul_2exp(&mut r, a, s, w);
                    let want = Integer::from(&x << s as u32) % &p;
                    assert_eq!(value(&r), want, "w = {w}, s = {s}, a = {x}");
                }
                for b in &inputs {
                    let y = value(b);
                    add_into(&mut r, a, b, w);
                    assert_eq!(value(&r), Integer::from(&x + &y) % &p, "{x} + {y}");
                    sub_into(&mut r, a, b, w);
                    let d = Integer::from(&x - &y) % &p;
                    let d = if d < 0 { d + &p } else { d };
                    assert_eq!(value(&r), d, "{x} − {y}");
                    let mut z = a.clone();
                    add_assign_mod(&mut z, b, w);
                    assert_eq!(value(&z), Integer::from(&x + &y) % &p);
                    let mut z = a.clone();
                    sub_assign_mod(&mut z, b, w);
                    assert_eq!(value(&z), d);
                }
            }
        }
    }
}
