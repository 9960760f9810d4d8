//! Evaluation of the syntax tree to values, calling `math/` through the builtin registry.
//! Owns name resolution at run time, user-function calls, operator semantics on values and
//! the interrupt checks between operations.

pub mod error;
pub(crate) mod float_ops;
pub mod interrupt;
pub mod memory;
pub(crate) mod ops;
pub mod scope;
pub(crate) mod shape;
pub mod value;

use crate::builtins::{self, Impl};
use crate::math::expr::{self, Expr, Func};
use crate::math::logic::Formula;
use crate::math::{Derivation, Q};
use crate::source::Span;
use crate::syntax::ast::{self, BinaryOp, ExprKind, UnaryOp};
pub use error::{EResult, EvalError};
use scope::{Scope, Settings};
use std::collections::HashMap;
use value::Value;

/// An operand of `and` / `or`: decided, or a proposition kept for `solve`.
enum Logic {
    Known(bool),
    Open(Formula),
}

impl Logic {
    fn into_value(self) -> Value {
        match self {
            Logic::Known(b) => Value::Bool(b),
            Logic::Open(f) => Value::Formula(f),
        }
    }
}

/// Deepest chain of user-function calls allowed.
pub const MAX_CALL_DEPTH: usize = 200;

/// Evaluates expressions against a scope, collecting derivation steps.
pub struct Evaluator<'a> {
    pub scope: &'a Scope,
    pub settings: &'a Settings,
    locals: Vec<HashMap<String, Value>>,
    /// Steps gathered from the commands evaluated so far.
    pub steps: Derivation,
    /// Assumptions made by `assume` in this statement, kept by the session when it succeeds.
    pub assumed: Vec<(String, crate::math::solve::chart::Chart)>,
    /// The text of the statement's source, so commands can quote what was written (a plot's
    /// legend shows each curve as typed).
    source: Option<(crate::source::SourceId, &'a str)>,
}

impl<'a> Evaluator<'a> {
    pub fn new(scope: &'a Scope, settings: &'a Settings) -> Self {
        // The evaluator is the composition root: it gives the foundation its summation.
        crate::math::sum::install();
        Evaluator {
            scope,
            settings,
            locals: Vec::new(),
            steps: Derivation::new(),
            assumed: Vec::new(),
            source: None,
        }
    }

    /// The evaluator with the text of source `id` at hand (see [`Self::written`]).
    pub fn with_source(mut self, id: crate::source::SourceId, text: &'a str) -> Self {
        self.source = Some((id, text));
        self
    }

