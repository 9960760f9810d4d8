//! An expression as one fraction N(x)/D(x) of polynomials in the solve variable whose
//! coefficients may hold other symbols (`s^2/(s^2 + λ) − 4/5` in λ is `(s² − 4s²/5 − 4λ/5)/(s²
//! + λ)`), and back: when every coefficient is a number the fraction becomes a pair of
//! [`Poly`]s for the exact sign chart.

use crate::math::expr::{self, subst, Expr, MResult};
use crate::math::number::Q;
use crate::math::poly::Poly;

/// Highest degree kept while combining fractions.
const MAX_DEGREE: usize = 400;

/// Coefficients `[c0, c1, …]` free of the variable; no trailing zeros.
#[derive(Debug, Clone, PartialEq)]
pub struct PolyE(pub Vec<Expr>);

impl PolyE {
    fn constant(e: Expr) -> PolyE {
        PolyE(vec![e]).trimmed()
    }
    fn trimmed(mut self) -> PolyE {
        while self.0.last().is_some_and(Expr::is_zero) {
            self.0.pop();
        }
        self
    }
    pub fn degree(&self) -> i64 {
        self.0.len() as i64 - 1
    }
    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }
    pub fn lead(&self) -> Expr {
        self.0.last().cloned().unwrap_or_else(Expr::zero)
    }
    fn add(&self, o: &PolyE) -> MResult<PolyE> {
        let n = self.0.len().max(o.0.len());
        let mut c = Vec::with_capacity(n);
        for i in 0..n {
            let a = self.0.get(i).cloned().unwrap_or_else(Expr::zero);
            let b = o.0.get(i).cloned().unwrap_or_else(Expr::zero);
            c.push(simplify(expr::add(vec![a, b])?)?);
        }
        Ok(PolyE(c).trimmed())
    }
    fn mul(&self, o: &PolyE) -> MResult<PolyE> {
        if self.is_zero() || o.is_zero() {
            return Ok(PolyE(Vec::new()));
        }
        let mut c = vec![Vec::new(); self.0.len() + o.0.len() - 1];
        for (i, a) in self.0.iter().enumerate() {
            for (j, b) in o.0.iter().enumerate() {
                c[i + j].push(expr::mul(vec![a.clone(), b.clone()])?);
            }
        }
        let c = c
            .into_iter()
            .map(|ts| simplify(expr::add(ts)?))
            .collect::<MResult<Vec<_>>>()?;
        Ok(PolyE(c).trimmed())
    }
    /// The polynomial over Q, when every coefficient is a number.
    pub fn to_poly(&self) -> Option<Poly> {
        self.0
            .iter()
            .map(|c| c.as_num().cloned())
            .collect::<Option<Vec<Q>>>()
            .map(Poly::new)
    }
    /// The polynomial as an expression in `x`.
    pub fn to_expr(&self, x: &str) -> MResult {
        let terms = self
            .0
            .iter()
            .enumerate()
            .map(|(k, c)| {
                expr::mul(vec![
                    c.clone(),
                    expr::pow(Expr::sym(x), Expr::int(k as i64))?,
                ])
            })
            .collect::<MResult<Vec<_>>>()?;
        expr::add(terms)
    }
}

/// A coefficient in expanded form (so that cancellations show as 0).
fn simplify(e: Expr) -> MResult {
    if e.as_num().is_some() {
        return Ok(e);
    }
    subst::expand(&e)
}

/// `e = N/D` with `N`, `D` polynomials in `x`, when `e` is rational in `x` (other symbols
/// and constants may appear in the coefficients).
pub fn together(e: &Expr, x: &str) -> MResult<Option<(PolyE, PolyE)>> {
    let one = || PolyE(vec![Expr::one()]);
    if !e.depends_on(x) {
        return Ok(Some((PolyE::constant(e.clone()), one())));
    }
    Ok(Some(match e {
        Expr::Sym(_) => (PolyE(vec![Expr::zero(), Expr::one()]), one()),
        Expr::Add(ts) => {
            let mut acc = (PolyE(Vec::new()), one());
            for t in ts {
                let Some((p, q)) = together(t, x)? else {
                    return Ok(None);
                };
                if acc.1 == q {
                    acc = (acc.0.add(&p)?, q);
                } else {
                    acc = (acc.0.mul(&q)?.add(&p.mul(&acc.1)?)?, acc.1.mul(&q)?);
                }
                if acc.0.degree() as usize > MAX_DEGREE || acc.1.degree() as usize > MAX_DEGREE {
                    return Ok(None);
                }
            }
            acc
        }
        Expr::Mul(fs) => {
            let mut acc = (one(), one());
            for f in fs {
                let Some((p, q)) = together(f, x)? else {
                    return Ok(None);
                };
                acc = (acc.0.mul(&p)?, acc.1.mul(&q)?);
                if acc.0.degree() as usize > MAX_DEGREE || acc.1.degree() as usize > MAX_DEGREE {
                    return Ok(None);
                }
            }
            acc
        }
        Expr::Pow(b, k) => {
            let Some(k) = k.as_num().filter(|q| q.is_integer()).and_then(Q::to_i64) else {
                return Ok(None);
            };
            if k.unsigned_abs() as usize > MAX_DEGREE {
                return Ok(None);
            }
            let Some((p, q)) = together(b, x)? else {
                return Ok(None);
            };
            if (p.degree().max(q.degree()) as usize).saturating_mul(k.unsigned_abs() as usize)
                > MAX_DEGREE
            {
                return Ok(None);
            }
            let mut acc = (one(), one());
            for _ in 0..k.unsigned_abs() {
                acc = (acc.0.mul(&p)?, acc.1.mul(&q)?);
            }
            if k < 0 {
                (acc.1, acc.0)
            } else {
                acc
            }
        }
        _ => return Ok(None),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_combine_with_symbolic_coefficients() {
        let s = Expr::sym("s");
        let l = Expr::sym("λ");
        let s2 = expr::pow(s, Expr::int(2)).unwrap();
        let e = expr::sub(
            expr::div(s2.clone(), expr::add(vec![s2, l]).unwrap()).unwrap(),
            Expr::frac(4, 5),
        )
        .unwrap();
        let (n, d) = together(&e, "λ").unwrap().unwrap();
        assert_eq!(n.degree(), 1);
        assert_eq!(n.0[1], Expr::frac(-4, 5));
        assert_eq!(n.0[0].to_string(), "s^2/5");
        assert_eq!(d.to_expr("λ").unwrap().to_string(), "s^2 + λ");
        let x = Expr::sym("x");
        let r = expr::div(Expr::one(), x.clone()).unwrap();
        let (n, d) = together(&expr::add(vec![r, x]).unwrap(), "x")
            .unwrap()
            .unwrap();
        assert_eq!(
            n.to_poly().unwrap(),
            Poly::new(vec![Q::one(), Q::zero(), Q::one()])
        );
        assert_eq!(d.to_poly().unwrap(), Poly::x());
        assert!(together(&Expr::sqrt(Expr::sym("x")).unwrap(), "x")
            .unwrap()
            .is_none());
    }
}
