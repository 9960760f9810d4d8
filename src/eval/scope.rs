//! The bindings a session holds: named values and user-defined functions. Cloned before each
//! REPL line so a failed line can be rolled back.

use super::value::Value;
use crate::math::solve::order::Facts;
use crate::syntax::ast;
use std::collections::BTreeMap;

/// A function defined by the user, `f(x) = body`, evaluated lazily at each call.
#[derive(Debug, Clone, PartialEq)]
pub struct UserFn {
    pub name: String,
    pub params: Vec<String>,
    pub body: ast::Expr,
}

/// Global bindings of a session.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scope {
    pub values: BTreeMap<String, Value>,
    pub functions: BTreeMap<String, UserFn>,
    /// What `assume` established: the set each symbol may take.
    pub facts: Facts,
    /// The previous statement's value, which `ans` names when [`Settings::ans`] is on (the
    /// REPL) and no binding called `ans` hides it.
    pub ans: Option<Value>,
}

impl Scope {
    /// Every bound name (values and functions), sorted.
    pub fn names(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .values
            .keys()
            .chain(self.functions.keys())
            .cloned()
            .collect();
        v.sort();
        v.dedup();
        v
    }
}

/// Evaluation settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Significant digits of `N(expr)` without an explicit count.
    pub digits: u32,
    /// Whether text output shows derivation steps.
    pub steps: bool,
    /// The REPL prints a vector of more entries (a matrix of more rows) than this with its
    /// middle elided and marked; `None` prints every value whole (`:elide off`).
    pub elide: Option<usize>,
    /// Whether each statement's value is kept as `ans` for the next (the REPL's `ans`).
    pub ans: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            digits: 15,
            steps: false,
            elide: Some(1000),
            ans: false,
        }
    }
}
