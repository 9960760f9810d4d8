//! Hypergeometric terms: recognising a(n) whose ratio a(n+1)/a(n) is a rational function of n
//! with rational coefficients (rational functions, c^n, (−1)^n, factorials, gamma, binomials and
//! their products and integer powers), the shared currency of binary splitting, Gosper's
//! algorithm and ratio-based tail bounds.

use crate::math::expr::{self, Expr, Func, MResult};
use crate::math::number::Q;
use crate::math::poly::{rational_function, Poly};

/// A hypergeometric term: `a(n+1) = a(n)·num(n)/den(n)` for every integer `n` at which
/// `a(n) ≠ 0` and `den(n) ≠ 0`. The fraction is reduced (no common factor) and `den` is monic.
/// (Where `den(n) = 0` or `a(n) = 0` the relation says nothing: `binomial(n, 2)` has ratio
/// (n+1)/(n−1), and a(0) = a(1) = 0 while a(2) = 1.)
#[derive(Debug, Clone)]
pub struct Hyper {
    /// The term itself (evaluate it at one index to anchor the product of ratios).
    pub term: Expr,
    pub num: Poly,
    pub den: Poly,
}

/// Recognises `a` as a hypergeometric term in `n`, or `None` when some factor is not (√n,
/// ln n, sin n, 2^(n²), e^n, symbolic parameters in the ratio, …). Factors free of `n` may be
/// anything (they do not enter the ratio).
pub fn decompose(a: &Expr, n: &str) -> MResult<Option<Hyper>> {
    if !a.depends_on(n) {
        return Ok(Some(finish(
            a,
            Poly::constant(Q::one()),
            Poly::constant(Q::one()),
        )));
    }
    let ratio = if let Some((p, q)) = rational_function(a, n) {
        rational_ratio(&p, &q)
    } else {
        let factors: Vec<Expr> = match a {
            Expr::Mul(fs) => fs.clone(),
            other => vec![other.clone()],
        };
        let mut acc = (Poly::constant(Q::one()), Poly::constant(Q::one()));
        for f in &factors {
            let Some((p, q)) = factor_ratio(f, n)? else {
                return Ok(None);
            };
            acc = (acc.0.mul(&p), acc.1.mul(&q));
        }
        Some(acc)
    };
    Ok(ratio.map(|(p, q)| finish(a, p, q)))
}

/// Reduces `p/q` and makes the denominator monic.
fn finish(a: &Expr, p: Poly, q: Poly) -> Hyper {
    let g = p.gcd(&q);
    let (p, q) = if g.degree() > 0 {
        (p.div_rem(&g).0, q.div_rem(&g).0)
    } else {
        (p, q)
    };
    let l = q.lead().recip().unwrap_or_else(|_| Q::one());
    Hyper {
        term: a.clone(),
        num: p.scale(&l),
        den: q.scale(&l),
    }
}

/// `p(x + 1)` (Taylor shift by one).
pub fn shift(p: &Poly) -> Poly {
    p.shift(&Q::one())
}

/// The ratio R(n+1)/R(n) of the rational function R = p/q.
fn rational_ratio(p: &Poly, q: &Poly) -> Option<(Poly, Poly)> {
    if p.is_zero() {
        return None;
    }
    Some((shift(p).mul(q), shift(q).mul(p)))
}

/// `e` as `α·n + β` with rational α, β.
pub(crate) fn linear(e: &Expr, n: &str) -> Option<(Q, Q)> {
    let (p, q) = rational_function(e, n)?;
    if q.degree() != 0 || p.degree() > 1 {
        return None;
    }
    let inv = q.lead().recip().ok()?;
    let at = |i: usize| p.c.get(i).cloned().unwrap_or_else(Q::zero).mul(&inv);
    Some((at(1), at(0)))
}

