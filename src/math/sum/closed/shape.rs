//! The printed shape of closed forms: a rational function of one variable becomes one
//! fraction whose numerator and denominator are factored over Q into linear factors where
//! they split (`n*(1 + n)*(1 + 2*n)/6`, `n/(1 + n)`); anything else keeps the smaller of its
//! built and expanded forms. Imports only the expression layer and `Poly`.

use crate::math::expr::{self, subst::expand, Expr, Func, MResult};
use crate::math::number::Q;
use crate::math::poly::{rational_function, Poly};
use rug::{Integer, Rational};

/// Largest polynomial degree read off an expression.
const MAX_DEGREE: usize = 100;

/// `p` as a coefficient times primitive integer factors with multiplicities: its rational
/// roots u/v as (v·x − u), and the rest (no rational roots) made primitive.
pub fn factor(p: &Poly) -> (Q, Vec<(Poly, u32)>) {
    if p.degree() < 1 {
        return (p.lead(), Vec::new());
    }
    let mut rest = p.clone();
    let mut coeff = Q::one();
    let mut out = Vec::new();
    for r in p.rational_roots() {
        let lin = Poly::new(vec![r.neg(), Q::one()]);
        let mut m = 0;
        while rest.degree() >= 1 && rest.eval(&r).is_zero() {
            rest = rest.div_rem(&lin).0;
            m += 1;
        }
        if m > 0 {
            // x − u/v = (v·x − u)/v.
            let v = Q::from_integer(r.denom().clone());
            let u = Q::from_integer(r.numer().clone());
            for _ in 0..m {
                coeff = coeff.div(&v).unwrap_or_else(|_| Q::one());
            }
            out.push((Poly::new(vec![u.neg(), v]), m));
        }
    }
    let (c, prim) = primitive(&rest);
    if prim.degree() >= 1 {
        out.push((prim, 1));
    }
    (coeff.mul(&c), out)
}

/// `p = c · q` with `q` having coprime integer coefficients and a positive leading one.
fn primitive(p: &Poly) -> (Q, Poly) {
    if p.is_zero() {
        return (Q::zero(), Poly::zero());
    }
    let mut g = Integer::new();
    let mut l = Integer::from(1);
    for a in &p.c {
        g.gcd_mut(a.numer());
        l.lcm_mut(a.denom());
    }
    let mut c = Q(Rational::from((g, l)));
    if p.lead().is_negative() {
        c = c.neg();
    }
    let inv = c.recip().unwrap_or_else(|_| Q::one());
    (c, p.scale(&inv))
}

/// The reduced fraction `num/den` in `x`, numerator and denominator factored.
///
/// ```
/// use sigma::math::poly::Poly;
/// use sigma::math::Q;
/// use sigma::math::sum::closed::shape::fraction;
/// let num = Poly::new(vec![Q::zero(), Q::frac(1, 2), Q::frac(1, 2)]); // (n + n²)/2
/// let one = Poly::constant(Q::one());
/// assert_eq!(fraction(&num, &one, "n").unwrap().to_string(), "n*(1 + n)/2");
/// ```
pub fn fraction(num: &Poly, den: &Poly, x: &str) -> MResult<Expr> {
    if num.is_zero() {
        return Ok(Expr::zero());
    }
    let g = num.gcd(den);
    let (num, den) = if g.degree() > 0 {
        (num.div_rem(&g).0, den.div_rem(&g).0)
    } else {
        (num.clone(), den.clone())
    };
    let (cn, fnum) = factor(&num);
    let (cd, fden) = factor(&den);
    let mut parts = vec![Expr::Num(cn.div(&cd)?)];
    for (p, m) in fnum {
        parts.push(expr::pow(p.to_expr(x)?, Expr::int(m as i64))?);
    }
    for (p, m) in fden {
        parts.push(expr::pow(p.to_expr(x)?, Expr::int(-(m as i64)))?);
    }
    expr::mul(parts)
}

/// The form a person should read: one factored fraction for a rational function of a single
/// variable, otherwise the smaller of `e` and its expansion.
pub fn shape(e: &Expr) -> MResult<Expr> {
    let syms = e.symbols();
    if syms.len() == 1 {
        if let Some((p, q)) = rational_function(e, &syms[0]) {
            if !q.is_zero() {
                return fraction(&p, &q, &syms[0]);
            }
        }
    }
    Ok(match expand(e) {
        Ok(x) if x.size() < e.size() => x,
        _ => e.clone(),
    })
}

/// `p(n)` as its coefficients `[p0, p1, …]` (free of `n`) when it is a polynomial in `n`.
pub fn poly_coeffs(e: &Expr, n: &str) -> Option<Vec<Expr>> {
    if !e.depends_on(n) {
        return Some(vec![e.clone()]);
    }
    let x = expand(e).ok()?;
    let terms = match &x {
        Expr::Add(ts) => ts.clone(),
        other => vec![other.clone()],
    };
    let mut out: Vec<Vec<Expr>> = Vec::new();
    for t in terms {
        let factors = match &t {
            Expr::Mul(fs) => fs.clone(),
            other => vec![other.clone()],
        };
        let mut k = 0usize;
        let mut rest = Vec::new();
        for f in factors {
            match &f {
                Expr::Sym(s) if &**s == n => k += 1,
                Expr::Pow(b, p) if matches!(&**b, Expr::Sym(s) if &**s == n) => {
                    let e = p.as_num().filter(|q| q.is_integer() && !q.is_negative())?;
                    k += e.to_i64().filter(|v| *v as usize <= MAX_DEGREE)? as usize;
                }
                other if !other.depends_on(n) => rest.push(f),
                _ => return None,
            }
        }
        if k > MAX_DEGREE {
            return None;
        }
        if out.len() <= k {
            out.resize(k + 1, Vec::new());
        }
        out[k].push(expr::mul(rest).ok()?);
    }
    out.into_iter().map(|ts| expr::add(ts).ok()).collect()
}

