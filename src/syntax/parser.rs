//! The parser: a bracket pre-pass (implicit line joining, bracket balance, nesting limit),
//! the pest grammar `grammar/sigma.pest`, the Pratt parser that resolves operator precedence,
//! and the conversion of pest pairs into the spanned AST. Parse failures become one
//! [`Diagnostic`] with a readable "expected …" message.

// `Diagnostic` (the crate-wide error type, 128 bytes) is the contracted error of
// `parse_program`; it is returned once per parse, so boxing it buys nothing.
#![allow(clippy::result_large_err)]

use std::sync::LazyLock;

use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};
use pest::Parser;
use unicode_xid::UnicodeXID;

use super::ast::{
    BinaryOp, CmpOp, Expr, ExprKind, Ident, IndexItem, IndexKind, Program, Stmt, StmtKind, UnaryOp,
};
use super::rule_names::{describe, Class};
use crate::diagnostics::Diagnostic;
use crate::source::{SourceId, Span};

mod brackets;
mod errors;
pub use brackets::is_incomplete;
use brackets::*;
use errors::*;

/// The pest parser generated from `grammar/sigma.pest`; [`Rule`] names its rules.
///
/// Parsing `Rule::program` directly does not perform implicit line joining inside brackets;
/// use [`parse_program`] for real input.
#[derive(pest_derive::Parser)]
#[grammar = "grammar/sigma.pest"]
pub struct SigmaParser;

/// The deepest bracket nesting accepted.
pub const MAX_BRACKET_DEPTH: usize = 256;

/// The most operators accepted along one chain of nested expressions (a bound on the depth
/// of the syntax tree, so that later recursive passes cannot overflow the stack).
pub const MAX_OPERATOR_DEPTH: usize = 1024;

/// Most operators one expression may chain (`a + b + …`): the syntax tree of a chain is as
/// deep as it is long, and later stages recurse over it.
pub const MAX_CHAIN_OPERATORS: usize = 20_000;

/// The one Pratt parser, ordered from loosest to tightest binding.
static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::or_op, Assoc::Left))
        .op(Op::infix(Rule::and_op, Assoc::Left))
        .op(Op::prefix(Rule::not_op))
        .op(Op::infix(Rule::lt, Assoc::Left)
            | Op::infix(Rule::le, Assoc::Left)
            | Op::infix(Rule::gt, Assoc::Left)
            | Op::infix(Rule::ge, Assoc::Left)
            | Op::infix(Rule::eq, Assoc::Left)
            | Op::infix(Rule::ne, Assoc::Left))
        .op(Op::infix(Rule::add, Assoc::Left) | Op::infix(Rule::sub, Assoc::Left))
        .op(Op::infix(Rule::mul, Assoc::Left)
            | Op::infix(Rule::div, Assoc::Left)
            | Op::infix(Rule::implicit_mul, Assoc::Left))
        .op(Op::prefix(Rule::neg) | Op::prefix(Rule::pos))
        .op(Op::infix(Rule::pow, Assoc::Right))
        .op(Op::postfix(Rule::fact) | Op::postfix(Rule::index))
});

/// Parses a whole source text (registered as `source`) into a [`Program`].
///
/// Newlines and `;` separate statements, except inside open `(` / `[`, where line breaks
/// and comments are ignored. Returns the first syntax error as a [`Diagnostic`] whose span
/// points into `text`.
pub fn parse_program(text: &str, source: SourceId) -> Result<Program, Diagnostic> {
    let scan = scan_brackets(text);
    if let Some(err) = scan.error {
        return Err(bracket_error(err, text, source));
    }
    if let Some(&(open, at)) = scan.open.last() {
        let (line, col) = text_line_col(text, at);
        return Err(Diagnostic::error(
            format!("unclosed `{open}`"),
            Some(Span::new(source, content_end(text), content_end(text))),
        )
        .with_label(format!(
            "expected `{}` before the end of input",
            closer(open)
        ))
        .with_help(format!(
            "the `{open}` opened at line {line}, column {col} is never closed"
        )));
    }

    if scan.max_depth <= INLINE_MAX_DEPTH && scan.longest_line <= INLINE_MAX_LINE {
        return parse_joined(&scan.joined, text, source);
    }
    // Deeply nested or very long statements recurse deeply (pest, the Pratt parser and the
    // conversion are all recursive): parse them on a thread with a generous stack.
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("sigma-parser".into())
            .stack_size(PARSER_STACK_SIZE)
            .spawn_scoped(scope, || parse_joined(&scan.joined, text, source));
        match worker {
            Ok(handle) => handle.join().unwrap_or_else(|_| Err(internal())),
            Err(_) => parse_joined(&scan.joined, text, source),
        }
    })
}

