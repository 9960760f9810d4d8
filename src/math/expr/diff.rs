//! Symbolic differentiation: sum, product, power and chain rules over every built-in
//! function, with the result put back in canonical form.

use super::canon::{add, div, mul, neg, pow, sub};
use super::func::func;
use super::{Constant, Expr, Func, MResult, MathError};

/// d/dx of `f`.
///
/// ```
/// use sigma::math::expr::{diff::diff, pow, Expr};
/// let f = pow(Expr::sym("x"), Expr::int(3)).unwrap();
/// let d = diff(&f, "x").unwrap();
/// assert_eq!(d, sigma::math::expr::mul(vec![Expr::int(3), pow(Expr::sym("x"), Expr::int(2)).unwrap()]).unwrap());
/// ```
pub fn diff(f: &Expr, x: &str) -> MResult {
    stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || diff_node(f, x))
}

fn diff_node(f: &Expr, x: &str) -> MResult {
    if !f.depends_on(x) {
        return Ok(Expr::zero());
    }
    match f {
        Expr::Sym(_) => Ok(Expr::one()),
        Expr::Num(_) | Expr::Const(_) => Ok(Expr::zero()),
        Expr::Add(ts) => add(ts.iter().map(|t| diff(t, x)).collect::<MResult<Vec<_>>>()?),
        Expr::Mul(fs) => {
            let mut terms = Vec::with_capacity(fs.len());
            for i in 0..fs.len() {
                if !fs[i].depends_on(x) {
                    continue;
                }
                let mut parts = fs.clone();
                parts[i] = diff(&fs[i], x)?;
                terms.push(mul(parts)?);
            }
            add(terms)
        }
        Expr::Pow(b, e) => {
            let (b, e) = (&**b, &**e);
            if !e.depends_on(x) {
                // d(u^c) = c u^(c-1) u'
                let e1 = sub(e.clone(), Expr::one())?;
                mul(vec![e.clone(), pow(b.clone(), e1)?, diff(b, x)?])
            } else if !b.depends_on(x) {
                // d(a^v) = a^v ln(a) v'
                let ln_b = func(Func::Ln, vec![b.clone()])?;
                mul(vec![f.clone(), ln_b, diff(e, x)?])
            } else {
                // d(u^v) = u^v (v' ln u + v u'/u)
                let ln_b = func(Func::Ln, vec![b.clone()])?;
                let inner = add(vec![
                    mul(vec![diff(e, x)?, ln_b])?,
                    div(mul(vec![e.clone(), diff(b, x)?])?, b.clone())?,
                ])?;
                mul(vec![f.clone(), inner])
            }
        }
        Expr::Func(Func::Integral, args) => {
            // d/dx ∫_lo^hi g(t) dt = g(hi)·hi' − g(lo)·lo' (fundamental theorem of calculus).
            let (g, t, lo, hi) = (&args[0], &args[1], &args[2], &args[3]);
            let Expr::Sym(t) = t else {
                return Err(MathError::Unsupported(
                    "an integral needs a variable of integration".into(),
                ));
            };
            if &**t != x && g.depends_on(x) {
                return Err(MathError::Unsupported(
                    "differentiating under the integral sign is not supported".into(),
                ));
            }
            let at = |b: &Expr| super::subst::subs(g, t, b);
            sub(
                mul(vec![at(hi)?, diff(hi, x)?])?,
                mul(vec![at(lo)?, diff(lo, x)?])?,
            )
        }
        Expr::Func(g, args) => {
            if *g == Func::Binomial {
                return Err(MathError::Unsupported(
                    "the derivative of binomial with a variable argument is not supported".into(),
                ));
            }
            if matches!(g, Func::BesselJ | Func::BesselI) {
                return bessel_derivative(*g, args, x);
            }
            let u = &args[0];
            let outer = outer_derivative(*g, u)?;
            mul(vec![outer, diff(u, x)?])
        }
    }
}

/// The k-th derivative (stops with [`MathError::Interrupted`] when the user interrupts).
pub fn diff_n(f: &Expr, x: &str, k: u64) -> MResult {
    let mut cur = f.clone();
    for _ in 0..k {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        if cur.is_zero() {
            break;
        }
        cur = diff(&cur, x)?;
        if cur.size() > 2_000_000 {
            return Err(MathError::TooLarge("the derivative".into()));
        }
    }
    Ok(cur)
}

/// d/dx of J_ν(u) or I_ν(u) for an order ν free of x: J_ν' = (J_(ν−1) − J_(ν+1))/2
/// (DLMF 10.6.1), I_ν' = (I_(ν−1) + I_(ν+1))/2 (DLMF 10.29.1).
fn bessel_derivative(g: Func, args: &[Expr], x: &str) -> MResult {
    let (nu, u) = (&args[0], &args[1]);
    if nu.depends_on(x) {
        return Err(MathError::Unsupported(format!(
            "the derivative of {} in its order is not available in sigma",
            g.name()
        )));
    }
    let at = |k: i64| func(g, vec![add(vec![nu.clone(), Expr::int(k)])?, u.clone()]);
    let upper = if g == Func::BesselJ {
        neg(at(1)?)?
    } else {
        at(1)?
    };
    let outer = mul(vec![Expr::frac(1, 2), add(vec![at(-1)?, upper])?])?;
    mul(vec![outer, diff(u, x)?])
}

