//! Markdown rendering: headings as `##`, inputs as code, results as inline LaTeX math.

use super::latex;
use crate::eval::value::Value;
use crate::outcome::{Outcome, OutcomeKind};

/// One outcome as Markdown.
pub fn outcome(o: &Outcome, steps: bool) -> String {
    let mut s = match &o.kind {
        OutcomeKind::Heading(h) => format!("## {h}"),
        OutcomeKind::Prose(p) => prose(p),
        // A plot is drawn into its file by the front end; here it is named.
        OutcomeKind::Value(Value::Plot(p))
        | OutcomeKind::Binding {
            value: Value::Plot(p),
            ..
        } => {
            format!(
                "`{}` → *{}*",
                o.input,
                super::escape::markdown(&super::plot::summary(p))
            )
        }
        _ => format!(
            "`{}` → ${}${}",
            o.input,
            latex::outcome_math(o),
            if o.steps.conditions.is_empty() {
                String::new()
            } else {
                format!(
                    " (valid for {})",
                    o.steps
                        .conditions
                        .iter()
                        .map(super::rich::markdown)
                        .collect::<Vec<_>>()
                        .join(" and ")
                )
            }
        ),
    };
    if steps {
        s.push_str(&steps_list(o));
    }
    s.push('\n');
    s
}

/// The derivation steps of `o` as a numbered Markdown list, each item on a new line
/// (empty when there are none).
pub fn steps_list(o: &Outcome) -> String {
    let mut s = String::new();
    for (i, st) in o.steps.steps.iter().enumerate() {
        s.push_str(&format!(
            "\n{}. {} — *{}*",
            i + 1,
            super::rich::markdown(&super::rich::step_claim(st)),
            super::rich::markdown(&st.reason)
        ));
    }
    s
}

/// A prose line as Markdown: words escaped, `$…$` mathematics kept as Markdown math.
pub fn prose(p: &str) -> String {
    super::prose_parts(p)
        .into_iter()
        .map(|(math, s)| {
            if math {
                format!("${s}$")
            } else {
                super::escape::markdown(&s)
            }
        })
        .collect()
}
