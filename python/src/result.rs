//! `sigma.Result`: one statement's outcome as Python sees it — its value as Python objects,
//! its text, LaTeX, steps and conditions, the typed fields of verdicts, interval sets and
//! series, the JSON of the existing renderer, and the notebook display hooks.

use crate::convert;
use pyo3::prelude::*;
use pyo3::types::PyList;
use sigma::math::answer::{GeneralTerm, Quantity};
use sigma::math::limit::Limit;
use sigma::render::{self, json, latex, text};
use sigma::{Format, Outcome, OutcomeKind, Value};

/// The result of one statement evaluated by a `sigma.Session`.
///
/// `value` is the value as Python objects, `text` what the REPL prints, `latex` its LaTeX
/// (math mode, no delimiters); verdicts, interval sets and series carry typed fields.
#[pyclass(name = "Result", module = "sigma", frozen)]
pub struct PyOutcome {
    outcome: Outcome,
}

impl PyOutcome {
    pub fn new(outcome: Outcome) -> Self {
        PyOutcome { outcome }
    }

    /// The statement's value: of an expression or a binding (not of a definition, heading
    /// or prose line).
    fn val(&self) -> Option<&Value> {
        match &self.outcome.kind {
            OutcomeKind::Value(v) | OutcomeKind::Binding { value: v, .. } => Some(v),
            _ => None,
        }
    }

    /// The verdict's or test report's quantity.
    fn quantity_of(&self) -> Option<&Quantity> {
        match self.val()? {
            Value::Verdict(v) => v.quantity.as_ref(),
            Value::TestReport(r) => r.quantity.as_ref(),
            _ => None,
        }
    }
}