/// Bracket depth up to which parsing runs on the caller's stack.
const INLINE_MAX_DEPTH: usize = 24;
/// Logical line length (bytes) up to which parsing runs on the caller's stack.
const INLINE_MAX_LINE: usize = 256;
/// Stack size of the parser thread used for deep or long input.
const PARSER_STACK_SIZE: usize = 64 << 20;

/// Runs pest on the joined text and converts the result; `text` is the original input.
fn parse_joined(joined: &str, text: &str, source: SourceId) -> Result<Program, Diagnostic> {
    let pairs =
        SigmaParser::parse(Rule::program, joined).map_err(|e| syntax_error(e, text, source))?;
    let builder = Builder { source };
    let mut stmts = Vec::new();
    for program in pairs {
        for pair in program.into_inner() {
            match pair.as_rule() {
                Rule::heading => stmts.push(builder.heading(pair)),
                Rule::prose => stmts.push(builder.prose(pair)),
                Rule::statements => {
                    // A `;` right after a statement makes it quiet.
                    let mut after_stmt = false;
                    for stmt in pair.into_inner() {
                        if stmt.as_rule() != Rule::semicolon {
                            stmts.push(builder.stmt(stmt)?);
                            after_stmt = true;
                        } else {
                            if after_stmt {
                                if let Some(last) = stmts.last_mut() {
                                    last.quiet = true;
                                }
                            }
                            after_stmt = false;
                        }
                    }
                }
                _ => {}
            }
        }
    }
    Ok(Program { stmts })
}

/// Converts pest pairs into AST nodes carrying spans in `source`.
struct Builder {
    source: SourceId,
}

