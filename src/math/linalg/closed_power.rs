//! `A^k` for a symbolic exponent k, in closed form for every rational matrix whose
//! characteristic polynomial p splits into rational roots (any multiplicity, so A need not
//! be diagonalisable) and distinct irreducible quadratic factors over Q (real surds or complex
//! pairs). The method is Cayley–Hamilton with the Chinese remainder theorem, free of Jordan
//! forms: p = Π g_i with g_i = (x − λ_i)^(m_i) or a quadratic q; the idempotents
//! E_i = e_i(A), e_i ≡ 1 mod g_i and ≡ 0 mod g_j (j ≠ i), split A^k = Σ_i A^k·E_i, and
//! - for (x − λ)^m: A^k·E = Σ_(t<m) C(k, t)·λ^(k−t)·(A − λI)^t·E (the binomial theorem, since
//!   (A − λI)^m·E = 0);
//! - for q with roots α, β = r ± w: A^k·E = α^k·P_α + β^k·P_β with
//!   P_α, P_β = E/2 ± (A − rI)·E·w/(2w²) (Sylvester on the two-dimensional part).
//!
//! Every matrix coefficient is exact over Q (or Q(w) for the quadratic part).

use super::Matrix;
use crate::math::expr::{self, subst, Expr, MResult, MathError};
use crate::math::number::Q;
use crate::math::poly::Poly;

/// A^k in closed form.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosedPower {
    /// The entries, expressions in k.
    pub entries: Vec<Vec<Expr>>,
    /// The closed form holds for every integer k ≥ `valid_from` (0, or the multiplicity of
    /// the eigenvalue 0, below which the nilpotent part of A^k has not vanished yet).
    pub valid_from: usize,
    /// The characteristic polynomial det(x·I − A), coefficients from the constant up.
    pub charpoly: Poly,
    /// Whether some eigenvalue is defective or repeated (then the binomial terms C(k, t)
    /// with t ≥ 1 appear: A need not be diagonalisable).
    pub repeated: bool,
}

/// One factor g of the characteristic polynomial and the part of A^k it carries.
enum Part {
    /// (x − λ)^m
    Root(Q, usize),
    /// The monic irreducible quadratic x² + b·x + c.
    Quadratic(Q, Q),
}

impl Part {
    fn poly(&self) -> Poly {
        match self {
            Part::Root(l, m) => {
                let lin = Poly::new(vec![l.neg(), Q::one()]);
                (0..*m).fold(Poly::constant(Q::one()), |acc, _| acc.mul(&lin))
            }
            Part::Quadratic(b, c) => Poly::new(vec![c.clone(), b.clone(), Q::one()]),
        }
    }
}

