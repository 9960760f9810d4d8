//! LaTeX rendering of values and outcomes; expressions come from the one printer
//! (`math/expr/print.rs`) in its LaTeX style.

use crate::eval::value::{Rel, Value};
use crate::math::expr::print::{breakable_digits, paren, print, print_prec, Prec, Style};
use crate::math::expr::Expr;

/// The LaTeX form of an expression (math mode, no delimiters), from the one printer.
pub fn expr(e: &Expr) -> String {
    print(e, Style::Latex)
}

/// A symbol's name in LaTeX (`λ` as `\lambda`, `x0` as `x_{0}`).
fn symbol(name: &str) -> String {
    expr(&Expr::sym(name))
}

pub fn rel(r: Rel) -> &'static str {
    match r {
        Rel::Lt => "<",
        Rel::Le => "\\le",
        Rel::Gt => ">",
        Rel::Ge => "\\ge",
        Rel::Eq => "=",
        Rel::Ne => "\\ne",
    }
}

/// The LaTeX form of a value (approximations with `\approx`).
pub fn value(v: &Value) -> String {
    if let Some(t) = super::answer::latex_value(v) {
        return t;
    }
    match v {
        Value::Expr(e) => expr(e),
        Value::Approx(a) => format!("\\approx {}", scientific(&a.value.text)),
        Value::Bool(b) => format!("\\text{{{b}}}"),
        Value::Formula(f) => f.render(
            &expr,
            &|r| rel(r).to_string(),
            ["\\wedge", "\\vee", "\\neg"],
            ["\\left(", "\\right)"],
        ),
        Value::Vector(xs) => vector(xs.iter().map(expr).collect()),
        Value::ApproxVector(xs) => format!(
            "\\approx {}",
            vector(xs.iter().map(|a| scientific(&a.value.text)).collect())
        ),
        Value::Float(f) => super::float::latex(f),
        // In mathematics a plot is named; `outcome` and the keys draw it with pgfplots.
        Value::Plot(p) => format!(
            "\\text{{{}}}",
            super::escape::tex_text(&super::plot::summary(p))
        ),
        Value::Verdict(_)
        | Value::TestReport(_)
        | Value::Limit(_)
        | Value::IntervalSet(_)
        | Value::Term(_) => String::new(),
        Value::Series(sv) => {
            let (ts, order) = super::series::terms(sv);
            let ts: Vec<(bool, String)> = ts
                .iter()
                .map(|(n, t)| {
                    let s = print_prec(t, Style::Latex);
                    (
                        *n,
                        if *n {
                            paren(s, Prec::Product, Style::Latex)
                        } else {
                            s.0
                        },
                    )
                })
                .collect();
            super::series::join(&ts, &format!("O\\left({}\\right)", expr(&order)))
        }
        Value::Matrix(rows) => matrix(rows.iter().map(|r| r.iter().map(expr).collect()).collect()),
    }
}

/// Most columns amsmath's `bmatrix` takes (its `MaxMatrixCols`).
const MAX_MATRIX_COLS: usize = 10;

/// A vector of LaTeX entries: a transposed row up to ten entries, a column beyond (a row of
/// more would exceed `bmatrix`'s column limit and the page).
pub fn vector(entries: Vec<String>) -> String {
    if entries.len() <= MAX_MATRIX_COLS {
        format!(
            "\\begin{{bmatrix}} {} \\end{{bmatrix}}^{{T}}",
            entries.join(" & ")
        )
    } else {
        format!(
            "\\begin{{bmatrix}} {} \\end{{bmatrix}}",
            entries.join(" \\\\ ")
        )
    }
}

/// A matrix of LaTeX entries, row by row: `bmatrix` up to ten columns, an `array` in brackets
/// beyond.
pub fn matrix(rows: Vec<Vec<String>>) -> String {
    let cols = rows.first().map_or(0, Vec::len);
    let body = rows
        .iter()
        .map(|r| r.join(" & "))
        .collect::<Vec<_>>()
        .join(" \\\\ ");
    if cols <= MAX_MATRIX_COLS {
        format!("\\begin{{bmatrix}} {body} \\end{{bmatrix}}")
    } else {
        format!(
            "\\left[\\begin{{array}}{{{}}} {body} \\end{{array}}\\right]",
            "c".repeat(cols)
        )
    }
}

