//! Static checks before evaluation: every call names a known function with the right number
//! of arguments, the variables a builtin binds are plain names (read from its declaration),
//! and no statement redefines a builtin or constant. Collects all problems of a program at
//! once, so a script reports every mistake in one run.

use crate::builtins;
use crate::builtins::args::{self, Form, Kind};
use crate::diagnostics::Diagnostic;
use crate::eval::is_constant_name;
use crate::eval::scope::Scope;
use crate::syntax::ast::{Expr, ExprKind, Program, StmtKind};
use std::collections::{BTreeMap, BTreeSet};

/// Checks `program` against the bindings already in `scope`.
pub fn check(program: &Program, scope: &Scope) -> Vec<Diagnostic> {
    let mut checker = Checker {
        functions: scope
            .functions
            .iter()
            .map(|(k, f)| (k.clone(), f.params.len()))
            .collect(),
        values: scope.values.keys().cloned().collect(),
        bound: Vec::new(),
        errors: Vec::new(),
    };
    for stmt in &program.stmts {
        match &stmt.kind {
            StmtKind::Heading(_) | StmtKind::Prose(_) => {}
            StmtKind::Expr(e) => checker.expr(e),
            StmtKind::Assign { name, value } => {
                checker.chained_assignment(&name.name, value);
                checker.expr(value);
                if checker.reserved(&name.name, name.span) {
                    continue;
                }
                checker.functions.remove(&name.name);
                checker.values.insert(name.name.clone());
            }
            StmtKind::FunDef { name, params, body } => {
                if calls(body, &name.name) {
                    checker.errors.push(
                        Diagnostic::error(format!("{} calls itself", name.name), Some(name.span))
                            .with_label("recursive definition")
                            .with_help("sigma has no conditionals yet, so a recursive definition could never stop; write the formula directly"),
                    );
                    // Register the name anyway so later uses don't cascade into "unknown function".
                    checker.values.remove(&name.name);
                    checker.functions.insert(name.name.clone(), params.len());
                    continue;
                }
                checker.expr(body);
                let mut seen = BTreeSet::new();
                for p in params {
                    if !seen.insert(p.name.clone()) {
                        checker.errors.push(
                            Diagnostic::error(
                                format!("parameter `{}` appears twice", p.name),
                                Some(p.span),
                            )
                            .with_label("repeated parameter"),
                        );
                    }
                    if is_constant_name(&p.name) {
                        checker.errors.push(
                            Diagnostic::error(
                                format!("`{}` is a constant and cannot be a parameter", p.name),
                                Some(p.span),
                            )
                            .with_label("constant"),
                        );
                    }
                }
                if checker.reserved(&name.name, name.span) {
                    continue;
                }
                checker.values.remove(&name.name);
                checker.functions.insert(name.name.clone(), params.len());
            }
        }
    }
    checker.errors
}

impl Checker {
    /// `a = b = 3` parses as `a = (b = 3)`, binding `a` to a relation: almost always meant as
    /// a chained assignment, which sigma does not have. Refused unless the relation is in
    /// parentheses.
    fn chained_assignment(&mut self, name: &str, value: &Expr) {
        let ExprKind::Compare { operands, ops } = &value.kind else {
            return;
        };
        if !ops.contains(&crate::syntax::ast::CmpOp::Eq) {
            return;
        }
        let target = match &operands[0].kind {
            ExprKind::Ident(b) => b.clone(),
            _ => "…".to_string(),
        };
        self.errors.push(
            Diagnostic::error("a chained assignment binds a relation", Some(value.span))
                .with_label("this `=` compares; it does not assign")
                .with_help(format!(
                    "to give both names a value write `{target} = …; {name} = {target}`; \
                     to bind the relation itself write `{name} = (…)`"
                )),
        );
    }
}

/// Whether `e` calls the function `name`.
fn calls(e: &Expr, name: &str) -> bool {
    e.any(&|x| matches!(&x.kind, ExprKind::Call { name: n, .. } if n.name == name))
}