/// A^k in closed form through the eigenvalues (Cayley–Hamilton and the idempotents of the
/// primary decomposition); `None` when the characteristic polynomial keeps a factor of degree
/// 3 or more without rational roots, or a repeated quadratic factor.
///
/// `k` may be any expression (a symbol `k`, or `ℓ − 1` for kernels); substituting an integer
/// k ≥ `valid_from` gives A^k exactly.
pub fn power_closed_form(a: &Matrix, k: &Expr) -> MResult<Option<ClosedPower>> {
    let n = a.nrows();
    let p = Poly::new(a.charpoly()?);
    let Some(split) = p.split_rational() else {
        return Ok(None);
    };
    if !split.complete {
        return Ok(None);
    }
    let mut parts: Vec<Part> = split
        .roots
        .iter()
        .map(|(l, m)| Part::Root(l.clone(), *m))
        .collect();
    for (f, mult) in super::eigen::irrational_factors(&split.rest) {
        if f.degree() != 2 || mult != 1 {
            return Ok(None);
        }
        let lead = f.lead();
        let c = f.c[0].div(&lead)?;
        let b = f.c[1].div(&lead)?;
        parts.push(Part::Quadratic(b, c));
    }
    let polys: Vec<Poly> = parts.iter().map(Part::poly).collect();
    let mut entries = vec![vec![Expr::zero(); n]; n];
    let mut valid_from = 0;
    let mut repeated = false;
    for (i, part) in parts.iter().enumerate() {
        let e = idempotent(&polys, i)?;
        let e_mat = poly_at(&e.div_rem(&p).1, a)?;
        match part {
            Part::Root(l, m) => {
                if *m > 1 {
                    repeated = true;
                }
                if l.is_zero() {
                    // A^k·E = (A·E)^k with A·E nilpotent of index ≤ m: 0 once k ≥ m.
                    valid_from = valid_from.max(*m);
                    continue;
                }
                let shifted = a.sub_scalar(l);
                let mut nt = e_mat.clone();
                for t in 0..*m {
                    if t > 0 {
                        nt = shifted.mul(&nt).ok_or_else(shape)?;
                    }
                    let basis = expr::mul(vec![
                        binomial_in(k, t)?,
                        expr::pow(
                            Expr::Num(l.clone()),
                            expr::sub(k.clone(), Expr::int(t as i64))?,
                        )?,
                    ])?;
                    accumulate(&mut entries, &nt, |q| {
                        expr::mul(vec![Expr::Num(q.clone()), basis.clone()])
                    })?;
                }
            }
            Part::Quadratic(b, c) => {
                // Roots r ± w, w² = D = r² − c.
                let r = b.neg().div(&Q::int(2))?;
                let d = r.mul(&r).sub(c);
                let w = if d.is_negative() {
                    expr::mul(vec![Expr::sqrt(Expr::Num(d.neg()))?, Expr::imag_unit()])?
                } else {
                    Expr::sqrt(Expr::Num(d.clone()))?
                };
                let alpha_k =
                    expr::pow(expr::add(vec![Expr::Num(r.clone()), w.clone()])?, k.clone())?;
                let beta_k = expr::pow(expr::sub(Expr::Num(r.clone()), w.clone())?, k.clone())?;
                // (A − rI)·E/(2D): the coefficient of w in P_α.
                let g = a.sub_scalar(&r).mul(&e_mat).ok_or_else(shape)?;
                let two_d = Q::int(2).mul(&d);
                for (row, (erow, grow)) in entries.iter_mut().zip(e_mat.rows.iter().zip(&g.rows)) {
                    for (x, (ev, gv)) in row.iter_mut().zip(erow.iter().zip(grow)) {
                        let half = Expr::Num(ev.div(&Q::int(2))?);
                        let gw = expr::mul(vec![Expr::Num(gv.div(&two_d)?), w.clone()])?;
                        let pa = expr::add(vec![half.clone(), gw.clone()])?;
                        let pb = expr::sub(half, gw)?;
                        *x = expr::add(vec![
                            x.clone(),
                            expr::mul(vec![pa, alpha_k.clone()])?,
                            expr::mul(vec![pb, beta_k.clone()])?,
                        ])?;
                    }
                }
            }
        }
    }
    Ok(Some(ClosedPower {
        entries,
        valid_from,
        charpoly: p,
        repeated,
    }))
}

fn shape() -> MathError {
    MathError::Domain("shape".into())
}

/// C(k, t) = k(k − 1)…(k − t + 1)/t! as an expanded polynomial in k.
fn binomial_in(k: &Expr, t: usize) -> MResult {
    let mut factors = vec![Expr::Num(Q::one().div(&factorial(t))?)];
    for j in 0..t {
        factors.push(expr::sub(k.clone(), Expr::int(j as i64))?);
    }
    subst::expand(&expr::mul(factors)?)
}

fn factorial(t: usize) -> Q {
    (1..=t as i64).fold(Q::one(), |acc, j| acc.mul(&Q::int(j)))
}

/// entries[r][c] += f(m[r][c]) for the non-zero entries of m.
fn accumulate(entries: &mut [Vec<Expr>], m: &Matrix, f: impl Fn(&Q) -> MResult) -> MResult<()> {
    for (row, mrow) in entries.iter_mut().zip(&m.rows) {
        for (x, q) in row.iter_mut().zip(mrow) {
            if !q.is_zero() {
                *x = expr::add(vec![x.clone(), f(q)?])?;
            }
        }
    }
    Ok(())
}

