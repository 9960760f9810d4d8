//! Euler–Maclaurin tails of positive completely monotone terms:
//! Σ_{n≥N} f(n) = ∫_N^∞ f + f(N)/2 − Σ_{k<K} B_2k/(2k)!·f^(2k−1)(N) + R with
//! 0 ≤ R/(−B_2K/(2K)!·f^(2K−1)(N)) ≤ 1, valid because f^(2K) and f^(2K+2) are ≥ 0. The
//! derivatives come in closed form for c·(n + a)^(−s) (rising factorials) and from exact
//! Taylor coefficients at N otherwise; the integral must be exact. Bernoulli numbers come
//! from the tangent numbers (Brent–Harvey), cached.

use super::{sci_notation, Tail};
use crate::math::answer::Notation;
use crate::math::expr::{self, Expr, MResult};
use crate::math::float::{self, Ball, Fail, R};
use crate::math::number::Q;
use crate::math::series;
use crate::rich;
use rug::{Float, Integer};
use std::sync::Mutex;

/// B_2k/(2k)! for k = 1, 2, … (index k − 1), as far as computed.
static BERNOULLI: Mutex<Vec<Q>> = Mutex::new(Vec::new());

/// B_2k/(2k)! for k = 1..=kmax.
pub(crate) fn bernoulli_over_factorial(kmax: usize) -> Vec<Q> {
    let mut cache = BERNOULLI.lock().unwrap_or_else(|e| e.into_inner());
    if cache.len() < kmax {
        // Tangent numbers T_1..T_n: tan x = Σ T_k x^(2k−1)/(2k−1)!.
        let n = kmax.max(2 * cache.len());
        let t = crate::math::expr::bernoulli::tangent_numbers(n);
        // B_2k/(2k)! = (−1)^(k−1)·T_k/((2k−1)!·4^k·(4^k − 1))
        let mut fact = Integer::from(1);
        let mut out = Vec::with_capacity(n);
        for (k, tk) in t.iter().enumerate().skip(1) {
            if k > 1 {
                fact *= ((2 * k - 2) * (2 * k - 1)) as u64;
            }
            let four = Integer::from(1) << (2 * k as u32);
            let den = Integer::from(&fact * &four) * (four - 1u32);
            let mut q = Q(rug::Rational::from((tk.clone(), den)));
            if k % 2 == 0 {
                q = q.neg();
            }
            out.push(q);
        }
        *cache = out;
    }
    cache[..kmax].to_vec()
}

/// How the tail Σ_{n≥N} f(n) is expanded.
#[derive(Debug, Clone)]
pub(crate) enum Shape {
    /// f = Σ c_i·(n + a_i)^(−s_i), every s_i > 1.
    Powers(Vec<(Expr, Q, Expr)>),
    /// Any completely monotone f with an exact integral ∫_N^∞ f given as a function of `n`
    /// (derivatives from Taylor coefficients at N).
    Taylor { f: Expr, integral: Expr },
}

/// A rough log2 of |B_2K/(2K)!·f^(2K−1)(N)| for c·(N + a)^(−s) with the magnitude of c
/// ignored (s ≈ `s`): used only to choose N and K, never as a bound.
fn log2_remainder(s: f64, x: f64, k: usize) -> f64 {
    let tk = 2.0 * k as f64;
    // |B_2K|/(2K)! ≈ 2/(2π)^(2K); (s)_(2K−1) = Γ(s + 2K − 1)/Γ(s).
    let lg = |v: f64| libm_lgamma(v) / std::f64::consts::LN_2;
    1.0 - tk * (2.0 * std::f64::consts::PI).log2() + lg(s + tk - 1.0)
        - lg(s)
        - (s + tk - 1.0) * x.log2()
}

/// ln Γ(v) for v > 0 by Stirling's series (ample for choosing parameters).
fn libm_lgamma(v: f64) -> f64 {
    let mut x = v;
    let mut acc = 0.0;
    while x < 8.0 {
        acc -= x.ln();
        x += 1.0;
    }
    acc + (x - 0.5) * x.ln() - x + 0.5 * (2.0 * std::f64::consts::PI).ln() + 1.0 / (12.0 * x)
        - 1.0 / (360.0 * x * x * x)
}

/// Most direct terms the Taylor-coefficient shape may need before Euler–Maclaurin starts.
pub(crate) const MAX_CUTOFF: f64 = 200_000.0;

