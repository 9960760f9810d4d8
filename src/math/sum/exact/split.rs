//! Binary splitting engines for exact finite sums: a balanced tree of unnormalised fractions
//! `p1 q2 + p2 q1 / q1 q2` whose leaves are accumulated in machine words, the P/Q/T tree of a
//! hypergeometric sum, size-ordered merging of a few partial sums, and product trees. Nothing
//! here normalises: callers take one gcd at the end.

use super::intpoly::ZPoly;
use crate::math::expr::{MResult, MathError};
use rug::Integer;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Terms per leaf of the fraction tree (summed one by one, in machine words where possible).
const FRACTION_LEAF: u64 = 48;
/// Terms per leaf of the hypergeometric tree.
const HYPER_LEAF: u64 = 16;

/// One term `num/den` (den > 0) of a sum of fractions.
pub enum Frac {
    Small(i128, u128),
    Big(Integer, Integer),
}

/// The terms `0..len()` of a sum of fractions.
pub trait FracTerms {
    fn len(&self) -> u64;
    fn term(&self, i: u64) -> Frac;
}

fn check_interrupt() -> MResult<()> {
    if crate::math::interrupted() {
        Err(MathError::Interrupted)
    } else {
        Ok(())
    }
}

/// Σ of all the terms as an unnormalised fraction `(num, den)` with `den > 0`.
pub fn fraction_sum<T: FracTerms>(t: &T) -> MResult<(Integer, Integer)> {
    fraction_rec(t, 0, t.len())
}

fn fraction_rec<T: FracTerms>(t: &T, a: u64, b: u64) -> MResult<(Integer, Integer)> {
    if b - a <= FRACTION_LEAF {
        return Ok(fraction_leaf(t, a, b));
    }
    check_interrupt()?;
    let m = a + (b - a) / 2;
    let left = fraction_rec(t, a, m)?;
    let right = fraction_rec(t, m, b)?;
    Ok(add_fractions(left, right))
}

/// `p1/q1 + p2/q2` without normalising.
pub fn add_fractions(
    (p1, q1): (Integer, Integer),
    (p2, q2): (Integer, Integer),
) -> (Integer, Integer) {
    let mut p = p1 * &q2;
    p += &p2 * &q1;
    (p, q1 * q2)
}

/// `p/q + x/y` in machine words, or `None` on overflow.
fn add_small(p: i128, q: u128, x: i128, y: u128) -> Option<(i128, u128)> {
    let nq = q.checked_mul(y)?;
    let yi = i128::try_from(y).ok()?;
    let qi = i128::try_from(q).ok()?;
    let np = p.checked_mul(yi)?.checked_add(x.checked_mul(qi)?)?;
    Some((np, nq))
}

fn fraction_leaf<T: FracTerms>(t: &T, a: u64, b: u64) -> (Integer, Integer) {
    let (mut bp, mut bq) = (Integer::new(), Integer::from(1));
    let (mut p, mut q): (i128, u128) = (0, 1);
    let flush = |bp: &mut Integer, bq: &mut Integer, p: i128, q: u128| {
        if q != 1 {
            *bp *= q;
        }
        *bp += &*bq * p;
        if q != 1 {
            *bq *= q;
        }
    };
    for i in a..b {
        match t.term(i) {
            Frac::Small(x, y) => match add_small(p, q, x, y) {
                Some((np, nq)) => (p, q) = (np, nq),
                None => {
                    flush(&mut bp, &mut bq, p, q);
                    (p, q) = (x, y);
                }
            },
            Frac::Big(x, y) => {
                flush(&mut bp, &mut bq, p, q);
                (p, q) = (0, 1);
                bp *= &y;
                bp += &x * &bq;
                bq *= y;
            }
        }
    }
    flush(&mut bp, &mut bq, p, q);
    (bp, bq)
}

/// The value of an integer polynomial at a small argument.
fn value(p: &ZPoly, j: u64) -> Integer {
    match p.eval_small(i128::from(j)) {
        Some(v) => Integer::from(v),
        None => p.eval(&Integer::from(j)),
    }
}

/// A node of the hypergeometric tree over `[a, b)`: `p = ∏ num(j)` (when asked for),
/// `q = ∏ den(j)`, and `t/q = Σ_{k=a+1}^{b} ∏_{j=a}^{k−1} num(j)/den(j)`.
struct Node {
    p: Option<Integer>,
    q: Integer,
    t: Integer,
}

/// `(t, q)` with `t/q = Σ_{k=1}^{len} ∏_{j=0}^{k−1} num(j)/den(j)`; `den(j) ≠ 0` for `j < len`.
pub fn hyper_sum(num: &ZPoly, den: &ZPoly, len: u64) -> MResult<(Integer, Integer)> {
    if len == 0 {
        return Ok((Integer::new(), Integer::from(1)));
    }
    let node = hyper_rec(num, den, 0, len, false)?;
    Ok((node.t, node.q))
}

