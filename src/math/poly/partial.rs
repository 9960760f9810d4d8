//! Partial fractions over Q: `p/q = poly + Σ c/(x − r)^k` for a denominator that splits into
//! linear factors at known roots. The one expansion behind rational sums and integrals; the
//! roots come from [`Poly::linear_factors`] or, for integer roots of any size,
//! [`super::roots::split_integer_roots`].

use super::Poly;
use crate::math::number::Q;

/// `p/q = poly + Σ coeff/(x − root)^power`; `terms` are `(root, power, coeff)` by increasing
/// root (as given) and, at each root, decreasing power, non-zero coefficients only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialFractions {
    pub poly: Poly,
    pub terms: Vec<(Q, usize, Q)>,
}

/// The partial fractions of `p/q` where `q = lead · Π (x − r)^m` over `roots` (each root with
/// its exact multiplicity). Each principal part comes from the Taylor coefficients of `p/q̃`
/// at `r`, where `q = (x − r)^m·q̃`; the polynomial part is the quotient of `p` by `q`.
pub fn partial_fractions(p: &Poly, q: &Poly, roots: &[(Q, usize)]) -> PartialFractions {
    let (poly, rem) = p.div_rem(q);
    let mut terms = Vec::new();
    for (r, m) in roots {
        let lin = Poly::new(vec![r.neg(), Q::one()]);
        let mut qt = q.clone();
        for _ in 0..*m {
            qt = qt.div_rem(&lin).0;
        }
        let (ps, qs) = (rem.shift(r), qt.shift(r));
        // q̃(r) ≠ 0 because m is the exact multiplicity of r.
        let Some(q0) = qs.c.first().cloned().filter(|q0| !q0.is_zero()) else {
            continue;
        };
        // The series of ps/qs to order m.
        let mut coef: Vec<Q> = Vec::with_capacity(*m);
        for i in 0..*m {
            let mut acc = ps.c.get(i).cloned().unwrap_or_else(Q::zero);
            for (j, cj) in coef.iter().enumerate() {
                if let Some(qq) = qs.c.get(i - j) {
                    acc = acc.sub(&cj.mul(qq));
                }
            }
            coef.push(acc.div(&q0).unwrap_or_else(|_| Q::zero()));
        }
        for (i, c) in coef.into_iter().enumerate() {
            if !c.is_zero() {
                terms.push((r.clone(), m - i, c));
            }
        }
    }
    PartialFractions { poly, terms }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poly(c: &[i64]) -> Poly {
        Poly::new(c.iter().map(|&a| Q::int(a)).collect())
    }

    /// poly + Σ c/(x − r)^k at a rational point.
    fn value(pf: &PartialFractions, x: &Q) -> Q {
        pf.terms.iter().fold(pf.poly.eval(x), |acc, (r, k, c)| {
            let d = x.sub(r).pow_int(&rug::Integer::from(*k)).unwrap();
            acc.add(&c.div(&d).unwrap())
        })
    }

    #[test]
    fn simple_poles() {
        // 1/(x (x+1)) = 1/x − 1/(x+1)
        let q = poly(&[0, 1]).mul(&poly(&[1, 1]));
        let roots = q.linear_factors().unwrap();
        let pf = partial_fractions(&poly(&[1]), &q, &roots);
        assert!(pf.poly.is_zero());
        assert_eq!(
            pf.terms,
            vec![(Q::int(-1), 1, Q::int(-1)), (Q::zero(), 1, Q::one())]
        );
    }

    #[test]
    fn repeated_and_fractional_roots_with_a_polynomial_part() {
        // (x³ + 2)/x² = x + 2/x²
        let pf = partial_fractions(&poly(&[2, 0, 0, 1]), &poly(&[0, 0, 1]), &[(Q::zero(), 2)]);
        assert_eq!(pf.poly, poly(&[0, 1]));
        assert_eq!(pf.terms, vec![(Q::zero(), 2, Q::int(2))]);
        // (5x⁴ + 1)/((2x − 1)²(x + 3)), checked at points away from the poles.
        let p = poly(&[1, 0, 0, 0, 5]);
        let q = poly(&[-1, 2]).mul(&poly(&[-1, 2])).mul(&poly(&[3, 1]));
        let roots = q.linear_factors().unwrap();
        assert_eq!(roots, vec![(Q::int(-3), 1), (Q::frac(1, 2), 2)]);
        let pf = partial_fractions(&p, &q, &roots);
        assert_eq!(pf.poly.degree(), 1);
        assert_eq!(pf.terms.len(), 3);
        assert_eq!(pf.terms[1].1, 2);
        for x in [Q::int(0), Q::int(7), Q::frac(-5, 3)] {
            let direct = p.eval(&x).div(&q.eval(&x)).unwrap();
            assert_eq!(value(&pf, &x), direct);
        }
    }
}
