//! Prime factors of mid-sized integers by Pollard's rho (Brent's variant) under a budget of
//! iterations, for the surd reduction: the cofactor that trial division leaves, such as
//! `1000000007² · 1000000009`, splits in milliseconds, and a number too large or too hard
//! to split within the budget is left alone (the caller keeps it whole, which is still exact).

use rug::integer::IsPrime;
use rug::Integer;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// Cofactors above this many bits are not attempted: rho's work grows with the square root of
/// the smallest prime factor, which in such numbers is rarely small.
pub const MAX_BITS: u32 = 192;

/// Iterations (one modular squaring each) allowed over a whole factorisation.
pub const BUDGET: u64 = 200_000;

/// The prime factors of `n > 1`, with repetition and increasing, when `n` has at most
/// [`MAX_BITS`] bits and splits completely within [`BUDGET`] iterations; `None` otherwise.
/// Primality is decided by Miller–Rabin with 30 rounds (a composite passes with probability
/// below 4^-30).
pub fn prime_factors(n: &Integer) -> Option<Vec<Integer>> {
    if *n <= 1 || n.significant_bits() > MAX_BITS {
        return None;
    }
    // Canonical forms rebuild the same surd many times: remember the answers (failures most
    // of all, which spend the whole budget), forgetting them all when the table fills.
    static MEMO: OnceLock<Mutex<HashMap<Integer, Option<Vec<Integer>>>>> = OnceLock::new();
    let memo = MEMO.get_or_init(Default::default);
    if let Some(known) = memo.lock().ok().and_then(|m| m.get(n).cloned()) {
        return known;
    }
    let found = factorise(n);
    if let Ok(mut m) = memo.lock() {
        if m.len() >= MEMO_SIZE {
            m.clear();
        }
        m.insert(n.clone(), found.clone());
    }
    found
}

/// Entries [`prime_factors`] remembers before starting afresh.
const MEMO_SIZE: usize = 4096;

/// [`prime_factors`] without the memo.
fn factorise(n: &Integer) -> Option<Vec<Integer>> {
    let mut budget = BUDGET;
    let mut primes = Vec::new();
    let mut stack = vec![n.clone()];
    while let Some(m) = stack.pop() {
        if m == 1 {
            continue;
        }
        if m.is_probably_prime(30) != IsPrime::No {
            primes.push(m);
            continue;
        }
        if m.is_perfect_square() {
            let r = m.sqrt();
            stack.push(r.clone());
            stack.push(r);
            continue;
        }
        let d = split(&m, &mut budget)?;
        let rest = Integer::from(&m / &d);
        stack.push(d);
        stack.push(rest);
    }
    primes.sort();
    Some(primes)
}

/// A factor of the composite `n` strictly between 1 and `n`, by Brent's rho with the
/// polynomials x² + c for c = 1, 2, …, spending iterations from `budget`.
fn split(n: &Integer, budget: &mut u64) -> Option<Integer> {
    if n.is_even() {
        return Some(Integer::from(2));
    }
    for c in 1u32..=16 {
        if let Some(d) = brent(n, c, budget) {
            return Some(d);
        }
        if *budget == 0 {
            return None;
        }
    }
    None
}

/// One run of Brent's cycle search for x ↦ x² + c mod n: a proper factor, or `None` when the
/// run closes on `n` itself or the budget runs out.
fn brent(n: &Integer, c: u32, budget: &mut u64) -> Option<Integer> {
    const BATCH: u64 = 64;
    let step = |y: &Integer| -> Integer { (Integer::from(y * y) + c) % n };
    let mut y = Integer::from(2);
    let mut x = y.clone();
    let mut ys = y.clone();
    let mut q = Integer::from(1);
    let mut g = Integer::from(1);
    let mut r: u64 = 1;
    while g == 1 {
        x.clone_from(&y);
        for _ in 0..r {
            y = step(&y);
        }
        *budget = budget.saturating_sub(r);
        let mut k = 0;
        while k < r && g == 1 {
            ys.clone_from(&y);
            let m = BATCH.min(r - k);
            for _ in 0..m {
                y = step(&y);
                q = (q * Integer::from(&x - &y).abs()) % n;
            }
            g = q.clone().gcd(n);
            k += m;
            *budget = budget.saturating_sub(m);
        }
        if *budget == 0 && g == 1 {
            return None;
        }
        r *= 2;
    }
    if g == *n {
        // The batch overshot: retrace it one step at a time.
        loop {
            ys = step(&ys);
            g = Integer::from(&x - &ys).abs().gcd(n);
            if g > 1 {
                break;
            }
        }
    }
    (g > 1 && g < *n).then_some(g)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(s: &str) -> Integer {
        s.parse().unwrap()
    }

    #[test]
    fn splits_products_of_large_primes_and_their_powers() {
        let p = int("1000000007");
        let q = int("1000000009");
        let n = Integer::from(&p * &p) * &q;
        assert_eq!(
            prime_factors(&n),
            Some(vec![p.clone(), p.clone(), q.clone()])
        );
        let cube = Integer::from(&q * &q) * &q * &p;
        assert_eq!(
            prime_factors(&cube),
            Some(vec![p.clone(), q.clone(), q.clone(), q])
        );
        assert_eq!(prime_factors(&p), Some(vec![p]));
        assert_eq!(prime_factors(&Integer::from(1)), None);
    }

    #[test]
    fn gives_up_on_numbers_too_large_to_attempt() {
        let big = Integer::from(1) << 400u32;
        assert_eq!(prime_factors(&(big + 1u32)), None);
    }
}
