//! The spanned syntax tree produced by the parser: statements and expressions exactly as
//! written (literals kept as text), with a span on every node. Knows nothing of evaluation.

use crate::source::Span;

/// A parsed program: statements in source order.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    pub stmts: Vec<Stmt>,
}

/// One statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    /// The whole statement (for a heading: the `##` line).
    pub span: Span,
    /// Followed by `;`: evaluated and bound, its result not printed.
    pub quiet: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// `## text` — the text after `##`, trimmed of surrounding whitespace, otherwise verbatim.
    Heading(String),
    /// `#' text` — a prose line: the text after `#'`, trimmed, otherwise verbatim.
    Prose(String),
    /// `name = expr`
    Assign { name: Ident, value: Expr },
    /// `name(p1, p2) = body`
    FunDef {
        name: Ident,
        params: Vec<Ident>,
        body: Expr,
    },
    /// A bare expression to evaluate and print.
    Expr(Expr),
}

/// A name with its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// An expression node with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Not,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl Expr {
    /// Whether `pred` holds for this node or any node below it (pre-order, short-circuiting).
    pub fn any(&self, pred: &dyn Fn(&Expr) -> bool) -> bool {
        if pred(self) {
            return true;
        }
        match &self.kind {
            ExprKind::Number(_) | ExprKind::Ident(_) => false,
            ExprKind::Call { args, .. } => args.iter().any(|a| a.any(pred)),
            ExprKind::Unary { expr, .. } | ExprKind::Factorial(expr) | ExprKind::Paren(expr) => {
                expr.any(pred)
            }
            ExprKind::Binary { lhs, rhs, .. } => lhs.any(pred) || rhs.any(pred),
            ExprKind::Compare { operands, .. } => operands.iter().any(|o| o.any(pred)),
            ExprKind::List(items) => items.iter().any(|i| i.any(pred)),
            ExprKind::Comprehension { body, iter, .. } => body.any(pred) || iter.any(pred),
            ExprKind::Index { base, items } => {
                base.any(pred) || items.iter().any(|i| i.exprs().any(|x| x.any(pred)))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A numeric literal exactly as written: `42`, `0.95`, `1e-8`, `2.5E+3`.
    Number(String),
    /// A name: a binding, constant (`pi`, `e`, `oo`) or free symbol.
    Ident(String),
    /// `name(args...)`
    Call {
        name: Ident,
        args: Vec<Expr>,
    },
    Unary {
        op: UnaryOp,
        expr: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// Postfix factorial `x!`.
    Factorial(Box<Expr>),
    /// A comparison chain `a < b <= c`: `operands.len() == ops.len() + 1`, at least one op.
    Compare {
        operands: Vec<Expr>,
        ops: Vec<CmpOp>,
    },
    /// `[a, b, c]` — a vector, or a matrix when every element is itself a list.
    List(Vec<Expr>),
    /// `body for var in iter`: a family, the only argument of a call or element of a list.
    Comprehension {
        body: Box<Expr>,
        var: Ident,
        iter: Box<Expr>,
    },
    /// `( expr )` — kept so printing and comparison chaining can respect explicit grouping.
    Paren(Box<Expr>),
    /// `base[i]`, `base[i, j]`, `base[a:b]`: indices counted from 0, as written.
    Index {
        base: Box<Expr>,
        items: Vec<IndexItem>,
    },
}

/// One item between the brackets of an index, with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexItem {
    pub kind: IndexKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum IndexKind {
    /// One position `k`.
    At(Expr),
    /// `start:stop:step`, each part possibly left out (numpy's slice).
    Slice {
        start: Option<Expr>,
        stop: Option<Expr>,
        step: Option<Expr>,
    },
}

impl IndexItem {
    /// The expressions written in this item.
    pub fn exprs(&self) -> impl Iterator<Item = &Expr> {
        let (a, b, c) = match &self.kind {
            IndexKind::At(e) => (Some(e), None, None),
            IndexKind::Slice { start, stop, step } => {
                (start.as_ref(), stop.as_ref(), step.as_ref())
            }
        };
        a.into_iter().chain(b).chain(c)
    }
}
