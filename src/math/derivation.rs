//! The reasons behind an answer: a derivation is an ordered list of steps, each a claim with
//! its justification. Math entry points return one beside their result; renderers decide how
//! much of it to show.

use super::answer::Rich;
use super::expr::Expr;

/// One step of a derivation: what was established and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// What this step establishes, in words and mathematics (may be empty when `result`
    /// says it all).
    pub claim: Rich,
    /// The rule, test or theorem used.
    pub reason: Rich,
    /// The expression the step produced, if any.
    pub result: Option<Expr>,
}

/// The ordered steps behind one answer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Derivation {
    pub steps: Vec<Step>,
    /// Conditions the answer depends on (|r| < 1), shown with the answer itself, not only
    /// among the steps: a value that holds only under a condition never appears without it.
    pub conditions: Vec<Rich>,
}

impl Derivation {
    /// An empty derivation.
    pub fn new() -> Self {
        Self::default()
    }
    /// Appends a step with a claim and a reason.
    pub fn push(&mut self, claim: impl Into<Rich>, reason: impl Into<Rich>) {
        self.steps.push(Step {
            claim: claim.into(),
            reason: reason.into(),
            result: None,
        });
    }
    /// Appends a step whose claim is an expression (rendered by the output layer).
    pub fn push_expr(&mut self, claim: impl Into<Rich>, result: Expr, reason: impl Into<Rich>) {
        self.steps.push(Step {
            claim: claim.into(),
            reason: reason.into(),
            result: Some(result),
        });
    }
    /// Records a condition the answer holds under, and a step saying why it is needed.
    pub fn push_condition(&mut self, condition: impl Into<Rich>, reason: impl Into<Rich>) {
        let c = condition.into();
        self.push(Rich::text("valid for ").and(&c), reason);
        if !self.conditions.contains(&c) {
            self.conditions.push(c);
        }
    }
    /// Appends all steps and conditions of `other`.
    pub fn extend(&mut self, other: Derivation) {
        self.steps.extend(other.steps);
        for c in other.conditions {
            if !self.conditions.contains(&c) {
                self.conditions.push(c);
            }
        }
    }
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}
