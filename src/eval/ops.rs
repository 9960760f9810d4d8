//! Operator semantics on values: exact arithmetic through the canonical constructors,
//! re-certified arithmetic on approximations, vector and matrix arithmetic, and comparison
//! chains decided exactly (or by certified numerics for constants such as π).

use super::error::{EResult, EvalError};
use super::scope::Settings;
use super::value::{Approx, Formula, Rel, Value};
use crate::math::expr::{self, Expr, MResult};
use crate::math::float;
use crate::math::float::sign::sign_const;
use crate::math::linalg::Matrix;
use crate::source::Span;
use crate::syntax::ast::{self, BinaryOp, CmpOp};
use std::cmp::Ordering;

fn math(r: MResult, span: Span) -> EResult<Expr> {
    r.map_err(|e| EvalError::math(e, span))
}

/// Re-evaluates an exact value numerically to `digits` digits.
pub fn approximate(exact: Expr, digits: u32, span: Span) -> EResult<Value> {
    let value = float::evaluate(&exact, digits).map_err(|e| EvalError::math(e, span))?;
    Ok(Value::Approx(Approx { exact, value }))
}

/// An approximation whose exact value is 0 (`N(pi) - pi`: an approximation keeps the exact
/// value it stands for, so the difference cancels exactly) cannot divide: said at the divisor,
/// rather than a bare "division by zero".
pub fn check_approx_divisor(b: &Value, span: Span) -> EResult<()> {
    match b {
        Value::Approx(a) if a.exact.is_zero() => Err(EvalError::new(
            format!(
                "division by an approximation indistinguishable from 0 at {} digits",
                a.value.digits
            ),
            span,
        )
        .with_label("exactly 0: an approximation keeps its exact value")
        .with_note(
            "an approximation keeps the exact value it stands for (N(pi) is π, shown to 15 digits), \
             so N(pi) - pi is exactly 0, not a rounding error",
        )
        .with_help(
            "for the rounding error of a decimal, write the decimal: 3.14159265358979 - pi",
        )),
        _ => Ok(()),
    }
}

/// `-v`.
pub fn negate(v: Value, span: Span) -> EResult<Value> {
    match v {
        Value::Float(f) => Ok(super::float_ops::negate(&f)),
        Value::Expr(x) => Ok(Value::Expr(math(expr::neg(x), span)?)),
        Value::Approx(a) => approximate(math(expr::neg(a.exact), span)?, a.value.digits, span),
        Value::Vector(xs) => Ok(Value::Vector(
            xs.into_iter()
                .map(|x| math(expr::neg(x), span))
                .collect::<EResult<_>>()?,
        )),
        Value::Matrix(rows) => Ok(Value::Matrix(
            rows.into_iter()
                .map(|r| {
                    r.into_iter()
                        .map(|x| math(expr::neg(x), span))
                        .collect::<EResult<Vec<_>>>()
                })
                .collect::<EResult<_>>()?,
        )),
        other => Err(EvalError::new(
            format!("cannot negate a {}", other.kind()),
            span,
        )),
    }
}

fn scalar_op(op: BinaryOp, a: Expr, b: Expr) -> MResult {
    match op {
        BinaryOp::Add => expr::add(vec![a, b]),
        BinaryOp::Sub => expr::sub(a, b),
        BinaryOp::Mul => expr::mul(vec![a, b]),
        BinaryOp::Div => expr::div(a, b),
        BinaryOp::Pow => expr::pow(a, b),
        BinaryOp::And | BinaryOp::Or => unreachable_logic(),
    }
}

fn unreachable_logic() -> MResult {
    Err(crate::math::MathError::Unsupported(
        "logic operators need true/false operands".into(),
    ))
}

