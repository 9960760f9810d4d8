//! Infinite sums of c/(n² + b·n + d) that partial fractions over Q cannot reach (complex or
//! irrational roots), by the Mittag-Leffler expansions of coth, csch, cot and csc (DLMF §4.36,
//! §4.22), i.e. the residues of π·cot(πz)·R(z) and π·csc(πz)·R(z):
//!
//! - Σ_{m≥1} 1/(m² + y²) = (πy·coth(πy) − 1)/(2y²), Σ_{m≥1} (−1)^m/(m² + y²) = (πy·csch(πy) − 1)/(2y²);
//! - Σ_{m≥1} 1/(m² − a²) = 1/(2a²) − π·cot(πa)/(2a), Σ_{m≥1} (−1)^m/(m² − a²) = 1/(2a²) − π·csc(πa)/(2a);
//! - over half-integers m = 1/2, 3/2, …: Σ 1/(m² + y²) = π·tanh(πy)/(2y), Σ 1/(m² − a²) = π·tan(πa)/(2a).
//!
//! The quadratic is completed to (n + x)² ± y² with 2x an integer, so m = n + x runs over the
//! integers or the half-integers; the caller corrects the start by an exact finite sum.

use super::*;
use crate::math::answer::Rich;

/// The denominator completed to q₂·((n + x)² ± r²): the factor c in front, x, the sign, r and
/// r², and the condition the value needs when r is symbolic.
struct Quad {
    c: Expr,
    x: Q,
    positive: bool,
    r: Expr,
    r2: Expr,
    condition: Option<Rich>,
}

/// c/(q₂n² + q₁n + q₀) over Q with no rational roots.
fn numeric(g: &Geo, n: &str) -> MResult<Option<Quad>> {
    let Some((p, q)) = rational_function(&g.rest, n) else {
        return Ok(None);
    };
    if p.degree() != 0 || q.degree() != 2 {
        return Ok(None);
    }
    // Rational roots are partial fractions' work (digamma differences).
    if !q.rational_roots().is_empty() {
        return Ok(None);
    }
    let q2 = q.lead();
    let c = expr::mul(vec![g.coeff.clone(), Expr::Num(p.lead().div(&q2)?)])?;
    let b = q.c[1].div(&q2)?;
    let d = q.c[0].div(&q2)?;
    // n² + b n + d = (n + x)² + s with x = b/2, s = d − x².
    let x = b.div(&Q::int(2))?;
    let s = d.sub(&x.mul(&x));
    // r = √|s|, irrational when s < 0 (rational roots were excluded).
    Ok(Some(Quad {
        c,
        x,
        positive: s.is_positive(),
        r: Expr::sqrt(Expr::Num(s.abs()))?,
        r2: Expr::Num(s.abs()),
        condition: None,
    }))
}

