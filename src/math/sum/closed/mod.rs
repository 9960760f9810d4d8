//! Closed forms of Σ_{n=lo}^{hi} a(n) for symbolic bounds, and antidifferences z(n) with
//! z(n+1) − z(n) = a(n). Methods, in order: n-free terms, n-free factors pulled out, then
//! polynomials (Faulhaber), geometric terms, polynomial × geometric, telescoping with
//! linearity over the remaining terms, Gosper's algorithm for hypergeometric terms, and
//! harmonic numbers for 1/(n + c).
//! Every answer is verified ([`verify`]) before it is returned; the methods live in
//! [`methods`] (with [`gosper`] and [`telescope`]), the printed shape in [`shape`](mod@shape).

pub mod gosper;
pub mod methods;
pub mod shape;
pub mod telescope;
pub mod verify;

use self::methods::{Found, Piece};
use self::shape::{absorb_factorials, collect, poly_coeffs, poly_expr, shape};
use self::verify::{antidifference_holds, closed_form_holds};
use crate::math::answer::{names, Notation, Op};
use crate::math::expr::print::{print, Style};
use crate::math::expr::{self, subst::expand, subst::subs, Expr, MResult, MathError};
use crate::math::poly::rational_function;
use crate::math::sum::hyper;
use crate::math::Derivation;
use crate::rich;

/// How deeply linearity may split a sum into terms that are summed on their own.
const MAX_DEPTH: u32 = 3;

/// Σ_{n=lo}^{hi} a(n) in closed form for finite (usually symbolic) bounds, with the
/// derivation naming the method and its conditions; `None` when no method applies or the
/// candidate fails verification.
///
/// ```
/// use sigma::math::expr::Expr;
/// use sigma::math::sum::closed::closed_form;
/// let k = Expr::sym("k");
/// let (s, _) = closed_form(&k, "k", &Expr::int(1), &Expr::sym("n")).unwrap().unwrap();
/// assert_eq!(s.to_string(), "n*(1 + n)/2");
/// ```
pub fn closed_form(a: &Expr, n: &str, lo: &Expr, hi: &Expr) -> MResult<Option<(Expr, Derivation)>> {
    quietly(closed_form_inner(a, n, lo, hi))
}

/// A method that fails (a size limit, a pole at a bound) is a method that does not apply:
/// only an interruption is passed on.
fn quietly<T>(r: MResult<Option<T>>) -> MResult<Option<T>> {
    match r {
        Err(MathError::Interrupted) => Err(MathError::Interrupted),
        Err(_) => Ok(None),
        ok => ok,
    }
}

fn closed_form_inner(
    a: &Expr,
    n: &str,
    lo: &Expr,
    hi: &Expr,
) -> MResult<Option<(Expr, Derivation)>> {
    if lo.has_infinity() || hi.has_infinity() || lo.depends_on(n) || hi.depends_on(n) {
        return Ok(None);
    }
    let Some(found) = plan(a, n, 0)? else {
        return Ok(None);
    };
    let mut d = Derivation::new();
    d.push(
        rich![
            names::sigma_range(n, lo, hi),
            Notation::new(" ", " "),
            a,
            Notation::new(" =", " =")
        ],
        "closed form sought for a sum with symbolic bounds",
    );
    let count = expr::add(vec![hi.clone(), expr::neg(lo.clone())?, Expr::one()])?;
    let mut parts = Vec::with_capacity(found.len());
    let mut conditions = Vec::new();
    for f in &found {
        parts.push(f.sum(n, lo, hi, &count, &mut conditions)?);
        d.extend(f.steps.clone());
        conditions.extend(f.conditions.iter().cloned());
    }
    let s = expr::add(parts)?;
    let Some((z, check_z)) = verified_antidifference(&found, a, n)? else {
        return Ok(None);
    };
    let mut candidates = Vec::new();
    let syms = s.symbols();
    if syms.len() == 1 && rational_function(&s, &syms[0]).is_some() {
        candidates.push(shape(&s)?);
    } else if let Some(t) = factor_by_count(&s, lo, hi, &count)? {
        candidates.push(t);
    }
    candidates.push(absorb_factorials(&s)?);
    candidates.push(s);
    let mut chosen = None;
    for c in candidates {
        if let Some(check) = closed_form_holds(&c, a, n, lo, hi)? {
            chosen = Some((c, check));
            break;
        }
    }
    let Some((s, check_s)) = chosen else {
        return Ok(None);
    };
    for c in conditions {
        if let Some((x, v, want)) = &c.unless {
            // 1 - b^t at b = 1 is 0, the sum there: the formula holds for b = 1 as well.
            if matches!(subs(&s, x, v), Ok(got) if got == *want) {
                d.push(
                    rich!["the formula also holds for ", Expr::sym(x), Op::Eq, v],
                    rich!["it gives ", want, " there, the sum's value"],
                );
                continue;
            }
        }
        d.push_condition(c.text, c.why);
    }
    if d.steps.last().and_then(|st| st.result.as_ref()) != Some(&z) {
        d.push_expr(
            antidifference_claim(a, n),
            z,
            Notation::new(
                "Σ_(lo)^(hi) a = z(hi + 1) − z(lo)",
                "\\sum_{lo}^{hi} a = z(hi + 1) - z(lo)",
            ),
        );
    }
    d.push_expr(
        rich![
            names::sigma_range(n, lo, hi),
            Notation::new(" ", " "),
            a,
            Notation::new(" =", " =")
        ],
        s.clone(),
        "the closed form",
    );
    d.push(check_z, "verified");
    d.push(check_s, "verified");
    Ok(Some((s, d)))
}

