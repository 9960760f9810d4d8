//! Argument declarations of the builtins and the typed [`Args`] a command receives: each
//! argument evaluated, bound or read as its declared [`Kind`] says, with its span for errors.
//! The one arity check and its message live here, and `sema` reads the same declarations.

use super::sums::{self, SumArg};
use super::Builtin;
use crate::eval::value::Value;
use crate::eval::{exact, is_constant_name, EResult, EvalError, Evaluator};
use crate::math::expr::Expr;
use crate::source::Span;
use crate::syntax::ast::{self, ExprKind};

/// What one argument position holds.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Any value, evaluated (an expression, a series, a vector, …).
    Value,
    /// An exact number or expression.
    Expr,
    /// A variable the command binds (the `x` of `diff(f, x)`): written as a plain name, and
    /// a free symbol in the arguments at positions `over`, whatever the scope says. `what`
    /// names it in errors ("the series variable").
    Var {
        what: &'static str,
        over: &'static [usize],
    },
    /// A non-negative integer at most `max` (an order, a count, a number of digits).
    Order { what: &'static str, max: u64 },
    /// A sum read without summing it: the parts of a `sum(a, n, lo, hi)` call (its term with
    /// the index free), or the value of any other argument.
    Sum,
    /// A family of values: `body for s in list` (each member evaluated with `s` bound), a
    /// list literal whose items are evaluated one by one (so they may be relations), or any
    /// list value.
    Family,
    /// What a plot draws: one value, a list literal whose items are evaluated one by one
    /// (each labelled by its text as written), or a family `[… for s in […]]` (each member
    /// labelled by its element, `s = 0.9`). The variables that bind over it are free.
    Plotted,
    /// A bare word from a fixed list (the test in `test(s, ratio)`), named `noun` in errors.
    Name {
        noun: &'static str,
        choices: fn() -> Vec<&'static str>,
    },
}

/// One argument position of a declaration.
#[derive(Clone, Copy)]
pub struct Param {
    pub kind: Kind,
    /// Whether the argument may be left out (only trailing ones are).
    pub optional: bool,
}

/// A required argument.
pub const fn req(kind: Kind) -> Param {
    Param {
        kind,
        optional: false,
    }
}

/// An optional trailing argument.
pub const fn opt(kind: Kind) -> Param {
    Param {
        kind,
        optional: true,
    }
}

/// One way of calling a builtin: its argument positions in order.
pub type Form = &'static [Param];

/// The argument counts a form accepts.
fn counts(form: Form) -> std::ops::RangeInclusive<usize> {
    form.iter().filter(|p| !p.optional).count()..=form.len()
}

/// The form of `b` that a call with `got` arguments uses, or the arity error — the only place
/// a wrong number of arguments to a builtin is reported, at check time and at run time.
pub fn form_for(b: &Builtin, got: usize, span: Span) -> EResult<Form> {
    if let Some(f) = b.forms.iter().find(|f| counts(f).contains(&got)) {
        return Ok(f);
    }
    let mut accepted: Vec<usize> = b.forms.iter().flat_map(|f| counts(f)).collect();
    accepted.sort_unstable();
    accepted.dedup();
    let (min, max) = (accepted[0], accepted[accepted.len() - 1]);
    let expected = if min == max {
        format!("{min}")
    } else if accepted.len() == max - min + 1 {
        format!("{min} to {max}")
    } else {
        let (last, rest) = accepted.split_last().unwrap_or((&max, &[]));
        let rest: Vec<String> = rest.iter().map(usize::to_string).collect();
        format!("{} or {last}", rest.join(", "))
    };
    Err(EvalError::new(
        format!(
            "{} takes {expected} argument{}, got {got}",
            b.name,
            if max == 1 { "" } else { "s" }
        ),
        span,
    )
    .with_label("wrong number of arguments")
    .with_help(format!("usage: {}", super::signature(b))))
}

/// The name written for a bound variable, or why it cannot be one: it must be a plain name
/// that is not a constant, a builtin or (by `is_function`) a function of the user's.
pub fn var_name<'e>(
    e: &'e ast::Expr,
    what: &str,
    is_function: impl Fn(&str) -> bool,
) -> EResult<&'e str> {
    match &e.kind {
        ExprKind::Ident(n)
            if !is_constant_name(n) && super::lookup(n).is_none() && !is_function(n) =>
        {
            Ok(n)
        }
        _ => Err(
            EvalError::new(format!("{what} must be a variable name"), e.span)
                .with_label("not a variable")
                .with_help("write a plain name such as `x` here"),
        ),
    }
}

/// The choice a bare word names, or why it names none.
pub fn name_choice(
    e: &ast::Expr,
    noun: &str,
    choices: fn() -> Vec<&'static str>,
) -> EResult<&'static str> {
    let all = choices();
    let help = format!("one of: {}", all.join(", "));
    let ExprKind::Ident(word) = &e.kind else {
        return Err(
            EvalError::new(format!("the {noun} is named by a word"), e.span).with_help(help),
        );
    };
    all.into_iter()
        .find(|c| c == word)
        .ok_or_else(|| EvalError::new(format!("unknown {noun} `{word}`"), e.span).with_help(help))
}