#[pymethods]
impl PyOutcome {
    /// The value as Python objects: `Fraction` for an exact rational, `bool` for a truth
    /// value, `Decimal` (every digit certified) for an approximation, a list of those for
    /// a vector, a list of rows for a matrix, float/numpy for float64 values, and the
    /// exact text (which sigma reads back) for any other expression or answer.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.outcome.kind {
            OutcomeKind::Value(v) | OutcomeKind::Binding { value: v, .. } => convert::value(py, v),
            _ => Ok(self.text().into_pyobject(py)?.into_any()),
        }
    }

    /// The result as the REPL prints it (`x = 1/2`, `≈ 3.14…`, conditions after the value).
    #[getter]
    fn text(&self) -> String {
        Format::Text.render(&self.outcome, false)
    }

    /// The result in LaTeX math mode without delimiters (a binding as `x = …`).
    #[getter]
    fn latex(&self) -> String {
        match &self.outcome.kind {
            OutcomeKind::Heading(h) => render::escape::tex_text(h),
            OutcomeKind::Prose(p) => latex::prose(p),
            _ => latex::outcome_math(&self.outcome),
        }
    }

    /// The derivation, one line per step: the claim (with its result) and, in brackets,
    /// the rule or test that justifies it.
    #[getter]
    fn steps(&self) -> Vec<String> {
        self.outcome
            .steps
            .steps
            .iter()
            .map(|st| {
                let claim = match &st.result {
                    Some(e) if st.claim.is_empty() => text::expr(e),
                    Some(e) => format!("{} {}", st.claim, text::expr(e)),
                    None => st.claim.to_string(),
                };
                format!("{claim}  [{}]", st.reason)
            })
            .collect()
    }

    /// The derivation as a numbered Markdown list (mathematics in `$…$`), or "" when the
    /// value needed no steps.
    #[getter]
    fn steps_markdown(&self) -> String {
        render::markdown::steps_list(&self.outcome)
            .trim_start()
            .to_string()
    }

    /// What the value holds under (`|r| < 1`), possibly empty.
    #[getter]
    fn conditions(&self) -> Vec<String> {
        let c = &self.outcome.steps.conditions;
        c.iter().map(|c| c.to_string()).collect()
    }

    /// Whether the value is an approximation (certified digits or float64).
    #[getter]
    fn approximate(&self) -> bool {
        self.val().is_some_and(|v| !v.is_exact())
    }

    /// The kind of value, as in the JSON schema: `number`, `expression`, `approximation`,
    /// `boolean`, `relation`, `vector`, `matrix`, `series`, `verdict`, `test_report`,
    /// `limit`, `interval_set`, `general_term`, `approximate_vector`, `plot`, float64 kinds;
    /// `function` for a definition, `heading` or `prose` for those lines.
    #[getter]
    fn kind(&self) -> &'static str {
        match &self.outcome.kind {
            OutcomeKind::Value(v) | OutcomeKind::Binding { value: v, .. } => v.kind(),
            OutcomeKind::Definition { .. } => "function",
            OutcomeKind::Heading(_) => "heading",
            OutcomeKind::Prose(_) => "prose",
        }
    }

    /// The bound name of a binding (`x = …`) or definition (`f(x) = …`), else `None`.
    #[getter]
    fn name(&self) -> Option<String> {
        match &self.outcome.kind {
            OutcomeKind::Binding { name, .. } | OutcomeKind::Definition { name, .. } => {
                Some(name.clone())
            }
            _ => None,
        }
    }

    /// The statement as written.
    #[getter]
    fn input(&self) -> String {
        self.outcome.input.clone()
    }

    /// A convergence verdict's kind: `converges_absolutely`, `converges_conditionally`,
    /// `diverges` or `unknown`; `None` for other values.
    #[getter]
    fn verdict(&self) -> Option<&'static str> {
        match self.val()? {
            Value::Verdict(v) => Some(v.kind.name()),
            _ => None,
        }
    }

    /// The test that decided a verdict (`ratio`, `root`, `raabe`, `gauss`, `pseries`,
    /// `comparison`, `integral`, `nth_term`, `geometric`, `alternating`, `dirichlet`,
    /// `telescoping`), or the test a test report ran; `None` otherwise.
    #[getter]
    fn test(&self) -> Option<&'static str> {
        match self.val()? {
            Value::Verdict(v) => v.test.map(|t| t.name()),
            Value::TestReport(r) => Some(r.test.name()),
            _ => None,
        }
    }

    /// What a test report found: `converges_absolutely`, `converges`, `diverges`,
    /// `absolutely_diverges`, `inconclusive`, `not_applicable`, `unknown`; else `None`.
    #[getter]
    fn finding(&self) -> Option<&'static str> {
        match self.val()? {
            Value::TestReport(r) => Some(r.finding.name()),
            _ => None,
        }
    }

    /// The quantity the deciding test computed (the ratio test's limit, a p-series' p) as
    /// exact text, or `None`.
    #[getter]
    fn quantity(&self) -> Option<String> {
        self.quantity_of().map(|q| text::expr(&q.value))
    }

    /// What the quantity is (`lim |a(n+1)/a(n)|`), or `None`.
    #[getter]
    fn quantity_name(&self) -> Option<String> {
        self.quantity_of().map(|q| q.name.text.clone())
    }

    /// An interval set's intervals (`interval`, `solve`) in increasing order, each a
    /// `sigma.Interval`; `None` for other values.
    #[getter]
    fn intervals(&self, py: Python<'_>) -> PyResult<Option<Vec<Py<convert::PyInterval>>>> {
        match self.val() {
            Some(Value::IntervalSet(s)) => convert::intervals(py, s).map(Some),
            _ => Ok(None),
        }
    }

    /// The variable of an interval set or a series, or `None`.
    #[getter]
    fn variable(&self) -> Option<String> {
        match self.val()? {
            Value::IntervalSet(s) => s.var.clone(),
            Value::Series(s) => Some(s.var.clone()),
            _ => None,
        }
    }

    /// A series' coefficients c_0 … c_(n−1) of Σ c_k (x − a)^k + O((x − a)^n), each a
    /// `Fraction` when rational, else its exact text; `None` for other values.
    #[getter]
    fn coefficients<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyList>>> {
        match self.val() {
            Some(Value::Series(s)) => convert::exprs(py, &s.coeffs).map(Some),
            _ => Ok(None),
        }
    }

    /// A series' centre a (a `Fraction` when rational), or `None`.
    #[getter]
    fn center<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.val() {
            Some(Value::Series(s)) => convert::expr(py, &s.center).map(Some),
            _ => Ok(None),
        }
    }

    /// A limit that is not a value: `does_not_exist` or `unknown` (finite and infinite
    /// limits are expressions, in `value`); `None` for other values.
    #[getter]
    fn limit(&self) -> Option<&'static str> {
        match self.val()? {
            Value::Limit(Limit::DoesNotExist(_)) => Some("does_not_exist"),
            Value::Limit(Limit::Unknown(_)) => Some("unknown"),
            Value::Limit(_) => Some("value"),
            _ => None,
        }
    }

    /// A general term's form: `formula`, `polynomial`, `recurrence` or `unknown`; `None`
    /// for other values.
    #[getter]
    fn form(&self) -> Option<&'static str> {
        match self.val()? {
            Value::Term(GeneralTerm::Formula { .. }) => Some("formula"),
            Value::Term(GeneralTerm::Polynomial(_)) => Some("polynomial"),
            Value::Term(GeneralTerm::Recurrence(_)) => Some("recurrence"),
            Value::Term(GeneralTerm::Unknown(_)) => Some("unknown"),
            _ => None,
        }
    }

    /// A general term formula's pieces, each `(term, index, start)`: the series is the sum of
    /// `term` over `index >= start` (plus a correction to the initial terms, in `text`);
    /// `None` for other values.
    #[getter]
    fn pieces(&self) -> Option<Vec<(String, String, i64)>> {
        match self.val()? {
            Value::Term(GeneralTerm::Formula { pieces, .. }) => Some(
                pieces
                    .iter()
                    .map(|p| (text::expr(&p.term), p.index.clone(), p.start))
                    .collect(),
            ),
            _ => None,
        }
    }

    /// Whether the REPL would print this result: `False` for a statement ended with `;`.
    #[getter]
    fn printed(&self) -> bool {
        self.outcome.printed()
    }

    /// The result in one of sigma's output formats, `text`, `markdown`, `latex` or `json`
    /// (as `sigma --format F` writes one statement), with its derivation steps when
    /// `steps` is true.
    #[pyo3(signature = (format = "text", steps = false))]
    fn render(&self, format: &str, steps: bool) -> PyResult<String> {
        let format: Format = format
            .parse()
            .map_err(pyo3::exceptions::PyValueError::new_err)?;
        Ok(format.render(&self.outcome, steps))
    }

    /// The statement as the JSON renderer writes it (one object of the `statements` list
    /// of `sigma --format json`; the schema is in the README).
    fn to_json(&self) -> String {
        json::outcome(&self.outcome).to_string()
    }

    /// LaTeX for notebooks: `$$…$$` display math with the conditions; `None` for a plot (it
    /// is shown as SVG) and for headings and prose.
    fn _repr_latex_(&self) -> Option<String> {
        match &self.outcome.kind {
            OutcomeKind::Heading(_) | OutcomeKind::Prose(_) => None,
            _ if self.plot().is_some() => None,
            _ => Some(format!(
                "$${}{}$$",
                latex::outcome_math(&self.outcome),
                latex::conditions(&self.outcome)
            )),
        }
    }

    /// A plot as SVG for notebooks; `None` for other values.
    fn _repr_svg_(&self) -> PyResult<Option<String>> {
        match self.plot() {
            Some(p) => render::plot::svg(p)
                .map(Some)
                .map_err(pyo3::exceptions::PyRuntimeError::new_err),
            None => Ok(None),
        }
    }

    fn __repr__(&self) -> String {
        self.text()
    }

    fn __str__(&self) -> String {
        self.text()
    }
}

impl PyOutcome {
    fn plot(&self) -> Option<&sigma::math::plot::Plot> {
        match self.val()? {
            Value::Plot(p) => Some(p),
            _ => None,
        }
    }
}
