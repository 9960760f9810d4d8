//! Propositions about expressions as data: comparison operators, comparison chains, and their
//! combinations by `and`, `or` and `not`. A relation that cannot be decided when it is written
//! (`x^2 < 4` with `x` free) is kept as a [`Formula`] for `solve` and `assume` to read.

use super::answer::Op;
use super::expr::Expr;
use std::cmp::Ordering;
use std::fmt;

/// A comparison operator of a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rel {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl Rel {
    /// The operator as typed in the language.
    pub fn symbol(self) -> &'static str {
        match self {
            Rel::Lt => "<",
            Rel::Le => "<=",
            Rel::Gt => ">",
            Rel::Ge => ">=",
            Rel::Eq => "=",
            Rel::Ne => "!=",
        }
    }
    /// Whether `ord` (left compared with right) satisfies the relation.
    pub fn holds(self, ord: Ordering) -> bool {
        use Ordering::*;
        match self {
            Rel::Lt => ord == Less,
            Rel::Le => ord != Greater,
            Rel::Gt => ord == Greater,
            Rel::Ge => ord != Less,
            Rel::Eq => ord == Equal,
            Rel::Ne => ord != Equal,
        }
    }
    /// The relation with its sides exchanged: `a < b` ⇔ `b > a`.
    pub fn flip(self) -> Rel {
        match self {
            Rel::Lt => Rel::Gt,
            Rel::Le => Rel::Ge,
            Rel::Gt => Rel::Lt,
            Rel::Ge => Rel::Le,
            r => r,
        }
    }
    /// The negation: `not (a < b)` ⇔ `a >= b` (for real, comparable sides).
    pub fn negate(self) -> Rel {
        match self {
            Rel::Lt => Rel::Ge,
            Rel::Le => Rel::Gt,
            Rel::Gt => Rel::Le,
            Rel::Ge => Rel::Lt,
            Rel::Eq => Rel::Ne,
            Rel::Ne => Rel::Eq,
        }
    }
    /// Whether the relation holds where both sides are equal.
    pub fn holds_at_equality(self) -> bool {
        self.holds(Ordering::Equal)
    }
    /// The operator as a piece of rich text.
    pub fn op(self) -> Op {
        match self {
            Rel::Lt => Op::Lt,
            Rel::Le => Op::Le,
            Rel::Gt => Op::Gt,
            Rel::Ge => Op::Ge,
            Rel::Eq => Op::Eq,
            Rel::Ne => Op::Ne,
        }
    }
}

/// A proposition about expressions: a comparison chain `a < b <= c` (`operands.len() ==
/// rels.len() + 1`), or a combination of propositions.
#[derive(Debug, Clone, PartialEq)]
pub enum Formula {
    Chain { operands: Vec<Expr>, rels: Vec<Rel> },
    And(Vec<Formula>),
    Or(Vec<Formula>),
    Not(Box<Formula>),
}

impl Formula {
    /// The single relation `lhs rel rhs`.
    pub fn rel(lhs: Expr, rel: Rel, rhs: Expr) -> Formula {
        Formula::Chain {
            operands: vec![lhs, rhs],
            rels: vec![rel],
        }
    }
    /// `a and b`, flattening nested conjunctions.
    pub fn and(a: Formula, b: Formula) -> Formula {
        let mut parts = Vec::new();
        for f in [a, b] {
            match f {
                Formula::And(v) => parts.extend(v),
                other => parts.push(other),
            }
        }
        Formula::And(parts)
    }
    /// `a or b`, flattening nested disjunctions.
    pub fn or(a: Formula, b: Formula) -> Formula {
        let mut parts = Vec::new();
        for f in [a, b] {
            match f {
                Formula::Or(v) => parts.extend(v),
                other => parts.push(other),
            }
        }
        Formula::Or(parts)
    }
    /// The relations of a chain as single comparisons `(lhs, rel, rhs)`.
    pub fn links(operands: &[Expr], rels: &[Rel]) -> Vec<(Expr, Rel, Expr)> {
        rels.iter()
            .enumerate()
            .map(|(i, r)| (operands[i].clone(), *r, operands[i + 1].clone()))
            .collect()
    }
    /// Every expression the proposition compares.
    pub fn exprs(&self) -> Vec<&Expr> {
        match self {
            Formula::Chain { operands, .. } => operands.iter().collect(),
            Formula::And(v) | Formula::Or(v) => v.iter().flat_map(Formula::exprs).collect(),
            Formula::Not(f) => f.exprs(),
        }
    }
    /// Whether any compared expression depends on the symbol `x`.
    pub fn depends_on(&self, x: &str) -> bool {
        self.exprs().iter().any(|e| e.depends_on(x))
    }
    /// The free symbols, in order of first appearance.
    pub fn symbols(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for e in self.exprs() {
            for s in e.symbols() {
                if !out.iter().any(|o| **o == *s) {
                    out.push(s.to_string());
                }
            }
        }
        out
    }
    /// Binding strength when printed: chains bind tightest, then `not`, `and`, `or`.
    fn level(&self) -> u8 {
        match self {
            Formula::Chain { .. } => 3,
            Formula::Not(_) => 2,
            Formula::And(_) => 1,
            Formula::Or(_) => 0,
        }
    }
    /// The proposition printed by `show` for its expressions (the text or LaTeX printer),
    /// with `and_word`, `or_word`, `not_word` and `rel` spelling the connectives; operands of
    /// a looser level are parenthesised, so the text form parses back to the same value.
    pub fn render(
        &self,
        show: &dyn Fn(&Expr) -> String,
        rel: &dyn Fn(Rel) -> String,
        words: [&str; 3],
        parens: [&str; 2],
    ) -> String {
        let sub = |f: &Formula, min: u8| {
            let s = f.render(show, rel, words, parens);
            if f.level() < min {
                format!("{}{s}{}", parens[0], parens[1])
            } else {
                s
            }
        };
        match self {
            Formula::Chain { operands, rels } => {
                let mut s = show(&operands[0]);
                for (r, o) in rels.iter().zip(&operands[1..]) {
                    s.push_str(&format!(" {} {}", rel(*r), show(o)));
                }
                s
            }
            Formula::And(v) => v
                .iter()
                .map(|f| sub(f, 2))
                .collect::<Vec<_>>()
                .join(&format!(" {} ", words[0])),
            Formula::Or(v) => v
                .iter()
                .map(|f| sub(f, 1))
                .collect::<Vec<_>>()
                .join(&format!(" {} ", words[1])),
            Formula::Not(f) => format!("{} {}", words[2], sub(f, 3)),
        }
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(
            &|e| e.to_string(),
            &|r| r.symbol().to_string(),
            ["and", "or", "not"],
            ["(", ")"],
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_print_with_the_parentheses_they_need() {
        let x = Expr::sym("x");
        let a = Formula::rel(x.clone(), Rel::Lt, Expr::int(1));
        let b = Formula::rel(x.clone(), Rel::Gt, Expr::int(3));
        let c = Formula::rel(x, Rel::Ne, Expr::int(2));
        let f = Formula::and(Formula::or(a.clone(), b.clone()), c.clone());
        assert_eq!(f.to_string(), "(x < 1 or x > 3) and x != 2");
        let g = Formula::Not(Box::new(Formula::and(a, b)));
        assert_eq!(g.to_string(), "not (x < 1 and x > 3)");
        assert_eq!(Rel::Lt.negate(), Rel::Ge);
        assert_eq!(Rel::Le.flip(), Rel::Ge);
    }
}
