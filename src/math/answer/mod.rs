//! Answers as data: the typed results that leave `math/` (verdicts, test reports, limits,
//! interval sets, general terms) and the rich text their reasons and steps are written in.
//! Renderers turn them into text, LaTeX, Markdown and JSON; nothing here prints for a
//! particular format except the plain text of `Display`.

pub mod interval;
pub mod rich;
pub mod term;
pub mod verdict;

pub use interval::{Endpoint, Inclusion, Interval, IntervalSet};
pub use rich::{Notation, Op, Part, Piece, Rich};
pub use term::{GeneralTerm, Recurrence, TermPiece};
pub use verdict::{names, Finding, Quantity, Test, TestReport, Verdict, VerdictKind};
