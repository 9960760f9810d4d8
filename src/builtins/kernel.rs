//! `ssm_kernel`: the convolution kernel of a state-space model x_(k+1) = A x_k + B u_k,
//! y_k = C x_k + D u_k, x_0 = 0 (single input, single output), so that y_k = Σ_ℓ K_ℓ u_(k−ℓ)
//! with K_0 = D and K_ℓ = C·A^(ℓ−1)·B: the first terms exactly (any entries, symbolic ones
//! included), or K_ℓ in closed form for a symbolic ℓ (a scalar A, or a rational A with
//! distinct rational eigenvalues, by Sylvester's formula).

use super::args::{req, Args, Kind};
use super::matrix::bits;
use super::{Builtin, Impl};
use crate::eval::ops::dot;
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::{Notation, Op};
use crate::math::expr::{self, Expr};
use crate::math::linalg::Matrix;
use crate::math::number::Q;
use crate::rich;

/// Most kernel terms computed one by one.
const MAX_TERMS: u64 = 100_000;
/// Most bits the computed terms may hold together (rational entries grow with ℓ).
const MAX_BITS: u64 = 1 << 27;

pub const SSM_KERNEL: Builtin = Builtin {
    name: "ssm_kernel",
    signature: "ssm_kernel(A, B, C, D, L)",
    summary: "the SSM convolution kernel K_0 = D, K_ℓ = C·A^(ℓ−1)·B: the vector [K_0, …, K_L] for a number L, or K_L in closed form for a symbol L",
    example: "ssm_kernel([[0.7, 0.1], [0.2, 0.6]], [1, 0], [1, 0], 0, 4) → [0, 1, 7/10, 51/100, 383/1000]",
    forms: &[&[
        req(Kind::Value),
        req(Kind::Value),
        req(Kind::Value),
        req(Kind::Value),
        req(Kind::Value),
    ]],
    imp: Impl::Command(kernel_cmd),
};

/// The model: A (n × n), B and C (n entries each), D.
struct Model {
    a: Vec<Vec<Expr>>,
    b: Vec<Expr>,
    c: Vec<Expr>,
    d: Expr,
    scalar: bool,
}

fn expr_arg(args: &Args, i: usize, what: &str) -> EResult<Expr> {
    match args.value(i) {
        Value::Expr(e) => Ok(e.clone()),
        Value::Approx(a) => Ok(a.exact.clone()),
        other => Err(EvalError::new(
            format!(
                "{what} must be a number or an expression, not {}",
                crate::eval::value::article(other.kind())
            ),
            args.span_of(i),
        )),
    }
}

/// A column (B) or row (C) of n entries: a vector, an n × 1 or 1 × n matrix.
fn vector_of(args: &Args, i: usize, n: usize, what: &str) -> EResult<Vec<Expr>> {
    let v = match args.value(i) {
        Value::Vector(v) => v.clone(),
        Value::Matrix(rows) if rows.iter().all(|r| r.len() == 1) => {
            rows.iter().map(|r| r[0].clone()).collect()
        }
        Value::Matrix(rows) if rows.len() == 1 => rows[0].clone(),
        Value::Expr(e) if n == 1 => vec![e.clone()],
        _ => {
            return Err(EvalError::new(
                format!("{what} must be a vector of {n} entries (one input, one output)"),
                args.span_of(i),
            ))
        }
    };
    if v.len() != n {
        return Err(EvalError::new(
            format!("{what} has {} entries, but A is {n} × {n}", v.len()),
            args.span_of(i),
        ));
    }
    Ok(v)
}

fn model(args: &Args) -> EResult<Model> {
    let (a, scalar) = match args.value(0) {
        Value::Matrix(rows) => {
            if rows.iter().any(|r| r.len() != rows.len()) {
                return Err(EvalError::new("A must be a square matrix", args.span_of(0)));
            }
            (rows.clone(), false)
        }
        _ => (vec![vec![expr_arg(args, 0, "A")?]], true),
    };
    let n = a.len();
    Ok(Model {
        b: vector_of(args, 1, n, "B")?,
        c: vector_of(args, 2, n, "C")?,
        d: expr_arg(args, 3, "D")?,
        a,
        scalar,
    })
}

