//! `ssm_kernel`: the convolution kernel of a state-space model x_(k+1) = A x_k + B u_k,
//! y_k = C x_k + D u_k, x_0 = 0 (single input, single output), so that y_k = Σ_ℓ K_ℓ u_(k−ℓ)
//! with K_0 = D and K_ℓ = C·A^(ℓ−1)·B: the first terms exactly (any entries, symbolic ones
//! included; rational ones by the integer engine of `math::linalg::kernel`, by a method the
//! user may name), or K_ℓ in closed form for a symbolic ℓ (a scalar A, a diagonal A,
//! A = λI + u·vᵀ, or a rational A with distinct rational eigenvalues, by Sylvester's formula).

use super::args::{opt, req, Args, Kind};
use super::matrix::bits;
use super::{Builtin, Impl};
use crate::eval::ops::dot;
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::{Notation, Op};
use crate::math::expr::{self, Expr, MathError};
use crate::math::linalg::kernel::{self as engine, Method};
use crate::math::linalg::Matrix;
use crate::math::number::Q;
use crate::rich;
use crate::source::Span;

/// Most kernel terms computed one by one.
const MAX_TERMS: u64 = 100_000;
/// Most bits the computed terms may hold together (rational entries grow with ℓ): 128 MiB of
/// symbolic terms, or of the rational engine's unreduced numerators (the 2×2 system of W4 at
/// L = 16384 needs about 50 MiB).
const MAX_BITS: u64 = 1 << 30;

pub const SSM_KERNEL: Builtin = Builtin {
    name: "ssm_kernel",
    signature: "ssm_kernel(A, B, C, D, L[, method])",
    summary: "the SSM convolution kernel K_0 = D, K_ℓ = C·A^(ℓ−1)·B: the vector [K_0, …, K_L] for a number L, or K_L in closed form for a symbol L; method: iterate, squaring, diagonal, lowrank or closed (default: the cheapest that applies)",
    example: "ssm_kernel([[0.7, 0.1], [0.2, 0.6]], [1, 0], [1, 0], 0, 4) → [0, 1, 7/10, 51/100, 383/1000]",
    forms: &[&[
        req(Kind::Value),
        req(Kind::Value),
        req(Kind::Value),
        req(Kind::Value),
        req(Kind::Value),
        opt(Kind::Name {
            noun: "kernel method",
            choices: Method::names,
        }),
    ]],
    imp: Impl::Command(kernel_cmd),
};

/// The model: A (n × n), B and C (n entries each), D.
pub(super) struct Model {
    pub(super) a: Vec<Vec<Expr>>,
    pub(super) b: Vec<Expr>,
    pub(super) c: Vec<Expr>,
    pub(super) d: Expr,
    pub(super) scalar: bool,
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

pub(super) fn model(args: &Args) -> EResult<Model> {
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
        d: if args.count() > 3 {
            expr_arg(args, 3, "D")?
        } else {
            Expr::zero()
        },
        a,
        scalar,
    })
}

/// The notation K_ℓ for an index ℓ.
fn k_of(l: &Expr) -> Notation {
    Notation::new(
        format!("K_{l}"),
        format!("K_{{{}}}", expr::print::print(l, expr::print::Style::Latex)),
    )
}

/// A, B and C as rationals, when all their entries are.
pub(super) fn rational(m: &Model) -> Option<(Matrix, Vec<Q>, Vec<Q>)> {
    let q = |e: &Expr| e.as_num().cloned();
    Some((
        Matrix::from_exprs(&m.a)?,
        m.b.iter().map(q).collect::<Option<Vec<Q>>>()?,
        m.c.iter().map(q).collect::<Option<Vec<Q>>>()?,
    ))
}

