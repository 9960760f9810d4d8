//! Correctly rounded decimal output: exact rationals by integer arithmetic, and balls whose
//! two ends round to the same digits (anything else is not printed).

use super::ball::{unsupported, up_abs, Ball};
use crate::math::expr::MathError;
use crate::math::number::Q;
use rug::float::Round;
use rug::ops::PowAssignRound;
use rug::{Float, Integer};
use std::cmp::Ordering;

const LOG10_2: f64 = std::f64::consts::LOG10_2;

/// Rounds `fl + frac` to an integer, half to even, where `ord` compares `frac` with 1/2.
fn half_even(fl: Integer, ord: Ordering) -> Integer {
    match ord {
        Ordering::Greater => fl + 1,
        Ordering::Equal if fl.is_odd() => fl + 1,
        _ => fl,
    }
}

/// A non-negative finite float rounded to an integer, half to even (exactly).
fn round_float(s: &Float) -> Option<Integer> {
    let (m, e) = s.to_integer_exp()?;
    let sh = e.unsigned_abs();
    if e >= 0 {
        return Some(m << sh);
    }
    let fl = Integer::from(&m >> sh);
    let rem = m - Integer::from(&fl << sh);
    let twice: Integer = rem << 1u32;
    let ord = twice.cmp(&(Integer::from(1) << sh));
    Some(half_even(fl, ord))
}

/// Finds `(N, E)` with `10^(d−1) ≤ N < 10^d` such that `N·10^(E−d+1)` is the value rounded to
/// `d` significant digits, given `n_at(E)` = the value scaled by `10^(d−1−E)` and rounded to an
/// integer (None when that is not certain). The answer is the smallest `E` with
/// `n_at(E) ≤ 10^d`, with a carry when `n_at(E) = 10^d`.
fn decimal(d: u32, guess: i64, n_at: impl Fn(i64) -> Option<Integer>) -> Option<(Integer, i64)> {
    let top = Integer::from(Integer::u_pow_u(10, d));
    let mut e = guess;
    // Above 10^(d−1) + 1, E − 1 cannot qualify: n_at(E − 1) ≥ 10·n − 5 > 10^d.
    let floor = Integer::from(&top / 10u32) + 1u32;
    for _ in 0..64 {
        let n = n_at(e)?;
        if n > top {
            e += 1;
        } else if n < floor && n_at(e - 1)? <= top {
            e -= 1;
        } else if n == top {
            return Some((n / 10, e + 1));
        } else {
            return Some((n, e));
        }
    }
    None
}

/// Lays out `±N·10^(E−d+1)`: positional for `E` in [−5, min(21, d)), else `d.ddd…e±XX` —
/// so no zero is printed that is not a correct digit (123456789 to 3 digits is 1.23e+08).
fn layout(negative: bool, n: &Integer, e: i64, d: u32) -> String {
    let s = n.to_string();
    let d = d as usize;
    let sign = if negative { "-" } else { "" };
    if !(-5..21).contains(&e) || e >= d as i64 {
        let (head, tail) = s.split_at(1);
        let dot = if d > 1 { "." } else { "" };
        let esign = if e < 0 { '-' } else { '+' };
        return format!("{sign}{head}{dot}{tail}e{esign}{:02}", e.unsigned_abs());
    }
    if e < 0 {
        return format!("{sign}0.{}{s}", "0".repeat(e.unsigned_abs() as usize - 1));
    }
    let int_len = e as usize + 1;
    if int_len >= d {
        return format!("{sign}{s}{}", "0".repeat(int_len - d));
    }
    format!("{sign}{}.{}", &s[..int_len], &s[int_len..])
}

/// An exact rational to `d` significant digits, half to even, by integer arithmetic.
pub(super) fn format_rational(q: &Q, d: u32) -> Option<String> {
    if q.is_zero() {
        return Some("0".into());
    }
    let num = q.numer().clone().abs();
    let den = q.denom();
    let ex = i64::from(num.significant_bits()) - i64::from(den.significant_bits());
    let guess = ((ex - 1) as f64 * LOG10_2).floor() as i64;
    let (n, e) = decimal(d, guess, |e10| {
        let k = i64::from(d) - 1 - e10;
        let pow = Integer::from(Integer::u_pow_u(10, u32::try_from(k.unsigned_abs()).ok()?));
        let (a, b) = if k >= 0 {
            (Integer::from(&num * &pow), den.clone())
        } else {
            (num.clone(), Integer::from(den * &pow))
        };
        let (fl, rem) = a.div_rem_floor(b.clone());
        let twice: Integer = rem << 1u32;
        Some(half_even(fl, twice.cmp(&b)))
    })?;
    Some(layout(q.is_negative(), &n, e, d))
}

/// The decimal text when every value in the ball rounds to the same `d` digits.
pub(super) fn certify(b: &Ball, d: u32) -> Option<String> {
    if b.is_exact_zero() {
        return Some("0".into());
    }
    let q = b.prec() + 64;
    let lo = Float::with_val_round(q, &b.mid - &b.rad, Round::Down).0;
    let hi = Float::with_val_round(q, &b.mid + &b.rad, Round::Up).0;
    if !(lo > 0 || hi < 0) {
        return None;
    }
    let negative = hi < 0;
    let (a, z) = if negative { (-hi, -lo) } else { (lo, hi) };
    let guess = ((f64::from(a.get_exp()?) - 1.0) * LOG10_2).floor() as i64;
    // Scales the ends outwards by 10^(d−1−E) and rounds both; they must agree.
    let (n, e) = decimal(d, guess, |e10| {
        let k = i32::try_from(i64::from(d) - 1 - e10).ok()?;
        // When 10^|k| is no longer than the working precision, it is computed exactly, once
        // for both ends (at 10^5 digits, four rounded powers by squaring had cost a third of
        // N(pi, 100000)); a huge |k| (a tiny or huge value) keeps the rounded power.
        let exact = (f64::from(k.unsigned_abs()) * 3.33 <= 2.0 * f64::from(q))
            .then(|| Integer::from(Integer::u_pow_u(10, k.unsigned_abs())));
        let scaled = |x: &Float, r: Round| match &exact {
            Some(pow) if k >= 0 => Float::with_val_round(q, x * pow, r).0,
            Some(pow) => Float::with_val_round(q, x / pow, r).0,
            None => {
                let mut t = Float::with_val(q, 10);
                t.pow_assign_round(k, r);
                Float::with_val_round(q, x * &t, r).0
            }
        };
        let n1 = round_float(&scaled(&a, Round::Down))?;
        let n2 = round_float(&scaled(&z, Round::Up))?;
        (n1 == n2).then_some(n1)
    })?;
    Some(layout(negative, &n, e, d))
}

/// The error after the precision cap: the value cannot be told from zero, or it sits on a
/// rounding boundary.
pub(super) fn uncertified(b: &Ball) -> MathError {
    let (lo, hi) = b.bounds();
    if !b.contains_zero() {
        let why = "the value lies too close to a rounding boundary";
        return unsupported(format!("cannot certify the digits: {why}"));
    }
    // |value| ≤ max(|lo|, |hi|) < 2^ex ≤ 10^−n
    let ex = up_abs(&lo).max(&up_abs(&hi)).get_exp().unwrap_or(0);
    let n = (-(f64::from(ex)) * LOG10_2 - 1e-6).floor() as i64;
    if n < 1 {
        let why = "the value cannot be told apart from zero";
        return unsupported(format!("cannot certify the digits: {why}"));
    }
    unsupported(format!(
        "cannot certify the digits: the value is within 10^-{n} of zero"
    ))
}