struct Checker {
    functions: BTreeMap<String, usize>,
    values: BTreeSet<String>,
    /// The variables bound around the expression being checked, innermost last, each with
    /// the builtin that binds it (the `n` inside the term of `sum(1/n, n, 1, oo)`).
    bound: Vec<(String, &'static str)>,
    errors: Vec<Diagnostic>,
}

impl Checker {
    /// Reports (and returns true) when `name` may not be bound by the user.
    fn reserved(&mut self, name: &str, span: crate::source::Span) -> bool {
        if builtins::lookup(name).is_some() {
            self.errors.push(
                Diagnostic::error(format!("cannot redefine the builtin `{name}`"), Some(span))
                    .with_label("a builtin function")
                    .with_help("choose another name, e.g. `my_".to_string() + name + "`"),
            );
            return true;
        }
        if is_constant_name(name) {
            self.errors.push(
                Diagnostic::error(
                    format!("cannot assign to the constant `{name}`"),
                    Some(span),
                )
                .with_label("a constant")
                .with_help("choose another name"),
            );
            return true;
        }
        false
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Number(_) | ExprKind::Ident(_) => {}
            ExprKind::Call { name, args } => {
                let builtin = builtins::lookup(&name.name)
                    .map(|b| (b.name, args::form_for(b, args.len(), e.span)));
                match &builtin {
                    Some((b, Ok(form))) => self.builtin_args(b, form, args),
                    _ => args.iter().for_each(|a| self.expr(a)),
                }
                if let Some(&n) = self.functions.get(&name.name) {
                    if n != args.len() {
                        self.errors.push(
                            Diagnostic::error(
                                format!(
                                    "{} takes {n} argument{}, got {}",
                                    name.name,
                                    if n == 1 { "" } else { "s" },
                                    args.len()
                                ),
                                Some(e.span),
                            )
                            .with_label("wrong number of arguments"),
                        );
                    }
                } else if let Some((_, checked)) = builtin {
                    if let Err(err) = checked {
                        self.errors.push(err.to_diagnostic());
                    }
                } else if let Some((_, binder)) =
                    self.bound.iter().rev().find(|(n, _)| *n == name.name)
                {
                    self.errors.push(
                        Diagnostic::error(
                            format!(
                                "`{}` is the variable bound by {binder}, not a function",
                                name.name
                            ),
                            Some(name.span),
                        )
                        .with_label("called like a function")
                        .with_help(format!("for a product write `{}*(…)`", name.name)),
                    );
                } else if self.values.contains(&name.name) {
                    self.errors.push(
                        Diagnostic::error(
                            format!("`{}` is a value, not a function", name.name),
                            Some(name.span),
                        )
                        .with_label("called like a function")
                        .with_help(format!("for a product write `{}*(…)`", name.name)),
                    );
                } else {
                    let known: Vec<String> = self.functions.keys().cloned().collect();
                    self.errors.push(
                        builtins::unknown_function(&name.name, name.span, &known).to_diagnostic(),
                    );
                }
            }
            ExprKind::Factorial(inner) if matches!(inner.kind, ExprKind::Factorial(_)) => {
                self.errors.push(
                    Diagnostic::error("`n!!` is ambiguous", Some(e.span))
                        .with_label("double factorial or iterated factorial?")
                        .with_help("sigma has no double factorial; write `(n!)!` for the factorial of a factorial"),
                );
            }
            ExprKind::Unary { expr, .. } | ExprKind::Factorial(expr) | ExprKind::Paren(expr) => {
                self.expr(expr)
            }
            ExprKind::Binary { lhs, rhs, .. } => {
                self.expr(lhs);
                self.expr(rhs);
            }
            ExprKind::Compare { operands, .. } => operands.iter().for_each(|o| self.expr(o)),
            ExprKind::List(items) => items.iter().for_each(|i| self.expr(i)),
            ExprKind::Comprehension { body, var, iter } => {
                self.expr(iter);
                self.bound.push((var.name.clone(), "for"));
                self.expr(body);
                self.bound.pop();
            }
            ExprKind::Index { base, items } => {
                self.expr(base);
                items
                    .iter()
                    .flat_map(|i| i.exprs())
                    .for_each(|x| self.expr(x));
            }
        }
    }
}

impl Checker {
    /// Checks the arguments of a call of the builtin `binder` as `form` declares them: each
    /// bound variable and name where it is written, every other argument with the variables
    /// that bind over it in scope.
    fn builtin_args(&mut self, binder: &'static str, form: Form, args: &[Expr]) {
        let functions = &self.functions;
        let binds: Vec<(usize, String)> = form
            .iter()
            .zip(args)
            .filter_map(|(p, a)| match p.kind {
                Kind::Var { what, over } => args::var_name(a, what, |n| functions.contains_key(n))
                    .ok()
                    .map(|n| over.iter().map(move |&i| (i, n.to_string()))),
                _ => None,
            })
            .flatten()
            .collect();
        for (i, (p, a)) in form.iter().zip(args).enumerate() {
            let problem = match p.kind {
                Kind::Var { what, .. } => {
                    args::var_name(a, what, |n| self.functions.contains_key(n)).err()
                }
                Kind::Name { noun, choices } => args::name_choice(a, noun, choices).err(),
                Kind::Value
                | Kind::Expr
                | Kind::Order { .. }
                | Kind::Sum
                | Kind::Family
                | Kind::Plotted => {
                    let depth = self.bound.len();
                    let over = binds.iter().filter(|(j, _)| *j == i);
                    self.bound.extend(over.map(|(_, n)| (n.clone(), binder)));
                    self.expr(a);
                    self.bound.truncate(depth);
                    None
                }
            };
            if let Some(err) = problem {
                self.errors.push(err.to_diagnostic());
            }
        }
    }
}