fn kernel_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    if let Value::Float(_) = args.value(0) {
        return super::float_kernel::kernel(ev, args);
    }
    let m = model(args)?;
    let method = (args.count() > 5)
        .then(|| Method::from_name(args.name(5)).expect("declared choices are methods"));
    let l = expr_arg(args, 4, "L")?;
    ev.steps.push(
        rich![
            Notation::new("y_k = Σ_(ℓ=0)^k K_ℓ·u_(k−ℓ)", "y_k = \\sum_{\\ell=0}^{k} K_\\ell u_{k-\\ell}"),
            " with ",
            k_of(&Expr::zero()),
            Op::Eq,
            Notation::new("D", "D"),
            ", ",
            Notation::new("K_ℓ", "K_\\ell"),
            Op::Eq,
            Notation::new("C·A^(ℓ−1)·B", "C A^{\\ell-1} B")
        ],
        "unrolling x_(k+1) = A x_k + B u_k from x_0 = 0 gives x_k = Σ_(ℓ=1)^k A^(ℓ−1)·B·u_(k−ℓ), and y_k = C x_k + D u_k",
    );
    let Some(q) = l.as_num() else {
        return closed_form(ev, args, &m, &l, method);
    };
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
        )
        .with_help("ask for K_ℓ in closed form with a symbol: ssm_kernel(A, B, C, D, l)"));
    }
    let count = count as usize;
    let mut out = vec![m.d.clone()];
    if let Some((a, b, c)) = rational(&m) {
        out.extend(exact_terms(ev, args, (&a, &b, &c), count, method)?);
    } else {
        if method.is_some_and(|x| x != Method::Iterate) {
            return Err(EvalError::new(
                "this method needs rational A, B and C; symbolic entries are iterated",
                args.span_of(5),
            )
            .with_help("leave the method out, or write iterate"));
        }
        out.extend(symbolic_terms(ev, args, &m, count)?);
    }
    Ok(Value::Vector(out))
}

/// K_1 … K_count of rational A, B, C by the integer engine, reduced.
fn exact_terms(
    ev: &mut Evaluator,
    args: &Args,
    (a, b, c): (&Matrix, &[Q], &[Q]),
    count: usize,
    method: Option<Method>,
) -> EResult<Vec<Expr>> {
    let span = args.span();
    let run = |m: Method| engine::kernel(a, b, c, count, m, MAX_BITS);
    let fail = |e: MathError, at: Span| {
        match e {
        MathError::TooLarge(what) => EvalError::new(
            format!("the kernel terms grow too large to list exactly: {what}"),
            args.span_of(4),
        )
        .with_help("ask for fewer terms, or for K_ℓ in closed form with a symbol: ssm_kernel(A, B, C, D, l)"),
        e => EvalError::math(e, at),
    }
    };
    let (used, k) = match method {
        Some(m) => (m, run(m).map_err(|e| fail(e, args.span_of(5)))?),
        // The cheapest that applies: a sum of powers, else one integer mat-vec per term.
        None => {
            let mut pick = None;
            for m in [Method::Diagonal, Method::LowRank] {
                match run(m) {
                    Ok(k) => {
                        pick = Some((m, k));
                        break;
                    }
                    Err(MathError::Unsupported(_)) => {}
                    Err(e) => return Err(fail(e, span)),
                }
            }
            match pick {
                Some(p) => p,
                None => (
                    Method::Iterate,
                    run(Method::Iterate).map_err(|e| fail(e, span))?,
                ),
            }
        }
    };
    let (why, plain, latex) = match used {
        Method::Iterate => (
            "A = M/d with M an integer matrix, d^(ℓ−1) kept apart",
            "w_1 = B, w_(ℓ+1) = A·w_ℓ, K_ℓ = C·w_ℓ",
            "w_1 = B,\\ w_{\\ell+1} = A w_\\ell,\\ K_\\ell = C w_\\ell",
        ),
        Method::Squaring => (
            "doubling the known terms each round",
            "[w_(m+1) … w_(2m)] = A^m·[w_1 … w_m], A^(2m) = (A^m)²",
            "[w_{m+1} \\dots w_{2m}] = A^m [w_1 \\dots w_m],\\ A^{2m} = (A^m)^2",
        ),
        Method::Diagonal => (
            "A is diagonal",
            "K_ℓ = Σ_i c_i·b_i·a_ii^(ℓ−1)",
            "K_\\ell = \\sum_i c_i b_i a_{ii}^{\\ell-1}",
        ),
        Method::LowRank => (
            "A = λ·I + u·vᵀ",
            "A^k = λ^k·I + ((λ + vᵀu)^k − λ^k)/(vᵀu)·u·vᵀ",
            "A^k = \\lambda^k I + \\frac{(\\lambda + v^\\top u)^k - \\lambda^k}{v^\\top u}\\, u v^\\top",
        ),
        Method::Closed => (
            "distinct rational eigenvalues λ_i, Sylvester's projectors P_i",
            "K_ℓ = Σ_i (C·P_i·B)·λ_i^(ℓ−1)",
            "K_\\ell = \\sum_i (C P_i B)\\, \\lambda_i^{\\ell-1}",
        ),
    };
    ev.steps.push(
        rich![
            format!("method {} ({why}): ", used.name()),
            Notation::new(plain, latex),
        ],
        format!(
            "cost {}{}",
            used.cost(),
            if method.is_none() {
                " (chosen: the cheapest method that applies)"
            } else {
                ""
            }
        ),
    );
    let terms = k.terms().map_err(|e| EvalError::math(e, span))?;
    Ok(terms.into_iter().map(Expr::Num).collect())
}

