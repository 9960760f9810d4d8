//! Exact sums of weighted inverse powers `Σ w(k) ε^k / k^s` over a few integer ranges (the
//! partial fractions of every rational term whose denominator splits over the integers, the
//! harmonic numbers among them).
//!
//! Three savings over a plain tree of fractions. Weights that cancel (telescoping) are dropped
//! before any work. Each k is written `t·m` with `t` 5-smooth and `m` prime to 30, so the tree
//! runs over the `m` alone (about 27% of the size of `∏ k^s`) and the smooth parts become
//! small weights. And when the range is long, the reduced denominator is known to divide
//! `L = lcm(m^s)`, so the numerator over `L` comes from one exact division, leaving one gcd of
//! result-sized numbers instead of one of tree-sized numbers.

use super::split::{fraction_sum, merge_fractions, product, product_u64, Frac, FracTerms};
use crate::math::expr::{MResult, MathError};
use crate::math::number::Q;
use rug::ops::Pow;
use rug::{Integer, Rational};

/// `w · Σ_{k=lo}^{hi} ε^k / k^s` with `1 ≤ lo ≤ hi < 2^62`.
#[derive(Debug, Clone)]
pub struct Piece {
    pub lo: u64,
    pub hi: u64,
    pub w: Q,
}

/// Largest index this engine accepts (so that `k + 1` and `30·k` stay in a `u64`).
pub const MAX_INDEX: u64 = 1 << 58;
/// Below this many terms in all, sum the pieces directly.
const DIRECT_TERMS: u64 = 96;
/// The lcm shortcut needs primes up to the largest index; beyond this it is not worth it.
const LCM_SIEVE_LIMIT: u64 = 60_000_000;
/// Largest denominator, in bits, the tree may build (≈ 50 MB).
const MAX_TREE_BITS: f64 = 4e8;
/// The numbers below 30 prime to 30.
const WHEEL: [u64; 8] = [1, 7, 11, 13, 17, 19, 23, 29];

/// Σ over the pieces of `w Σ_{k=lo}^{hi} ε^k / k^s` (ε = −1 when `alternating`), exactly.
/// Refuses (TooLarge) when more than `max_terms` terms keep a non-zero weight.
pub fn inverse_power_sum(
    s: u32,
    alternating: bool,
    pieces: &[Piece],
    max_terms: u64,
) -> MResult<Q> {
    let mut events = Vec::with_capacity(pieces.len() * 2);
    for p in pieces {
        if p.lo == 0 || p.lo > p.hi || p.hi >= MAX_INDEX {
            return Err(MathError::Unsupported(
                "internal: inverse-power piece out of range".into(),
            ));
        }
        events.push((p.lo, p.w.clone()));
        events.push((p.hi + 1, p.w.neg()));
    }
    let intervals = sweep(events);
    let total: u64 = intervals.iter().map(|(a, b, _)| b - a + 1).sum();
    if total > max_terms {
        return Err(MathError::TooLarge(format!(
            "a sum of {total} rational terms (sigma sums at most {max_terms} by binary splitting)"
        )));
    }
    let max_k = intervals.iter().map(|i| i.1).max().unwrap_or(0);
    estimate_size(s, total, max_k)?;
    if total <= DIRECT_TERMS {
        return direct(s, alternating, &intervals);
    }
    // The smooth parts t = 2^a 3^b 5^c and, for each, the weight it gives the m-range.
    let smooth = smooth_numbers(max_k);
    let mut m_events = Vec::new();
    for (a, b, w) in &intervals {
        for &t in &smooth {
            if t > *b {
                break;
            }
            let (ml, mh) = (a.div_ceil(t), b / t);
            if ml > mh {
                continue;
            }
            let mut c = w.div(&Q::from_integer(Integer::from(t).pow(s)))?;
            if alternating && t % 2 == 1 {
                c = c.neg();
            }
            m_events.push((ml, c.clone()));
            m_events.push((mh + 1, c.neg()));
        }
    }
    let m_intervals = sweep(m_events);
    let mut denominators = Integer::from(1);
    for (_, _, w) in &m_intervals {
        denominators.lcm_mut(w.denom());
    }
    let mut items = Vec::with_capacity(m_intervals.len());
    for (a, b, w) in &m_intervals {
        let first = wheel_count(a - 1);
        let terms = WheelRecips {
            first,
            len: wheel_count(*b) - first,
            s,
        };
        if terms.len == 0 {
            continue;
        }
        let (t, v) = fraction_sum(&terms)?;
        let scale = w.numer() * Integer::from(&denominators / w.denom());
        items.push((t * scale, v));
    }
    let (x, v) = merge_fractions(items)?;
    if x.cmp0() == std::cmp::Ordering::Equal {
        return Ok(Q::zero());
    }
    let lcm_bits_bound = 1.5 * f64::from(s) * max_k as f64;
    if max_k <= LCM_SIEVE_LIMIT && lcm_bits_bound < 0.5 * f64::from(v.significant_bits()) {
        let l = rough_lcm(s, &intervals, max_k)?;
        let numer = Integer::from(&x * &l).div_exact(&v);
        return Ok(Q(Rational::from((numer, l * denominators))));
    }
    Ok(Q(Rational::from((x, v * denominators))))
}

