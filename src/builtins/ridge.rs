//! Ridge regression and ridge attention, exactly (SEEDS B4): `ridge(X, y, λ)` solves the
//! normal equations from the sufficient statistics λI + Σ x_i x_iᵀ and Σ x_i y_i;
//! `ridge_weights(X, q, λ)` gives the effective attention weights β(q) = X·G⁻¹·q; and
//! `ridge_attention(Q, K, V, λ)` runs causal ridge self-attention, keeping G_t⁻¹ up to date by
//! Sherman–Morrison in O(d²) per step and checking the last step against a direct inverse.

use super::args::{req, Args, Kind};
use super::matrix::{adjugate_inverse, bits};
use super::{Builtin, Impl};
use crate::eval::ops::{dot, matmul};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::{Notation, Op};
use crate::math::expr::print::{print, Style};
use crate::math::expr::{self, Expr};
use crate::math::linalg::Matrix;
use crate::rich;
use crate::source::Span;

const THREE: &[super::args::Form] = &[&[req(Kind::Value), req(Kind::Value), req(Kind::Value)]];

pub const RIDGE: Builtin = Builtin {
    name: "ridge",
    signature: "ridge(X, y, λ)",
    summary: "the ridge regression weights w = (XᵀX + λI)⁻¹·Xᵀy, exactly (λ may be a symbol), from the sufficient statistics λI + Σ x_i·x_iᵀ and Σ x_i·y_i of the rows x_i of X",
    example: "ridge([[1, 0], [0, 1], [1, 1]], [1, 2, 3], 1) → [7/8, 11/8]",
    forms: THREE,
    imp: Impl::Command(ridge_cmd),
};

pub const RIDGE_WEIGHTS: Builtin = Builtin {
    name: "ridge_weights",
    signature: "ridge_weights(X, q, λ)",
    summary: "the effective attention weights β(q) = X·(XᵀX + λI)⁻¹·q of ridge regression on the rows of X, so that the prediction at q is Σ β_i·y_i; they can be negative and need not sum to 1",
    example: "ridge_weights([[1, 0], [0, 1], [1, 1]], [1, 0], 1) → [3/8, -1/8, 1/4]",
    forms: THREE,
    imp: Impl::Command(weights_cmd),
};

pub const RIDGE_ATTENTION: Builtin = Builtin {
    name: "ridge_attention",
    signature: "ridge_attention(Q, K, V, λ)",
    summary: "causal ridge self-attention: row t is o_t = (Σ_(i≤t) v_i·k_iᵀ)·(λI + Σ_(i≤t) k_i·k_iᵀ)⁻¹·q_t for the rows q_t, k_t, v_t of Q, K, V, with the inverse updated by Sherman–Morrison in O(d²) per step",
    example: "ridge_attention([[1], [1]], [[1], [1]], [[2], [4]], 1) → [[1], [2]]",
    forms: &[&[
        req(Kind::Value),
        req(Kind::Value),
        req(Kind::Value),
        req(Kind::Value),
    ]],
    imp: Impl::Command(attention_cmd),
};

/// Most steps of causal attention computed exactly.
const MAX_STEPS: usize = 2_000;
/// Most bits the running inverse may hold (a bound on the work for long sequences).
const MAX_BITS: u64 = 1 << 24;

/// A matrix argument, or a vector read as one row per entry when `rows_of_vector`.
fn rows_arg(args: &Args, i: usize, what: &str) -> EResult<Vec<Vec<Expr>>> {
    match args.value(i) {
        Value::Matrix(rows) => Ok(rows.clone()),
        Value::Vector(v) if !v.is_empty() => Ok(v.iter().map(|e| vec![e.clone()]).collect()),
        other => Err(EvalError::new(
            format!(
                "{what} must be a matrix with one row per item, not {}",
                crate::eval::value::article(other.kind())
            ),
            args.span_of(i),
        )),
    }
}