impl Builder {
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.source, s.start(), s.end())
    }

    fn heading(&self, pair: Pair<'_, Rule>) -> Stmt {
        self.line_text(pair, StmtKind::Heading)
    }

    fn prose(&self, pair: Pair<'_, Rule>) -> Stmt {
        self.line_text(pair, StmtKind::Prose)
    }

    /// A whole-line statement (`## text`, `#' text`): its text trimmed, its span the line
    /// without trailing blanks.
    fn line_text(&self, pair: Pair<'_, Rule>, kind: fn(String) -> StmtKind) -> Stmt {
        let start = pair.as_span().start();
        let raw = pair
            .into_inner()
            .next()
            .map_or((start + 2, ""), |t| (t.as_span().start(), t.as_str()));
        let (text_start, text) = raw;
        let trimmed_end = text_start + text.trim_end().len();
        Stmt {
            kind: kind(text.trim().to_string()),
            span: Span::new(self.source, start, trimmed_end),
            quiet: false,
        }
    }

    /// The family `body for var in iter`, its span from the body to the end of the list.
    fn comprehension(
        &self,
        body: Expr,
        pair: Pair<'_, Rule>,
        depth: usize,
    ) -> Result<Expr, Diagnostic> {
        let end = pair.as_span().end();
        let mut var = None;
        let mut iter = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::ident => var = Some(self.ident(&part)),
                Rule::expr => iter = Some(self.expr(part, depth)?),
                _ => {}
            }
        }
        let (var, iter) = var.zip(iter).ok_or_else(internal)?;
        let span = Span::new(self.source, body.span.start, end);
        Ok(Expr {
            kind: ExprKind::Comprehension {
                body: Box::new(body),
                var,
                iter: Box::new(iter),
            },
            span,
        })
    }

    fn ident(&self, pair: &Pair<'_, Rule>) -> Ident {
        Ident {
            name: pair.as_str().to_string(),
            span: self.span(pair),
        }
    }

    fn stmt(&self, pair: Pair<'_, Rule>) -> Result<Stmt, Diagnostic> {
        match pair.as_rule() {
            Rule::fundef => {
                let mut name = None;
                let mut params = Vec::new();
                let mut body = None;
                for part in pair.into_inner() {
                    match part.as_rule() {
                        Rule::ident => name = Some(self.ident(&part)),
                        Rule::params => params.extend(
                            part.into_inner()
                                .filter(|p| p.as_rule() == Rule::ident)
                                .map(|p| self.ident(&p)),
                        ),
                        Rule::expr => body = Some(self.expr(part, 0)?),
                        _ => {}
                    }
                }
                let (name, body) = name.zip(body).ok_or_else(internal)?;
                Ok(Stmt {
                    span: name.span.to(body.span),
                    kind: StmtKind::FunDef { name, params, body },
                    quiet: false,
                })
            }
            Rule::assign => {
                let mut name = None;
                let mut value = None;
                for part in pair.into_inner() {
                    match part.as_rule() {
                        Rule::ident => name = Some(self.ident(&part)),
                        Rule::expr => value = Some(self.expr(part, 0)?),
                        _ => {}
                    }
                }
                let (name, value) = name.zip(value).ok_or_else(internal)?;
                Ok(Stmt {
                    span: name.span.to(value.span),
                    kind: StmtKind::Assign { name, value },
                    quiet: false,
                })
            }
            _ => {
                let expr = self.expr(pair, 0)?;
                Ok(Stmt {
                    span: expr.span,
                    kind: StmtKind::Expr(expr),
                    quiet: false,
                })
            }
        }
    }

    /// Converts an `expr` pair. `depth` counts operators on enclosing levels; the total is
    /// bounded by [`MAX_OPERATOR_DEPTH`] before the (recursive) Pratt parser runs.
    fn expr(&self, pair: Pair<'_, Rule>, depth: usize) -> Result<Expr, Diagnostic> {
        let span = self.span(&pair);
        let mut flat = Vec::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::term | Rule::infix => flat.extend(part.into_inner()),
                _ => flat.push(part),
            }
        }
        // Left-associative chains (`a + b + c …`) are parsed iteratively; only operators that
        // make the Pratt parser recurse (right-associative `^`, prefix and postfix operators)
        // count towards the nesting depth. Flat chains are bounded separately.
        let nesting = flat
            .iter()
            .filter(|p| is_nesting_operator(p.as_rule()))
            .count();
        let operators = flat.iter().filter(|p| is_operator(p.as_rule())).count();
        let depth = depth + nesting + 1;
        if operators > MAX_CHAIN_OPERATORS {
            return Err(Diagnostic::error(
                format!(
                    "expression too long (limit {MAX_CHAIN_OPERATORS} operators in one expression)"
                ),
                Some(span),
            )
            .with_label("this expression has too many operators")
            .with_help("split the expression into smaller definitions"));
        }
        if depth > MAX_OPERATOR_DEPTH {
            return Err(Diagnostic::error(
                format!("expression nested too deeply (limit {MAX_OPERATOR_DEPTH} operators)"),
                Some(span),
            )
            .with_label("this expression is too deeply nested")
            .with_help("split the expression into smaller definitions"));
        }
        if flat.is_empty() {
            return Err(internal());
        }
        PRATT
            .map_primary(|p| self.primary(p, depth))
            .map_prefix(|op, rhs| {
                let rhs = rhs?;
                let op_span = self.span(&op);
                match op.as_rule() {
                    Rule::pos => Ok(rhs),
                    rule => Ok(Expr {
                        span: op_span.to(rhs.span),
                        kind: ExprKind::Unary {
                            op: if rule == Rule::not_op {
                                UnaryOp::Not
                            } else {
                                UnaryOp::Neg
                            },
                            expr: Box::new(rhs),
                        },
                    }),
                }
            })
            .map_postfix(move |lhs, op| {
                let lhs = lhs?;
                let span = lhs.span.to(self.span(&op));
                let kind = if op.as_rule() == Rule::index {
                    let items = op
                        .into_inner()
                        .filter(|p| p.as_rule() == Rule::index_item)
                        .map(|p| self.index_item(p, depth))
                        .collect::<Result<_, _>>()?;
                    ExprKind::Index {
                        base: Box::new(lhs),
                        items,
                    }
                } else {
                    ExprKind::Factorial(Box::new(lhs))
                };
                Ok(Expr { kind, span })
            })
            .map_infix(|lhs, op, rhs| {
                let (lhs, rhs) = (lhs?, rhs?);
                let span = lhs.span.to(rhs.span);
                let kind = match op.as_rule() {
                    Rule::lt => compare(lhs, CmpOp::Lt, rhs),
                    Rule::le => compare(lhs, CmpOp::Le, rhs),
                    Rule::gt => compare(lhs, CmpOp::Gt, rhs),
                    Rule::ge => compare(lhs, CmpOp::Ge, rhs),
                    Rule::eq => compare(lhs, CmpOp::Eq, rhs),
                    Rule::ne => compare(lhs, CmpOp::Ne, rhs),
                    rule => {
                        let op = match rule {
                            Rule::or_op => BinaryOp::Or,
                            Rule::and_op => BinaryOp::And,
                            Rule::add => BinaryOp::Add,
                            Rule::sub => BinaryOp::Sub,
                            Rule::div => BinaryOp::Div,
                            Rule::pow => BinaryOp::Pow,
                            _ => BinaryOp::Mul,
                        };
                        ExprKind::Binary {
                            op,
                            lhs: Box::new(lhs),
                            rhs: Box::new(rhs),
                        }
                    }
                };
                Ok(Expr { kind, span })
            })
            .parse(flat.into_iter())
    }

    /// Converts one `index_item`: an expression, or a slice whose parts are told apart by
    /// the colons before them.
    fn index_item(&self, pair: Pair<'_, Rule>, depth: usize) -> Result<IndexItem, Diagnostic> {
        let mut span = self.span(&pair);
        // The rule may end on spaces skipped before a `:` that did not come.
        span.end = span.start + pair.as_str().trim_end().len();
        let mut parts: [Option<Expr>; 3] = [None, None, None];
        let mut colons = 0;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::colon => colons += 1,
                Rule::expr => parts[colons.min(2)] = Some(self.expr(part, depth)?),
                _ => {}
            }
        }
        let [start, stop, step] = parts;
        let kind = match (colons, start) {
            (0, Some(at)) => IndexKind::At(at),
            (0, None) => return Err(internal()),
            (_, start) => IndexKind::Slice { start, stop, step },
        };
        Ok(IndexItem { kind, span })
    }

    fn primary(&self, pair: Pair<'_, Rule>, depth: usize) -> Result<Expr, Diagnostic> {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::number => ExprKind::Number(pair.as_str().to_string()),
            Rule::ident => ExprKind::Ident(pair.as_str().to_string()),
            Rule::call => {
                let mut name = None;
                let mut args = Vec::new();
                for part in pair.into_inner() {
                    match part.as_rule() {
                        Rule::ident => name = Some(self.ident(&part)),
                        Rule::expr => args.push(self.expr(part, depth)?),
                        Rule::comprehension => {
                            let body = args.pop().ok_or_else(internal)?;
                            args.push(self.comprehension(body, part, depth)?);
                        }
                        _ => {}
                    }
                }
                ExprKind::Call {
                    name: name.ok_or_else(internal)?,
                    args,
                }
            }
            Rule::paren => {
                let inner = pair
                    .into_inner()
                    .find(|p| p.as_rule() == Rule::expr)
                    .ok_or_else(internal)?;
                ExprKind::Paren(Box::new(self.expr(inner, depth)?))
            }
            Rule::list => {
                let mut items = Vec::new();
                for part in pair.into_inner() {
                    match part.as_rule() {
                        Rule::expr => items.push(self.expr(part, depth)?),
                        Rule::comprehension => {
                            let body = items.pop().ok_or_else(internal)?;
                            items.push(self.comprehension(body, part, depth)?);
                        }
                        _ => {}
                    }
                }
                ExprKind::List(items)
            }
            _ => return Err(internal()),
        };
        Ok(Expr { kind, span })
    }
}

