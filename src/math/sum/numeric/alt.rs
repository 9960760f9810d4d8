//! The summation loops behind certified sums: Cohen–Villegas–Zagier acceleration for
//! (−1)^n·f(n) with f completely monotone, and direct summation with a proven tail (the first
//! omitted term of an alternating series with shrinking terms, or a geometric tail from a
//! ratio bound), each returning its ball with the bound that proves it.

use super::tail::Ratio;
use super::{sci_notation, Tail};
use crate::math::answer::Notation;
use crate::math::expr::{Expr, MathError};
use crate::math::float::ball::up_mul;
use crate::math::float::{self, Ball, Fail, R};
use crate::math::number::Q;
use crate::math::poly::horner_int;
use crate::rich;
use rug::{Float, Integer};

/// Most terms a direct summation may add before giving up.
pub(crate) const MAX_TERMS: u64 = 3_000_000;

/// a(k) as a ball at `p` bits.
pub(crate) fn term(a: &Expr, n: &str, k: &Integer, p: u32) -> R<Ball> {
    let kb = Ball::from_int(k, p.max(k.significant_bits() + 2))?;
    float::eval_in(a, p, Some((n, &kb)))
}

/// Whether every integer power in `e` has an exponent of at most `limit` in size (so that
/// reading `e` as a rational function stays cheap).
fn small_powers(e: &Expr, limit: i64) -> bool {
    match e {
        Expr::Num(_) | Expr::Sym(_) | Expr::Const(_) => true,
        Expr::Add(ts) | Expr::Mul(ts) => ts.iter().all(|t| small_powers(t, limit)),
        Expr::Pow(b, k) => {
            k.as_num()
                .and_then(Q::to_i64)
                .is_some_and(|k| k.abs() <= limit)
                && small_powers(b, limit)
        }
        Expr::Func(_, args) => args.iter().all(|a| small_powers(a, limit)),
    }
}

fn too_many(what: &str) -> Fail {
    Fail::Math(MathError::Unsupported(format!(
        "cannot certify the sum: {what} would need more than {MAX_TERMS} terms at this precision"
    )))
}

fn check_interrupt() -> R<()> {
    if crate::math::interrupted() {
        return Err(Fail::Math(MathError::Interrupted));
    }
    Ok(())
}

/// Σ_{k≥0} (−1)^k f(lo + k) by CVZ Algorithm 1 with m terms:
/// S_m = (1/d)·Σ_{k<m} c_k·f(lo + k), d = T_m(3), and |S − S_m| ≤ 2·f(lo)/(3 + √8)^m for
/// a moment sequence f(lo + k) = ∫_0^1 t^k dμ (a completely monotone f gives one).
pub(crate) fn cvz(f: &Expr, n: &str, lo: &Integer, p: u32) -> R<Tail> {
    // 2/(3+√8)^m ≤ 2^(−p−4): m ≥ (p + 5)/log2(3 + √8).
    let m = ((f64::from(p) + 5.0) / (3.0 + 8f64.sqrt()).log2()).ceil() as u64 + 1;
    let (mut t0, mut t1) = (Integer::from(1), Integer::from(3));
    for _ in 1..m {
        let t2 = Integer::from(&t1 * 6u32) - &t0;
        t0 = t1;
        t1 = t2;
    }
    let d = t1; // T_m(3)
    let mut b = Integer::from(-1);
    let mut c = Integer::from(-&d);
    let mut s = Ball::int(p, 0);
    let mut first = Float::new(64);
    // A rational f (1/n, 1/(2n+1)², …): each c_k·f(lo + k) is an exact rational, rounded
    // once, instead of a ball evaluation of f and a ball product.
    let exact = small_powers(f, 16)
        .then(|| crate::math::poly::rational_function(f, n))
        .flatten();
    for k in 0..m {
        check_interrupt()?;
        c = Integer::from(&b - &c);
        let at = Integer::from(lo + k);
        let value = exact.as_ref().and_then(|(num, den)| {
            let x = Q::from_integer(at.clone());
            num.eval(&x).div(&den.eval(&x)).ok()
        });
        match value {
            Some(fq) => {
                if k == 0 {
                    first = Ball::from_q(&fq, p)?.abs_upper();
                }
                s = s.add(&Ball::from_q(&fq.mul(&Q::from_integer(c.clone())), p)?)?;
            }
            None => {
                let fk = term(f, n, &at, p)?;
                if k == 0 {
                    first = fk.abs_upper();
                }
                s = s.add(&Ball::from_int(&c, p)?.mul(&fk)?)?;
            }
        }
        // b ← b·2(k+m)(k−m)/((2k+1)(k+1)), exact in the integers.
        b *= 2 * (k + m);
        b *= Integer::from(k) - m;
        b /= (2 * k + 1) * (k + 1);
    }
    let value = s.div(&Ball::from_int(&d, p)?)?;
    // 2·f(lo)/(3+√8)^m ≤ 2·f(lo)·2^(−m·log2(5.828)), rounded up.
    let decay = Float::with_val(64, 3) + Float::with_val(64, 8).sqrt();
    let mut pw =
        Float::with_val_round(64, rug::ops::Pow::pow(&decay, m), rug::float::Round::Down).0;
    pw.recip_round(rug::float::Round::Up);
    let bound = up_mul(&up_mul(&first, &Float::with_val(64, 2)), &pw);
    let claim = rich![
        "Cohen–Villegas–Zagier acceleration with ",
        Notation::new(format!("m = {m}"), format!("m = {m}")),
        " terms: ",
        Notation::new(
            format!("|error| ≤ 2·f({lo})/(3+√8)^{m} ≤ "),
            format!("|\\mathrm{{error}}| \\le 2 f({lo})/(3+\\sqrt{{8}})^{{{m}}} \\le ")
        ),
        sci_notation(&bound),
        " (",
        Notation::new("f", "f"),
        " is completely monotone, so ",
        Notation::new(format!("f({lo} + k)"), format!("f({lo} + k)")),
        " is a moment sequence)"
    ];
    Ok(Tail {
        value: value.widen(&bound),

        claim,
    })
}