fn vector_arg(args: &Args, i: usize, n: usize, what: &str) -> EResult<Vec<Expr>> {
    match args.value(i) {
        Value::Vector(v) if v.len() == n => Ok(v.clone()),
        Value::Expr(e) if n == 1 => Ok(vec![e.clone()]),
        other => Err(EvalError::new(
            format!(
                "{what} must be a vector of {n} entries, not {}",
                match other {
                    Value::Vector(v) => format!("one of {}", v.len()),
                    _ => crate::eval::value::article(other.kind()),
                }
            ),
            args.span_of(i),
        )),
    }
}

fn lambda_arg(args: &Args, i: usize) -> EResult<Expr> {
    match args.value(i) {
        Value::Expr(e) => Ok(e.clone()),
        other => Err(EvalError::new(
            format!(
                "λ must be a number or a symbol, not {}",
                crate::eval::value::article(other.kind())
            ),
            args.span_of(i),
        )),
    }
}

/// A matrix as notation: `[[a, b], [c, d]]` in text, a bmatrix in LaTeX.
fn matrix_note(rows: &[Vec<Expr>]) -> Notation {
    let text = rows
        .iter()
        .map(|r| {
            let cells: Vec<String> = r.iter().map(|e| print(e, Style::Text)).collect();
            format!("[{}]", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let tex = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|e| print(e, Style::Latex))
                .collect::<Vec<_>>()
                .join(" & ")
        })
        .collect::<Vec<_>>()
        .join(" \\\\ ");
    Notation::new(
        format!("[{text}]"),
        format!("\\begin{{bmatrix}} {tex} \\end{{bmatrix}}"),
    )
}

/// A vector as notation, written as a column in LaTeX.
fn vector_note(v: &[Expr]) -> Notation {
    let text: Vec<String> = v.iter().map(|e| print(e, Style::Text)).collect();
    let tex: Vec<String> = v.iter().map(|e| print(e, Style::Latex)).collect();
    Notation::new(
        format!("[{}]", text.join(", ")),
        format!("\\begin{{bmatrix}} {} \\end{{bmatrix}}", tex.join(" \\\\ ")),
    )
}

/// The regression data: the rows x_i of X (n × d).
fn design(args: &Args) -> EResult<Vec<Vec<Expr>>> {
    let x = rows_arg(args, 0, "X")?;
    if x.is_empty() || x[0].is_empty() {
        return Err(EvalError::new(
            "X must have at least one row",
            args.span_of(0),
        ));
    }
    Ok(x)
}

/// G = λI + Σ x_i x_iᵀ (= XᵀX + λI), with its step.
fn gram(ev: &mut Evaluator, x: &[Vec<Expr>], lambda: &Expr, span: Span) -> EResult<Vec<Vec<Expr>>> {
    let math = |e| EvalError::math(e, span);
    let d = x[0].len();
    let mut g = Vec::with_capacity(d);
    for i in 0..d {
        let mut row = Vec::with_capacity(d);
        for j in 0..d {
            let mut terms: Vec<Expr> = x
                .iter()
                .map(|r| expr::mul(vec![r[i].clone(), r[j].clone()]))
                .collect::<Result<_, _>>()
                .map_err(math)?;
            if i == j {
                terms.push(lambda.clone());
            }
            row.push(expr::add(terms).map_err(math)?);
        }
        g.push(row);
    }
    ev.steps.push(
        rich![
            Notation::new("G = XᵀX + λI", "G = X^{T}X + \\lambda I"),
            Op::Eq,
            Notation::new("λI + Σ_i x_i·x_iᵀ", "\\lambda I + \\sum_i x_i x_i^{T}"),
            Op::Eq,
            matrix_note(&g)
        ],
        format!(
            "the Gram matrix is a sum of outer products of the {} rows x_i: O(n·d²) to accumulate, one row at a time",
            x.len()
        ),
    );
    Ok(g)
}

