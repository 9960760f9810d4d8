//! Convergence answers as data: the verdict on a series, the test that decided it and the
//! quantity that test computed, and the report of one named test run on its own.

use super::rich::{Notation, Rich};
use crate::math::expr::Expr;
use std::fmt;

/// A convergence test. `test(sum, name)` dispatches on this enum; the pipeline names the
/// one that decided a verdict with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Test {
    NthTerm,
    Geometric,
    PSeries,
    Comparison,
    Integral,
    Ratio,
    Root,
    Raabe,
    /// Gauss's test: a(n+1)/a(n) = ±(1 − p/n + O(1/n²)) for hypergeometric terms.
    Gauss,
    Alternating,
    Dirichlet,
    Telescoping,
}

impl Test {
    /// Every test, in the order `:help test` lists them.
    pub const ALL: [Test; 12] = [
        Test::Ratio,
        Test::Root,
        Test::Raabe,
        Test::Gauss,
        Test::PSeries,
        Test::Alternating,
        Test::Comparison,
        Test::Integral,
        Test::NthTerm,
        Test::Telescoping,
        Test::Geometric,
        Test::Dirichlet,
    ];
    /// The name a user types in `test(sum, name)` and the name in data formats.
    pub fn name(self) -> &'static str {
        match self {
            Test::NthTerm => "nth_term",
            Test::Geometric => "geometric",
            Test::PSeries => "pseries",
            Test::Comparison => "comparison",
            Test::Integral => "integral",
            Test::Ratio => "ratio",
            Test::Root => "root",
            Test::Raabe => "raabe",
            Test::Gauss => "gauss",
            Test::Alternating => "alternating",
            Test::Dirichlet => "dirichlet",
            Test::Telescoping => "telescoping",
        }
    }
    /// The test a name stands for.
    pub fn from_name(s: &str) -> Option<Test> {
        Test::ALL.into_iter().find(|t| t.name() == s)
    }
    /// Whether `test(sum, name)` runs this test on its own (the geometric series and
    /// Dirichlet's test decide verdicts inside the pipeline only).
    pub fn runs_alone(self) -> bool {
        !matches!(self, Test::Geometric | Test::Dirichlet)
    }
    /// The names `test(sum, name)` accepts, for help texts.
    pub fn runnable_names() -> Vec<&'static str> {
        Test::ALL
            .into_iter()
            .filter(|t| t.runs_alone())
            .map(Test::name)
            .collect()
    }
}

impl fmt::Display for Test {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The four possible answers about a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictKind {
    ConvergesAbsolutely,
    ConvergesConditionally,
    Diverges,
    Unknown,
}

impl VerdictKind {
    pub const ALL: [VerdictKind; 4] = [
        VerdictKind::ConvergesAbsolutely,
        VerdictKind::ConvergesConditionally,
        VerdictKind::Diverges,
        VerdictKind::Unknown,
    ];
    /// The name in data formats.
    pub fn name(self) -> &'static str {
        match self {
            VerdictKind::ConvergesAbsolutely => "converges_absolutely",
            VerdictKind::ConvergesConditionally => "converges_conditionally",
            VerdictKind::Diverges => "diverges",
            VerdictKind::Unknown => "unknown",
        }
    }
    pub fn from_name(s: &str) -> Option<VerdictKind> {
        VerdictKind::ALL.into_iter().find(|k| k.name() == s)
    }
    /// `ConvergesAbsolutely` when a test proved Σ|a(n)| converges, `Diverges` otherwise: the
    /// kind of a verdict from a test that decides absolute convergence or divergence.
    pub fn from_converges(converges: bool) -> VerdictKind {
        if converges {
            VerdictKind::ConvergesAbsolutely
        } else {
            VerdictKind::Diverges
        }
    }
    /// Whether the series converges (absolutely or conditionally).
    pub fn converges(self) -> Option<bool> {
        match self {
            VerdictKind::ConvergesAbsolutely | VerdictKind::ConvergesConditionally => Some(true),
            VerdictKind::Diverges => Some(false),
            VerdictKind::Unknown => None,
        }
    }
}

