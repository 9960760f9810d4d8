//! The canonical form of a [`QPoly`]: removing the common content of numerators and
//! denominator (after every product of a Newton step) and converting to canonical rationals
//! (once, on output), both with as few big gcds as possible. Imports `rug` and [`Q`].

use super::exactdiv::Divisor;
use super::intpoly::QPoly;
use super::smooth::SmoothDenominator;
use crate::math::expr::MathError;
use crate::math::number::{primes_below, Q};
use rug::{Integer, Rational};
use std::cmp::Ordering;

/// Coefficients per block in the conversion to rationals (see `blocks_to_q`). With gcds, at
/// N = 5000 exp(sin x) converted in 2.0 s with blocks of 64 against 3.7 s in one piece (16:
/// 2.2 s, 256: 2.1 s); with factored denominators, 0.96 s with 64 against 1.04 s with 32.
const TO_Q_BLOCK: usize = 64;

/// Blocks whose denominator has more bits than this try to factor it over the primes below
/// `max(SMOOTH_BOUND, 2n + 2)` (see [`SmoothDenominator`]), so that lowest terms need no
/// big gcd: at N = 2049 and 5000 the conversion of exp(sin x) takes 96 ms and 0.96 s
/// instead of 170 ms and 1.9 s. A denominator with a larger prime factor keeps the gcds.
const SMOOTH_FROM_BITS: u32 = 512;
const SMOOTH_BOUND: u32 = 1 << 10;

/// Whether the block's last nonzero numerator divides its denominator (coefficients ±1/m,
/// as in erf): GMP's gcd then finishes after its first division, and factoring the
/// denominator would cost more than it saves.
fn divides_denominator(block: &QPoly) -> bool {
    block
        .num
        .iter()
        .rev()
        .find(|c| c.cmp0() != Ordering::Equal)
        .is_some_and(|c| *c.as_abs() <= block.den && block.den.is_divisible(c))
}

impl QPoly {
    /// The coefficients as canonical rationals.
    pub fn to_q(&self) -> Vec<Q> {
        self.blocks_to_q(|| false)
            .expect("conversion without an interrupt check")
    }

    /// The coefficients as canonical rationals, stopping when the interrupt flag is raised
    /// (each one costs a gcd with the common denominator, which adds up for long series).
    pub fn try_to_q(&self) -> Result<Vec<Q>, MathError> {
        self.blocks_to_q(crate::math::interrupted)
            .ok_or(MathError::Interrupted)
    }

    /// Converts block by block, each block first divided by its own content: a coefficient's
    /// gcd is then taken with the block's denominator, not the whole series'. Series whose
    /// denominators grow (`k!` in `exp(sin x)`) have small ones early on, so the gcds of the
    /// first blocks are short. `None` when `stop` says so.
    fn blocks_to_q(&self, mut stop: impl FnMut() -> bool) -> Option<Vec<Q>> {
        let mut out = Vec::with_capacity(self.num.len());
        if self.den == 1 {
            for c in &self.num {
                if stop() {
                    return None;
                }
                out.push(Q(Rational::from(c)));
            }
            return Some(out);
        }
        let n = self.num.len();
        // Sieved when a block first needs them.
        let mut primes = None;
        let mut start = 0;
        while start < n {
            let end = (start + TO_Q_BLOCK).min(n);
            let mut block = self.slice(start, end);
            block.canonicalise();
            let smooth = (block.den.significant_bits() > SMOOTH_FROM_BITS
                && !divides_denominator(&block))
            .then(|| {
                let primes =
                    primes.get_or_insert_with(|| primes_below(SMOOTH_BOUND.max(2 * n as u32 + 2)));
                SmoothDenominator::factor(&block.den, primes)
            })
            .flatten();
            for c in &block.num {
                if stop() {
                    return None;
                }
                out.push(match (c.cmp0(), &smooth) {
                    (Ordering::Equal, _) => Q::zero(),
                    (_, Some(s)) => {
                        let (num, den) = s.reduce(c);
                        Q::from_coprime(num, den)
                    }
                    (_, None) => Q(Rational::from((c, &block.den))),
                });
            }
            start = end;
        }
        Some(out)
    }