/// Whether `rule` is an operator token in the flat sequence handed to the Pratt parser.
/// Operators whose operands the Pratt parser reaches by recursion.
fn is_nesting_operator(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::not_op | Rule::neg | Rule::pos | Rule::pow | Rule::fact | Rule::index
    )
}

fn is_operator(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::or_op
            | Rule::and_op
            | Rule::not_op
            | Rule::lt
            | Rule::le
            | Rule::gt
            | Rule::ge
            | Rule::eq
            | Rule::ne
            | Rule::add
            | Rule::sub
            | Rule::mul
            | Rule::div
            | Rule::implicit_mul
            | Rule::neg
            | Rule::pos
            | Rule::pow
            | Rule::fact
            | Rule::index
    )
}

/// Builds `lhs op rhs` as a comparison, extending `lhs` when it is itself an (unparenthesised)
/// comparison chain.
fn compare(lhs: Expr, op: CmpOp, rhs: Expr) -> ExprKind {
    match lhs.kind {
        ExprKind::Compare {
            mut operands,
            mut ops,
        } => {
            operands.push(rhs);
            ops.push(op);
            ExprKind::Compare { operands, ops }
        }
        kind => ExprKind::Compare {
            operands: vec![Expr { kind, ..lhs }, rhs],
            ops: vec![op],
        },
    }
}
