//! Human names for grammar rules, used to turn pest's "expected rules" into readable
//! `expected …` messages. The match is exhaustive on purpose: adding a rule to
//! `grammar/sigma.pest` must add its name here.

use super::parser::Rule;

/// How a rule is grouped when listing what the parser expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Class {
    /// Something that starts an operand: listed as "an expression".
    Operand,
    /// A binary, postfix or implicit operator (or a call's `(`): listed as "an operator".
    Operator,
    /// A specific token, listed by its own name (`,`, `)`, a name, …).
    Token,
    /// Something that ends a statement: listed as "the end of the statement".
    End,
    /// The start of a whole statement (or heading): listed as "a statement", which subsumes
    /// expressions, names and statement ends.
    Statement,
}

/// The class and human name of `rule`, e.g. `(Class::Token, "`)`")`.
pub(crate) fn describe(rule: Rule) -> (Class, &'static str) {
    use Class::*;
    match rule {
        Rule::EOI => (End, "end of input"),
        Rule::program => (Statement, "a program"),
        Rule::line_break => (End, "a line break"),
        Rule::heading => (Statement, "a heading"),
        Rule::heading_text => (Token, "heading text"),
        Rule::prose => (Statement, "a prose line"),
        Rule::prose_text => (Token, "prose text"),
        Rule::statements => (Statement, "a statement"),
        Rule::semicolon => (End, "`;`"),
        Rule::fundef => (Statement, "a function definition"),
        Rule::params => (Token, "parameter names"),
        Rule::assign => (Statement, "an assignment"),
        Rule::assign_op => (Operator, "`=`"),
        Rule::expr => (Operand, "an expression"),
        Rule::infix => (Operator, "an operator"),
        Rule::term => (Operand, "an expression"),
        Rule::implicit_mul => (Operator, "an implicit product"),
        Rule::call => (Token, "a function call"),
        Rule::paren => (Operand, "a parenthesised expression"),
        Rule::list => (Operand, "a list"),
        Rule::comprehension => (Operator, "`for … in …`"),
        Rule::for_kw => (Operator, "`for`"),
        Rule::in_kw => (Token, "`in`"),
        Rule::number => (Token, "a number"),
        Rule::ident => (Token, "a name"),
        Rule::add => (Operator, "`+`"),
        Rule::sub => (Operator, "`-`"),
        Rule::mul => (Operator, "`*`"),
        Rule::div => (Operator, "`/`"),
        Rule::pow => (Operator, "`^`"),
        Rule::lt => (Operator, "`<`"),
        Rule::le => (Operator, "`<=`"),
        Rule::gt => (Operator, "`>`"),
        Rule::ge => (Operator, "`>=`"),
        Rule::eq => (Operator, "`=`"),
        Rule::ne => (Operator, "`!=`"),
        Rule::and_op => (Operator, "`and`"),
        Rule::or_op => (Operator, "`or`"),
        Rule::not_op => (Operand, "`not`"),
        Rule::neg => (Operand, "`-`"),
        Rule::pos => (Operand, "`+`"),
        Rule::fact => (Operator, "`!`"),
        Rule::lparen => (Operator, "`(`"),
        Rule::rparen => (Token, "`)`"),
        Rule::lbracket => (Operand, "`[`"),
        Rule::rbracket => (Token, "`]`"),
        Rule::comma => (Token, "`,`"),
        Rule::index => (Operator, "an index"),
        Rule::index_open => (Operator, "`[`"),
        Rule::index_item => (Operand, "an index"),
        Rule::colon => (Token, "`:`"),
        Rule::line => (Statement, "a line"),
        Rule::stmt => (Statement, "a statement"),
        Rule::logic_operand => (Operand, "an expression"),
        Rule::logic_op => (Operator, "`and` or `or`"),
        Rule::cmp_op => (Operator, "a comparison"),
        Rule::prefix => (Operand, "a sign"),
        Rule::postfix => (Operator, "`!` or an index"),
        Rule::primary => (Operand, "an expression"),
        Rule::number_operand => (Operand, "an expression"),
        Rule::ident_start => (Token, "a name"),
        Rule::ident_continue => (Token, "a name"),
        Rule::keyword => (Token, "a keyword"),
        Rule::WHITESPACE => (Token, "a space"),
        Rule::COMMENT => (Token, "a comment"),
    }
}
