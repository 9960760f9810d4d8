//! Lowest terms over a denominator that factors into small primes, without big gcds: the
//! denominators of exp, sin, tan and erf series are products of factorials and powers of
//! the input's denominators, so a coefficient's gcd with the common denominator is a
//! product of small prime powers, found from residues modulo words. Used by the
//! conversion to rationals ([`super::canonical`]). Imports `rug` and GMP's `mpn_mod_1`.

use rug::Integer;

/// `|x| mod m` for `m > 0`.
#[allow(unsafe_code)]
fn mod_word(x: &Integer, m: u64) -> u64 {
    let limbs = x.as_limbs();
    if limbs.is_empty() {
        return 0;
    }
    // SAFETY: `limbs` is a live slice of its length, and m ≠ 0.
    unsafe {
        gmp_mpfr_sys::gmp::mpn_mod_1(limbs.as_ptr(), limbs.len() as gmp_mpfr_sys::gmp::size_t, m)
    }
}

/// Consecutive entries of `primes` whose product fits a word, as index ranges with that
/// product.
fn word_groups(primes: &[u32]) -> Vec<(u64, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < primes.len() {
        let (mut prod, mut end) = (1u64, start);
        while let Some(next) = primes
            .get(end)
            .and_then(|&p| prod.checked_mul(u64::from(p)))
        {
            prod = next;
            end += 1;
        }
        out.push((prod, start..end));
        start = end;
    }
    out
}

/// Divides `num ≠ 0` by the largest power `p^v` with `v ≤ cap` that divides it, and returns
/// `v`. With `p^j` the largest power of `p` in a word, `r = num mod p^j` gives `v` directly
/// when `r ≠ 0` (then `v_p(num) = v_p(r) < j`), so one pass over `num` finds it and one
/// more divides, however large `v` is below `j`.
#[allow(unsafe_code)]
fn remove_power(num: &mut Integer, p: u32, cap: u32) -> u32 {
    if p == 2 {
        let v = num.find_one(0).unwrap_or(0).min(cap);
        *num >>= v;
        return v;
    }
    let p64 = u64::from(p);
    let (mut j, mut pj) = (1u32, p64);
    while let Some(next) = pj.checked_mul(p64) {
        (j, pj) = (j + 1, next);
    }
    let mut v = 0;
    loop {
        let mut r = mod_word(num, pj);
        // v_p(num mod p^j): j when p^j divides num, else v_p(num) itself.
        let mut found = 0;
        if r == 0 {
            found = j;
        } else {
            while r.is_multiple_of(p64) {
                (r, found) = (r / p64, found + 1);
            }
        }
        let step = found.min(cap - v);
        if step == 0 {
            return v;
        }
        // SAFETY: num is a valid mpz, divided in place by a nonzero word that divides it.
        unsafe {
            gmp_mpfr_sys::gmp::mpz_divexact_ui(num.as_raw_mut(), num.as_raw(), p64.pow(step));
        }
        v += step;
        if step < j {
            return v;
        }
    }
}

/// Primes below this are removed from a numerator one word of powers at a time; the
/// powers of the larger primes dividing both (whose exponents in the denominator are small)
/// are found together by one short gcd.
const SMALL_PRIME: u32 = 64;

/// A positive denominator with its factorisation into primes below a bound.
pub(super) struct SmoothDenominator {
    den: Integer,
    /// `(p, e)` with `p^e` exactly dividing the denominator.
    factors: Vec<(u32, u32)>,
    /// The products of consecutive primes of `factors` that fit a word.
    groups: Vec<(u64, std::ops::Range<usize>)>,
    /// The product of the primes of `factors`.
    radical: Integer,
}

