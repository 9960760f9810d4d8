//! Multiplication of integer polynomials by a Schönhage–Strassen FFT over `Z/(2^N + 1)`,
//! where `2` is a root of unity of order `2N`, so every twiddle factor is a shift. Unlike one
//! big Kronecker product, the transform works on whole coefficients, so a product whose
//! high end may wrap around (a middle product, as Newton iterations need) runs at the
//! cyclic length rather than the full one, and a transform can be reused for several
//! products. A plain product whose length is short of the next power of two by an eighth of
//! it or more goes to `fft_split` (a truncated transform of `h + k·h/8`) instead. Pointwise
//! products and the limb
//! arithmetic are in `fermat`. Elements are `w + 1` little-endian 64-bit limbs
//! holding a value in `[0, 2^N]`, `N = 64·w`. Imports `rug` and those two modules.

use super::fermat::{add_assign_mod, add_into, mul_2exp, negate, sub_assign_mod, sub_into};
use rug::integer::Order;
use rug::Integer;
use std::cmp::Ordering;

/// The ring `Z/(2^N + 1)` with `N = 64·w`, and transforms of length `2^lg`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Limbs per element, not counting the carry limb.
    pub w: usize,
    /// log2 of the transform length.
    pub lg: u32,
}

/// A transformed polynomial: `len` elements of `w + 1` limbs each.
#[derive(Clone, Debug)]
pub struct Spectrum {
    plan: Plan,
    data: Vec<u64>,
}

impl Plan {
    /// The plan of length `2^lg` for coefficients below `2^(bits − 1)`.
    pub fn sized(lg: u32, bits: u64) -> Plan {
        // 2 has order 2N = 128·w, and the length L must divide it: 2^lg | 128·w.
        let step = (1usize << lg).div_ceil(128).max(1);
        let w = (bits as usize).div_ceil(64).div_ceil(step).max(1) * step;
        Plan {
            w: super::fermat::mulmod_size(w, step),
            lg,
        }
    }

    /// Transform length.
    pub fn size(&self) -> usize {
        1 << self.lg
    }

    fn n_bits(&self) -> usize {
        64 * self.w
    }

    /// Packs the signed coefficients `v` (at most `len` of them) and transforms them.
    pub fn forward(&self, v: &[Integer]) -> Spectrum {
        let mut data = pack(v, self.size(), self.w);
        dif(&mut data, self.w, v.len().min(self.size()));
        Spectrum { plan: *self, data }
    }
}

/// Bytes of a block of the transform that its remaining levels finish before moving to the
/// next block: half of this machine's 1 MB L2 cache. The first levels of a forward transform
/// (the last of an inverse one) sweep the whole array; the rest run block by block, so that a
/// transform of several megabytes does not stream through the L3 cache at every level.
const BLOCK_BYTES: usize = 1 << 19;

/// The largest half-size `h ≤ limit` (a power of two) whose blocks of `2h` elements of `e`
/// limbs fit in [`BLOCK_BYTES`] (at least 1).
fn cached_half(limit: usize, e: usize) -> usize {
    let mut h = 1;
    while 2 * h <= limit && 2 * (2 * h) * e * 8 <= BLOCK_BYTES {
        h *= 2;
    }
    h
}

/// Forward transform of the `len = data.len()/(w + 1)` elements (a power of two) in place:
/// decimation in frequency, natural order in, bit-reversed order out. Only the first `used`
/// inputs may be nonzero: while the half-size `h` is at least `used`, the upper half of every
/// block is zero, so a butterfly reduces to `y = x·ω^j` (and to nothing for `j ≥ used`).
pub(super) fn dif(data: &mut [u64], w: usize, used: usize) {
    let (e, n) = (w + 1, 64 * w);
    let l = data.len() / e;
    let mut h = l / 2;
    while h >= 1 && h >= used {
        for block in data.chunks_mut(2 * h * e) {
            let (xs, ys) = block.split_at_mut(h * e);
            for (j, (x, y)) in xs
                .chunks_mut(e)
                .zip(ys.chunks_mut(e))
                .enumerate()
                .take(used)
            {
                if j == 0 {
                    y.copy_from_slice(x);
                } else {
                    mul_2exp(y, x, j * n / h, w);
                }
            }
        }
        h /= 2;
    }
    if h == 0 {
        return;
    }
    let mut t = vec![0u64; e];
    let inner = cached_half(h, e);
    while h > inner {
        dif_level(data, &mut t, w, h);
        h /= 2;
    }
    for chunk in data.chunks_mut(2 * h * e) {
        let mut k = h;
        while k >= 1 {
            dif_level(chunk, &mut t, w, k);
            k /= 2;
        }
    }
}

