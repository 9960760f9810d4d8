//! The printed shape of closed forms: a rational function of one variable becomes one
//! fraction whose numerator and denominator are factored over Q into linear factors where
//! they split (`n*(1 + n)*(1 + 2*n)/6`, `n/(1 + n)`); anything else keeps the smaller of its
//! built and expanded forms. Imports only the expression layer and `Poly`.

use crate::math::expr::{self, subst::expand, Expr, MResult};
use crate::math::number::Q;
use crate::math::poly::{rational_function, Poly};
use rug::{Integer, Rational};

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
/// use sigma::math::sum::closed_shape::fraction;
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
