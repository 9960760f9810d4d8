//! Matrix builtins, exact: constructors (`identity`, `zeros`, `diag`), structure (`transpose`,
//! `trace`, `det`, `rank`), `inverse` (a singular matrix is an error naming the dependency
//! among its rows) and `nullspace`. Rational matrices go through `math::linalg`; `transpose`,
//! `trace` and small determinants also take symbolic entries.

use super::args::{req, Args, Kind};
use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::{Notation, Op};
use crate::math::expr::{self, Expr};
use crate::math::linalg::Matrix;
use crate::math::number::Q;
use crate::rich;
use crate::source::Span;

/// Largest dimension the constructors build.
const MAX_DIM: u64 = 500;
/// Largest symbolic determinant expanded by minors (n! terms).
pub(super) const MAX_SYMBOLIC_DET: usize = 6;

pub(super) const MATRIX: &[super::args::Form] = &[&[req(Kind::Value)]];
const DIM: Kind = Kind::Order {
    what: "the dimension",
    max: MAX_DIM,
};

pub const IDENTITY: Builtin = Builtin {
    name: "identity",
    signature: "identity(n)",
    summary: "the n × n identity matrix",
    example: "identity(2) → [[1, 0], [0, 1]]",
    forms: &[&[req(DIM)]],
    imp: Impl::Command(identity_cmd),
};

pub const ZEROS: Builtin = Builtin {
    name: "zeros",
    signature: "zeros(m) or zeros(m, n)",
    summary: "the m × n (or m × m) zero matrix",
    example: "zeros(2, 3) → [[0, 0, 0], [0, 0, 0]]",
    forms: &[&[req(DIM)], &[req(DIM), req(DIM)]],
    imp: Impl::Command(zeros_cmd),
};

pub const DIAG: Builtin = builtin_const(
    "diag",
    "diag(v) or diag(A)",
    "the diagonal matrix with the entries of the vector v, or the diagonal of the matrix A as a vector",
    "diag([1, 2]) → [[1, 0], [0, 2]]",
    diag_cmd,
);
pub const TRANSPOSE: Builtin = builtin_const(
    "transpose",
    "transpose(A)",
    "the transpose of a matrix",
    "transpose([[1, 2], [3, 4]]) → [[1, 3], [2, 4]]",
    transpose_cmd,
);
pub const TRACE: Builtin = builtin_const(
    "trace",
    "trace(A)",
    "the sum of the diagonal of a square matrix",
    "trace([[1, 2], [3, 4]]) → 5",
    trace_cmd,
);
pub const DET: Builtin = builtin_const(
    "det",
    "det(A)",
    "the determinant, exact (fraction-free elimination; symbolic entries up to 6 × 6 by minors)",
    "det([[2, 1], [7, 4]]) → 1",
    det_cmd,
);
pub const RANK: Builtin = builtin_const(
    "rank",
    "rank(A)",
    "the rank of a rational matrix (the number of pivots of its reduced row echelon form)",
    "rank([[1, 2], [2, 4]]) → 1",
    rank_cmd,
);
pub const INVERSE: Builtin = builtin_const(
    "inverse",
    "inverse(A)",
    "the exact inverse: Gauss–Jordan over Q (a singular matrix is an error naming the dependency among its rows), the adjugate for symbolic entries up to 4 × 4",
    "inverse([[2, 1], [7, 4]]) → [[4, -1], [-7, 2]]",
    inverse_cmd,
);
pub const NULLSPACE: Builtin = builtin_const(
    "nullspace",
    "nullspace(A)",
    "a basis of {v : A v = 0} for a rational matrix, as the columns of a matrix ([] when only 0)",
    "nullspace([[1, 2], [2, 4]]) → [[-2], [1]]",
    nullspace_cmd,
);

const fn builtin_const(
    name: &'static str,
    signature: &'static str,
    summary: &'static str,
    example: &'static str,
    imp: super::CommandFn,
) -> Builtin {
    Builtin {
        name,
        signature,
        summary,
        example,
        forms: MATRIX,
        imp: Impl::Command(imp),
    }
}

/// The size of an exact number in bits (numerator and denominator), or a flat cost for any
/// other expression: the budget of the builtins whose exact entries grow step by step.
pub(super) fn bits(e: &Expr) -> u64 {
    match e.as_num() {
        Some(q) => {
            u64::from(q.numer().significant_bits()) + u64::from(q.denom().significant_bits())
        }
        None => 64,
    }
}