/// c/(n² ± b²) with b a symbolic constant: the formulas are even in r, so r = b serves.
fn symbolic(g: &Geo, n: &str) -> MResult<Option<Quad>> {
    let Expr::Pow(base, e) = &g.rest else {
        return Ok(None);
    };
    let (Expr::Add(ts), true) = (&**base, **e == Expr::int(-1)) else {
        return Ok(None);
    };
    let n2 = expr::pow(Expr::sym(n), Expr::int(2))?;
    let [t1, t2] = ts.as_slice() else {
        return Ok(None);
    };
    let t = if *t1 == n2 {
        t2
    } else if *t2 == n2 {
        t1
    } else {
        return Ok(None);
    };
    let (positive, square) = match t {
        Expr::Pow(b, k) if **k == Expr::int(2) => (true, (**b).clone()),
        Expr::Mul(fs) => match fs.as_slice() {
            [Expr::Num(m), Expr::Pow(b, k)] if m == &Q::int(-1) && **k == Expr::int(2) => {
                (false, (**b).clone())
            }
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    if square.depends_on(n) || square.is_constant() {
        return Ok(None);
    }
    let condition = if positive {
        rich![&square, Op::Ne, Expr::zero()]
    } else {
        rich![&square, " not an integer"]
    };
    Ok(Some(Quad {
        c: g.coeff.clone(),
        x: Q::zero(),
        positive,
        r2: expr::pow(square.clone(), Expr::int(2))?,
        r: square,
        condition: Some(condition),
    }))
}

/// c·(±1)^n/(q₂n² + q₁n + q₀) with an irreducible quadratic, or c·(±1)^n/(n² ± b²) with a
/// symbolic b: its value from the natural start.
pub(super) fn by_residues(g: &Geo, n: &str, kind: Rho) -> MResult<Found> {
    let alternating = match kind {
        Rho::One => false,
        Rho::MinusOne => true,
        _ => return Ok(None),
    };
    let quad = match numeric(g, n)? {
        Some(q) => q,
        None => match symbolic(g, n)? {
            Some(q) => q,
            None => return Ok(None),
        },
    };
    let Quad {
        c,
        x,
        positive,
        r,
        r2,
        condition,
    } = quad;
    let integer = x.is_integer();
    if !integer && !x.mul(&Q::int(2)).is_integer() {
        return Ok(None);
    }
    let pi = Expr::pi();
    let f = |func: Func, arg: &Expr| expr::func(func, vec![arg.clone()]);
    let pr = expr::mul(vec![pi.clone(), r.clone()])?;
    let two_r2 = expr::mul(vec![Expr::int(2), r2.clone()])?;
    let (v, formula, tex) = match (integer, positive, alternating) {
        (true, true, false) => (
            // (πy·cosh(πy)/sinh(πy) − 1)/(2y²)
            expr::div(
                expr::sub(expr::div(expr::mul(vec![pr.clone(), f(Func::Cosh, &pr)?])?, f(Func::Sinh, &pr)?)?, Expr::one())?,
                two_r2,
            )?,
            "Σ_{m≥1} 1/(m² + y²) = (πy·coth(πy) − 1)/(2y²)",
            "\\sum_{m\\ge1} \\frac{1}{m^2+y^2} = \\frac{\\pi y \\coth(\\pi y) - 1}{2y^2}",
        ),
        (true, true, true) => (
            expr::div(
                expr::sub(expr::div(pr.clone(), f(Func::Sinh, &pr)?)?, Expr::one())?,
                two_r2,
            )?,
            "Σ_{m≥1} (−1)^m/(m² + y²) = (πy·csch(πy) − 1)/(2y²)",
            "\\sum_{m\\ge1} \\frac{(-1)^m}{m^2+y^2} = \\frac{\\pi y \\,\\mathrm{csch}(\\pi y) - 1}{2y^2}",
        ),
        (true, false, false) => (
            expr::sub(
                expr::pow(two_r2, Expr::int(-1))?,
                expr::div(expr::mul(vec![pi.clone(), f(Func::Cos, &pr)?])?, expr::mul(vec![Expr::int(2), r.clone(), f(Func::Sin, &pr)?])?)?,
            )?,
            "Σ_{m≥1} 1/(m² − a²) = 1/(2a²) − π·cot(πa)/(2a)",
            "\\sum_{m\\ge1} \\frac{1}{m^2-a^2} = \\frac{1}{2a^2} - \\frac{\\pi\\cot(\\pi a)}{2a}",
        ),
        (true, false, true) => (
            expr::sub(
                expr::pow(two_r2, Expr::int(-1))?,
                expr::div(pi.clone(), expr::mul(vec![Expr::int(2), r.clone(), f(Func::Sin, &pr)?])?)?,
            )?,
            "Σ_{m≥1} (−1)^m/(m² − a²) = 1/(2a²) − π·csc(πa)/(2a)",
            "\\sum_{m\\ge1} \\frac{(-1)^m}{m^2-a^2} = \\frac{1}{2a^2} - \\frac{\\pi\\csc(\\pi a)}{2a}",
        ),
        (false, true, false) => (
            expr::div(expr::mul(vec![pi.clone(), f(Func::Tanh, &pr)?])?, expr::mul(vec![Expr::int(2), r.clone()])?)?,
            "Σ_{m=1/2,3/2,…} 1/(m² + y²) = π·tanh(πy)/(2y)",
            "\\sum_{m=\\frac12,\\frac32,\\dots} \\frac{1}{m^2+y^2} = \\frac{\\pi\\tanh(\\pi y)}{2y}",
        ),
        (false, false, false) => (
            expr::div(expr::mul(vec![pi.clone(), f(Func::Tan, &pr)?])?, expr::mul(vec![Expr::int(2), r.clone()])?)?,
            "Σ_{m=1/2,3/2,…} 1/(m² − a²) = π·tan(πa)/(2a)",
            "\\sum_{m=\\frac12,\\frac32,\\dots} \\frac{1}{m^2-a^2} = \\frac{\\pi\\tan(\\pi a)}{2a}",
        ),
        (false, _, true) => return Ok(None),
    };
    // m = n + x starts at 1 (integers) or 1/2 (half-integers); (−1)^n = (−1)^x·(−1)^m.
    let n0 = if integer {
        Q::one().sub(&x)
    } else {
        Q::frac(1, 2).sub(&x)
    };
    let Some(n0) = int(&n0) else {
        return Ok(None);
    };
    let sign = if alternating && x.numer().is_odd() {
        Expr::int(-1)
    } else {
        Expr::one()
    };
    let value = expr::mul(vec![c, sign, v])?;
    let mut steps = Derivation::new();
    if let Some(cond) = condition {
        steps.push_condition(cond, "the terms are defined and the expansion holds");
    }
    let sq = expr::pow(Expr::sym("m"), Expr::int(2))?;
    let shifted = if positive {
        expr::add(vec![sq, r2.clone()])?
    } else {
        expr::sub(sq, r2.clone())?
    };
    steps.push_expr(
        rich![
            "with m = ",
            expr::add(vec![Expr::sym(n), Expr::Num(x.clone())])?,
            ", the denominator is a multiple of ",
            &shifted,
            " and ",
            Notation::new(formula, tex),
            " (",
            if positive { "y" } else { "a" },
            Op::Eq,
            &r,
            "), so the sum from n = ",
            Expr::Num(Q::from_integer(n0.clone())),
            " is"
        ],
        value.clone(),
        "the Mittag-Leffler expansions of coth, csch, cot, csc and tanh, tan (DLMF 4.36 and 4.22): the residues of π·cot(πz)/(z² ± y²)",
    );
    Ok(Some((value, n0, steps)))
}
