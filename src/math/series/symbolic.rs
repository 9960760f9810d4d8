//! The series coefficient ring of polynomials in parameters and constants ([`MPoly`]): the
//! middle rung between exact rationals and expression trees. Series whose coefficients are
//! all rational take the fast rational kernels; the rest accumulate each coefficient's
//! products in one pass (one sort, one round of additions) instead of building a polynomial
//! per product.

use super::fast;
use super::ring::{self, Coeff};
use crate::math::expr::{Expr, MResult, MathError};
use crate::math::number::Q;
use crate::math::poly::mpoly::MPoly;

use crate::math::check_interrupt as check;

/// The coefficients as rationals, when every one is.
fn rational(a: &[MPoly]) -> Option<Vec<Q>> {
    a.iter().map(MPoly::as_rational).collect()
}

fn lift(a: Vec<Q>) -> Vec<MPoly> {
    a.into_iter().map(MPoly::constant).collect()
}

/// A coefficient that left the ring (a division by a sum): the expansion is redone over
/// expression trees.
fn not_in_ring() -> MathError {
    MathError::Unsupported("a coefficient is not a polynomial in the constants".into())
}

impl Coeff for MPoly {
    fn zero() -> Self {
        MPoly::zero()
    }
    fn one() -> Self {
        MPoly::constant(Q::one())
    }
    fn from_q(q: Q) -> Self {
        MPoly::constant(q)
    }
    fn from_expr(e: &Expr) -> Option<Self> {
        MPoly::from_expr(e)
    }
    fn to_expr(&self) -> Expr {
        MPoly::to_expr(self)
    }
    fn is_zero(&self) -> bool {
        MPoly::is_zero(self)
    }
    fn add(&self, o: &Self) -> MResult<Self> {
        Ok(MPoly::add(self, o))
    }
    fn sub(&self, o: &Self) -> MResult<Self> {
        Ok(MPoly::sub(self, o))
    }
    fn mul(&self, o: &Self) -> MResult<Self> {
        Ok(MPoly::mul(self, o))
    }
    fn div(&self, o: &Self) -> MResult<Self> {
        if o.is_zero() {
            return Err(MathError::DivisionByZero);
        }
        MPoly::div(self, o).ok_or_else(not_in_ring)
    }
    fn neg(&self) -> MResult<Self> {
        Ok(MPoly::neg(self))
    }
    fn mul_q(&self, q: &Q) -> MResult<Self> {
        Ok(self.scale(q))
    }
    /// One accumulation: every product of the sum is collected, sorted and combined once.
    fn tail(a: &[Self], h: &[Self], k: usize, w: impl Fn(usize) -> Q) -> MResult<Self> {
        let top = k.min(a.len().saturating_sub(1));
        let scaled: Vec<(usize, MPoly)> = (1..=top)
            .filter(|&j| !a[j].is_zero() && !h[k - j].is_zero())
            .map(|j| (j, a[j].scale(&w(j))))
            .collect();
        Ok(MPoly::sum_of_products(
            scaled.iter().map(|(j, aj)| (aj, &h[k - j])),
        ))
    }

