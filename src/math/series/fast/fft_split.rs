//! Products whose full length lies between `h` and `2h` (`h` a power of two) in transforms
//! of total length `h + h/8·k` instead of `2h`, a truncated FFT by the Chinese remainder
//! theorem. Over `Z/(2^N + 1)` no power of two is a usable cube root of unity
//! (`1 + ω + ω²` is a zero divisor), so there is no radix-3 layer; instead the product `c` is
//! computed modulo coprime factors of `x^(2h) − 1`: `x^h − 1` (a cyclic transform of length
//! `h`) and some of `x^(h/2^i) − z_i`, `i = 1, 2, 3`, with `z_i = 2^(N − N/2^i)` (so
//! `z_1 = ζ = 2^(N/2)`, and `z_(i+1)² = −z_i`: each factor splits what is left of `x^h + 1`).
//! The residue modulo `x^(h/2^i) − z_i` is a weighted cyclic transform of length `h/2^i`
//! (weights `θ_i^j`, `θ_i = 2^((2^i − 1)N/h)`, `θ_i^(h/2^i) = z_i`). The residues are joined
//! one factor at a time, `c = C + M·((R_i − C mod m_i)/(M mod m_i))`, where the product `M`
//! of the factors so far is, modulo the next one, `−2` times a power of two: every factor is
//! a shift. For the products of Newton steps that end past a power of two (x^5000: 6144
//! instead of 8192; x^3100: 3584 instead of 4096), and for their residuals, longer products
//! whose low part is known in advance: only the unknown part has to fit (see [`mul_range`]).

use super::fermat::{add_assign_mod, mul_2exp, sub_assign_mod};
use super::fft::{dif, dit, pack, pointwise, unpack};
use rug::Integer;

/// The deepest factor used is `x^(h/8) − z_3`: totals go up in steps of `h/8`.
const DEEPEST: u32 = 3;

/// The factors of a split transform: `x^h − 1` and `x^(h/2^i) − z_i` for `i` in `levels`
/// (increasing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shape {
    /// The cyclic part's length, a power of two.
    pub h: usize,
    /// The weighted parts, `1 ≤ i ≤ 3`.
    pub levels: Vec<u32>,
}

impl Shape {
    /// The shortest shape whose total length is at least `needed`: a power of two when
    /// `needed` is one or small, else `h` plus the fewest eighths of `h` that cover the rest.
    pub fn fitting(needed: usize) -> Shape {
        let p = needed.max(1).next_power_of_two();
        let h = p / 2;
        if p == needed || h < 64 {
            return Shape {
                h: p,
                levels: Vec::new(),
            };
        }
        let eighths = (needed - h).div_ceil(h >> DEEPEST);
        if eighths >= 1 << DEEPEST {
            return Shape {
                h: p,
                levels: Vec::new(),
            };
        }
        let levels = (1..=DEEPEST)
            .filter(|&i| eighths & (1 << (DEEPEST - i)) != 0)
            .collect();
        Shape { h, levels }
    }

    /// The total transform length.
    pub fn total(&self) -> usize {
        self.h + self.levels.iter().map(|&i| self.h >> i).sum::<usize>()
    }

    /// `log2` of the cyclic length the elements must be valid for: `2h` (so that `N/h` is
    /// an integer), or `h` when there is no weighted part.
    pub fn lg(&self) -> u32 {
        self.h.trailing_zeros() + u32::from(!self.levels.is_empty())
    }
}

/// `2^e` exponents are taken modulo `2N`, the order of 2.
fn exp_mod(e: usize, n: usize) -> usize {
    e % (2 * n)
}

/// The exponent of `z_i = 2^(N − N/2^i)`.
fn z_exp(i: u32, n: usize) -> usize {
    n - (n >> i)
}

/// The exponent of `z_i^q` (`z_0 = 1`; `z_i` has order `2^(i+1)`).
fn z_pow(i: u32, q: usize, n: usize) -> usize {
    if i == 0 {
        0
    } else {
        exp_mod((q % (2 << i)) * z_exp(i, n), n)
    }
}

