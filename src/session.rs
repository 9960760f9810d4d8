//! The façade that runs source text through every stage — parse, check, evaluate — and keeps
//! the bindings between statements. A failed run restores the bindings it started with, so a
//! REPL line that errors leaves the session as it was.

use crate::diagnostics::{self, Diagnostic};
use crate::eval::scope::{Scope, Settings, UserFn};
use crate::eval::value::Value;
use crate::eval::{interrupt, Evaluator};
use crate::math::Expr;
pub use crate::outcome::{Outcome, OutcomeKind};
use crate::sema;
use crate::source::{SourceMap, Span};
use crate::syntax::{self, ast::StmtKind};

/// A session: sources seen, bindings, settings.
#[derive(Debug, Clone, Default)]
pub struct Session {
    pub sources: SourceMap,
    pub scope: Scope,
    pub settings: Settings,
}

impl Session {
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses, checks and runs `text` (registered under `name`), calling `emit` with each
    /// statement's outcome as soon as it is known. On failure returns the diagnostics and
    /// restores the bindings this call started with.
    pub fn run(
        &mut self,
        name: &str,
        text: &str,
        emit: &mut dyn FnMut(&Outcome),
    ) -> Result<(), Vec<Diagnostic>> {
        let saved = self.scope.clone();
        let r = self.run_inner(name, text, emit);
        if r.is_err() {
            self.scope = saved;
        }
        r
    }

    /// Runs `text` and collects the outcomes.
    pub fn run_collect(
        &mut self,
        name: &str,
        text: &str,
    ) -> Result<Vec<Outcome>, (Vec<Outcome>, Vec<Diagnostic>)> {
        let mut out = Vec::new();
        match self.run(name, text, &mut |o| out.push(o.clone())) {
            Ok(()) => Ok(out),
            Err(d) => Err((out, d)),
        }
    }

    /// Evaluates one expression written in sigma's language to an exact `Expr` (free names
    /// stay symbols): `Session::expr("binomial(2*n, n)/4^n")`. Errors are rendered as text.
    pub fn expr(text: &str) -> Result<Expr, String> {
        let mut s = Session::new();
        match s.run_collect("<expr>", text) {
            Ok(out) => match out.last().map(|o| &o.kind) {
                Some(OutcomeKind::Value(Value::Expr(e))) => Ok(e.clone()),
                other => Err(format!("`{text}` is not an exact expression: {other:?}")),
            },
            Err((_, d)) => Err(s.render_diagnostics(&d, false)),
        }
    }

