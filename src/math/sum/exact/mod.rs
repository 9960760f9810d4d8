//! Exact finite sums `Σ_{n=lo}^{hi} a(n)` for integer bounds: rational terms (times `(−1)^n`)
//! by partial fractions and binary splitting, polynomials in closed form, hypergeometric terms
//! by P/Q/T binary splitting anchored at exact term values, and anything else term by term
//! (at most [`MAX_DIRECT_TERMS`]). Refuses early, with the reason, when the range or the exact
//! value would be absurdly large.

mod intpoly;
mod recip;
mod split;

use crate::math::expr::subst::subs;
use crate::math::expr::{add, mul, Expr, MResult, MathError};
use crate::math::number::{MAX_EXACT_BITS, Q};
use crate::math::poly::roots::{integer_roots_in, split_integer_roots};
use crate::math::poly::{partial_fractions, rational_function, Poly};
use crate::math::sum::hyper;
use intpoly::ZPoly;
use recip::{inverse_power_sum, Piece, MAX_INDEX};
use rug::{Integer, Rational};
use split::{fraction_sum, hyper_sum, Frac, FracTerms};
use std::collections::BTreeMap;

/// Most terms of a rational or hypergeometric sum added by binary splitting (terms whose
/// weights cancel, as in telescoping sums, do not count).
pub const MAX_SPLIT_TERMS: u64 = 20_000_000;
/// Largest intermediate (unnormalised) numerator or denominator, in bits, that binary
/// splitting may build (≈ 50 MB).
const MAX_SPLIT_BITS: f64 = 4e8;

/// The exact value of `Σ_{n=lo}^{hi} a(n)`; 0 when `hi < lo`.
pub fn finite_sum(a: &Expr, n: &str, lo: &Integer, hi: &Integer) -> MResult<Expr> {
    super::install();
    if hi < lo {
        return Ok(Expr::zero());
    }
    let count = Integer::from(hi - lo) + 1u32;
    if !a.depends_on(n) {
        return mul(vec![a.clone(), Expr::Num(Q::from_integer(count))]);
    }
    // Constant factors come out of the sum.
    if let Expr::Mul(fs) = a {
        let (c, v): (Vec<Expr>, Vec<Expr>) = fs.iter().cloned().partition(|f| !f.depends_on(n));
        if !c.is_empty() {
            let inner = finite_sum(&mul(v)?, n, lo, hi)?;
            return mul(vec![mul(c)?, inner]);
        }
    }
    if let Some(shape) = Shape::recognise(a, n)? {
        return shape.sum(a, n, lo, hi);
    }
    if let Expr::Add(ts) = a {
        let parts = ts
            .iter()
            .map(|t| finite_sum(t, n, lo, hi))
            .collect::<MResult<Vec<_>>>()?;
        return add(parts);
    }
    if let Some(h) = hyper::decompose(a, n)? {
        if !h.num.is_zero() && !h.den.is_zero() {
            return hyper_range_sum(&h.term, n, &h.num, &h.den, lo, hi);
        }
    }
    term_by_term(a, n, lo, hi, &count)
}

/// `a(n) = coef · base^n · p(n)/q(n)` with rational `coef`, `base` and coefficients.
struct Shape {
    coef: Q,
    base: Q,
    p: Poly,
    q: Poly,
}