/// Refuses before any work when the exact value, or the tree that builds it, would be
/// absurdly large.
fn estimate_size(s: u32, total: u64, max_k: u64) -> MResult<()> {
    let log2_k = (max_k.max(2) as f64).log2();
    let digits = |bits: f64| bits * std::f64::consts::LOG10_2 / 1e6;
    // The reduced denominator divides lcm(k)^s ≤ e^(1.04 max_k s) and ∏ k^s.
    let bits = f64::from(s) * (1.5 * max_k as f64).min(total as f64 * log2_k);
    if bits > crate::math::number::MAX_EXACT_BITS as f64 {
        return Err(MathError::TooLarge(format!(
            "a sum whose exact value has about {:.0} million digits",
            digits(bits)
        )));
    }
    // The tree's denominator is ∏ m^s over the m prime to 30 (8 in 30).
    let tree = f64::from(s) * total as f64 * log2_k * 8.0 / 30.0;
    if tree > MAX_TREE_BITS {
        return Err(MathError::TooLarge(format!(
            "a sum whose exact evaluation needs numbers of about {:.0} million digits",
            digits(tree)
        )));
    }
    Ok(())
}

/// Turns `(position, change of weight)` events into the maximal runs of constant non-zero
/// weight `[a, b]`, increasing.
fn sweep(mut events: Vec<(u64, Q)>) -> Vec<(u64, u64, Q)> {
    events.sort_by_key(|e| e.0);
    let mut out = Vec::new();
    let mut w = Q::zero();
    let mut i = 0;
    while i < events.len() {
        let pos = events[i].0;
        while i < events.len() && events[i].0 == pos {
            w = w.add(&events[i].1);
            i += 1;
        }
        if let Some(next) = events.get(i).map(|e| e.0) {
            if !w.is_zero() {
                out.push((pos, next - 1, w.clone()));
            }
        }
    }
    out
}

/// Sums few terms directly: `Σ w Σ_{k ∈ [a, b]} ε^k / k^s`.
fn direct(s: u32, alternating: bool, intervals: &[(u64, u64, Q)]) -> MResult<Q> {
    let mut items = Vec::new();
    for (a, b, w) in intervals {
        let (t, v) = fraction_sum(&PlainRecips {
            first: *a,
            len: b - a + 1,
            s,
            alternating,
        })?;
        items.push((t * w.numer(), v * w.denom()));
    }
    let (x, v) = merge_fractions(items)?;
    Ok(Q(Rational::from((x, v))))
}