/// G⁻¹: Gauss–Jordan over Q when rational, the adjugate otherwise.
fn invert(ev: &mut Evaluator, g: &[Vec<Expr>], span: Span, at: Span) -> EResult<Vec<Vec<Expr>>> {
    if let Some(m) = Matrix::from_exprs(g) {
        return match m.inverse().map_err(|e| EvalError::math(e, span))? {
            Ok(inv) => Ok(super::matrix::to_rows(&inv)),
            Err(_) => Err(EvalError::new(
                "XᵀX + λI is singular for this λ: the ridge problem has no unique solution",
                at,
            )),
        };
    }
    adjugate_inverse(ev, g, span, at, "G")
}

/// Each entry that is a rational function of one symbol as one reduced fraction P/Q with a
/// monic Q (the adjugate leaves sums of fractions over the determinant).
fn together(v: Vec<Expr>, span: Span) -> EResult<Vec<Expr>> {
    let math = |e| EvalError::math(e, span);
    v.into_iter()
        .map(|e| {
            let syms = e.symbols();
            let [x] = syms.as_slice() else {
                return Ok(e);
            };
            let Some((p, q)) = crate::math::poly::rational_function(&e, x) else {
                return Ok(e);
            };
            if q.is_zero() {
                return Ok(e);
            }
            let g = p.gcd(&q);
            let (p, q) = (p.div_rem(&g).0, q.div_rem(&g).0);
            let lead = q.lead();
            let Ok(inv) = crate::math::number::Q::one().div(&lead) else {
                return Ok(e);
            };
            let (p, q) = (p.scale(&inv), q.scale(&inv));
            expr::div(p.to_expr(x).map_err(math)?, q.to_expr(x).map_err(math)?).map_err(math)
        })
        .collect()
}

fn mat_vec(m: &[Vec<Expr>], v: &[Expr], span: Span) -> EResult<Vec<Expr>> {
    m.iter().map(|r| dot(r, v, span)).collect()
}

fn ridge_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let x = design(args)?;
    let y = vector_arg(args, 1, x.len(), "y (one target per row of X)")?;
    let lambda = lambda_arg(args, 2)?;
    let g = gram(ev, &x, &lambda, span)?;
    let d = x[0].len();
    let h: Vec<Expr> = (0..d)
        .map(|j| {
            let col: Vec<Expr> = x.iter().map(|r| r[j].clone()).collect();
            dot(&col, &y, span)
        })
        .collect::<EResult<_>>()?;
    ev.steps.push(
        rich![
            Notation::new("Xᵀy", "X^{T}y"),
            Op::Eq,
            Notation::new("Σ_i x_i·y_i", "\\sum_i x_i y_i"),
            Op::Eq,
            vector_note(&h)
        ],
        "the second sufficient statistic: the data enter only through G and Xᵀy",
    );
    let ginv = invert(ev, &g, span, args.span_of(2))?;
    let w = together(mat_vec(&ginv, &h, span)?, span)?;
    ev.steps.push(
        rich![
            Notation::new("w", "w"),
            Op::Eq,
            Notation::new("(XᵀX + λI)⁻¹·Xᵀy", "(X^{T}X + \\lambda I)^{-1} X^{T}y"),
            Op::Eq,
            vector_note(&w)
        ],
        "the normal equations of min ‖Xw − y‖² + λ‖w‖² (setting the gradient 2Xᵀ(Xw − y) + 2λw to 0)",
    );
    Ok(Value::Vector(w))
}