impl Shape {
    fn recognise(a: &Expr, n: &str) -> MResult<Option<Shape>> {
        let one = || Poly::constant(Q::one());
        let mut s = Shape {
            coef: Q::one(),
            base: Q::one(),
            p: one(),
            q: one(),
        };
        let factors = match a {
            Expr::Mul(fs) => fs.as_slice(),
            _ => std::slice::from_ref(a),
        };
        for f in factors {
            if let Some((p, q)) = rational_function(f, n) {
                s.p = s.p.mul(&p);
                s.q = s.q.mul(&q);
                continue;
            }
            let Expr::Pow(b, e) = f else {
                return Ok(None);
            };
            let (Expr::Num(c), Some((pe, qe))) = (&**b, rational_function(e, n)) else {
                return Ok(None);
            };
            // c^(αn + β) with integers α, β.
            if c.is_zero() || qe.degree() != 0 || pe.degree() > 1 {
                return Ok(None);
            }
            let at = |i: usize| pe.c.get(i).cloned().unwrap_or_else(Q::zero).div(&qe.c[0]);
            let (alpha, beta) = (at(1)?, at(0)?);
            let (Some(al), Some(be)) = (alpha.to_i64(), beta.to_i64()) else {
                return Ok(None);
            };
            let bits = u64::from(c.numer().significant_bits() + c.denom().significant_bits());
            if al.unsigned_abs().saturating_mul(bits) > 1 << 16 {
                return Ok(None);
            }
            s.base = s.base.mul(&c.pow_int(&Integer::from(al))?);
            s.coef = s.coef.mul(&c.pow_int(&Integer::from(be))?);
        }
        Ok(Some(s))
    }

    fn sum(&self, a: &Expr, n: &str, lo: &Integer, hi: &Integer) -> MResult<Expr> {
        if self.q.is_zero() {
            return Err(MathError::DivisionByZero);
        }
        if let Some(r) = integer_roots_in(&self.q, lo, hi)?.first() {
            return Err(undefined_at(a, n, r));
        }
        let g = self.p.gcd(&self.q);
        let (p, q) = (self.p.div_rem(&g).0, self.q.div_rem(&g).0);
        if self.base.is_one() || self.base == Q::int(-1) {
            let s = rational_sum(&p, &q, self.base.is_negative(), lo, hi)?;
            return Ok(Expr::Num(s.mul(&self.coef)));
        }
        // coef·c^n·p/q is hypergeometric: a(k+1)/a(k) = c·p(k+1)q(k) / (p(k)q(k+1)).
        let shift = |f: &Poly| f.shift(&Q::one());
        let num = shift(&p).mul(&q).scale(&self.base);
        let den = p.mul(&shift(&q));
        let g = num.gcd(&den);
        hyper_range_sum(a, n, &num.div_rem(&g).0, &den.div_rem(&g).0, lo, hi)
    }
}

fn undefined_at(a: &Expr, n: &str, k: &Integer) -> MathError {
    MathError::Domain(format!(
        "the term {a} is undefined at {n} = {k} (division by zero), inside the range of the sum"
    ))
}

/// `Σ_{k=lo}^{hi} ε^k p(k)/q(k)` (ε = −1 when `alternating`) for `p/q` reduced and `q` free of
/// integer roots in the range.
fn rational_sum(p: &Poly, q: &Poly, alternating: bool, lo: &Integer, hi: &Integer) -> MResult<Q> {
    if p.is_zero() {
        return Ok(Q::zero());
    }
    if q.degree() == 0 {
        let p = p.scale(&q.c[0].recip()?);
        let bits = (p.degree() as u64 + 1)
            * u64::from(lo.significant_bits().max(hi.significant_bits()))
            + p.c
                .iter()
                .map(|c| u64::from(c.numer().significant_bits()))
                .max()
                .unwrap_or(0);
        if bits as f64 > MAX_EXACT_BITS as f64 {
            return Err(MathError::TooLarge(
                "a polynomial sum over such a range".into(),
            ));
        }
        return if alternating {
            intpoly::alternating_poly_sum(&p, lo, hi)
        } else {
            intpoly::poly_sum(&p, lo, hi)
        };
    }
    if let Some(roots) = split_integer_roots(q)? {
        if let Some(s) = partial_fraction_sum(p, q, &roots, alternating, lo, hi)? {
            return Ok(s);
        }
    }
    general_rational_sum(p, q, alternating, lo, hi)
}