/// The recurrence a(n+1) = c·num(n)/den(n)·a(n) from index `from` on, with num and den
/// scaled to integer coefficients (num(n)/den(n) = N(n)/D(n)), so that each step multiplies
/// by the ball c and by the integer ratio N(j)/D(j), without rational arithmetic.
struct Step {
    from: Integer,
    c: Ball,
    num: Vec<Integer>,
    den: Vec<Integer>,
}

impl Step {
    fn new(r: &Ratio, from: Integer, p: u32) -> R<Step> {
        // num/den = (N/dn)/(D/dd) = (dd·N)/(dn·D) with N and D integral.
        let ((num, dn), (den, dd)) = (r.num.integral(), r.den.integral());
        let scaled = |c: Vec<Integer>, by: &Integer| c.into_iter().map(|a| a * by).collect();
        Ok(Step {
            from,
            c: float::eval(&r.c, p)?,
            num: scaled(num, &dd),
            den: scaled(den, &dn),
        })
    }
}

/// The terms a(n) for n = lo, lo+1, …: evaluated one by one, or from index `rec.from` on by
/// the recurrence.
struct Terms<'a> {
    a: &'a Expr,
    n: &'a str,
    p: u32,
    rec: Option<Step>,
    last: Option<(Integer, Ball)>,
}

impl Terms<'_> {
    fn at(&mut self, k: &Integer) -> R<&Ball> {
        let v = match (&self.rec, self.last.take()) {
            (Some(step), Some((j, prev))) if *k > step.from && Integer::from(k - 1u32) == j => {
                let (a, b) = (horner_int(&step.num, &j), horner_int(&step.den, &j));
                prev.mul(&step.c)?.mul_ratio(&a, &b)?
            }
            _ => term(self.a, self.n, k, self.p)?,
        };
        Ok(&self.last.insert((k.clone(), v)).1)
    }
}

/// How a direct summation ends.
pub(crate) enum Stop {
    /// |a| is non-increasing from this index on and the terms alternate: the error after
    /// the partial sum to N−1 is at most |a(N)| (and lies between 0 and a(N)).
    Alternating(Integer),
    /// |a(n+1)| ≤ ρ·|a(n)| for n ≥ m: the tail from N ≥ m is at most |a(N)|/(1 − ρ).
    Geometric { rho: Q, m: Integer },
}

