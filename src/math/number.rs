//! Exact rational numbers `Q` (GMP through `rug`) and the exact integer helpers the
//! expression layer needs: perfect-power extraction for surds, bounded powers, factorials.

use rug::ops::Pow;
use rug::{Integer, Rational};
use std::cmp::Ordering;
use std::fmt;

/// Largest number of bits an exact intermediate result may have before sigma refuses
/// (≈ 30 million decimal digits): keeps `2^(10^12)` from exhausting memory.
pub const MAX_EXACT_BITS: u64 = 100_000_000;

/// Refuses a result predicted to have `bits` bits when that passes [`MAX_EXACT_BITS`].
pub fn check_bits(bits: u64, what: &str) -> Result<(), NumError> {
    if bits > MAX_EXACT_BITS {
        let digits = (bits as f64 * std::f64::consts::LOG10_2) as u64;
        return Err(NumError::TooLarge(format!(
            "{what} of about {digits} digits"
        )));
    }
    Ok(())
}

/// An exact rational number, always in lowest terms.
#[derive(PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Q(pub Rational);

/// A zero is made afresh rather than copied: a new zero allocates one limb (the denominator
/// 1), GMP's copy of one allocates two, and dense series are mostly zeros.
impl Clone for Q {
    fn clone(&self) -> Q {
        if self.is_zero() {
            Q::zero()
        } else {
            Q(self.0.clone())
        }
    }
}

/// Why an exact operation could not produce a number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumError {
    #[error("division by zero")]
    DivisionByZero,
    #[error("0^0 is undefined")]
    ZeroToZero,
    #[error("{0} is too large to compute exactly")]
    TooLarge(String),
}