    /// Coefficient `k` as a canonical rational.
    pub fn coeff(&self, k: usize) -> Q {
        match self.num.get(k) {
            Some(c) if c.cmp0() != Ordering::Equal => Q(Rational::from((c, &self.den))),
            _ => Q::zero(),
        }
    }

    /// Divides numerators and denominator by their common content.
    ///
    /// The content is found as `gcd(den, Σ r_k·num_k)` for fixed odd multipliers `r_k` (a
    /// multiple of the true content, and almost always equal to it). Each numerator is then
    /// divided by one Hensel division that also proves the division exact ([`Divisor`]): a
    /// numerator the candidate does not divide shrinks it by one more gcd, and the numerators
    /// already divided are scaled to the smaller one. This costs one gcd instead of one per
    /// coefficient, and one division per coefficient (at N = 5000, exp(sin x) spends 1.5 s in
    /// content removal this way against 1.9 s with a division checked by a product).
    pub fn canonicalise(&mut self) {
        if self.den == 1 {
            return;
        }
        let mut mix = Integer::new();
        let mut r: u32 = 0x9E37_79B9;
        let mut any = false;
        for c in self.num.iter().filter(|c| c.cmp0() != Ordering::Equal) {
            any = true;
            r ^= r << 13;
            r ^= r >> 17;
            r ^= r << 5;
            mix += c * (r | 1);
        }
        if !any {
            self.den = Integer::from(1);
            return;
        }
        let g = self.den.clone().gcd(&mix);
        self.divide_content_multiple(g);
    }