/// The sum through the partial fractions `c/(k − r)^j` of `p/q`, each a weighted sum of
/// inverse powers over a shifted range; `None` when an index leaves the engine's range.
fn partial_fraction_sum(
    p: &Poly,
    q: &Poly,
    roots: &[(Integer, u32)],
    alternating: bool,
    lo: &Integer,
    hi: &Integer,
) -> MResult<Option<Q>> {
    let roots: Vec<(Q, usize)> = roots
        .iter()
        .map(|(r, m)| (Q::from_integer(r.clone()), *m as usize))
        .collect();
    let pf = partial_fractions(p, q, &roots);
    let mut by_power: BTreeMap<u32, Vec<Piece>> = BTreeMap::new();
    for (r, j, c) in &pf.terms {
        let (r, j) = (r.numer(), *j as u32);
        // ε^k = ε^m ε^r with m = k − r, and m ranges over [lo − r, hi − r] ∌ 0.
        let mut w = c.clone();
        if alternating && r.is_odd() {
            w = w.neg();
        }
        let (ml, mh) = (Integer::from(lo - r), Integer::from(hi - r));
        let (ml, mh) = if ml.cmp0() == std::cmp::Ordering::Greater {
            (ml, mh)
        } else {
            // m = −m': 1/m^j = (−1)^j / m'^j and ε^m = ε^m'.
            if j % 2 == 1 {
                w = w.neg();
            }
            (-mh, -ml)
        };
        let (Some(ml), Some(mh)) = (ml.to_u64(), mh.to_u64()) else {
            return Ok(None);
        };
        if mh >= MAX_INDEX {
            return Ok(None);
        }
        by_power
            .entry(j)
            .or_default()
            .push(Piece { lo: ml, hi: mh, w });
    }
    let mut total = if alternating {
        intpoly::alternating_poly_sum(&pf.poly, lo, hi)?
    } else {
        intpoly::poly_sum(&pf.poly, lo, hi)?
    };
    for (s, pieces) in by_power {
        total = total.add(&inverse_power_sum(
            s,
            alternating,
            &pieces,
            MAX_SPLIT_TERMS,
        )?);
    }
    Ok(Some(total))
}

/// `ε^k p(k)/q(k)` for `k = lo + i`, with `p`, `q` shifted to `lo`.
struct RationalTerms {
    p: ZPoly,
    q: ZPoly,
    len: u64,
    /// Whether the term at `i = 0` carries the sign −1.
    negate_even: bool,
    alternating: bool,
}

impl FracTerms for RationalTerms {
    fn len(&self) -> u64 {
        self.len
    }
    fn term(&self, i: u64) -> Frac {
        let neg = (self.alternating && i % 2 == 1) != self.negate_even;
        let x = i128::from(i);
        if let (Some(mut a), Some(mut b)) = (self.p.eval_small(x), self.q.eval_small(x)) {
            if b < 0 {
                (a, b) = (a.wrapping_neg(), b.wrapping_neg());
            }
            if a != i128::MIN && b > 0 {
                return Frac::Small(if neg { -a } else { a }, b as u128);
            }
        }
        let k = Integer::from(i);
        let (mut a, mut b) = (self.p.eval(&k), self.q.eval(&k));
        if b.cmp0() == std::cmp::Ordering::Less {
            b = -b;
            a = -a;
        }
        Frac::Big(if neg { -a } else { a }, b)
    }
}

/// `Σ ε^k p(k)/q(k)` by one binary-splitting tree over all the terms and one gcd.
fn general_rational_sum(
    p: &Poly,
    q: &Poly,
    alternating: bool,
    lo: &Integer,
    hi: &Integer,
) -> MResult<Q> {
    let len = split_len(lo, hi, "rational")?;
    let (Some((zp, fp)), Some((zq, fq))) = (ZPoly::from_poly(p), ZPoly::from_poly(q)) else {
        return Ok(Q::zero());
    };
    let (zp, zq) = (zp.shift(lo), zq.shift(lo));
    check_split_bits(len, zp.end_bits(len) + zq.end_bits(len))?;
    let terms = RationalTerms {
        p: zp,
        q: zq,
        len,
        negate_even: alternating && lo.is_odd(),
        alternating,
    };
    let (x, v) = fraction_sum(&terms)?;
    Ok(Q(Rational::from((x, v))).mul(&fp.div(&fq)?))
}

