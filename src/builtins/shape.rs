//! Shape queries: `len`, `shape`, `rows` and `cols` of vectors and matrices, as exact
//! integers. They read the shape only; indexing itself (`v[k]`, `A[i, j]`, slices, counted
//! from 0) is syntax, evaluated in `eval::shape`.

use super::args::{Args, Form};
use super::matrix::MATRIX;
use super::{Builtin, Impl};
use crate::eval::shape::{dims, is_matrix, shape_words};
use crate::eval::value::{article, Value};
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::Expr;

const FORMS: &[Form] = MATRIX;

pub const LEN: Builtin = Builtin {
    name: "len",
    signature: "len(v)",
    summary: "the number of entries of a vector (of rows of a matrix); indices run from 0 to len(v) − 1, and v[-1] is the last entry",
    example: "len([4, 5, 6]) → 3",
    forms: FORMS,
    imp: Impl::Command(len_cmd),
};

pub const SHAPE: Builtin = Builtin {
    name: "shape",
    signature: "shape(A)",
    summary: "[rows, columns] of a matrix, [n] of a vector of n entries (numpy's shape); A[i, j] counts both from 0",
    example: "shape([[1, 2, 3], [4, 5, 6]]) → [2, 3]",
    forms: FORMS,
    imp: Impl::Command(shape_cmd),
};

pub const ROWS: Builtin = Builtin {
    name: "rows",
    signature: "rows(A)",
    summary: "the number of rows of a matrix; A[i] is row i, counted from 0",
    example: "rows([[1, 2, 3], [4, 5, 6]]) → 2",
    forms: FORMS,
    imp: Impl::Command(rows_cmd),
};

pub const COLS: Builtin = Builtin {
    name: "cols",
    signature: "cols(A)",
    summary: "the number of columns of a matrix; A[:, j] is column j, counted from 0",
    example: "cols([[1, 2, 3], [4, 5, 6]]) → 3",
    forms: FORMS,
    imp: Impl::Command(cols_cmd),
};

/// The dimensions of argument 0, or an error naming what `what` needs.
fn dims_of(args: &Args, what: &str, matrix_only: bool) -> EResult<[usize; 2]> {
    let v = args.value(0);
    let fits = if matrix_only {
        is_matrix(v)
    } else {
        dims(v).is_some()
    };
    match dims(v).filter(|_| fits) {
        Some(d) => Ok(d),
        None => {
            let found = shape_words(v).unwrap_or_else(|| article(v.kind()));
            let err = EvalError::new(
                format!(
                    "{what} needs {}, not {found}",
                    if matrix_only {
                        "a matrix"
                    } else {
                        "a vector or matrix"
                    }
                ),
                args.span_of(0),
            )
            .with_label(format!("this is {found}"));
            Err(if matrix_only && dims(v).is_some() {
                err.with_help("a vector has no rows or columns: len(v) counts its entries")
            } else {
                err.with_help("write a vector as [a, b, c], a matrix as [[a, b], [c, d]]")
            })
        }
    }
}

fn count(n: usize) -> Value {
    Value::Expr(Expr::int(n as i64))
}

fn len_cmd(_: &mut Evaluator, args: &Args) -> EResult<Value> {
    Ok(count(dims_of(args, "len", false)?[0]))
}

fn shape_cmd(_: &mut Evaluator, args: &Args) -> EResult<Value> {
    let [n, m] = dims_of(args, "shape", false)?;
    let out = if is_matrix(args.value(0)) {
        vec![n, m]
    } else {
        vec![n]
    };
    Ok(Value::Vector(
        out.into_iter().map(|k| Expr::int(k as i64)).collect(),
    ))
}

fn rows_cmd(_: &mut Evaluator, args: &Args) -> EResult<Value> {
    Ok(count(dims_of(args, "rows", true)?[0]))
}

fn cols_cmd(_: &mut Evaluator, args: &Args) -> EResult<Value> {
    Ok(count(dims_of(args, "cols", true)?[1]))
}