/// The ratio F(x(n+1))/F(x(n)) of F(x) = Γ(x + shift) for x = α·n + β with integer α ≠ 0:
/// a product of α consecutive linear factors (in the denominator when α < 0).
fn gamma_ratio(arg: &Expr, n: &str, shift: i64) -> Option<(Poly, Poly)> {
    let (alpha, beta) = linear(arg, n)?;
    let a = alpha
        .to_i64()
        .filter(|a| *a != 0 && a.unsigned_abs() <= 64)?;
    if !alpha.is_integer() {
        return None;
    }
    // Γ(x + s + a)/Γ(x + s) with x + s = α n + β + s − 1 + 1 … write m(n) = α n + β + shift − 1
    // so that F(n) = m(n)! and F(n+1)/F(n) = (m+1)(m+2)…(m+α) for α > 0.
    let base = beta.add(&Q::int(shift - 1));
    let lin = |k: i64| Poly::new(vec![base.add(&Q::int(k)), alpha.clone()]);
    let mut prod = Poly::constant(Q::one());
    if a > 0 {
        for k in 1..=a {
            prod = prod.mul(&lin(k));
        }
        Some((prod, Poly::constant(Q::one())))
    } else {
        // m(n+1) = m(n) + α = m − |α|: m(n+1)!/m(n)! = 1/(m(m−1)…(m−|α|+1)).
        for k in 0..a.abs() {
            prod = prod.mul(&lin(-k));
        }
        Some((Poly::constant(Q::one()), prod))
    }
}

/// The ratio of one factor of a product, or `None` when it is not hypergeometric.
fn factor_ratio(f: &Expr, n: &str) -> MResult<Option<(Poly, Poly)>> {
    let one = || Poly::constant(Q::one());
    if !f.depends_on(n) {
        return Ok(Some((one(), one())));
    }
    if let Some((p, q)) = rational_function(f, n) {
        return Ok(rational_ratio(&p, &q));
    }
    Ok(match f {
        Expr::Pow(b, e) if !b.depends_on(n) => {
            // c^(α n + β): ratio c^α, which must be rational.
            let Some((alpha, _)) = linear(e, n) else {
                return Ok(None);
            };
            match expr::pow((**b).clone(), Expr::Num(alpha))? {
                Expr::Num(r) if !r.is_zero() => Some((Poly::constant(r), one())),
                _ => None,
            }
        }
        Expr::Pow(b, e) if !e.depends_on(n) => {
            let Some(k) = e.as_num().filter(|k| k.is_integer()).and_then(Q::to_i64) else {
                return Ok(None);
            };
            if k.unsigned_abs() > 64 {
                return Ok(None);
            }
            let Some((p, q)) = factor_ratio(b, n)? else {
                return Ok(None);
            };
            let (p, q) = if k < 0 { (q, p) } else { (p, q) };
            let mut acc = (one(), one());
            for _ in 0..k.unsigned_abs() {
                acc = (acc.0.mul(&p), acc.1.mul(&q));
            }
            Some(acc)
        }
        Expr::Func(Func::Factorial, args) => gamma_ratio(&args[0], n, 1),
        Expr::Func(Func::Gamma, args) => gamma_ratio(&args[0], n, 0),
        Expr::Func(Func::Binomial, args) => {
            // binomial(t, b) = t!/(b!·(t − b)!)
            let (t, b) = (&args[0], &args[1]);
            let d = expr::sub(t.clone(), b.clone())?;
            let parts = [
                gamma_ratio(t, n, 1),
                gamma_ratio(b, n, 1),
                gamma_ratio(&d, n, 1),
            ];
            let fixed = |e: &Expr| !e.depends_on(n);
            let pick = |i: usize, e: &Expr| -> Option<(Poly, Poly)> {
                if fixed(e) {
                    Some((one(), one()))
                } else {
                    parts[i].clone()
                }
            };
            match (pick(0, t), pick(1, b), pick(2, &d)) {
                (Some(pt), Some(pb), Some(pd)) => {
                    Some((pt.0.mul(&pb.1).mul(&pd.1), pt.1.mul(&pb.0).mul(&pd.0)))
                }
                _ => None,
            }
        }
        _ => None,
    })
}