/// Chooses the cut-off N ≥ lo and the number K of Bernoulli terms for about `bits` bits
/// below the size of the first term, balancing direct terms against correction terms; None
/// when the Taylor-coefficient shape would need a cut-off beyond [`MAX_CUTOFF`].
pub(crate) fn choose(shape: &Shape, lo: &Integer, bits: u32) -> Option<(Integer, usize)> {
    let lo_f = lo.to_f64().max(1.0);
    let target = -(f64::from(bits)) - 8.0;
    match shape {
        Shape::Powers(ts) => {
            let s = ts
                .iter()
                .filter_map(|(_, _, s)| float::to_float(s, 53).ok().map(|v| v.to_f64()))
                .fold(f64::INFINITY, f64::min)
                .max(1.0);
            let mut best: Option<(f64, f64, usize)> = None;
            let mut x = (lo_f + 8.0).max(16.0);
            while x < 1e7 {
                // Relative to the first term ~ lo^(−s): log2 R − log2 first ≤ target.
                let rel = |k: usize| log2_remainder(s, x, k) + s * lo_f.log2();
                if let Some(k) = (1..6000).find(|&k| rel(k) <= target) {
                    let cost = (x - lo_f) + 0.6 * k as f64 + (k as f64).powi(2) / 400.0;
                    if best.as_ref().is_none_or(|b| cost < b.0) {
                        best = Some((cost, x, k));
                    }
                }
                x *= 1.25;
            }
            let (_, x, k) = best.unwrap_or((0.0, lo_f + 64.0, 64));
            Some((Integer::from(x.ceil() as i64), k))
        }
        Shape::Taylor { .. } => {
            // f^(j)(N) ≈ j!·f(N)/N^j for the logarithmic shapes sigma integrates.
            for k in [8usize, 12, 16, 24, 30] {
                let need = |x: f64| log2_remainder(1.0, x, k) + lo_f.log2() <= target;
                let mut x = (lo_f + 8.0).max(10.0);
                while x - lo_f < MAX_CUTOFF && !need(x) {
                    x *= 1.1;
                }
                if need(x) && (x - lo_f <= 4000.0 || k == 30) {
                    return Some((Integer::from(x.ceil() as i64), k));
                }
            }
            None
        }
    }
}

/// Σ_{n≥N} f(n) as a ball at `p` bits with its Euler–Maclaurin remainder, and the claim.
pub(crate) fn tail(shape: &Shape, n: &str, big_n: &Integer, k: usize, p: u32) -> R<Tail> {
    let bern = bernoulli_over_factorial(k);
    let nb = Ball::from_int(big_n, p)?;
    let mut total = Ball::int(p, 0);
    let mut rem = Float::new(64);
    match shape {
        Shape::Powers(ts) => {
            for (c, a, s) in ts {
                let x = Expr::Num(Q::from_integer(big_n.clone()).add(a));
                let xb = float::eval(&x, p)?;
                let cb = float::eval(c, p)?;
                let sb = float::eval(s, p)?;
                let neg_s = expr::neg(s.clone()).map_err(Fail::Math)?;
                let fx = cb.mul(&float::eval(&expr::pow(x, neg_s).map_err(Fail::Math)?, p)?)?;
                let one = Ball::int(p, 1);
                // ∫ = c·X^(1−s)/(s − 1) = f(N)·X/(s − 1); f(N)/2.
                let integral = fx.mul(&xb)?.div(&sb.sub(&one)?)?;
                let half = fx.mul(&Ball::from_q(&Q::frac(1, 2), p)?)?;
                let mut acc = integral.add(&half)?;
                // t_k = c·(s)_(2k−1)·X^(−s−2k+1): t_1 = f(N)·s/X.
                let x2 = xb.mul(&xb)?.recip()?;
                let mut t = fx.mul(&sb)?.div(&xb)?;
                for (j, b) in bern.iter().enumerate() {
                    let kk = j + 1;
                    if kk == k {
                        rem = up(&rem, &Ball::from_q(b, p)?.mul(&t)?.abs_upper());
                        break;
                    }
                    acc = acc.add(&Ball::from_q(b, p)?.mul(&t)?)?;
                    // t_(k+1) = t_k·(s + 2k − 1)(s + 2k)/X²
                    let a1 = sb.add(&Ball::int(p, (2 * kk - 1) as i32))?;
                    let a2 = sb.add(&Ball::int(p, (2 * kk) as i32))?;
                    t = t.mul(&a1)?.mul(&a2)?.mul(&x2)?;
                }
                total = total.add(&acc)?;
            }
        }
        Shape::Taylor { f, integral } => {
            let at = Expr::Num(Q::from_integer(big_n.clone()));
            let coeffs = series::taylor(f, n, &at, 2 * k).map_err(Fail::Math)?.coeffs;
            let integral = float::eval_in(integral, p, Some((n, &nb)))?;
            let fx = float::eval(&coeffs[0], p)?;
            let mut acc = integral.add(&fx.mul(&Ball::from_q(&Q::frac(1, 2), p)?)?)?;
            let mut fact = Integer::from(1); // (2k − 1)!
            for (j, b) in bern.iter().enumerate() {
                let kk = j + 1;
                if kk > 1 {
                    fact *= ((2 * kk - 2) * (2 * kk - 1)) as u64;
                }
                // −B_2k/(2k)!·f^(2k−1)(N), f^(2k−1)(N) = (2k−1)!·coeff
                let d = float::eval(&coeffs[2 * kk - 1], p)?.mul(&Ball::from_int(&fact, p)?)?;
                let term = Ball::from_q(b, p)?.mul(&d)?.neg();
                if kk == k {
                    rem = up(&rem, &term.abs_upper());
                    break;
                }
                acc = acc.add(&term)?;
            }
            total = acc;
        }
    }
    let claim = rich![
        "Euler–Maclaurin with ",
        Notation::new(
            format!("N = {big_n}, K = {k}"),
            format!("N = {big_n},\\ K = {k}")
        ),
        ": ",
        Notation::new("|R| ≤ ", "|R| \\le "),
        sci_notation(&rem),
        " (the first omitted term; ",
        Notation::new("f", "f"),
        " is completely monotone, so ",
        Notation::new("f^(2K)", "f^{(2K)}"),
        " and ",
        Notation::new("f^(2K+2)", "f^{(2K+2)}"),
        " are ",
        Notation::new("≥ 0", "\\ge 0"),
        ")"
    ];
    Ok(Tail {
        value: total.widen(&rem),

        claim,
    })
}

