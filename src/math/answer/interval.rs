//! Sets of real numbers as data: finite unions of intervals with exact endpoints, each end
//! open or closed (or undecided, for an interval of convergence whose endpoint series sigma
//! cannot decide), ±∞ allowed. `interval()` returns one with each endpoint's verdict; `solve`
//! will return the same type.

use super::verdict::Verdict;
use crate::math::expr::print::{print, Style};
use crate::math::expr::Expr;
use std::fmt;

/// Whether an endpoint belongs to the set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inclusion {
    Open,
    Closed,
    /// Not decided (shown as `?`): never guessed.
    Unknown,
}

impl Inclusion {
    /// `Some(true)` closed, `Some(false)` open, `None` undecided.
    pub fn closed(self) -> Option<bool> {
        match self {
            Inclusion::Open => Some(false),
            Inclusion::Closed => Some(true),
            Inclusion::Unknown => None,
        }
    }
    pub fn from_closed(c: Option<bool>) -> Self {
        match c {
            Some(true) => Inclusion::Closed,
            Some(false) => Inclusion::Open,
            None => Inclusion::Unknown,
        }
    }
}

/// One end of an interval: an exact value (±∞ allowed, and then always open), whether it
/// belongs to the set, and, for an interval of convergence, the verdict on the series there.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    pub value: Expr,
    pub inclusion: Inclusion,
    pub verdict: Option<Verdict>,
}

impl Endpoint {
    pub fn open(value: Expr) -> Self {
        Endpoint {
            value,
            inclusion: Inclusion::Open,
            verdict: None,
        }
    }
    pub fn closed(value: Expr) -> Self {
        Endpoint {
            value,
            inclusion: Inclusion::Closed,
            verdict: None,
        }
    }
    /// The endpoint of an interval of convergence, open or closed as the verdict says.
    pub fn with_verdict(value: Expr, verdict: Verdict) -> Self {
        Endpoint {
            value,
            inclusion: Inclusion::from_closed(verdict.kind.converges()),
            verdict: Some(verdict),
        }
    }
}

/// An interval from `lo` to `hi` (`lo ≤ hi`; a single point when equal and both closed).
#[derive(Debug, Clone, PartialEq)]
pub struct Interval {
    pub lo: Endpoint,
    pub hi: Endpoint,
}

impl Interval {
    /// The whole real line.
    pub fn reals() -> Self {
        Interval {
            lo: Endpoint::open(Expr::neg_infinity()),
            hi: Endpoint::open(Expr::infinity()),
        }
    }
    /// The single point {a}.
    pub fn point(a: Expr) -> Self {
        Interval {
            lo: Endpoint::closed(a.clone()),
            hi: Endpoint::closed(a),
        }
    }
    /// The interval in LaTeX math mode: `\left[1, 4\right)`, `\{2\}`.
    pub fn tex(&self) -> String {
        let tex = |e: &Expr| print(e, Style::Latex);
        if self.is_point() {
            return format!("\\{{{}\\}}", tex(&self.lo.value));
        }
        let left = match self.lo.inclusion {
            Inclusion::Open => "\\left(",
            Inclusion::Closed => "\\left[",
            Inclusion::Unknown => "\\left.?",
        };
        let right = match self.hi.inclusion {
            Inclusion::Open => "\\right)",
            Inclusion::Closed => "\\right]",
            Inclusion::Unknown => "?\\right.",
        };
        format!(
            "{left}{}, {}{right}",
            tex(&self.lo.value),
            tex(&self.hi.value)
        )
    }
    pub fn is_point(&self) -> bool {
        self.lo.value == self.hi.value
            && self.lo.inclusion == Inclusion::Closed
            && self.hi.inclusion == Inclusion::Closed
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_point() {
            return write!(f, "{{{}}}", self.lo.value);
        }
        let left = match self.lo.inclusion {
            Inclusion::Open => "(",
            Inclusion::Closed => "[",
            Inclusion::Unknown => "?",
        };
        let right = match self.hi.inclusion {
            Inclusion::Open => ")",
            Inclusion::Closed => "]",
            Inclusion::Unknown => "?",
        };
        write!(f, "{left}{}, {}{right}", self.lo.value, self.hi.value)
    }
}

/// A finite union of disjoint intervals in increasing order, in the variable `var` when it
/// has one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IntervalSet {
    pub var: Option<String>,
    pub intervals: Vec<Interval>,
}