/// `a op b` for arithmetic operators.
pub fn binary(
    op: BinaryOp,
    a: Value,
    b: Value,
    span: Span,
    _settings: &Settings,
) -> EResult<Value> {
    if super::float_ops::involved(&a, &b) {
        return super::float_ops::binary(op, a, b, span);
    }
    use Value::*;
    match (a, b) {
        (Expr(x), Expr(y)) => Ok(Expr(math(scalar_op(op, x, y), span)?)),
        (Approx(x), Approx(y)) => {
            let d = x.value.digits.min(y.value.digits);
            approximate(math(scalar_op(op, x.exact, y.exact), span)?, d, span)
        }
        (Approx(x), Expr(y)) => {
            approximate(math(scalar_op(op, x.exact, y), span)?, x.value.digits, span)
        }
        (Expr(x), Approx(y)) => {
            approximate(math(scalar_op(op, x, y.exact), span)?, y.value.digits, span)
        }
        (Vector(xs), Vector(ys)) if matches!(op, BinaryOp::Add | BinaryOp::Sub) => {
            if xs.len() != ys.len() {
                return Err(EvalError::new(
                    format!(
                        "cannot combine vectors of lengths {} and {}",
                        xs.len(),
                        ys.len()
                    ),
                    span,
                ));
            }
            Ok(Vector(
                xs.into_iter()
                    .zip(ys)
                    .map(|(x, y)| math(scalar_op(op, x, y), span))
                    .collect::<EResult<_>>()?,
            ))
        }
        (Matrix(xs), Matrix(ys)) if matches!(op, BinaryOp::Add | BinaryOp::Sub) => {
            if xs.len() != ys.len() || xs[0].len() != ys[0].len() {
                return Err(EvalError::new(
                    format!(
                        "cannot combine a {}×{} and a {}×{} matrix",
                        xs.len(),
                        xs[0].len(),
                        ys.len(),
                        ys[0].len()
                    ),
                    span,
                ));
            }
            Ok(Matrix(
                xs.into_iter()
                    .zip(ys)
                    .map(|(r, s)| {
                        r.into_iter()
                            .zip(s)
                            .map(|(x, y)| math(scalar_op(op, x, y), span))
                            .collect()
                    })
                    .collect::<EResult<_>>()?,
            ))
        }
        (Expr(c), Vector(xs)) if op == BinaryOp::Mul => Ok(Vector(scale_all(&c, xs, span)?)),
        (Vector(xs), Expr(c)) if matches!(op, BinaryOp::Mul | BinaryOp::Div) => {
            let c = if op == BinaryOp::Div {
                math(expr::pow(c, crate::math::Expr::int(-1)), span)?
            } else {
                c
            };
            Ok(Vector(scale_all(&c, xs, span)?))
        }
        (Expr(c), Matrix(rows)) if op == BinaryOp::Mul => Ok(Matrix(
            rows.into_iter()
                .map(|r| scale_all(&c, r, span))
                .collect::<EResult<_>>()?,
        )),
        (Matrix(rows), Expr(c)) if matches!(op, BinaryOp::Mul | BinaryOp::Div) => {
            let c = if op == BinaryOp::Div {
                math(expr::pow(c, crate::math::Expr::int(-1)), span)?
            } else {
                c
            };
            Ok(Matrix(
                rows.into_iter()
                    .map(|r| scale_all(&c, r, span))
                    .collect::<EResult<_>>()?,
            ))
        }
        (Matrix(a), Matrix(b)) if op == BinaryOp::Mul => Ok(Matrix(matmul(&a, &b, span)?)),
        (Matrix(a), Vector(v)) if op == BinaryOp::Mul => {
            let col: Vec<Vec<crate::math::Expr>> = v.into_iter().map(|x| vec![x]).collect();
            Ok(Vector(
                matmul(&a, &col, span)?.into_iter().flatten().collect(),
            ))
        }
        (Vector(v), Matrix(b)) if op == BinaryOp::Mul => Ok(Vector(
            matmul(&[v], &b, span)?.into_iter().flatten().collect(),
        )),
        (Vector(a), Vector(b)) if op == BinaryOp::Mul => {
            if a.len() != b.len() {
                return Err(EvalError::new(
                    format!(
                        "cannot multiply vectors of lengths {} and {}",
                        a.len(),
                        b.len()
                    ),
                    span,
                ));
            }
            Ok(Expr(dot(&a, &b, span)?))
        }
        (Matrix(a), Expr(n)) if op == BinaryOp::Pow => Ok(Matrix(matpow(a, &n, span)?)),
        (a, b) => Err(EvalError::new(
            format!(
                "cannot apply `{}` to a {} and a {}",
                op_symbol(op),
                a.kind(),
                b.kind()
            ),
            span,
        )),
    }
}

