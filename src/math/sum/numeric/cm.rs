//! Structural proofs that a term is completely monotone on [lo, ∞), i.e. (−1)^k f^(k) ≥ 0 for
//! every k: positive constants, (αn + β)^(−s) with s > 0 and αn + β > 0, ln(αn + β)^(−q) with
//! q > 0 and ln(αn + β) > 0, e^(−cn) and b^(±n) that decay, and products and positive sums of
//! these. Also recognises the two shapes whose integral Euler–Maclaurin needs in closed
//! form.

use crate::math::expr::{self, Constant, Expr, Func};
use crate::math::float::sign::sign_const;
use crate::math::number::Q;
use crate::math::sum::hyper::linear;
use rug::Integer;
use std::cmp::Ordering;

/// Whether a constant is certified positive.
pub(crate) fn positive(c: &Expr) -> bool {
    matches!(sign_const(c), Ok(Ordering::Greater))
}

/// Proves `f` completely monotone on [lo, ∞) (returning the reasons, one per factor), or says
/// why not.
pub(crate) fn prove(f: &Expr, n: &str, lo: &Integer) -> Result<Vec<String>, String> {
    if let Expr::Add(ts) = f {
        let mut why = Vec::new();
        for t in ts {
            why.extend(prove(t, n, lo)?);
        }
        why.push("a sum of completely monotone terms is completely monotone".into());
        return Ok(why);
    }
    let factors = match f {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let lo_q = Q::from_integer(lo.clone());
    let mut why = Vec::new();
    for g in &factors {
        why.push(factor(g, n, &lo_q)?);
    }
    Ok(why)
}

fn factor(g: &Expr, n: &str, lo: &Q) -> Result<String, String> {
    let shown = g.to_string();
    if !g.depends_on(n) {
        return if positive(g) {
            Ok(format!("{shown} > 0 is a positive constant"))
        } else {
            Err(format!("the constant factor {shown} is not positive"))
        };
    }
    let Expr::Pow(b, e) = g else {
        return Err(format!(
            "the factor {shown} is not of a completely monotone shape"
        ));
    };
    if !e.depends_on(n) {
        if !positive(&expr::neg((**e).clone()).map_err(|x| x.to_string())?) {
            return Err(format!(
                "the factor {shown} has a non-negative power of a function of {n}"
            ));
        }
        if let Some((al, be)) = linear(b, n) {
            let at = al.mul(lo).add(&be);
            if al.is_positive() && at.is_positive() {
                return Ok(format!(
                    "{shown}: a negative power of {b}, which is positive and increasing for {n} ≥ {lo}"
                ));
            }
            return Err(format!("{b} is not positive and increasing for {n} ≥ {lo}"));
        }
        if let Expr::Func(Func::Ln, args) = &**b {
            if let Some((al, be)) = linear(&args[0], n) {
                let at = al.mul(lo).add(&be);
                if al.is_positive() && at > Q::one() {
                    return Ok(format!("{shown}: a negative power of {b}, which is positive with a completely monotone derivative for {n} ≥ {lo} (a Bernstein function)"));
                }
                return Err(format!("{b} is not positive for every {n} ≥ {lo}"));
            }
        }
        return Err(format!(
            "the base of {shown} is neither linear in {n} nor the logarithm of a linear function"
        ));
    }
    // c^(linear): decays exactly when slope·ln c < 0.
    if b.depends_on(n) {
        return Err(format!("{shown} has {n} in both base and exponent"));
    }
    let Some((slope, _)) = linear(e, n) else {
        return Err(format!("the exponent of {shown} is not linear in {n}"));
    };
    let decays = match &**b {
        Expr::Const(Constant::E) => slope.is_negative(),
        Expr::Num(c) if c.is_positive() => {
            (slope.is_negative() && *c > Q::one()) || (slope.is_positive() && *c < Q::one())
        }
        _ => false,
    };
    if decays {
        Ok(format!("{shown} = e^(−c·{n}) with c > 0"))
    } else {
        Err(format!("{shown} is not a decaying exponential"))
    }
}

/// `f = Σ c_i·(n + a_i)^(−s_i)`: the terms `(c_i, a_i, s_i)`, when f has exactly that shape.
pub(crate) fn power_terms(f: &Expr, n: &str) -> Option<Vec<(Expr, Q, Expr)>> {
    let ts = match f {
        Expr::Add(ts) => ts.clone(),
        other => vec![other.clone()],
    };
    ts.iter().map(|t| power_term(t, n)).collect()
}

fn power_term(t: &Expr, n: &str) -> Option<(Expr, Q, Expr)> {
    let factors = match t {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let mut consts = Vec::new();
    let mut found = None;
    for g in factors {
        if !g.depends_on(n) {
            consts.push(g);
            continue;
        }
        let (b, e) = g.as_base_exp();
        if found.is_some() || e.depends_on(n) {
            return None;
        }
        let (al, be) = linear(&b, n)?;
        // (αn + β)^e = α^e·(n + β/α)^e
        consts.push(expr::pow(Expr::Num(al.clone()), e.clone()).ok()?);
        found = Some((be.div(&al).ok()?, expr::neg(e).ok()?));
    }
    let (a, s) = found?;
    Some((expr::mul(consts).ok()?, a, s))
}

/// `f = c·(αn + β)^(−1)·ln(αn + β)^(−q)`: `(c, α, β, q)`.
pub(crate) fn log_term(f: &Expr, n: &str) -> Option<(Expr, Q, Q, Expr)> {
    let factors = match f {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let mut consts = Vec::new();
    let (mut lin, mut lg) = (None, None);
    for g in factors {
        if !g.depends_on(n) {
            consts.push(g);
            continue;
        }
        let (b, e) = g.as_base_exp();
        if e.depends_on(n) {
            return None;
        }
        if let Expr::Func(Func::Ln, args) = &b {
            if lg.is_some() {
                return None;
            }
            lg = Some((linear(&args[0], n)?, expr::neg(e).ok()?));
        } else {
            if lin.is_some() || e != Expr::int(-1) {
                return None;
            }
            lin = Some(linear(&b, n)?);
        }
    }
    let ((a1, b1), ((a2, b2), q)) = (lin?, lg?);
    // Both linear functions must agree up to a constant factor k: α₂n + β₂ = k·(α₁n + β₁)
    // with k = 1 (a different k would need ln(k·u) = ln k + ln u, not this shape).
    if a1 != a2 || b1 != b2 {
        return None;
    }
    Some((expr::mul(consts).ok()?, a1, b1, q))
}