/// The number of terms `hi − lo + 1` when binary splitting may take them.
fn split_len(lo: &Integer, hi: &Integer, kind: &str) -> MResult<u64> {
    let len = Integer::from(hi - lo) + 1u32;
    match len.to_u64() {
        Some(l) if l <= MAX_SPLIT_TERMS => Ok(l),
        _ => Err(MathError::TooLarge(format!(
            "a sum of {len} {kind} terms (sigma adds at most {MAX_SPLIT_TERMS} exactly)"
        ))),
    }
}

fn check_split_bits(len: u64, bits_per_term: u64) -> MResult<()> {
    let bits = len as f64 * bits_per_term as f64;
    if bits > MAX_SPLIT_BITS {
        return Err(MathError::TooLarge(format!(
            "a sum whose exact evaluation needs numbers of about {:.0} million digits",
            bits * std::f64::consts::LOG10_2 / 1e6
        )));
    }
    Ok(())
}

/// `Σ_{k=lo}^{hi} a(k)` for a hypergeometric term with `a(k+1)/a(k) = num(k)/den(k)` where both
/// are non-zero. The range is cut after every `k` where `num` or `den` vanishes (the ratio says
/// nothing there) and each piece is anchored at its exact first term.
fn hyper_range_sum(
    term: &Expr,
    n: &str,
    num: &Poly,
    den: &Poly,
    lo: &Integer,
    hi: &Integer,
) -> MResult<Expr> {
    let last_link = Integer::from(hi - 1u32);
    let mut cuts = integer_roots_in(num, lo, &last_link)?;
    cuts.extend(integer_roots_in(den, lo, &last_link)?);
    cuts.sort();
    cuts.dedup();
    let (Some((zn, fnum)), Some((zd, fden))) = (ZPoly::from_poly(num), ZPoly::from_poly(den))
    else {
        return Err(MathError::Unsupported("internal: a zero ratio".into()));
    };
    // The ratio as integer polynomials: (u·zn)/(v·zd) with fnum/fden = u/v.
    let c = fnum.div(&fden)?;
    let zn = ZPoly::new(zn.c.iter().map(|a| Integer::from(a * c.numer())).collect());
    let zd = ZPoly::new(zd.c.iter().map(|a| Integer::from(a * c.denom())).collect());
    let mut parts = Vec::new();
    let mut start = lo.clone();
    let at = |k: &Integer| {
        subs(term, n, &Expr::Num(Q::from_integer(k.clone()))).map_err(|e| match e {
            MathError::DivisionByZero => undefined_at(term, n, k),
            other => other,
        })
    };
    for end in cuts.into_iter().chain(std::iter::once(hi.clone())) {
        let mut anchor = at(&start)?;
        // Where a(k) = 0 the ratio says nothing about a(k+1): a zero anchor stands for a zero
        // piece only if the next term is zero too (a hypergeometric term leaves a run of zeros
        // only where den vanishes, which is a cut).
        while anchor.is_zero() && start < end {
            let next = at(&Integer::from(&start + 1u32))?;
            if next.is_zero() {
                break;
            }
            start += 1u32;
            anchor = next;
        }
        if !anchor.is_zero() {
            let len = split_len(&start, &end, "hypergeometric")? - 1;
            let value = if len == 0 {
                Q::one()
            } else {
                let (sn, sd) = (zn.shift(&start), zd.shift(&start));
                check_split_bits(len, sn.end_bits(len).max(sd.end_bits(len)))?;
                let (t, q) = hyper_sum(&sn, &sd, len)?;
                Q(Rational::from((q.clone() + t, q)))
            };
            parts.push(mul(vec![anchor, Expr::Num(value)])?);
        }
        start = end + 1u32;
    }
    add(parts)
}