impl IntervalSet {
    /// The empty set.
    pub fn empty() -> Self {
        IntervalSet::default()
    }
    pub fn new(var: Option<String>, intervals: Vec<Interval>) -> Self {
        IntervalSet { var, intervals }
    }
    /// The endpoints that carry a verdict, in order.
    pub fn verdicts(&self) -> Vec<(&Expr, &Verdict)> {
        let mut out = Vec::new();
        for i in &self.intervals {
            for e in [&i.lo, &i.hi] {
                if let Some(v) = &e.verdict {
                    if !out.iter().any(|(x, _): &(&Expr, &Verdict)| **x == e.value) {
                        out.push((&e.value, v));
                    }
                }
            }
        }
        out
    }
    /// The set alone in LaTeX math mode (`\emptyset` when empty).
    pub fn set_tex(&self) -> String {
        if self.intervals.is_empty() {
            return "\\emptyset".into();
        }
        self.runs(
            &Interval::tex,
            &|pts| format!("\\{{{}\\}}", pts.join(", ")),
            " \\cup ",
        )
    }

    /// The intervals joined by `sep`, a run of consecutive single points written as one
    /// finite set (`{-2, 2}`) by `points` from the points printed by `one`'s expression style.
    fn runs(
        &self,
        one: &dyn Fn(&Interval) -> String,
        points: &dyn Fn(&[String]) -> String,
        sep: &str,
    ) -> String {
        let latex = sep.contains('\\');
        let mut parts: Vec<String> = Vec::new();
        let mut run: Vec<String> = Vec::new();
        for i in &self.intervals {
            if i.is_point() {
                run.push(if latex {
                    print(&i.lo.value, Style::Latex)
                } else {
                    i.lo.value.to_string()
                });
                continue;
            }
            if !run.is_empty() {
                parts.push(points(&run));
                run.clear();
            }
            parts.push(one(i));
        }
        if !run.is_empty() {
            parts.push(points(&run));
        }
        parts.join(sep)
    }
    /// The set alone: `(-1, 1]`, `{0}`, `(-oo, -16) ∪ [1, 4]`, `∅`.
    pub fn set_text(&self) -> String {
        if self.intervals.is_empty() {
            return "∅".into();
        }
        self.runs(
            &|i| i.to_string(),
            &|pts| format!("{{{}}}", pts.join(", ")),
            " ∪ ",
        )
    }
}

impl fmt::Display for IntervalSet {
    /// The set, then each endpoint's verdict: `(-1, 1]; x = -1: diverges — …; x = 1: …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.set_text())?;
        let var = self.var.as_deref().unwrap_or("x");
        for (at, v) in self.verdicts() {
            write!(f, "; {var} = {at}: {v}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::answer::{Rich, Test, VerdictKind};

    #[test]
    fn sets_print_in_interval_notation() {
        assert_eq!(IntervalSet::empty().to_string(), "∅");
        let s = IntervalSet::new(None, vec![Interval::reals()]);
        assert_eq!(s.to_string(), "(-oo, oo)");
        let p = IntervalSet::new(None, vec![Interval::point(Expr::int(2))]);
        assert_eq!(p.to_string(), "{2}");
        let two = IntervalSet::new(
            None,
            vec![
                Interval {
                    lo: Endpoint::open(Expr::int(-16)),
                    hi: Endpoint::open(Expr::int(-1)),
                },
                Interval {
                    lo: Endpoint::closed(Expr::int(1)),
                    hi: Endpoint::closed(Expr::int(4)),
                },
            ],
        );
        assert_eq!(two.to_string(), "(-16, -1) ∪ [1, 4]");
    }

    #[test]
    fn endpoint_verdicts_decide_brackets() {
        let div = Verdict::new(VerdictKind::Diverges, Test::PSeries, None, Rich::text("p"));
        let unk = Verdict::unknown(Rich::text("unknown, because q"));
        let s = IntervalSet::new(
            Some("x".into()),
            vec![Interval {
                lo: Endpoint::with_verdict(Expr::int(-1), div),
                hi: Endpoint::with_verdict(Expr::int(1), unk),
            }],
        );
        assert_eq!(
            s.to_string(),
            "(-1, 1?; x = -1: diverges — p; x = 1: unknown, because q"
        );
    }
}
