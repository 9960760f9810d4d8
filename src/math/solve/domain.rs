//! Where an expression is defined and real, as conditions `g rel 0` on the solve variable:
//! a denominator is not 0, an even root's radicand is not negative (positive under a negative
//! exponent), a logarithm's argument is positive, `asin`/`acos` arguments lie in [−1, 1], and
//! so on. Odd roots are real for every real radicand, as sigma evaluates them.

use crate::math::expr::{self, Expr, Func, MResult, MathError};
use crate::math::logic::Rel;
use crate::math::number::Q;

/// One condition `expr rel 0` and the reason it is needed.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub expr: Expr,
    pub rel: Rel,
    pub why: &'static str,
}

fn push(out: &mut Vec<Condition>, expr: Expr, rel: Rel, why: &'static str) {
    let c = Condition { expr, rel, why };
    if !out.contains(&c) {
        out.push(c);
    }
}

/// Appends the conditions under which `e` is defined and real, as a function of `x`.
pub fn conditions(e: &Expr, x: &str, out: &mut Vec<Condition>) -> MResult<()> {
    if !e.depends_on(x) {
        return Ok(());
    }
    match e {
        Expr::Num(_) | Expr::Const(_) | Expr::Sym(_) => {}
        Expr::Add(ts) | Expr::Mul(ts) => {
            for t in ts {
                conditions(t, x, out)?;
            }
        }
        Expr::Pow(b, k) => {
            conditions(b, x, out)?;
            conditions(k, x, out)?;
            if k.depends_on(x) {
                if b.depends_on(x) {
                    push(
                        out,
                        (**b).clone(),
                        Rel::Gt,
                        "a power with a variable exponent needs a positive base",
                    );
                } else if !(**b == Expr::e() || b.as_num().is_some_and(Q::is_positive)) {
                    return Err(MathError::Unsupported(format!(
                        "{e}: a variable exponent of a base that is not a positive number"
                    )));
                }
                return Ok(());
            }
            let Some(q) = k.as_num() else {
                return Err(MathError::Unsupported(format!("{e}: a symbolic exponent")));
            };
            let even_root = !q.is_integer() && q.denom().is_even();
            match (even_root, q.is_negative()) {
                (true, true) => push(
                    out,
                    (**b).clone(),
                    Rel::Gt,
                    "an even root in a denominator needs a positive radicand",
                ),
                (true, false) => push(
                    out,
                    (**b).clone(),
                    Rel::Ge,
                    "an even root needs a radicand that is not negative",
                ),
                (false, true) => push(out, (**b).clone(), Rel::Ne, "a denominator cannot be 0"),
                (false, false) => {}
            }
        }
        Expr::Func(f, args) => {
            if f.binds()
                || matches!(
                    f,
                    Func::Gamma
                        | Func::Zeta
                        | Func::Factorial
                        | Func::Binomial
                        | Func::Harmonic
                        | Func::Fibonacci
                        | Func::Floor
                        | Func::Ceiling
                        | Func::Bernoulli
                        | Func::Euler
                )
            {
                return Err(MathError::Unsupported(format!(
                    "{e}: solve does not handle {} of the variable",
                    f.name()
                )));
            }
            for a in args {
                conditions(a, x, out)?;
            }
            let a = args[0].clone();
            match f {
                Func::Ln => push(out, a, Rel::Gt, "the logarithm needs a positive argument"),
                Func::Tan => push(
                    out,
                    expr::func(Func::Cos, vec![a])?,
                    Rel::Ne,
                    "tan is undefined where cos is 0",
                ),
                Func::Asin | Func::Acos => {
                    push(
                        out,
                        expr::add(vec![a.clone(), Expr::one()])?,
                        Rel::Ge,
                        "asin and acos need an argument in [−1, 1]",
                    );
                    push(
                        out,
                        expr::sub(a, Expr::one())?,
                        Rel::Le,
                        "asin and acos need an argument in [−1, 1]",
                    );
                }
                Func::Acosh => push(
                    out,
                    expr::sub(a, Expr::one())?,
                    Rel::Ge,
                    "acosh needs an argument ≥ 1",
                ),
                Func::Atanh => push(
                    out,
                    expr::sub(Expr::one(), expr::pow(a, Expr::int(2))?)?,
                    Rel::Gt,
                    "atanh needs an argument in (−1, 1)",
                ),
                _ => {}
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_of_roots_logs_and_denominators() {
        let x = Expr::sym("x");
        let e = expr::add(vec![
            Expr::sqrt(expr::sub(x.clone(), Expr::int(1)).unwrap()).unwrap(),
            expr::div(
                Expr::one(),
                expr::add(vec![x.clone(), Expr::int(2)]).unwrap(),
            )
            .unwrap(),
            expr::func(Func::Ln, vec![x.clone()]).unwrap(),
            expr::pow(x.clone(), Expr::frac(1, 3)).unwrap(),
        ])
        .unwrap();
        let mut out = Vec::new();
        conditions(&e, "x", &mut out).unwrap();
        let shown: Vec<String> = out
            .iter()
            .map(|c| format!("{} {} 0", c.expr, c.rel.symbol()))
            .collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(shown.contains(&"x - 1 >= 0".to_string()));
        assert!(shown.contains(&"2 + x != 0".to_string()));
        assert!(shown.contains(&"x > 0".to_string()));
    }
}