/// Largest number of terms summed one by one, for terms that are not hypergeometric (√n,
/// sin n, …). Rational and hypergeometric terms are summed exactly by binary splitting, up
/// to their own, much larger, limits.
pub const MAX_DIRECT_TERMS: i64 = 100_000;

/// Most bits of exact terms added one by one in one sum (≈ 600 million digits): the work of
/// a sum of 100,000 terms of 20,000 bits each, a few seconds.
pub const MAX_DIRECT_BITS: u64 = 20 * MAX_EXACT_BITS;

/// Terms added together by binary splitting before joining the running total: memory stays
/// that of one chunk, however long the sum.
const CHUNK_TERMS: usize = 1024;

/// `Σ a(k)` one term at a time through substitution, at most [`MAX_DIRECT_TERMS`] terms and
/// [`MAX_DIRECT_BITS`] bits of terms (predicted from the last term before starting, counted
/// while adding), in chunks, with the running total bounded by [`MAX_EXACT_BITS`].
fn term_by_term(a: &Expr, n: &str, lo: &Integer, hi: &Integer, count: &Integer) -> MResult<Expr> {
    if *count > MAX_DIRECT_TERMS {
        return Err(MathError::Unsupported(format!(
            "the term {a} is not hypergeometric in {n} (its ratio a({n}+1)/a({n}) is not a \
             rational function), so sigma adds it one term at a time, at most \
             {MAX_DIRECT_TERMS} terms; this sum has {count}"
        )));
    }
    let count_u = count.to_u64().unwrap_or(u64::MAX);
    let too_many_bits = |bits: u64| {
        let digits = (bits as f64 * std::f64::consts::LOG10_2) as u64;
        MathError::TooLarge(format!(
            "adding {count} terms of up to {digits} digits each one by one (at most about \
             {} digits in all)",
            (MAX_DIRECT_BITS as f64 * std::f64::consts::LOG10_2) as u64
        ))
    };
    // Terms usually grow: the last one predicts the work before any is done.
    if let Expr::Num(q) = subs(a, n, &Expr::Num(Q::from_integer(hi.clone())))? {
        if q.bits().saturating_mul(count_u) > MAX_DIRECT_BITS {
            return Err(too_many_bits(q.bits()));
        }
    }
    let mut total = Q::zero();
    let mut numbers = Vec::new();
    let mut others = Vec::new();
    let (mut done_bits, mut widest) = (0u64, 0u64);
    let mut k = lo.clone();
    while k <= *hi {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        match subs(a, n, &Expr::Num(Q::from_integer(k.clone())))? {
            Expr::Num(q) => {
                widest = widest.max(q.bits());
                done_bits += q.bits();
                numbers.push(q);
            }
            e => others.push(e),
        }
        if done_bits > MAX_DIRECT_BITS {
            return Err(too_many_bits(widest));
        }
        if numbers.len() >= CHUNK_TERMS {
            total = total.checked_add(&chunk_sum(std::mem::take(&mut numbers))?)?;
        }
        k += 1u32;
    }
    total = total.checked_add(&chunk_sum(numbers)?)?;
    others.push(Expr::Num(total));
    add(others)
}

/// The exact sum of some rational terms, by binary splitting.
fn chunk_sum(numbers: Vec<Q>) -> MResult<Q> {
    if numbers.is_empty() {
        return Ok(Q::zero());
    }
    let (x, v) = fraction_sum(&QTerms(numbers))?;
    Ok(Q(Rational::from((x, v))))
}

/// Exact rational terms already computed.
struct QTerms(Vec<Q>);

impl FracTerms for QTerms {
    fn len(&self) -> u64 {
        self.0.len() as u64
    }
    fn term(&self, i: u64) -> Frac {
        let q = &self.0[i as usize];
        Frac::Big(q.numer().clone(), q.denom().clone())
    }
}
