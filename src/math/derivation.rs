//! The reasons behind an answer: a derivation is an ordered list of steps, each a claim with
//! its justification. Math entry points return one beside their result; renderers decide how
//! much of it to show.

use super::expr::Expr;
use serde::Serialize;

/// One step of a derivation: what was established and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// What this step establishes, in words (may be empty when `result` says it all).
    pub claim: String,
    /// The rule, test or theorem used.
    pub reason: String,
    /// The expression the step produced, if any.
    #[serde(skip)]
    pub result: Option<Expr>,
}

/// The ordered steps behind one answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Derivation {
    pub steps: Vec<Step>,
    /// Conditions the answer depends on ("|r| < 1"), shown with the answer itself, not only
    /// among the steps: a value that holds only under a condition never appears without it.
    pub conditions: Vec<String>,
}

impl Derivation {
    /// An empty derivation.
    pub fn new() -> Self {
        Self::default()
    }
    /// Appends a step with a claim and a reason.
    pub fn push(&mut self, claim: impl Into<String>, reason: impl Into<String>) {
        self.steps.push(Step {
            claim: claim.into(),
            reason: reason.into(),
            result: None,
        });
    }
    /// Appends a step whose claim is an expression (rendered by the output layer).
    pub fn push_expr(&mut self, claim: impl Into<String>, result: Expr, reason: impl Into<String>) {
        self.steps.push(Step {
            claim: claim.into(),
            reason: reason.into(),
            result: Some(result),
        });
    }
    /// Records a condition the answer holds under, and a step saying why it is needed.
    pub fn push_condition(&mut self, condition: impl Into<String>, reason: impl Into<String>) {
        let c = condition.into();
        self.push(format!("valid for {c}"), reason);
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
