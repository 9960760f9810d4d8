//! Products whose full length lies between `h` and `3h/2` (`h` a power of two) in
//! transforms of total length `3h/2` instead of `2h`. Over `Z/(2^N + 1)` no power of two is
//! a usable cube root of unity (`1 + ω + ω²` is a zero divisor), so there is no radix-3
//! layer; instead the product `c` is computed modulo the coprime factors `x^h − 1` and
//! `x^(h/2) − ζ` of `x^(2h) − 1` (`ζ = 2^(N/2)`, `ζ² = −1`): a cyclic transform of length
//! `h` and a weighted one of length `h/2` (weights `θ^j`, `θ = 2^(N/h)`, `θ^(h/2) = ζ`), the
//! part of a length-`2h` transform a truncated FFT keeps. With `c = L₀ + x^(h/2)·L₁ + x^h·H`
//! (parts of length `h/2`), the residues are `P = (L₀ + H, L₁)` and `Q = L₀ + ζ·L₁ − H`, so
//! `H = (P_lo + ζ·P_hi − Q)/2` and `L₀ = P_lo − H`. Every factor is a shift. For the
//! products of Newton steps that end past a power of two (x^5000: 6144 instead of 8192).

use super::fermat::{add_assign_mod, mul_2exp, sub_assign_mod, sub_into};
use super::fft::{dif, dit, pack, pointwise, unpack};
use rug::Integer;

/// Whether the split transform applies to a product of full length `full` with cyclic
/// length `2h`: the product fits in `3h/2` coefficients, and `h` is not tiny.
pub fn applies(full: usize, h: usize) -> bool {
    h >= 8 && full <= h + h / 2
}

/// The residues of `v` modulo `x^h − 1` and (weighted) `x^(h/2) − ζ`, transformed.
fn forward(v: &[Integer], h: usize, w: usize) -> (Vec<u64>, Vec<u64>) {
    let (e, n) = (w + 1, 64 * w);
    let len = v.len().min(h + h / 2);
    let packed = pack(v, len, w);
    let el = |i: usize| &packed[i * e..(i + 1) * e];
    let mut a = vec![0u64; h * e];
    a[..len.min(h) * e].copy_from_slice(&packed[..len.min(h) * e]);
    for i in h..len {
        add_assign_mod(&mut a[(i - h) * e..(i - h + 1) * e], el(i), w);
    }
    let half = h / 2;
    let mut b = vec![0u64; half * e];
    let mut t = vec![0u64; e];
    for j in 0..half.min(len) {
        let slot = &mut b[j * e..(j + 1) * e];
        // Σ_k v_(j + k·h/2)·ζ^k·θ^j with ζ^k·θ^j = 2^(kN/2 + jN/h).
        for k in 0..3 {
            let i = j + k * half;
            if i >= len {
                break;
            }
            mul_2exp(&mut t, el(i), (k * n / 2 + j * n / h) % (2 * n), w);
            add_assign_mod(slot, &t, w);
        }
    }
    dif(&mut a, w, len.min(h));
    dif(&mut b, w, half.min(len));
    (a, b)
}