impl Q {
    /// The integer `n` as a rational.
    pub fn int(n: i64) -> Q {
        Q(Rational::from(n))
    }
    /// `n/d`; `d` must be non-zero.
    pub fn frac(n: i64, d: i64) -> Q {
        Q(Rational::from((n, d)))
    }
    pub fn zero() -> Q {
        Q(Rational::new())
    }
    pub fn one() -> Q {
        Q::int(1)
    }
    /// `num/den` for a positive denominator and a numerator its caller has proved coprime to
    /// it, without the gcd that canonicalising would compute (for 10^4-digit denominators the
    /// gcd costs more than the arithmetic that made the fraction). Debug builds check the
    /// proof; a zero or negative denominator is refused in every build.
    #[allow(unsafe_code)]
    pub fn from_coprime(num: Integer, den: Integer) -> Q {
        assert!(den.cmp0() == Ordering::Greater, "a positive denominator");
        debug_assert!(
            num.clone().gcd(&den) == 1,
            "{num}/{den} is not in lowest terms"
        );
        // SAFETY: rug's canonical form is a positive denominator coprime to the numerator:
        // asserted above, and coprimality is guaranteed by the caller (checked in debug).
        Q(unsafe { Rational::from_canonical(num, den) })
    }
    /// From a big integer.
    pub fn from_integer(i: Integer) -> Q {
        Q(Rational::from(i))
    }
    pub fn is_zero(&self) -> bool {
        self.0.cmp0() == Ordering::Equal
    }
    pub fn is_one(&self) -> bool {
        *self.0.numer() == 1 && *self.0.denom() == 1
    }
    pub fn is_integer(&self) -> bool {
        *self.0.denom() == 1
    }
    pub fn is_negative(&self) -> bool {
        self.0.cmp0() == Ordering::Less
    }
    pub fn is_positive(&self) -> bool {
        self.0.cmp0() == Ordering::Greater
    }
    pub fn numer(&self) -> &Integer {
        self.0.numer()
    }
    pub fn denom(&self) -> &Integer {
        self.0.denom()
    }
    /// The value as an `i64` when it is an integer that fits.
    pub fn to_i64(&self) -> Option<i64> {
        if self.is_integer() {
            self.0.numer().to_i64()
        } else {
            None
        }
    }
    pub fn abs(&self) -> Q {
        Q(self.0.clone().abs())
    }
    pub fn neg(&self) -> Q {
        Q(-self.0.clone())
    }
    pub fn add(&self, o: &Q) -> Q {
        Q(Rational::from(&self.0 + &o.0))
    }
    pub fn sub(&self, o: &Q) -> Q {
        Q(Rational::from(&self.0 - &o.0))
    }
    pub fn mul(&self, o: &Q) -> Q {
        Q(Rational::from(&self.0 * &o.0))
    }
    /// The size in bits of the numerator and denominator together.
    pub fn bits(&self) -> u64 {
        u64::from(self.numer().significant_bits()) + u64::from(self.denom().significant_bits())
    }
    /// `self * o`, refusing when the product could pass [`MAX_EXACT_BITS`] (predicted from
    /// the operands' sizes before multiplying).
    pub fn checked_mul(&self, o: &Q) -> Result<Q, NumError> {
        check_bits(self.bits() + o.bits(), "a product")?;
        Ok(self.mul(o))
    }
    /// `self + o`, refusing like [`Q::checked_mul`] (a sum's denominator can be the product of
    /// the operands').
    pub fn checked_add(&self, o: &Q) -> Result<Q, NumError> {
        check_bits(self.bits() + o.bits(), "a sum")?;
        Ok(self.add(o))
    }
    /// `self / o`, failing on division by zero.
    pub fn div(&self, o: &Q) -> Result<Q, NumError> {
        if o.is_zero() {
            return Err(NumError::DivisionByZero);
        }
        Ok(Q(Rational::from(&self.0 / &o.0)))
    }
    /// `1 / self`.
    pub fn recip(&self) -> Result<Q, NumError> {
        Q::one().div(self)
    }
    /// `self^e` for an integer exponent, refusing results beyond [`MAX_EXACT_BITS`].
    pub fn pow_int(&self, e: &Integer) -> Result<Q, NumError> {
        if self.is_zero() {
            return match e.cmp0() {
                Ordering::Equal => Err(NumError::ZeroToZero),
                Ordering::Less => Err(NumError::DivisionByZero),
                Ordering::Greater => Ok(Q::zero()),
            };
        }
        let mag = self
            .numer()
            .significant_bits()
            .max(self.denom().significant_bits()) as u64;
        let abs_num = self.numer().clone().abs();
        if abs_num == 1 && *self.denom() == 1 {
            // ±1 to any power.
            let odd = e.is_odd();
            return Ok(if self.is_negative() && odd {
                Q::int(-1)
            } else {
                Q::one()
            });
        }
        let e_abs = e.clone().abs();
        let e_u = match e_abs.to_u32() {
            Some(v) if (v as u64).saturating_mul(mag) <= MAX_EXACT_BITS => v,
            _ => return Err(NumError::TooLarge(format!("the power with exponent {e}"))),
        };
        let p = Q(self.0.clone().pow(e_u));
        if e.cmp0() == Ordering::Less {
            p.recip()
        } else {
            Ok(p)
        }
    }
    /// Parses an exact decimal literal: `42`, `0.95`, `.5`, `3.`, `1e-8`, `2.5E+3`.
    pub fn parse_decimal(text: &str) -> Result<Q, NumError> {
        let (mantissa, exp) = match text.find(['e', 'E']) {
            Some(i) => (&text[..i], &text[i + 1..]),
            None => (text, ""),
        };
        let (int_part, frac_part) = match mantissa.find('.') {
            Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
            None => (mantissa, ""),
        };
        let digits = format!("{int_part}{frac_part}");
        let digits = if digits.is_empty() { "0" } else { &digits };
        let n = Integer::from_str_radix(digits, 10)
            .map_err(|_| NumError::TooLarge(format!("the literal {text}")))?;
        let mut e10: i64 = if exp.is_empty() {
            0
        } else {
            exp.trim_start_matches('+')
                .parse::<i64>()
                .map_err(|_| NumError::TooLarge(format!("the exponent of {text}")))?
        };
        e10 -= frac_part.len() as i64;
        if e10.unsigned_abs() > 10_000_000 {
            return Err(NumError::TooLarge(format!("the literal {text}")));
        }
        let scale = Integer::from(10).pow(e10.unsigned_abs() as u32);
        Ok(if e10 >= 0 {
            Q(Rational::from(n * scale))
        } else {
            Q(Rational::from((n, scale)))
        })
    }
    /// Splits `|self|^(1/k)` as `a * b^(1/k)` with `a` rational and `b` a positive rational
    /// whose numerator and denominator have no k-th power factors left (denominator made 1
    /// by rationalising: `b` is an integer). Returns `(a, b)`.
    pub fn kth_root_split(&self, k: u32) -> (Q, Integer) {
        // |p/q|^(1/k) = (p*q^(k-1))^(1/k) / q.
        let p = self.numer().clone().abs();
        let q = self.denom().clone();
        let qk1 = q.clone().pow(k - 1);
        let radicand = p * qk1;
        let (outside, inside) = extract_kth_powers(&radicand, k);
        (Q(Rational::from((outside, q))), inside)
    }
}

