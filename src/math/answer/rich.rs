//! Rich text: prose with embedded mathematics. A claim, reason or verdict is a list of
//! pieces (words, expressions, relation symbols, fixed notations), so every renderer can show
//! the mathematics as mathematics: LaTeX sets the expressions in math mode instead of
//! re-escaping printed Unicode, JSON carries each piece as data.

use crate::math::expr::Expr;
use std::fmt;

/// A relation or arrow written between two mathematical pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `→` (tends to)
    To,
    /// `~` (asymptotic to)
    Sim,
}

impl Op {
    /// Every operator, for readers that map a name back to it.
    pub const ALL: [Op; 8] = [
        Op::Eq,
        Op::Ne,
        Op::Lt,
        Op::Le,
        Op::Gt,
        Op::Ge,
        Op::To,
        Op::Sim,
    ];
    /// The operator in plain text (Unicode where the language has no ASCII spelling).
    pub fn text(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "≠",
            Op::Lt => "<",
            Op::Le => "≤",
            Op::Gt => ">",
            Op::Ge => "≥",
            Op::To => "→",
            Op::Sim => "~",
        }
    }
    /// The operator in LaTeX math mode.
    pub fn tex(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "\\ne",
            Op::Lt => "<",
            Op::Le => "\\le",
            Op::Gt => ">",
            Op::Ge => "\\ge",
            Op::To => "\\to",
            Op::Sim => "\\sim",
        }
    }
    /// A stable name for data formats.
    pub fn name(self) -> &'static str {
        match self {
            Op::Eq => "eq",
            Op::Ne => "ne",
            Op::Lt => "lt",
            Op::Le => "le",
            Op::Gt => "gt",
            Op::Ge => "ge",
            Op::To => "to",
            Op::Sim => "sim",
        }
    }
    /// The operator with a stable name.
    pub fn from_name(s: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|o| o.name() == s)
    }
}

/// A fixed piece of notation that is not an expression of sigma's language, with its plain
/// and LaTeX forms: `lim |a(n+1)/a(n)|`, `Σ|a(n)|`, `p`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notation {
    pub text: String,
    pub tex: String,
}

impl Notation {
    pub fn new(text: impl Into<String>, tex: impl Into<String>) -> Self {
        Notation {
            text: text.into(),
            tex: tex.into(),
        }
    }
}

/// One piece of rich text.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Prose.
    Text(String),
    /// An expression, printed by the expression printer of each format.
    Math(Expr),
    /// A relation symbol between mathematical pieces.
    Op(Op),
    /// Fixed notation.
    Notation(Notation),
}

impl Piece {
    /// Whether the piece is mathematics (set in math mode by LaTeX).
    pub fn is_math(&self) -> bool {
        !matches!(self, Piece::Text(_))
    }
}

/// Prose with embedded mathematics.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rich(pub Vec<Piece>);

