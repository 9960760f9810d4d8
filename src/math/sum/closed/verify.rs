//! The checks every closed form passes before it is returned: the antidifference identity
//! z(n+1) − z(n) = a(n) (symbolically after expansion, or exactly at many points with the
//! parameters given values), and the closed form against direct exact sums for concrete
//! bounds. A check that cannot decide counts as a failure: no unverified formula escapes.
//! Imports only the expression layer and `Poly`.

use crate::math::expr::{self, subst, Constant, Expr, MResult, Symbol};
use crate::math::number::Q;
use crate::math::poly::{rational_function, Poly};
use std::collections::BTreeMap;

/// Values given to free parameters (never 0 or ±1, where formulas degenerate).
const PARAMS: [(i64, i64); 8] = [
    (2, 1),
    (3, 1),
    (1, 2),
    (-2, 1),
    (5, 1),
    (1, 3),
    (7, 1),
    (-3, 2),
];
/// Index values at which the antidifference identity is checked.
const POINTS: [i64; 12] = [2, 3, 5, 7, 4, 6, 9, 11, 8, 10, 13, 1];
/// Exact agreements required of each check.
const NEEDED: usize = 4;

enum Verdict {
    Zero,
    NonZero,
    Unknown,
}

fn verdict(d: &Expr) -> Verdict {
    if d.is_zero() {
        return Verdict::Zero;
    }
    if d.as_num().is_some() {
        return Verdict::NonZero;
    }
    match subst::expand(d) {
        Ok(x) if x.is_zero() => Verdict::Zero,
        Ok(Expr::Num(_)) => Verdict::NonZero,
        _ => transcendental(d),
    }
}

/// Decides exactly a number built from rationals and integer powers of one of e, π or √c:
/// it is a rational function P/Q of that constant with rational coefficients. For e and π
/// (transcendental) it vanishes exactly when P = 0; for √c (c > 1 square-free, as canonical
/// surds are) exactly when P mod (s² − c) = 0.
fn transcendental(d: &Expr) -> Verdict {
    let Ok(x) = constants_to_symbols(d) else {
        return Verdict::Unknown;
    };
    let syms = x.symbols();
    if syms.len() != 1 {
        return Verdict::Unknown;
    }
    let Some((p, _)) = rational_function(&x, &syms[0]) else {
        return Verdict::Unknown;
    };
    let p = match syms[0].strip_prefix("surd ").map(str::parse::<i64>) {
        Some(Ok(c)) => {
            // s² = c: the even powers give a rational part, the odd ones a multiple of s.
            let (mut even, mut odd, mut pow) = (Q::zero(), Q::zero(), Q::one());
            for (i, a) in p.c.iter().enumerate() {
                if i % 2 == 0 {
                    even = even.add(&a.mul(&pow));
                } else {
                    odd = odd.add(&a.mul(&pow));
                    pow = pow.mul(&Q::int(c));
                }
            }
            Poly::new(vec![even, odd])
        }
        Some(Err(_)) => return Verdict::Unknown,
        None => p,
    };
    if p.is_zero() {
        Verdict::Zero
    } else {
        Verdict::NonZero
    }
}

/// `e` with the constants e and π and square roots of integers replaced by symbols no user
/// can write.
fn constants_to_symbols(e: &Expr) -> MResult {
    let map = |v: &[Expr]| {
        v.iter()
            .map(constants_to_symbols)
            .collect::<MResult<Vec<_>>>()
    };
    Ok(match e {
        Expr::Const(Constant::E) => Expr::sym("const e"),
        Expr::Const(Constant::Pi) => Expr::sym("const pi"),
        Expr::Num(_) | Expr::Sym(_) | Expr::Const(_) => e.clone(),
        Expr::Pow(b, x)
            if **x == Expr::frac(1, 2) && b.as_num().is_some_and(|c| c.is_integer()) =>
        {
            Expr::sym(&format!("surd {b}"))
        }
        Expr::Pow(b, x) => expr::pow(constants_to_symbols(b)?, constants_to_symbols(x)?)?,
        Expr::Mul(fs) => expr::mul(map(fs)?)?,
        Expr::Add(ts) => expr::add(map(ts)?)?,
        Expr::Func(f, args) => expr::func(*f, map(args)?)?,
    })
}

