//! Real algebraic numbers as values: `root(p, x, k)`, the k-th smallest real root of a
//! polynomial with rational coefficients, kept exact as a root object (isolated by Sturm
//! sequences) and evaluated to certified decimals by `N`; the exact 2-norm of a rational
//! matrix, which is such a number; and eigenvectors for eigenvalues beyond Q.

use super::args::{req, Args, Kind};
use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::{Notation, Op};
use crate::math::expr::{self, Expr, Func};
use crate::math::linalg::{eigen, eigvec, Matrix};
use crate::math::poly::Poly;
use crate::rich;
use crate::source::Span;

pub const ROOT: Builtin = Builtin {
    name: "root",
    signature: "root(p, x, k)",
    summary: "the k-th smallest real root (k = 1, 2, …) of the polynomial p in x with rational coefficients, exact: a number or surd when p gives one, otherwise a root object isolated by Sturm sequences (N gives certified decimals)",
    example: "root(x^3 - 2, x, 1) → root(x^3 - 2, x, 1)",
    forms: &[&[
        req(Kind::Expr),
        req(Kind::Var {
            what: "the variable of the polynomial",
            over: &[0],
        }),
        req(Kind::Expr),
    ]],
    imp: Impl::Command(root_cmd),
};

fn root_cmd(_: &mut Evaluator, args: &Args) -> EResult<Value> {
    let (p, x, k) = (args.expr(0), args.var(1), args.expr(2));
    let r = expr::func(Func::Root, vec![p.clone(), Expr::sym(x), k.clone()]).map_err(|e| {
        let span = if k
            .as_num()
            .is_some_and(|q| q.is_integer() && q.is_positive())
        {
            args.span_of(0)
        } else {
            args.span_of(2)
        };
        EvalError::math(e, span)
    })?;
    Ok(Value::Expr(r))
}

/// An eigenvector for an irrational or complex eigenvalue λ of a matrix beyond 2 × 2: a
/// column of p(A)/(A − λI), exact in Q[λ]/(f) for the factor f of λ.
pub(super) fn algebraic_eigenvector(m: &Matrix, lambda: &Expr, args: &Args) -> EResult<Vec<Expr>> {
    let span = args.span();
    let math = |e| EvalError::math(e, span);
    let p = Poly::new(m.charpoly().map_err(math)?);
    let factors = p
        .split_rational()
        .map(|s| eigen::irrational_factors(&s.rest))
        .unwrap_or_default();
    let polys: Vec<Poly> = factors.iter().map(|(f, _)| f.clone()).collect();
    let refuse = |why: &str| {
        EvalError::new(
            format!("sigma cannot find an eigenvector for {lambda} exactly yet: {why}"),
            args.span_of(0),
        )
    };
    let f = eigvec::factor_of(lambda, &polys)
        .map_err(math)?
        .ok_or_else(|| refuse("its factor of the characteristic polynomial was not found"))?;
    let f_monic = f.scale(&f.lead().recip().map_err(|e| math(e.into()))?);
    if factors
        .iter()
        .any(|(g, k)| *k > 1 && g.div_rem(&f_monic).1.is_zero())
    {
        return Err(refuse("it is a repeated eigenvalue"));
    }
    eigvec::eigenvector(m, &p, &f, lambda)
        .map_err(math)?
        .ok_or_else(|| refuse("no column of p(A)/(A − λI) is non-zero"))
}

/// Certified decimals (20 significant digits) of a value that is not a plain rational.
pub(super) fn certified_decimals(r: &Expr) -> Option<String> {
    if r.as_num().is_some() {
        return None;
    }
    crate::math::float::evaluate(r, 20).ok().map(|a| a.text)
}

/// ‖A‖₂ of a rational matrix, exactly, with the Gram matrix's characteristic polynomial and
/// λ_max (with certified digits when irrational) in the steps.
pub(super) fn two_norm(ev: &mut Evaluator, m: &Matrix, span: Span) -> EResult<Value> {
    let math = |e| EvalError::math(e, span);
    let (norm, p, lmax) = eigen::two_norm(m).map_err(math)?;
    let gram = if m.nrows() < m.ncols() {
        Notation::new("A·Aᵀ", "AA^\\top")
    } else {
        Notation::new("Aᵀ·A", "A^\\top A")
    };
    ev.steps.push(
        rich![
            Notation::new("det(λ·I − ", "\\det(\\lambda I - "),
            gram.clone(),
            ")",
            Op::Eq,
            &p.to_expr("λ").map_err(math)?
        ],
        "the squared singular values of A are the eigenvalues of the symmetric matrix AᵀA",
    );
    let mut lm = rich![Notation::new("λ_max", "\\lambda_{\\max}"), Op::Eq, &lmax];
    if let Some(d) = certified_decimals(&lmax) {
        lm.push(Notation::new(" ≈ ", " \\approx "));
        lm.push(format!("{d} (certified digits)"));
    }
    ev.steps.push(lm, "its largest eigenvalue, exact");
    let mut shown = rich![
        Notation::new("‖A‖₂ = sqrt(λ_max)", "\\|A\\|_2 = \\sqrt{\\lambda_{\\max}}"),
        Op::Eq,
        &norm
    ];
    if let Some(d) = certified_decimals(&norm) {
        shown.push(Notation::new(" ≈ ", " \\approx "));
        shown.push(format!("{d} (certified digits)"));
    }
    ev.steps
        .push(shown, "the 2-norm is the largest singular value");
    Ok(Value::Expr(norm))
}