/// One level of [`dif`] at half-size `h` over every block of `data`: `(x, y) ← (x + y,
/// (x − y)·ω^j)`, `ω = 2^(N/h)`.
fn dif_level(data: &mut [u64], t: &mut [u64], w: usize, h: usize) {
    let (e, n) = (w + 1, 64 * w);
    for block in data.chunks_mut(2 * h * e) {
        let (xs, ys) = block.split_at_mut(h * e);
        for (j, (x, y)) in xs.chunks_mut(e).zip(ys.chunks_mut(e)).enumerate() {
            sub_into(t, x, y, w);
            add_assign_mod(x, y, w);
            if j == 0 {
                y.copy_from_slice(t);
            } else {
                mul_2exp(y, t, j * n / h, w);
            }
        }
    }
}

/// Inverse transform in place (decimation in time, bit-reversed order in, natural out),
/// without the division by the length: the levels up to a cached block size block by block,
/// then the rest over the whole array.
pub(super) fn dit(data: &mut [u64], w: usize) {
    let e = w + 1;
    let l = data.len() / e;
    let mut v = vec![0u64; e];
    if l < 2 {
        return;
    }
    let inner = cached_half(l / 2, e);
    for chunk in data.chunks_mut(2 * inner * e) {
        let mut h = 1;
        while h <= inner {
            dit_level(chunk, &mut v, w, h);
            h *= 2;
        }
    }
    let mut h = 2 * inner;
    while h < l {
        dit_level(data, &mut v, w, h);
        h *= 2;
    }
}

/// One level of [`dit`] at half-size `h`: `(x, y) ← (x + y·ω^(−j), x − y·ω^(−j))`.
fn dit_level(data: &mut [u64], v: &mut [u64], w: usize, h: usize) {
    let (e, n) = (w + 1, 64 * w);
    for block in data.chunks_mut(2 * h * e) {
        let (xs, ys) = block.split_at_mut(h * e);
        for (j, (x, y)) in xs.chunks_mut(e).zip(ys.chunks_mut(e)).enumerate() {
            if j == 0 {
                v.copy_from_slice(y);
                sub_into(y, x, v, w);
                add_assign_mod(x, v, w);
            } else {
                // ω^(−j) = 2^(2N − jN/h) = −2^(N − jN/h): with v = y·2^(N − jN/h),
                // (x, y) ← (x − v, x + v).
                mul_2exp(v, y, n - j * n / h, w);
                add_into(y, x, v, w);
                sub_assign_mod(x, v, w);
            }
        }
    }
}

/// `x ← x·y` (or `x²` when `y` is `None`) elementwise, for transformed data of `w + 1`-limb
/// elements.
pub(super) fn pointwise(x: &mut [u64], y: Option<&[u64]>, w: usize) {
    let e = w + 1;
    let mut r = vec![0u64; e];
    let mut wide = vec![0u64; 2 * w];
    for i in 0..x.len() / e {
        let a = &x[i * e..(i + 1) * e];
        let b = match y {
            Some(y) => &y[i * e..(i + 1) * e],
            None => a,
        };
        if a[w] != 0 || b[w] != 0 {
            // One factor is 2^N ≡ −1.
            let (u, v) = if a[w] != 0 { (b, a) } else { (a, b) };
            if u[w] != 0 && v[w] != 0 {
                r.fill(0);
                r[0] = 1;
            } else {
                r.copy_from_slice(u);
                negate(&mut r, w);
            }
        } else {
            let b = y.map(|_| &b[..w]);
            super::fermat::mul_mod(&mut r, &a[..w], b, &mut wide, w);
        }
        x[i * e..(i + 1) * e].copy_from_slice(&r);
    }
}

