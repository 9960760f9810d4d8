//! Closed forms of Σ_{n=lo}^{hi} a(n) for symbolic bounds, and antidifferences z(n) with
//! z(n+1) − z(n) = a(n). Methods, in order: n-free terms, n-free factors pulled out, then
//! polynomials (Faulhaber), geometric terms, polynomial × geometric, telescoping with
//! linearity over the remaining terms, and Gosper's algorithm for hypergeometric terms.
//! Every answer is verified (`closed_verify`) before it is returned; the methods live in
//! `closed_methods`, the printed shape in `closed_shape`.

use super::closed_methods::{self as methods, Found, Piece};
use super::closed_shape::shape;
use super::closed_verify::{antidifference_holds, closed_form_holds};
use super::{gosper, hyper};
use crate::math::expr::{self, subst::subs, Expr, MResult};
use crate::math::Derivation;

/// How deeply linearity may split a sum into terms that are summed on their own.
const MAX_DEPTH: u32 = 3;

/// Σ_{n=lo}^{hi} a(n) in closed form for finite (usually symbolic) bounds, with the
/// derivation naming the method and its conditions; `None` when no method applies or the
/// candidate fails verification.
///
/// ```
/// use sigma::math::expr::{mul, pow, Expr};
/// use sigma::math::sum::closed::closed_form;
/// let k = Expr::sym("k");
/// let (s, _) = closed_form(&k, "k", &Expr::int(1), &Expr::sym("n")).unwrap().unwrap();
/// assert_eq!(s.to_string(), "n*(1 + n)/2");
/// ```
pub fn closed_form(a: &Expr, n: &str, lo: &Expr, hi: &Expr) -> MResult<Option<(Expr, Derivation)>> {
    if lo.has_infinity() || hi.has_infinity() || lo.depends_on(n) || hi.depends_on(n) {
        return Ok(None);
    }
    let Some(found) = plan(a, n, 0)? else {
        return Ok(None);
    };
    let mut d = Derivation::new();
    d.push(
        format!("Σ_({n}={lo})^({hi}) {a}"),
        "closed form sought for a sum with symbolic bounds",
    );
    let count = expr::add(vec![hi.clone(), expr::neg(lo.clone())?, Expr::one()])?;
    let mut parts = Vec::with_capacity(found.len());
    let mut conditions = Vec::new();
    for f in &found {
        parts.push(piece_sum(f, n, lo, hi, &count, &mut conditions)?);
        d.extend(f.steps.clone());
        conditions.extend(f.conditions.iter().cloned());
    }
    let mut s = expr::add(parts)?;
    let syms = s.symbols();
    if syms.len() == 1 && crate::math::poly::rational_function(&s, &syms[0]).is_some() {
        s = shape(&s)?;
    }
    let z = total_antidifference(&found, n)?;
    let Some(check_z) = antidifference_holds(&z, a, n)? else {
        return Ok(None);
    };
    let Some(check_s) = closed_form_holds(&s, a, n, lo, hi)? else {
        return Ok(None);
    };
    conditions.dedup();
    for c in conditions {
        d.push(c, "condition of the formula");
    }
    d.push_expr(
        format!("Σ_({n}={lo})^({hi}) {a}"),
        s.clone(),
        "the closed form",
    );
    d.push(check_z, "verified");
    d.push(check_s, "verified");
    Ok(Some((s, d)))
}

/// An antidifference z(n) of a(n): z(n+1) − z(n) = a(n), verified, with its derivation; then
/// Σ_{n=lo}^{hi} a(n) = z(hi+1) − z(lo) wherever z is defined on lo..hi+1.
///
/// ```
/// use sigma::math::expr::Expr;
/// use sigma::math::sum::closed::antidifference;
/// let k = Expr::sym("k");
/// let (z, _) = antidifference(&k, "k").unwrap().unwrap();
/// assert_eq!(z.to_string(), "k*(k - 1)/2");
/// ```
pub fn antidifference(a: &Expr, n: &str) -> MResult<Option<(Expr, Derivation)>> {
    let Some(found) = plan(a, n, 0)? else {
        return Ok(None);
    };
    let z = total_antidifference(&found, n)?;
    let Some(check) = antidifference_holds(&z, a, n)? else {
        return Ok(None);
    };
    let mut d = Derivation::new();
    for f in found {
        d.extend(f.steps);
        for c in f.conditions {
            d.push(c, "condition of the formula");
        }
    }
    d.push_expr(
        format!("antidifference of {a}"),
        z.clone(),
        "the antidifference",
    );
    d.push(check, "verified");
    Ok(Some((z, d)))
}

fn total_antidifference(found: &[Found], n: &str) -> MResult {
    let z = expr::add(
        found
            .iter()
            .map(|f| f.antidifference(n))
            .collect::<MResult<Vec<_>>>()?,
    )?;
    shape(&z)
}

