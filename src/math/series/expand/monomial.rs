//! Polynomials with rational coefficients read straight into one dense series: a sum of terms
//! c·x^k becomes its coefficient vector at once, instead of a series for each constant, each
//! power of x and each product and sum of them (1 − x − x² had cost eight dense vectors of
//! mostly zeros before its inverse was taken).

use crate::math::expr::Expr;
use crate::math::number::Q;

/// `e` as terms `(k, c)` for c·x^k (k ≥ 0, rational c), when it is a polynomial in `x` of
/// that plain form: a number, `x`, `x^k`, a product of a number and powers of `x`, or a sum
/// of those. `None` for anything else (other symbols, functions, negative or symbolic
/// powers), which the general expansion handles.
pub fn monomials(e: &Expr, x: &str) -> Option<Vec<(u64, Q)>> {
    match e {
        Expr::Add(ts) => {
            let mut out: Vec<(u64, Q)> = Vec::with_capacity(ts.len());
            for t in ts {
                let (k, c) = monomial(t, x)?;
                match out.iter_mut().find(|(j, _)| *j == k) {
                    Some((_, d)) => *d = d.add(&c),
                    None => out.push((k, c)),
                }
            }
            Some(out)
        }
        _ => monomial(e, x).map(|m| vec![m]),
    }
}

/// One term c·x^k.
fn monomial(e: &Expr, x: &str) -> Option<(u64, Q)> {
    match e {
        Expr::Num(q) => Some((0, q.clone())),
        Expr::Mul(fs) => {
            let mut c = Q::one();
            let mut k = 0u64;
            for f in fs {
                match f {
                    Expr::Num(q) => c = c.mul(q),
                    _ => k = k.checked_add(power_of_x(f, x)?)?,
                }
            }
            Some((k, c))
        }
        _ => Some((power_of_x(e, x)?, Q::one())),
    }
}

/// k for `x` or `x^k` (k a positive integer).
fn power_of_x(e: &Expr, x: &str) -> Option<u64> {
    match e {
        Expr::Sym(s) if &**s == x => Some(1),
        Expr::Pow(b, k) if matches!(&**b, Expr::Sym(s) if &**s == x) => {
            let k = k.as_num()?;
            k.is_integer()
                .then(|| k.numer().to_u64())?
                .filter(|&k| k > 0)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;

    fn terms(src: &str) -> Option<Vec<(u64, Q)>> {
        monomials(&Session::expr(src).unwrap(), "x")
    }

    #[test]
    fn plain_polynomials_are_read() {
        assert_eq!(
            terms("1 - x - x^2"),
            Some(vec![(0, Q::one()), (1, Q::int(-1)), (2, Q::int(-1))])
        );
        assert_eq!(terms("3*x^5/4"), Some(vec![(5, Q::frac(3, 4))]));
        assert_eq!(terms("x"), Some(vec![(1, Q::one())]));
        assert_eq!(terms("7/2"), Some(vec![(0, Q::frac(7, 2))]));
    }

    #[test]
    fn anything_else_is_left_to_the_general_expansion() {
        for src in ["1 - y*x", "x^(1/2)", "x^(-1)", "sin(x) + 1", "pi*x", "x^n"] {
            assert_eq!(terms(src), None, "{src}");
        }
    }
}
