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

use super::ast::{BinaryOp, CmpOp, Expr, ExprKind, Ident, Program, Stmt, StmtKind, UnaryOp};
use super::rule_names::{describe, Class};
use crate::diagnostics::Diagnostic;
use crate::source::{SourceId, Span};

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
        .op(Op::postfix(Rule::fact))
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
                Rule::statements => {
                    for stmt in pair.into_inner() {
                        if stmt.as_rule() != Rule::semicolon {
                            stmts.push(builder.stmt(stmt)?);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    Ok(Program { stmts })
}

/// Whether `text` ends with a bracket still open (brackets inside comments do not count), so
/// that a line-based reader should ask for more input. Unbalanced or mismatched closing
/// brackets make the input complete (and erroneous).
pub fn is_incomplete(text: &str) -> bool {
    let scan = scan_brackets(text);
    scan.error.is_none() && !scan.open.is_empty()
}

// ---------------------------------------------------------------------------------------
// Bracket pre-pass
// ---------------------------------------------------------------------------------------

/// Result of the lexical bracket pass.
struct Scan {
    /// The text with line breaks and comments inside brackets replaced by spaces (same byte
    /// length as the input, so offsets are shared).
    joined: String,
    /// Brackets still open at the end (or at the error), with their byte offsets.
    open: Vec<(char, usize)>,
    /// The first bracket problem found, if any.
    error: Option<BracketError>,
    /// The deepest bracket nesting seen.
    max_depth: usize,
    /// The length in bytes of the longest logical line (line breaks inside brackets do not
    /// end a logical line).
    longest_line: usize,
}

/// A bracket problem found by the pre-pass.
enum BracketError {
    /// An opening bracket at this offset exceeds [`MAX_BRACKET_DEPTH`].
    TooDeep(char, usize),
    /// A closing bracket with nothing open.
    Unmatched(char, usize),
    /// A closing bracket that does not match the innermost open one.
    Mismatched {
        open: (char, usize),
        close: (char, usize),
    },
}

fn closer(open: char) -> char {
    if open == '[' {
        ']'
    } else {
        ')'
    }
}

fn scan_brackets(text: &str) -> Scan {
    let mut joined = String::with_capacity(text.len());
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut max_depth = 0;
    let mut line_start = 0;
    let mut longest_line = 0;
    let blank = |out: &mut String, c: char| out.extend(std::iter::repeat_n(' ', c.len_utf8()));
    while let Some((i, c)) = chars.next() {
        match c {
            '#' => {
                let inside = !open.is_empty();
                if inside {
                    blank(&mut joined, c);
                } else {
                    joined.push(c);
                }
                while let Some(&(_, d)) = chars.peek() {
                    if d == '\n' || d == '\r' {
                        break;
                    }
                    chars.next();
                    if inside {
                        blank(&mut joined, d);
                    } else {
                        joined.push(d);
                    }
                }
            }
            '(' | '[' => {
                if open.len() >= MAX_BRACKET_DEPTH {
                    return Scan {
                        joined,
                        open,
                        error: Some(BracketError::TooDeep(c, i)),
                        max_depth,
                        longest_line,
                    };
                }
                open.push((c, i));
                max_depth = max_depth.max(open.len());
                joined.push(c);
            }
            ')' | ']' => {
                let error = match open.pop() {
                    None => Some(BracketError::Unmatched(c, i)),
                    Some((o, _)) if closer(o) == c => None,
                    Some(o) => Some(BracketError::Mismatched {
                        open: o,
                        close: (c, i),
                    }),
                };
                if error.is_some() {
                    return Scan {
                        joined,
                        open,
                        error,
                        max_depth,
                        longest_line,
                    };
                }
                joined.push(c);
            }
            '\n' | '\r' if !open.is_empty() => joined.push(' '),
            '\n' | '\r' => {
                longest_line = longest_line.max(i - line_start);
                line_start = i + 1;
                joined.push(c);
            }
            _ => joined.push(c),
        }
    }
    Scan {
        joined,
        open,
        error: None,
        max_depth,
        longest_line: longest_line.max(text.len() - line_start),
    }
}

fn bracket_error(err: BracketError, text: &str, source: SourceId) -> Diagnostic {
    match err {
        BracketError::TooDeep(c, at) => Diagnostic::error(
            format!("expression nested too deeply (limit {MAX_BRACKET_DEPTH})"),
            Some(Span::new(source, at, at + c.len_utf8())),
        )
        .with_label(format!(
            "this `{c}` is nested more than {MAX_BRACKET_DEPTH} levels deep"
        ))
        .with_help("split the expression into smaller definitions"),
        BracketError::Unmatched(c, at) => {
            let opener = if c == ']' { '[' } else { '(' };
            Diagnostic::error(
                format!("unexpected `{c}`"),
                Some(Span::new(source, at, at + 1)),
            )
            .with_label(format!("no matching `{opener}`"))
            .with_help(format!(
                "remove it, or add the missing `{opener}` before it"
            ))
        }
        BracketError::Mismatched {
            open: (o, oat),
            close: (c, cat),
        } => {
            let (line, col) = text_line_col(text, oat);
            Diagnostic::error(
                format!("mismatched closing bracket `{c}`"),
                Some(Span::new(source, cat, cat + 1)),
            )
            .with_label(format!("expected `{}`", closer(o)))
            .with_help(format!(
                "the `{o}` opened at line {line}, column {col} must be closed with `{}` first",
                closer(o)
            ))
        }
    }
}

/// 1-based line and character column of byte offset `at` in `text`.
fn text_line_col(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

// ---------------------------------------------------------------------------------------
// Pairs → AST
// ---------------------------------------------------------------------------------------

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
        let start = pair.as_span().start();
        let raw = pair
            .into_inner()
            .next()
            .map_or((start + 2, ""), |t| (t.as_span().start(), t.as_str()));
        let (text_start, text) = raw;
        let trimmed_end = text_start + text.trim_end().len();
        Stmt {
            kind: StmtKind::Heading(text.trim().to_string()),
            span: Span::new(self.source, start, trimmed_end),
        }
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
                })
            }
            _ => {
                let expr = self.expr(pair, 0)?;
                Ok(Stmt {
                    span: expr.span,
                    kind: StmtKind::Expr(expr),
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
            .map_postfix(|lhs, op| {
                let lhs = lhs?;
                Ok(Expr {
                    span: lhs.span.to(self.span(&op)),
                    kind: ExprKind::Factorial(Box::new(lhs)),
                })
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
            Rule::list => ExprKind::List(
                pair.into_inner()
                    .filter(|p| p.as_rule() == Rule::expr)
                    .map(|p| self.expr(p, depth))
                    .collect::<Result<_, _>>()?,
            ),
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
        Rule::not_op | Rule::neg | Rule::pos | Rule::pow | Rule::fact
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

/// A grammar/converter disagreement; should be unreachable.
fn internal() -> Diagnostic {
    Diagnostic::error("internal parser error: unexpected syntax tree shape", None)
}

// ---------------------------------------------------------------------------------------
// Error messages
// ---------------------------------------------------------------------------------------

/// What the parser found at the error position.
enum Found {
    EndOfInput,
    LineBreak,
    Name(String),
    Keyword(String),
    Number(String),
    Other(char),
}

impl Found {
    fn at(text: &str, pos: usize) -> Found {
        let rest = text.get(pos..).unwrap_or("");
        let Some(c) = rest.chars().next() else {
            return Found::EndOfInput;
        };
        if c == '\n' || c == '\r' {
            Found::LineBreak
        } else if c.is_xid_start() || c == '_' {
            let word: String = rest.chars().take_while(|&d| is_name_char(d)).collect();
            if matches!(word.as_str(), "and" | "or" | "not") {
                Found::Keyword(word)
            } else {
                Found::Name(word)
            }
        } else if c.is_ascii_digit()
            || (c == '.' && rest[1..].starts_with(|d: char| d.is_ascii_digit()))
        {
            Found::Number(rest[..number_len(rest)].to_string())
        } else {
            Found::Other(c)
        }
    }

    /// Byte length of the found token (0 at a line break or the end).
    fn len(&self) -> usize {
        match self {
            Found::EndOfInput | Found::LineBreak => 0,
            Found::Name(s) | Found::Keyword(s) | Found::Number(s) => s.len(),
            Found::Other(c) => c.len_utf8(),
        }
    }

    fn describe(&self) -> String {
        match self {
            Found::EndOfInput => "end of input".to_string(),
            Found::LineBreak => "a line break".to_string(),
            Found::Name(s) => format!("the name `{s}`"),
            Found::Keyword(s) => format!("the keyword `{s}`"),
            Found::Number(s) => format!("the number `{s}`"),
            Found::Other(c) => format!("`{c}`"),
        }
    }

    fn token(&self) -> Option<String> {
        match self {
            Found::EndOfInput | Found::LineBreak => None,
            Found::Name(s) | Found::Keyword(s) | Found::Number(s) => Some(format!("`{s}`")),
            Found::Other(c) => Some(format!("`{c}`")),
        }
    }
}

fn is_name_char(c: char) -> bool {
    c.is_xid_continue() || ('\u{2080}'..='\u{2089}').contains(&c)
}

/// The name or number just before `pos` (skipping spaces), for product suggestions. For an
/// implicit product such as `2x` it is the name (`x`).
fn previous_word(text: &str, pos: usize) -> Option<&str> {
    let before = text.get(..pos)?.trim_end_matches([' ', '\t']);
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_name_char(c) || c == '.')
        .last()
        .map(|(i, _)| i)?;
    let word = &before[start..];
    let first = word.chars().next()?;
    if first.is_xid_start() || first == '_' {
        return Some(word);
    }
    if !(first.is_ascii_digit() || first == '.') {
        return None;
    }
    // A number, possibly followed by the name of an implicit product.
    let end = number_len(word);
    match word[end..].chars().next() {
        Some(c) if c.is_xid_start() || c == '_' => Some(&word[end..]),
        _ => Some(word),
    }
}

/// The byte length of the number literal at the start of `s` (digits and dots, then an
/// exponent `e`/`E`, optional sign, digits when present).
fn number_len(s: &str) -> usize {
    let mantissa = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let rest = &s[mantissa..];
    let Some(exp) = rest.strip_prefix(['e', 'E']) else {
        return mantissa;
    };
    let unsigned = exp.strip_prefix(['+', '-']).unwrap_or(exp);
    let digits = unsigned.len()
        - unsigned
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    if digits == 0 {
        mantissa
    } else {
        s.len() - unsigned.len() + digits
    }
}

/// Joins `["a", "b", "c"]` as `a, b or c`.
fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// What the parser expected at an error position.
struct Expected {
    /// Readable list: `an operator, `,` or `)``.
    list: String,
    /// Whether an operand would have been accepted.
    operand: bool,
    /// Whether an operator would have been accepted.
    operator: bool,
    /// Whether a `,` would have been accepted.
    comma: bool,
}

/// Groups pest's expected rules by class and deduplicates them: operands become "an
/// expression" (which covers "a name"), operators "an operator", statement ends "the end of
/// the statement", and a possible statement start subsumes all of those.
fn expected(positives: &[Rule]) -> Expected {
    let described: Vec<(Class, &'static str)> = positives.iter().map(|&r| describe(r)).collect();
    let has = |class: Class| described.iter().any(|(c, _)| *c == class);
    let statement = has(Class::Statement);
    let operand = statement || has(Class::Operand);
    let operator = has(Class::Operator);
    let mut grouped: Vec<(Class, bool, &'static str)> = described
        .iter()
        .filter_map(|&(class, name)| {
            let shown = match class {
                Class::Statement => "a statement",
                Class::Operand | Class::End if statement => return None,
                Class::Token if operand && name == "a name" => return None,
                Class::Operand => "an expression",
                Class::Operator => "an operator",
                Class::End => "the end of the statement",
                Class::Token => name,
            };
            // Closing brackets read best last among the tokens: "`,` or `)`".
            let closer = matches!(shown, "`)`" | "`]`");
            Some((class, closer, shown))
        })
        .collect();
    grouped.sort_by_key(|&(class, closer, _)| (class, closer));
    let mut names: Vec<&str> = Vec::new();
    for (_, _, name) in grouped {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    Expected {
        list: join_or(&names),
        operand,
        operator,
        comma: names.contains(&"`,`"),
    }
}

/// Where the input's content ends: trailing whitespace and line breaks excluded, so a caret
/// "at the end" sits after the last character a reader sees.
fn content_end(text: &str) -> usize {
    text.trim_end().len()
}

/// Turns a pest error into a diagnostic with a readable message.
fn syntax_error(err: pest::error::Error<Rule>, text: &str, source: SourceId) -> Diagnostic {
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    let found = Found::at(text, pos);
    let span = Span::new(source, pos, pos + found.len());
    let positives = match err.variant {
        ErrorVariant::ParsingError { positives, .. } => positives,
        ErrorVariant::CustomError { message } => {
            return Diagnostic::error("expression too complex to parse", Some(span))
                .with_label("the parser gave up here")
                .with_note(message.to_lowercase());
        }
    };
    let Expected {
        list: expected,
        operand: wants_operand,
        operator: wants_operator,
        comma,
    } = expected(&positives);
    let message = match (&found, expected.is_empty()) {
        (_, true) => format!("unexpected {}", found.describe()),
        (Found::EndOfInput, false) => format!("expected {expected}"),
        (_, false) => format!("expected {expected}, found {}", found.describe()),
    };
    let label = match found.token() {
        Some(tok) => format!("unexpected {tok}"),
        None if expected.is_empty() => String::new(),
        None => format!("expected {expected}"),
    };
    let mut diag = Diagnostic::error(message, Some(span)).with_label(label);

    match &found {
        Found::Name(_) | Found::Number(_) | Found::Other('(')
            if wants_operator && !wants_operand =>
        {
            let product = match (previous_word(text, pos), &found) {
                (Some(prev), Found::Name(next) | Found::Number(next)) => {
                    format!("write `{prev}*{next}` for a product")
                }
                _ => "use `*` for a product".to_string(),
            };
            let help = if comma {
                format!("separate items with `,`, or {product}")
            } else {
                product
            };
            diag = diag.with_help(help);
        }
        Found::Keyword(k) if wants_operand => {
            diag = diag.with_help(format!("`{k}` is a keyword and cannot be used as a name"));
        }
        Found::LineBreak if wants_operand => {
            diag = diag.with_help(
                "an expression continues on the next line only inside brackets; \
                 wrap it in `(` … `)`",
            );
        }
        Found::Other(c) => {
            if let Some(help) = lookalike_help(*c) {
                diag = diag.with_help(help);
            }
        }
        _ => {}
    }
    diag
}

/// Advice for characters that look like operators sigma spells differently.
fn lookalike_help(c: char) -> Option<&'static str> {
    match c {
        '×' | '·' | '⋅' | '∗' => Some("write `*` for multiplication"),
        '÷' | '∕' => Some("write `/` for division"),
        '−' | '–' | '—' => Some("write `-` (ASCII hyphen-minus) for subtraction"),
        '²' | '³' | '¹' | '⁰' | '⁴'..='⁹' => Some("write powers with `^`, as in `x^2`"),
        '"' => Some("sigma has no strings"),
        '{' | '}' => Some("use `(` `)` for grouping and `[` `]` for lists"),
        _ => None,
    }
}