impl fmt::Display for VerdictKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            VerdictKind::ConvergesAbsolutely => "converges absolutely",
            VerdictKind::ConvergesConditionally => "converges conditionally",
            VerdictKind::Diverges => "diverges",
            VerdictKind::Unknown => "unknown",
        })
    }
}

/// The quantity a test computed: its name (`L = lim |a(n+1)/a(n)|`, `p`) and its exact value
/// (`Expr::infinity()` for ∞).
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub name: Notation,
    pub value: Expr,
}

impl Quantity {
    pub fn new(name: Notation, value: Expr) -> Self {
        Quantity { name, value }
    }
    /// `lim |a(n+1)/a(n)|`, the ratio test's L.
    pub fn ratio(value: Expr) -> Self {
        Quantity::new(names::ratio_limit(), value)
    }
    /// `lim a(n)`, the nth-term test's limit.
    pub fn term_limit(value: Expr) -> Self {
        Quantity::new(names::term_limit(), value)
    }
    /// The exponent `p` of a comparison p-series.
    pub fn p(value: Expr) -> Self {
        Quantity::new(Notation::new("p", "p"), value)
    }
}

/// Names of the quantities tests compute, in text and LaTeX.
pub mod names {
    use super::Notation;
    pub fn ratio_limit() -> Notation {
        Notation::new(
            "lim |a(n+1)/a(n)|",
            "\\lim_{n\\to\\infty} \\left|\\frac{a(n+1)}{a(n)}\\right|",
        )
    }
    pub fn term_limit() -> Notation {
        Notation::new("lim a(n)", "\\lim_{n\\to\\infty} a(n)")
    }
    pub fn abs_sum() -> Notation {
        Notation::new("Σ|a(n)|", "\\sum |a(n)|")
    }
    pub fn a_n() -> Notation {
        Notation::new("a(n)", "a(n)")
    }
    pub fn sigma() -> Notation {
        Notation::new("Σ ", "\\sum ")
    }
    /// `|e| < 1`, the condition of a geometric ratio.
    pub fn abs_below_one(e: &crate::math::Expr) -> super::Rich {
        super::Rich::new()
            .and(Notation::new("|", "\\left|"))
            .and(e)
            .and(Notation::new("|", "\\right|"))
            .and(super::super::Op::Lt)
            .and(crate::math::Expr::one())
    }
    /// `Σ_(n=lo)^(hi)` (text) and `\sum_{n=lo}^{hi}` (LaTeX).
    pub fn sigma_range(n: &str, lo: &crate::math::Expr, hi: &crate::math::Expr) -> Notation {
        use crate::math::expr::print::{print, Style};
        let tex = |e| print(e, Style::Latex);
        Notation::new(
            format!("Σ_({n}={lo})^({hi})"),
            format!(
                "\\sum_{{{}={}}}^{{{}}}",
                tex(&crate::math::Expr::sym(n)),
                tex(lo),
                tex(hi)
            ),
        )
    }
    /// `n ≥ lo` (text) and `n \ge lo` (LaTeX), `lo` as printed.
    pub fn at_least(n: &str, lo: impl std::fmt::Display) -> Notation {
        Notation::new(format!("{n} ≥ {lo}"), format!("{n} \\ge {lo}"))
    }
    /// `a(n+1)/a(n)` (text) and its fraction (LaTeX).
    pub fn term_ratio(n: &str) -> Notation {
        Notation::new(
            format!("a({n}+1)/a({n})"),
            format!("\\frac{{a({n}+1)}}{{a({n})}}"),
        )
    }
    /// `Σ_{n≥lo}` (text) and `\sum_{n \ge lo}` (LaTeX), `lo` as printed.
    pub fn sigma_from(n: &str, lo: &str) -> Notation {
        Notation::new(
            format!("Σ_{{{n}≥{lo}}}"),
            format!("\\sum_{{{n} \\ge {lo}}}"),
        )
    }
}

