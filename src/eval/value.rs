//! The values a statement can produce: exact expressions, certified approximations, truth
//! values, relations kept symbolic, vectors and matrices. Rendering lives in `render/`.

use crate::math::answer::{GeneralTerm, IntervalSet, TestReport, Verdict};
use crate::math::float::Approx as FloatApprox;
use crate::math::limit::Limit;
use crate::math::Expr;

pub use crate::math::logic::{Formula, Rel};

/// A numeric approximation together with the exact value it approximates, so arithmetic on
/// approximations can be redone exactly and re-certified.
#[derive(Debug, Clone, PartialEq)]
pub struct Approx {
    pub exact: Expr,
    pub value: FloatApprox,
}

/// `kind` with its indefinite article: "an expression", "a matrix".
pub fn article(kind: &str) -> String {
    let vowel = kind.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {kind}", if vowel { "an" } else { "a" })
}

/// A truncated power series `Σ c_k (x − a)^k + O((x − a)^n)`, `n = coeffs.len()`.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesValue {
    pub var: String,
    pub center: Expr,
    pub coeffs: Vec<Expr>,
}

/// The result of evaluating an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// An exact symbolic value (numbers included).
    Expr(Expr),
    /// An approximation whose printed digits are all correct.
    Approx(Approx),
    Bool(bool),
    /// A proposition that cannot be decided yet (a comparison chain with symbolic sides, or
    /// a combination of such by `and`, `or`, `not`), kept for `solve` and `assume`.
    Formula(Formula),
    /// A vector of exact entries.
    Vector(Vec<Expr>),
    /// A matrix of exact entries, row-major, all rows of equal length.
    Matrix(Vec<Vec<Expr>>),
    /// A truncated power series.
    Series(SeriesValue),
    /// The verdict on a series' convergence.
    Verdict(Verdict),
    /// What one named convergence test showed.
    TestReport(TestReport),
    /// A limit that is not a value: does not exist, or unknown (finite and infinite limits
    /// are expressions).
    Limit(Limit),
    /// A set of reals (an interval of convergence with its endpoints' verdicts).
    IntervalSet(IntervalSet),
    /// The general term of a series.
    Term(GeneralTerm),
    /// A vector of approximations, each with the exact value it approximates.
    ApproxVector(Vec<Approx>),
    /// A float64 value (matrix, vector, polynomial, …): fast, uncertified, printed as approximate.
    Float(crate::math::linalg::float64::Float64),
    /// A plot: sampled series on one set of axes (drawn by the renderers, written to a file
    /// by the front ends).
    Plot(Box<crate::math::plot::Plot>),
}

impl Value {
    /// A short name of the value's kind, used in messages and in JSON output.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Expr(e) if e.as_num().is_some() => "number",
            Value::Expr(_) => "expression",
            Value::Approx(_) => "approximation",
            Value::Bool(_) => "boolean",
            Value::Formula(_) => "relation",
            Value::Vector(_) => "vector",
            Value::Matrix(_) => "matrix",
            Value::Series(_) => "series",
            Value::Verdict(_) => "verdict",
            Value::TestReport(_) => "test_report",
            Value::Limit(_) => "limit",
            Value::IntervalSet(_) => "interval_set",
            Value::Term(_) => "general_term",
            Value::ApproxVector(_) => "approximate_vector",
            Value::Float(f) => f.kind(),
            Value::Plot(_) => "plot",
        }
    }
    /// Whether the value is exact (everything but approximations).
    pub fn is_exact(&self) -> bool {
        !matches!(
            self,
            Value::Approx(_) | Value::ApproxVector(_) | Value::Float(_)
        )
    }
}
