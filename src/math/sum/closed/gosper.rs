//! Gosper's algorithm over Q: given a hypergeometric term t(n) (its ratio num(n)/den(n) from
//! [`hyper`](crate::math::sum::hyper)), decide whether t has a hypergeometric antidifference z(n) with
//! z(n+1) − z(n) = t(n), and if so return the rational certificate R with z = R·t.
//! Owns the resultant, the dispersion set, the Gosper form and the polynomial equation; it
//! imports only `Poly`, `Q`, `Expr` and the shaping helpers of [`shape`](mod@super::shape).

use super::shape;
use crate::math::answer::{Notation, Op};
use crate::math::expr::print::{print, Style};
use crate::math::expr::{self, Expr, MResult, MathError};
use crate::math::number::Q;
use crate::math::poly::{rational_function, Poly};
use crate::math::sum::hyper::Hyper;
use crate::math::Derivation;
use crate::rich;

/// Largest degree Gosper's polynomial x(n) may have before the search is given up.
const MAX_DEGREE: i64 = 200;
/// Largest product deg A · deg B for which the dispersion resultant is interpolated.
const MAX_RESULTANT_DEGREE: usize = 400;

/// The rational certificate of a Gosper-summable term: z(n) = num(n)/den(n) · t(n).
#[derive(Debug, Clone, PartialEq)]
pub struct Certificate {
    pub num: Poly,
    pub den: Poly,
    /// The degree of the polynomial solution x(n) of Gosper's equation.
    pub degree: i64,
    /// The Gosper form a(n)/b(n)·c(n+1)/c(n) of the ratio.
    pub form: (Poly, Poly, Poly),
}

/// The resultant of two polynomials over Q (Euclid's algorithm on remainders).
///
/// ```
/// use sigma::math::poly::Poly;
/// use sigma::math::Q;
/// use sigma::math::sum::closed::gosper::resultant;
/// // res(x − 1, x − 3) = B(1) = 1 − 3 (B evaluated at the roots of A).
/// let a = Poly::new(vec![Q::int(-1), Q::int(1)]);
/// let b = Poly::new(vec![Q::int(-3), Q::int(1)]);
/// assert_eq!(resultant(&a, &b), Q::int(-2));
/// ```
pub fn resultant(a: &Poly, b: &Poly) -> Q {
    if a.is_zero() || b.is_zero() {
        return Q::zero();
    }
    let (mut a, mut b) = (a.clone(), b.clone());
    let mut acc = Q::one();
    loop {
        let (m, n) = (a.degree(), b.degree());
        if n == 0 {
            return acc.mul(&pow_q(&b.lead(), m));
        }
        if m == 0 {
            return acc.mul(&pow_q(&a.lead(), n));
        }
        let (_, r) = a.div_rem(&b);
        if r.is_zero() {
            return Q::zero();
        }
        // res(A, B) = (−1)^{mn} lc(B)^{m − deg R} res(B, R).
        let sign = if (m * n) % 2 == 1 {
            Q::int(-1)
        } else {
            Q::one()
        };
        acc = acc.mul(&sign).mul(&pow_q(&b.lead(), m - r.degree()));
        a = b;
        b = r;
    }
}

fn pow_q(q: &Q, e: i64) -> Q {
    (0..e).fold(Q::one(), |acc, _| acc.mul(q))
}

/// The polynomial through the points `(x_i, y_i)` (Newton's divided differences).
pub fn interpolate(points: &[(Q, Q)]) -> MResult<Poly> {
    let xs: Vec<Q> = points.iter().map(|p| p.0.clone()).collect();
    let mut coef: Vec<Q> = points.iter().map(|p| p.1.clone()).collect();
    for j in 1..coef.len() {
        for i in (j..coef.len()).rev() {
            let num = coef[i].sub(&coef[i - 1]);
            let den = xs[i].sub(&xs[i - j]);
            coef[i] = num.div(&den)?;
        }
    }
    let mut p = Poly::zero();
    for i in (0..coef.len()).rev() {
        let lin = Poly::new(vec![xs[i].neg(), Q::one()]);
        p = p.mul(&lin).add(&Poly::constant(coef[i].clone()));
    }
    Ok(p)
}

