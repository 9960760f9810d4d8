//! Products of integer polynomials, full or restricted to a range of coefficients, choosing
//! among a schoolbook product (short factors), the FFT of [`fft`] (large coefficients; it
//! also makes middle products cheap) and Kronecker substitution: each operand is packed into
//! one big integer (coefficient `i` at bit `i·b`, signed coefficients split into a positive and
//! a negative part), the two integers are multiplied by GMP, and the product is unpacked into
//! balanced digits. The slot width `b` is a whole number of 64-bit limbs and is chosen so that
//! no product coefficient can overflow it. Imports `rug` and [`fft`].

use super::fft;
use rug::integer::Order;
use rug::Integer;
use std::cmp::Ordering;

/// Below this many terms in the shorter operand the schoolbook product is used.
const SCHOOLBOOK_LEN: usize = 6;

/// Number of bits of the largest absolute value in `v` (0 for an all-zero vector).
pub fn max_bits(v: &[Integer]) -> u32 {
    v.iter().map(|c| c.significant_bits()).max().unwrap_or(0)
}

/// `ceil(log2(n))` for `n ≥ 1`.
fn clog2(n: usize) -> u32 {
    usize::BITS - n.saturating_sub(1).leading_zeros()
}

/// Drops trailing zero coefficients (they cost slots but contribute nothing).
fn trim(v: &[Integer]) -> &[Integer] {
    let mut len = v.len();
    while len > 0 && v[len - 1].cmp0() == Ordering::Equal {
        len -= 1;
    }
    &v[..len]
}

/// The first `n` coefficients of the product `a·b` (zero-padded to length `n`).
pub fn mullow(a: &[Integer], b: &[Integer], n: usize) -> Vec<Integer> {
    mul_range(a, b, 0, n)
}

/// The first `n` coefficients of `a²`.
pub fn sqrlow(a: &[Integer], n: usize) -> Vec<Integer> {
    mul_range(a, a, 0, n)
}

/// Coefficients `lo..hi` of `a·b` (zero-padded), by the cheapest of a schoolbook product, a
/// Kronecker substitution, or an FFT whose cyclic length only has to avoid `lo..hi` (so a
/// middle product costs no more than a product of its output's length).
pub fn mul_range(a: &[Integer], b: &[Integer], lo: usize, hi: usize) -> Vec<Integer> {
    let square = std::ptr::eq(a, b);
    let a = trim(&a[..a.len().min(hi)]);
    let b = if square {
        a
    } else {
        trim(&b[..b.len().min(hi)])
    };
    let mut out = if a.is_empty() || b.is_empty() || lo >= a.len() + b.len() - 1 {
        Vec::new()
    } else if a.len().min(b.len()) <= SCHOOLBOOK_LEN {
        let mut v = schoolbook(a, b, hi);
        v.drain(..lo.min(v.len()));
        v
    } else {
        let full = a.len() + b.len() - 1;
        if fft_pays(a, b, lo, hi) {
            fft::mul_range(a, b, lo, hi.min(full))
        } else {
            let mut v = kronecker(a, b, hi);
            v.drain(..lo.min(v.len()));
            v
        }
    };
    out.resize(hi - lo, Integer::new());
    out
}

/// Coefficients `known.len()..hi` of `a·b` whose first `known.len()` coefficients are
/// `known` (the low part of a Newton residual): as [`mul_range`], except that an FFT only
/// transforms the unknown part.
pub fn mul_range_known(a: &[Integer], b: &[Integer], known: &[Integer], hi: usize) -> Vec<Integer> {
    let lo = known.len();
    let (ta, tb) = (trim(&a[..a.len().min(hi)]), trim(&b[..b.len().min(hi)]));
    if ta.len().min(tb.len()) > SCHOOLBOOK_LEN
        && lo < ta.len() + tb.len() - 1
        && fft_pays(ta, tb, lo, hi)
    {
        return fft::mul_range_known(ta, tb, known, hi);
    }
    mul_range(a, b, lo, hi)
}

/// Whether the FFT beats one Kronecker product (measured): coefficients of at least ~700
/// bits, not inflated much by the transform length's divisibility constraint, and not so
/// large that the pointwise GMP products dominate (elements of up to 4000 limbs: a cap of
/// 400 had sent exp(sin x) beyond x^2048 to one GMP product, 1.11 s against 0.84 s at
/// N = 2049 and 7.9 s against 5.5 s at N = 4100). For coefficients `lo..hi` of `a·b`
/// (trimmed, nonempty, `lo` below the full length).
fn fft_pays(a: &[Integer], b: &[Integer], lo: usize, hi: usize) -> bool {
    let full = a.len() + b.len() - 1;
    let bits = u64::from(max_bits(a) + max_bits(b) + clog2(a.len().min(b.len())) + 1);
    let plan = fft::plan(a.len(), b.len(), lo, hi.min(full), bits);
    let room = 64 * plan.w as u64;
    bits >= 700 && room <= bits + bits / 4 + 64 && plan.w <= 4000
}