/// `ε^k / k^s` for `k = first + i`.
struct PlainRecips {
    first: u64,
    len: u64,
    s: u32,
    alternating: bool,
}

impl FracTerms for PlainRecips {
    fn len(&self) -> u64 {
        self.len
    }
    fn term(&self, i: u64) -> Frac {
        let k = self.first + i;
        let sign = if self.alternating && k % 2 == 1 {
            -1
        } else {
            1
        };
        recip_power(k, self.s, sign)
    }
}

/// `1 / m^s` for the `first + i`-th number prime to 30.
struct WheelRecips {
    first: u64,
    len: u64,
    s: u32,
}

impl FracTerms for WheelRecips {
    fn len(&self) -> u64 {
        self.len
    }
    fn term(&self, i: u64) -> Frac {
        let j = self.first + i;
        recip_power(30 * (j / 8) + WHEEL[(j % 8) as usize], self.s, 1)
    }
}

fn recip_power(m: u64, s: u32, sign: i128) -> Frac {
    match u128::from(m).checked_pow(s) {
        Some(d) if d < 1 << 126 => Frac::Small(sign, d),
        _ => Frac::Big(Integer::from(sign), Integer::from(m).pow(s)),
    }
}

/// How many numbers in `[1, x]` are prime to 30.
fn wheel_count(x: u64) -> u64 {
    8 * (x / 30) + WHEEL.iter().filter(|&&r| r <= x % 30).count() as u64
}

/// The numbers `2^a 3^b 5^c ≤ max`, increasing.
fn smooth_numbers(max: u64) -> Vec<u64> {
    let mut out = Vec::new();
    let mut p2 = 1u64;
    while p2 <= max {
        let mut p3 = p2;
        while p3 <= max {
            let mut p5 = p3;
            while p5 <= max {
                out.push(p5);
                match p5.checked_mul(5) {
                    Some(v) => p5 = v,
                    None => break,
                }
            }
            match p3.checked_mul(3) {
                Some(v) => p3 = v,
                None => break,
            }
        }
        match p2.checked_mul(2) {
            Some(v) => p2 = v,
            None => break,
        }
    }
    out.sort_unstable();
    out
}

/// `∏_{p ≥ 7} p^(s·e_p)` where `e_p` is the largest power of `p` dividing some `k` in the
/// intervals: a multiple of the denominator of `Σ c_m / m^s` over those `m` prime to 30.
fn rough_lcm(s: u32, intervals: &[(u64, u64, Q)], max_k: u64) -> MResult<Integer> {
    let primes = odd_primes_upto(max_k)?;
    let mut small = Vec::with_capacity(primes.len());
    let mut big = Vec::new();
    for &p in primes.iter().filter(|&&p| p >= 7) {
        let mut e = 0u32;
        for (a, b, _) in intervals {
            let mut pe = p;
            let mut k = 0u32;
            while pe <= *b {
                if (b / pe) * pe >= *a {
                    k += 1;
                } else {
                    break;
                }
                match pe.checked_mul(p) {
                    Some(v) => pe = v,
                    None => break,
                }
            }
            // The loop stops at the first power with no multiple in range; a larger power
            // cannot have one either.
            e = e.max(k);
        }
        if e == 0 {
            continue;
        }
        match p.checked_pow(e * s) {
            Some(v) => small.push(v),
            None => big.push(Integer::from(p).pow(e * s)),
        }
    }
    big.push(product_u64(&small)?);
    product(&big)
}