impl SmoothDenominator {
    /// Factors `den > 0` over `primes`; `None` when a prime factor is not among them.
    pub(super) fn factor(den: &Integer, primes: &[u32]) -> Option<SmoothDenominator> {
        let mut rest = den.clone();
        let mut factors = Vec::new();
        for (prod, range) in word_groups(primes) {
            if rest == 1 {
                break;
            }
            let r = mod_word(&rest, prod);
            for &p in &primes[range] {
                if r.is_multiple_of(u64::from(p)) {
                    let e = remove_power(&mut rest, p, u32::MAX);
                    factors.push((p, e));
                }
            }
        }
        if rest != 1 {
            return None;
        }
        let ps: Vec<u32> = factors.iter().map(|&(p, _)| p).collect();
        let radical = ps.iter().fold(Integer::from(1), |acc, &p| acc * p);
        Some(SmoothDenominator {
            den: den.clone(),
            groups: word_groups(&ps),
            factors,
            radical,
        })
    }

    /// `num/den` in lowest terms, as (numerator, denominator).
    pub(super) fn reduce(&self, num: &Integer) -> (Integer, Integer) {
        let residue = Integer::from(num % &self.radical);
        let mut num = num.clone();
        let (mut g, mut large) = (Integer::from(1), Integer::from(1));
        for (prod, range) in &self.groups {
            let r = mod_word(&residue, *prod);
            for &(p, e) in &self.factors[range.clone()] {
                if !r.is_multiple_of(u64::from(p)) {
                    continue;
                }
                if p < SMALL_PRIME {
                    let v = remove_power(&mut num, p, e);
                    g *= Integer::from(Integer::u_pow_u(p, v));
                } else {
                    large *= Integer::from(Integer::u_pow_u(p, e));
                }
            }
        }
        if large != 1 {
            // gcd(num, large) = gcd(num mod large, large): a short gcd.
            let h = Integer::from(&num % &large).gcd(&large);
            if h != 1 {
                num.div_exact_mut(&h);
                g *= h;
            }
        }
        let den = if g == 1 {
            self.den.clone()
        } else {
            Integer::from(self.den.div_exact_ref(&g))
        };
        (num, den)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::number::primes_below;

    #[test]
    fn primes_and_groups() {
        assert_eq!(primes_below(30), [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
        assert_eq!(primes_below(2), Vec::<u32>::new());
        let ps = primes_below(1000);
        assert_eq!(ps.len(), 168);
        let groups = word_groups(&ps);
        // Every prime once, in order, and every product a word.
        let flat: Vec<u32> = groups
            .iter()
            .flat_map(|(_, r)| ps[r.clone()].to_vec())
            .collect();
        assert_eq!(flat, ps);
        for (prod, r) in &groups {
            let want = ps[r.clone()].iter().fold(1u128, |a, &p| a * u128::from(p));
            assert_eq!(u128::from(*prod), want);
        }
    }

    /// Lowest terms against rug's canonical rationals, for numerators sharing none, some
    /// and all of a factorial-like denominator's prime powers, and for a denominator with a
    /// prime past the bound (refused).
    #[test]
    fn lowest_terms_agree_with_gcds() {
        let primes = primes_below(200);
        let mut den = Integer::from(1);
        for k in 1..=150u32 {
            den *= k;
        }
        den *= Integer::from(Integer::u_pow_u(7, 30)) * 4u32;
        let s = SmoothDenominator::factor(&den, &primes).expect("smooth");
        let mut seed = 3u64;
        for case in 0..200u32 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // A random part times some of the denominator's prime powers.
            let mut num = Integer::from(seed >> 3) + 1u32;
            for p in primes.iter().filter(|&&p| (seed >> (p % 61)) & 1 == 1) {
                num *= Integer::from(Integer::u_pow_u(*p, 1 + (case + p) % 9));
            }
            if case % 2 == 1 {
                num = -num;
            }
            if case == 7 {
                num = den.clone() * 3u32;
            }
            let (n, d) = s.reduce(&num);
            let want = rug::Rational::from((&num, &den));
            assert_eq!((&n, &d), (want.numer(), want.denom()), "case {case}");
        }
        assert!(SmoothDenominator::factor(&(den.clone() * 211u32), &primes).is_none());
        assert!(SmoothDenominator::factor(&Integer::from(1), &primes).is_some());
    }
}