fn assign(e: &Expr, vals: &BTreeMap<String, Expr>) -> MResult {
    subst::map_symbols(e, &|s| vals.get(s).cloned())
}

fn param(i: usize) -> Expr {
    let (p, q) = PARAMS[i % PARAMS.len()];
    Expr::frac(p, q)
}

fn others(exprs: &[&Expr], skip: &[Symbol]) -> Vec<Symbol> {
    let mut out: Vec<Symbol> = exprs.iter().flat_map(|e| e.symbols()).collect();
    out.sort();
    out.dedup();
    out.retain(|s| !skip.contains(s));
    out
}

/// Checks z(n+1) − z(n) = a(n); says how when it holds.
pub fn antidifference_holds(z: &Expr, a: &Expr, n: &str) -> MResult<Option<String>> {
    let next = subst::subs(z, n, &expr::add(vec![Expr::sym(n), Expr::one()])?)?;
    let d = expr::sub(expr::sub(next, z.clone())?, a.clone())?;
    if matches!(subst::expand(&d), Ok(x) if x.is_zero()) {
        return Ok(Some(format!(
            "z({n}+1) − z({n}) = a({n}) holds identically (after expansion)"
        )));
    }
    let params = others(&[z, a], &[Symbol::from(n)]);
    let mut ok = 0;
    for (i, k) in POINTS.iter().enumerate() {
        let mut vals = BTreeMap::new();
        vals.insert(n.to_string(), Expr::int(*k));
        for (j, p) in params.iter().enumerate() {
            vals.insert(p.to_string(), param(i + 3 * j));
        }
        let Ok(v) = assign(&d, &vals) else {
            continue;
        };
        match verdict(&v) {
            Verdict::Zero => ok += 1,
            Verdict::NonZero => return Ok(None),
            Verdict::Unknown => {}
        }
    }
    Ok((ok >= NEEDED).then(|| {
        format!(
            "z({n}+1) − z({n}) = a({n}) checked exactly at {ok} values of {n} and the parameters"
        )
    }))
}

