//! The structural summation methods behind [`closed`](super::closed): polynomials
//! (Faulhaber), geometric terms c·r^(αn+β) with r symbolic or numeric, polynomial × geometric
//! (arithmetic–geometric) terms, and telescoping terms f(n+s) found among the terms of a sum.
//! Each method yields a [`Piece`] that knows its antidifference and its sum over a range.
//! Imports only the expression layer.

use crate::math::expr::{self, diff::diff, subst::expand, subst::subs, Expr, MResult};
use crate::math::number::Q;
use crate::math::Derivation;

/// Largest polynomial degree summed by the structural methods.
const MAX_DEGREE: usize = 100;
/// Largest index shift looked for between the terms of a telescoping sum.
const MAX_SHIFT: i64 = 24;
/// Largest number of terms searched for telescoping pairs.
const MAX_TERMS: usize = 40;

/// What one method found for (a part of) the summand.
#[derive(Debug, Clone)]
pub enum Piece {
    /// A value free of the index: its sum is (hi − lo + 1)·value.
    Constant(Expr),
    /// G(n) with G(n+1) = ρ·G(n), ρ ≠ 1; `reverse` sums from the top (ratio 1/ρ), which reads
    /// better when every exponent decreases with n.
    Geometric { g: Expr, rho: Expr, reverse: bool },
    /// An antidifference num(n)/den with `den` free of the index.
    Anti { num: Expr, den: Expr },
}

/// A piece with its n-free coefficient, the steps that found it and its conditions.
#[derive(Debug, Clone)]
pub struct Found {
    pub coeff: Expr,
    pub piece: Piece,
    pub steps: Derivation,
    pub conditions: Vec<String>,
}

impl Found {
    fn new(piece: Piece, steps: Derivation) -> Found {
        Found {
            coeff: Expr::one(),
            piece,
            steps,
            conditions: Vec::new(),
        }
    }

    /// The antidifference z(n) with z(n+1) − z(n) = coeff·piece(n).
    pub fn antidifference(&self, n: &str) -> MResult {
        let z = match &self.piece {
            Piece::Constant(v) => expr::mul(vec![v.clone(), Expr::sym(n)])?,
            Piece::Geometric { g, rho, .. } => {
                expr::div(g.clone(), expr::sub(rho.clone(), Expr::one())?)?
            }
            Piece::Anti { num, den } => expr::div(num.clone(), den.clone())?,
        };
        expr::mul(vec![self.coeff.clone(), z])
    }
}

/// `p(n)` as its coefficients `[p0, p1, …]` (free of `n`) when it is a polynomial in `n`.
pub fn poly_coeffs(e: &Expr, n: &str) -> Option<Vec<Expr>> {
    if !e.depends_on(n) {
        return Some(vec![e.clone()]);
    }
    let x = expand(e).ok()?;
    let terms = match &x {
        Expr::Add(ts) => ts.clone(),
        other => vec![other.clone()],
    };
    let mut out: Vec<Vec<Expr>> = Vec::new();
    for t in terms {
        let factors = match &t {
            Expr::Mul(fs) => fs.clone(),
            other => vec![other.clone()],
        };
        let mut k = 0usize;
        let mut rest = Vec::new();
        for f in factors {
            match &f {
                Expr::Sym(s) if &**s == n => k += 1,
                Expr::Pow(b, p) if matches!(&**b, Expr::Sym(s) if &**s == n) => {
                    let e = p.as_num().filter(|q| q.is_integer() && !q.is_negative())?;
                    k += e.to_i64().filter(|v| *v as usize <= MAX_DEGREE)? as usize;
                }
                other if !other.depends_on(n) => rest.push(f),
                _ => return None,
            }
        }
        if k > MAX_DEGREE {
            return None;
        }
        if out.len() <= k {
            out.resize(k + 1, Vec::new());
        }
        out[k].push(expr::mul(rest).ok()?);
    }
    out.into_iter().map(|ts| expr::add(ts).ok()).collect()
}

/// Σ_{j} c_j n^j as an expression.
fn poly_expr(c: &[Expr], n: &str) -> MResult {
    let terms = c
        .iter()
        .enumerate()
        .map(|(j, cj)| {
            expr::mul(vec![
                cj.clone(),
                expr::pow(Expr::sym(n), Expr::int(j as i64))?,
            ])
        })
        .collect::<MResult<Vec<_>>>()?;
    expr::add(terms)
}

/// Binomial coefficients C(j, k) for j ≤ m.
fn pascal(m: usize) -> Vec<Vec<Q>> {
    let mut rows: Vec<Vec<Q>> = Vec::with_capacity(m + 1);
    for j in 0..=m {
        let mut row = vec![Q::one(); j + 1];
        for k in 1..j {
            row[k] = rows[j - 1][k - 1].add(&rows[j - 1][k]);
        }
        rows.push(row);
    }
    rows
}

