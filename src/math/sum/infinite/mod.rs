//! Exact values of convergent infinite sums Σ_{n≥lo} a(n): telescoping and Gosper-summable
//! terms (an antidifference and its limit), polynomial × geometric series, the exponential,
//! cosine/sine, logarithm and arctangent generating functions, zeta, eta and beta values
//! (rational terms through partial fractions), coth/cot values for irreducible quadratic
//! denominators, and sums of logarithms of rational functions split into linear factors. Each
//! family is summed from its natural start and corrected to `lo` by an exact finite sum.

use super::exact::finite_sum;
use super::hyper::linear;
use super::partial::{digamma_plus_gamma, int};
use crate::math::answer::{names, Notation, Op};
use crate::math::derivation::Derivation;
use crate::math::expr::display::expr as show;
use crate::math::expr::print::{print, Style};
use crate::math::expr::{self, subst::subs, Expr, Func, MResult};
use crate::math::float::sign::{cmp_const, sign_const};
use crate::math::limit::{limit_at_infinity, Limit};
use crate::math::number::Q;
use crate::math::poly::{partial_fractions, rational_function, Poly};
use crate::rich;

mod logs;
mod power;
mod residue;
use power::{by_partial_fractions, by_power};
use rug::Integer;
use std::cmp::Ordering;

/// `a = coeff · ρ^n · rest`: the exponential-in-n factors pulled out of a term.
struct Geo {
    coeff: Expr,
    /// (base, α) with ρ = Π base^α.
    parts: Vec<(Expr, Q)>,
    rho: Expr,
    rest: Expr,
}

/// Where ρ lies, as far as it matters for convergence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rho {
    One,
    MinusOne,
    /// |ρ| < 1, proven.
    Inside,
    /// |ρ| ≥ 1 and ρ ≠ ±1.
    Outside,
    /// ρ has free symbols: results hold under a stated condition.
    Symbolic,
}