/// `1.5e-8` as `1.5 \times 10^{-8}`; positional text unchanged. A long mantissa (the digits
/// of `N(pi, 1000)`) may break across lines.
pub fn scientific(t: &str) -> String {
    match t.split_once('e') {
        Some((m, e)) => match e.parse::<i64>() {
            Ok(k) => format!("{} \\times 10^{{{k}}}", breakable_digits(m)),
            Err(_) => format!("{} \\times 10^{{{e}}}", breakable_digits(m)),
        },
        None => breakable_digits(t),
    }
}

/// The math-mode body for an outcome (`name = value`, `f(x) = body`, or the value).
pub fn outcome_math(o: &crate::outcome::Outcome) -> String {
    use crate::outcome::OutcomeKind;
    match &o.kind {
        OutcomeKind::Heading(h) => format!("\\text{{{}}}", super::escape::tex_text(h)),
        OutcomeKind::Prose(p) => format!("\\text{{{}}}", prose(p)),
        OutcomeKind::Binding { name, value: v } => match v {
            Value::Approx(_) | Value::Float(_) => format!("{} {}", symbol(name), value(v)),
            _ => format!("{} = {}", symbol(name), value(v)),
        },
        OutcomeKind::Definition {
            name,
            params,
            body,
            text,
        } => {
            let b = body.as_ref().map_or_else(
                || format!("\\texttt{{{}}}", super::escape::tex_text(text)),
                expr,
            );
            let ps: Vec<String> = params.iter().map(|p| symbol(p)).collect();
            format!("{}({}) = {b}", symbol(name), ps.join(", "))
        }
        OutcomeKind::Value(v) => value(v),
    }
}

/// The conditions an outcome's value holds under, as a LaTeX suffix (empty when none).
pub fn conditions(o: &crate::outcome::Outcome) -> String {
    if o.steps.conditions.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = o
        .steps
        .conditions
        .iter()
        .map(super::rich::tex_math)
        .collect();
    format!(
        " \\quad \\text{{(valid for }}{}\\text{{)}}",
        parts.join("\\text{ and }")
    )
}

/// One outcome as a LaTeX display line (inputs verbatim, results in math mode).
pub fn outcome(o: &crate::outcome::Outcome, steps: bool) -> String {
    use crate::outcome::OutcomeKind;
    if let OutcomeKind::Heading(h) = &o.kind {
        return format!("\\section*{{{}}}", super::escape::tex_text(h));
    }
    if let OutcomeKind::Prose(p) = &o.kind {
        return prose(p);
    }
    // A plot is a picture, not mathematics (its preamble is `plot::pgf_preamble`).
    let mut s = match &o.kind {
        OutcomeKind::Value(Value::Plot(p))
        | OutcomeKind::Binding {
            value: Value::Plot(p),
            ..
        } => super::plot::pgfplots(p),
        _ => format!("\\[ {}{} \\]", outcome_math(o), conditions(o)),
    };
    if steps {
        for st in &o.steps.steps {
            s.push_str(&format!(
                "\n% {} ({})",
                super::rich::tex_inline(&super::rich::step_claim(st)),
                super::rich::tex_inline(&st.reason)
            ));
        }
    }
    s
}

/// A prose line as a LaTeX paragraph in italics: words escaped, `$…$` mathematics in math
/// mode (non-ASCII symbols as commands).
pub fn prose(p: &str) -> String {
    let body: String = super::prose_parts(p)
        .into_iter()
        .map(|(math, s)| {
            if math {
                format!("${}$", super::escape::tex_math(&s))
            } else {
                super::escape::tex_text(&s)
            }
        })
        .collect();
    format!("\\emph{{{body}}}")
}