/// Argument `i` as the rows of a matrix.
pub(super) fn matrix_arg<'a>(args: &'a Args, i: usize, what: &str) -> EResult<&'a [Vec<Expr>]> {
    match args.value(i) {
        Value::Matrix(rows) => Ok(rows),
        other => Err(EvalError::new(
            format!(
                "{what} needs a matrix, not {}",
                crate::eval::value::article(other.kind())
            ),
            args.span_of(i),
        )
        .with_help("write a matrix as [[a, b], [c, d]]")),
    }
}

/// The rows as a matrix over Q, or an error naming the first symbolic entry.
pub(super) fn rational(rows: &[Vec<Expr>], what: &str, span: Span) -> EResult<Matrix> {
    if let Some(m) = Matrix::from_exprs(rows) {
        return Ok(m);
    }
    let symbolic = rows.iter().enumerate().find_map(|(i, r)| {
        r.iter()
            .position(|e| e.as_num().is_none())
            .map(|j| (i, j, &r[j]))
    });
    let Some((i, j, e)) = symbolic else {
        return Err(EvalError::new("the rows differ in length", span));
    };
    Err(EvalError::new(
        format!("{what} of a matrix with symbolic entries is not available yet"),
        span,
    )
    .with_note(format!(
        "entry ({}, {}) is {e}; sigma computes it for rational entries",
        i + 1,
        j + 1
    )))
}

pub(super) fn to_value(m: &Matrix) -> Value {
    Value::Matrix(to_rows(m))
}

/// The rows of a rational matrix as expressions.
pub(super) fn to_rows(m: &Matrix) -> Vec<Vec<Expr>> {
    m.rows()
        .iter()
        .map(|r| r.iter().map(|q| Expr::Num(q.clone())).collect())
        .collect()
}

pub(super) fn square<'a>(args: &'a Args, what: &str) -> EResult<&'a [Vec<Expr>]> {
    let rows = matrix_arg(args, 0, what)?;
    let (n, m) = (rows.len(), rows.first().map_or(0, Vec::len));
    if n != m {
        return Err(EvalError::new(
            format!("{what} needs a square matrix, not {n} × {m}"),
            args.span_of(0),
        ));
    }
    Ok(rows)
}

fn identity_cmd(_: &mut Evaluator, args: &Args) -> EResult<Value> {
    let n = args.order(0) as usize;
    if n == 0 {
        return Err(EvalError::new(
            "a matrix has at least one row and one column",
            args.span_of(0),
        ));
    }
    Ok(to_value(&Matrix::identity(n)))
}

fn zeros_cmd(_: &mut Evaluator, args: &Args) -> EResult<Value> {
    let m = args.order(0) as usize;
    let n = args.opt_order(1).map_or(m, |n| n as usize);
    if m == 0 || n == 0 {
        return Err(EvalError::new(
            "a matrix has at least one row and one column",
            args.span(),
        ));
    }
    Ok(Value::Matrix(vec![vec![Expr::zero(); n]; m]))
}

fn diag_cmd(_: &mut Evaluator, args: &Args) -> EResult<Value> {
    match args.value(0) {
        Value::Vector(v) if !v.is_empty() => Ok(Value::Matrix(
            (0..v.len())
                .map(|i| {
                    (0..v.len())
                        .map(|j| if i == j { v[i].clone() } else { Expr::zero() })
                        .collect()
                })
                .collect(),
        )),
        Value::Matrix(rows) => Ok(Value::Vector(
            rows.iter()
                .enumerate()
                .filter_map(|(i, r)| r.get(i).cloned())
                .collect(),
        )),
        other => Err(EvalError::new(
            format!(
                "diag needs a vector or a matrix, not {}",
                crate::eval::value::article(other.kind())
            ),
            args.span_of(0),
        )),
    }
}

fn transpose_cmd(_: &mut Evaluator, args: &Args) -> EResult<Value> {
    let rows = matrix_arg(args, 0, "transpose")?;
    let cols = rows.first().map_or(0, Vec::len);
    Ok(Value::Matrix(
        (0..cols)
            .map(|j| rows.iter().map(|r| r[j].clone()).collect())
            .collect(),
    ))
}

fn trace_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let rows = square(args, "the trace")?;
    let diagonal: Vec<Expr> = rows.iter().enumerate().map(|(i, r)| r[i].clone()).collect();
    let t = expr::add(diagonal).map_err(|e| EvalError::math(e, args.span()))?;
    ev.steps.push(
        rich![Notation::new("tr A", "\\operatorname{tr} A"), Op::Eq, &t],
        "the sum of the diagonal entries",
    );
    Ok(Value::Expr(t))
}

