//! Bernoulli and Euler templates: a class sequence d_n = c_(m·n+r) of the form
//! Q(n)·B_j/j! or Q(n)·E_j/j! with j = m·n + r + s, where Q(n) (or n·Q(n)) is hypergeometric or
//! C-finite. This is how the classical series of x/(eˣ − 1), x·cot x, tan x, sec x, tanh x,
//! x·coth x and ln(cos x) are recognised (DLMF 24.2.1, 24.2.6, 4.19): from their coefficients,
//! not from the function. The quotient Q is fitted like any other sequence and the product is
//! re-evaluated exactly against every term, as for every closed form. Also the rewriting of
//! an even-index Bernoulli form with odd exceptions as one formula in k (B_k/k!).

use super::{cfinite, eval_at, hyper, settle, Evidence, Found, GeneralTerm, Index, Piece};
use crate::math::expr::subst::subs;
use crate::math::expr::{add, bernoulli, div, func, mul, pow, Expr, Func, MResult};
use crate::math::number::{self, Q};
use crate::rich;

/// Fewest class terms a template is fitted and checked on.
const MIN_TERMS: usize = 30;
/// Largest shift s of the number's index beyond the class index m·n + r.
const MAX_SHIFT: usize = 2;

/// A closed form d_n = Q(n)·N_(mn+r+s)/(mn+r+s)! with N a Bernoulli or Euler number.
pub(super) fn closed(d: &[Q], m: usize, r: usize, var: &str, idx: &Index) -> Option<Found> {
    if d.len() < MIN_TERMS || d.iter().all(Q::is_zero) {
        return None;
    }
    for kind in [Func::Bernoulli, Func::Euler] {
        for s in 0..=MAX_SHIFT {
            if let Some(found) = with_template(d, m, r, s, kind, var, idx) {
                return Some(found);
            }
        }
    }
    None
}

/// N_j/j! for j = m·n + r + s, n = 0 … len − 1; `None` when the number is 0 at some n ≥ 1
/// (the template would not determine Q there).
fn weights(len: usize, m: usize, r: usize, s: usize, kind: Func) -> Option<Vec<Q>> {
    let mut out = Vec::with_capacity(len);
    for n in 0..len {
        let j = (m * n + r + s) as u64;
        let num = match kind {
            Func::Euler => Q::from_integer(bernoulli::euler(j).ok()?),
            _ => bernoulli::bernoulli(j).ok()?,
        };
        if num.is_zero() && n >= 1 {
            return None;
        }
        out.push(num.div(&Q::from_integer(number::factorial(j).ok()?)).ok()?);
    }
    Some(out)
}

fn with_template(
    d: &[Q],
    m: usize,
    r: usize,
    s: usize,
    kind: Func,
    var: &str,
    idx: &Index,
) -> Option<Found> {
    let w = weights(d.len(), m, r, s, kind)?;
    // Q(n) = d_n/w_n (0 where both vanish at n = 0).
    let mut q = Vec::with_capacity(d.len());
    for (dn, wn) in d.iter().zip(&w) {
        if wn.is_zero() {
            if !dn.is_zero() {
                return None;
            }
            q.push(Q::zero());
        } else {
            q.push(dn.div(wn).ok()?);
        }
    }
    let n = Expr::sym(var);
    let j = add(vec![
        mul(vec![Expr::int(m as i64), n.clone()]).ok()?,
        Expr::int((r + s) as i64),
    ])
    .ok()?;
    let number = func(kind, vec![j.clone()]).ok()?;
    let fact = func(Func::Factorial, vec![j]).ok()?;
    // Q itself, or n·Q(n) (the 1/n of ln(cos x)).
    for over_n in [false, true] {
        let target: Vec<Q> = if over_n {
            q.iter()
                .enumerate()
                .map(|(i, x)| x.mul(&Q::int(i as i64)))
                .collect()
        } else {
            q.clone()
        };
        let quotient = Index { m: 1, r: 0, var };
        let Some(inner) = hyper::closed(&target, var, &quotient)
            .or_else(|| cfinite::closed(&target, var, &quotient))
        else {
            continue;
        };
        let mut factors = vec![inner.formula.clone(), number.clone()];
        if over_n {
            factors.push(pow(n.clone(), Expr::int(-1)).ok()?);
        }
        let formula = div(mul(factors).ok()?, fact.clone()).ok()?;
        // Verified on every class term from the inner fit's start (n ≥ 1 when divided by n).
        let start = inner.n0.max(usize::from(over_n));
        let (n0, exceptions) = settle(d, start, &formula, var)?;
        let label = if kind == Func::Euler { "E" } else { "B" };
        let j_text = idx.at(0).replace("c(", "").replace(')', "");
        let shown = if s == 0 {
            j_text
        } else {
            format!("{j_text}+{s}")
        };
        return Some(Found {
            formula,
            n0,
            exceptions,
            fitted: inner.fitted,
            checked: inner.checked,
            method: rich![
                format!(
                    "{} template: c({var}) here stands for {}{}·({shown})!/{label}({shown}), which satisfies ",
                    if kind == Func::Euler {
                        "Euler-number"
                    } else {
                        "Bernoulli-number"
                    },
                    if over_n { format!("{var}·") } else { String::new() },
                    idx.at(0),
                ),
                inner.method
            ],
        });
    }
    None
}