/// The signed coefficients `v` packed as elements (`w + 1` limbs each), `len` of them.
pub(super) fn pack(v: &[Integer], len: usize, w: usize) -> Vec<u64> {
    let e = w + 1;
    let mut data = vec![0u64; len * e];
    for (i, c) in v.iter().enumerate().take(len) {
        let slot = &mut data[i * e..(i + 1) * e];
        match c.cmp0() {
            Ordering::Equal => {}
            Ordering::Greater => c.write_digits(&mut slot[..w], Order::Lsf),
            Ordering::Less => {
                c.write_digits(&mut slot[..w], Order::Lsf);
                negate(slot, w);
            }
        }
    }
    data
}

/// The signed integer an element stands for: values above `p/2` are negative.
pub(super) fn unpack(x: &mut [u64], w: usize) -> Integer {
    if x[w] == 0 && x[w - 1] >> 63 == 0 {
        Integer::from_digits(&x[..w], Order::Lsf)
    } else {
        negate(x, w);
        -Integer::from_digits(x, Order::Lsf)
    }
}

impl Spectrum {
    /// Pointwise product with `other` (same plan), or squaring when `other` is `None`.
    pub fn mul_assign(&mut self, other: Option<&Spectrum>) {
        pointwise(&mut self.data, other.map(|o| &o.data[..]), self.plan.w);
    }

    /// Inverse transform; returns the first `count` coefficients of the cyclic convolution,
    /// as signed integers.
    pub fn inverse(mut self, count: usize) -> Vec<Integer> {
        let (w, e) = (self.plan.w, self.plan.w + 1);
        dit(&mut self.data, w);
        let scale = 2 * self.plan.n_bits() - self.plan.lg as usize;
        let mut x = vec![0u64; e];
        let mut out = Vec::with_capacity(count);
        for i in 0..count.min(self.plan.size()) {
            mul_2exp(&mut x, &self.data[i * e..(i + 1) * e], scale, w);
            out.push(unpack(&mut x, w));
        }
        out.resize(count, Integer::new());
        out
    }
}

/// The plan for coefficients `lo..hi` of a product of lengths `la` and `lb` whose
/// coefficients need `bits` bits: the cyclic length covers `max(hi, la + lb − 1 − lo)`
/// outputs, rounded up to a power of two, unless half of that suffices with a small
/// correction (see `Aliases`). Without it, an output just past a power of two doubled
/// every transform of a Newton step.
pub fn plan(la: usize, lb: usize, lo: usize, hi: usize, bits: u64) -> Plan {
    let full = la + lb - 1;
    let len = hi.max(full.saturating_sub(lo)).max(2);
    let lg = usize::BITS - 1 - len.next_power_of_two().leading_zeros();
    match Aliases::new(la, lb, lo, hi, 1 << (lg - 1)) {
        Some(_) => Plan::sized(lg - 1, bits),
        None => Plan::sized(lg, bits),
    }
}

/// In a cyclic convolution of length `l`, product coefficient c_k lands on k mod l. For the
/// outputs `lo..hi` (at most `l` of them, so they land on distinct slots), c_(i−l) lands on
/// output i for i in `low` and c_(i+l) for i in `high`; nothing else may alias (hi ≤ 2l and
/// la + lb − 1 ≤ lo + 2l), and the two ranges together must be at most a quarter of the
/// output, or a transform twice as long is cheaper than the correction.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Aliases {
    low: std::ops::Range<usize>,
    high: std::ops::Range<usize>,
}

impl Aliases {
    fn new(la: usize, lb: usize, lo: usize, hi: usize, l: usize) -> Option<Aliases> {
        let full = la + lb - 1;
        if l < 2 || hi - lo > l || hi > 2 * l || full > lo + 2 * l {
            return None;
        }
        let low = lo.max(l)..hi.max(l);
        let high = lo..hi.min(full.saturating_sub(l)).max(lo);
        if low.is_empty() && high.is_empty() {
            return None;
        }
        ((low.len() + high.len()) * 4 <= hi - lo).then_some(Aliases { low, high })
    }
}

