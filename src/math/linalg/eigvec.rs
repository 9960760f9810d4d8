//! Exact eigenvectors for algebraic eigenvalues of any size of matrix: for λ a simple root of
//! a square-free factor f of the characteristic polynomial p, the columns of
//! q(A) = p(A)/(A − λI), q(x) = p(x)/(x − λ), satisfy (A − λI)·q(A) = p(A) = 0 (Cayley–
//! Hamilton), and q(A) ≠ 0 since λ is simple. Its entries are polynomials in λ over Q,
//! reduced modulo f, so the arithmetic is exact in Q[λ]/(f): surds, complex pairs (with `I`)
//! and root objects alike.

use super::Matrix;
use crate::math::expr::{self, rootof, subst, Expr, MResult, MathError};

use crate::math::poly::Poly;

/// The factor among `factors` that λ is a root of: the polynomial of a root object, or the
/// quadratic factor that vanishes at λ (checked exactly by expansion).
pub fn factor_of(lambda: &Expr, factors: &[Poly]) -> MResult<Option<Poly>> {
    if let Some((p, _)) = rootof::root_parts(lambda) {
        return Ok(Some(p));
    }
    for f in factors.iter().filter(|f| f.degree() == 2) {
        if subst::expand(&at(f, lambda)?)?.is_zero() {
            return Ok(Some(f.clone()));
        }
    }
    Ok(None)
}

/// An eigenvector of `a` for λ, a simple root of the square-free factor `f` of the
/// characteristic polynomial `p`; `None` when no column of q(A) is non-zero at λ.
pub fn eigenvector(a: &Matrix, p: &Poly, f: &Poly, lambda: &Expr) -> MResult<Option<Vec<Expr>>> {
    let n = a.nrows();
    let modf = |g: Poly| g.div_rem(f).1;
    // q(x) = Σ b_j x^j: b_(n−1) = a_n, b_(j−1) = a_j + λ·b_j (synthetic division), in Q[λ]/(f).
    let mut b = vec![Poly::zero(); n];
    b[n - 1] = Poly::constant(p.c[n].clone());
    for j in (1..n).rev() {
        b[j - 1] = modf(Poly::constant(p.c[j].clone()).add(&Poly::x().mul(&b[j])));
    }
    let mut powers = vec![Matrix::identity(n)];
    for j in 1..n {
        let next = powers[j - 1]
            .mul(a)
            .ok_or_else(|| MathError::Domain("shape".into()))?;
        powers.push(next);
    }
    for col in 0..n {
        let entries: Vec<Poly> = (0..n)
            .map(|r| {
                b.iter().zip(&powers).fold(Poly::zero(), |acc, (bj, aj)| {
                    acc.add(&bj.scale(&aj.rows[r][col]))
                })
            })
            .collect();
        if entries.iter().all(|g| vanishes_at(g, f, lambda)) {
            continue;
        }
        let v = entries
            .iter()
            .map(|g| subst::expand(&at(g, lambda)?))
            .collect::<MResult<Vec<_>>>()?;
        return Ok(Some(v));
    }
    Ok(None)
}

/// g(λ) as an expression (Horner's rule, not yet expanded).
fn at(g: &Poly, lambda: &Expr) -> MResult {
    let mut acc = Expr::zero();
    for c in g.c.iter().rev() {
        acc = expr::add(vec![
            expr::mul(vec![acc, lambda.clone()])?,
            Expr::Num(c.clone()),
        ])?;
    }
    Ok(acc)
}

/// Whether g (of degree < deg f) vanishes at λ, a root of f: exactly when λ is a root of
/// gcd(g, f); for a root object, the gcd's roots are tested in λ's isolating interval.
fn vanishes_at(g: &Poly, f: &Poly, lambda: &Expr) -> bool {
    if g.is_zero() {
        return true;
    }
    let h = g.gcd(f);
    if h.degree() < 1 {
        return false;
    }
    match rootof::root_parts(lambda) {
        Some((p, i)) => p.isolate_real_roots().is_some_and(|iso| {
            let (lo, hi) = &iso.intervals[i];
            h.sign_at(hi) == 0 || h.count_roots(lo, hi) > 0
        }),
        // A quadratic f is irreducible over Q here, so h = f and g = 0, handled above; be
        // safe and call it zero only when it expands to 0.
        None => subst::expand(&at(g, lambda).unwrap_or_else(|_| Expr::one()))
            .map(|e| e.is_zero())
            .unwrap_or(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::number::Q;

    #[test]
    fn eigenvectors_in_an_extension_field() {
        // [[2, 1, 1], [1, 3, 1], [1, 1, 4]]: three root objects of λ³ − 9λ² + 23λ − 17.
        let a = Matrix::from_i64(&[&[2, 1, 1], &[1, 3, 1], &[1, 1, 4]]).unwrap();
        let p = Poly::new(a.charpoly().unwrap());
        for k in 1..=3 {
            let l = rootof::root_expr(&p, "λ", k).unwrap();
            let f = factor_of(&l, &[]).unwrap().unwrap();
            let v = eigenvector(&a, &p, &f, &l).unwrap().unwrap();
            // (A − λI)v = 0, checked numerically to 30 digits (the exact check would need
            // reduction modulo f of root-object powers).
            for r in 0..3 {
                let mut terms = Vec::new();
                for (c, vc) in v.iter().enumerate() {
                    let entry = Expr::Num(a.rows[r][c].clone());
                    terms.push(expr::mul(vec![entry, vc.clone()]).unwrap());
                }
                terms.push(expr::neg(expr::mul(vec![l.clone(), v[r].clone()]).unwrap()).unwrap());
                let res = expr::add(terms).unwrap();
                let x = crate::math::float::to_float(&res, 200).unwrap();
                assert!(x.abs() < 1e-40, "row {r}: {res}");
            }
        }
        // A 3 × 3 with a complex pair ±I and the eigenvalue 2.
        let b = Matrix::from_i64(&[&[0, -1, 0], &[1, 0, 0], &[1, 1, 2]]).unwrap();
        let p = Poly::new(b.charpoly().unwrap());
        let q = Poly::new(vec![Q::one(), Q::zero(), Q::one()]);
        let i = Expr::imag_unit();
        assert_eq!(
            factor_of(&i, std::slice::from_ref(&q)).unwrap(),
            Some(q.clone())
        );
        let v = eigenvector(&b, &p, &q, &i).unwrap().unwrap();
        for r in 0..3 {
            let mut terms: Vec<Expr> = (0..3)
                .map(|c| expr::mul(vec![Expr::Num(b.rows[r][c].clone()), v[c].clone()]).unwrap())
                .collect();
            terms.push(expr::neg(expr::mul(vec![i.clone(), v[r].clone()]).unwrap()).unwrap());
            let res = subst::expand(&expr::add(terms).unwrap()).unwrap();
            assert!(res.is_zero(), "row {r}: {res}");
        }
    }
}
