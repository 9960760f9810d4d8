//! Float64 builtins: `float` (an exact matrix, vector or number rounded to doubles), `svd`
//! (singular values), `lstsq` (least squares), `polyfit` (a least-squares polynomial of
//! samples computed from the certified value of f) and `max_error` (the largest error on a
//! grid, its exact value certified), plus the float64 cases of `norm` and `eigenvalues`.
//! Float64 results are machine approximations and are printed as approximate.

use super::args::{req, Args, Kind};
use super::{Builtin, Impl};
use crate::eval::float_ops::to_float64;
use crate::eval::value::{article, Approx, Value};
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::Notation;
use crate::math::expr::{self, Expr, Func};
use crate::math::float::{self, native};
use crate::math::linalg::float64::{decomp, Float64};
use crate::math::number::Q;
use crate::render::float::{number, text};
use crate::rich;
use crate::source::Span;
use nalgebra::DMatrix;

pub const FLOAT: Builtin = Builtin {
    name: "float",
    signature: "float(A)",
    summary: "A (a matrix, vector or number) as float64: each entry rounded to the nearest double; float64 arithmetic is fast and printed as approximate (≈, 6 digits)",
    example: "float([[1/3, 1], [0, 2]]) → ≈ [[0.333333, 1], [0, 2]]",
    forms: &[&[req(Kind::Value)]],
    imp: Impl::Command(float_cmd),
};

pub const SVD: Builtin = Builtin {
    name: "svd",
    signature: "svd(A)",
    summary: "the singular values of a matrix, largest first, in float64 (nalgebra's SVD)",
    example: "svd([[3, 0], [4, 5]]) → ≈ [6.7082, 2.23607]",
    forms: &[&[req(Kind::Value)]],
    imp: Impl::Command(svd_cmd),
};

pub const LSTSQ: Builtin = Builtin {
    name: "lstsq",
    signature: "lstsq(A, b)",
    summary:
        "the least-squares solution x of A x ≈ b (the minimum-norm one), in float64 by the SVD",
    example: "lstsq([[1, 0], [1, 1], [1, 2]], [1, 2, 4]) → ≈ [0.833333, 1.5]",
    forms: &[&[req(Kind::Value), req(Kind::Value)]],
    imp: Impl::Command(lstsq_cmd),
};

const FIT_VAR: Kind = Kind::Var {
    what: "the variable",
    over: &[0],
};

pub const POLYFIT: Builtin = Builtin {
    name: "polyfit",
    signature: "polyfit(f, x, [a, b], points, degree)",
    summary: "the least-squares polynomial of the given degree through f at `points` equally spaced samples on [a, b] (each sample certified, the fit in float64); approximate coefficients",
    example: "polyfit(x^2, x, [0, 1], 3, 1) → ≈ -0.0833333 + x",
    forms: &[&[
        req(Kind::Expr),
        req(FIT_VAR),
        req(Kind::Value),
        req(Kind::Order {
            what: "the number of points",
            max: 100_000,
        }),
        req(Kind::Order {
            what: "the degree",
            max: 30,
        }),
    ]],
    imp: Impl::Command(polyfit_cmd),
};

pub const MAX_ERROR: Builtin = Builtin {
    name: "max_error",
    signature: "max_error(f, p, x, [a, b], samples)",
    summary: "the largest abs(f(x) − p(x)) over `samples` equally spaced points of [a, b] (a grid maximum, not a certified supremum), its value certified",
    example: "max_error(x^2, x, x, [0, 1], 3) → ≈ 0.250000000000000",
    forms: &[&[
        req(Kind::Expr),
        req(Kind::Value),
        req(Kind::Var {
            what: "the variable",
            over: &[0, 1],
        }),
        req(Kind::Value),
        req(Kind::Order {
            what: "the number of samples",
            max: 1_000_000,
        }),
    ]],
    imp: Impl::Command(max_error_cmd),
};

fn float_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let f = to_float64(args.value(0), args.span_of(0))?;
    ev.steps.push(
        format!("{} → {}", args.value(0).kind(), f.kind()),
        "each entry rounded to the nearest double (IEEE 754 binary64) from its certified value",
    );
    Ok(Value::Float(f))
}