/// `r ← r − (v mod x^part − z_i)` for the first `len` elements of `v`: element `k` is
/// subtracted from slot `k mod part` times `z_i^(k div part)`.
fn sub_reduced(r: &mut [u64], v: &[u64], len: usize, part: usize, i: u32, w: usize) {
    let (e, n) = (w + 1, 64 * w);
    let mut t = vec![0u64; e];
    for k in 0..len {
        let slot = k % part;
        mul_2exp(&mut t, &v[k * e..(k + 1) * e], z_pow(i, k / part, n), w);
        sub_assign_mod(&mut r[slot * e..(slot + 1) * e], &t, w);
    }
}

/// The residue of `v` (of any length) modulo `x^h − 1` (`i = 0`) or, weighted, modulo
/// `x^(h/2^i) − z_i`, transformed.
fn forward(v: &[Integer], h: usize, i: u32, w: usize) -> Vec<u64> {
    let (e, n) = (w + 1, 64 * w);
    let len = v.len();
    let packed = pack(v, len, w);
    let el = |k: usize| &packed[k * e..(k + 1) * e];
    let part = h >> i;
    let mut out = vec![0u64; part * e];
    let mut t = vec![0u64; e];
    for j in 0..part.min(len) {
        let slot = &mut out[j * e..(j + 1) * e];
        // Σ_q v_(j + q·part)·z_i^q·θ_i^j.
        for k in (j..len).step_by(part) {
            let shift = if i == 0 {
                0
            } else {
                exp_mod(z_pow(i, k / part, n) + j * ((1 << i) - 1) * n / h, n)
            };
            if shift == 0 {
                add_assign_mod(slot, el(k), w);
            } else {
                mul_2exp(&mut t, el(k), shift, w);
                add_assign_mod(slot, &t, w);
            }
        }
    }
    dif(&mut out, w, part.min(len));
    out
}