/// Σ_{j} c_j n^j as an expression.
pub fn poly_expr(c: &[Expr], n: &str) -> MResult {
    let terms = c
        .iter()
        .enumerate()
        .map(|(j, cj)| {
            expr::mul(vec![
                cj.clone(),
                expr::pow(Expr::sym(n), Expr::int(j as i64))?,
            ])
        })
        .collect::<MResult<Vec<_>>>()?;
    expr::add(terms)
}

/// `e` as a polynomial in `x` (when it is one) with each coefficient shaped: the form of
/// N(hi + 1) in `2^(1 + n)*(3 - 2*n + n^2)`. Otherwise [`shape`].
pub fn collect(e: &Expr, x: Option<&str>) -> MResult<Expr> {
    let Some(x) = x else {
        return shape(e);
    };
    let Some(c) = poly_coeffs(e, x) else {
        return shape(e);
    };
    if c.iter().all(|ci| ci.as_num().is_some()) {
        return shape(&poly_expr(&c, x)?);
    }
    let c = c.iter().map(shape).collect::<MResult<Vec<_>>>()?;
    poly_expr(&c, x)
}

/// `L/L!` → `1/(L−1)!` and `L!/L` → `(L−1)!` inside products (where both sides are defined;
/// callers verify the result).
pub fn absorb_factorials(e: &Expr) -> MResult<Expr> {
    match e {
        Expr::Add(ts) => expr::add(
            ts.iter()
                .map(absorb_factorials)
                .collect::<MResult<Vec<_>>>()?,
        ),
        Expr::Mul(fs) => {
            let mut fs = fs.clone();
            loop {
                if let Some((i, j, next)) = binomial_step(&fs)? {
                    fs[j] = next;
                    fs.remove(i);
                    continue;
                }
                let Some((i, j, up)) = absorbable(&fs) else {
                    return expr::mul(fs);
                };
                let Expr::Func(_, args) = fs[j].as_base_exp().0 else {
                    return expr::mul(fs);
                };
                let lower = expr::func(
                    Func::Factorial,
                    vec![expr::sub(args[0].clone(), Expr::one())?],
                )?;
                fs[j] = if up {
                    lower
                } else {
                    expr::pow(lower, Expr::int(-1))?
                };
                fs.remove(i);
            }
        }
        _ => Ok(e.clone()),
    }
}

/// binomial(m, j)·(m − j) = (j + 1)·binomial(m, j + 1) for an integer j ≥ 0: the index of
/// the factor m − j, the index of the binomial and its replacement.
fn binomial_step(fs: &[Expr]) -> MResult<Option<(usize, usize, Expr)>> {
    for (j, f) in fs.iter().enumerate() {
        let Expr::Func(Func::Binomial, args) = f else {
            continue;
        };
        let Some(k) = args[1]
            .as_num()
            .filter(|k| k.is_integer() && !k.is_negative())
        else {
            continue;
        };
        let diff = expr::sub(args[0].clone(), args[1].clone())?;
        if let Some(i) = fs.iter().position(|g| *g == diff) {
            let k1 = Expr::Num(k.add(&Q::one()));
            let next = expr::mul(vec![
                k1.clone(),
                expr::func(Func::Binomial, vec![args[0].clone(), k1])?,
            ])?;
            return Ok(Some((i, j, next)));
        }
    }
    Ok(None)
}

/// A factor `L^s` and a factor `factorial(L)^(−s)` (s = ±1): their indices and whether the
/// factorial is in the numerator.
fn absorbable(fs: &[Expr]) -> Option<(usize, usize, bool)> {
    for (j, f) in fs.iter().enumerate() {
        let (b, x) = f.as_base_exp();
        let Expr::Func(Func::Factorial, args) = &b else {
            continue;
        };
        let up = x.is_one();
        if !up && x != Expr::int(-1) {
            continue;
        }
        let want = if up { Expr::int(-1) } else { Expr::one() };
        if let Some(i) = fs.iter().position(|g| {
            let (gb, gx) = g.as_base_exp();
            gb == args[0] && gx == want
        }) {
            return Some((i, j, up));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poly(c: &[i64], d: i64) -> Poly {
        Poly::new(c.iter().map(|&v| Q::frac(v, d)).collect())
    }

    #[test]
    fn squares_sum_factors() {
        // (2n³ + 3n² + n)/6
        let p = poly(&[0, 1, 3, 2], 6);
        let e = fraction(&p, &poly(&[1], 1), "n").unwrap();
        assert_eq!(e.to_string(), "n*(1 + n)*(1 + 2*n)/6");
    }

    #[test]
    fn quotient_reduces() {
        // (n² + n)/(n + 1)² = n/(n + 1)
        let e = fraction(&poly(&[0, 1, 1], 1), &poly(&[1, 2, 1], 1), "n").unwrap();
        assert_eq!(e.to_string(), "n/(1 + n)");
    }

    #[test]
    fn irreducible_part_kept() {
        // n²(n² + 1)
        let (c, fs) = factor(&poly(&[0, 0, 1, 0, 1], 1));
        assert_eq!(c, Q::one());
        assert_eq!(fs.len(), 2);
    }
}