/// Faulhaber: q with q(n+1) − q(n) = p(n) and q(0) = 0, from the triangular system
/// Σ_{j>k} C(j,k) q_j = p_k solved from the top degree down.
pub fn polynomial(g: &Expr, n: &str) -> MResult<Option<Found>> {
    let Some(p) = poly_coeffs(g, n) else {
        return Ok(None);
    };
    let d = p.len() - 1;
    let c = pascal(d + 1);
    let mut q = vec![Expr::zero(); d + 2];
    for k in (0..=d).rev() {
        let mut acc = vec![p[k].clone()];
        for (j, qj) in q.iter().enumerate().skip(k + 2) {
            acc.push(expr::mul(vec![Expr::Num(c[j][k].neg()), qj.clone()])?);
        }
        q[k + 1] = expr::mul(vec![expr::add(acc)?, Expr::frac(1, (k + 1) as i64)])?;
    }
    let z = poly_expr(&q, n)?;
    let mut steps = Derivation::new();
    steps.push_expr(
        format!("antidifference q({n}) with q({n}+1) − q({n}) = {g}"),
        z.clone(),
        format!("polynomial of degree {d} in {n}: Faulhaber's triangular system Σ_(j>k) C(j,k)·q_j = p_k, q(0) = 0"),
    );
    Ok(Some(Found::new(
        Piece::Anti {
            num: z,
            den: Expr::one(),
        },
        steps,
    )))
}

/// For a factor b^(α·n + β) with b and α free of n: its ratio b^α and whether α < 0.
fn geometric_factor(f: &Expr, n: &str) -> MResult<Option<(Expr, bool)>> {
    let Expr::Pow(b, e) = f else {
        return Ok(None);
    };
    if b.depends_on(n) || !e.depends_on(n) {
        return Ok(None);
    }
    let alpha = diff(e, n)?;
    if alpha.depends_on(n) {
        return Ok(None);
    }
    let rest = expand(&expr::sub(
        (**e).clone(),
        expr::mul(vec![alpha.clone(), Expr::sym(n)])?,
    )?)?;
    if rest.depends_on(n) {
        return Ok(None);
    }
    let negative = alpha.as_num().is_some_and(Q::is_negative);
    Ok(Some((expr::pow((**b).clone(), alpha)?, negative)))
}

