//! JSON rendering: one object per statement (input, value as text and LaTeX, kind,
//! exactness, steps) inside one document with the run's errors. The schema is documented in
//! the README and kept stable: fields are only ever added.

use super::{latex, text};
use crate::diagnostics::{self, Diagnostic};
use crate::math::Derivation;
use crate::outcome::{Outcome, OutcomeKind};
use crate::source::SourceMap;
use serde_json::{json, Value as Json};

/// Version of the JSON schema.
pub const SCHEMA_VERSION: u32 = 1;

fn steps(d: &Derivation) -> Json {
    Json::Array(
        d.steps
            .iter()
            .map(|s| {
                json!({
                    "claim": s.claim.to_string(),
                    "claim_latex": super::rich::tex_inline(&s.claim),
                    "result": s.result.as_ref().map(text::expr),
                    "result_latex": s.result.as_ref().map(latex::expr),
                    "reason": s.reason.to_string(),
                    "reason_latex": super::rich::tex_inline(&s.reason),
                })
            })
            .collect(),
    )
}

/// A quiet statement's object (one that ended with `;`): its input, line, what kind of
/// statement and value it was, `"quiet": true`, and for a vector or matrix its `shape`, but
/// no value, no steps and no conditions.
fn quiet(o: &Outcome) -> Json {
    let mut obj = json!({ "input": o.input, "line": o.line, "quiet": true });
    let fields = match &o.kind {
        OutcomeKind::Heading(h) => json!({ "kind": "heading", "text": h }),
        OutcomeKind::Prose(p) => json!({ "kind": "prose", "text": super::prose_text(p) }),
        OutcomeKind::Definition { name, params, .. } => json!({
            "kind": "function", "statement": "definition", "name": name, "params": params,
            "exact": true, "approximate": false,
        }),
        OutcomeKind::Binding { value, .. } | OutcomeKind::Value(value) => {
            let mut f = json!({
                "kind": value.kind(), "exact": value.is_exact(), "approximate": !value.is_exact(),
                "statement": if matches!(o.kind, OutcomeKind::Value(_)) { "expression" } else { "binding" },
            });
            if let (OutcomeKind::Binding { name, .. }, Json::Object(m)) = (&o.kind, &mut f) {
                m.insert("name".into(), json!(name));
            }
            if let (Some([n, m]), Json::Object(map)) = (crate::eval::shape::dims(value), &mut f) {
                let shape = if matches!(value, crate::eval::value::Value::Matrix(_)) {
                    json!([n, m])
                } else {
                    json!([n])
                };
                map.insert("shape".into(), shape);
            }
            f
        }
    };
    if let (Json::Object(o), Json::Object(f)) = (&mut obj, fields) {
        o.extend(f);
    }
    obj
}

/// One statement's object.
pub fn outcome(o: &Outcome) -> Json {
    if o.quiet {
        return quiet(o);
    }
    let mut obj = json!({
        "input": o.input,
        "line": o.line,
        "steps": steps(&o.steps),
        "conditions": o.steps.conditions.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
        "conditions_latex": o
            .steps
            .conditions
            .iter()
            .map(super::rich::tex_inline)
            .collect::<Vec<_>>(),
    });
    let fields: Json = match &o.kind {
        OutcomeKind::Heading(h) => {
            json!({ "kind": "heading", "text": h, "latex": h, "exact": true, "approximate": false })
        }
        OutcomeKind::Prose(p) => json!({
            "kind": "prose", "statement": "prose", "text": super::prose_text(p),
            "latex": latex::prose(p), "markdown": super::markdown::prose(p),
            "exact": true, "approximate": false,
        }),
        OutcomeKind::Binding { name, value } => json!({
            "kind": value.kind(), "statement": "binding", "name": name,
            "text": text::value(value), "latex": latex::value(value),
            "exact": value.is_exact(), "approximate": !value.is_exact(),
        }),
        OutcomeKind::Definition {
            name,
            params,
            body,
            text: src,
        } => {
            let shown = body.as_ref().map_or_else(|| src.clone(), text::expr);
            let shown_tex = body.as_ref().map_or_else(|| src.clone(), latex::expr);
            json!({
                "kind": "function", "statement": "definition", "name": name, "params": params,
                "text": format!("{name}({}) = {shown}", params.join(", ")),
                "latex": format!("{}({}) = {shown_tex}", name, params.join(", ")),
                "exact": true, "approximate": false,
            })
        }
        OutcomeKind::Value(value) => json!({
            "kind": value.kind(), "statement": "expression",
            "text": text::value(value), "latex": latex::value(value),
            "exact": value.is_exact(), "approximate": !value.is_exact(),
        }),
    };
    let data = match &o.kind {
        OutcomeKind::Binding { value, .. } | OutcomeKind::Value(value) => {
            super::answer::json_fields(value)
        }
        _ => None,
    };
    if let (Json::Object(o), Some(Json::Object(d))) = (&mut obj, data) {
        o.extend(d);
    }
    if let (Json::Object(o), Json::Object(f)) = (&mut obj, fields) {
        o.extend(f);
    }
    obj
}

/// One diagnostic as JSON, with its location and the rendered snippet.
pub fn diagnostic(d: &Diagnostic, sources: &SourceMap) -> Json {
    let (file, line, col) = match d.span {
        Some(sp) => {
            let (l, c) = diagnostics::line_col(sources, sp).unwrap_or((0, 0));
            (
                sources.get(sp.source).map(|f| f.name.clone()),
                Some(l),
                Some(c),
            )
        }
        None => (None, None, None),
    };
    json!({
        "message": d.message,
        "file": file,
        "line": line,
        "column": col,
        "help": d.help,
        "notes": d.notes,
        "rendered": diagnostics::render(d, sources, false),
    })
}

/// The whole document for a run: `{"version", "statements", "errors"}`.
pub fn document(outcomes: &[Outcome], diags: &[Diagnostic], sources: &SourceMap) -> String {
    let doc = json!({
        "version": SCHEMA_VERSION,
        "statements": outcomes.iter().map(outcome).collect::<Vec<_>>(),
        "errors": diags.iter().map(|d| diagnostic(d, sources)).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into())
}