/// One argument as the command receives it.
enum Arg {
    Value(Value),
    Expr(Expr),
    Var(String),
    Order(u64),
    Sum(SumArg),
    Name(&'static str),
    Family(Vec<(Value, Span)>),
    Plotted(Vec<Plotted>),
}

/// One thing to plot, with its legend label.
pub struct Plotted {
    pub value: Value,
    pub label: String,
    pub span: Span,
}

/// The arguments of one command call, read as its declaration says.
pub struct Args {
    span: Span,
    items: Vec<(Arg, Span)>,
}

impl Args {
    /// Reads the arguments of a call of `b` spanning `span`: bound variables and names first
    /// (they are read from the text), then the other arguments left to right, each evaluated
    /// with the variables that bind over it free.
    pub fn read(ev: &mut Evaluator, b: &Builtin, args: &[ast::Expr], span: Span) -> EResult<Self> {
        Self::read_free(ev, b, args, span, &[])
    }

    /// Like [`Self::read`], with the names in `free` unbound in every evaluated argument.
    pub(super) fn read_free(
        ev: &mut Evaluator,
        b: &Builtin,
        args: &[ast::Expr],
        span: Span,
        free: &[String],
    ) -> EResult<Self> {
        let form = form_for(b, args.len(), span)?;
        let mut read: Vec<Option<Arg>> = Vec::with_capacity(args.len());
        for (p, a) in form.iter().zip(args) {
            read.push(match p.kind {
                Kind::Var { what, .. } => Some(Arg::Var(
                    var_name(a, what, |n| ev.scope.functions.contains_key(n))?.to_string(),
                )),
                Kind::Name { noun, choices } => Some(Arg::Name(name_choice(a, noun, choices)?)),
                _ => None,
            });
        }
        for (i, (p, a)) in form.iter().zip(args).enumerate() {
            if read[i].is_some() {
                continue;
            }
            let bound: Vec<String> = form
                .iter()
                .zip(&read)
                .filter_map(|(q, r)| match (q.kind, r) {
                    (Kind::Var { over, .. }, Some(Arg::Var(n))) if over.contains(&i) => {
                        Some(n.clone())
                    }
                    _ => None,
                })
                .collect();
            let frame: Vec<String> = free.iter().chain(&bound).cloned().collect();
            read[i] = Some(match p.kind {
                Kind::Value => Arg::Value(eval_free(ev, a, &frame)?),
                Kind::Expr => {
                    let wanted = if bound.is_empty() {
                        "a number or expression"
                    } else {
                        "an expression"
                    };
                    Arg::Expr(exact(eval_free(ev, a, &frame)?, a, wanted)?)
                }
                Kind::Order { what, max } => Arg::Order(order(ev, a, &frame, what, max)?),
                Kind::Sum => Arg::Sum(sums::read(ev, a, &frame)?),
                Kind::Family => Arg::Family(family(ev, a)?),
                Kind::Plotted => Arg::Plotted(plotted(ev, a, &frame)?),
                Kind::Var { .. } | Kind::Name { .. } => unreachable!("read above"),
            });
        }
        Ok(Args {
            span,
            items: read
                .into_iter()
                .zip(args)
                .filter_map(|(r, a)| r.map(|r| (r, a.span)))
                .collect(),
        })
    }

    /// How many arguments the call has.
    pub fn count(&self) -> usize {
        self.items.len()
    }

    /// The span of the whole call.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The span of argument `i`.
    pub fn span_of(&self, i: usize) -> Span {
        self.items[i].1
    }

    /// Argument `i`, declared [`Kind::Value`].
    pub fn value(&self, i: usize) -> &Value {
        match &self.items[i].0 {
            Arg::Value(v) => v,
            _ => undeclared(i, "a value"),
        }
    }

    /// Argument `i`, declared [`Kind::Expr`].
    pub fn expr(&self, i: usize) -> &Expr {
        match &self.items[i].0 {
            Arg::Expr(e) => e,
            _ => undeclared(i, "an expression"),
        }
    }

    /// Argument `i`, declared [`Kind::Var`].
    pub fn var(&self, i: usize) -> &str {
        match &self.items[i].0 {
            Arg::Var(v) => v,
            _ => undeclared(i, "a variable"),
        }
    }

    /// Argument `i`, declared [`Kind::Order`].
    pub fn order(&self, i: usize) -> u64 {
        match &self.items[i].0 {
            Arg::Order(k) => *k,
            _ => undeclared(i, "an order"),
        }
    }

    /// Optional argument `i`, declared [`Kind::Order`], if given.
    pub fn opt_order(&self, i: usize) -> Option<u64> {
        (i < self.count()).then(|| self.order(i))
    }

