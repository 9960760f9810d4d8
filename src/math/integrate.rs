//! Exact definite integrals of rational functions over Q between rational limits: the
//! polynomial part, partial fractions over the rational roots of the denominator and its
//! irreducible quadratic factors, and the antiderivative's logarithms and arctangents
//! evaluated at the limits. A pole on the interval, an irrational real root or a repeated
//! quadratic factor is declined (`None`), never approximated.
//!
//! Above `poly`, `linalg` (the partial-fraction system) and the expression layer; it provides
//! canonical `integrate(…)` with these closed forms through [`install`].

use crate::math::answer::Op;
use crate::math::derivation::Derivation;
use crate::math::expr::{self, Expr, Func, MResult};
use crate::math::linalg::{Matrix, Solution};
use crate::math::number::Q;
use crate::math::poly::{self, Poly};
use crate::rich;

/// Largest denominator degree integrated (the partial-fraction system is dense).
const MAX_DEGREE: i64 = 24;

/// One piece of a partial-fraction decomposition.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    /// `c / (t − r)^k`
    Linear { r: Q, k: usize, c: Q },
    /// `(a·t + b) / (t² + p·t + s)`, irreducible over R (p² < 4s).
    Quadratic { p: Q, s: Q, a: Q, b: Q },
}

/// Lets canonical `integrate(g, t, lo, hi)` use these closed forms (idempotent).
pub fn install() {
    crate::math::expr::func::provide_definite_integral(|g, t, lo, hi| {
        Ok(definite(g, t, lo, hi)?.map(|(v, _)| v))
    });
}

/// ∫_lo^hi g(t) dt exactly, with its derivation, when `g` is a rational function of `t` over Q,
/// the limits are rational and no pole lies on the closed interval between them.
pub fn definite(g: &Expr, t: &str, lo: &Expr, hi: &Expr) -> MResult<Option<(Expr, Derivation)>> {
    let (Some(a), Some(b)) = (lo.as_num(), hi.as_num()) else {
        return Ok(None);
    };
    let Some((p, q)) = poly::rational_function(g, t) else {
        return Ok(None);
    };
    if q.is_zero() || q.degree() > MAX_DEGREE || p.degree() > 4 * MAX_DEGREE {
        return Ok(None);
    }
    let (whole, rem) = p.div_rem(&q);
    let Some(pieces) = decompose(&rem, &q)? else {
        return Ok(None);
    };
    let (left, right) = if a <= b { (a, b) } else { (b, a) };
    for piece in &pieces {
        if let Piece::Linear { r, .. } = piece {
            if left <= r && r <= right {
                return Ok(None);
            }
        }
    }
    let mut d = Derivation::new();
    let x = Expr::sym(t);
    let mut parts = vec![whole.to_expr(t)?];
    for piece in &pieces {
        parts.push(piece.to_expr(&x)?);
    }
    let split = expr::add(parts)?;
    if split != *g {
        d.push(
            rich![g.clone(), Op::Eq, split],
            "partial fractions over the rational roots and irreducible quadratic factors of the denominator",
        );
    }
    let mut anti = vec![antiderivative_poly(&whole).to_expr(t)?];
    for piece in &pieces {
        anti.push(piece.antiderivative(&x)?);
    }
    let big = expr::add(anti)?;
    d.push(
        rich!["an antiderivative is ", big.clone()],
        "term by term: powers, logarithms and arctangents",
    );
    let at = |v: &Q| -> MResult {
        let mut terms = vec![Expr::Num(antiderivative_poly(&whole).eval(v))];
        for piece in &pieces {
            terms.push(piece.value_at(v)?);
        }
        expr::add(terms)
    };
    let value = expr::sub(at(b)?, at(a)?)?;
    let integral = Expr::Func(Func::Integral, vec![g.clone(), x, lo.clone(), hi.clone()]);
    d.push(
        rich![integral, Op::Eq, value.clone()],
        "the antiderivative at the upper limit minus at the lower; no pole lies between them",
    );
    Ok(Some((value, d)))
}

fn antiderivative_poly(p: &Poly) -> Poly {
    let mut c = vec![Q::zero()];
    for (k, a) in p.c.iter().enumerate() {
        c.push(a.div(&Q::int(k as i64 + 1)).unwrap_or_else(|_| Q::zero()));
    }
    Poly::new(c)
}