/// The determinant of a symbolic matrix by expansion along the first row.
pub(super) fn minors_det(rows: &[Vec<Expr>], ev: &Evaluator, span: Span) -> EResult<Expr> {
    let math = |e| EvalError::math(e, span);
    if rows.len() == 1 {
        return Ok(rows[0][0].clone());
    }
    let mut terms = Vec::with_capacity(rows.len());
    for j in 0..rows.len() {
        ev.check_interrupt(span)?;
        if rows[0][j].is_zero() {
            continue;
        }
        let minor: Vec<Vec<Expr>> = rows[1..]
            .iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .filter(|(k, _)| *k != j)
                    .map(|(_, e)| e.clone())
                    .collect()
            })
            .collect();
        let sign = if j % 2 == 0 { 1 } else { -1 };
        terms.push(
            expr::mul(vec![
                Expr::int(sign),
                rows[0][j].clone(),
                minors_det(&minor, ev, span)?,
            ])
            .map_err(math)?,
        );
    }
    let sum = expr::add(terms).map_err(math)?;
    crate::math::expr::subst::expand(&sum).map_err(math)
}

fn det_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let rows = square(args, "the determinant")?;
    let span = args.span();
    if let Some(m) = Matrix::from_exprs(rows) {
        let d = m.det().map_err(|e| EvalError::math(e, span))?;
        ev.steps.push(
            rich![Notation::new("det A", "\\det A"), Op::Eq, Expr::Num(d.clone())],
            "fraction-free (Bareiss) elimination on the rows scaled to integers; every division is exact",
        );
        return Ok(Value::Expr(Expr::Num(d)));
    }
    if rows.len() > MAX_SYMBOLIC_DET {
        return Err(EvalError::new(
            format!(
                "the determinant of a {0} × {0} matrix with symbolic entries is not available yet",
                rows.len()
            ),
            span,
        )
        .with_note(format!(
            "sigma expands symbolic determinants by minors up to {MAX_SYMBOLIC_DET} × {MAX_SYMBOLIC_DET}"
        )));
    }
    let d = minors_det(rows, ev, span)?;
    ev.steps.push(
        rich![Notation::new("det A", "\\det A"), Op::Eq, &d],
        "expansion by minors along the first row, expanded",
    );
    Ok(Value::Expr(d))
}

fn rank_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let m = rational(matrix_arg(args, 0, "rank")?, "the rank", span)?;
    let r = m.rank().map_err(|e| EvalError::math(e, span))?;
    ev.steps.push(
        format!("the reduced row echelon form has {r} pivot(s)"),
        "Gauss–Jordan elimination over Q",
    );
    Ok(Value::Expr(Expr::int(r as i64)))
}

/// "row 3 = row 1 + 2·row 2" from coefficients c with Σ c_i·row_i = 0.
fn dependency_text(c: &[Q]) -> String {
    let Some(k) = c.iter().rposition(|x| !x.is_zero()) else {
        return "the rows are dependent".into();
    };
    let mut parts = Vec::new();
    for (i, ci) in c.iter().enumerate() {
        if i == k || ci.is_zero() {
            continue;
        }
        // row_k = Σ (−c_i/c_k)·row_i
        let w = ci.neg().div(&c[k]).unwrap_or_else(|_| Q::zero());
        let row = format!("row {}", i + 1);
        let term = if w.is_one() {
            row
        } else if w == Q::int(-1) {
            format!("-{row}")
        } else {
            format!("{w}·{row}")
        };
        parts.push(term);
    }
    if parts.is_empty() {
        return format!("row {} is zero", k + 1);
    }
    let mut s = format!("row {} = {}", k + 1, parts[0]);
    for p in &parts[1..] {
        match p.strip_prefix('-') {
            Some(rest) => s.push_str(&format!(" - {rest}")),
            None => s.push_str(&format!(" + {p}")),
        }
    }
    s
}

/// Largest symbolic matrix inverted by its adjugate.
const MAX_SYMBOLIC_INVERSE: usize = 4;

/// The inverse of a symbolic matrix as adj(A)/det(A), with det A ≠ 0 as its condition.
fn symbolic_inverse(ev: &mut Evaluator, rows: &[Vec<Expr>], args: &Args) -> EResult<Value> {
    adjugate_inverse(ev, rows, args.span(), args.span_of(0), "A").map(Value::Matrix)
}

