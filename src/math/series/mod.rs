//! Truncated power series: coefficient rings, Laurent-aware truncation, and the expansion of
//! symbolic expressions at a point — the engine behind `maclaurin`, `taylor` and `coeff`.

pub mod bounds;
pub mod expand;
pub mod fast;
pub mod guess;
pub mod ring;
pub mod symbolic;
pub mod trunc;

use crate::math::expr::{self, subst, Expr, MResult, MathError};
use crate::math::number::Q;
use crate::math::poly::mpoly::{self, MPoly, Printer, Scope};
use expand::{ExpandError, Expander};
use ring::Coeff;

/// Largest expansion order sigma accepts (coefficients are exact, so memory grows fast).
pub const MAX_ORDER: usize = 100_000;

/// The first coefficients of a function's Taylor series at a point, with the rules used.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    /// `coeffs[k]` is the coefficient of `(x − a)^k`.
    pub coeffs: Vec<Expr>,
    /// The rules applied, in words, for the derivation.
    pub trail: Vec<String>,
    /// Whether the coefficients needed symbolic constants (π, √2, parameters).
    pub symbolic: bool,
}

/// A symbol name no user can type, standing for `x − a` during a Taylor expansion.
const SHIFT: &str = "_t";

/// The coefficients of `(x − a)^0 … (x − a)^(n−1)` in the Taylor series of `f` at `a`.
pub fn taylor(f: &Expr, x: &str, a: &Expr, n: usize) -> MResult<Expansion> {
    if n > MAX_ORDER {
        return Err(MathError::TooLarge(format!("a series with {n} terms")));
    }
    let (g, var) = if a.is_zero() {
        (f.clone(), x.to_string())
    } else {
        let shifted = expr::add(vec![a.clone(), Expr::sym(SHIFT)])?;
        (subst::subs(f, x, &shifted)?, SHIFT.to_string())
    };
    let rename = |e: MathError| -> MathError {
        if a.is_zero() {
            return e;
        }
        let point = crate::math::expr::display::expr(a);
        let shifted = format!("({x} - {point})");
        let fix = |s: String| {
            s.replace(&format!("{SHIFT} = 0"), &format!("{x} = {point}"))
                .replace(SHIFT, &shifted)
        };
        match e {
            MathError::Domain(s) => MathError::Domain(fix(s)),
            MathError::Unsupported(s) => MathError::Unsupported(fix(s)),
            MathError::Undefined(s) => MathError::Undefined(fix(s)),
            other => other,
        }
    };
    let mut e = match root_denominator(&g, &var) {
        Some(d) if a.is_zero() => in_root(&g, &var, d, n)?,
        _ => expand_rings(&g, &var, n).map_err(rename)?,
    };
    if !a.is_zero() {
        let shifted = format!("({x} - {})", crate::math::expr::display::expr(a));
        for t in &mut e.trail {
            *t = t.replace(SHIFT, &shifted);
        }
    }
    Ok(e)
}

/// Expands over the rationals; when a constant needs symbols, over polynomials in the
/// parameters and constants; when even that fails (exp(a), a division by a + 1), over
/// expression trees.
fn expand_rings(g: &Expr, var: &str, n: usize) -> MResult<Expansion> {
    match run::<Q>(g, var, n) {
        Ok((c, trail)) => Ok(Expansion {
            coeffs: c.iter().map(Coeff::to_expr).collect(),
            trail,
            symbolic: false,
        }),
        Err(ExpandError::NeedSymbolic) => {
            let scope = Scope::enter();
            match run::<MPoly>(g, var, n) {
                Ok((c, trail)) if !mpoly::overflowed() => {
                    // Polynomials print as canonical sums of monomials already: no expand.
                    let mut printer = Printer::new();
                    return Ok(Expansion {
                        coeffs: c.iter().map(|p| printer.expr(p)).collect(),
                        trail,
                        symbolic: true,
                    });
                }
                Err(ExpandError::Math(e @ (MathError::Interrupted | MathError::TooLarge(_)))) => {
                    return Err(e)
                }
                // Any other failure (or an exponent overflow) is redone over expression trees.
                _ => drop(scope),
            }
            match run::<Expr>(g, var, n) {
                Ok((c, trail)) => Ok(Expansion {
                    coeffs: c
                        .into_iter()
                        .map(|e| subst::expand(&e))
                        .collect::<MResult<Vec<_>>>()?,
                    trail,
                    symbolic: true,
                }),
                Err(ExpandError::Math(e)) => Err(e),
                Err(ExpandError::NeedSymbolic) => Err(MathError::Unsupported(
                    "a coefficient could not be represented".into(),
                )),
            }
        }
        Err(ExpandError::Math(e)) => Err(e),
    }
}

