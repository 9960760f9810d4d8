//! Exact eigenvalues of rational matrices: rational eigenvalues, real quadratic surds,
//! complex pairs a ± b·I (kept as real and imaginary parts, written with the imaginary unit
//! `I` on demand), and the real roots of factors of degree ≥ 3 as exact root objects
//! `root(f, λ, k)` (the non-real roots of those factors are counted, not written); and the
//! exact spectral radius max |λ| from them.

use super::Matrix;
use crate::math::expr::rootof;
use crate::math::expr::{self, Expr, MResult};
use crate::math::float::sign::{cmp_const, sign_const};
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
    /// The `count` non-real roots of the square-free factor `poly` (degree ≥ 3, in λ), each
    /// of multiplicity `mult`: counted by Sturm's theorem, not written.
    Unwritten {
        poly: Poly,
        count: usize,
        mult: usize,
    },
}

/// The eigenvalues, or `None` when the rational roots could not all be split off (huge
/// coefficients).
pub fn eigenvalues(m: &Matrix) -> MResult<Option<Vec<Eigen>>> {
    from_charpoly(&Poly::new(m.charpoly()?))
}

/// The factors of a polynomial without rational roots, with multiplicities: its square-free
/// decomposition, with quadratic factors over Q split off (Kronecker) from the factors of
/// degree ≥ 4, so that e.g. two rotation blocks give two quadratics.
pub fn irrational_factors(rest: &Poly) -> Vec<(Poly, usize)> {
    let mut out = Vec::new();
    for (f, m) in rest.square_free_decomposition() {
        if f.degree() >= 4 {
            let (qs, r) = f.split_quadratics();
            out.extend(qs.into_iter().map(|q| (q, m)));
            if r.degree() > 0 {
                out.push((r, m));
            }
        } else {
            out.push((f, m));
        }
    }
    out
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
    for (rest, mult) in irrational_factors(&split.rest) {
        if rest.degree() >= 3 {
            let iso = rest
                .isolate_real_roots()
                .ok_or_else(|| crate::math::MathError::Domain("the zero polynomial".into()))?;
            for k in 1..=iso.len() {
                out.push(Eigen::Real(rootof::root_expr(&rest, "λ", k)?, mult));
            }
            let count = rest.degree() as usize - iso.len();
            if count > 0 {
                out.push(Eigen::Unwritten {
                    poly: rest,
                    count,
                    mult,
                });
            }
            continue;
        }
        if rest.degree() == 2 {
            let (c, b, a) = (rest.c[0].clone(), rest.c[1].clone(), rest.c[2].clone());
            let disc = b.mul(&b).sub(&Q::int(4).mul(&a).mul(&c));
            let two_a = Q::int(2).mul(&a);
            let re = Expr::Num(b.neg().div(&two_a)?);
            let root = expr::div(Expr::sqrt(Expr::Num(disc.abs()))?, Expr::Num(two_a.abs()))?;
            if disc.is_negative() {
                out.push(Eigen::Complex { re, im: root, mult });
            } else {
                out.push(Eigen::Real(expr::sub(re.clone(), root.clone())?, mult));
                out.push(Eigen::Real(expr::add(vec![re, root])?, mult));
            }
        }
    }
    Ok(Some(out))
}