/// Bits for the product coefficients of `a` and `b` with their sign and a margin: the sum of
/// the largest sizes, plus the bit length of the number of terms in a sum.
fn product_bits(a: &[Integer], b: &[Integer]) -> u64 {
    u64::from(super::kronecker::max_bits(a))
        + u64::from(super::kronecker::max_bits(b))
        + u64::from(usize::BITS - a.len().min(b.len()).leading_zeros())
        + 2
}

/// `v` modulo x^l − 1 (borrowed when it is short enough already).
fn fold_input(v: &[Integer], l: usize) -> std::borrow::Cow<'_, [Integer]> {
    if v.len() <= l {
        return std::borrow::Cow::Borrowed(v);
    }
    let mut w = v[..l].to_vec();
    for (i, x) in v[l..].iter().enumerate() {
        w[i % l] += x;
    }
    std::borrow::Cow::Owned(w)
}

/// Coefficients `lo..hi` of `a·b`, by a cyclic convolution of length `length(…)`: products
/// that wrap around land below `lo`, or on short ranges computed separately and subtracted.
/// A low alias c_(i−l) is a coefficient of a short truncated product; a high alias c_(i+l)
/// (k = i + l ≥ l + lo) only involves a_s with s ≥ l + lo − (len b − 1) and b_t likewise, a
/// product of two short tails.
pub fn mul_range(a: &[Integer], b: &[Integer], lo: usize, hi: usize) -> Vec<Integer> {
    if a.is_empty() || b.is_empty() || hi <= lo {
        return vec![Integer::new(); hi.saturating_sub(lo)];
    }
    // Coefficients from hi on cannot reach the output, and would not fit a short transform.
    let square = std::ptr::eq(a, b);
    let a = &a[..a.len().min(hi)];
    let b = if square { a } else { &b[..b.len().min(hi)] };
    // The shape is chosen before folding, which adds at most a bit to each side.
    let bits = product_bits(a, b);
    let shape = plan(a.len(), b.len(), lo, hi, bits + 2);
    let l = shape.size();
    let aliases = Aliases::new(a.len(), b.len(), lo, hi, l);
    let split = super::fft_split::Shape::fitting(a.len() + b.len() - 1);
    if aliases.is_none() && split.total() < l {
        let w = Plan::sized(split.lg(), bits).w;
        return super::fft_split::mul_range(a, (!square).then_some(b), &[], lo, hi, &split, w);
    }
    // Inputs longer than the transform are folded modulo x^l − 1 first.
    let (fa_in, fb_in) = (fold_input(a, l), fold_input(b, l));
    let (a2, b2): (&[Integer], &[Integer]) = (&fa_in, &fb_in);
    let bits = product_bits(a2, b2);
    let plan = Plan::sized(shape.lg, bits);
    let mut fa = plan.forward(a2);
    if square {
        fa.mul_assign(None);
    } else {
        let fb = plan.forward(b2);
        fa.mul_assign(Some(&fb));
    }
    let v = fa.inverse(l.min(hi));
    let mut out: Vec<Integer> = (lo..hi).map(|i| v[i % l].clone()).collect();
    if let Some(Aliases { low, high }) = aliases {
        if !low.is_empty() {
            let c = super::kronecker::mul_range(a, b, low.start - l, low.end - l);
            for (x, y) in out[low.start - lo..].iter_mut().zip(c) {
                *x -= y;
            }
        }
        if !high.is_empty() {
            let sa = (l + high.start).saturating_sub(b.len() - 1);
            let sb = (l + high.start).saturating_sub(a.len() - 1);
            // c_k is coefficient k − sa − sb of the tails' product (l + start ≥ sa + sb).
            let (from, to) = (l + high.start - sa - sb, l + high.end - sa - sb);
            let c = super::kronecker::mul_range(&a[sa..], &b[sb..], from, to);
            for (x, y) in out[high.start - lo..].iter_mut().zip(c) {
                *x -= y;
            }
        }
    }
    out
}