impl Rich {
    pub fn new() -> Self {
        Rich(Vec::new())
    }
    /// Prose only.
    pub fn text(s: impl Into<String>) -> Self {
        let s = s.into();
        if s.is_empty() {
            Rich::new()
        } else {
            Rich(vec![Piece::Text(s)])
        }
    }
    /// One expression.
    pub fn math(e: Expr) -> Self {
        Rich(vec![Piece::Math(e)])
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Appends anything that can be part of rich text.
    pub fn push(&mut self, p: impl Part) {
        p.append_to(self);
    }
    /// `self` followed by `p`.
    pub fn and(mut self, p: impl Part) -> Self {
        p.append_to(&mut self);
        self
    }
    /// Appends a piece, merging adjacent prose.
    fn piece(&mut self, p: Piece) {
        match (self.0.last_mut(), p) {
            (Some(Piece::Text(a)), Piece::Text(b)) => a.push_str(&b),
            (_, Piece::Text(b)) if b.is_empty() => {}
            (_, p) => self.0.push(p),
        }
    }
    /// Whether the plain text contains `needle`.
    pub fn contains(&self, needle: &str) -> bool {
        self.to_string().contains(needle)
    }
    /// Whether the plain text starts with `prefix`.
    pub fn starts_with(&self, prefix: &str) -> bool {
        self.to_string().starts_with(prefix)
    }
}

/// Something that can be appended to rich text: prose, expressions, operators, notation and
/// other rich text.
pub trait Part {
    fn append_to(self, r: &mut Rich);
}

impl Part for &str {
    fn append_to(self, r: &mut Rich) {
        r.piece(Piece::Text(self.to_string()));
    }
}
impl Part for String {
    fn append_to(self, r: &mut Rich) {
        r.piece(Piece::Text(self));
    }
}
impl Part for &String {
    fn append_to(self, r: &mut Rich) {
        r.piece(Piece::Text(self.clone()));
    }
}
impl Part for Expr {
    fn append_to(self, r: &mut Rich) {
        r.piece(Piece::Math(self));
    }
}
impl Part for &Expr {
    fn append_to(self, r: &mut Rich) {
        r.piece(Piece::Math(self.clone()));
    }
}
impl Part for Op {
    fn append_to(self, r: &mut Rich) {
        r.piece(Piece::Op(self));
    }
}
impl Part for Notation {
    fn append_to(self, r: &mut Rich) {
        r.piece(Piece::Notation(self));
    }
}
impl Part for &Notation {
    fn append_to(self, r: &mut Rich) {
        r.piece(Piece::Notation(self.clone()));
    }
}
impl Part for Rich {
    fn append_to(self, r: &mut Rich) {
        for p in self.0 {
            r.piece(p);
        }
    }
}
impl Part for &Rich {
    fn append_to(self, r: &mut Rich) {
        for p in &self.0 {
            r.piece(p.clone());
        }
    }
}
impl Part for Piece {
    fn append_to(self, r: &mut Rich) {
        r.piece(self);
    }
}

impl From<&str> for Rich {
    fn from(s: &str) -> Self {
        Rich::text(s)
    }
}
impl From<String> for Rich {
    fn from(s: String) -> Self {
        Rich::text(s)
    }
}
impl From<&String> for Rich {
    fn from(s: &String) -> Self {
        Rich::text(s.clone())
    }
}
impl From<Notation> for Rich {
    fn from(n: Notation) -> Self {
        Rich(vec![Piece::Notation(n)])
    }
}
impl From<Expr> for Rich {
    fn from(e: Expr) -> Self {
        Rich::math(e)
    }
}

/// Rich text from a list of parts: `rich!["d/dn ", &s, " = ", &ds, " is negative"]`.
#[macro_export]
macro_rules! rich {
    ($($part:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut r = $crate::math::answer::Rich::new();
        $( r.push($part); )*
        r
    }};
}

impl fmt::Display for Rich {
    /// The plain text: prose as written, expressions in the language's syntax, operators with
    /// a space on each side.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.0 {
            match p {
                Piece::Text(s) => f.write_str(s)?,
                Piece::Math(e) => write!(f, "{e}")?,
                Piece::Op(o) => write!(f, " {} ", o.text())?,
                Piece::Notation(n) => f.write_str(&n.text)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_merges_and_prints_with_expressions() {
        let x = Expr::sym("x");
        let r = rich!["d/dx ", &x, Op::Eq, Expr::one(), ", so", " it grows"];
        assert_eq!(r.to_string(), "d/dx x = 1, so it grows");
        assert_eq!(r.0.len(), 5);
        assert!(r.starts_with("d/dx"));
        assert!(Rich::text("").is_empty());
    }

    #[test]
    fn operators_read_back_by_name() {
        for o in Op::ALL {
            assert_eq!(Op::from_name(o.name()), Some(o));
        }
        assert_eq!(Op::from_name("nope"), None);
    }
}