    fn s_mul(a: &[Self], b: &[Self], n: usize) -> MResult<Vec<Self>> {
        if let (Some(x), Some(y)) = (rational(a), rational(b)) {
            return Ok(lift(fast::mul(&x, &y, n)));
        }
        let mut out = Vec::with_capacity(n);
        for k in 0..n {
            check()?;
            let lo = k.saturating_sub(b.len().saturating_sub(1));
            let hi = k.min(a.len().saturating_sub(1));
            if a.is_empty() || b.is_empty() || lo > hi {
                out.push(MPoly::zero());
                continue;
            }
            out.push(MPoly::sum_of_products(
                (lo..=hi)
                    .filter(|&i| !a[i].is_zero() && !b[k - i].is_zero())
                    .map(|i| (&a[i], &b[k - i])),
            ));
        }
        Ok(out)
    }
    fn s_inv(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        if let Some(x) = rational(a) {
            return Ok(lift(fast::inv(&x, n)?));
        }
        ring::inv_recurrence(a, n)
    }
    fn s_div(a: &[Self], b: &[Self], n: usize) -> MResult<Vec<Self>> {
        if let (Some(x), Some(y)) = (rational(a), rational(b)) {
            return Ok(lift(fast::div(&x, &y, n)?));
        }
        let inv = Self::s_inv(b, n)?;
        Self::s_mul(a, &inv, n)
    }
    fn s_exp(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        if let Some(x) = rational(a) {
            return Ok(lift(fast::exp(&x, n)?));
        }
        ring::exp_recurrence(a, n)
    }
    fn s_log(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        if let Some(x) = rational(a) {
            return Ok(lift(fast::log(&x, n)?));
        }
        let d = ring::derivative(a);
        let q = Self::s_div(&d, a, n.saturating_sub(1))?;
        Ok(ring::integral(&q, n))
    }
    fn s_sin_cos(a: &[Self], n: usize) -> MResult<(Vec<Self>, Vec<Self>)> {
        if let Some(x) = rational(a) {
            let (s, c) = fast::sin_cos(&x, n)?;
            return Ok((lift(s), lift(c)));
        }
        ring::sin_cos_recurrence(a, n)
    }
    fn s_sin(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        match rational(a) {
            Some(x) => Ok(lift(fast::sin(&x, n)?)),
            None => Ok(ring::sin_cos_recurrence(a, n)?.0),
        }
    }
    fn s_cos(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        match rational(a) {
            Some(x) => Ok(lift(fast::cos(&x, n)?)),
            None => Ok(ring::sin_cos_recurrence(a, n)?.1),
        }
    }
    fn s_tan(a: &[Self], n: usize) -> MResult<Vec<Self>> {
        if let Some(x) = rational(a) {
            return Ok(lift(fast::tan(&x, n)?));
        }
        let (s, c) = Self::s_sin_cos(a, n)?;
        Self::s_div(&s, &c, n)
    }
    fn s_pow(a: &[Self], alpha: &Self, n: usize) -> MResult<Vec<Self>> {
        if let (Some(x), Some(al)) = (rational(a), alpha.as_rational()) {
            return Ok(lift(fast::pow(&x, &al, n)?));
        }
        ring::pow_recurrence(a, alpha, n)
    }
}

#[cfg(test)]
mod tests {
    use super::super::run;
    use crate::math::expr::{subst, Expr};
    use crate::math::poly::mpoly::{MPoly, Printer, Scope};
    use crate::session::Session;

    /// The polynomial ring's coefficients, printed, equal expression trees' expanded ones.
    fn agrees(src: &str, n: usize) {
        let f = Session::expr(src).unwrap();
        let _s = Scope::enter();
        let (c, _) = run::<MPoly>(&f, "x", n).unwrap_or_else(|e| panic!("{src}: {e:?}"));
        let mut p = Printer::new();
        let got: Vec<Expr> = c.iter().map(|c| p.expr(c)).collect();
        let (want, _) = run::<Expr>(&f, "x", n).unwrap();
        let want: Vec<Expr> = want.iter().map(|e| subst::expand(e).unwrap()).collect();
        assert_eq!(got, want, "{src}");
    }

    #[test]
    fn agrees_with_expression_trees() {
        for src in [
            "exp(a*x)*sin(x)",
            "exp(sqrt(2)*x)*sin(pi*x)",
            "(a + x)^5",
            "1/(a - x)",
            "cos(a*x + b*x^2)",
            "ln(1 + a*x)",
            "sqrt(1 + a*x)",
            "(1 + x)^a",
            "tan(a*x)",
            "exp(pi*x)/(1 - x)",
            "sin(x)/a",
            "x/(exp(a*x) - 1)",
            "sqrt(3)*x + sqrt(2)*x^2 + e*x^3",
            "exp(e*x)*cos(sqrt(5)*x)",
            "(2^(1/3)*x + 1)^4",
            "exp(sqrt(2)*x)^2",
        ] {
            agrees(src, 12);
        }
    }

    #[test]
    fn leaves_the_ring_when_it_must() {
        for src in [
            "exp(a + x)",
            "1/(1 + a + x)",
            "sin(a)*x",
            "sqrt(6)*x + sqrt(2)*x^2 + sqrt(3)*x^3",
        ] {
            let f = Session::expr(src).unwrap();
            let _s = Scope::enter();
            assert!(run::<MPoly>(&f, "x", 6).is_err(), "{src}");
        }
    }
}
