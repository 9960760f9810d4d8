//! Rich text (prose with embedded mathematics) in each format: LaTeX prose with `$…$` math,
//! LaTeX math mode with `\text{…}` prose, Markdown with inline math, and JSON data.
//! Expressions go through the expression printers, never through re-escaped printed text.

use super::{escape, latex};
use crate::math::answer::{Notation, Piece, Rich};
use serde_json::{json, Value as Json};

/// One mathematical piece in LaTeX math mode.
fn math_piece(p: &Piece) -> String {
    match p {
        Piece::Math(e) => latex::expr(e),
        Piece::Op(o) => format!(" {} ", o.tex()),
        Piece::Notation(n) => n.tex.clone(),
        Piece::Text(t) => format!("\\text{{{}}}", escape::tex_text(t)),
    }
}

/// Consecutive pieces grouped into runs of prose and runs of mathematics.
fn runs(r: &Rich) -> Vec<(bool, Vec<&Piece>)> {
    let mut out: Vec<(bool, Vec<&Piece>)> = Vec::new();
    for p in &r.0 {
        match out.last_mut() {
            Some((m, ps)) if *m == p.is_math() => ps.push(p),
            _ => out.push((p.is_math(), vec![p])),
        }
    }
    out
}

fn math_run(ps: &[&Piece]) -> String {
    escape::tex_math(ps.iter().map(|p| math_piece(p)).collect::<String>().trim())
}

/// Running text: prose through `escape`, each run of mathematics as `$…$`.
fn running(r: &Rich, escape: fn(&str) -> String) -> String {
    runs(r)
        .into_iter()
        .map(|(m, ps)| {
            if m {
                format!("${}$", math_run(&ps))
            } else {
                ps.iter()
                    .map(|p| match p {
                        Piece::Text(t) => escape(t),
                        _ => String::new(),
                    })
                    .collect()
            }
        })
        .collect()
}

/// LaTeX for running text: prose escaped, each run of mathematics in `$…$`.
pub fn tex_inline(r: &Rich) -> String {
    running(r, escape::tex_text)
}

/// LaTeX in math mode: mathematics as is, prose in `\text{…}`.
pub fn tex_math(r: &Rich) -> String {
    r.0.iter()
        .map(|p| match p {
            Piece::Text(_) => math_piece(p),
            _ => escape::tex_math(&math_piece(p)),
        })
        .collect()
}

/// Markdown: prose escaped, each run of mathematics as inline `$…$`.
pub fn markdown(r: &Rich) -> String {
    running(r, escape::markdown)
}

/// A step's claim followed by the expression it produced, as one piece of rich text (so the
/// mathematics of `Σ_{n≥1} = ζ(3/2)` is one formula).
pub fn step_claim(st: &crate::math::Step) -> Rich {
    match &st.result {
        Some(e) if st.claim.is_empty() => Rich::math(e.clone()),
        Some(e) => {
            // A space in the prose, or inside the formula when the claim ends in one.
            let space = match st.claim.0.last() {
                Some(p) if p.is_math() => Piece::Notation(Notation::new(" ", " ")),
                _ => Piece::Text(" ".into()),
            };
            st.claim.clone().and(space).and(e.clone())
        }
        None => st.claim.clone(),
    }
}

/// A notation as JSON: `{"text", "latex"}`.
pub fn notation_json(n: &Notation) -> Json {
    json!({ "text": n.text, "latex": n.tex })
}

/// Rich text as JSON: its plain text, its LaTeX (running text with `$…$`), and its pieces
/// (`{"text": …}`, `{"math": expression}`, `{"op": name}`, `{"notation": …}`).
pub fn json(r: &Rich) -> Json {
    let parts: Vec<Json> =
        r.0.iter()
            .map(|p| match p {
                Piece::Text(t) => json!({ "text": t }),
                Piece::Math(e) => json!({ "math": super::answer::expr_json(e) }),
                Piece::Op(o) => json!({ "op": o.name() }),
                Piece::Notation(n) => json!({ "notation": notation_json(n) }),
            })
            .collect();
    json!({ "text": r.to_string(), "latex": tex_inline(r), "parts": parts })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::answer::Op;
    use crate::math::Expr;
    use crate::rich;

    #[test]
    fn mathematics_is_set_as_mathematics() {
        let x = Expr::sym("x");
        let r = rich!["so ", &x, Op::Le, Expr::one(), " holds"];
        assert_eq!(tex_inline(&r), "so $x \\le 1$ holds");
        assert_eq!(tex_math(&r), "\\text{so }x \\le 1\\text{ holds}");
        assert_eq!(markdown(&r), "so $x \\le 1$ holds");
    }
}