    /// The text written at `span`, when it lies in the source at hand.
    pub fn written(&self, span: Span) -> Option<&'a str> {
        let (id, text) = self.source?;
        (span.source == id).then(|| text.get(span.start..span.end))?
    }

    /// Fails with [`interrupt::error`] when the user pressed Ctrl-C or the memory budget
    /// was passed.
    pub fn check_interrupt(&self, span: Span) -> EResult<()> {
        if crate::math::interrupted() {
            return Err(interrupt::error(span));
        }
        Ok(())
    }

    /// Evaluates one expression (growing the stack on demand, so deep nesting and deep
    /// user-function recursion end in a clean error rather than a stack overflow).
    pub fn eval(&mut self, e: &ast::Expr) -> EResult<Value> {
        stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || self.eval_node(e))
    }

    fn eval_node(&mut self, e: &ast::Expr) -> EResult<Value> {
        self.check_interrupt(e.span)?;
        let m = |r: Result<Expr, crate::math::MathError>| {
            r.map(Value::Expr)
                .map_err(|err| EvalError::math(err, e.span))
        };
        match &e.kind {
            ExprKind::Number(text) => match Q::parse_decimal(text) {
                Ok(q) => Ok(Value::Expr(Expr::Num(q))),
                Err(err) => Err(EvalError::math(err.into(), e.span)),
            },
            ExprKind::Ident(name) => self.lookup(name, e.span),
            ExprKind::Paren(inner) => self.eval(inner),
            ExprKind::Call { name, args } => self.call(name, args, e.span),
            ExprKind::Unary { op, expr: inner } => {
                let v = self.eval(inner)?;
                match op {
                    UnaryOp::Neg => ops::negate(v, e.span),
                    UnaryOp::Not => match v {
                        Value::Bool(b) => Ok(Value::Bool(!b)),
                        Value::Formula(f) => Ok(Value::Formula(Formula::Not(Box::new(f)))),
                        other => Err(EvalError::new(
                            format!(
                                "`not` needs true or false, not {}",
                                value::article(other.kind())
                            ),
                            inner.span,
                        )),
                    },
                }
            }
            ExprKind::Factorial(inner) => {
                let v = self.eval_expr(inner)?;
                m(expr::func(Func::Factorial, vec![v]))
            }
            ExprKind::Binary { op, lhs, rhs } => match op {
                BinaryOp::And | BinaryOp::Or => {
                    let and = *op == BinaryOp::And;
                    let a = self.eval_logic(lhs)?;
                    // Short-circuit like every logic the user knows.
                    if let Logic::Known(a) = a {
                        if a != and {
                            return Ok(Value::Bool(a));
                        }
                    }
                    let b = self.eval_logic(rhs)?;
                    // Here `a` is open or the neutral value (true for `and`, false for `or`).
                    Ok(match (a, b) {
                        (Logic::Known(_), b) => b.into_value(),
                        (a, Logic::Known(v)) if v == and => a.into_value(),
                        (_, Logic::Known(v)) => Value::Bool(v),
                        (Logic::Open(x), Logic::Open(y)) => Value::Formula(if and {
                            Formula::and(x, y)
                        } else {
                            Formula::or(x, y)
                        }),
                    })
                }
                _ => {
                    let a = self.eval(lhs)?;
                    let b = self.eval(rhs)?;
                    shape::check_binary(*op, &a, &b, lhs.span, rhs.span)?;
                    if *op == BinaryOp::Div {
                        ops::check_approx_divisor(&b, rhs.span)?;
                    }
                    let steps = match op {
                        BinaryOp::Pow => ops::matpow_steps(&a, &b),
                        _ => None,
                    };
                    let v = ops::binary(*op, a, b, e.span, self.settings)?;
                    for (claim, why) in steps.into_iter().flatten() {
                        self.steps.push(claim, why);
                    }
                    Ok(v)
                }
            },
            ExprKind::Compare {
                operands,
                ops: rels,
            } => {
                let vals = operands
                    .iter()
                    .map(|o| self.eval(o))
                    .collect::<EResult<Vec<_>>>()?;
                ops::compare(vals, rels, operands, e.span)
            }
            ExprKind::Index { base, items } => self.index(base, items, e.span),
            ExprKind::List(items) if matches!(items.as_slice(), [i] if matches!(i.kind, ExprKind::Comprehension { .. })) =>
            {
                let vals = self.eval_family(&items[0])?;
                // Every member is reported at the family's span.
                let at = vec![items[0].clone(); vals.len()];
                ops::list(vals, &at, e.span)
            }
            ExprKind::Comprehension { .. } => Err(EvalError::new(
                "a family `… for s in …` cannot stand here",
                e.span,
            )
            .with_help("write it as the argument of `all`, `any`, or inside a list `[…]`")),
            ExprKind::List(items) => {
                let vals = items
                    .iter()
                    .map(|i| self.eval(i))
                    .collect::<EResult<Vec<_>>>()?;
                ops::list(vals, items, e.span)
            }
        }
    }

    /// Evaluates an expression that must be an exact symbolic value.
    pub fn eval_expr(&mut self, e: &ast::Expr) -> EResult<Expr> {
        let v = self.eval(e)?;
        exact(v, e, "a number or expression")
    }

    /// The members of a family `body for var in iter`: `body` evaluated once per element of
    /// the list `iter`, with `var` bound to the element.
    pub fn eval_family(&mut self, e: &ast::Expr) -> EResult<Vec<Value>> {
        let ExprKind::Comprehension { .. } = &e.kind else {
            return Ok(vec![self.eval(e)?]);
        };
        Ok(self
            .family_members(e, Vec::new())?
            .into_iter()
            .map(|(_, v)| v)
            .collect())
    }

    /// The members of the family `e` (a comprehension) with the element each was made from,
    /// evaluated with the names of `frame` bound as it says.
    pub fn family_members(
        &mut self,
        e: &ast::Expr,
        frame: Vec<(String, Value)>,
    ) -> EResult<Vec<(Value, Value)>> {
        self.locals.push(frame.into_iter().collect());
        let r = self.family_members_here(e);
        self.locals.pop();
        r
    }

    fn family_members_here(&mut self, e: &ast::Expr) -> EResult<Vec<(Value, Value)>> {
        let ExprKind::Comprehension { body, var, iter } = &e.kind else {
            return Ok(vec![(Value::Bool(true), self.eval(e)?)]);
        };
        let elems: Vec<Value> = match self.eval(iter)? {
            Value::Vector(xs) => xs.into_iter().map(Value::Expr).collect(),
            Value::Matrix(rows) => rows.into_iter().map(Value::Vector).collect(),
            Value::ApproxVector(xs) => xs.into_iter().map(Value::Approx).collect(),
            other => {
                return Err(EvalError::new(
                    format!(
                        "`for {} in …` needs a list, not {}",
                        var.name,
                        value::article(other.kind())
                    ),
                    iter.span,
                )
                .with_label("not a list"))
            }
        };
        let mut out = Vec::with_capacity(elems.len());
        for v in elems {
            self.locals
                .push(HashMap::from([(var.name.clone(), v.clone())]));
            let r = self.eval(body);
            self.locals.pop();
            out.push((v, r?));
        }
        Ok(out)
    }

    /// Evaluates an operand of `and` / `or`: true, false, or a proposition still open.
    fn eval_logic(&mut self, e: &ast::Expr) -> EResult<Logic> {
        match self.eval(e)? {
            Value::Bool(b) => Ok(Logic::Known(b)),
            Value::Formula(f) => Ok(Logic::Open(f)),
            other => Err(EvalError::new(
                format!(
                    "expected true, false or a relation here, found {}",
                    value::article(other.kind())
                ),
                e.span,
            )
            .with_help("`and`, `or` and `not` combine comparisons such as `x < 1`")),
        }
    }

    /// Evaluates an expression that must be true or false.
    pub fn eval_bool(&mut self, e: &ast::Expr) -> EResult<bool> {
        match self.eval(e)? {
            Value::Bool(b) => Ok(b),
            other => Err(EvalError::new(
                format!(
                    "expected true or false here, found {}",
                    value::article(other.kind())
                ),
                e.span,
            )
            .with_help("`and`, `or` and `not` combine comparisons such as `x < 1`")),
        }
    }

    fn lookup(&self, name: &str, span: Span) -> EResult<Value> {
        for frame in self.locals.iter().rev() {
            if let Some(v) = frame.get(name) {
                return Ok(v.clone());
            }
        }
        if let Some(v) = self.scope.values.get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.scope.ans.as_ref().filter(|_| name == "ans") {
            return Ok(v.clone());
        }
        match name {
            "pi" | "π" => return Ok(Value::Expr(Expr::pi())),
            "e" => return Ok(Value::Expr(Expr::e())),
            "EulerGamma" => return Ok(Value::Expr(Expr::euler_gamma())),
            "oo" | "∞" => return Ok(Value::Expr(Expr::infinity())),
            "I" => return Ok(Value::Expr(Expr::imag_unit())),
            "true" => return Ok(Value::Bool(true)),
            "false" => return Ok(Value::Bool(false)),
            _ => {}
        }
        // `N` doubles as the usual name of a count or bound (`sum(r^n, n, 0, N)`): as a bare
        // name it is a free symbol, called it is the numeric evaluator.
        if let Some(b) = builtins::lookup(name).filter(|_| name != "N") {
            return Err(
                EvalError::new(format!("`{name}` is a function, not a value"), span)
                    .with_label("used as a value")
                    .with_help(format!("call it: {}", builtins::signature(b))),
            );
        }
        if self.scope.functions.contains_key(name) {
            return Err(
                EvalError::new(format!("`{name}` is a function, not a value"), span)
                    .with_label("used as a value")
                    .with_help(format!("call it with arguments, e.g. {name}(x)")),
            );
        }
        Ok(Value::Expr(Expr::sym(name)))
    }

    fn call(&mut self, name: &ast::Ident, args: &[ast::Expr], span: Span) -> EResult<Value> {
        if let Some(f) = self.scope.functions.get(&name.name).cloned() {
            if args.len() != f.params.len() {
                return Err(EvalError::new(
                    format!(
                        "{} takes {} argument{}, got {}",
                        f.name,
                        f.params.len(),
                        if f.params.len() == 1 { "" } else { "s" },
                        args.len()
                    ),
                    span,
                )
                .with_help(format!(
                    "the definition is {}({})",
                    f.name,
                    f.params.join(", ")
                )));
            }
            if self.locals.len() >= MAX_CALL_DEPTH {
                return Err(EvalError::new(
                    format!(
                        "calls of {} nest too deeply (limit {MAX_CALL_DEPTH})",
                        f.name
                    ),
                    span,
                )
                .with_help(
                    "a function that calls itself needs a base case; sigma has no conditionals yet",
                ));
            }
            let vals = args
                .iter()
                .map(|a| self.eval(a))
                .collect::<EResult<Vec<_>>>()?;
            let frame: HashMap<String, Value> = f.params.iter().cloned().zip(vals).collect();
            self.locals.push(frame);
            let r = self.eval(&f.body);
            self.locals.pop();
            return r.map_err(|mut err| {
                if err.span.source != span.source
                    || err.span.start < span.start
                    || err.span.end > span.end
                {
                    let note = format!("while evaluating a call of {}", f.name);
                    if !err.notes.contains(&note) {
                        err.notes.push(note);
                    }
                }
                err
            });
        }
        let Some(b) = builtins::lookup(&name.name) else {
            return Err(builtins::unknown_function(
                &name.name,
                name.span,
                &self.scope.names(),
            ));
        };
        match b.imp {
            Impl::Func(_) | Impl::Rewrite(_) => {
                builtins::args::form_for(b, args.len(), span)?;
                // An approximate argument makes the result approximate (re-certified).
                let mut digits: Option<u32> = None;
                let mut vals = Vec::with_capacity(args.len());
                for a in args {
                    match self.eval(a)? {
                        Value::Expr(x) => vals.push(x),
                        Value::Approx(ap) => {
                            digits =
                                Some(digits.map_or(ap.value.digits, |d| d.min(ap.value.digits)));
                            vals.push(ap.exact);
                        }
                        other => {
                            return Err(EvalError::new(
                                format!(
                                    "{} needs a number or expression, not {}",
                                    name.name,
                                    value::article(other.kind())
                                ),
                                a.span,
                            ))
                        }
                    }
                }
                let r = match b.imp {
                    Impl::Func(f) => expr::func(f, vals),
                    Impl::Rewrite(g) => g(vals),
                    Impl::Command(_) => unreachable_command(),
                }
                .map_err(|e| EvalError::math(e, span))?;
                match digits {
                    Some(d) => ops::approximate(r, d, span),
                    None => Ok(Value::Expr(r)),
                }
            }
            Impl::Command(c) => {
                let args = builtins::args::Args::read(self, b, args, span)?;
                c(self, &args)
            }
        }
    }
}