    /// Divides by the content, given `g`, a divisor of `den` that the content divides.
    fn divide_content_multiple(&mut self, g: Integer) {
        let mut d = Divisor::new(&g);
        let mut q = Integer::new();
        let mut k = 0;
        while k < self.num.len() {
            if *d.value() == 1 {
                // num[..k] are over the current g (see the scaling below), so over 1: unchanged.
                break;
            }
            let c = &mut self.num[k];
            if c.cmp0() == Ordering::Equal {
                k += 1;
                continue;
            }
            if d.divide(&mut q, c) {
                std::mem::swap(c, &mut q);
                k += 1;
                continue;
            }
            // g does not divide num[k]: shrink it, and bring num[..k] (divided by the old g)
            // over the new one.
            let old = d.value().clone();
            let g = Integer::from(old.gcd_ref(c));
            let h = Integer::from(old.div_exact_ref(&g));
            for x in &mut self.num[..k] {
                if x.cmp0() != Ordering::Equal {
                    *x *= &h;
                }
            }
            d = Divisor::new(&g);
        }
        let g = d.value();
        if *g != 1 {
            self.den.div_exact_mut(g);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn qs(v: &[(i64, i64)]) -> Vec<Q> {
        v.iter().map(|&(a, b)| Q::frac(a, b)).collect()
    }

    fn ints(v: &[i64]) -> Vec<Integer> {
        v.iter().map(|&x| Integer::from(x)).collect()
    }

    #[test]
    fn content_from_a_candidate_too_large() {
        // den = 3960, true content gcd(3960, 120, 180, 30, 0, −42, 198) = 6; the candidates
        // 180 and 60 are multiples of it that fail at different places, 6 is exact.
        let num = ints(&[120, 180, 30, 0, -42, 198]);
        for cand in [180, 60, 6, 3960] {
            let mut p = QPoly {
                num: num.clone(),
                den: Integer::from(3960),
            };
            p.divide_content_multiple(Integer::from(cand));
            assert_eq!(p.num, ints(&[20, 30, 5, 0, -7, 33]), "candidate {cand}");
            assert_eq!(p.den, 660, "candidate {cand}");
        }
        // A candidate that shrinks to 1 after dividing a numerator leaves everything as it was.
        let mut p = QPoly {
            num: ints(&[6, 12, 5]),
            den: Integer::from(30),
        };
        p.divide_content_multiple(Integer::from(6));
        assert_eq!((p.num, p.den), (ints(&[6, 12, 5]), Integer::from(30)));
    }

    #[test]
    fn canonicalise_keeps_values_and_leaves_no_content() {
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |m: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % m
        };
        for _ in 0..200 {
            let len = 1 + next(12) as usize;
            let k = Integer::from(1 + next(1_000_000)) * Integer::from(1 + next(97));
            let num: Vec<Integer> = (0..len)
                .map(|_| match next(5) {
                    0 => Integer::new(),
                    _ => Integer::from(next(1 << 40) as i64 - (1 << 39)) * &k,
                })
                .collect();
            let den = Integer::from(1 + next(1 << 30)) * &k;
            let mut p = QPoly { num, den };
            let before = p.to_q();
            p.canonicalise();
            assert_eq!(p.to_q(), before);
            let content = p.num.iter().fold(p.den.clone(), |g, c| g.gcd(c));
            assert_eq!(content, 1);
        }
    }

    #[test]
    fn conversion_across_blocks_with_growing_denominators() {
        // (k + 1)/k! over 299!, k < 300: five blocks, each with its own content; and over
        // a denominator of 1.
        let n = 300;
        let fact = |k: u32| Integer::from(Integer::factorial(k));
        let p = QPoly {
            num: (0..n as u32)
                .map(|k| fact(n as u32 - 1) / fact(k) * (k + 1))
                .collect(),
            den: fact(n as u32 - 1),
        };
        let got = p.to_q();
        for (k, q) in got.iter().enumerate() {
            let want = Rational::from((Integer::from(k + 1), fact(k as u32)));
            assert_eq!(q.0, want, "coefficient {k}");
        }
        assert_eq!(p.try_to_q().unwrap(), got);
        let ints = QPoly {
            num: ints(&[3, 0, -4]),
            den: Integer::from(1),
        };
        assert_eq!(ints.to_q(), qs(&[(3, 1), (0, 1), (-4, 1)]));
    }

    /// The three ways a block converts, each against rug's own canonicalisation of every
    /// coefficient: a smooth denominator (factored; random numerators times some of its prime
    /// powers), a denominator with a prime past the bound (gcds), and numerators that divide
    /// the denominator (gcds, which finish after one division).
    #[test]
    fn conversion_by_factoring_agrees_with_gcds() {
        let fact = |k: u32| Integer::from(Integer::factorial(k));
        let smooth_den = fact(250) * Integer::from(Integer::u_pow_u(3, 40));
        let mut seed = 11u64;
        let mut rand = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed >> 1
        };
        for den in [smooth_den.clone(), smooth_den.clone() * 1_000_003u32] {
            let n = 200;
            let num: Vec<Integer> = (0..n)
                .map(|k| {
                    let mut c = Integer::from(rand()) * Integer::from(rand());
                    c *= fact((rand() % 200) as u32);
                    c *= Integer::from(Integer::u_pow_u(7, (rand() % 50) as u32));
                    match k % 5 {
                        0 => Integer::new(),
                        1 => -c,
                        _ => c,
                    }
                })
                .collect();
            let p = QPoly {
                num: num.clone(),
                den: den.clone(),
            };
            for (k, (q, c)) in p.to_q().iter().zip(&num).enumerate() {
                assert_eq!(q.0, Rational::from((c, &den)), "coefficient {k}");
            }
        }
        let divisors = QPoly {
            num: (0..150u32)
                .map(|k| (&smooth_den / fact(k)) * if k % 2 == 0 { 1 } else { -1 })
                .collect(),
            den: smooth_den.clone(),
        };
        for (k, q) in divisors.to_q().iter().enumerate() {
            let sign = if k % 2 == 0 { 1 } else { -1 };
            assert_eq!(q.0, Rational::from((sign, fact(k as u32))), "1/{k}!");
        }
    }
}