fn op_symbol(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mul => "*",
        BinaryOp::Div => "/",
        BinaryOp::Pow => "^",
        BinaryOp::And => "and",
        BinaryOp::Or => "or",
    }
}

fn scale_all(c: &Expr, xs: Vec<Expr>, span: Span) -> EResult<Vec<Expr>> {
    xs.into_iter()
        .map(|x| math(expr::mul(vec![c.clone(), x]), span))
        .collect()
}

/// Σ a_i·b_i over expressions (the lengths are the caller's to check).
pub(crate) fn dot(a: &[Expr], b: &[Expr], span: Span) -> EResult<Expr> {
    let terms = a
        .iter()
        .zip(b)
        .map(|(x, y)| expr::mul(vec![x.clone(), y.clone()]))
        .collect::<MResult<Vec<_>>>();
    math(terms.and_then(expr::add), span)
}

/// The product of two matrices of expressions (each with at least one row and column).
pub(crate) fn matmul(a: &[Vec<Expr>], b: &[Vec<Expr>], span: Span) -> EResult<Vec<Vec<Expr>>> {
    let (n, k) = (a.len(), a[0].len());
    debug_assert!(a.iter().all(|r| r.len() == k));
    if b.len() != k {
        return Err(EvalError::new(
            format!(
                "cannot multiply a {n}×{k} matrix by a {}×{} one",
                b.len(),
                b.first().map_or(0, Vec::len)
            ),
            span,
        )
        .with_help(
            "the number of columns on the left must equal the number of rows on the right",
        ));
    }
    // Rational matrices: integer products over common denominators, reduced once.
    if let (Some(x), Some(y)) = (Matrix::from_exprs(a), Matrix::from_exprs(b)) {
        let p = x
            .mul_fraction_free(&y)
            .map_err(|e| EvalError::math(e, span))?
            .expect("the shapes were checked");
        return Ok(to_exprs(&p));
    }
    let m = b[0].len();
    let mut out = Vec::with_capacity(n);
    for row in a {
        let mut r = Vec::with_capacity(m);
        for j in 0..m {
            let terms = row
                .iter()
                .zip(b)
                .map(|(x, brow)| expr::mul(vec![x.clone(), brow[j].clone()]))
                .collect::<MResult<Vec<_>>>();
            r.push(math(terms.and_then(expr::add), span)?);
        }
        out.push(r);
    }
    Ok(out)
}

/// The rows of a rational matrix as expressions.
fn to_exprs(m: &Matrix) -> Vec<Vec<Expr>> {
    m.rows()
        .iter()
        .map(|r| r.iter().map(|q| Expr::Num(q.clone())).collect())
        .collect()
}