fn up(a: &Float, b: &Float) -> Float {
    float::ball::up_add(a, b)
}

/// The exact integral ∫_x^∞ f as a function of `n` (standing for x), for the shapes sigma
/// integrates, or why not.
pub(crate) fn integral(f: &Expr, n: &str) -> MResult<Result<Expr, String>> {
    use super::cm::{log_term, positive, power_terms};
    if let Some(ts) = power_terms(f, n) {
        let mut parts = Vec::new();
        for (c, a, s) in &ts {
            let s1 = expr::sub(s.clone(), Expr::one())?;
            if !positive(&s1) {
                return Ok(Err(format!("the exponent {s} is not above 1")));
            }
            let x = expr::add(vec![Expr::sym(n), Expr::Num(a.clone())])?;
            let xs = expr::pow(x, expr::neg(s1.clone())?)?;
            parts.push(expr::div(expr::mul(vec![c.clone(), xs])?, s1)?);
        }
        return Ok(Ok(expr::add(parts)?));
    }
    if let Some((c, al, be, q)) = log_term(f, n) {
        let q1 = expr::sub(q.clone(), Expr::one())?;
        if !positive(&q1) {
            return Ok(Err(format!(
                "the power {q} of the logarithm is not above 1"
            )));
        }
        let u = expr::add(vec![
            expr::mul(vec![Expr::Num(al.clone()), Expr::sym(n)])?,
            Expr::Num(be),
        ])?;
        let l = expr::func(crate::math::expr::Func::Ln, vec![u])?;
        let top = expr::mul(vec![c, expr::pow(l, expr::neg(q1.clone())?)?])?;
        return Ok(Ok(expr::div(top, expr::mul(vec![Expr::Num(al), q1])?)?));
    }
    if let Some(v) = rational_integral(f, n)? {
        return Ok(Ok(v));
    }
    Ok(Err(format!(
        "unknown: no antiderivative of {f} is known to sigma in closed form"
    )))
}

/// ∫_x^∞ p/q for a proper rational function whose denominator splits over Q, by partial
/// fractions: c/(t − r)^k gives c/((k − 1)(x − r)^(k−1)) for k ≥ 2, and the simple poles
/// together give −Σ c_r·ln(x − r) when Σ c_r = 0 (otherwise the integral diverges). Valid for
/// x beyond every root, which Euler–Maclaurin's cut-off is.
fn rational_integral(f: &Expr, n: &str) -> MResult<Option<Expr>> {
    let Some((p, q)) = crate::math::poly::rational_function(f, n) else {
        return Ok(None);
    };
    if p.degree() >= q.degree() {
        return Ok(None);
    }
    let Some(roots) = q.linear_factors() else {
        return Ok(None);
    };
    let pieces = crate::math::poly::partial_fractions(&p, &q, &roots).terms;
    let mut parts = Vec::new();
    let mut simple = crate::math::number::Q::zero();
    for (r, k, c) in pieces {
        let x = expr::sub(Expr::sym(n), Expr::Num(r))?;
        if k == 1 {
            simple = simple.add(&c);
            let l = expr::func(crate::math::expr::Func::Ln, vec![x])?;
            parts.push(expr::mul(vec![Expr::Num(c.neg()), l])?);
        } else {
            let k1 = Expr::int(k as i64 - 1);
            let xs = expr::pow(x, expr::neg(k1.clone())?)?;
            parts.push(expr::div(expr::mul(vec![Expr::Num(c), xs])?, k1)?);
        }
    }
    if !simple.is_zero() {
        return Ok(None);
    }
    Ok(Some(expr::add(parts)?))
}