/// The verdict on Σ a(n): what it is, the test that decided it, the quantity that test
/// computed, and the reason. The reason is the whole justification in rich text; for an
/// unknown verdict it begins with "unknown".
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub kind: VerdictKind,
    pub test: Option<Test>,
    pub quantity: Option<Quantity>,
    pub reason: Rich,
}

impl Verdict {
    pub fn new(kind: VerdictKind, test: Test, quantity: Option<Quantity>, reason: Rich) -> Self {
        Verdict {
            kind,
            test: Some(test),
            quantity,
            reason,
        }
    }
    /// An undecided verdict; `reason` begins with "unknown".
    pub fn unknown(reason: Rich) -> Self {
        Verdict {
            kind: VerdictKind::Unknown,
            test: None,
            quantity: None,
            reason,
        }
    }
    /// The whole answer as rich text: "converges absolutely — ratio test: …", or the reason
    /// alone for an unknown verdict.
    pub fn summary(&self) -> Rich {
        if self.kind == VerdictKind::Unknown {
            return self.reason.clone();
        }
        Rich::text(format!("{} — ", self.kind)).and(&self.reason)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.summary())
    }
}

/// What one named test showed on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// The series converges absolutely.
    ConvergesAbsolutely,
    /// The series converges (absolutely or not is not this test's question).
    Converges,
    /// The series diverges.
    Diverges,
    /// Σ|a(n)| diverges (the series itself may still converge).
    AbsolutelyDiverges,
    /// The test applies but does not decide.
    Inconclusive,
    /// The test's hypotheses do not hold.
    NotApplicable,
    /// sigma could not carry the test out.
    Unknown,
}

impl Finding {
    pub const ALL: [Finding; 7] = [
        Finding::ConvergesAbsolutely,
        Finding::Converges,
        Finding::Diverges,
        Finding::AbsolutelyDiverges,
        Finding::Inconclusive,
        Finding::NotApplicable,
        Finding::Unknown,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Finding::ConvergesAbsolutely => "converges_absolutely",
            Finding::Converges => "converges",
            Finding::Diverges => "diverges",
            Finding::AbsolutelyDiverges => "absolutely_diverges",
            Finding::Inconclusive => "inconclusive",
            Finding::NotApplicable => "not_applicable",
            Finding::Unknown => "unknown",
        }
    }
    pub fn from_name(s: &str) -> Option<Finding> {
        Finding::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// The report of one named test: what it found, the quantity it computed, and the reason
/// (the whole report in rich text, "ratio test: L = 1, inconclusive").
#[derive(Debug, Clone, PartialEq)]
pub struct TestReport {
    pub test: Test,
    pub finding: Finding,
    pub quantity: Option<Quantity>,
    pub reason: Rich,
}

impl TestReport {
    pub fn new(test: Test, finding: Finding, quantity: Option<Quantity>, reason: Rich) -> Self {
        TestReport {
            test,
            finding,
            quantity,
            reason,
        }
    }
}

impl fmt::Display for TestReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for t in Test::ALL {
            assert_eq!(Test::from_name(t.name()), Some(t));
        }
        for k in VerdictKind::ALL {
            assert_eq!(VerdictKind::from_name(k.name()), Some(k));
        }
        for k in Finding::ALL {
            assert_eq!(Finding::from_name(k.name()), Some(k));
        }
        assert_eq!(Test::from_name("ratios"), None);
        assert!(!Test::runnable_names().contains(&"dirichlet"));
    }

    #[test]
    fn summary_puts_the_kind_before_the_reason() {
        let v = Verdict::new(
            VerdictKind::Diverges,
            Test::NthTerm,
            Some(Quantity::term_limit(Expr::one())),
            Rich::text("nth-term test"),
        );
        assert_eq!(v.to_string(), "diverges — nth-term test");
        let u = Verdict::unknown(Rich::text("unknown, because x"));
        assert_eq!(u.to_string(), "unknown, because x");
    }
}