/// Σ_{n≥lo} a(n) by adding terms until the proven tail is below 2^(−p) relative to the
/// largest term seen.
pub(crate) fn direct(
    a: &Expr,
    n: &str,
    lo: &Integer,
    stop: &Stop,
    rec: Option<(&Ratio, Integer)>,
    p: u32,
) -> R<Tail> {
    let rec = rec.map(|(r, from)| Step::new(r, from, p)).transpose()?;
    let mut terms = Terms {
        a,
        n,
        p,
        rec,
        last: None,
    };
    let from = match stop {
        Stop::Alternating(m) => m.clone(),
        Stop::Geometric { m, .. } => m.clone(),
    };
    let factor = match stop {
        Stop::Alternating(_) => Float::with_val(64, 1),
        Stop::Geometric { rho, .. } => {
            let gap = Q::one().sub(rho);
            let inv = gap.recip().map_err(|e| Fail::Math(e.into()))?;
            Float::with_val_round(64, &inv.0, rug::float::Round::Up).0
        }
    };
    let mut sum = Ball::int(p, 0);
    let mut scale = Float::new(64);
    let mut k = lo.clone();
    let mut count: u64 = 0;
    loop {
        if count.is_multiple_of(1024) {
            check_interrupt()?;
        }
        let t = terms.at(&k)?;
        let size = t.abs_upper();
        if size > scale {
            scale = size.clone();
        }
        if k >= from && !scale.is_zero() {
            let tail = up_mul(&size, &factor);
            let tol = Float::with_val(64, &scale >> p);
            if tail <= tol {
                let (value, what) = match stop {
                    Stop::Alternating(_) => {
                        let half = t.mul(&Ball::from_q(&Q::frac(1, 2), p)?)?;
                        let r = Float::with_val_round(64, &size / 2u32, rug::float::Round::Up).0;
                        (sum.add(&half)?.widen(&r), "alternating series: the first omitted term, with the partial sums on both sides of the value")
                    }
                    Stop::Geometric { .. } => {
                        (sum.widen(&tail), "geometric tail from the ratio bound")
                    }
                };
                let bound = match stop {
                    Stop::Alternating(_) => size,
                    Stop::Geometric { .. } => tail,
                };
                let sum_tex = format!("\\left|\\sum_{{{n}\\ge {k}}} a({n})\\right| \\le |a({k})|");
                let claim = match stop {
                    Stop::Alternating(_) => rich![
                        Notation::new(
                            format!("|Σ_{{{n}≥{k}}} a({n})| ≤ |a({k})| ≤ "),
                            format!("{sum_tex} \\le ")
                        ),
                        sci_notation(&bound),
                        format!(" ({what})")
                    ],
                    Stop::Geometric { rho, m } => rich![
                        Notation::new(
                            format!("|Σ_{{{n}≥{k}}} a({n})| ≤ |a({k})|/(1 − {rho}) ≤ "),
                            format!("{sum_tex}/(1 - {rho}) \\le ")
                        ),
                        sci_notation(&bound),
                        format!(" ({what}: "),
                        Notation::new(
                            format!("|a({n}+1)/a({n})| ≤ {rho}"),
                            format!("|a({n}+1)/a({n})| \\le {rho}")
                        ),
                        " for ",
                        Notation::new(format!("{n} ≥ {m}"), format!("{n} \\ge {m}")),
                        ")"
                    ],
                };
                return Ok(Tail { value, claim });
            }
        }
        sum = sum.add(t)?;
        count += 1;
        if count > MAX_TERMS {
            return Err(too_many("the direct summation"));
        }
        k += 1u32;
    }
}

/// Σ_{n=lo}^{hi−1} a(n) term by term.
pub(crate) fn partial(a: &Expr, n: &str, lo: &Integer, hi: &Integer, p: u32) -> R<Ball> {
    let count = Integer::from(hi - lo);
    if count > MAX_TERMS {
        return Err(too_many("the finite part"));
    }
    let mut sum = Ball::int(p, 0);
    let mut k = lo.clone();
    while k < *hi {
        check_interrupt()?;
        sum = sum.add(&term(a, n, &k, p)?)?;
        k += 1u32;
    }
    Ok(sum)
}