fn weights_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let math = |e| EvalError::math(e, span);
    let x = design(args)?;
    let q = vector_arg(args, 1, x[0].len(), "q (one entry per column of X)")?;
    let lambda = lambda_arg(args, 2)?;
    let g = gram(ev, &x, &lambda, span)?;
    let ginv = invert(ev, &g, span, args.span_of(2))?;
    let gq = mat_vec(&ginv, &q, span)?;
    let beta = together(mat_vec(&x, &gq, span)?, span)?;
    ev.steps.push(
        rich![
            Notation::new("β(q)", "\\beta(q)"),
            Op::Eq,
            Notation::new("X·G⁻¹·q", "X G^{-1} q"),
            Op::Eq,
            vector_note(&beta)
        ],
        "the prediction wᵀq = yᵀX·G⁻¹·q = Σ_i β_i·y_i: ridge regression attends to the stored targets with these weights",
    );
    let total = together(vec![expr::add(beta.clone()).map_err(math)?], span)?.remove(0);
    let negative: Vec<usize> = beta
        .iter()
        .enumerate()
        .filter(|(_, b)| b.as_num().is_some_and(|q| q.is_negative()))
        .map(|(i, _)| i)
        .collect();
    let mut why = String::from("unlike softmax weights, these are not normalised");
    if let Some(&i) = negative.first() {
        why = format!(
            "{why}; β_{} = {} < 0, so this is not a convex combination of the targets",
            i + 1,
            print(&beta[i], Style::Text)
        );
    }
    ev.steps.push(
        rich![Notation::new("Σ_i β_i", "\\sum_i \\beta_i"), Op::Eq, &total],
        why,
    );
    Ok(Value::Vector(beta))
}