/// K_1 … K_count by Expr dot products (symbolic entries).
fn symbolic_terms(ev: &mut Evaluator, args: &Args, m: &Model, count: usize) -> EResult<Vec<Expr>> {
    let span = args.span();
    let mut out = Vec::with_capacity(count);
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
        rich![
            "method iterate: ",
            Notation::new(
                "w_1 = B, w_(ℓ+1) = A·w_ℓ, K_ℓ = C·w_ℓ",
                "w_1 = B,\\ w_{\\ell+1} = A w_{\\ell},\\ K_\\ell = C w_\\ell"
            )
        ],
        "cost O(n²·L) symbolic multiplications: one matrix–vector product per term",
    );
    Ok(out)
}

/// K_ℓ for a symbolic ℓ ≥ 1.
fn closed_form(
    ev: &mut Evaluator,
    args: &Args,
    m: &Model,
    l: &Expr,
    method: Option<Method>,
) -> EResult<Value> {
    let span = args.span();
    let math = |e| EvalError::math(e, span);
    let lm1 = expr::sub(l.clone(), Expr::one()).map_err(math)?;
    let refuse = |why: &str| {
        EvalError::new(format!("no closed form of the kernel yet: {why}"), span)
            .with_help("give L a value to get the first terms exactly")
    };
    if let Some(x @ (Method::Iterate | Method::Squaring)) = method {
        return Err(EvalError::new(
            format!("the {} method lists terms; it needs a number L", x.name()),
            args.span_of(5),
        )
        .with_help(
            "for K_ℓ with a symbol ℓ name closed, diagonal or lowrank, or leave the method out",
        ));
    }
    let closed = if m.scalar {
        expr::mul(vec![
            m.c[0].clone(),
            expr::pow(m.a[0][0].clone(), lm1).map_err(math)?,
            m.b[0].clone(),
        ])
        .map_err(math)?
    } else {
        let Some((a, b, c)) = rational(m) else {
            return Err(refuse("A, B and C must be rational for a matrix A"));
        };
        let tries = match method {
            Some(x) => vec![x],
            None => vec![Method::Diagonal, Method::Closed, Method::LowRank],
        };
        let mut found = None;
        for x in tries {
            if let Some(p) = engine::exp_form(&a, &b, &c, x).map_err(math)? {
                found = Some((x, p));
                break;
            }
        }
        let nil = if found.is_none() && matches!(method, None | Some(Method::LowRank)) {
            engine::low_rank_parts(&a, &b, &c)
                .map_err(math)?
                .filter(|(lambda, s, _, _)| s.is_zero() && !lambda.is_zero())
        } else {
            None
        };
        if let Some((lambda, _, cb, w)) = nil {
            // (u·vᵀ)² = 0: A^k = λ^k·I + k·λ^(k−1)·u·vᵀ, a repeated eigenvalue λ.
            let lm2 = expr::sub(l.clone(), Expr::int(2)).map_err(math)?;
            let lam = || Expr::Num(lambda.clone());
            let closed = expr::add(vec![
                expr::mul(vec![
                    Expr::Num(cb),
                    expr::pow(lam(), lm1.clone()).map_err(math)?,
                ])
                .map_err(math)?,
                expr::mul(vec![
                    Expr::Num(w),
                    lm1,
                    expr::pow(lam(), lm2).map_err(math)?,
                ])
                .map_err(math)?,
            ])
            .map_err(math)?;
            ev.steps.push(
                rich![
                    Notation::new(
                        "A^k = λ^k·I + k·λ^(k−1)·u·vᵀ",
                        "A^k = \\lambda^k I + k \\lambda^{k-1} u v^\\top"
                    ),
                    " with ",
                    Notation::new("λ", "\\lambda"),
                    Op::Eq,
                    &Expr::Num(lambda.clone())
                ],
                "A = λ·I + u·vᵀ with vᵀu = 0, so (u·vᵀ)² = 0 and the binomial theorem stops after two terms",
            );
            return finish(ev, l, closed);
        }
        if found.is_none() && matches!(method, None | Some(Method::Closed)) {
            if let Some(out) = cayley_hamilton(ev, &a, &b, &c, l, &lm1, span)? {
                return Ok(out);
            }
        }
        let Some((used, pairs)) = found else {
            return Err(refuse(match method {
                Some(Method::Diagonal) => "A is not diagonal",
                Some(Method::LowRank) => "A is not λ·I + u·vᵀ (with λ ≠ 0 when vᵀu = 0)",
                _ => "sigma writes A^(ℓ−1) in closed form for a diagonal A, A = λ·I + u·vᵀ, or when the characteristic polynomial splits over Q into factors of degree ≤ 2 (rational, surd or complex eigenvalues, other than a repeated quadratic)",
            }));
        };
        if pairs.iter().any(|(w, mu)| mu.is_zero() && !w.is_zero()) {
            return Err(refuse("0 is an eigenvalue of A"));
        }
        let mut terms = Vec::new();
        for (w, mu) in pairs.iter().filter(|(w, _)| !w.is_zero()) {
            terms.push(
                expr::mul(vec![
                    Expr::Num(w.clone()),
                    expr::pow(Expr::Num(mu.clone()), lm1.clone()).map_err(math)?,
                ])
                .map_err(math)?,
            );
        }
        let mus: Vec<&Q> = pairs.iter().map(|(_, mu)| mu).collect();
        let list = Notation::new(
            mus.iter()
                .map(|q| q.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            mus.iter()
                .map(|q| expr::print::print(&Expr::Num((*q).clone()), expr::print::Style::Latex))
                .collect::<Vec<_>>()
                .join(", "),
        );
        let (claim, claim_tex, with, (of, of_tex), reason) = match used {
            Method::Diagonal => (
                "K_ℓ = Σ_i c_i·b_i·a_ii^(ℓ−1)",
                "K_\\ell = \\sum_i c_i b_i a_{ii}^{\\ell-1}",
                " with the diagonal entries ",
                ("a_ii", "a_{ii}"),
                "A is diagonal, so A^(ℓ−1) is the diagonal of powers",
            ),
            Method::LowRank => (
                "A^k = λ^k·I + ((λ + vᵀu)^k − λ^k)/(vᵀu)·u·vᵀ",
                "A^k = \\lambda^k I + \\frac{(\\lambda + v^\\top u)^k - \\lambda^k}{v^\\top u}\\, u v^\\top",
                " with ",
                ("λ, λ + vᵀu", "\\lambda,\\ \\lambda + v^\\top u"),
                "A = λ·I + u·vᵀ and (u·vᵀ)² = (vᵀu)·u·vᵀ",
            ),
            _ => (
                "A^(ℓ−1) = Σ_i λ_i^(ℓ−1)·P_i",
                "A^{\\ell-1} = \\sum_i \\lambda_i^{\\ell-1} P_i",
                " with the eigenvalues ",
                ("λ_i", "\\lambda_i"),
                "Sylvester's formula: P_i = Π_(j≠i) (A − λ_j·I)/(λ_i − λ_j) for distinct eigenvalues",
            ),
        };
        ev.steps.push(
            rich![
                Notation::new(claim, claim_tex),
                with,
                Notation::new(of, of_tex),
                Op::Eq,
                list
            ],
            reason,
        );
        expr::add(terms).map_err(math)?
    };
    finish(ev, l, closed)
}

/// The closing steps of a closed form K_ℓ and its validity ℓ ≥ 1.
/// K_ℓ = C·A^(ℓ−1)·B from A^k in closed form by Cayley–Hamilton (repeated, surd or complex
/// eigenvalues), valid from the first ℓ at which that form of A^(ℓ−1) holds.
fn cayley_hamilton(
    ev: &mut Evaluator,
    a: &Matrix,
    b: &[Q],
    c: &[Q],
    l: &Expr,
    lm1: &Expr,
    span: crate::source::Span,
) -> EResult<Option<Value>> {
    let math = |e| EvalError::math(e, span);
    let Some(p) = crate::math::linalg::power_closed_form(a, lm1).map_err(math)? else {
        return Ok(None);
    };
    let mut terms = Vec::new();
    for (ci, row) in c.iter().zip(&p.entries) {
        for (bj, e) in b.iter().zip(row) {
            if ci.is_zero() || bj.is_zero() {
                continue;
            }
            terms.push(expr::mul(vec![Expr::Num(ci.mul(bj)), e.clone()]).map_err(math)?);
        }
    }
    let closed = expr::add(terms).map_err(math)?;
    ev.steps.push(
        rich![
            Notation::new(
                "A^(ℓ−1) = Σ_λ p_λ(ℓ−1)·λ^(ℓ−1)",
                "A^{\\ell-1} = \\sum_\\lambda p_\\lambda(\\ell-1)\\,\\lambda^{\\ell-1}"
            ),
            " with ",
            Notation::new("det(x·I − A)", "\\det(xI - A)"),
            Op::Eq,
            &p.charpoly.to_expr("x").map_err(math)?
        ],
        if p.repeated {
            "Cayley–Hamilton over the factors of the characteristic polynomial: a repeated eigenvalue brings polynomial factors in ℓ (A need not be diagonalisable)"
        } else {
            "Cayley–Hamilton over the factors of the characteristic polynomial (irrational or complex eigenvalues in exact form)"
        },
    );
    let from = Expr::int(p.valid_from as i64 + 1);
    ev.steps.push(
        rich![
            k_of(l),
            Op::Eq,
            Notation::new("C·A^(ℓ−1)·B", "C A^{\\ell-1} B"),
            Op::Eq,
            &closed
        ],
        "the kernel term (K_0 = D)",
    );
    ev.steps.push_condition(
        rich![l, Op::Ge, from],
        if p.valid_from == 0 {
            "K_0 = D is the only term with another form"
        } else {
            "0 is a repeated eigenvalue: the nilpotent part of A^(ℓ−1) vanishes only from here on"
        },
    );
    Ok(Some(Value::Expr(closed)))
}

fn finish(ev: &mut Evaluator, l: &Expr, closed: Expr) -> EResult<Value> {
    ev.steps.push(
        rich![
            k_of(l),
            Op::Eq,
            Notation::new("C·A^(ℓ−1)·B", "C A^{\\ell-1} B"),
            Op::Eq,
            &closed
        ],
        "the kernel term for ℓ ≥ 1 (K_0 = D)",
    );
    ev.steps.push_condition(
        rich![l, Op::Ge, Expr::one()],
        "K_0 = D is the only term with another form",
    );
    Ok(Value::Expr(closed))
}