/// A Bernoulli-number closed form found on the even coefficients, with the odd ones as
/// exceptions (x/(eˣ − 1): B_2n/(2n)!, and c_1 = −1/2 apart), rewritten as one formula in k
/// when F(k/2) or (−1)^k·F(k/2) reproduces every coefficient (B_k/k!, DLMF 24.2.1).
pub(super) fn unsplit(c: &[Q], t: GeneralTerm, var: &str) -> GeneralTerm {
    let GeneralTerm::Closed {
        modulus: 2,
        pieces,
        exceptions,
        evidence,
    } = &t
    else {
        return t;
    };
    let [p] = pieces.as_slice() else {
        return t;
    };
    if p.residue != 0 || p.n0 != 0 || !mentions(&p.formula, Func::Bernoulli) {
        return t;
    }
    let half = match mul(vec![Expr::frac(1, 2), Expr::sym(var)]) {
        Ok(h) => h,
        Err(_) => return t,
    };
    let Ok(base) = subs(&p.formula, var, &half).and_then(|b| halve_powers(&b)) else {
        return t;
    };
    let sign = pow(Expr::int(-1), Expr::sym(var));
    for candidate in [
        Ok(base.clone()),
        sign.and_then(|s| mul(vec![s, base.clone()])),
    ] {
        let Ok(f) = candidate else { continue };
        if (0..c.len()).all(|k| eval_at(&f, var, k as u64).as_ref() == Some(&c[k])) {
            let mut method = evidence.method.clone();
            method.push(format!(
                "; the exceptional odd terms fit the same formula written in the index k = 2*{var}"
            ));
            return GeneralTerm::Closed {
                modulus: 1,
                pieces: vec![Piece {
                    residue: 0,
                    n0: 0,
                    formula: f,
                }],
                exceptions: Vec::new(),
                evidence: Evidence {
                    fitted_on: evidence.fitted_on + exceptions.len(),
                    checked_on: evidence.checked_on + c.len() / 2,
                    method,
                },
            };
        }
    }
    t
}

/// b^(k/2) → (√b)^k for perfect squares b (4^(k/2) = 2^k), everywhere in `e`.
fn halve_powers(e: &Expr) -> MResult {
    let map = |v: &[Expr]| v.iter().map(halve_powers).collect::<MResult<Vec<_>>>();
    Ok(match e {
        Expr::Pow(b, x) => {
            let (q, rest) = x.split_coeff();
            match b.as_num() {
                Some(bq) if *q.denom() == 2 && bq.is_positive() => {
                    let (root, left) = bq.kth_root_split(2);
                    if left == 1 {
                        let whole = mul(vec![Expr::Num(q.mul(&Q::int(2))), rest])?;
                        pow(Expr::Num(root), whole)?
                    } else {
                        e.clone()
                    }
                }
                _ => pow(halve_powers(b)?, halve_powers(x)?)?,
            }
        }
        Expr::Mul(v) => mul(map(v)?)?,
        Expr::Add(v) => add(map(v)?)?,
        Expr::Func(g, v) => func(*g, map(v)?)?,
        _ => e.clone(),
    })
}

/// Whether `e` applies `f` somewhere.
fn mentions(e: &Expr, f: Func) -> bool {
    match e {
        Expr::Func(g, args) => *g == f || args.iter().any(|a| mentions(a, f)),
        Expr::Pow(b, x) => mentions(b, f) || mentions(x, f),
        Expr::Mul(v) | Expr::Add(v) => v.iter().any(|a| mentions(a, f)),
        _ => false,
    }
}