impl Eigen {
    /// A complex pair as the two values re − im·I and re + im·I (a real eigenvalue twice).
    pub fn conjugates(&self) -> MResult<(Expr, Expr)> {
        match self {
            Eigen::Real(x, _) => Ok((x.clone(), x.clone())),
            Eigen::Unwritten { poly, .. } => Err(crate::math::MathError::Unsupported(format!(
                "the non-real roots of {} cannot be written exactly yet",
                poly.to_expr("λ")?
            ))),
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

/// |x| for a real eigenvalue; for a negative root object of an even or odd polynomial, the
/// mirrored root object (so that equal moduli are one expression).
fn abs_real(x: &Expr) -> MResult<Expr> {
    if sign_const(x)? != Ordering::Less {
        return Ok(x.clone());
    }
    if let Some((p, i)) = rootof::root_parts(x) {
        let even = p.c.iter().skip(1).step_by(2).all(Q::is_zero);
        let odd = p.c.iter().step_by(2).all(Q::is_zero);
        if even || odd {
            let n = p.isolate_real_roots().map_or(0, |iso| iso.len());
            return rootof::root_expr(&p, "λ", n - i);
        }
    }
    expr::neg(x.clone())
}

/// max |λ| over the eigenvalues, exactly. The non-real roots of a cubic factor f with real
/// root r have modulus sqrt(|f(0)/(lead(f)·r)|) (the product of the three roots is
/// −f(0)/lead(f)); those of higher-degree factors are refused.
pub fn spectral_radius(eigen: &[Eigen]) -> MResult<Expr> {
    let mut best = Expr::zero();
    for e in eigen {
        let modulus = match e {
            Eigen::Real(x, _) => abs_real(x)?,
            Eigen::Complex { re, im, .. } => Expr::sqrt(expr::add(vec![
                expr::pow(re.clone(), Expr::int(2))?,
                expr::pow(im.clone(), Expr::int(2))?,
            ])?)?,
            Eigen::Unwritten { poly, .. } if poly.degree() == 3 => {
                let r_abs = abs_real(&rootof::root_expr(poly, "λ", 1)?)?;
                if poly.c[1].is_zero() && poly.c[2].is_zero() {
                    // a·λ³ + c: the three roots share one modulus.
                    r_abs
                } else {
                    let c = poly.c[0].div(&poly.lead())?.abs();
                    Expr::sqrt(expr::div(Expr::Num(c), r_abs)?)?
                }
            }
            Eigen::Unwritten { poly, .. } => {
                return Err(crate::math::MathError::Unsupported(format!(
                    "the moduli of the non-real roots of {}, which sigma does not compute yet",
                    poly.to_expr("λ")?
                )))
            }
        };
        if modulus != best && cmp_const(&modulus, &best)? == Ordering::Greater {
            best = modulus;
        }
    }
    Ok(best)
}

/// The 2-norm ‖A‖₂ = sqrt(λ_max(AᵀA)) (or of A·Aᵀ when A has fewer rows than columns: the
/// same non-zero eigenvalues, a smaller matrix), exactly: λ_max is a rational, a surd or a
/// root object, since a symmetric matrix has real eigenvalues only. Returns the norm, the
/// Gram matrix's characteristic polynomial and λ_max.
pub fn two_norm(a: &Matrix) -> MResult<(Expr, Poly, Expr)> {
    let t = a.transpose();
    let shape = || crate::math::MathError::Domain("shape".into());
    let gram = if a.nrows() < a.ncols() {
        a.mul(&t).ok_or_else(shape)?
    } else {
        t.mul(a).ok_or_else(shape)?
    };
    let p = Poly::new(gram.charpoly()?);
    let eigen = from_charpoly(&p)?.ok_or_else(|| {
        crate::math::MathError::Unsupported(
            "the coefficients of the characteristic polynomial of AᵀA are too large to split"
                .into(),
        )
    })?;
    let mut best = Expr::zero();
    for e in &eigen {
        let Eigen::Real(x, _) = e else {
            return Err(crate::math::MathError::Unsupported(
                "AᵀA should have real eigenvalues only".into(),
            ));
        };
        if *x != best && cmp_const(x, &best)? == Ordering::Greater {
            best = x.clone();
        }
    }
    Ok((denest_sqrt(&best)?, p, best))
}

/// sqrt(x), denested when x = a + b·√d with a² − b²·d = c² a rational square:
/// sqrt(a + b√d) = sqrt((a + c)/2) ± sqrt((a − c)/2) (sign of b), e.g. sqrt(15 + √221) =
/// (√26 + √34)/2.
fn denest_sqrt(x: &Expr) -> MResult<Expr> {
    let plain = || Expr::sqrt(x.clone());
    let Expr::Add(ts) = x else {
        return plain();
    };
    let [Expr::Num(a), surd] = ts.as_slice() else {
        return plain();
    };
    let (b, rest) = surd.split_coeff();
    let Expr::Pow(base, e) = &rest else {
        return plain();
    };
    let (Expr::Num(d), Some(half)) = (&**base, e.as_num()) else {
        return plain();
    };
    if *half != Q::frac(1, 2) || !a.is_positive() {
        return plain();
    }
    let c2 = a.mul(a).sub(&b.mul(&b).mul(d));
    if c2.is_negative() {
        return plain();
    }
    let (c, rest) = c2.kth_root_split(2);
    if rest != 1 {
        return plain();
    }
    let two = Q::int(2);
    let hi = Expr::sqrt(Expr::Num(a.add(&c).div(&two)?))?;
    let lo = Expr::sqrt(Expr::Num(a.sub(&c).div(&two)?))?;
    if b.is_negative() {
        expr::sub(hi, lo)
    } else {
        expr::add(vec![hi, lo])
    }
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
        // λ³ − 2: one real root object, two non-real roots counted.
        let cubic = Matrix::from_i64(&[&[0, 0, 2], &[1, 0, 0], &[0, 1, 0]]).unwrap();
        let e = eigenvalues(&cubic).unwrap().unwrap();
        let p = Poly::new(vec![Q::int(-2), Q::zero(), Q::zero(), Q::one()]);
        let r = rootof::root_expr(&p, "λ", 1).unwrap();
        assert_eq!(e[0], Eigen::Real(r.clone(), 1));
        assert!(matches!(
            &e[1],
            Eigen::Unwritten {
                count: 2,
                mult: 1,
                ..
            }
        ));
        // All three roots have modulus 2^(1/3): the pair's sqrt(2/r) equals r.
        let rho = spectral_radius(&e).unwrap();
        assert_eq!(
            cmp_const(&rho, &Expr::frac(125_992, 100_000)).unwrap(),
            Ordering::Greater
        );
        assert_eq!(
            cmp_const(&rho, &Expr::frac(125_993, 100_000)).unwrap(),
            Ordering::Less
        );
    }
}