/// Coefficients `lo..hi` of `x·y` (`y = None`: `x²`) for a product of full length at most
/// `shape.total()`, with `w`-limb elements valid for a cyclic transform of length
/// `2^shape.lg()` that hold the product's coefficients.
///
/// When the product's first coefficients are known (`known`, with `lo ≥ known.len()`), only
/// the rest has to fit: with `s = known.len()`, the residues of `c − known` are multiplied by
/// `x^(−s)` (a rotation modulo `x^h − 1`, a rotation with factors `z_i^(−1)` modulo
/// `x^(h/2^i) − z_i`), which leaves `(c − known)/x^s`. The residual of a Newton step
/// (`b·g = 1 + O(x^m)`, `a'·exp(a) = exp(a)' + O(x^(m−1))`) is such a product.
pub fn mul_range(
    x: &[Integer],
    y: Option<&[Integer]>,
    known: &[Integer],
    lo: usize,
    hi: usize,
    shape: &Shape,
    w: usize,
) -> Vec<Integer> {
    let (e, n) = (w + 1, 64 * w);
    let h = shape.h;
    let s = known.len();
    debug_assert!(lo >= s && hi - s <= shape.total());
    let kp = pack(known, s, w);
    let mut t = vec![0u64; e];
    // The residues, in the order of the factors, unscaled, unweighted, minus the known part,
    // times x^(−s).
    let parts: Vec<u32> = std::iter::once(0)
        .chain(shape.levels.iter().copied())
        .collect();
    let mut residues = Vec::with_capacity(parts.len());
    for &i in &parts {
        let part = h >> i;
        let lg = part.trailing_zeros() as usize;
        let mut fx = forward(x, h, i, w);
        match y {
            None => pointwise(&mut fx, None, w),
            Some(y) => pointwise(&mut fx, Some(&forward(y, h, i, w)), w),
        }
        dit(&mut fx, w);
        let mut r = vec![0u64; part * e];
        for j in 0..part {
            // R_j = (part·R̃_j)/part·θ_i^(−j).
            let weight = if i == 0 {
                0
            } else {
                j * ((1 << i) - 1) * n / h
            };
            mul_2exp(
                &mut r[j * e..(j + 1) * e],
                &fx[j * e..(j + 1) * e],
                exp_mod(2 * n - lg + 2 * n - weight, n),
                w,
            );
        }
        // x^k ≡ z_i^(k div part)·x^(k mod part).
        sub_reduced(&mut r, &kp, s, part, i, w);
        // x^(−s), s = a·part + b: term j is z_i^(−a)·R_(j+b), or z_i^(−a−1)·R_(j+b−part)
        // once j + b passes the part's length.
        let (a, b) = (s / part, s % part);
        let mut rot = vec![0u64; part * e];
        for j in 0..part {
            let (src, q) = if j + b < part {
                (j + b, a)
            } else {
                (j + b - part, a + 1)
            };
            let back = exp_mod(2 * n - z_pow(i, q, n), n);
            mul_2exp(
                &mut rot[j * e..(j + 1) * e],
                &r[src * e..(src + 1) * e],
                back,
                w,
            );
        }
        residues.push(rot);
    }
    let mut residues = residues.into_iter();
    // c modulo x^h − 1, then one factor at a time. `m` lists the terms of the product of the
    // factors so far as (power of x, exponent of its coefficient 2^k); `mod_exp` is the
    // exponent of that product modulo every later factor.
    let mut c = residues.next().expect("the cyclic part");
    let mut m: Vec<(usize, usize)> = vec![(0, n), (h, 0)];
    let mut mod_exp = n + 1; // x^h − 1 ≡ −2 modulo every later factor.
    let mut d = Vec::new();
    for (&i, r) in shape.levels.iter().zip(residues) {
        let part = h >> i;
        let zi = z_exp(i, n);
        let len = c.len() / e;
        // D = (R_i − C mod m_i)·(M mod m_i)^(−1).
        d.clear();
        d.resize(part * e, 0);
        sub_reduced(&mut d, &c, len, part, i, w);
        let inv = exp_mod(2 * n - exp_mod(mod_exp, n), n);
        for j in 0..part {
            let slot = &mut d[j * e..(j + 1) * e];
            add_assign_mod(slot, &r[j * e..(j + 1) * e], w);
            mul_2exp(&mut t, slot, inv, w);
            slot.copy_from_slice(&t);
        }
        // C ← C + M·D, M ← M·(x^part − z_i).
        c.resize((len + part) * e, 0);
        for &(pow, k) in &m {
            for j in 0..part {
                mul_2exp(&mut t, &d[j * e..(j + 1) * e], k, w);
                add_assign_mod(&mut c[(pow + j) * e..(pow + j + 1) * e], &t, w);
            }
        }
        m = m
            .iter()
            .flat_map(|&(pow, k)| [(pow + part, k), (pow, exp_mod(k + n + zi, n))])
            .collect();
        // x^part − z_i ≡ 2^(1 − N/2^i) modulo every later factor.
        mod_exp = exp_mod(mod_exp + 2 * n + 1 - (n >> i), n);
    }
    let (tlo, thi) = (lo - s, hi - s);
    (tlo..thi)
        .map(|k| {
            if k < c.len() / e {
                unpack(&mut c[k * e..(k + 1) * e], w)
            } else {
                Integer::new()
            }
        })
        .collect()
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

    /// Every shape (the cyclic part alone, and with each set of weighted parts) at full
    /// lengths up to its total, at small and at large elements (the large ones use GMP's
    /// modular pointwise products), against schoolbook products, on full and partial output
    /// ranges, and squares.
    #[test]
    fn split_products_match_schoolbook() {
        for (h, bits) in [(16usize, 100u32), (32, 9000), (64, 700)] {
            for mask in 0..8u32 {
                let levels: Vec<u32> = (1..=3).filter(|i| mask & (1 << (i - 1)) != 0).collect();
                let shape = Shape { h, levels };
                let total = shape.total();
                for full in [total - 1, total, total - h / 8 + 1, h / 2 + 1] {
                    for la in [1, full / 3, full / 2, full - 1] {
                        let la = la.clamp(1, full);
                        let lb = full + 1 - la;
                        let a = sample(la, (h + full + la) as u64, bits);
                        let b = sample(lb, (3 * h + full + lb) as u64, bits / 2 + 7);
                        let want = schoolbook(&a, &b);
                        let pbits = u64::from(bits + bits / 2 + 7 + 8);
                        let w = super::super::fft::Plan::sized(shape.lg(), pbits).w;
                        for (lo, hi) in [(0, full), (full / 3, full), (1, full - 1)] {
                            let got = mul_range(&a, Some(&b), &[], lo, hi, &shape, w);
                            assert_eq!(
                                got,
                                want[lo..hi].to_vec(),
                                "{shape:?} {la}x{lb} [{lo},{hi})"
                            );
                        }
                    }
                    let la = full.div_ceil(2);
                    let a = sample(la, (7 * h + la) as u64, bits);
                    let want = schoolbook(&a, &a);
                    let w = super::super::fft::Plan::sized(shape.lg(), u64::from(2 * bits + 8)).w;
                    let got = mul_range(&a, None, &[], 0, want.len(), &shape, w);
                    assert_eq!(got, want, "{shape:?} square of {la}");
                }
            }
        }
    }

    /// Products longer than the shape whose first coefficients are known: the rest is
    /// computed from the residues of `c − known` times `x^(−s)`, at every shift that leaves at
    /// most the shape's total unknown, with inputs longer than the shape folded.
    #[test]
    fn split_products_with_a_known_prefix() {
        for (h, bits) in [(16usize, 100u32), (32, 9000), (64, 900)] {
            for mask in [0u32, 1, 2, 5, 7] {
                let levels: Vec<u32> = (1..=3).filter(|i| mask & (1 << (i - 1)) != 0).collect();
                let shape = Shape { h, levels };
                let total = shape.total();
                for (la, lb) in [
                    (total, h / 2 + 3),
                    (2 * h - 1, h),
                    (h, h + h / 4),
                    (7, 2 * h),
                ] {
                    let a = sample(la, (h + la) as u64, bits);
                    let b = sample(lb, (5 * h + lb) as u64, bits / 2 + 3);
                    let want = schoolbook(&a, &b);
                    let full = want.len();
                    let pbits = u64::from(bits + bits / 2 + 3 + 8);
                    let w = super::super::fft::Plan::sized(shape.lg(), pbits).w;
                    let least = full.saturating_sub(total);
                    for s in [least, least + 1, (least + full) / 2, full - 1] {
                        if s == 0 || s >= full {
                            continue;
                        }
                        for (lo, hi) in [(s, full), (s + (full - s) / 3, full - 1), (s, s + 1)] {
                            let got = mul_range(&a, Some(&b), &want[..s], lo, hi, &shape, w);
                            assert_eq!(
                                got,
                                want[lo..hi].to_vec(),
                                "{shape:?} {la}x{lb} s={s} [{lo},{hi})"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn shapes_cover_with_the_fewest_eighths() {
        let sh = |needed| {
            let s = Shape::fitting(needed);
            (s.h, s.levels.clone(), s.total())
        };
        assert_eq!(sh(4096), (4096, vec![], 4096));
        assert_eq!(sh(3072), (2048, vec![1], 3072));
        assert_eq!(sh(3073), (2048, vec![1, 3], 3328));
        assert_eq!(sh(3100), (2048, vec![1, 3], 3328));
        assert_eq!(sh(2049), (2048, vec![3], 2304));
        assert_eq!(sh(4000), (4096, vec![], 4096));
        assert_eq!(sh(3584), (2048, vec![1, 2], 3584));
        assert_eq!(sh(3600), (2048, vec![1, 2, 3], 3840));
        assert_eq!(sh(20), (32, vec![], 32));
    }
}