/// The polynomial e_i ≡ 1 mod polys[i], ≡ 0 mod every other polys[j] (pairwise coprime).
fn idempotent(polys: &[Poly], i: usize) -> MResult<Poly> {
    let h = polys
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != i)
        .fold(Poly::constant(Q::one()), |acc, (_, g)| acc.mul(g));
    let inv = inverse_mod(&h.div_rem(&polys[i]).1, &polys[i])?;
    Ok(h.mul(&inv))
}

/// u with u·h ≡ 1 mod g (h and g coprime), by the extended Euclidean algorithm.
fn inverse_mod(h: &Poly, g: &Poly) -> MResult<Poly> {
    if g.degree() == 0 {
        return Ok(Poly::zero());
    }
    // Invariants: r0 = s0·h (mod g), r1 = s1·h (mod g).
    let (mut r0, mut r1) = (g.clone(), h.clone());
    let (mut s0, mut s1) = (Poly::zero(), Poly::constant(Q::one()));
    while !r1.is_zero() {
        let (quo, rem) = r0.div_rem(&r1);
        let s2 = s0.sub(&quo.mul(&s1));
        r0 = std::mem::replace(&mut r1, rem);
        s0 = std::mem::replace(&mut s1, s2);
    }
    if r0.degree() != 0 {
        return Err(MathError::Domain(
            "the factors of the characteristic polynomial are not coprime".into(),
        ));
    }
    Ok(s0.scale(&r0.lead().recip()?).div_rem(g).1)
}

/// p(A) by Horner's rule.
fn poly_at(p: &Poly, a: &Matrix) -> MResult<Matrix> {
    let n = a.nrows();
    let mut acc = Matrix::new(vec![vec![Q::zero(); n]; n], n).ok_or_else(shape)?;
    for c in p.c.iter().rev() {
        acc = acc.mul(a).ok_or_else(shape)?;
        for i in 0..n {
            acc.rows[i][i] = acc.rows[i][i].add(c);
        }
    }
    Ok(acc)
}

impl Matrix {
    /// A − s·I.
    fn sub_scalar(&self, s: &Q) -> Matrix {
        let mut m = self.clone();
        for (i, row) in m.rows.iter_mut().enumerate() {
            row[i] = row[i].sub(s);
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::expr::subst::subs;

    /// Checks the closed form against repeated products for k = valid_from..=12.
    fn check(a: &Matrix) -> ClosedPower {
        let cp = power_closed_form(a, &Expr::sym("k"))
            .unwrap()
            .expect("a closed form");
        let mut p = Matrix::identity(a.nrows());
        for k in 0..=12 {
            if k >= cp.valid_from {
                for (crow, prow) in cp.entries.iter().zip(&p.rows) {
                    for (c, q) in crow.iter().zip(prow) {
                        let v =
                            subst::expand(&subs(c, "k", &Expr::int(k as i64)).unwrap()).unwrap();
                        assert_eq!(v, Expr::Num(q.clone()), "k = {k}, entry {c}");
                    }
                }
            }
            p = p.mul(a).unwrap();
        }
        cp
    }

    #[test]
    fn jordan_blocks_and_surds_and_complex_pairs() {
        let shear = check(&Matrix::from_i64(&[&[1, 1], &[0, 1]]).unwrap());
        assert_eq!(shear.entries[0][1], Expr::sym("k"));
        assert!(shear.repeated);
        check(&Matrix::from_i64(&[&[2, 1], &[0, 2]]).unwrap());
        check(&Matrix::from_i64(&[&[1, 1], &[1, 0]]).unwrap());
        check(&Matrix::from_i64(&[&[0, -1], &[1, 0]]).unwrap());
        check(&Matrix::from_i64(&[&[2, 1, 0], &[0, 2, 1], &[0, 0, 2]]).unwrap());
        check(&Matrix::from_i64(&[&[3, 1, 0], &[0, 3, 0], &[1, 1, 1]]).unwrap());
        check(&Matrix::from_i64(&[&[1, 2, 0], &[2, 1, 0], &[1, 0, -1]]).unwrap());
        let nil = check(&Matrix::from_i64(&[&[0, 1, 0], &[0, 0, 1], &[0, 0, 2]]).unwrap());
        assert_eq!(nil.valid_from, 2);
    }
}