/// The dispersion set: the integers j ≥ 0 for which A(n) and B(n + j) have a common root,
/// read off the integer roots of the resultant res_n(A(n), B(n + j)), a polynomial in j of
/// degree at most deg A · deg B that is interpolated from its values at integers.
pub fn dispersion_set(a: &Poly, b: &Poly) -> MResult<Vec<i64>> {
    if a.degree() < 1 || b.degree() < 1 {
        return Ok(Vec::new());
    }
    if let (Some(ra), Some(rb)) = (split_roots(a), split_roots(b)) {
        // Both split into linear factors: the common roots of A(n) and B(n + j) are at
        // j = β − α for roots α of A and β of B.
        let mut out: Vec<i64> = ra
            .iter()
            .flat_map(|x| rb.iter().map(move |y| y.sub(x)))
            .filter(|j| j.is_integer() && !j.is_negative())
            .filter_map(|j| j.to_i64())
            .collect();
        out.sort_unstable();
        out.dedup();
        return Ok(out);
    }
    let deg = (a.degree() * b.degree()) as usize;
    if deg > MAX_RESULTANT_DEGREE {
        return Err(MathError::TooLarge(format!(
            "the dispersion resultant of degree {deg}"
        )));
    }
    let mut points = Vec::with_capacity(deg + 1);
    for j in 0..=deg as i64 {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        let jq = Q::int(j);
        points.push((jq.clone(), resultant(a, &b.shift(&jq))));
    }
    let r = interpolate(&points)?;
    if r.is_zero() {
        // Impossible for coprime-shift-free inputs; report rather than guess.
        return Err(MathError::Unsupported(
            "the dispersion resultant vanished identically".into(),
        ));
    }
    // Every root j = β − α for roots α of A and β of B, so |j| ≤ bound(A) + bound(B).
    let bound = root_bound(a).add(&root_bound(b));
    let mut out: Vec<i64> = match bound.0.to_f64() {
        f if f <= 100_000.0 => (0..=f.floor() as i64)
            .filter(|j| r.eval(&Q::int(*j)).is_zero())
            .collect(),
        _ => r
            .rational_roots()
            .into_iter()
            .filter(|q| q.is_integer() && !q.is_negative())
            .filter_map(|q| q.to_i64())
            .collect(),
    };
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// The rational roots of `p` when it splits into linear factors over Q.
fn split_roots(p: &Poly) -> Option<Vec<Q>> {
    Some(p.linear_factors()?.into_iter().map(|(r, _)| r).collect())
}

/// Cauchy's bound 1 + max |c_i / c_lead| on the absolute value of the roots.
fn root_bound(p: &Poly) -> Q {
    let l = p.lead();
    let mut m = Q::zero();
    for c in &p.c[..p.c.len().saturating_sub(1)] {
        let v = c.div(&l).map(|v| v.abs()).unwrap_or_else(|_| Q::zero());
        if v > m {
            m = v;
        }
    }
    m.add(&Q::one())
}

/// Writes num/den = a(n)/b(n) · c(n+1)/c(n) with gcd(a(n), b(n + h)) = 1 for every h ≥ 0.
pub fn gosper_form(num: &Poly, den: &Poly) -> MResult<(Poly, Poly, Poly)> {
    let (mut a, mut b) = (num.clone(), den.clone());
    let mut c = Poly::constant(Q::one());
    for j in dispersion_set(num, den)? {
        let jq = Q::int(j);
        let g = a.gcd(&b.shift(&jq));
        if g.degree() < 1 {
            continue;
        }
        a = a.div_rem(&g).0;
        b = b.div_rem(&g.shift(&jq.neg())).0;
        for i in 1..=j {
            c = c.mul(&g.shift(&Q::int(-i)));
        }
    }
    Ok((a, b, c))
}

/// An upper bound on the degree of a polynomial x with a(n)x(n+1) − b1(n)x(n) = c(n), or
/// `None` when no degree is possible.
fn degree_bound(a: &Poly, b1: &Poly, c: &Poly) -> Option<i64> {
    let p = a.sub(b1);
    let (da, dp, dc) = (a.degree(), p.degree(), c.degree());
    let mut cands = vec![dc - da + 1];
    if !p.is_zero() {
        cands.push(dc - dp);
    }
    if !p.is_zero() && dp == da - 1 {
        if let Ok(d) = p.lead().neg().div(&a.lead()) {
            if let Some(d) = d.to_i64() {
                cands.push(d);
            }
        }
    }
    cands.into_iter().filter(|d| *d >= 0).max()
}

/// A solution of the linear system `rows · x = rhs` over Q (free unknowns set to 0), or
/// `None` when it is inconsistent.
pub fn solve_linear(mut rows: Vec<Vec<Q>>, mut rhs: Vec<Q>) -> Option<Vec<Q>> {
    let cols = rows.first().map_or(0, Vec::len);
    let mut pivots = Vec::new();
    let mut r = 0;
    for col in 0..cols {
        if crate::math::interrupted() {
            return None;
        }
        let Some(p) = (r..rows.len()).find(|&i| !rows[i][col].is_zero()) else {
            continue;
        };
        rows.swap(r, p);
        rhs.swap(r, p);
        let inv = rows[r][col].recip().ok()?;
        for v in rows[r].iter_mut() {
            *v = v.mul(&inv);
        }
        rhs[r] = rhs[r].mul(&inv);
        let pivot = rows[r].clone();
        for i in 0..rows.len() {
            if i != r && !rows[i][col].is_zero() {
                let f = rows[i][col].clone();
                for (v, p) in rows[i].iter_mut().zip(&pivot) {
                    *v = v.sub(&p.mul(&f));
                }
                let d = rhs[r].mul(&f);
                rhs[i] = rhs[i].sub(&d);
            }
        }
        pivots.push(col);
        r += 1;
        if r == rows.len() {
            break;
        }
    }
    if rhs[r..].iter().any(|v| !v.is_zero()) {
        return None;
    }
    let mut x = vec![Q::zero(); cols];
    for (i, col) in pivots.into_iter().enumerate() {
        x[col] = rhs[i].clone();
    }
    Some(x)
}

/// Solves a(n)x(n+1) − b1(n)x(n) = c(n) for a polynomial x of degree at most `d`.
fn solve_gosper_equation(a: &Poly, b1: &Poly, c: &Poly, d: i64) -> Option<Poly> {
    let unknowns = (d + 1) as usize;
    let mut cols: Vec<Poly> = Vec::with_capacity(unknowns);
    let (mut pk, mut pk1) = (Poly::constant(Q::one()), Poly::constant(Q::one()));
    let step = Poly::new(vec![Q::one(), Q::one()]);
    for _ in 0..unknowns {
        cols.push(a.mul(&pk1).sub(&b1.mul(&pk)));
        pk = pk.mul(&Poly::x());
        pk1 = pk1.mul(&step);
    }
    let height = cols
        .iter()
        .map(|p| p.c.len())
        .chain([c.c.len()])
        .max()
        .unwrap_or(0);
    let coeff = |p: &Poly, i: usize| p.c.get(i).cloned().unwrap_or_else(Q::zero);
    let rows = (0..height)
        .map(|i| cols.iter().map(|p| coeff(p, i)).collect())
        .collect();
    let rhs = (0..height).map(|i| coeff(c, i)).collect();
    solve_linear(rows, rhs).map(Poly::new)
}

/// Gosper's algorithm on a hypergeometric term: `Some(R)` with z = R·t an antidifference,
/// `None` when t has no hypergeometric antidifference (then Σ t has no closed form of that
/// kind: 1/n, 1/n², n! are such terms). The certificate is checked exactly:
/// R(n+1)·num(n) − R(n)·den(n) = den(n) as polynomials.
pub fn gosper(h: &Hyper) -> MResult<Option<Certificate>> {
    if h.num.is_zero() || h.den.is_zero() {
        return Ok(None);
    }
    let (a, b, c) = gosper_form(&h.num, &h.den)?;
    let b1 = b.shift(&Q::int(-1));
    let Some(d) = degree_bound(&a, &b1, &c) else {
        return Ok(None);
    };
    if d > MAX_DEGREE {
        return Ok(None);
    }
    let Some(x) = solve_gosper_equation(&a, &b1, &c, d) else {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        return Ok(None);
    };
    if x.is_zero() {
        return Ok(None);
    }
    // z(n) = b(n−1)·x(n)/c(n) · t(n).
    let (mut num, mut den) = (b1.mul(&x), c.clone());
    let g = num.gcd(&den);
    if g.degree() > 0 {
        num = num.div_rem(&g).0;
        den = den.div_rem(&g).0;
    }
    let l = den.lead().recip()?;
    let (num, den) = (num.scale(&l), den.scale(&l));
    // Exact check of the certificate: U(n+1)V(n)num(n) − U(n)V(n+1)den(n) = V(n)V(n+1)den(n).
    let one = Q::one();
    let (u1, v1) = (num.shift(&one), den.shift(&one));
    let lhs = u1.mul(&den).mul(&h.num).sub(&num.mul(&v1).mul(&h.den));
    let rhs = den.mul(&v1).mul(&h.den);
    if lhs != rhs {
        return Ok(None);
    }
    Ok(Some(Certificate {
        num,
        den,
        degree: x.degree(),
        form: (a, b, c),
    }))
}

/// The antidifference z = R·t of a hypergeometric term as an expression, with the steps of
/// Gosper's algorithm; the rational factors of t are merged with R into one reduced fraction.
pub fn antidifference(h: &Hyper, n: &str) -> MResult<Option<(Expr, Derivation)>> {
    let Some(cert) = gosper(h)? else {
        return Ok(None);
    };
    let factors: Vec<Expr> = match &h.term {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let (mut p, mut q) = (cert.num.clone(), cert.den.clone());
    let mut rest = Vec::new();
    for f in factors {
        match rational_function(&f, n) {
            Some((fp, fq)) => {
                p = p.mul(&fp);
                q = q.mul(&fq);
            }
            _ => rest.push(f),
        }
    }
    rest.push(shape::fraction(&p, &q, n)?);
    let z = expr::mul(rest)?;
    let mut d = Derivation::new();
    let show = |p: &Poly| p.to_expr(n);
    let tex = |e: &Expr| print(e, Style::Latex);
    let (num, den) = (show(&h.num)?, show(&h.den)?);
    d.push(
        rich![
            Notation::new(
                format!("a({n}+1)/a({n})"),
                format!("\\frac{{a({n}+1)}}{{a({n})}}")
            ),
            Op::Eq,
            Notation::new(
                format!("({num})/({den})"),
                format!("\\frac{{{}}}{{{}}}", tex(&num), tex(&den))
            )
        ],
        "the term is hypergeometric",
    );
    let (fa, fb, fc) = &cert.form;
    d.push(
        rich![
            "Gosper form ",
            Notation::new("A", "A"),
            Op::Eq,
            show(fa)?,
            ", ",
            Notation::new("B", "B"),
            Op::Eq,
            show(fb)?,
            ", ",
            Notation::new("C", "C"),
            Op::Eq,
            show(fc)?
        ],
        rich![
            Notation::new(
                "ratio = A(n)/B(n)·C(n+1)/C(n)",
                "\\text{ratio} = \\frac{A(n)}{B(n)} \\cdot \\frac{C(n+1)}{C(n)}"
            ),
            " with ",
            Notation::new("gcd(A(n), B(n+h)) = 1", "\\gcd(A(n), B(n+h)) = 1"),
            " for every ",
            Notation::new("h ≥ 0", "h \\ge 0"),
            " (the dispersion set: the shifts h with a common root, from root differences or the resultant)"
        ],
    );
    d.push_expr(
        rich![
            "antidifference ",
            Notation::new(format!("z({n})"), format!("z({n})")),
            " with ",
            Notation::new(
                format!("z({n}+1) − z({n}) = a({n})"),
                format!("z({n}+1) - z({n}) = a({n})")
            ),
            ": ",
            Notation::new(format!("z({n}) ="), format!("z({n}) ="))
        ],
        z.clone(),
        rich![
            format!(
                "Gosper's algorithm: a polynomial solution x of degree {} of ",
                cert.degree
            ),
            Notation::new(
                "A(n)x(n+1) − B(n−1)x(n) = C(n)",
                "A(n)\\,x(n+1) - B(n-1)\\,x(n) = C(n)"
            ),
            " (a linear system over Q), ",
            Notation::new(
                "z = B(n−1)x(n)/C(n)·a(n)",
                "z = \\frac{B(n-1)\\,x(n)}{C(n)} \\cdot a(n)"
            )
        ],
    );
    Ok(Some((z, d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poly(c: &[i64]) -> Poly {
        Poly::new(c.iter().map(|&v| Q::int(v)).collect())
    }

    #[test]
    fn resultant_of_shifted_linears() {
        // res(n + 1, n + j − 1) as a polynomial in j vanishes at j = 2.
        let a = poly(&[1, 1]);
        let b = poly(&[-1, 1]);
        assert_eq!(dispersion_set(&a, &b).unwrap(), vec![2]);
        assert_eq!(resultant(&poly(&[0, 0, 1]), &poly(&[-4, 0, 1])), Q::int(16));
    }

    #[test]
    fn gosper_on_k_times_factorial() {
        // t = k·k!, ratio (k+1)²/k: z = k!, i.e. R = 1/k.
        let h = Hyper {
            term: Expr::zero(),
            num: poly(&[1, 2, 1]),
            den: poly(&[0, 1]),
        };
        let cert = gosper(&h).unwrap().unwrap();
        assert_eq!((cert.num, cert.den), (poly(&[1]), poly(&[0, 1])));
    }

    #[test]
    fn gosper_rejects_harmonic_and_factorial() {
        // 1/k: ratio k/(k+1); k!: ratio k+1.
        for (num, den) in [(poly(&[0, 1]), poly(&[1, 1])), (poly(&[1, 1]), poly(&[1]))] {
            let h = Hyper {
                term: Expr::zero(),
                num,
                den,
            };
            assert!(gosper(&h).unwrap().is_none());
        }
    }

    #[test]
    fn interpolation_recovers_a_cubic() {
        let p = poly(&[5, -1, 0, 2]);
        let pts: Vec<_> = (0..4).map(|i| (Q::int(i), p.eval(&Q::int(i)))).collect();
        assert_eq!(interpolate(&pts).unwrap(), p);
    }
}