/// Checks the closed form `s` of Σ_{n=lo}^{hi} a against direct exact sums, with small
/// integers for the symbols of the bounds and rationals for the other parameters.
pub fn closed_form_holds(
    s: &Expr,
    a: &Expr,
    n: &str,
    lo: &Expr,
    hi: &Expr,
) -> MResult<Option<String>> {
    let bounds = others(&[lo, hi], &[Symbol::from(n)]);
    let mut skip = bounds.clone();
    skip.push(Symbol::from(n));
    let params = others(&[s, a], &skip);
    let base: usize = if bounds.len() == 1 { 10 } else { 7 };
    let combos = base.checked_pow(bounds.len() as u32).unwrap_or(usize::MAX);
    let trials = combos.clamp(8, 150);
    let (mut ok, mut checked) = (0usize, Vec::new());
    for t in 0..trials {
        let mut vals = BTreeMap::new();
        let mut digits = t % combos.max(1);
        for b in &bounds {
            vals.insert(b.to_string(), Expr::int((digits % base) as i64));
            digits /= base;
        }
        for (j, p) in params.iter().enumerate() {
            vals.insert(p.to_string(), param(t + 3 * j));
        }
        let (Ok(Expr::Num(l)), Ok(h)) = (assign(lo, &vals), assign(hi, &vals)) else {
            continue;
        };
        let (Some(l), Some(h)) = (l.to_i64(), h.as_num().and_then(Q::to_i64)) else {
            continue;
        };
        if h < l - 1 || h - l > 40 {
            continue;
        }
        let direct = (l..=h)
            .map(|k| {
                let mut v = vals.clone();
                v.insert(n.to_string(), Expr::int(k));
                assign(a, &v)
            })
            .collect::<MResult<Vec<_>>>()
            .and_then(expr::add);
        let Ok(direct) = direct else {
            continue;
        };
        let value = match assign(s, &vals) {
            Ok(v) => v,
            // The sum exists but the formula fails there: only a parameter value may excuse it.
            Err(_) if params.is_empty() => return Ok(None),
            Err(_) => continue,
        };
        match verdict(&expr::sub(value, direct)?) {
            Verdict::Zero => {
                ok += 1;
                if checked.len() < 6 {
                    checked.push(format!("{l}..{h}"));
                }
            }
            Verdict::NonZero => return Ok(None),
            Verdict::Unknown => {}
        }
        if ok >= 12 {
            break;
        }
    }
    let needed = if bounds.is_empty() && params.is_empty() {
        1
    } else {
        NEEDED
    };
    Ok((ok >= needed).then(|| {
        format!(
            "the closed form equals the direct exact sum in {ok} cases (ranges {}, …)",
            checked.join(", ")
        )
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k() -> Expr {
        Expr::sym("k")
    }
    fn n() -> Expr {
        Expr::sym("n")
    }
    fn half_n_n1(extra: i64) -> Expr {
        // n(n+1)/2 + extra
        let e = expr::mul(vec![
            Expr::frac(1, 2),
            n(),
            expr::add(vec![n(), Expr::one()]).unwrap(),
        ])
        .unwrap();
        expr::add(vec![e, Expr::int(extra)]).unwrap()
    }

    #[test]
    fn right_formulas_pass_and_wrong_ones_fail() {
        let (lo, hi) = (Expr::one(), n());
        assert!(closed_form_holds(&half_n_n1(0), &k(), "k", &lo, &hi)
            .unwrap()
            .is_some());
        assert!(closed_form_holds(&half_n_n1(1), &k(), "k", &lo, &hi)
            .unwrap()
            .is_none());
        // Right at n = 0 .. 9 except one place is still wrong.
        let bump = expr::mul(vec![
            Expr::frac(1, 100),
            n(),
            expr::add(vec![n(), Expr::int(-1)]).unwrap(),
            expr::add(vec![n(), Expr::int(-2)]).unwrap(),
        ])
        .unwrap();
        let wrong = expr::add(vec![half_n_n1(0), bump]).unwrap();
        assert!(closed_form_holds(&wrong, &k(), "k", &lo, &hi)
            .unwrap()
            .is_none());
    }

    #[test]
    fn antidifference_identity() {
        let z = expr::mul(vec![
            Expr::frac(1, 2),
            k(),
            expr::add(vec![k(), Expr::int(-1)]).unwrap(),
        ])
        .unwrap();
        assert!(antidifference_holds(&z, &k(), "k").unwrap().is_some());
        let z2 = expr::mul(vec![Expr::frac(1, 2), k(), k()]).unwrap();
        assert!(antidifference_holds(&z2, &k(), "k").unwrap().is_none());
    }

    #[test]
    fn powers_of_e_and_surds_are_decided() {
        // (e^2 − 1)/(e − 1) − (e + 1) = 0; (√2)^2 − 2 = 0; e − 1 ≠ 0.
        let e2 = expr::pow(Expr::e(), Expr::int(2)).unwrap();
        let em1 = expr::sub(Expr::e(), Expr::one()).unwrap();
        let q = expr::div(expr::sub(e2, Expr::one()).unwrap(), em1.clone()).unwrap();
        let d = expr::sub(q, expr::add(vec![Expr::e(), Expr::one()]).unwrap()).unwrap();
        assert!(matches!(verdict(&d), Verdict::Zero));
        assert!(matches!(verdict(&em1), Verdict::NonZero));
        let s = Expr::sqrt(Expr::int(2)).unwrap();
        let inv = expr::div(Expr::one(), expr::sub(s.clone(), Expr::one()).unwrap()).unwrap();
        // 1/(√2 − 1) − (√2 + 1) = 0
        let d = expr::sub(inv, expr::add(vec![s, Expr::one()]).unwrap()).unwrap();
        assert!(matches!(verdict(&d), Verdict::Zero));
    }
}