/// g'(u) for a built-in function g.
fn outer_derivative(g: Func, u: &Expr) -> MResult {
    let one = Expr::one;
    let u2 = || pow(u.clone(), Expr::int(2));
    let sqrt_2pi = || Expr::sqrt(mul(vec![Expr::int(2), Expr::pi()])?);
    let gauss = || -> MResult {
        // e^(-u²/2)/√(2π)
        div(
            Expr::exp(mul(vec![Expr::frac(-1, 2), u2()?])?)?,
            sqrt_2pi()?,
        )
    };
    match g {
        Func::Ln => pow(u.clone(), Expr::int(-1)),
        Func::Sin => func(Func::Cos, vec![u.clone()]),
        Func::Cos => neg(func(Func::Sin, vec![u.clone()])?),
        Func::Tan => pow(func(Func::Cos, vec![u.clone()])?, Expr::int(-2)),
        Func::Asin => pow(sub(one(), u2()?)?, Expr::frac(-1, 2)),
        Func::Acos => neg(pow(sub(one(), u2()?)?, Expr::frac(-1, 2))?),
        Func::Atan => pow(add(vec![one(), u2()?])?, Expr::int(-1)),
        Func::Sinh => func(Func::Cosh, vec![u.clone()]),
        Func::Cosh => func(Func::Sinh, vec![u.clone()]),
        Func::Tanh => pow(func(Func::Cosh, vec![u.clone()])?, Expr::int(-2)),
        Func::Asinh => pow(add(vec![u2()?, one()])?, Expr::frac(-1, 2)),
        Func::Acosh => pow(sub(u2()?, one())?, Expr::frac(-1, 2)),
        Func::Atanh => pow(sub(one(), u2()?)?, Expr::int(-1)),
        Func::Erf | Func::Erfc => {
            // ±2/√π e^(-u²)
            let c = div(Expr::int(2), Expr::sqrt(Expr::pi())?)?;
            let v = mul(vec![c, Expr::exp(neg(u2()?)?)?])?;
            if g == Func::Erf {
                Ok(v)
            } else {
                neg(v)
            }
        }
        Func::Phi => gauss(),
        // gelu(u) = u Φ(u): Φ(u) + u φ(u)
        Func::Gelu => add(vec![func(Func::Phi, vec![u.clone()])?, mul(vec![u.clone(), gauss()?])?]),
        Func::Sigmoid => {
            let s = func(Func::Sigmoid, vec![u.clone()])?;
            mul(vec![s.clone(), sub(one(), s)?])
        }
        Func::Abs => div(u.clone(), func(Func::Abs, vec![u.clone()])?),
        Func::Integral => Err(MathError::Unsupported("internal: integral handled above".into())),
        Func::Root => Err(MathError::Unsupported(
            "root(p, x, k) is a constant: its polynomial has rational coefficients".into(),
        )),
        Func::Sum => Err(MathError::Unsupported(
            "differentiating a sum with respect to its bounds or terms is not supported yet".into(),
        )),
        Func::Gamma | Func::Factorial | Func::Binomial => Err(MathError::Unsupported(format!(
            "the derivative of {} in a variable needs the digamma function, which sigma does not have yet",
            g.name()
        ))),
        Func::Bernoulli | Func::Euler => Err(MathError::Unsupported(format!(
            "{} numbers are defined at integers only: {}(n) has no derivative in n",
            if g == Func::Euler { "Euler" } else { "Bernoulli" },
            g.name()
        ))),
        Func::Zeta => Err(MathError::Unsupported(
            "the derivative of zeta in a variable is not available in closed form in sigma yet".into(),
        )),
        Func::Harmonic => Err(MathError::Unsupported(
            "the derivative of harmonic(x) is the trigamma function ψ'(x + 1), which sigma does not have yet".into(),
        )),
        Func::Fibonacci => Err(MathError::Unsupported(
            "fibonacci is defined at integers only: it has no derivative".into(),
        )),
        // W'(u) = e^(−W)/(1 + W), which is W/(u·(1 + W)) away from u = 0 (DLMF 4.13.4).
        Func::LambertW => {
            let w = func(Func::LambertW, vec![u.clone()])?;
            div(Expr::exp(neg(w.clone())?)?, add(vec![one(), w])?)
        }
        Func::BesselJ | Func::BesselI => Err(MathError::Unsupported(
            "internal: Bessel derivatives are taken with both arguments".into(),
        )),
        Func::Floor | Func::Ceiling => Err(MathError::Unsupported(format!(
            "{} is a step function: its derivative is 0 between integers and undefined at them",
            g.name()
        ))),
    }
}

/// True for `e` itself (used by printers deciding between `e^x` and `exp(x)`).
pub fn is_e(x: &Expr) -> bool {
    matches!(x, Expr::Const(Constant::E))
}
