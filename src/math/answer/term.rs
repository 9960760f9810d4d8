//! The general term of a series as data: closed forms valid from a start index (several when
//! the terms split into residue classes) with a correction to the initial terms, a polynomial,
//! a recurrence the coefficients satisfy, or unknown with the reason.

use super::rich::Rich;
use crate::math::expr::Expr;
use std::fmt;

/// One closed form: `term` for `index ≥ start`.
#[derive(Debug, Clone, PartialEq)]
pub struct TermPiece {
    pub term: Expr,
    pub index: String,
    pub start: i64,
}

/// A linear recurrence with polynomial coefficients, Σ_i p_i(k)·c(k+i) = 0 for k ≥ `from`.
#[derive(Debug, Clone, PartialEq)]
pub struct Recurrence {
    /// The series variable whose coefficients c(k) of x^k satisfy it.
    pub var: String,
    /// The index of the coefficients (`k`).
    pub index: String,
    /// p_0 … p_r as expressions in `index`.
    pub coefficients: Vec<Expr>,
    /// The first index where it holds.
    pub from: u64,
    /// The factor the series was divided by first, when not 1.
    pub scale: Option<Expr>,
    /// The relation as printed (`(k + 2)*c(k+2) - c(k) = 0 for k ≥ 0`).
    pub relation: String,
}

/// What `term(f, x, n)` found.
#[derive(Debug, Clone, PartialEq)]
pub enum GeneralTerm {
    /// The series is Σ of the pieces' terms, plus `correction` (a polynomial in x fixing the
    /// initial terms) when present.
    Formula {
        pieces: Vec<TermPiece>,
        correction: Option<Expr>,
    },
    /// The series is this polynomial: no general term beyond its non-zero terms.
    Polynomial(Expr),
    /// No closed form; the coefficients satisfy a recurrence.
    Recurrence(Recurrence),
    /// Not found, with the reason.
    Unknown(Rich),
}

impl fmt::Display for GeneralTerm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GeneralTerm::Formula { pieces, correction } => {
                let shown: Vec<String> = pieces
                    .iter()
                    .map(|p| format!("{} for {} ≥ {}", p.term, p.index, p.start))
                    .collect();
                f.write_str(&shown.join("; "))?;
                if let Some(c) = correction {
                    write!(f, ", plus the correction {c} to the initial terms")?;
                }
                Ok(())
            }
            GeneralTerm::Polynomial(p) => write!(
                f,
                "the series is the polynomial {p}: no general term beyond its finitely many non-zero terms"
            ),
            GeneralTerm::Recurrence(r) => {
                let scaled = match &r.scale {
                    Some(s) => format!(" after dividing by {s}"),
                    None => String::new(),
                };
                write!(
                    f,
                    "no closed form found; the coefficients c({}) of {}^{}{scaled} satisfy {}",
                    r.index, r.var, r.index, r.relation
                )
            }
            GeneralTerm::Unknown(why) => {
                write!(f, "unknown: no general term found, because {why}")
            }
        }
    }
}