/// Writes `n = a^k * b` with `b` free of k-th powers (each small prime removed at once by
/// GMP's `remove_factor`, so `2^(10^6)` costs one pass, not 500,000 divisions; then an exact
/// k-th root test of the rest, and Pollard's rho on a mid-sized cofactor, so `3·1000000007²`
/// is split too). Returns `(a, b)`. A huge cofactor with no small factor is tested only as a
/// whole k-th power.
pub fn extract_kth_powers(n: &Integer, k: u32) -> (Integer, Integer) {
    let mut rest = n.clone().abs();
    let mut out = Integer::from(1);
    if rest == 0 {
        return (Integer::new(), Integer::new());
    }
    if k <= 1 {
        return (rest, Integer::from(1));
    }
    let mut inside = Integer::from(1);
    // Trial division by the primes below the bound, fewer for huge numbers: each pass costs
    // the length of `rest`.
    let bound: u32 = if rest.significant_bits() > 1 << 20 {
        1_000
    } else {
        10_000
    };
    let mut p: u32 = 2;
    while p < bound {
        if crate::math::interrupted() {
            break;
        }
        // p^k ≥ 2^(k·⌊log2 p⌋): once that passes `rest`, no k-th power of p or beyond divides.
        if u64::from(k) * u64::from(31 - p.leading_zeros()) > u64::from(rest.significant_bits()) {
            break;
        }
        if rest.is_divisible_u(p) {
            let (without, m) = rest.remove_factor(&Integer::from(p));
            rest = without;
            out *= Integer::from(p).pow(m / k);
            inside *= Integer::from(p).pow(m % k);
        }
        p += if p == 2 { 1 } else { 2 };
    }
    // The remaining cofactor may itself be a perfect power of large primes.
    if rest > 1 && !crate::math::interrupted() {
        let (root, rem) = rest.clone().root_rem(Integer::new(), k);
        if rem == 0 {
            out *= &root;
            rest = Integer::from(1);
        } else if let Some(primes) = super::factor::prime_factors(&rest) {
            // A mid-sized cofactor (two large primes, one squared) splits by Pollard's rho.
            rest = Integer::from(1);
            for run in primes.chunk_by(|a, b| a == b) {
                let e = run.len() as u32;
                out *= run[0].clone().pow(e / k);
                rest *= run[0].clone().pow(e % k);
            }
        }
    }
    (out, rest * inside)
}

/// The primes below `bound` (a sieve of Eratosthenes).
pub fn primes_below(bound: u32) -> Vec<u32> {
    let n = bound as usize;
    let mut composite = vec![false; n.max(2)];
    let mut out = Vec::new();
    for p in 2..n {
        if composite[p] {
            continue;
        }
        out.push(p as u32);
        for m in (p * p..n).step_by(p) {
            composite[m] = true;
        }
    }
    out
}

/// `n!` for `n ≤ 1,000,000` (larger is refused: the result would have millions of digits).
pub fn factorial(n: u64) -> Result<Integer, NumError> {
    if n > 1_000_000 {
        return Err(NumError::TooLarge(format!("{n}!")));
    }
    Ok(Integer::from(Integer::factorial(n as u32)))
}

/// `binomial(n, k)` for integers `n` (any sign) and `k ≥ 0`, bounded like [`factorial`].
pub fn binomial(n: &Integer, k: u64) -> Result<Integer, NumError> {
    if k > 1_000_000 {
        return Err(NumError::TooLarge(format!("binomial(…, {k})")));
    }
    Ok(Integer::from(n.binomial_ref(k as u32)))
}

impl fmt::Display for Q {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Debug for Q {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl From<i64> for Q {
    fn from(n: i64) -> Q {
        Q::int(n)
    }
}