fn split(a: &Expr, n: &str) -> MResult<Option<Geo>> {
    let factors = match a {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let (mut coeff, mut parts, mut rest) = (Vec::new(), Vec::new(), Vec::new());
    for f in factors {
        match &f {
            _ if !f.depends_on(n) => coeff.push(f),
            Expr::Pow(b, e) if !b.depends_on(n) => {
                let Some((alpha, beta)) = linear(e, n) else {
                    return Ok(None);
                };
                coeff.push(expr::pow((**b).clone(), Expr::Num(beta))?);
                parts.push(((**b).clone(), alpha));
            }
            _ => rest.push(f),
        }
    }
    let rho = expr::mul(
        parts
            .iter()
            .map(|(b, a)| expr::pow(b.clone(), Expr::Num(a.clone())))
            .collect::<MResult<Vec<_>>>()?,
    )?;
    Ok(Some(Geo {
        coeff: expr::mul(coeff)?,
        parts,
        rho,
        rest: expr::mul(rest)?,
    }))
}

fn classify(rho: &Expr) -> MResult<Rho> {
    if rho.is_one() {
        return Ok(Rho::One);
    }
    if *rho == Expr::int(-1) {
        return Ok(Rho::MinusOne);
    }
    if !rho.is_constant() {
        return Ok(Rho::Symbolic);
    }
    let abs = expr::func(Func::Abs, vec![rho.clone()])?;
    Ok(match cmp_const(&abs, &Expr::one())? {
        Ordering::Less => Rho::Inside,
        _ => Rho::Outside,
    })
}

/// √ρ as (τ, negative) with ρ = ±τ², when it can be taken without sign questions: numeric
/// bases contribute their value, symbolic bases need even exponents.
fn sqrt_rho(parts: &[(Expr, Q)]) -> MResult<Option<(Expr, bool)>> {
    let mut c = Expr::one();
    let mut tau = Vec::new();
    for (b, alpha) in parts {
        if b.is_constant() {
            c = expr::mul(vec![c, expr::pow(b.clone(), Expr::Num(alpha.clone()))?])?;
        } else {
            let half = alpha.div(&Q::int(2))?;
            if !half.is_integer() {
                return Ok(None);
            }
            tau.push(expr::pow(b.clone(), Expr::Num(half))?);
        }
    }
    let negative = sign_const(&c)? == Ordering::Less;
    let c = if negative { expr::neg(c)? } else { c };
    tau.push(Expr::sqrt(c)?);
    Ok(Some((expr::mul(tau)?, negative)))
}

/// Σ_{n=from}^{to} a(n) (0 when empty).
fn finite(a: &Expr, n: &str, from: &Integer, to: &Integer) -> MResult<Expr> {
    if to < from {
        return Ok(Expr::zero());
    }
    finite_sum(a, n, from, to)
}

/// Σ_{n≥lo} a(n) from the value `v0` of Σ_{n≥n0} a(n).
fn restart(a: &Expr, n: &str, v0: Expr, n0: &Integer, lo: &Integer) -> MResult<Expr> {
    let one = Integer::from(1);
    if lo >= n0 {
        let head = finite(a, n, n0, &Integer::from(lo - &one))?;
        expr::sub(v0, head)
    } else {
        let head = finite(a, n, lo, &Integer::from(n0 - &one))?;
        expr::add(vec![v0, head])
    }
}

/// The exact value of Σ_{n≥lo} a(n) when a family matches, with its derivation. The caller has
/// established convergence for constant terms; for terms with parameters the condition under
/// which the value holds is stated in the derivation.
pub fn infinite_sum(a: &Expr, n: &str, lo: &Integer) -> MResult<Option<(Expr, Derivation)>> {
    if let Some(r) = by_antidifference(a, n, &Expr::Num(Q::from_integer(lo.clone())))? {
        return Ok(Some(r));
    }
    if let Some(r) = logs::by_split_logs(a, n, lo)? {
        return Ok(Some(r));
    }
    let Some(g) = split(a, n)? else {
        return Ok(None);
    };
    let kind = classify(&g.rho)?;
    if g.rest.is_one() {
        return geometric(&g, n, lo, kind);
    }
    let found = match by_factorial(&g, n)? {
        Some(f) => Some(f),
        None => match by_power(&g, n, kind)? {
            Some(f) => Some(f),
            None => match residue::by_residues(&g, n, kind)? {
                Some(f) => Some(f),
                None => return by_partial_fractions(a, &g, n, lo, kind),
            },
        },
    };
    let Some((v0, n0, mut d)) = found else {
        return Ok(None);
    };
    let value = restart(a, n, v0, &n0, lo)?;
    if n0 != *lo {
        d.push_expr(
            rich![
                "starting at ",
                Expr::sym(n),
                Op::Eq,
                Expr::Num(Q::from_integer(lo.clone())),
                format!(" instead of {n0}, the sum is")
            ],
            value.clone(),
            "the finitely many terms between the two starts are added or removed exactly",
        );
    }
    Ok(Some((value, d)))
}

/// A constant that is a rational function of e (e/(e − 1)², not −1/(e^(−1) − 1)): written as
/// one fraction in e, factored over Q, when that is no larger.
pub fn tidy(v: Expr) -> MResult<Expr> {
    fn has_e(e: &Expr) -> bool {
        match e {
            Expr::Const(crate::math::expr::Constant::E) => true,
            Expr::Num(_) | Expr::Const(_) | Expr::Sym(_) => false,
            Expr::Pow(b, x) => has_e(b) || has_e(x),
            Expr::Mul(v) | Expr::Add(v) | Expr::Func(_, v) => v.iter().any(has_e),
        }
    }
    fn swap(e: &Expr, t: &Expr) -> MResult<Expr> {
        Ok(match e {
            Expr::Const(crate::math::expr::Constant::E) => t.clone(),
            Expr::Num(_) | Expr::Const(_) | Expr::Sym(_) => e.clone(),
            Expr::Pow(b, x) => expr::pow(swap(b, t)?, swap(x, t)?)?,
            Expr::Mul(v) => expr::mul(v.iter().map(|f| swap(f, t)).collect::<MResult<_>>()?)?,
            Expr::Add(v) => expr::add(v.iter().map(|f| swap(f, t)).collect::<MResult<_>>()?)?,
            Expr::Func(f, v) => {
                expr::func(*f, v.iter().map(|x| swap(x, t)).collect::<MResult<_>>()?)?
            }
        })
    }
    if !v.is_constant() || !has_e(&v) {
        return Ok(v);
    }
    const T: &str = "ℯ";
    let w = swap(&v, &Expr::sym(T))?;
    let Some((p, q)) = rational_function(&w, T) else {
        return Ok(v);
    };
    let f = super::closed::shape::fraction(&p, &q, T)?;
    let back = subs(&f, T, &Expr::e())?;
    Ok(if back.size() <= v.size() { back } else { v })
}

/// Σ_{n≥lo} a(n) = lim z(N) − z(lo) for an antidifference z (telescoping, Gosper): a finite
/// limit proves convergence by itself.
pub fn by_antidifference(a: &Expr, n: &str, lo: &Expr) -> MResult<Option<(Expr, Derivation)>> {
    let Some((z, mut d)) = super::closed::antidifference(a, n)? else {
        return Ok(None);
    };
    let z_lo = subs(&z, n, lo)?;
    let limit = if z.is_constant() || !z.symbols().iter().any(|s| &**s != n) {
        match limit_at_infinity(&z, n)? {
            (Limit::Value(l), _) => l,
            _ => return Ok(None),
        }
    } else {
        // Parameters: z = ρ^n·q(n) with q a polynomial tends to 0 when |ρ| < 1.
        let Some(g) = split(&z, n)? else {
            return Ok(None);
        };
        let poly = super::closed::shape::poly_coeffs(&g.rest, n).is_some();
        if !poly || g.parts.is_empty() {
            return Ok(None);
        }
        d.push_condition(
            names::abs_below_one(&g.rho),
            format!("{}^{n}·(a polynomial in {n}) → 0 only then", show(&g.rho)),
        );
        // |ρ| < 1 implies ρ ≠ 1.
        let implied = rich![&g.rho, Op::Ne, Expr::one()];
        d.conditions.retain(|c| *c != implied);
        Expr::zero()
    };
    let value = tidy(expr::sub(limit.clone(), z_lo)?)?;
    d.push_expr(
        rich![
            "with ",
            Notation::new("z", "z"),
            Op::Eq,
            &z,
            ", ",
            names::sigma_from(n, &lo.to_string()),
            Op::Eq,
            Notation::new(
                format!("lim z(N) − z({lo})"),
                format!("\\lim_{{N\\to\\infty}} z(N) - z({lo})")
            ),
            Notation::new(" =", " =")
        ],
        value.clone(),
        format!(
            "the partial sums telescope: z(N) − z({lo}), and z(N) → {}",
            show(&limit)
        ),
    );
    Ok(Some((value, d)))
}

type Found = Option<(Expr, Integer, Derivation)>;

/// Σ_{n≥lo} c·ρ^n = c·ρ^lo/(1 − ρ) for |ρ| < 1 (stated as a condition when ρ has parameters).
fn geometric(g: &Geo, n: &str, lo: &Integer, kind: Rho) -> MResult<Option<(Expr, Derivation)>> {
    let mut d = Derivation::new();
    match kind {
        Rho::Inside => {}
        Rho::Symbolic => d.push_condition(
            names::abs_below_one(&g.rho),
            "a geometric series converges exactly when its ratio has modulus below 1",
        ),
        _ => return Ok(None),
    }
    let first = expr::pow(g.rho.clone(), Expr::Num(Q::from_integer(lo.clone())))?;
    let v = tidy(expr::div(
        expr::mul(vec![g.coeff.clone(), first])?,
        expr::sub(Expr::one(), g.rho.clone())?,
    )?)?;
    d.push_expr(
        rich![
            names::sigma_from(n, &lo.to_string()),
            Notation::new(format!(" c·ρ^{n}"), format!(" c\\,\\rho^{{{n}}}")),
            " with ",
            Notation::new("ρ", "\\rho"),
            Op::Eq,
            &g.rho,
            " is"
        ],
        v.clone(),
        "geometric series: first term/(1 − ratio)",
    );
    Ok(Some((v, d)))
}

/// ρ^n/(n + j)! → e^ρ; ρ^n/(2n)! → cosh/cos; ρ^n/(2n + 1)! → sinh/sin over √ρ.
fn by_factorial(g: &Geo, n: &str) -> MResult<Found> {
    let Expr::Pow(b, e) = &g.rest else {
        return Ok(None);
    };
    let (Expr::Func(Func::Factorial, args), true) = (&**b, **e == Expr::int(-1)) else {
        return Ok(None);
    };
    let Some((k, j)) = linear(&args[0], n) else {
        return Ok(None);
    };
    let Some(j) = int(&j) else {
        return Ok(None);
    };
    let mut d = Derivation::new();
    let rho = &g.rho;
    if k.is_one() {
        // Σ_{n≥−j} ρ^n/(n+j)! = ρ^(−j)·e^ρ
        let v = expr::mul(vec![
            g.coeff.clone(),
            expr::pow(rho.clone(), Expr::Num(Q::from_integer(Integer::from(-&j))))?,
            Expr::exp(rho.clone())?,
        ])?;
        d.push_expr(
            rich![
                "with ",
                names::sigma_from("m", "0"),
                Notation::new(
                    format!(" ({})^m/m!", show(rho)),
                    format!(
                        " \\frac{{\\left({}\\right)^m}}{{m!}}",
                        crate::math::expr::print::print(
                            rho,
                            crate::math::expr::print::Style::Latex
                        )
                    )
                ),
                Op::Eq,
                Expr::exp(rho.clone())?,
                ", the sum is"
            ],
            v.clone(),
            "the exponential series (converges for every ρ)",
        );
        return Ok(Some((v, -j, d)));
    }
    if k != Q::int(2) || !(j == 0 || j == 1) {
        return Ok(None);
    }
    let Some((tau, negative)) = sqrt_rho(&g.parts)? else {
        return Ok(None);
    };
    let (f, name) = match (j == 0, negative) {
        (true, false) => (Func::Cosh, "cosh"),
        (true, true) => (Func::Cos, "cos"),
        (false, false) => (Func::Sinh, "sinh"),
        (false, true) => (Func::Sin, "sin"),
    };
    let mut v = expr::func(f, vec![tau.clone()])?;
    if j == 1 {
        if tau.is_zero() {
            return Ok(None);
        }
        v = expr::div(v, tau.clone())?;
    }
    let v = expr::mul(vec![g.coeff.clone(), v])?;
    d.push_expr(
        rich!["the ", name, " series at ", &tau, " gives"],
        v.clone(),
        rich![
            Notation::new(
                "Σ τ^(2m)/(2m)! = cosh τ",
                "\\sum \\frac{\\tau^{2m}}{(2m)!} = \\cosh \\tau"
            ),
            ", ",
            Notation::new(
                "Σ τ^(2m+1)/(2m+1)! = sinh τ",
                "\\sum \\frac{\\tau^{2m+1}}{(2m+1)!} = \\sinh \\tau"
            ),
            " (cos, sin with alternating signs); entire"
        ],
    );
    Ok(Some((v, Integer::new(), d)))
}