/// Coefficients `known.len()..hi` of `a·b`, whose first `known.len()` coefficients are
/// `known`: by a split transform over the unknown part alone (see [`super::fft_split`]) when
/// that is shorter than the transform [`mul_range`] would use. A middle product of a Newton
/// step ending at `len` then costs a truncated transform of `h + k·h/8 ≥ len`, not a power of
/// two `≥ len`.
pub fn mul_range_known(a: &[Integer], b: &[Integer], known: &[Integer], hi: usize) -> Vec<Integer> {
    let lo = known.len();
    if a.is_empty() || b.is_empty() || hi <= lo {
        return mul_range(a, b, lo, hi);
    }
    let square = std::ptr::eq(a, b);
    let a = &a[..a.len().min(hi)];
    let b = if square { a } else { &b[..b.len().min(hi)] };
    let full = a.len() + b.len() - 1;
    if lo >= full {
        return vec![Integer::new(); hi - lo];
    }
    let bits = product_bits(a, b);
    let l = plan(a.len(), b.len(), lo, hi, bits + 2).size();
    let plain = if Aliases::new(a.len(), b.len(), lo, hi, l).is_none() {
        super::fft_split::Shape::fitting(full).total().min(l)
    } else {
        l
    };
    let split = super::fft_split::Shape::fitting(full - lo);
    if split.total() >= plain {
        return mul_range(a, b, lo, hi);
    }
    let w = Plan::sized(split.lg(), bits).w;
    let mut out = super::fft_split::mul_range(
        a,
        (!square).then_some(b),
        known,
        lo,
        hi.min(full),
        &split,
        w,
    );
    out.resize(hi - lo, Integer::new());
    out
}

#[cfg(test)]
pub(in crate::math::series::fast) mod tests {
    use super::*;

    /// The plain quadratic product, the reference for the transforms' tests.
    pub(in crate::math::series::fast) fn schoolbook(a: &[Integer], b: &[Integer]) -> Vec<Integer> {
        let mut out = vec![Integer::new(); a.len() + b.len() - 1];
        for (i, x) in a.iter().enumerate() {
            for (j, y) in b.iter().enumerate() {
                out[i + j] += x * y;
            }
        }
        out
    }