/// The odd primes up to `n` (sieve of Eratosthenes over odd numbers, one bit each).
fn odd_primes_upto(n: u64) -> MResult<Vec<u64>> {
    let half = (n / 2 + 1) as usize; // bit i stands for 2i + 1
    let mut composite = vec![0u64; half / 64 + 1];
    let mut i = 1usize;
    while (2 * i + 1) * (2 * i + 1) <= n as usize {
        if composite[i / 64] >> (i % 64) & 1 == 0 {
            if crate::math::interrupted() {
                return Err(MathError::Interrupted);
            }
            let p = 2 * i + 1;
            let mut j = (p * p) / 2;
            while j < half {
                composite[j / 64] |= 1 << (j % 64);
                j += p;
            }
        }
        i += 1;
    }
    Ok((1..half)
        .filter(|&i| composite[i / 64] >> (i % 64) & 1 == 0 && 2 * i < n as usize)
        .map(|i| 2 * i as u64 + 1)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(s: u32, alternating: bool, pieces: &[Piece]) -> Q {
        let mut r = Rational::new();
        for p in pieces {
            for k in p.lo..=p.hi {
                let sign = if alternating && k % 2 == 1 { -1 } else { 1 };
                r += Rational::from((sign, Integer::from(k).pow(s))) * &p.w.0;
            }
        }
        Q(r)
    }

    #[test]
    fn matches_naive_sums() {
        let cases: Vec<(u32, bool, Vec<Piece>)> = vec![
            (
                1,
                false,
                vec![Piece {
                    lo: 1,
                    hi: 2000,
                    w: Q::one(),
                }],
            ),
            (
                2,
                true,
                vec![Piece {
                    lo: 1,
                    hi: 1500,
                    w: Q::int(-1),
                }],
            ),
            (
                1,
                false,
                vec![Piece {
                    lo: 37,
                    hi: 901,
                    w: Q::frac(3, 7),
                }],
            ),
            (
                1,
                false,
                vec![
                    Piece {
                        lo: 1,
                        hi: 1000,
                        w: Q::one(),
                    },
                    Piece {
                        lo: 2,
                        hi: 1001,
                        w: Q::int(-1),
                    },
                ],
            ),
            (
                3,
                true,
                vec![Piece {
                    lo: 5,
                    hi: 700,
                    w: Q::frac(-2, 5),
                }],
            ),
            (
                1,
                false,
                vec![Piece {
                    lo: 1,
                    hi: 10,
                    w: Q::one(),
                }],
            ),
        ];
        for (s, alt, pieces) in cases {
            assert_eq!(
                inverse_power_sum(s, alt, &pieces, 1 << 40).unwrap(),
                naive(s, alt, &pieces),
                "s = {s}, alternating = {alt}, {pieces:?}"
            );
        }
    }

    #[test]
    fn wheel_and_lcm_agree_with_a_plain_tree() {
        // Long enough for the lcm shortcut; `direct` shares none of that code.
        for (s, alt, lo, hi) in [
            (1, false, 1, 30_000),
            (2, true, 1, 12_000),
            (1, true, 3, 25_000),
        ] {
            let pieces = [Piece {
                lo,
                hi,
                w: Q::frac(5, 3),
            }];
            let want = direct(s, alt, &[(lo, hi, Q::frac(5, 3))]).unwrap();
            assert_eq!(inverse_power_sum(s, alt, &pieces, 1 << 40).unwrap(), want);
        }
    }

    #[test]
    fn telescoping_weights_cost_nothing() {
        let n = 1u64 << 50;
        let pieces = [
            Piece {
                lo: 1,
                hi: n,
                w: Q::one(),
            },
            Piece {
                lo: 2,
                hi: n + 1,
                w: Q::int(-1),
            },
        ];
        let want = Q::one().sub(&Q(Rational::from((1, n + 1))));
        assert_eq!(inverse_power_sum(1, false, &pieces, 1000).unwrap(), want);
    }

    #[test]
    fn helpers() {
        assert_eq!(wheel_count(30), 8);
        assert_eq!(wheel_count(31), 9);
        assert_eq!(wheel_count(0), 0);
        assert_eq!(
            odd_primes_upto(30).unwrap(),
            vec![3, 5, 7, 11, 13, 17, 19, 23, 29]
        );
        assert_eq!(smooth_numbers(10), vec![1, 2, 3, 4, 5, 6, 8, 9, 10]);
    }
}
