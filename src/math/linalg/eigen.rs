//! Exact eigenvalues of rational matrices whose characteristic polynomial splits into
//! rational roots and quadratic factors: rational eigenvalues, real quadratic surds, and
//! complex pairs a ± b·I (kept as real and imaginary parts, written with the imaginary unit
//! `I` on demand); and the exact spectral radius max |λ| from them.

use super::Matrix;
use crate::math::expr::{self, Expr, MResult};
use crate::math::float::sign::cmp_const;
use crate::math::number::Q;
use crate::math::poly::Poly;
use std::cmp::Ordering;

/// One eigenvalue (or conjugate pair) with its algebraic multiplicity.
#[derive(Debug, Clone, PartialEq)]
pub enum Eigen {
    /// A real eigenvalue, exact (a rational or a quadratic surd).
    Real(Expr, usize),
    /// The pair re ± im·i, im > 0.
    Complex { re: Expr, im: Expr, mult: usize },
}

/// The eigenvalues, or `None` when the characteristic polynomial keeps an irreducible factor
/// of degree 3 or more (or a product of quadratics sigma does not split yet).
pub fn eigenvalues(m: &Matrix) -> MResult<Option<Vec<Eigen>>> {
    from_charpoly(&Poly::new(m.charpoly()?))
}

/// The eigenvalues read off a characteristic polynomial already computed.
pub fn from_charpoly(p: &Poly) -> MResult<Option<Vec<Eigen>>> {
    let Some(split) = p.split_rational() else {
        return Ok(None);
    };
    if !split.complete {
        return Ok(None);
    }
    let mut out: Vec<Eigen> = split
        .roots
        .iter()
        .map(|(r, k)| Eigen::Real(Expr::Num(r.clone()), *k))
        .collect();
    let rest = split.rest;
    match rest.degree() {
        d if d <= 0 => {}
        2 => {
            let (c, b, a) = (rest.c[0].clone(), rest.c[1].clone(), rest.c[2].clone());
            let disc = b.mul(&b).sub(&Q::int(4).mul(&a).mul(&c));
            let two_a = Q::int(2).mul(&a);
            let re = Expr::Num(b.neg().div(&two_a)?);
            let root = expr::div(Expr::sqrt(Expr::Num(disc.abs()))?, Expr::Num(two_a.abs()))?;
            if disc.is_negative() {
                out.push(Eigen::Complex {
                    re,
                    im: root,
                    mult: 1,
                });
            } else {
                out.push(Eigen::Real(expr::sub(re.clone(), root.clone())?, 1));
                out.push(Eigen::Real(expr::add(vec![re, root])?, 1));
            }
        }
        _ => return Ok(None),
    }
    Ok(Some(out))
}

impl Eigen {
    /// A complex pair as the two values re − im·I and re + im·I (a real eigenvalue twice).
    pub fn conjugates(&self) -> MResult<(Expr, Expr)> {
        match self {
            Eigen::Real(x, _) => Ok((x.clone(), x.clone())),
            Eigen::Complex { re, im, .. } => {
                let i_im = expr::mul(vec![im.clone(), Expr::imag_unit()])?;
                Ok((
                    expr::sub(re.clone(), i_im.clone())?,
                    expr::add(vec![re.clone(), i_im])?,
                ))
            }
        }
    }
}

/// max |λ| over the eigenvalues, exactly.
pub fn spectral_radius(eigen: &[Eigen]) -> MResult<Expr> {
    let mut best = Expr::zero();
    for e in eigen {
        let modulus = match e {
            Eigen::Real(x, _) => expr::func(crate::math::expr::Func::Abs, vec![x.clone()])?,
            Eigen::Complex { re, im, .. } => Expr::sqrt(expr::add(vec![
                expr::pow(re.clone(), Expr::int(2))?,
                expr::pow(im.clone(), Expr::int(2))?,
            ])?)?,
        };
        if cmp_const(&modulus, &best)? == Ordering::Greater {
            best = modulus;
        }
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_neumann_example_has_a_complex_pair() {
        // SEEDS A9: A = [[0.20, 0.05], [−0.10, 0.15]], eigenvalues 7/40 ± i·√7/40,
        // ρ(A) = √(7/200).
        let a = Matrix::new(
            vec![
                vec![Q::frac(1, 5), Q::frac(1, 20)],
                vec![Q::frac(-1, 10), Q::frac(3, 20)],
            ],
            2,
        )
        .unwrap();
        let e = eigenvalues(&a).unwrap().unwrap();
        assert_eq!(
            e,
            vec![Eigen::Complex {
                re: Expr::frac(7, 40),
                im: expr::div(Expr::sqrt(Expr::int(7)).unwrap(), Expr::int(40)).unwrap(),
                mult: 1
            }]
        );
        let rho = spectral_radius(&e).unwrap();
        assert_eq!(rho, Expr::sqrt(Expr::frac(7, 200)).unwrap());
    }

    #[test]
    fn rational_and_surd_eigenvalues() {
        let a = Matrix::from_i64(&[&[2, 1], &[1, 2]]).unwrap();
        let e = eigenvalues(&a).unwrap().unwrap();
        assert!(e.contains(&Eigen::Real(Expr::int(1), 1)));
        assert!(e.contains(&Eigen::Real(Expr::int(3), 1)));
        assert_eq!(spectral_radius(&e).unwrap(), Expr::int(3));
        let fib = Matrix::from_i64(&[&[1, 1], &[1, 0]]).unwrap();
        let e = eigenvalues(&fib).unwrap().unwrap();
        let golden = expr::add(vec![
            Expr::frac(1, 2),
            expr::div(Expr::sqrt(Expr::int(5)).unwrap(), Expr::int(2)).unwrap(),
        ])
        .unwrap();
        assert_eq!(spectral_radius(&e).unwrap(), golden);
        let cubic = Matrix::from_i64(&[&[0, 0, 2], &[1, 0, 0], &[0, 1, 0]]).unwrap();
        assert_eq!(eigenvalues(&cubic).unwrap(), None);
    }
}
