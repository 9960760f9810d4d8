//! Products whose full length lies between `h` and `3h/2` (`h` a power of two) in
//! transforms of total length `3h/2` instead of `2h`. Over `Z/(2^N + 1)` no power of two is
//! a usable cube root of unity (`1 + ω + ω²` is a zero divisor), so there is no radix-3
//! layer; instead the product `c` is computed modulo the coprime factors `x^h − 1` and
//! `x^(h/2) − ζ` of `x^(2h) − 1` (`ζ = 2^(N/2)`, `ζ² = −1`): a cyclic transform of length
//! `h` and a weighted one of length `h/2` (weights `θ^j`, `θ = 2^(N/h)`, `θ^(h/2) = ζ`), the
//! part of a length-`2h` transform a truncated FFT keeps. With `c = L₀ + x^(h/2)·L₁ + x^h·H`
//! (parts of length `h/2`), the residues are `P = (L₀ + H, L₁)` and `Q = L₀ + ζ·L₁ − H`, so
//! `H = (P_lo + ζ·P_hi − Q)/2` and `L₀ = P_lo − H`. Every factor is a shift. For the
//! products of Newton steps that end past a power of two (x^5000: 6144 instead of 8192), and
//! for their residuals, longer products whose low part is known in advance: only the unknown
//! part has to fit (see [`mul_range`]).

use super::fermat::{add_assign_mod, mul_2exp, sub_assign_mod, sub_into};
use super::fft::{dif, dit, pack, pointwise, unpack};
use rug::Integer;

/// Whether the split transform applies to a product of full length `full` with cyclic
/// length `2h`: the product fits in `3h/2` coefficients, and `h` is not tiny.
pub fn applies(full: usize, h: usize) -> bool {
    h >= 8 && full <= h + h / 2
}

