//! Syntax: the spanned AST, the pest grammar (`grammar/sigma.pest`) and the parser turning
//! source text into a [`ast::Program`] or a parse [`crate::diagnostics::Diagnostic`].

pub mod ast;
pub mod parser;
mod rule_names;

pub use parser::{is_incomplete, parse_program};