    fn sample(len: usize, seed: u64, bits: u32) -> Vec<Integer> {
        let mut s = seed;
        (0..len)
            .map(|i| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let mag = (Integer::from(s >> 1) << (bits.saturating_sub(63) * (i as u32 % 3) / 2))
                    + (s % 7);
                if s >> 63 == 1 {
                    -mag
                } else {
                    mag
                }
            })
            .collect()
    }

    #[test]
    fn products_match_schoolbook() {
        for (la, lb, bits) in [
            (1, 1, 10),
            (3, 5, 64),
            (17, 9, 200),
            (40, 40, 130),
            (70, 33, 700),
        ] {
            let a = sample(la, 1 + la as u64, bits);
            let b = sample(lb, 99 + lb as u64, bits);
            let full = schoolbook(&a, &b);
            assert_eq!(mul_range(&a, &b, 0, full.len()), full, "{la}x{lb}");
            let lo = la.min(lb) / 2;
            let hi = la.max(lb);
            assert_eq!(
                mul_range(&a, &b, lo, hi),
                full[lo..hi].to_vec(),
                "middle {la}x{lb}"
            );
            let sq = schoolbook(&a, &a);
            assert_eq!(mul_range(&a, &a, 0, sq.len()), sq, "square {la}");
        }
    }

    #[test]
    fn many_shapes_match_schoolbook() {
        let mut seed = 7u64;
        for round in 0..60u64 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let la = 1 + (seed >> 33) as usize % 90;
            let lb = 1 + (seed >> 45) as usize % 90;
            let bits = 1 + (seed >> 20) as u32 % 1500;
            let a = sample(la, round, bits);
            let b = sample(lb, round + 1000, bits / 2 + 1);
            let full = schoolbook(&a, &b);
            let lo = (seed >> 10) as usize % full.len();
            let hi = lo + 1 + (seed >> 52) as usize % (full.len() - lo);
            assert_eq!(
                mul_range(&a, &b, lo, hi),
                full[lo..hi].to_vec(),
                "round {round}: {la}x{lb} [{lo}, {hi})"
            );
        }
    }

    #[test]
    fn lengths_just_past_a_power_of_two_wrap_and_correct() {
        for (la, lb, lo, hi) in [
            (65, 65, 0, 65),
            (70, 66, 0, 70),
            (65, 65, 0, 129),
            (129, 40, 0, 129),
            (130, 130, 3, 130),
            (66, 66, 30, 66),
        ] {
            let a = sample(la, la as u64, 900);
            let b = sample(lb, 7 + lb as u64, 800);
            let full = schoolbook(&a, &b);
            let want = full[lo..hi.min(full.len())].to_vec();
            let got = mul_range(&a, &b, lo, hi.min(full.len()));
            assert_eq!(got, want, "{la}x{lb} [{lo}, {hi})");
        }
        // 65 × 65 through 65 terms wraps one product (c_128 onto c_0) into a length-128
        // transform instead of doubling to 256.
        for la in 60..=68 {
            for lb in [33, 62, 65, 67] {
                let a = sample(la, 3 * la as u64, 1200);
                let b = sample(lb, 5 * lb as u64, 900);
                let full = schoolbook(&a, &b);
                for (lo, hi) in [(0, 64), (0, 65), (0, 67), (2, 66), (7, 70)] {
                    let hi = hi.min(full.len());
                    assert_eq!(
                        mul_range(&a, &b, lo, hi),
                        full[lo..hi].to_vec(),
                        "{la}x{lb} [{lo}, {hi})"
                    );
                }
            }
        }
        let size = |la, lb, lo, hi| plan(la, lb, lo, hi, 1000).size();
        assert_eq!(size(65, 65, 0, 65), 128);
        assert_eq!(size(64, 64, 0, 64), 128);
        assert_eq!(size(100, 100, 0, 100), 256);
    }

    #[test]
    fn products_with_elements_past_gmps_transform_threshold() {
        // 9000-bit coefficients need elements of 288 limbs: the pointwise products go
        // through GMP's modular transform; full, middle and wrapped ranges.
        for (la, lb, lo, hi) in [(40, 37, 0, 76), (70, 35, 34, 70), (65, 65, 0, 65)] {
            let a = sample(la, 11 + la as u64, 9000);
            let b = sample(lb, 13 + lb as u64, 9000);
            let full = schoolbook(&a, &b);
            assert_eq!(
                mul_range(&a, &b, lo, hi),
                full[lo..hi].to_vec(),
                "{la}x{lb}"
            );
            let sq = schoolbook(&a, &a);
            assert_eq!(mul_range(&a, &a, lo, hi), sq[lo..hi].to_vec(), "{la}²");
        }
        assert!(plan(40, 37, 0, 76, 18_100).w >= 256);
    }

    /// A transform larger than `BLOCK_BYTES` runs its first (forward) and last (inverse)
    /// levels over the whole array and the rest block by block.
    #[test]
    fn transforms_past_the_cached_block_size() {
        let (la, lb) = (300, 260);
        let a = sample(la, 5, 5000);
        let b = sample(lb, 6, 4000);
        let plan = plan(la, lb, 0, la + lb - 1, 9300);
        assert!(plan.size() * (plan.w + 1) * 8 > 2 * BLOCK_BYTES, "{plan:?}");
        let full = schoolbook(&a, &b);
        assert_eq!(mul_range(&a, &b, 0, full.len()), full);
        assert_eq!(mul_range(&a, &b, 100, 400), full[100..400].to_vec());
    }

    #[test]
    fn extreme_values() {
        // Coefficients at the top of their range exercise the 2^N ≡ −1 corner cases.
        let m = (Integer::from(1) << 300u32) - 1u32;
        let a = vec![m.clone(), -m.clone(), m.clone(), m.clone()];
        let b = vec![-m.clone(), -m.clone(), m.clone()];
        assert_eq!(mul_range(&a, &b, 0, 6), schoolbook(&a, &b));
    }
}