/// Plain quadratic product, truncated to `n` terms.
fn schoolbook(a: &[Integer], b: &[Integer], n: usize) -> Vec<Integer> {
    let len = (a.len() + b.len() - 1).min(n);
    let mut out = vec![Integer::new(); len];
    for (i, x) in a.iter().enumerate() {
        if x.cmp0() == Ordering::Equal {
            continue;
        }
        for (j, y) in b.iter().enumerate().take(len.saturating_sub(i)) {
            out[i + j] += x * y;
        }
    }
    out
}

/// Packs `v` into a positive part and a negative part, `limbs` limbs per slot.
fn pack(v: &[Integer], limbs: usize) -> Integer {
    let total = v.len() * limbs;
    let mut pos = vec![0u64; total];
    let mut neg: Vec<u64> = Vec::new();
    for (i, c) in v.iter().enumerate() {
        let slot = i * limbs;
        match c.cmp0() {
            Ordering::Equal => {}
            Ordering::Greater => c.write_digits(&mut pos[slot..slot + limbs], Order::Lsf),
            Ordering::Less => {
                if neg.is_empty() {
                    neg = vec![0u64; total];
                }
                c.write_digits(&mut neg[slot..slot + limbs], Order::Lsf);
            }
        }
    }
    let p = Integer::from_digits(&pos, Order::Lsf);
    if neg.is_empty() {
        p
    } else {
        p - Integer::from_digits(&neg, Order::Lsf)
    }
}

/// Splits `w = Σ r_i·2^(64·limbs·i)` into its first `n` balanced digits `r_i`
/// (`|r_i| < 2^(64·limbs − 1)`).
fn unpack(w: &Integer, limbs: usize, n: usize) -> Vec<Integer> {
    let negative = w.cmp0() == Ordering::Less;
    let digits = w.to_digits::<u64>(Order::Lsf);
    let mut out = Vec::with_capacity(n);
    let mut carry = false;
    let mut tmp = vec![0u64; limbs];
    for i in 0..n {
        let start = (i * limbs).min(digits.len());
        let end = ((i + 1) * limbs).min(digits.len());
        tmp.fill(0);
        tmp[..end - start].copy_from_slice(&digits[start..end]);
        let mut overflow = false;
        if carry {
            overflow = true;
            for limb in tmp.iter_mut() {
                let (s, c) = limb.overflowing_add(1);
                *limb = s;
                if !c {
                    overflow = false;
                    break;
                }
            }
        }
        let r = if overflow {
            // The slot held 2^b: digit 0, carry 1.
            carry = true;
            Integer::new()
        } else if tmp[limbs - 1] >> 63 == 1 {
            // Digit ≥ 2^(b−1): it is negative, r = −(2^b − t).
            carry = true;
            let mut add = true;
            for limb in tmp.iter_mut() {
                *limb = !*limb;
                if add {
                    let (s, c) = limb.overflowing_add(1);
                    *limb = s;
                    add = c;
                }
            }
            -Integer::from_digits(&tmp, Order::Lsf)
        } else {
            carry = false;
            Integer::from_digits(&tmp, Order::Lsf)
        };
        out.push(if negative { -r } else { r });
    }
    out
}

/// Kronecker-substitution product, truncated to `n` terms.
fn kronecker(a: &[Integer], b: &[Integer], n: usize) -> Vec<Integer> {
    let bits = max_bits(a) + max_bits(b) + clog2(a.len().min(b.len())) + 1;
    let limbs = (bits as usize).div_ceil(64);
    let same = std::ptr::eq(a, b);
    let pa = pack(a, limbs);
    let w = if same {
        pa.square()
    } else {
        let pb = pack(b, limbs);
        pa * pb
    };
    let len = (a.len() + b.len() - 1).min(n);
    unpack(&w, limbs, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(v: &[i64]) -> Vec<Integer> {
        v.iter().map(|&x| Integer::from(x)).collect()
    }

    #[test]
    fn kronecker_matches_schoolbook_with_signs() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        for i in 0..40i64 {
            let big = Integer::from(1) << (i as u32 * 7 % 200);
            a.push(if i % 3 == 0 {
                -big.clone()
            } else {
                big.clone() + i
            });
            b.push(if i % 5 == 1 {
                -(big + 3 * i)
            } else {
                Integer::from(i - 20)
            });
        }
        a.push(Integer::from(-1));
        for n in [1, 10, 41, 79, 100] {
            let mut s = schoolbook(&a, &b, n);
            s.resize(n, Integer::new());
            assert_eq!(mullow(&a, &b, n), s, "n = {n}");
            let mut s2 = schoolbook(&a, &a, n);
            s2.resize(n, Integer::new());
            assert_eq!(sqrlow(&a, n), s2, "square n = {n}");
        }
    }

    #[test]
    fn extreme_digits() {
        // All-ones digits exercise the carry chain of the balanced unpacking.
        let m = (Integer::from(1) << 128u32) - 1u32;
        let a = vec![
            m.clone(),
            -m.clone(),
            m.clone(),
            -m.clone(),
            m.clone(),
            m.clone(),
            -m,
        ];
        let b = a.clone();
        let mut s = schoolbook(&a, &b, 13);
        s.resize(13, Integer::new());
        assert_eq!(kronecker(&a, &b, 13), s);
        assert_eq!(mullow(&ints(&[1, 2]), &ints(&[3]), 3), ints(&[3, 6, 0]));
    }
}