/// Splits a product into its geometric factors (with the combined ratio and whether all
/// exponents decrease) and the other factors.
fn split_geometric(g: &Expr, n: &str) -> MResult<(Vec<Expr>, Expr, bool, Vec<Expr>)> {
    let factors = match g {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let (mut geo, mut ratios, mut all_neg, mut rest) = (Vec::new(), Vec::new(), true, Vec::new());
    for f in factors {
        match geometric_factor(&f, n)? {
            Some((r, neg)) => {
                geo.push(f);
                ratios.push(r);
                all_neg &= neg;
            }
            None => rest.push(f),
        }
    }
    Ok((geo, expr::mul(ratios)?, all_neg, rest))
}

/// c·r^(α·n+β) (a product of such factors): a geometric term.
pub fn geometric(g: &Expr, n: &str) -> MResult<Option<Found>> {
    let (geo, rho, all_neg, rest) = split_geometric(g, n)?;
    if geo.is_empty() || !rest.is_empty() {
        return Ok(None);
    }
    let mut steps = Derivation::new();
    if rho.is_one() {
        steps.push(format!("{g} does not change with {n}"), "its ratio is 1");
        return Ok(Some(Found::new(Piece::Constant(g.clone()), steps)));
    }
    let mut found = Found::new(
        Piece::Geometric {
            g: g.clone(),
            rho: rho.clone(),
            reverse: all_neg,
        },
        steps,
    );
    found.steps.push(
        format!("{g} is geometric with ratio {rho}"),
        "a(n+1)/a(n) does not depend on n",
    );
    Ok(Some(found))
}

/// p(n)·G(n) with G geometric of ratio ρ: the antidifference G(n)·q(n) where
/// ρ·q(n+1) − q(n) = p(n), q of the degree of p, solved by back substitution with
/// ρ symbolic; written as G(n)·N(n)/(ρ − 1)^(d+1) with N a polynomial in n and ρ.
pub fn poly_geometric(g: &Expr, n: &str) -> MResult<Option<Found>> {
    let (geo, rho, _, rest) = split_geometric(g, n)?;
    if geo.is_empty() || rest.is_empty() || rho.is_one() {
        return Ok(None);
    }
    let pexpr = expr::mul(rest)?;
    let Some(p) = poly_coeffs(&pexpr, n) else {
        return Ok(None);
    };
    let d = p.len() - 1;
    let c = pascal(d);
    let rm1 = expr::sub(rho.clone(), Expr::one())?;
    let rpow = |k: usize| expr::pow(rm1.clone(), Expr::int(k as i64));
    // q_k = qh_k / (ρ−1)^(d−k+1) with qh_k = p_k (ρ−1)^(d−k) − ρ Σ_{j>k} C(j,k) qh_j (ρ−1)^(j−k−1).
    let mut qh = vec![Expr::zero(); d + 1];
    for k in (0..=d).rev() {
        let mut acc = vec![expr::mul(vec![p[k].clone(), rpow(d - k)?])?];
        for j in k + 1..=d {
            acc.push(expr::mul(vec![
                Expr::Num(c[j][k].neg()),
                rho.clone(),
                qh[j].clone(),
                rpow(j - k - 1)?,
            ])?);
        }
        qh[k] = expand(&expr::add(acc)?)?;
    }
    let coeffs = (0..=d)
        .map(|k| expand(&expr::mul(vec![qh[k].clone(), rpow(k)?])?))
        .collect::<MResult<Vec<_>>>()?;
    let g_only = expr::mul(geo)?;
    let num = expr::mul(vec![g_only.clone(), poly_expr(&coeffs, n)?])?;
    let den = rpow(d + 1)?;
    let mut found = Found::new(Piece::Anti { num, den }, Derivation::new());
    found.steps.push(
        format!("{g} is a polynomial of degree {d} times the geometric {g_only} of ratio {rho}"),
        format!("antidifference {g_only}·q({n}) with {rho}·q({n}+1) − q({n}) = {pexpr}, solved by back substitution"),
    );
    if rho.as_num().is_none() {
        found.conditions.push(format!("valid for {rho} ≠ 1"));
    }
    Ok(Some(found))
}

/// Telescoping: groups the terms c_i·h(n + s_i) that are shifts of one h; a group whose
/// coefficients add up to 0 has the antidifference Σ_i c_i Σ_{0≤j<s_i} h(n+j) (shifts made
/// non-negative). Returns the telescoping groups and the terms left over.
pub fn telescoping(terms: &[Expr], n: &str) -> MResult<(Vec<Found>, Vec<Expr>)> {
    if terms.len() > MAX_TERMS {
        return Ok((Vec::new(), terms.to_vec()));
    }
    // (h, members: (coefficient, shift, original term))
    let mut classes: Vec<(Expr, Vec<(Q, i64, Expr)>)> = Vec::new();
    'terms: for t in terms {
        let (c, m) = t.split_coeff();
        if m.depends_on(n) {
            for (h, members) in classes.iter_mut() {
                for s in -MAX_SHIFT..=MAX_SHIFT {
                    let shifted = subs(h, n, &expr::add(vec![Expr::sym(n), Expr::int(s)])?)?;
                    if shifted == m {
                        members.push((c, s, t.clone()));
                        continue 'terms;
                    }
                }
            }
        }
        classes.push((m, vec![(c, 0, t.clone())]));
    }
    let (mut found, mut left) = (Vec::new(), Vec::new());
    for (h, members) in classes {
        let total = members.iter().fold(Q::zero(), |acc, m| acc.add(&m.0));
        if members.len() < 2 || !total.is_zero() || !h.depends_on(n) {
            left.extend(members.into_iter().map(|m| m.2));
            continue;
        }
        let s0 = members.iter().map(|m| m.1).min().unwrap_or(0);
        let top = members.iter().map(|m| m.1 - s0).max().unwrap_or(0);
        let at = |j: i64| subs(&h, n, &expr::add(vec![Expr::sym(n), Expr::int(j + s0)])?);
        let mut zt = Vec::new();
        for j in 0..top {
            let w = members
                .iter()
                .filter(|m| m.1 - s0 > j)
                .fold(Q::zero(), |acc, m| acc.add(&m.0));
            zt.push(expr::mul(vec![Expr::Num(w), at(j)?])?);
        }
        let z = expr::add(zt)?;
        let orig = expr::add(members.iter().map(|m| m.2.clone()).collect())?;
        let mut steps = Derivation::new();
        steps.push_expr(
            format!("{orig} telescopes: antidifference"),
            z.clone(),
            format!(
                "terms of the form f({n}) − f({n}+m) with f = {}: Σ_(k=lo)^(hi) (f(k) − f(k+m)) keeps only the first and last m values of f",
                at(0)?
            ),
        );
        found.push(Found::new(
            Piece::Anti {
                num: z,
                den: Expr::one(),
            },
            steps,
        ));
    }
    Ok((found, left))
}
