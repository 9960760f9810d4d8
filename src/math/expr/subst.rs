//! Rebuilding expressions: substitution of a symbol by a value and full expansion of
//! products and integer powers of sums. Both re-canonicalise through the constructors.

use super::canon::{add, mul, pow};
use super::func::func;
use super::{Expr, MResult, MathError};

/// Rebuilds `e` bottom-up, replacing every symbol `s` by `f(s)` where it returns `Some`.
pub fn map_symbols(e: &Expr, f: &dyn Fn(&str) -> Option<Expr>) -> MResult {
    Ok(match e {
        Expr::Sym(s) => f(s).unwrap_or_else(|| e.clone()),
        Expr::Num(_) | Expr::Const(_) => e.clone(),
        Expr::Pow(b, x) => pow(map_symbols(b, f)?, map_symbols(x, f)?)?,
        Expr::Mul(v) => mul(v
            .iter()
            .map(|t| map_symbols(t, f))
            .collect::<MResult<Vec<_>>>()?)?,
        Expr::Add(v) => add(v
            .iter()
            .map(|t| map_symbols(t, f))
            .collect::<MResult<Vec<_>>>()?)?,
        Expr::Func(g, v) if g.binds() => {
            // The variable of integration (or summation index) is bound: never substituted.
            let bound = match &v[1] {
                Expr::Sym(t) => t.to_string(),
                _ => String::new(),
            };
            let inner = map_symbols(&v[0], &|s| if s == bound { None } else { f(s) })?;
            let mut args = vec![inner, v[1].clone()];
            for t in &v[2..] {
                args.push(map_symbols(t, f)?);
            }
            func(*g, args)?
        }
        Expr::Func(g, v) => func(
            *g,
            v.iter()
                .map(|t| map_symbols(t, f))
                .collect::<MResult<Vec<_>>>()?,
        )?,
    })
}

/// `e` with every occurrence of the symbol `x` replaced by `v`.
///
/// ```
/// use sigma::math::expr::{subst::subs, pow, Expr};
/// let f = pow(Expr::sym("x"), Expr::int(2)).unwrap();
/// assert_eq!(subs(&f, "x", &Expr::frac(1, 2)).unwrap(), Expr::frac(1, 4));
/// ```
pub fn subs(e: &Expr, x: &str, v: &Expr) -> MResult {
    map_symbols(e, &|s| (s == x).then(|| v.clone()))
}

/// `e` with every occurrence of the subexpression `target` replaced by `with`, rebuilt through
/// the canonicalising constructors.
pub fn replace(e: &Expr, target: &Expr, with: &Expr) -> MResult {
    if e == target {
        return Ok(with.clone());
    }
    Ok(match e {
        Expr::Num(_) | Expr::Const(_) | Expr::Sym(_) => e.clone(),
        Expr::Pow(b, k) => pow(replace(b, target, with)?, replace(k, target, with)?)?,
        Expr::Add(v) => add(v
            .iter()
            .map(|t| replace(t, target, with))
            .collect::<MResult<_>>()?)?,
        Expr::Mul(v) => mul(v
            .iter()
            .map(|t| replace(t, target, with))
            .collect::<MResult<_>>()?)?,
        Expr::Func(f, v) => func(
            *f,
            v.iter()
                .map(|t| replace(t, target, with))
                .collect::<MResult<_>>()?,
        )?,
    })
}

/// Largest number of terms an expansion may produce.
pub const MAX_EXPAND_TERMS: usize = 200_000;

/// Distributes products over sums and expands positive integer powers of sums, recursively
/// (function arguments included).
pub fn expand(e: &Expr) -> MResult {
    match e {
        Expr::Num(_) | Expr::Const(_) | Expr::Sym(_) => Ok(e.clone()),
        Expr::Add(ts) => add(ts.iter().map(expand).collect::<MResult<Vec<_>>>()?),
        Expr::Func(g, args) => func(*g, args.iter().map(expand).collect::<MResult<Vec<_>>>()?),
        Expr::Mul(fs) => {
            let mut acc = Expr::one();
            for f in fs {
                acc = distribute(&acc, &expand(f)?)?;
            }
            Ok(acc)
        }
        Expr::Pow(b, x) => {
            let b = expand(b)?;
            let x = expand(x)?;
            match (&b, x.as_num().and_then(|q| q.to_i64())) {
                (Expr::Add(ts), Some(n)) if n > 1 => {
                    // The expansion has C(n + k - 1, k - 1) monomials for k terms: refuse
                    // hopeless sizes up front instead of running out of memory.
                    let log_terms: f64 = (1..ts.len())
                        .map(|i| ((n as f64 + i as f64) / i as f64).ln())
                        .sum();
                    if n > 100_000
                        || log_terms > (MAX_EXPAND_TERMS as f64).ln()
                        || (n as f64) * (log_terms.exp()) > 2e6
                    {
                        return Err(MathError::TooLarge(format!(
                            "the expansion of a {}-term sum to the power {n}",
                            ts.len()
                        )));
                    }
                    let mut acc = Expr::one();
                    for _ in 0..n {
                        acc = distribute(&acc, &b)?;
                    }
                    Ok(acc)
                }
                _ => pow(b, x),
            }
        }
    }
}

/// The product of two expanded expressions, distributed term by term.
fn distribute(a: &Expr, b: &Expr) -> MResult {
    let terms = |e: &Expr| match e {
        Expr::Add(ts) => ts.clone(),
        other => vec![other.clone()],
    };
    let (ta, tb) = (terms(a), terms(b));
    if ta.len().saturating_mul(tb.len()) > MAX_EXPAND_TERMS {
        return Err(MathError::TooLarge("the expansion".into()));
    }
    let mut out = Vec::with_capacity(ta.len() * tb.len());
    for x in &ta {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        for y in &tb {
            out.push(mul(vec![x.clone(), y.clone()])?);
        }
    }
    add(out)
}