/// Argument `i` as a float64 matrix (a vector is a column).
fn matrix_arg(args: &Args, i: usize, what: &str) -> EResult<DMatrix<f64>> {
    match to_float64(args.value(i), args.span_of(i))? {
        Float64::Matrix(m) => Ok(m),
        Float64::Vector(v) => Ok(DMatrix::from_column_slice(v.len(), 1, &v)),
        _ => Err(EvalError::new(
            format!(
                "{what} must be a matrix, not {}",
                article(args.value(i).kind())
            ),
            args.span_of(i),
        )),
    }
}

fn list(xs: &[f64]) -> String {
    format!(
        "[{}]",
        xs.iter().map(|x| number(*x)).collect::<Vec<_>>().join(", ")
    )
}

fn svd_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let m = matrix_arg(args, 0, "svd's argument")?;
    let s = decomp::singular_values(&m).map_err(|e| EvalError::new(e, args.span_of(0)))?;
    ev.steps.push(
        format!(
            "A is {}×{}; singular values σ ≈ {}",
            m.nrows(),
            m.ncols(),
            list(&s)
        ),
        "float64 SVD (nalgebra: Householder bidiagonalisation, then implicit-shift QR); approximate",
    );
    Ok(Value::Float(Float64::Vector(s)))
}

fn lstsq_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let a = matrix_arg(args, 0, "A")?;
    let b = match to_float64(args.value(1), args.span_of(1))? {
        Float64::Vector(v) => v,
        Float64::Matrix(m) if m.ncols() == 1 => m.iter().copied().collect(),
        other => {
            return Err(EvalError::new(
                format!("b must be a vector, not {}", article(other.kind())),
                args.span_of(1),
            ))
        }
    };
    let ls = decomp::lstsq(&a, &b).map_err(|e| EvalError::new(e, args.span_of(1)))?;
    ev.steps.push(
        rich![
            "minimise ",
            Notation::new("‖A x − b‖₂", "\\|A x - b\\|_2"),
            format!(
                " with A {}×{}: singular values σ ≈ {}, numerical rank {}",
                a.nrows(),
                a.ncols(),
                list(&ls.singular),
                ls.rank
            )
        ],
        "float64 SVD; singular values below max(r, c)·ε·σ_max count as zero (minimum-norm solution)",
    );
    ev.steps.push(
        rich![
            format!("x ≈ {}, residual ", list(&ls.x)),
            Notation::new("‖A x − b‖₂", "\\|A x - b\\|_2"),
            format!(" ≈ {}", number(ls.residual))
        ],
        "x = V Σ^+ U^T b in float64; approximate",
    );
    Ok(Value::Float(Float64::Vector(ls.x)))
}

/// The interval argument `[a, b]` with a < b, exact.
fn interval(args: &Args, i: usize) -> EResult<(Q, Q)> {
    let bad = || {
        EvalError::new(
            "the interval must be [a, b] with numbers a < b",
            args.span_of(i),
        )
        .with_help("write the interval as a two-entry vector, e.g. [-1, 1]")
    };
    let Value::Vector(v) = args.value(i) else {
        return Err(bad());
    };
    match v.as_slice() {
        [Expr::Num(a), Expr::Num(b)] if a.0 < b.0 => Ok((a.clone(), b.clone())),
        _ => Err(bad()),
    }
}

/// `n` equally spaced exact points a + i·(b − a)/(n − 1), i = 0..n−1.
fn grid(a: &Q, b: &Q, n: u64) -> Vec<Q> {
    let h = step(a, b, n);
    (0..n).map(|i| a.add(&h.mul(&Q::int(i as i64)))).collect()
}

/// The spacing (b − a)/(n − 1) of an n-point grid.
fn step(a: &Q, b: &Q, n: u64) -> Q {
    b.sub(a).mul(&Q::frac(1, (n - 1).max(1) as i64))
}

/// `e` (with `var` bound to each point) rounded to a double at every point.
fn sample(ev: &mut Evaluator, e: &Expr, var: &str, xs: &[Q], span: Span) -> EResult<Vec<f64>> {
    let mut out = Vec::with_capacity(xs.len());
    for x in xs {
        ev.check_interrupt(span)?;
        let v = native::nearest_at(e, Some((var, x)), "a sample")
            .map_err(|m| EvalError::math(m, span).with_label(format!("at {var} = {x}")))?;
        out.push(v);
    }
    Ok(out)
}

fn to_f64(q: &Q) -> f64 {
    native::nearest(&Expr::Num(q.clone())).unwrap_or(f64::NAN)
}