/// Runs the expander over ring `C`, raising the working precision until `n` coefficients
/// are known (divisions by series that vanish at 0 cost precision).
fn run<C: Coeff>(g: &Expr, x: &str, n: usize) -> Result<(Vec<C>, Vec<String>), ExpandError> {
    let mut work = n as i64;
    // Cancellations at the point rarely cost more than a few hundred orders.
    let limit = 4 * n as i64 + 512;
    for _ in 0..8 {
        let mut ex = Expander::<C>::new(x, work.max(1));
        let s = match ex.series(g) {
            Err(ExpandError::Math(MathError::NeedPrecision)) => {
                // A divisor vanished to this order: double the working precision.
                work = work.max(1) * 2 + 4;
                if work > limit {
                    break;
                }
                continue;
            }
            other => other?,
        };
        if s.val < 0 && !s.is_zero() {
            return Err(ExpandError::Math(MathError::Domain(format!(
                "the expression has a pole of order {} at the expansion point; Laurent series are not supported",
                -s.val
            ))));
        }
        if s.prec >= n as i64 {
            let c = (0..n as i64)
                .map(|k| s.coeff(k).unwrap_or_else(C::zero))
                .collect();
            return Ok((c, ex.trail));
        }
        work += (n as i64 - s.prec) + 2;
        if work as usize > MAX_ORDER * 2 {
            break;
        }
    }
    Err(ExpandError::Math(MathError::Unsupported(format!(
        "the expansion loses too much precision: a divisor vanishes through order {work} (is it identically zero?)"
    ))))
}

/// A symbol name no user can type, standing for `x^(1/d)` while a function of roots of x is
/// expanded.
const ROOT: &str = "_r";

/// The least common denominator d > 1 of the exponents q in the powers `x^q` of `e`, when
/// there are such powers (√x, x^(3/2)).
fn root_denominator(e: &Expr, x: &str) -> Option<u64> {
    fn walk(e: &Expr, x: &str, d: &mut rug::Integer) {
        match e {
            Expr::Pow(b, q) if matches!(&**b, Expr::Sym(s) if &**s == x) => {
                if let Some(q) = q.as_num() {
                    d.lcm_mut(q.denom());
                }
            }
            Expr::Pow(b, q) => {
                walk(b, x, d);
                walk(q, x, d);
            }
            Expr::Add(v) | Expr::Mul(v) | Expr::Func(_, v) => v.iter().for_each(|t| walk(t, x, d)),
            _ => {}
        }
    }
    let mut d = rug::Integer::from(1);
    walk(e, x, &mut d);
    d.to_u64().filter(|d| *d > 1 && *d <= 64)
}

/// `e` with x = r^d: `x^q` becomes `r^(d·q)` (r > 0, so no branch is chosen) and `x` becomes
/// `r^d`.
fn to_root(e: &Expr, x: &str, d: u64) -> MResult<Expr> {
    let r = Expr::sym(ROOT);
    let dq = Q::int(d as i64);
    Ok(match e {
        Expr::Sym(s) if &**s == x => expr::pow(r, Expr::Num(dq))?,
        Expr::Pow(b, q) if matches!(&**b, Expr::Sym(s) if &**s == x) && q.as_num().is_some() => {
            let q = q.as_num().expect("a number");
            expr::pow(r, Expr::Num(q.mul(&dq)))?
        }
        Expr::Pow(b, q) => expr::pow(to_root(b, x, d)?, to_root(q, x, d)?)?,
        Expr::Add(v) => expr::add(v.iter().map(|t| to_root(t, x, d)).collect::<MResult<_>>()?)?,
        Expr::Mul(v) => expr::mul(v.iter().map(|t| to_root(t, x, d)).collect::<MResult<_>>()?)?,
        Expr::Func(f, v) if !f.binds() => {
            expr::func(*f, v.iter().map(|t| to_root(t, x, d)).collect::<MResult<_>>()?)?
        }
        other if other.depends_on(x) => {
            return Err(MathError::Unsupported(format!(
                "{other} depends on {x} inside a bound variable; its series in roots of {x} is not supported"
            )))
        }
        other => other.clone(),
    })
}

/// The series of a function of roots of x at 0: with x = r^d it is a power series in r, and
/// when only powers r^(d·k) occur it is the power series Σ c_k x^k (cosh √x = Σ x^k/(2k)!).
/// Other powers make it a Puiseux series, which is refused with its first terms named.
fn in_root(g: &Expr, x: &str, d: u64, n: usize) -> MResult<Expansion> {
    let h = to_root(g, x, d)?;
    let du = d as usize;
    let m = n
        .checked_mul(du)
        .filter(|m| *m <= MAX_ORDER)
        .ok_or_else(|| MathError::TooLarge(format!("a series in {x}^(1/{d}) with {n} terms")))?;
    let e = expand_rings(&h, ROOT, m)?;
    if let Some(j) = (0..m).find(|j| j % du != 0 && !e.coeffs[*j].is_zero()) {
        let q = Expr::Num(Q::frac(j as i64, d as i64));
        return Err(MathError::Domain(format!(
            "{} is not analytic at {x} = 0 (a branch point): a Puiseux series in {x}^(1/{d}) whose term in {x}^({q}) is {}; Puiseux series are not supported",
            crate::math::expr::display::expr(g),
            crate::math::expr::display::expr(&e.coeffs[j])
        )));
    }
    let mut trail = vec![format!(
        "substitute {x} = r^{d}: a power series in r with only the powers r^({d}k), so a power series in {x}"
    )];
    trail.extend(
        e.trail
            .into_iter()
            .map(|t| t.replace(ROOT, &format!("{x}^(1/{d})"))),
    );
    Ok(Expansion {
        coeffs: e.coeffs.into_iter().step_by(du).collect(),
        trail,
        symbolic: e.symbolic,
    })
}
