//! The engine's values as Python objects, read from the typed `Value` (never from its text):
//! exact rationals as `fractions.Fraction`, booleans as `bool`, other exact expressions as
//! their text (which sigma parses back to the same value), certified approximations as
//! `decimal.Decimal`, vectors and matrices as (nested) lists, float64 arrays as numpy arrays
//! when numpy is installed, and the endpoints of interval sets as `sigma.Interval` objects.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyComplex, PyList};
use sigma::math::answer::{Endpoint, Interval, IntervalSet};
use sigma::math::linalg::float64::Float64;
use sigma::math::{Expr, Q};
use sigma::render::text;
use sigma::Value;

/// An arbitrary-precision integer as a Python `int`. The digits go through base 16, which
/// Python's limit on decimal string conversions (4300 digits) does not restrict.
fn int<'py>(py: Python<'py>, n: &rug::Integer) -> PyResult<Bound<'py, PyAny>> {
    let int = py
        .import(intern!(py, "builtins"))?
        .getattr(intern!(py, "int"))?;
    int.call1((n.to_string_radix(16), 16))
}

/// An exact rational as a `fractions.Fraction`.
pub fn fraction<'py>(py: Python<'py>, q: &Q) -> PyResult<Bound<'py, PyAny>> {
    let fraction = py
        .import(intern!(py, "fractions"))?
        .getattr(intern!(py, "Fraction"))?;
    fraction.call1((int(py, q.numer())?, int(py, q.denom())?))
}

/// An exact expression: a `Fraction` when it is a rational number, else its text.
pub fn expr<'py>(py: Python<'py>, e: &Expr) -> PyResult<Bound<'py, PyAny>> {
    match e.as_num() {
        Some(q) => fraction(py, q),
        None => Ok(text::expr(e).into_pyobject(py)?.into_any()),
    }
}

/// A list of exact expressions (see [`expr`]).
pub fn exprs<'py>(py: Python<'py>, xs: &[Expr]) -> PyResult<Bound<'py, PyList>> {
    let items = xs
        .iter()
        .map(|x| expr(py, x))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// Certified decimal digits as a `decimal.Decimal` (every digit shown is correct).
fn decimal<'py>(py: Python<'py>, digits: &str) -> PyResult<Bound<'py, PyAny>> {
    let decimal = py
        .import(intern!(py, "decimal"))?
        .getattr(intern!(py, "Decimal"))?;
    decimal.call1((digits,))
}

/// `xs` as a numpy array when numpy is installed, else the list itself.
fn maybe_numpy<'py>(py: Python<'py>, xs: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    match py.import(intern!(py, "numpy")) {
        Ok(np) => np.call_method1(intern!(py, "array"), (xs,)),
        Err(_) => Ok(xs),
    }
}

/// A float64 value: a `float`, or a list (a numpy array when numpy is installed) of floats,
/// rows of floats, complex numbers, or a polynomial's coefficients from the constant up.
fn float64<'py>(py: Python<'py>, f: &Float64) -> PyResult<Bound<'py, PyAny>> {
    let list = match f {
        Float64::Scalar(x) => return Ok(x.into_pyobject(py)?.into_any()),
        Float64::Vector(xs) => PyList::new(py, xs)?,
        Float64::Poly { coeffs, .. } => PyList::new(py, coeffs)?,
        Float64::Matrix(m) => {
            let rows = (0..m.nrows())
                .map(|i| PyList::new(py, m.row(i).iter()))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, rows)?
        }
        Float64::Complex(zs) => PyList::new(
            py,
            zs.iter()
                .map(|&(re, im)| PyComplex::from_doubles(py, re, im)),
        )?,
    };
    maybe_numpy(py, list.into_any())
}

/// The Python value of a sigma value (the `value` attribute of a result).
pub fn value<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Expr(e) => expr(py, e)?,
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Vector(xs) => exprs(py, xs)?.into_any(),
        Value::Matrix(rows) => {
            let rows = rows
                .iter()
                .map(|r| exprs(py, r))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, rows)?.into_any()
        }
        Value::Approx(a) => decimal(py, &a.value.text)?,
        Value::ApproxVector(xs) => {
            let items = xs
                .iter()
                .map(|a| decimal(py, &a.value.text))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Float(f) => float64(py, f)?,
        // Typed answers, series, relations and plots: their text (the typed fields of the
        // result carry their data).
        other => text::value(other).into_pyobject(py)?.into_any(),
    })
}

/// One interval of a set of reals, with its endpoints' brackets and verdicts.
#[pyclass(name = "Interval", module = "sigma", frozen, get_all)]
pub struct PyInterval {
    /// The lower endpoint as sigma text (`-oo` when unbounded below).
    lo: String,
    /// The upper endpoint as sigma text (`oo` when unbounded above).
    hi: String,
    /// Whether the lower endpoint belongs to the set (`None`: not decided).
    lo_closed: Option<bool>,
    /// Whether the upper endpoint belongs to the set (`None`: not decided).
    hi_closed: Option<bool>,
    /// For an interval of convergence: the verdict at the lower endpoint (`None` otherwise).
    lo_verdict: Option<String>,
    /// For an interval of convergence: the verdict at the upper endpoint (`None` otherwise).
    hi_verdict: Option<String>,
    /// The lower endpoint as a `Fraction` when it is rational, else its text.
    lo_value: Py<PyAny>,
    /// The upper endpoint as a `Fraction` when it is rational, else its text.
    hi_value: Py<PyAny>,
}

#[pymethods]
impl PyInterval {
    fn __repr__(&self) -> String {
        let bracket = |c: Option<bool>, closed: &'static str, open: &'static str| match c {
            Some(true) => closed,
            Some(false) => open,
            None => "?",
        };
        format!(
            "Interval({}{}, {}{})",
            bracket(self.lo_closed, "[", "("),
            self.lo,
            self.hi,
            bracket(self.hi_closed, "]", ")")
        )
    }
}

fn endpoint_parts(e: &Endpoint) -> (String, Option<bool>, Option<String>) {
    (
        text::expr(&e.value),
        e.inclusion.closed(),
        e.verdict.as_ref().map(|v| v.kind.name().to_string()),
    )
}

impl PyInterval {
    fn new(py: Python<'_>, i: &Interval) -> PyResult<Self> {
        let (lo, lo_closed, lo_verdict) = endpoint_parts(&i.lo);
        let (hi, hi_closed, hi_verdict) = endpoint_parts(&i.hi);
        Ok(PyInterval {
            lo,
            hi,
            lo_closed,
            hi_closed,
            lo_verdict,
            hi_verdict,
            lo_value: expr(py, &i.lo.value)?.unbind(),
            hi_value: expr(py, &i.hi.value)?.unbind(),
        })
    }
}

/// The intervals of a set of reals, in increasing order.
pub fn intervals(py: Python<'_>, s: &IntervalSet) -> PyResult<Vec<Py<PyInterval>>> {
    s.intervals
        .iter()
        .map(|i| Py::new(py, PyInterval::new(py, i)?))
        .collect()
}