fn kernel_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    if let Value::Float(_) = args.value(0) {
        return super::float_kernel::kernel(ev, args);
    }
    let span = args.span();
    let m = model(args)?;
    let l = expr_arg(args, 4, "L")?;
    let k_of = |l: &Expr| {
        Notation::new(
            format!("K_{l}"),
            format!(
                "K_{{{}}}",
                crate::math::expr::print::print(l, crate::math::expr::print::Style::Latex)
            ),
        )
    };
    if let Some(q) = l.as_num() {
        let Some(count) = q.to_i64().filter(|&c| c >= 0 && q.is_integer()) else {
            return Err(EvalError::new(
                "L must be a non-negative integer or a symbol",
                args.span_of(4),
            ));
        };
        if count as u64 > MAX_TERMS {
            return Err(EvalError::new(
                format!("at most {MAX_TERMS} kernel terms are computed one by one"),
                args.span_of(4),
            ));
        }
        let mut out = vec![m.d.clone()];
        let mut w = m.b.clone();
        let mut total = 0u64;
        for l in 1..=count {
            ev.check_interrupt(span)?;
            let k = dot(&m.c, &w, span)?;
            total += bits(&k) + w.iter().map(bits).sum::<u64>();
            if total > MAX_BITS {
                return Err(EvalError::new(
                    format!("the kernel terms grow too large to list exactly (at ℓ = {l})"),
                    args.span_of(4),
                )
                .with_help("ask for fewer terms, or for K_ℓ in closed form with a symbol: ssm_kernel(A, B, C, D, l)"));
            }
            out.push(k);
            w =
                m.a.iter()
                    .map(|row| dot(row, &w, span))
                    .collect::<EResult<Vec<_>>>()?;
        }
        ev.steps.push(
            rich![k_of(&Expr::zero()), Op::Eq, Notation::new("D", "D")],
            "no state before the first input: x_0 = 0",
        );
        ev.steps.push(
            rich![
                k_of(&Expr::sym("ℓ")),
                Op::Eq,
                Notation::new("C·w_ℓ", "C w_{\\ell}"),
                " with ",
                Notation::new("w_1 = B, w_(ℓ+1) = A·w_ℓ", "w_1 = B,\\ w_{\\ell+1} = A w_{\\ell}")
            ],
            "unrolling x_(k+1) = A x_k + B u_k: the input u_(k−ℓ) reaches y_k through A^(ℓ−1); one matrix–vector product per term",
        );
        return Ok(Value::Vector(out));
    }
    // A symbolic ℓ: the closed form of K_ℓ for ℓ ≥ 1.
    let lm1 = expr::sub(l.clone(), Expr::one()).map_err(|e| EvalError::math(e, span))?;
    let closed = if m.scalar {
        expr::mul(vec![
            m.c[0].clone(),
            expr::pow(m.a[0][0].clone(), lm1).map_err(|e| EvalError::math(e, span))?,
            m.b[0].clone(),
        ])
        .map_err(|e| EvalError::math(e, span))?
    } else {
        let refuse = |why: &str| {
            EvalError::new(format!("no closed form of the kernel yet: {why}"), span)
                .with_help("give L a value to get the first terms exactly")
        };
        let q = |e: &Expr| e.as_num().cloned();
        let (Some(a), Some(b), Some(c)) = (
            Matrix::from_exprs(&m.a),
            m.b.iter().map(q).collect::<Option<Vec<Q>>>(),
            m.c.iter().map(q).collect::<Option<Vec<Q>>>(),
        ) else {
            return Err(refuse("A, B and C must be rational for a matrix A"));
        };
        let Some(s) = a.spectral().map_err(|e| EvalError::math(e, span))? else {
            return Err(refuse(
                "sigma writes A^(ℓ−1) in closed form when A's eigenvalues are distinct and rational",
            ));
        };
        if s.singular() {
            return Err(refuse("0 is an eigenvalue of A"));
        }
        let mut terms = Vec::new();
        for (lambda, p) in s.eigenvalues.iter().zip(&s.projectors) {
            let pb = p.mul_vec(&b).unwrap_or_default();
            let weight = crate::math::linalg::dot(&c, &pb);
            if weight.is_zero() {
                continue;
            }
            terms.push(
                expr::mul(vec![
                    Expr::Num(weight),
                    expr::pow(Expr::Num(lambda.clone()), lm1.clone())
                        .map_err(|e| EvalError::math(e, span))?,
                ])
                .map_err(|e| EvalError::math(e, span))?,
            );
        }
        ev.steps.push(
            rich![
                Notation::new(
                    "A^(ℓ−1) = Σ_i λ_i^(ℓ−1)·P_i",
                    "A^{\\ell-1} = \\sum_i \\lambda_i^{\\ell-1} P_i"
                ),
                " with the eigenvalues ",
                Notation::new("λ_i", "\\lambda_i"),
                Op::Eq,
                Notation::new(
                    s.eigenvalues
                        .iter()
                        .map(Q::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                    s.eigenvalues
                        .iter()
                        .map(|q| crate::math::expr::print::print(
                            &Expr::Num(q.clone()),
                            crate::math::expr::print::Style::Latex
                        ))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            ],
            "Sylvester's formula: P_i = Π_(j≠i) (A − λ_j·I)/(λ_i − λ_j) for distinct eigenvalues",
        );
        expr::add(terms).map_err(|e| EvalError::math(e, span))?
    };
    ev.steps.push(
        rich![
            k_of(&l),
            Op::Eq,
            Notation::new("C·A^(ℓ−1)·B", "C A^{\\ell-1} B"),
            Op::Eq,
            &closed
        ],
        "the kernel term for ℓ ≥ 1 (K_0 = D)",
    );
    ev.steps.push_condition(
        rich![&l, Op::Ge, Expr::one()],
        "K_0 = D is the only term with another form",
    );
    Ok(Value::Expr(closed))
}