/// Coefficients `lo..hi` of `x·y` (`y = None`: `x²`) for a product of full length at most
/// `3h/2`, whose coefficients need `bits` bits, with `w`-limb elements valid for a cyclic
/// transform of length `2h`.
pub fn mul_range(
    x: &[Integer],
    y: Option<&[Integer]>,
    lo: usize,
    hi: usize,
    h: usize,
    w: usize,
) -> Vec<Integer> {
    let (e, n) = (w + 1, 64 * w);
    let half = h / 2;
    let lg = h.trailing_zeros() as usize;
    let (mut pa, mut pb) = forward(x, h, w);
    match y {
        None => {
            pointwise(&mut pa, None, w);
            pointwise(&mut pb, None, w);
        }
        Some(y) => {
            let (qa, qb) = forward(y, h, w);
            pointwise(&mut pa, Some(&qa), w);
            pointwise(&mut pb, Some(&qb), w);
        }
    }
    dit(&mut pa, w);
    dit(&mut pb, w);
    let mut p = vec![0u64; h * e];
    for i in 0..h {
        // P_i = (h·P_i)/h.
        mul_2exp(
            &mut p[i * e..(i + 1) * e],
            &pa[i * e..(i + 1) * e],
            2 * n - lg,
            w,
        );
    }
    let (mut q, mut t, mut hj) = (vec![0u64; e], vec![0u64; e], vec![0u64; e]);
    let mut c = vec![Integer::new(); hi - lo];
    let mut put = |k: usize, v: &mut [u64]| {
        if (lo..hi).contains(&k) {
            c[k - lo] = unpack(v, w);
        }
    };
    for j in 0..half {
        // Q_j = (h/2·Q̃_j)/(h/2)·θ^(−j).
        mul_2exp(
            &mut q,
            &pb[j * e..(j + 1) * e],
            2 * n - (lg - 1) - j * n / h,
            w,
        );
        let (plo, phi) = (
            &p[j * e..(j + 1) * e],
            &p[(j + half) * e..(j + half + 1) * e],
        );
        // H_j = (P_j + ζ·P_(j+h/2) − Q_j)/2.
        mul_2exp(&mut t, phi, n / 2, w);
        add_assign_mod(&mut t, plo, w);
        sub_assign_mod(&mut t, &q, w);
        mul_2exp(&mut hj, &t, 2 * n - 1, w);
        // L0_j = P_j − H_j; L1_j = P_(j+h/2).
        sub_into(&mut t, plo, &hj, w);
        put(j, &mut t);
        t.copy_from_slice(phi);
        put(j + half, &mut t);
        put(j + h, &mut hj);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::super::fft::tests::schoolbook;
    use super::*;

    /// Signed coefficients of up to `bits` bits, with runs at the extremes ±(2^bits − 1).
    fn sample(len: usize, seed: u64, bits: u32) -> Vec<Integer> {
        let mut s = seed;
        let top = (Integer::from(1) << bits) - 1u32;
        (0..len)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                match s % 11 {
                    0 => top.clone(),
                    1 => -top.clone(),
                    2 => Integer::new(),
                    _ => {
                        let v =
                            Integer::from(s >> 3) << (bits.saturating_sub(61) * (s % 5) as u32 / 4);
                        if s >> 63 == 1 {
                            -v
                        } else {
                            v
                        }
                    }
                }
            })
            .collect()
    }

    /// Every full length from just past h to 3h/2 (and squares), at small and at large
    /// elements (the large ones use GMP's modular pointwise products), against schoolbook
    /// products, on full and partial output ranges.
    #[test]
    fn split_products_match_schoolbook() {
        for (h, bits) in [(8usize, 100u32), (16, 700), (64, 900), (32, 9000)] {
            for full in [h + 1, h + 2, h + h / 4, h + h / 2 - 1, h + h / 2] {
                for la in [1, full / 3, full / 2, full - 1] {
                    let la = la.clamp(1, full);
                    let lb = full + 1 - la;
                    let a = sample(la, (h + full + la) as u64, bits);
                    let b = sample(lb, (3 * h + full + lb) as u64, bits / 2 + 7);
                    let want = schoolbook(&a, &b);
                    let pbits = u64::from(bits + bits / 2 + 7 + 8);
                    let w = super::super::fft::Plan::sized(h.trailing_zeros() + 1, pbits).w;
                    for (lo, hi) in [(0, full), (full / 3, full), (0, h), (1, full - 1)] {
                        let got = mul_range(&a, Some(&b), lo, hi, h, w);
                        assert_eq!(got, want[lo..hi].to_vec(), "h={h} {la}x{lb} [{lo},{hi})");
                    }
                }
                // Squares: full = 2·la − 1.
                let la = full.div_ceil(2);
                let a = sample(la, (7 * h + la) as u64, bits);
                let want = schoolbook(&a, &a);
                let w =
                    super::super::fft::Plan::sized(h.trailing_zeros() + 1, u64::from(2 * bits + 8))
                        .w;
                let got = mul_range(&a, None, 0, want.len(), h, w);
                assert_eq!(got, want, "h={h} square of {la}");
            }
        }
    }
}