fn matpow(a: Vec<Vec<Expr>>, n: &Expr, span: Span) -> EResult<Vec<Vec<Expr>>> {
    let size = a.len();
    if a.iter().any(|r| r.len() != size) {
        return Err(EvalError::new("only square matrices have powers", span));
    }
    if n.as_num().is_none() && !n.symbols().is_empty() {
        return symbolic_matpow(&a, n, span);
    }
    let k = n
        .as_num()
        .and_then(|q| q.to_i64())
        .filter(|&k| (0..=1_000_000).contains(&k))
        .ok_or_else(|| {
            EvalError::new("a matrix power needs a non-negative integer exponent", span)
                .with_help("matrix inverses are not available yet")
        })?;
    // A rational matrix: integer products over a common denominator, reduced once.
    if let Some(m) = Matrix::from_exprs(&a) {
        let p = m
            .pow_int(k as u64)
            .map_err(|e| EvalError::math(e, span))?
            .expect("a square matrix");
        return Ok(to_exprs(&p));
    }
    let mut result: Vec<Vec<Expr>> = (0..size)
        .map(|i| (0..size).map(|j| Expr::int((i == j) as i64)).collect())
        .collect();
    let mut base = a;
    let mut k = k as u64;
    while k > 0 {
        if crate::math::interrupted() {
            return Err(super::interrupt::error(span));
        }
        if k & 1 == 1 {
            result = matmul(&result, &base, span)?;
        }
        k >>= 1;
        if k > 0 {
            base = matmul(&base, &base, span)?;
        }
    }
    Ok(result)
}

/// The steps of a symbolic power `A^k` (`a`, `b` the operands of `^`): the method, and for a
/// rational matrix its characteristic polynomial; `None` for any other power.
pub fn matpow_steps(
    a: &Value,
    b: &Value,
) -> Option<Vec<(crate::math::answer::Rich, &'static str)>> {
    use crate::math::answer::{Notation, Op};
    let (Value::Matrix(rows), Value::Expr(k)) = (a, b) else {
        return None;
    };
    if k.as_num().is_some() || k.symbols().is_empty() || rows.len() != rows[0].len() {
        return None;
    }
    if crate::math::linalg::rank_one::identity_plus_rank_one(rows)
        .ok()
        .flatten()
        .is_some()
    {
        return Some(vec![(
            crate::rich![Notation::new(
                "A = I + u·vᵀ, A^k = I + c_k·u·vᵀ with c_k = ((1 + vᵀu)^k − 1)/(vᵀu), or c_k = k when vᵀu = 0",
                "A = I + uv^\\top,\\ A^k = I + c_k\\, uv^\\top,\\ c_k = \\frac{(1 + v^\\top u)^k - 1}{v^\\top u}\\ (c_k = k \\text{ when } v^\\top u = 0)"
            )],
            "the square of a rank-one matrix is a multiple of it, so all its powers are",
        )]);
    }
    let m = crate::math::linalg::Matrix::from_exprs(rows)?;
    let p = crate::math::poly::Poly::new(m.charpoly().ok()?);
    let px = p.to_expr("λ").ok()?;
    let sylvester = m.spectral().ok()?.is_some_and(|s| !s.singular());
    let method = if sylvester {
        (
            crate::rich![Notation::new(
                "A^k = Σ_λ λ^k·P_λ, P_λ = Π_(μ≠λ) (A − μ·I)/(λ − μ)",
                "A^k = \\sum_\\lambda \\lambda^k P_\\lambda,\\ P_\\lambda = \\prod_{\\mu \\ne \\lambda} \\frac{A - \\mu I}{\\lambda - \\mu}"
            )],
            "Sylvester's formula over the distinct rational eigenvalues: P_λ projects onto the eigenspace of λ",
        )
    } else {
        (
            crate::rich![Notation::new(
                "A^k = Σ_g (λ^k mod g)(A)·E_g, with (λ^k mod (λ − λ₀)^m)(A)·E = Σ_(t<m) C(k, t)·λ₀^(k−t)·(A − λ₀·I)^t·E",
                "A^k = \\sum_g (\\lambda^k \\bmod g)(A)\\, E_g,\\ (\\lambda^k \\bmod (\\lambda - \\lambda_0)^m)(A)\\, E = \\sum_{t<m} \\binom{k}{t} \\lambda_0^{k-t} (A - \\lambda_0 I)^t E"
            )],
            "Cayley–Hamilton over the factors g of the characteristic polynomial, with the idempotents E_g of the primary decomposition (Sylvester's formula on each quadratic factor); no Jordan form is needed when A is not diagonalisable",
        )
    };
    Some(vec![
        (
            crate::rich![
                Notation::new("det(λ·I − A)", "\\det(\\lambda I - A)"),
                Op::Eq,
                &px
            ],
            "the characteristic polynomial (Faddeev–LeVerrier over Q)",
        ),
        method,
    ])
}