fn polyfit_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let (f, x) = (args.expr(0), args.var(1));
    let (a, b) = interval(args, 2)?;
    let (points, degree) = (args.order(3), args.order(4) as usize);
    if points < 2 || points as usize <= degree {
        return Err(EvalError::new(
            format!("a degree-{degree} fit needs more than {degree} points (and at least 2)"),
            args.span_of(3),
        ));
    }
    let xs = grid(&a, &b, points);
    let ys = sample(ev, f, x, &xs, args.span_of(0))?;
    let xf: Vec<f64> = xs.iter().map(to_f64).collect();
    ev.steps.push(
        rich![
            format!(
                "samples x_i = {a} + i·{}, i = 0..{}, y_i = ",
                step(&a, &b, points),
                points - 1
            ),
            f,
            format!(" at x_i")
        ],
        "each y_i is the double nearest to the exact value, from a certified ball evaluation",
    );
    let fit = decomp::polyfit(&xf, &ys, degree, to_f64(&a), to_f64(&b))
        .map_err(|e| EvalError::new(e, args.span()))?;
    let (smax, smin) = (
        fit.singular.first().copied().unwrap_or(0.0),
        fit.singular.last().copied().unwrap_or(0.0),
    );
    ev.steps.push(
        format!(
            "design matrix V ({}×{}), V_ij = t_i^j with t = (2{x} − a − b)/(b − a) ∈ [−1, 1]; singular values σ ≈ {}, condition number ≈ {}",
            fit.rows,
            degree + 1,
            list(&fit.singular),
            if smin > 0.0 { number(smax / smin) } else { "∞".into() }
        ),
        "a Vandermonde matrix in the scaled variable keeps the columns well conditioned",
    );
    ev.steps.push(
        rich![
            "minimise ",
            Notation::new("‖V c − y‖₂", "\\|V c - y\\|_2"),
            format!(" (rank {}); p({x}) mapped back from t to {x}", fit.rank)
        ],
        "least squares by the float64 SVD (nalgebra), not by the normal equations V^T V c = V^T y, whose condition number is the square",
    );
    let p = Float64::Poly {
        var: x.to_string(),
        coeffs: fit.coeffs,
    };
    ev.steps.push(
        Notation::new(
            format!("p({x}) {}", text(&p)),
            format!("p({x}) {}", crate::render::float::latex(&p)),
        ),
        "float64 coefficients: approximate",
    );
    ev.steps.push(
        rich![
            "residual ",
            Notation::new("‖V c − y‖₂", "\\|V c - y\\|_2"),
            format!(
                " ≈ {}, largest |p(x_i) − y_i| at the samples ≈ {}",
                number(fit.residual),
                number(fit.max_residual)
            )
        ],
        "float64; the error between and beyond the samples is max_error's job",
    );
    Ok(Value::Float(p))
}

/// `Σ c_k x^k` with each double coefficient read as the exact binary fraction it is.
fn exact_poly(coeffs: &[f64], x: &str, span: Span) -> EResult<Expr> {
    let math = |e| EvalError::math(e, span);
    let mut terms = Vec::new();
    for (k, c) in coeffs.iter().enumerate() {
        let q =
            native::exact(*c).ok_or_else(|| EvalError::new("a coefficient is not finite", span))?;
        let pow = expr::pow(Expr::sym(x), Expr::int(k as i64)).map_err(math)?;
        terms.push(expr::mul(vec![Expr::Num(q), pow]).map_err(math)?);
    }
    expr::add(terms).map_err(math)
}