fn unreachable_command() -> crate::math::expr::MResult {
    Err(crate::math::MathError::Unsupported(
        "internal: a command dispatched as a function".into(),
    ))
}

/// The exact expression a value stands for (an approximation's exact source), or an error
/// saying `wanted` at the span of `e`.
pub fn exact(v: Value, e: &ast::Expr, wanted: &str) -> EResult<Expr> {
    match v {
        Value::Expr(x) => Ok(x),
        Value::Approx(a) => Ok(a.exact),
        other => Err(EvalError::new(
            format!(
                "expected {wanted} here, found {}",
                value::article(other.kind())
            ),
            e.span,
        )),
    }
}

/// Names that denote constants and cannot be used as variables or rebound.
pub fn is_constant_name(n: &str) -> bool {
    matches!(
        n,
        "pi" | "π" | "e" | "EulerGamma" | "oo" | "∞" | "I" | "true" | "false"
    )
}

impl Evaluator<'_> {
    /// Evaluates `e` with extra local bindings (used to show a function body symbolically).
    pub fn eval_in_frame(&mut self, e: &ast::Expr, frame: Vec<(String, Value)>) -> EResult<Value> {
        self.locals.push(frame.into_iter().collect());
        let r = self.eval(e);
        self.locals.pop();
        r
    }
}