/// "an antidifference of a, z(n) =" with its mathematics.
fn antidifference_claim(a: &Expr, n: &str) -> crate::math::answer::Rich {
    rich![
        "an antidifference of ",
        a,
        ", ",
        Notation::new(format!("z({n}) ="), format!("z({n}) ="))
    ]
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
    quietly(antidifference_inner(a, n))
}

fn antidifference_inner(a: &Expr, n: &str) -> MResult<Option<(Expr, Derivation)>> {
    let Some(found) = plan(a, n, 0)? else {
        return Ok(None);
    };
    let Some((z, check)) = verified_antidifference(&found, a, n)? else {
        return Ok(None);
    };
    let mut d = Derivation::new();
    for f in found {
        d.extend(f.steps);
        for c in f.conditions {
            d.push_condition(c.text, c.why);
        }
    }
    d.push_expr(antidifference_claim(a, n), z.clone(), "the antidifference");
    d.push(check, "verified");
    Ok(Some((z, d)))
}

/// The antidifference of all pieces, in its nicest form that passes the check.
fn verified_antidifference(found: &[Found], a: &Expr, n: &str) -> MResult<Option<(Expr, String)>> {
    let z = shape(&total_antidifference(found, n)?)?;
    for c in [absorb_factorials(&z)?, z] {
        if let Some(check) = antidifference_holds(&c, a, n)? {
            return Ok(Some((c, check)));
        }
    }
    Ok(None)
}

fn total_antidifference(found: &[Found], n: &str) -> MResult {
    expr::add(
        found
            .iter()
            .map(|f| f.antidifference(n))
            .collect::<MResult<Vec<_>>>()?,
    )
}