fn max_error_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let (f, x, span) = (args.expr(0), args.var(2), args.span());
    let math = |e| EvalError::math(e, span);
    let shown = match args.value(1) {
        Value::Float(f) => Some(Notation::new(
            format!("p({x}) {}", text(f)),
            format!("p({x}) {}", crate::render::float::latex(f)),
        )),
        _ => None,
    };
    let p = match args.value(1) {
        Value::Float(Float64::Poly { var, coeffs }) if var == x => exact_poly(coeffs, x, span)?,
        Value::Float(Float64::Poly { var, .. }) => {
            return Err(EvalError::new(
                format!("p is a polynomial in {var}, not in {x}"),
                args.span_of(1),
            ))
        }
        Value::Expr(e) => e.clone(),
        Value::Approx(a) => a.exact.clone(),
        other => {
            return Err(EvalError::new(
                format!(
                    "p must be an expression or a polyfit result, not {}",
                    article(other.kind())
                ),
                args.span_of(1),
            ))
        }
    };
    let (a, b) = interval(args, 3)?;
    let n = args.order(4);
    if n < 2 {
        return Err(EvalError::new(
            "at least 2 samples are needed",
            args.span_of(4),
        ));
    }
    let d = expr::sub(f.clone(), p).map_err(math)?;
    let xs = grid(&a, &b, n);
    let errs = sample(ev, &d, x, &xs, args.span_of(0))?;
    // The first largest sampled error; its exact value is then certified.
    let k = (0..errs.len()).fold(0, |k, i| if errs[i].abs() > errs[k].abs() { i } else { k });
    let xk = xs[k].clone();
    let at = expr::subst::subs(&d, x, &Expr::Num(xk.clone())).map_err(math)?;
    let exact = expr::func(Func::Abs, vec![at]).map_err(math)?;
    let value = float::evaluate(&exact, ev.settings.digits).map_err(math)?;
    let approx = Approx { exact, value };
    let grid_text = format!(
        " at {n} equally spaced points {x}_i = {a} + i·{}, i = 0..{}",
        step(&a, &b, n),
        n - 1
    );
    let claim = match shown {
        Some(p) => rich![
            format!("e({x}) = |"),
            f,
            format!(" − p({x})| with "),
            p,
            grid_text
        ],
        None => rich![format!("e({x}) = |"), &d, format!("|{grid_text}")],
    };
    ev.steps.push(
        claim,
        "a float64 polynomial's coefficients are read as the exact binary fractions they are; each e(x_i) rounded to a double from a certified evaluation",
    );
    ev.steps.push(
        format!("largest at {x} = {xk}: e({xk}) ≈ {}", approx.value.text),
        format!(
            "a maximum over the {n} grid points, certified at that point; not a certified supremum over [{a}, {b}]: between grid points the error may be slightly larger"
        ),
    );
    Ok(Value::Approx(approx))
}

/// `norm` of a float64 matrix or vector: Frobenius (default), 1, ∞, or 2 (the largest
/// singular value).
pub fn norm_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let m = matrix_arg(args, 0, "norm's argument")?;
    let kind = if args.count() > 1 {
        match args.value(1) {
            Value::Expr(e) if e.is_one() => "1",
            Value::Expr(e) if *e == Expr::int(2) => "2",
            Value::Expr(e) if *e == Expr::infinity() => "oo",
            Value::Expr(Expr::Sym(s)) if &**s == "fro" => "fro",
            _ => {
                return Err(EvalError::new("unknown norm", args.span_of(1))
                    .with_help("write norm(A, 1), norm(A, 2), norm(A, oo) or norm(A, fro)"))
            }
        }
    } else {
        "fro"
    };
    let abs_sums = |v: Vec<f64>| v.into_iter().fold(0.0, f64::max);
    let (v, how) = match kind {
        "1" => (
            abs_sums(
                m.column_iter()
                    .map(|c| c.iter().map(|x| x.abs()).sum())
                    .collect(),
            ),
            "the largest absolute column sum",
        ),
        "oo" => (
            abs_sums(
                m.row_iter()
                    .map(|r| r.iter().map(|x| x.abs()).sum())
                    .collect(),
            ),
            "the largest absolute row sum",
        ),
        "2" => (
            decomp::norm2(&m).map_err(|e| EvalError::new(e, args.span_of(0)))?,
            "the largest singular value (float64 SVD)",
        ),
        _ => (m.norm(), "the square root of the sum of squared entries"),
    };
    let tex_kind = if kind == "oo" { "\\infty" } else { kind };
    ev.steps.push(
        Notation::new(
            format!("norm(A, {kind}) ≈ {}", number(v)),
            format!("\\|A\\|_{{{tex_kind}}} \\approx {}", number(v)),
        ),
        format!("{how}; float64, approximate"),
    );
    Ok(Value::Float(Float64::Scalar(v)))
}

/// `eigenvalues` of a float64 matrix: complex pairs included, largest modulus first.
pub fn eigenvalues_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let m = matrix_arg(args, 0, "the argument")?;
    let e = decomp::eigenvalues(&m).map_err(|e| EvalError::new(e, args.span_of(0)))?;
    ev.steps.push(
        format!("A is {}×{} float64", m.nrows(), m.ncols()),
        "eigenvalues from the real Schur form (nalgebra: Hessenberg reduction, Francis double-shift QR); float64, approximate, largest modulus first",
    );
    Ok(Value::Float(if e.iter().all(|(_, im)| *im == 0.0) {
        Float64::Vector(e.into_iter().map(|(re, _)| re).collect())
    } else {
        Float64::Complex(e)
    }))
}