fn attention_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let math = |e| EvalError::math(e, span);
    let (q, k, v) = (
        rows_arg(args, 0, "Q")?,
        rows_arg(args, 1, "K")?,
        rows_arg(args, 2, "V")?,
    );
    let lambda = lambda_arg(args, 3)?;
    let t_len = k.len();
    let d = k.first().map_or(0, Vec::len);
    if d == 0 {
        return Err(EvalError::new(
            "K must have at least one row",
            args.span_of(1),
        ));
    }
    for (m, i, name, cols) in [(&q, 0, "Q", d), (&v, 2, "V", v[0].len())] {
        if m.len() != t_len || m.iter().any(|r| r.len() != cols) {
            return Err(EvalError::new(
                format!(
                    "{name} must have {t_len} rows of {cols} entries (one per step, like K), not {} × {}",
                    m.len(),
                    m.first().map_or(0, Vec::len)
                ),
                args.span_of(i),
            ));
        }
    }
    if t_len > MAX_STEPS {
        return Err(EvalError::new(
            format!("at most {MAX_STEPS} steps are computed exactly, not {t_len}"),
            args.span_of(1),
        ));
    }
    if lambda.is_zero() {
        return Err(EvalError::new(
            "λ must be non-zero: G_0 = λI starts the recursion",
            args.span_of(3),
        ));
    }
    // G_0⁻¹ = I/λ and S_0 = 0 (d_v × d).
    let inv_l = expr::div(Expr::one(), lambda.clone()).map_err(math)?;
    let mut ginv: Vec<Vec<Expr>> = (0..d)
        .map(|i| {
            (0..d)
                .map(|j| if i == j { inv_l.clone() } else { Expr::zero() })
                .collect()
        })
        .collect();
    let dv = v[0].len();
    let mut s: Vec<Vec<Expr>> = vec![vec![Expr::zero(); d]; dv];
    let mut out = Vec::with_capacity(t_len);
    for t in 0..t_len {
        ev.check_interrupt(span)?;
        // G_t⁻¹ = G_(t−1)⁻¹ − a·aᵀ/(1 + k_tᵀa) with a = G_(t−1)⁻¹·k_t (G is symmetric).
        let a = mat_vec(&ginv, &k[t], span)?;
        let den = expr::add(vec![Expr::one(), dot(&k[t], &a, span)?]).map_err(math)?;
        if den.is_zero() {
            return Err(EvalError::new(
                format!(
                    "G_{} is singular: 1 + k_tᵀ·G⁻¹·k_t = 0 at step t = {}",
                    t + 1,
                    t + 1
                ),
                args.span_of(3),
            ));
        }
        for i in 0..d {
            for j in 0..d {
                let c = expr::div(
                    expr::mul(vec![a[i].clone(), a[j].clone()]).map_err(math)?,
                    den.clone(),
                )
                .map_err(math)?;
                ginv[i][j] = expr::sub(ginv[i][j].clone(), c).map_err(math)?;
            }
        }
        for (r, vr) in s.iter_mut().zip(&v[t]) {
            for (e, kj) in r.iter_mut().zip(&k[t]) {
                *e = expr::add(vec![
                    e.clone(),
                    expr::mul(vec![vr.clone(), kj.clone()]).map_err(math)?,
                ])
                .map_err(math)?;
            }
        }
        let size: u64 = ginv.iter().flatten().map(bits).sum();
        if size > MAX_BITS {
            return Err(EvalError::new(
                format!(
                    "the exact inverse grows too large to carry on (at step t = {})",
                    t + 1
                ),
                args.span_of(1),
            ));
        }
        out.push(together(
            mat_vec(&s, &mat_vec(&ginv, &q[t], span)?, span)?,
            span,
        )?);
    }
    ev.steps.push(
        rich![
            Notation::new("o_t", "o_t"),
            Op::Eq,
            Notation::new("S_t·G_t⁻¹·q_t", "S_t G_t^{-1} q_t"),
            " with ",
            Notation::new(
                "S_t = Σ_(i≤t) v_i·k_iᵀ, G_t = λI + Σ_(i≤t) k_i·k_iᵀ",
                "S_t = \\sum_{i \\le t} v_i k_i^{T},\\ G_t = \\lambda I + \\sum_{i \\le t} k_i k_i^{T}"
            )
        ],
        "causal ridge regression of the values on the keys seen so far, evaluated at the query",
    );
    ev.steps.push(
        rich![
            Notation::new("G_t⁻¹", "G_t^{-1}"),
            Op::Eq,
            Notation::new(
                "G_(t−1)⁻¹ − a·aᵀ/(1 + k_tᵀa), a = G_(t−1)⁻¹·k_t",
                "G_{t-1}^{-1} - \\frac{a a^{T}}{1 + k_t^{T} a},\\ a = G_{t-1}^{-1} k_t"
            )
        ],
        format!(
            "Sherman–Morrison from G_0⁻¹ = I/λ: O(d²) per step ({t_len} steps, d = {d}) instead of O(d³) to invert G_t afresh; S_t is a rank-one update, O(d·d_v)"
        ),
    );
    // The recursion is checked against a direct inverse of the last Gram matrix.
    let g = gram_silent(&k, &lambda, span)?;
    if let Some(m) = Matrix::from_exprs(&g) {
        let direct = m.inverse().map_err(math)?.ok();
        if direct.map(|inv| super::matrix::to_rows(&inv)) != Some(ginv.clone()) {
            return Err(EvalError::new(
                "internal: the rank-one updates disagree with the direct inverse",
                span,
            ));
        }
        ev.steps.push(
            rich![
                Notation::new(
                    format!("G_{t_len}⁻¹ by updates"),
                    format!("G_{{{t_len}}}^{{-1}} \\text{{ by updates}}")
                ),
                Op::Eq,
                Notation::new("(λI + KᵀK)⁻¹", "(\\lambda I + K^{T}K)^{-1}"),
            ],
            "checked exactly against Gauss–Jordan on the last Gram matrix",
        );
    }
    Ok(Value::Matrix(out))
}

/// λI + KᵀK without a step (for the final check).
fn gram_silent(k: &[Vec<Expr>], lambda: &Expr, span: Span) -> EResult<Vec<Vec<Expr>>> {
    let kt: Vec<Vec<Expr>> = (0..k[0].len())
        .map(|j| k.iter().map(|r| r[j].clone()).collect())
        .collect();
    let mut g = matmul(&kt, k, span)?;
    for (i, row) in g.iter_mut().enumerate() {
        row[i] = expr::add(vec![row[i].clone(), lambda.clone()])
            .map_err(|e| EvalError::math(e, span))?;
    }
    Ok(g)
}
