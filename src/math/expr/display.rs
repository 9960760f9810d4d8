//! The plain-text form of expressions, in the syntax sigma reads back (`2*sqrt(2)`,
//! `-2*x*exp(-x^2)`, `x^2/2`), so printed exact results round-trip. It is the `Display` of
//! `Expr`, printed by the one expression printer (`print.rs`) in its text style.

pub use super::print::{is_negative, lead_positive, negate_term};
use super::print::{paren, print, print_prec, Prec, Style};
use super::Expr;

/// The text form of an expression (what `Display` prints).
pub fn expr(e: &Expr) -> String {
    print(e, Style::Text)
}

/// The text form of a term that follows a minus sign: parenthesised unless it binds at
/// least as tightly as a product.
pub fn in_product(e: &Expr) -> String {
    paren(print_prec(e, Style::Text), Prec::Product, Style::Text)
}

impl std::fmt::Display for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&expr(self))
    }
}