/// `A^k` for a symbolic `k`: for A = I + u·vᵀ (symbolic entries allowed) by
/// (u·vᵀ)² = (vᵀu)·u·vᵀ, otherwise by Sylvester's formula when A is rational with distinct
/// rational eigenvalues, or by Cayley–Hamilton ([`crate::math::linalg::power_closed_form`])
/// for repeated, surd and complex eigenvalues (0 never one, so the form holds for all k ≥ 0).
fn symbolic_matpow(a: &[Vec<Expr>], k: &Expr, span: Span) -> EResult<Vec<Vec<Expr>>> {
    let refuse = |why: &str| {
        EvalError::new(
            format!("a symbolic power of this matrix is not available yet: {why}"),
            span,
        )
        .with_help("give the exponent a value, or see ssm_kernel for kernels C·A^(ℓ−1)·B")
    };
    // I + u·vᵀ, symbolic entries allowed.
    if let Some((u, v)) = crate::math::linalg::rank_one::identity_plus_rank_one(a)
        .map_err(|e| EvalError::math(e, span))?
    {
        return crate::math::linalg::rank_one::power(&u, &v, k)
            .map_err(|e| EvalError::math(e, span));
    }
    let m = crate::math::linalg::Matrix::from_exprs(a).ok_or_else(|| {
        refuse("its entries are symbolic and it is not the identity plus a rank-one matrix")
    })?;
    if let Some(s) = m.spectral().map_err(|e| EvalError::math(e, span))? {
        if !s.singular() {
            return s.power(k).map_err(|e| EvalError::math(e, span));
        }
    }
    // Repeated, surd or complex eigenvalues: Cayley–Hamilton over the primary decomposition.
    let Some(c) =
        crate::math::linalg::power_closed_form(&m, k).map_err(|e| EvalError::math(e, span))?
    else {
        return Err(refuse(
            "sigma writes A^k in closed form when the characteristic polynomial splits into rational roots and at most one quadratic",
        ));
    };
    if c.valid_from > 0 {
        return Err(refuse(&format!(
            "0 is an eigenvalue of multiplicity {m}, so the closed form holds only for k ≥ {m}",
            m = c.valid_from
        )));
    }
    Ok(c.entries)
}

/// Builds a vector or matrix from evaluated list items.
pub fn list(vals: Vec<Value>, items: &[ast::Expr], span: Span) -> EResult<Value> {
    if !vals.is_empty() && vals.iter().all(|v| matches!(v, Value::Vector(_))) {
        let rows: Vec<Vec<Expr>> = vals
            .into_iter()
            .map(|v| match v {
                Value::Vector(r) => r,
                _ => Vec::new(),
            })
            .collect();
        let width = rows[0].len();
        if let Some(i) = rows.iter().position(|r| r.len() != width) {
            return Err(EvalError::new(
                format!(
                    "matrix rows must have equal lengths: row 1 has {width}, row {} has {}",
                    i + 1,
                    rows[i].len()
                ),
                items[i].span,
            )
            .with_label("this row"));
        }
        if width == 0 {
            return Err(EvalError::new("a matrix needs at least one column", span));
        }
        return Ok(Value::Matrix(rows));
    }
    let mut out = Vec::with_capacity(vals.len());
    for (v, item) in vals.into_iter().zip(items) {
        match v {
            Value::Expr(x) => out.push(x),
            Value::Approx(a) => out.push(a.exact),
            other => {
                return Err(EvalError::new(
                    format!(
                        "a vector's entries must be numbers or expressions, not a {}",
                        other.kind()
                    ),
                    item.span,
                ))
            }
        }
    }
    Ok(Value::Vector(out))
}