    /// Argument `i`, declared [`Kind::Sum`].
    pub fn sum(&self, i: usize) -> &SumArg {
        match &self.items[i].0 {
            Arg::Sum(s) => s,
            _ => undeclared(i, "a sum"),
        }
    }

    /// Argument `i`, declared [`Kind::Family`]: its members with their spans.
    pub fn family(&self, i: usize) -> &[(Value, Span)] {
        match &self.items[i].0 {
            Arg::Family(v) => v,
            _ => undeclared(i, "a family"),
        }
    }

    /// Argument `i`, declared [`Kind::Plotted`].
    pub fn plotted(&self, i: usize) -> &[Plotted] {
        match &self.items[i].0 {
            Arg::Plotted(v) => v,
            _ => undeclared(i, "plotted values"),
        }
    }

    /// Argument `i`, declared [`Kind::Name`].
    pub fn name(&self, i: usize) -> &'static str {
        match &self.items[i].0 {
            Arg::Name(n) => n,
            _ => undeclared(i, "a name"),
        }
    }
}

/// A command asked for an argument as a kind its declaration does not give it: a bug in the
/// builtin's declaration, never the user's input.
fn undeclared(i: usize, kind: &str) -> ! {
    panic!("internal: argument {i} is not declared as {kind}")
}

/// `e` evaluated with the names in `frame` unbound.
pub(super) fn eval_free(ev: &mut Evaluator, e: &ast::Expr, frame: &[String]) -> EResult<Value> {
    if frame.is_empty() {
        return ev.eval(e);
    }
    let frame = frame
        .iter()
        .map(|n| (n.clone(), Value::Expr(Expr::sym(n))))
        .collect();
    ev.eval_in_frame(e, frame)
}

/// The members of a family argument (see [`Kind::Family`]).
fn family(ev: &mut Evaluator, e: &ast::Expr) -> EResult<Vec<(Value, Span)>> {
    match &e.kind {
        ExprKind::Comprehension { .. } => Ok(ev
            .eval_family(e)?
            .into_iter()
            .map(|v| (v, e.span))
            .collect()),
        ExprKind::List(items) => items.iter().map(|i| Ok((ev.eval(i)?, i.span))).collect(),
        _ => match ev.eval(e)? {
            Value::Vector(xs) => Ok(xs.into_iter().map(|x| (Value::Expr(x), e.span)).collect()),
            other => Err(EvalError::new(
                format!(
                    "expected a family `… for s in […]` or a list, found {}",
                    crate::eval::value::article(other.kind())
                ),
                e.span,
            )),
        },
    }
}

/// The members of a plotted argument (see [`Kind::Plotted`]).
fn plotted(ev: &mut Evaluator, e: &ast::Expr, frame: &[String]) -> EResult<Vec<Plotted>> {
    let written = |ev: &Evaluator, x: &ast::Expr| {
        ev.written(x.span)
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    let one = |ev: &mut Evaluator, x: &ast::Expr| {
        Ok(Plotted {
            value: eval_free(ev, x, frame)?,
            label: written(ev, x),
            span: x.span,
        })
    };
    match &e.kind {
        ExprKind::List(items) => match items.as_slice() {
            [c @ ast::Expr {
                kind: ExprKind::Comprehension { var, .. },
                ..
            }] => {
                let free = frame
                    .iter()
                    .map(|n| (n.clone(), Value::Expr(Expr::sym(n))))
                    .collect();
                Ok(ev
                    .family_members(c, free)?
                    .into_iter()
                    .map(|(elem, value)| Plotted {
                        value,
                        label: format!("{} = {}", var.name, element_label(&elem)),
                        span: c.span,
                    })
                    .collect())
            }
            _ => items.iter().map(|i| one(ev, i)).collect(),
        },
        _ => Ok(vec![one(ev, e)?]),
    }
}

/// An element of a family as a legend shows it: a rational with a short terminating decimal
/// as that decimal (exact: `9/10` is `0.9`), anything else as printed.
fn element_label(v: &Value) -> String {
    if let Value::Expr(Expr::Num(q)) = v {
        if let Some(d) = crate::render::text::short_decimal(q) {
            return d;
        }
    }
    crate::render::text::value(v)
}

/// A non-negative integer argument at most `max`.
fn order(
    ev: &mut Evaluator,
    e: &ast::Expr,
    frame: &[String],
    what: &str,
    max: u64,
) -> EResult<u64> {
    let v = exact(eval_free(ev, e, frame)?, e, "a number or expression")?;
    let bad = || {
        EvalError::new(format!("{what} must be a non-negative integer"), e.span)
            .with_label(format!("this is {}", crate::render::text::expr(&v)))
    };
    let q = v.as_num().ok_or_else(bad)?;
    if !q.is_integer() || q.is_negative() {
        return Err(bad());
    }
    match q.numer().to_u64() {
        Some(n) if n <= max => Ok(n),
        _ => Err(
            EvalError::new(format!("{what} {q} is too large (at most {max})"), e.span)
                .with_label("too large"),
        ),
    }
}