/// For a polynomial in hi (with a symbolic lo or parameters): the sum vanishes at hi = lo − 1 (no terms), so
/// it is count·T; `Some(count·T)` when the division is exact.
fn factor_by_count(s: &Expr, lo: &Expr, hi: &Expr, count: &Expr) -> MResult<Option<Expr>> {
    let (Expr::Sym(h), Expr::Add(_)) = (hi, s) else {
        return Ok(None);
    };
    let Some(c) = poly_coeffs(s, h) else {
        return Ok(None);
    };
    if c.len() < 2 {
        return Ok(None);
    }
    // Synthetic division by hi − r, r = lo − 1.
    let r = expr::sub(lo.clone(), Expr::one())?;
    let d = c.len() - 1;
    let mut b = vec![Expr::zero(); d];
    b[d - 1] = c[d].clone();
    for k in (1..d).rev() {
        b[k - 1] = expand(&expr::add(vec![
            c[k].clone(),
            expr::mul(vec![r.clone(), b[k].clone()])?,
        ])?)?;
    }
    let rem = expand(&expr::add(vec![
        c[0].clone(),
        expr::mul(vec![r, b[0].clone()])?,
    ])?)?;
    if !rem.is_zero() {
        return Ok(None);
    }
    let t = collect(&poly_expr(&b, h)?, Some(h))?;
    Ok(Some(expr::mul(vec![count.clone(), t])?))
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
            rich![a, " does not depend on ", Expr::sym(n)],
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
                rich!["the factor ", &c, " does not depend on ", Expr::sym(n)],
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
    type Method = fn(&Expr, &str) -> MResult<Option<Found>>;
    let structural: [Method; 5] = [
        methods::polynomial,
        methods::geometric,
        methods::poly_geometric,
        hypergeometric,
        methods::harmonic,
    ];
    for m in structural {
        if let Some(f) = quietly(m(g, n))? {
            return Ok(Some(vec![f]));
        }
    }
    if depth >= MAX_DEPTH {
        return Ok(None);
    }
    if let Expr::Add(terms) = g {
        if let Some(f) = quietly(linear(terms, n, depth))? {
            return Ok(Some(f));
        }
    }
    quietly(shifted(g, n, depth))
}

/// Telescoping groups among the terms, then the other terms summed on their own.
fn linear(terms: &[Expr], n: &str, depth: u32) -> MResult<Option<Vec<Found>>> {
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

/// A symbolic offset c in factors like (n + c): with f(n) = g(n − c) free of c, an
/// antidifference Z of f gives z(n) = Z(n + c) for g, as in 1/((n + a)(n + a + 1)).
fn shifted(g: &Expr, n: &str, depth: u32) -> MResult<Option<Vec<Found>>> {
    let Some(c) = offset(g, n)? else {
        return Ok(None);
    };
    let back = expr::sub(Expr::sym(n), c.clone())?;
    let f = subs(g, n, &back)?;
    if f.symbols().len() >= g.symbols().len() {
        return Ok(None);
    }
    let Some(found) = plan(&f, n, depth + 1)? else {
        return Ok(None);
    };
    let z = total_antidifference(&found, n)?;
    let z = subs(&z, n, &expr::add(vec![Expr::sym(n), c.clone()])?)?;
    let mut steps = Derivation::new();
    steps.push(
        rich![
            "with ",
            Expr::sym(n),
            Op::To,
            Notation::new(
                format!("{n} − ({c})"),
                format!(
                    "{} - \\left({}\\right)",
                    print(&Expr::sym(n), Style::Latex),
                    print(&c, Style::Latex)
                )
            ),
            " the term is ",
            &f
        ],
        rich![
            "a symbolic shift of the index: an antidifference Z of the shifted term gives ",
            Notation::new("z(n) = Z(n + c)", "z(n) = Z(n + c)")
        ],
    );
    let mut conditions = Vec::new();
    for fd in found {
        steps.extend(fd.steps);
        conditions.extend(fd.conditions);
    }
    Ok(Some(vec![Found {
        coeff: Expr::one(),
        piece: Piece::Anti {
            num: shape(&z)?,
            den: Expr::one(),
        },
        steps,
        conditions,
    }]))
}

/// The first n-free, symbolic c with some sum n + c inside `g`.
fn offset(g: &Expr, n: &str) -> MResult<Option<Expr>> {
    if !g.depends_on(n) {
        return Ok(None);
    }
    if let Expr::Add(_) = g {
        let c = expand(&expr::sub(g.clone(), Expr::sym(n))?)?;
        if !c.depends_on(n) && !c.symbols().is_empty() {
            return Ok(Some(c));
        }
    }
    match g {
        Expr::Pow(b, x) => match offset(b, n)? {
            Some(c) => Ok(Some(c)),
            None => offset(x, n),
        },
        Expr::Mul(v) | Expr::Add(v) | Expr::Func(_, v) => {
            for t in v {
                if let Some(c) = offset(t, n)? {
                    return Ok(Some(c));
                }
            }
            Ok(None)
        }
        _ => Ok(None),
    }
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