fn rel_of(op: CmpOp) -> Rel {
    match op {
        CmpOp::Lt => Rel::Lt,
        CmpOp::Le => Rel::Le,
        CmpOp::Gt => Rel::Gt,
        CmpOp::Ge => Rel::Ge,
        CmpOp::Eq => Rel::Eq,
        CmpOp::Ne => Rel::Ne,
    }
}

/// Compares two exact constants: exactly when both are rational, otherwise by certified
/// numerics of their difference. `None` when either side has free symbols.
pub fn compare_exprs(a: &Expr, b: &Expr, span: Span) -> EResult<Option<Ordering>> {
    if let (Some(x), Some(y)) = (a.as_num(), b.as_num()) {
        return Ok(Some(x.cmp(y)));
    }
    let d = math(expr::sub(a.clone(), b.clone()), span)?;
    if !d.is_constant() || d.has_infinity() {
        return Ok(None);
    }
    let sign = sign_const(&d).map_err(|e| {
        EvalError::new(format!("cannot decide this comparison: {e}"), span).with_note(
            "sigma compares non-rational constants by certified numerics of their difference",
        )
    })?;
    Ok(Some(sign))
}

/// Whether two exact vectors or matrices are equal entry by entry (different shapes are not
/// equal, as in Mathematica); `None` when either is not an exact vector or matrix. An entry
/// pair whose equality cannot be decided is an error, never a guess.
fn equal_arrays(a: &Value, b: &Value, span: Span) -> EResult<Option<bool>> {
    let rows = |v: &Value| -> Option<Vec<Vec<Expr>>> {
        match v {
            Value::Vector(xs) => Some(vec![xs.clone()]),
            Value::Matrix(rs) => Some(rs.clone()),
            _ => None,
        }
    };
    let (Some(x), Some(y)) = (rows(a), rows(b)) else {
        return Ok(None);
    };
    if matches!(a, Value::Vector(_)) != matches!(b, Value::Vector(_))
        || x.len() != y.len()
        || x.iter().zip(&y).any(|(r, s)| r.len() != s.len())
    {
        return Ok(Some(false));
    }
    for (p, q) in x.iter().flatten().zip(y.iter().flatten()) {
        match compare_exprs(p, q, span)? {
            Some(Ordering::Equal) => {}
            Some(_) => return Ok(Some(false)),
            None => {
                return Err(
                    EvalError::new(format!("cannot decide whether {p} = {q}"), span)
                        .with_note("vectors and matrices are equal when every pair of entries is"),
                )
            }
        }
    }
    Ok(Some(true))
}

/// Evaluates a comparison chain: a truth value when every link is decidable, otherwise a
/// relation kept symbolic.
pub fn compare(
    vals: Vec<Value>,
    ops: &[CmpOp],
    operands: &[ast::Expr],
    span: Span,
) -> EResult<Value> {
    if let ([a, b], [op @ (CmpOp::Eq | CmpOp::Ne)]) = (vals.as_slice(), ops) {
        if let Some(same) = equal_arrays(a, b, span)? {
            return Ok(Value::Bool(same == (*op == CmpOp::Eq)));
        }
    }
    let mut exprs = Vec::with_capacity(vals.len());
    for (v, o) in vals.into_iter().zip(operands) {
        match v {
            Value::Expr(x) => exprs.push(x),
            Value::Approx(a) => exprs.push(a.exact),
            Value::Float(f) => exprs.push(super::float_ops::comparable(&f, o.span)?),
            other => {
                return Err(
                    EvalError::new(format!("cannot compare a {}", other.kind()), o.span)
                        .with_label("not a number or expression"),
                )
            }
        }
    }
    let rels: Vec<Rel> = ops.iter().map(|&o| rel_of(o)).collect();
    let mut all = true;
    for (i, r) in rels.iter().enumerate() {
        match compare_exprs(&exprs[i], &exprs[i + 1], span)? {
            Some(ord) => all &= r.holds(ord),
            None => {
                return Ok(Value::Formula(Formula::Chain {
                    operands: exprs,
                    rels,
                }));
            }
        }
    }
    Ok(Value::Bool(all))
}