/// The partial fractions of `rem/q` (deg rem < deg q), or `None` when the denominator has an
/// irrational real root, a repeated quadratic factor or a factor of degree ≥ 3 left over.
fn decompose(rem: &Poly, q: &Poly) -> MResult<Option<Vec<Piece>>> {
    if rem.is_zero() {
        return Ok(Some(Vec::new()));
    }
    let Some(split) = q.split_rational() else {
        return Ok(None);
    };
    if !split.complete {
        return Ok(None);
    }
    let (quads, rest) = if split.rest.degree() >= 2 {
        split.rest.split_quadratics()
    } else {
        (Vec::new(), split.rest.clone())
    };
    if rest.degree() != 0 {
        return Ok(None);
    }
    for (i, f) in quads.iter().enumerate() {
        let (p, s) = (&f.c[1], &f.c[0]);
        if p.mul(p).sub(&s.mul(&Q::int(4))).is_positive() || quads[..i].contains(f) {
            return Ok(None);
        }
    }
    // One unknown per basis function: rem = Σ u_j · q / (the denominator of piece j).
    let mut basis: Vec<(Poly, Slot)> = Vec::new();
    for (r, m) in &split.roots {
        let lin = Poly::new(vec![r.neg(), Q::one()]);
        let mut cof = q.clone();
        for k in 1..=*m {
            cof = cof.div_rem(&lin).0;
            basis.push((cof.clone(), Slot::Linear(r.clone(), k)));
        }
    }
    for (i, f) in quads.iter().enumerate() {
        let cof = q.div_rem(f).0;
        basis.push((cof.mul(&Poly::x()), Slot::QuadT(i)));
        basis.push((cof, Slot::QuadC(i)));
    }
    let n = q.degree() as usize;
    if basis.len() != n {
        return Ok(None);
    }
    let coeff = |p: &Poly, i: usize| p.c.get(i).cloned().unwrap_or_else(Q::zero);
    let rows = (0..n)
        .map(|i| basis.iter().map(|(b, _)| coeff(b, i)).collect())
        .collect();
    let rhs: Vec<Q> = (0..n).map(|i| coeff(rem, i)).collect();
    let Some(m) = Matrix::new(rows, n) else {
        return Ok(None);
    };
    let Solution::Unique(u) = m.solve(&rhs)? else {
        return Ok(None);
    };
    let mut pieces: Vec<Piece> = Vec::new();
    let mut numer = vec![(Q::zero(), Q::zero()); quads.len()];
    for ((_, slot), u) in basis.into_iter().zip(u) {
        match slot {
            Slot::Linear(r, k) if !u.is_zero() => pieces.push(Piece::Linear { r, k, c: u }),
            Slot::Linear(..) => {}
            Slot::QuadT(i) => numer[i].0 = u,
            Slot::QuadC(i) => numer[i].1 = u,
        }
    }
    for (f, (a, b)) in quads.iter().zip(numer) {
        if !(a.is_zero() && b.is_zero()) {
            pieces.push(Piece::Quadratic {
                p: f.c[1].clone(),
                s: f.c[0].clone(),
                a,
                b,
            });
        }
    }
    Ok(Some(pieces))
}

/// What an unknown of the partial-fraction system multiplies: `1/(t − r)^k`, or `t` or `1`
/// over the i-th quadratic factor.
enum Slot {
    Linear(Q, usize),
    QuadT(usize),
    QuadC(usize),
}
impl Piece {
    /// The piece as an expression in `x`.
    fn to_expr(&self, x: &Expr) -> MResult {
        match self {
            Piece::Linear { r, k, c } => expr::mul(vec![
                Expr::Num(c.clone()),
                expr::pow(linear(x, r)?, Expr::int(-(*k as i64)))?,
            ]),
            Piece::Quadratic { p, s, a, b } => expr::div(
                expr::add(vec![
                    expr::mul(vec![Expr::Num(a.clone()), x.clone()])?,
                    Expr::Num(b.clone()),
                ])?,
                quadratic(x, p, s)?,
            ),
        }
    }

    /// An antiderivative of the piece, in `x`.
    fn antiderivative(&self, x: &Expr) -> MResult {
        match self {
            Piece::Linear { r, k: 1, c } => expr::mul(vec![
                Expr::Num(c.clone()),
                expr::func(Func::Ln, vec![expr::func(Func::Abs, vec![linear(x, r)?])?])?,
            ]),
            Piece::Linear { r, k, c } => {
                let e = 1 - *k as i64;
                expr::mul(vec![
                    Expr::Num(c.div(&Q::int(e))?),
                    expr::pow(linear(x, r)?, Expr::int(e))?,
                ])
            }
            Piece::Quadratic { p, s, .. } => {
                let (half_a, lin, root) = self.arctan_parts()?;
                let shifted = expr::add(vec![x.clone(), Expr::Num(p.div(&Q::int(2))?)])?;
                expr::add(vec![
                    expr::mul(vec![
                        Expr::Num(half_a),
                        expr::func(Func::Ln, vec![quadratic(x, p, s)?])?,
                    ])?,
                    expr::mul(vec![
                        lin,
                        expr::func(Func::Atan, vec![expr::div(shifted, root)?])?,
                    ])?,
                ])
            }
        }
    }