/// The residues of `v` (of any length) modulo `x^h − 1` and (weighted) `x^(h/2) − ζ`,
/// transformed.
fn forward(v: &[Integer], h: usize, w: usize) -> (Vec<u64>, Vec<u64>) {
    let (e, n) = (w + 1, 64 * w);
    let len = v.len();
    let packed = pack(v, len, w);
    let el = |i: usize| &packed[i * e..(i + 1) * e];
    let mut a = vec![0u64; h * e];
    a[..len.min(h) * e].copy_from_slice(&packed[..len.min(h) * e]);
    for i in h..len {
        add_assign_mod(&mut a[(i % h) * e..(i % h + 1) * e], el(i), w);
    }
    let half = h / 2;
    let mut b = vec![0u64; half * e];
    let mut t = vec![0u64; e];
    for j in 0..half.min(len) {
        let slot = &mut b[j * e..(j + 1) * e];
        // Σ_k v_(j + k·h/2)·ζ^k·θ^j with ζ^k·θ^j = 2^(kN/2 + jN/h).
        for i in (j..len).step_by(half) {
            let k = i / half;
            mul_2exp(&mut t, el(i), ((k % 4) * n / 2 + j * n / h) % (2 * n), w);
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
///
/// When the product's first coefficients are known (`known`, with `lo ≥ known.len()`), only
/// the rest has to fit: with `s = known.len()`, the residues of `c − known` are multiplied by
/// `x^(−s)` (a rotation modulo `x^h − 1`, a rotation with factors `ζ^(−1)` modulo
/// `x^(h/2) − ζ`), which leaves `(c − known)/x^s`, of full length at most `3h/2`. The residual
/// of a Newton step (`b·g = 1 + O(x^m)`, `a'·exp(a) = exp(a)' + O(x^(m−1))`) is such a product.
pub fn mul_range(
    x: &[Integer],
    y: Option<&[Integer]>,
    known: &[Integer],
    lo: usize,
    hi: usize,
    h: usize,
    w: usize,
) -> Vec<Integer> {
    let (e, n) = (w + 1, 64 * w);
    let half = h / 2;
    let lg = h.trailing_zeros() as usize;
    let s = known.len();
    debug_assert!(lo >= s);
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
    // P = c mod x^h − 1 and Q = c mod x^(h/2) − ζ, unscaled and unweighted.
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
    let mut q = vec![0u64; half * e];
    for j in 0..half {
        // Q_j = (h/2·Q̃_j)/(h/2)·θ^(−j).
        mul_2exp(
            &mut q[j * e..(j + 1) * e],
            &pb[j * e..(j + 1) * e],
            2 * n - (lg - 1) - j * n / h,
            w,
        );
    }
    let (mut t, mut hj, mut qj) = (vec![0u64; e], vec![0u64; e], vec![0u64; e]);
    if s > 0 {
        let kp = pack(known, s, w);
        for i in 0..s {
            let k = &kp[i * e..(i + 1) * e];
            sub_assign_mod(&mut p[(i % h) * e..(i % h + 1) * e], k, w);
            // x^i ≡ ζ^(i div h/2)·x^(i mod h/2) modulo x^(h/2) − ζ.
            mul_2exp(&mut t, k, (i / half % 4) * n / 2, w);
            sub_assign_mod(&mut q[(i % half) * e..(i % half + 1) * e], &t, w);
        }
    }
    // Multiplying Q by x^(−s), s = a·h/2 + b: term j of x^(−s)·Q is ζ^(−a)·Q_(j+b), or
    // ζ^(−a−1)·Q_(j+b−h/2) once j + b passes h/2.
    let (za, zb) = (s / half, s % half);
    let zeta_inv = |t: usize| (2 * n - (t % 4) * n / 2) % (2 * n);
    let (tlo, thi) = (lo - s, hi - s);
    let mut c = vec![Integer::new(); hi - lo];
    let mut put = |k: usize, v: &mut [u64]| {
        if (tlo..thi).contains(&k) {
            c[k - tlo] = unpack(v, w);
        }
    };
    for j in 0..half {
        let (src, zt) = if j + zb < half {
            (j + zb, za)
        } else {
            (j + zb - half, za + 1)
        };
        mul_2exp(&mut qj, &q[src * e..(src + 1) * e], zeta_inv(zt), w);
        let (il, ih) = ((j + s) % h, (j + half + s) % h);
        let (plo, phi) = (&p[il * e..(il + 1) * e], &p[ih * e..(ih + 1) * e]);
        // H_j = (P_j + ζ·P_(j+h/2) − Q_j)/2.
        mul_2exp(&mut t, phi, n / 2, w);
        add_assign_mod(&mut t, plo, w);
        sub_assign_mod(&mut t, &qj, w);
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
                        let got = mul_range(&a, Some(&b), &[], lo, hi, h, w);
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
                let got = mul_range(&a, None, &[], 0, want.len(), h, w);
                assert_eq!(got, want, "h={h} square of {la}");
            }
        }
    }

    /// Products longer than `3h/2` whose first coefficients are known: the rest is computed
    /// from the residues of `c − known` rotated by `x^(−s)`, at every shift that leaves at
    /// most `3h/2` unknown coefficients, with inputs longer than `3h/2` folded.
    #[test]
    fn split_products_with_a_known_prefix() {
        for (h, bits) in [(8usize, 100u32), (16, 700), (64, 900), (32, 9000)] {
            for (la, lb) in [
                (h + h / 2, h / 2 + 3),
                (2 * h - 1, h),
                (h, h + h / 4),
                (7, 2 * h),
            ] {
                let a = sample(la, (h + la) as u64, bits);
                let b = sample(lb, (5 * h + lb) as u64, bits / 2 + 3);
                let want = schoolbook(&a, &b);
                let full = want.len();
                let pbits = u64::from(bits + bits / 2 + 3 + 8);
                let w = super::super::fft::Plan::sized(h.trailing_zeros() + 1, pbits).w;
                let least = full.saturating_sub(h + h / 2);
                for s in [least, least + 1, (least + full) / 2, full - 1] {
                    if s == 0 || s >= full {
                        continue;
                    }
                    for (lo, hi) in [(s, full), (s + (full - s) / 3, full - 1), (s, s + 1)] {
                        let got = mul_range(&a, Some(&b), &want[..s], lo, hi, h, w);
                        assert_eq!(
                            got,
                            want[lo..hi].to_vec(),
                            "h={h} {la}x{lb} s={s} [{lo},{hi})"
                        );
                    }
                }
            }
        }
    }
}