    fn run_inner(
        &mut self,
        name: &str,
        text: &str,
        emit: &mut dyn FnMut(&Outcome),
    ) -> Result<(), Vec<Diagnostic>> {
        let id = self.sources.add(name, text);
        let program = syntax::parse_program(text, id).map_err(|d| vec![d])?;
        let errors = sema::check(&program, &self.scope);
        if !errors.is_empty() {
            return Err(errors);
        }
        // Lines are counted from the previous statement on, so a long script costs linear time.
        let mut lines = LineCounter::default();
        for stmt in &program.stmts {
            interrupt::reset();
            let input = self.sources.slice(stmt.span).trim().to_string();
            let line = lines.line_of(text, stmt.span.start);
            let mut ev = Evaluator::new(&self.scope, &self.settings).with_source(id, text);
            let kind = match &stmt.kind {
                StmtKind::Heading(h) => OutcomeKind::Heading(h.clone()),
                StmtKind::Prose(p) => OutcomeKind::Prose(p.clone()),
                StmtKind::Expr(e) => OutcomeKind::Value(ev.eval(e).map_err(stopped)?),
                StmtKind::Assign { name, value } => {
                    let v = ev.eval(value).map_err(stopped)?;
                    OutcomeKind::Binding {
                        name: name.name.clone(),
                        value: v,
                    }
                }
                StmtKind::FunDef { name, params, body } => {
                    let params: Vec<String> = params.iter().map(|p| p.name.clone()).collect();
                    // Show the body in canonical form when it evaluates with free parameters
                    // and depends on no other binding: the body is evaluated at each call, so a
                    // form with today's values of other names baked in would mislead.
                    let mut shown = None;
                    if !mentions_bindings(body, &params, &self.scope) {
                        let mut probe = Evaluator::new(&self.scope, &self.settings);
                        let frame: Vec<(String, Value)> = params
                            .iter()
                            .map(|p| (p.clone(), Value::Expr(Expr::sym(p))))
                            .collect();
                        if let Ok(Value::Expr(x)) = probe.eval_in_frame(body, frame) {
                            shown = Some(x);
                        }
                    }
                    OutcomeKind::Definition {
                        name: name.name.clone(),
                        params,
                        body: shown,
                        text: self.sources.slice(body.span).to_string(),
                    }
                }
            };
            let steps = std::mem::take(&mut ev.steps);
            let assumed = std::mem::take(&mut ev.assumed);
            for (name, set) in assumed {
                self.scope.facts = self.scope.facts.with(&name, set);
            }
            // Bind after evaluation, so a failed statement binds nothing.
            match &kind {
                OutcomeKind::Binding { name, value } => {
                    self.scope.functions.remove(name);
                    self.scope.values.insert(name.clone(), value.clone());
                }
                OutcomeKind::Definition { name, params, .. } => {
                    if let StmtKind::FunDef { body, .. } = &stmt.kind {
                        self.scope.values.remove(name);
                        self.scope.functions.insert(
                            name.clone(),
                            UserFn {
                                name: name.clone(),
                                params: params.clone(),
                                body: body.clone(),
                            },
                        );
                    }
                }
                _ => {}
            }
            if self.settings.ans {
                if let OutcomeKind::Value(v) | OutcomeKind::Binding { value: v, .. } = &kind {
                    self.scope.ans = Some(v.clone());
                }
            }
            emit(&Outcome {
                input,
                line,
                kind,
                steps,
                quiet: stmt.quiet,
            });
        }
        Ok(())
    }

    /// Renders diagnostics against this session's sources.
    pub fn render_diagnostics(&self, diags: &[Diagnostic], color: bool) -> String {
        diagnostics::render_all(diags, &self.sources, color)
    }

    /// The span's `file:line:col`, for messages outside diagnostics.
    pub fn location(&self, span: Span) -> String {
        let name = self
            .sources
            .get(span.source)
            .map_or("<input>", |f| f.name.as_str());
        match diagnostics::line_col(&self.sources, span) {
            Some((l, c)) => format!("{name}:{l}:{c}"),
            None => name.to_string(),
        }
    }
}

/// Whether `e` uses a bound value or calls a user function (other than through `params`).
/// The diagnostic of a failed statement. A failure while the interrupt flag is up is the stop
/// itself (a method that gave up because it was stopped must not be reported as the cause).
fn stopped(e: crate::eval::EvalError) -> Vec<Diagnostic> {
    let e = if crate::math::interrupted() {
        interrupt::error(e.span)
    } else {
        e
    };
    vec![e.to_diagnostic()]
}

/// Line numbers of increasing byte offsets in one text, counting each newline once.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: usize,
}

impl LineCounter {
    /// The 1-based line of byte `offset` (offsets must not decrease between calls).
    fn line_of(&mut self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len()).max(self.offset);
        let seen = text.as_bytes()[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.line += seen;
        self.offset = offset;
        self.line + 1
    }
}

fn mentions_bindings(
    e: &crate::syntax::ast::Expr,
    params: &[String],
    scope: &crate::eval::scope::Scope,
) -> bool {
    use crate::syntax::ast::ExprKind;
    e.any(&|x| match &x.kind {
        ExprKind::Ident(n) => !params.contains(n) && scope.values.contains_key(n),
        ExprKind::Call { name, .. } => scope.functions.contains_key(&name.name),
        _ => false,
    })
}
