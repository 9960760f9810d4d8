//! One output model, several renderers: outcomes of statements rendered as plain text,
//! LaTeX, Markdown or JSON. Renderers never compute; they only present.

pub mod answer;
pub mod escape;
pub mod float;
pub mod json;
pub mod latex;
pub mod markdown;
pub mod plot;
pub mod rich;
pub mod series;
pub mod text;

use crate::math::Derivation;
use crate::outcome::{Outcome, OutcomeKind};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Latex,
    Markdown,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "text" | "txt" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "latex" | "tex" => Ok(Format::Latex),
            "markdown" | "md" => Ok(Format::Markdown),
            other => Err(format!(
                "unknown format `{other}` (expected text, json, latex or markdown, or txt, tex, md)"
            )),
        }
    }
}

impl Format {
    /// One outcome in this format (see [`outcome`]); with `steps`, the derivation too.
    pub fn render(self, o: &Outcome, steps: bool) -> String {
        outcome(o, self, steps)
    }
}

/// A `#'` prose line split into runs of words (`false`) and `$…$` mathematics (`true`), the
/// dollars dropped; `\$` is a literal dollar, and an unclosed `$` is literal too.
pub fn prose_parts(p: &str) -> Vec<(bool, String)> {
    let mut parts: Vec<(bool, String)> = vec![(false, String::new())];
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'$') => {
                chars.next();
                if let Some(last) = parts.last_mut() {
                    last.1.push('$');
                }
            }
            '$' => {
                let math = parts.last().is_some_and(|l| l.0);
                parts.push((!math, String::new()));
            }
            c => {
                if let Some(last) = parts.last_mut() {
                    last.1.push(c);
                }
            }
        }
    }
    // An unclosed `$`: its run is words after a literal dollar.
    if let Some(last) = parts.pop() {
        match last {
            (true, s) => match parts.last_mut() {
                Some(prev) if !prev.0 => prev.1.push_str(&format!("${s}")),
                _ => parts.push((false, format!("${s}"))),
            },
            l => parts.push(l),
        }
    }
    parts.retain(|(_, s)| !s.is_empty());
    parts
}

/// A prose line as plain text: its words and its mathematics as written, without dollars.
pub fn prose_text(p: &str) -> String {
    prose_parts(p).into_iter().map(|(_, s)| s).collect()
}

/// The text rendering of one outcome; with `steps`, the derivation follows, indented.
pub fn outcome_text(o: &Outcome, steps: bool) -> String {
    let mut s = match &o.kind {
        OutcomeKind::Heading(h) => format!("## {h}"),
        OutcomeKind::Prose(p) => format!("#' {}", prose_text(p)),
        OutcomeKind::Binding {
            name,
            value:
                value @ (crate::eval::value::Value::Approx(_) | crate::eval::value::Value::Float(_)),
        } => format!("{name} {}", text::value(value)),
        OutcomeKind::Binding { name, value } => format!("{name} = {}", text::value(value)),
        OutcomeKind::Definition {
            name,
            params,
            body,
            text: src,
        } => {
            let shown = body.as_ref().map_or_else(|| src.clone(), text::expr);
            format!("{name}({}) = {shown}", params.join(", "))
        }
        OutcomeKind::Value(v) => text::value(v),
    };
    s.push_str(&suffix_text(o, steps));
    s
}

/// What follows an outcome's value in text: its conditions, and with `steps` its derivation.
pub fn suffix_text(o: &Outcome, steps: bool) -> String {
    let mut s = String::new();
    if !o.steps.conditions.is_empty() {
        s.push_str(&format!(
            "  (valid for {})",
            o.steps
                .conditions
                .iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(" and ")
        ));
    }
    if steps && !o.steps.is_empty() {
        s.push_str(&steps_text(&o.steps));
    }
    s
}

/// The steps of a derivation as indented text lines.
pub fn steps_text(d: &Derivation) -> String {
    let mut s = String::new();
    for (i, st) in d.steps.iter().enumerate() {
        let claim = match &st.result {
            Some(e) if st.claim.is_empty() => text::expr(e),
            Some(e) => format!("{} {}", st.claim, text::expr(e)),
            None => st.claim.to_string(),
        };
        s.push_str(&format!("\n  {}. {claim}  [{}]", i + 1, st.reason));
    }
    s
}

/// One outcome in `format` (JSON documents are assembled by [`json::document`]).
pub fn outcome(o: &Outcome, format: Format, steps: bool) -> String {
    match format {
        Format::Text => outcome_text(o, steps),
        Format::Json => json::outcome(o).to_string(),
        Format::Latex => latex::outcome(o, steps),
        Format::Markdown => markdown::outcome(o, steps),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_splits_words_and_mathematics() {
        let p = |s: &str| {
            prose_parts(s)
                .into_iter()
                .map(|(m, t)| format!("{}{t}", if m { "M:" } else { "T:" }))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            p("the factor $σ²/(σ² + λ)$ falls"),
            ["T:the factor ", "M:σ²/(σ² + λ)", "T: falls"]
        );
        assert_eq!(p(r"costs \$5 and $x$"), ["T:costs $5 and ", "M:x"]);
        assert_eq!(p("an open $ dollar"), ["T:an open $ dollar"]);
        assert_eq!(prose_text("keep $K_ℓ$ small"), "keep K_ℓ small");
        assert_eq!(
            latex::prose("keep $K_ℓ$ at 50%"),
            "\\emph{keep $K_{\\ell}$ at 50\\%}"
        );
        assert_eq!(markdown::prose("a_b $a_b$"), "a\\_b $a_b$");
    }
}