fn hyper_rec(num: &ZPoly, den: &ZPoly, a: u64, b: u64, need_p: bool) -> MResult<Node> {
    if b - a <= HYPER_LEAF {
        let (mut p, mut q, mut t) = (Integer::from(1), Integer::from(1), Integer::new());
        for j in a..b {
            let (nj, dj) = (value(num, j), value(den, j));
            t *= &dj;
            t += &p * &nj;
            p *= nj;
            q *= dj;
        }
        return Ok(Node {
            p: need_p.then_some(p),
            q,
            t,
        });
    }
    check_interrupt()?;
    let m = a + (b - a) / 2;
    let l = hyper_rec(num, den, a, m, true)?;
    let r = hyper_rec(num, den, m, b, need_p)?;
    let lp = l.p.unwrap_or_default();
    let mut t = l.t * &r.q;
    t += &lp * &r.t;
    let p = match r.p {
        Some(rp) if need_p => Some(lp * rp),
        _ => None,
    };
    Ok(Node { p, q: l.q * r.q, t })
}

/// Σ of a few unnormalised fractions, always combining the two smallest (a Huffman order
/// keeps the multiplications balanced when the parts have very different sizes).
pub fn merge_fractions(items: Vec<(Integer, Integer)>) -> MResult<(Integer, Integer)> {
    let size = |f: &(Integer, Integer)| f.0.significant_bits() + f.1.significant_bits();
    let mut store: Vec<Option<(Integer, Integer)>> = Vec::with_capacity(items.len() * 2);
    let mut heap = BinaryHeap::new();
    for f in items {
        heap.push(Reverse((size(&f), store.len())));
        store.push(Some(f));
    }
    loop {
        check_interrupt()?;
        let Some(Reverse((_, i))) = heap.pop() else {
            return Ok((Integer::new(), Integer::from(1)));
        };
        let Some(Reverse((_, j))) = heap.pop() else {
            return Ok(store[i]
                .take()
                .unwrap_or_else(|| (Integer::new(), Integer::from(1))));
        };
        let (Some(x), Some(y)) = (store[i].take(), store[j].take()) else {
            return Err(MathError::Unsupported(
                "internal: lost a partial sum".into(),
            ));
        };
        let f = add_fractions(x, y);
        heap.push(Reverse((size(&f), store.len())));
        store.push(Some(f));
    }
}

/// ∏ of the factors, multiplied along a balanced tree (word-sized factors first combined in
/// machine words).
pub fn product(factors: &[Integer]) -> MResult<Integer> {
    if factors.len() <= 8 {
        let mut r = Integer::from(1);
        for f in factors {
            r *= f;
        }
        return Ok(r);
    }
    check_interrupt()?;
    let m = factors.len() / 2;
    Ok(product(&factors[..m])? * product(&factors[m..])?)
}

/// ∏ of word-sized factors (packed two or more to a word when they fit).
pub fn product_u64(factors: &[u64]) -> MResult<Integer> {
    let mut packed: Vec<Integer> = Vec::with_capacity(factors.len() / 2 + 1);
    let mut acc: u64 = 1;
    for &f in factors {
        match acc.checked_mul(f) {
            Some(v) => acc = v,
            None => {
                packed.push(Integer::from(acc));
                acc = f;
            }
        }
    }
    packed.push(Integer::from(acc));
    product(&packed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rug::ops::Pow;
    use rug::Rational;

    struct Recip(u64);
    impl FracTerms for Recip {
        fn len(&self) -> u64 {
            self.0
        }
        fn term(&self, i: u64) -> Frac {
            if i % 7 == 3 {
                Frac::Big(Integer::from(-1), Integer::from(i + 1))
            } else {
                Frac::Small(1, u128::from(i + 1))
            }
        }
    }

    #[test]
    fn fraction_tree_matches_loop() {
        for n in [0u64, 1, 5, 48, 49, 200, 1000] {
            let (p, q) = fraction_sum(&Recip(n)).unwrap();
            let got = Rational::from((p, q));
            let mut want = Rational::new();
            for i in 0..n {
                let s = if i % 7 == 3 { -1 } else { 1 };
                want += Rational::from((s, i + 1));
            }
            assert_eq!(got, want, "n = {n}");
        }
    }

    #[test]
    fn hyper_tree_matches_loop() {
        // ratio (j + 2)/(3 (j + 1)): terms (k + 1)/3^k
        let num = ZPoly::new(vec![Integer::from(2), Integer::from(1)]);
        let den = ZPoly::new(vec![Integer::from(3), Integer::from(3)]);
        for len in [0u64, 1, 16, 17, 100] {
            let (t, q) = hyper_sum(&num, &den, len).unwrap();
            let got = Rational::from((t, q));
            let mut want = Rational::new();
            for k in 1..=len {
                want += Rational::from((k + 1, Integer::from(3).pow(k as u32)));
            }
            assert_eq!(got, want, "len = {len}");
        }
    }

    #[test]
    fn merging_and_products() {
        let items = (1..20u64)
            .map(|i| (Integer::from(1), Integer::from(i * i)))
            .collect();
        let (p, q) = merge_fractions(items).unwrap();
        let mut want = Rational::new();
        for i in 1..20u64 {
            want += Rational::from((1, i * i));
        }
        assert_eq!(Rational::from((p, q)), want);
        let f: Vec<u64> = (1..=30).collect();
        assert_eq!(
            product_u64(&f).unwrap(),
            Integer::from(Integer::factorial(30))
        );
    }
}