    /// The antiderivative at the rational point `v` (exact: |v − r| and q(v) > 0 are numbers).
    fn value_at(&self, v: &Q) -> MResult {
        match self {
            Piece::Linear { r, k: 1, c } => expr::mul(vec![
                Expr::Num(c.clone()),
                expr::func(Func::Ln, vec![Expr::Num(v.sub(r).abs())])?,
            ]),
            Piece::Linear { r, k, c } => {
                let e = 1 - *k as i64;
                Ok(Expr::Num(
                    c.div(&Q::int(e))?
                        .mul(&v.sub(r).pow_int(&rug::Integer::from(e))?),
                ))
            }
            Piece::Quadratic { p, s, .. } => {
                let (half_a, lin, root) = self.arctan_parts()?;
                let qv = v.mul(v).add(&p.mul(v)).add(s);
                let shifted = Expr::Num(v.add(&p.div(&Q::int(2))?));
                expr::add(vec![
                    expr::mul(vec![
                        Expr::Num(half_a),
                        expr::func(Func::Ln, vec![Expr::Num(qv)])?,
                    ])?,
                    expr::mul(vec![
                        lin,
                        expr::func(Func::Atan, vec![expr::div(shifted, root)?])?,
                    ])?,
                ])
            }
        }
    }

    /// For `(a·t + b)/(t² + p·t + s)` with D = s − p²/4 > 0: a/2 (the logarithm's factor),
    /// (b − a·p/2)/√D (the arctangent's factor) and √D.
    fn arctan_parts(&self) -> MResult<(Q, Expr, Expr)> {
        let Piece::Quadratic { p, s, a, b } = self else {
            unreachable!("arctan_parts of a linear piece")
        };
        let two = Q::int(2);
        let disc = s.sub(&p.mul(p).div(&Q::int(4))?);
        let root = Expr::sqrt(Expr::Num(disc))?;
        let lin = expr::div(Expr::Num(b.sub(&a.mul(&p.div(&two)?))), root.clone())?;
        Ok((a.div(&two)?, lin, root))
    }
}

/// `x − r`.
fn linear(x: &Expr, r: &Q) -> MResult {
    expr::add(vec![x.clone(), Expr::Num(r.neg())])
}

/// `x² + p·x + s`.
fn quadratic(x: &Expr, p: &Q, s: &Q) -> MResult {
    expr::add(vec![
        expr::pow(x.clone(), Expr::int(2))?,
        expr::mul(vec![Expr::Num(p.clone()), x.clone()])?,
        Expr::Num(s.clone()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ∫_lo^hi p/q dt for integer coefficient lists (constant term first).
    fn int(p: &[i64], q: &[i64], lo: i64, hi: i64) -> Option<String> {
        let poly = |c: &[i64]| Poly::new(c.iter().map(|&v| Q::int(v)).collect());
        let g = expr::div(poly(p).to_expr("t").unwrap(), poly(q).to_expr("t").unwrap()).unwrap();
        definite(&g, "t", &Expr::int(lo), &Expr::int(hi))
            .unwrap()
            .map(|(v, _)| v.to_string())
    }

    #[test]
    fn classical_values() {
        // ∫_0^1 dt/(1+t²) = π/4 and ∫_1^3 dt/t = ln 3 (the Riemann-sum windows of issue 13).
        assert_eq!(int(&[1], &[1, 0, 1], 0, 1).as_deref(), Some("pi/4"));
        assert_eq!(int(&[1], &[0, 1], 1, 3).as_deref(), Some("ln(3)"));
        // ∫_0^1 t/(1+t²) = ln(2)/2; ∫_0^1 dt/(1+t)² = 1/2; ∫_0^2 t² = 8/3.
        assert_eq!(int(&[0, 1], &[1, 0, 1], 0, 1).as_deref(), Some("ln(2)/2"));
        assert_eq!(int(&[1], &[1, 2, 1], 0, 1).as_deref(), Some("1/2"));
        assert_eq!(int(&[0, 0, 1], &[1], 0, 2).as_deref(), Some("8/3"));
        // ∫_0^1 dt/(t² + t + 1) = π/(3√3) (Gradshteyn–Ryzhik 2.103 with a completed square).
        assert_eq!(int(&[1], &[1, 1, 1], 0, 1).as_deref(), Some("sqrt(3)*pi/9"));
        // ∫_0^1 dt/((t+1)(t²+1)) = ln(2)/4 + π/8.
        assert_eq!(
            int(&[1], &[1, 1, 1, 1], 0, 1).as_deref(),
            Some("pi/8 + ln(2)/4")
        );
    }

    #[test]
    fn poles_and_irrational_roots_are_declined() {
        assert_eq!(int(&[1], &[0, 1], -1, 1), None);
        assert_eq!(int(&[1], &[-2, 1], 0, 2), None);
        assert_eq!(int(&[1], &[-2, 0, 1], 0, 1), None);
    }
}