/// The sum of one piece over lo..hi (count = hi − lo + 1 terms).
fn piece_sum(
    f: &Found,
    n: &str,
    lo: &Expr,
    hi: &Expr,
    count: &Expr,
    conditions: &mut Vec<String>,
) -> MResult {
    match &f.piece {
        Piece::Constant(v) => expr::mul(vec![f.coeff.clone(), count.clone(), v.clone()]),
        Piece::Geometric { g, rho, reverse } => {
            let (start, ratio) = if *reverse {
                (hi, expr::pow(rho.clone(), Expr::int(-1))?)
            } else {
                (lo, rho.clone())
            };
            let first = subs(g, n, start)?;
            if ratio.as_num().is_none() {
                let at_one = expr::mul(vec![f.coeff.clone(), first.clone(), count.clone()])?;
                let at_one = match &ratio {
                    Expr::Sym(r) => subs(&at_one, r, &Expr::one())?,
                    _ => at_one,
                };
                conditions.push(format!(
                    "valid for {ratio} ≠ 1; when {ratio} = 1 the sum is {at_one}"
                ));
            }
            let s = expr::mul(vec![
                f.coeff.clone(),
                first,
                expr::sub(Expr::one(), expr::pow(ratio.clone(), count.clone())?)?,
                expr::pow(expr::sub(Expr::one(), ratio)?, Expr::int(-1))?,
            ])?;
            shape(&s)
        }
        Piece::Anti { num, den } => {
            let top = subs(num, n, &expr::add(vec![hi.clone(), Expr::one()])?)?;
            let bottom = subs(num, n, lo)?;
            let diff = shape(&expr::sub(top, bottom)?)?;
            expr::mul(vec![
                f.coeff.clone(),
                diff,
                expr::pow(den.clone(), Expr::int(-1))?,
            ])
        }
    }
}

/// Splits a product into its factors free of `n` and the rest.
fn split_free(a: &Expr, n: &str) -> MResult<(Expr, Expr)> {
    let factors = match a {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let (free, dep): (Vec<Expr>, Vec<Expr>) = factors.into_iter().partition(|f| !f.depends_on(n));
    Ok((expr::mul(free)?, expr::mul(dep)?))
}

/// Finds pieces whose sum is a(n), trying the methods in order.
fn plan(a: &Expr, n: &str, depth: u32) -> MResult<Option<Vec<Found>>> {
    if !a.depends_on(n) {
        let mut steps = Derivation::new();
        steps.push(
            format!("{a} does not depend on {n}"),
            "a sum of equal terms is their number times the term",
        );
        return Ok(Some(vec![Found {
            coeff: Expr::one(),
            piece: Piece::Constant(a.clone()),
            steps,
            conditions: Vec::new(),
        }]));
    }
    let (c, g) = split_free(a, n)?;
    let Some(mut found) = plan_dependent(&g, n, depth)? else {
        return Ok(None);
    };
    if !c.is_one() {
        if let Some(first) = found.first_mut() {
            let mut steps = Derivation::new();
            steps.push(
                format!("the factor {c} does not depend on {n}"),
                "pulled out of the sum",
            );
            steps.extend(std::mem::take(&mut first.steps));
            first.steps = steps;
        }
        for f in found.iter_mut() {
            f.coeff = expr::mul(vec![c.clone(), f.coeff.clone()])?;
        }
    }
    Ok(Some(found))
}

fn plan_dependent(g: &Expr, n: &str, depth: u32) -> MResult<Option<Vec<Found>>> {
    if let Some(f) = methods::polynomial(g, n)? {
        return Ok(Some(vec![f]));
    }
    if let Some(f) = methods::geometric(g, n)? {
        return Ok(Some(vec![f]));
    }
    if let Some(f) = methods::poly_geometric(g, n)? {
        return Ok(Some(vec![f]));
    }
    if let Some(f) = hypergeometric(g, n)? {
        return Ok(Some(vec![f]));
    }
    let Expr::Add(terms) = g else {
        return Ok(None);
    };
    if depth >= MAX_DEPTH {
        return Ok(None);
    }
    let (mut found, left) = methods::telescoping(terms, n)?;
    if !found.is_empty() && !left.is_empty() {
        // What does not telescope may still sum as a whole (a rational function, say).
        if let Some(rest) = plan(&expr::add(left.clone())?, n, depth + 1)? {
            found.extend(rest);
            return Ok(Some(found));
        }
    }
    for t in left {
        match plan(&t, n, depth + 1)? {
            Some(f) => found.extend(f),
            None => return Ok(None),
        }
    }
    Ok(Some(found))
}

/// Gosper's algorithm on a hypergeometric term.
fn hypergeometric(g: &Expr, n: &str) -> MResult<Option<Found>> {
    let Some(h) = hyper::decompose(g, n)? else {
        return Ok(None);
    };
    let Some((z, steps)) = gosper::antidifference(&h, n)? else {
        return Ok(None);
    };
    Ok(Some(Found {
        coeff: Expr::one(),
        piece: Piece::Anti {
            num: z,
            den: Expr::one(),
        },
        steps,
        conditions: Vec::new(),
    }))
}