/// adj(A)/det(A) for a square matrix of at most 4 × 4 with any entries, its steps, and
/// det A ≠ 0 as a condition when the determinant is symbolic; `at` carries the singular error.
pub(super) fn adjugate_inverse(
    ev: &mut Evaluator,
    rows: &[Vec<Expr>],
    span: Span,
    at: Span,
    name: &str,
) -> EResult<Vec<Vec<Expr>>> {
    let math = |e| EvalError::math(e, span);
    let n = rows.len();
    if n > MAX_SYMBOLIC_INVERSE {
        return Err(EvalError::new(
            format!("the inverse of a {n} × {n} matrix with symbolic entries is not available yet"),
            span,
        )
        .with_note(format!(
            "sigma inverts symbolic matrices up to {MAX_SYMBOLIC_INVERSE} × {MAX_SYMBOLIC_INVERSE} by the adjugate"
        )));
    }
    let det = minors_det(rows, ev, span)?;
    if det.is_zero() {
        return Err(EvalError::new(
            "the matrix is singular: its determinant is 0 for every value of its symbols",
            at,
        ));
    }
    let minor = |i: usize, j: usize| -> Vec<Vec<Expr>> {
        rows.iter()
            .enumerate()
            .filter(|(r, _)| *r != i)
            .map(|(_, row)| {
                row.iter()
                    .enumerate()
                    .filter(|(c, _)| *c != j)
                    .map(|(_, e)| e.clone())
                    .collect()
            })
            .collect()
    };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let mut row = Vec::with_capacity(n);
        for j in 0..n {
            // (A⁻¹)_ij = (−1)^(i+j)·M_ji / det A
            let cof = if n == 1 {
                Expr::one()
            } else {
                minors_det(&minor(j, i), ev, span)?
            };
            let sign = if (i + j) % 2 == 0 { 1 } else { -1 };
            row.push(
                expr::div(
                    expr::mul(vec![Expr::int(sign), cof]).map_err(math)?,
                    det.clone(),
                )
                .map_err(math)?,
            );
        }
        out.push(row);
    }
    ev.steps.push(
        rich![
            Notation::new(format!("det {name}"), format!("\\det {name}")),
            Op::Eq,
            &det
        ],
        "expansion by minors",
    );
    ev.steps.push(
        rich![
            Notation::new(format!("{name}⁻¹"), format!("{name}^{{-1}}")),
            Op::Eq,
            Notation::new(
                format!("adj({name})/det {name}"),
                format!("\\operatorname{{adj}}({name})/\\det {name}")
            )
        ],
        format!("the adjugate: ({name}⁻¹)_ij = (−1)^(i+j)·M_ji / det {name}, with M_ji the minor without row j and column i"),
    );
    if det.as_num().is_none() {
        ev.steps.push_condition(
            rich![&det, Op::Ne, Expr::zero()],
            format!("the inverse exists exactly where det {name} ≠ 0"),
        );
    }
    Ok(out)
}

fn inverse_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let rows = square(args, "the inverse")?;
    let Some(m) = Matrix::from_exprs(rows) else {
        return symbolic_inverse(ev, rows, args);
    };
    match m.inverse().map_err(|e| EvalError::math(e, span))? {
        Ok(inv) => {
            ev.steps.push(
                rich![
                    "Gauss–Jordan elimination on ",
                    Notation::new("[A | I]", "[A \\mid I]"),
                    " gives ",
                    Notation::new("[I | A⁻¹]", "[I \\mid A^{-1}]")
                ],
                "row operations over Q",
            );
            let check = m
                .mul(&inv)
                .is_some_and(|p| p == Matrix::identity(m.nrows()));
            if check {
                ev.steps.push(
                    rich![
                        Notation::new("A·A⁻¹", "A A^{-1}"),
                        Op::Eq,
                        Notation::new("I", "I")
                    ],
                    "checked exactly",
                );
            }
            Ok(to_value(&inv))
        }
        Err(c) => Err(
            EvalError::new("the matrix is singular: it has no inverse", args.span_of(0))
                .with_label(dependency_text(&c))
                .with_note(format!(
                    "its determinant is 0; its rank is {}",
                    m.rank()
                        .map_or_else(|_| "unknown".to_string(), |r| r.to_string())
                )),
        ),
    }
}

fn nullspace_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let m = rational(matrix_arg(args, 0, "nullspace")?, "the nullspace", span)?;
    let basis = m.nullspace().map_err(|e| EvalError::math(e, span))?;
    ev.steps.push(
        format!(
            "{} free column(s) in the reduced row echelon form: one basis vector each",
            basis.len()
        ),
        "Gauss–Jordan elimination over Q; each vector is checked: A v = 0",
    );
    for v in &basis {
        if m.mul_vec(v).is_none_or(|r| r.iter().any(|x| !x.is_zero())) {
            return Err(EvalError::new(
                "internal: a nullspace vector failed its check",
                span,
            ));
        }
    }
    if basis.is_empty() {
        return Ok(Value::Vector(Vec::new()));
    }
    let n = m.ncols();
    Ok(Value::Matrix(
        (0..n)
            .map(|i| basis.iter().map(|v| Expr::Num(v[i].clone())).collect())
            .collect(),
    ))
}
