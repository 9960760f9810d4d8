//! Answer keys (`sigma key FILE --format md|tex|json|text [-o OUT]`): a whole script run in
//! one session, its `##` headings as sections, every statement with its answer and steps. A
//! quiet statement (ended with `;`) shows its input alone: no answer, no steps. A `#'` prose
//! line is shown where it stands, as a paragraph of its own, unnumbered.

use crate::math::{Derivation, Expr};
use crate::plot_files::PlotFiles;
use crate::render::escape;
use crate::render::{self, answer, json, latex, rich, text, Format};
use crate::session::{Outcome, OutcomeKind, Session};
use serde_json::json as jv;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Version of the JSON answer-key document.
pub const KEY_VERSION: u32 = 1;

/// One section of a key: an optional heading and the outcomes under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Section<'a> {
    /// The `##` heading; `None` for statements before the first heading.
    pub heading: Option<&'a str>,
    /// The statements of the section, in order.
    pub items: Vec<&'a Outcome>,
}

/// `sigma key`: runs `text` (read from `file`), and writes the key in `format` to `output`
/// or standard output. Returns the exit code; a failing script writes nothing and returns 1.
pub fn command(
    session: &mut Session,
    file: &Path,
    text: &str,
    format: Format,
    output: Option<&Path>,
) -> i32 {
    session.settings.steps = true;
    let outcomes = match session.run_collect(&file.display().to_string(), text) {
        Ok(o) => o,
        Err((_, diags)) => {
            eprint!(
                "{}",
                session.render_diagnostics(&diags, std::io::stderr().is_terminal())
            );
            return 1;
        }
    };
    let title = file
        .file_stem()
        .map_or_else(|| "script".into(), |s| s.to_string_lossy().into_owned());
    let key = render(&title, &outcomes, format);
    // A Markdown key links its plots: they are written beside it, named as it names them.
    if format == Format::Markdown {
        let dir = output
            .and_then(Path::parent)
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut files = PlotFiles::new(dir, &title);
        for o in &outcomes {
            if let Some(Err(e)) = files.save(o) {
                eprintln!("error: {e}");
                return 1;
            }
        }
    }
    match output {
        Some(path) => match std::fs::write(path, key) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                1
            }
        },
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(key.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => 0,
                Err(e) => {
                    eprintln!("error: cannot write the answer key: {e}");
                    1
                }
            }
        }
    }
}

/// Groups outcomes into sections at each heading; statements before the first heading form
/// an untitled first section (left out when there are none).
pub fn sections(outcomes: &[Outcome]) -> Vec<Section<'_>> {
    let mut out = vec![Section {
        heading: None,
        items: Vec::new(),
    }];
    for o in outcomes {
        match &o.kind {
            OutcomeKind::Heading(h) => out.push(Section {
                heading: Some(h.trim()),
                items: Vec::new(),
            }),
            _ => {
                if let Some(last) = out.last_mut() {
                    last.items.push(o);
                }
            }
        }
    }
    if out.first().is_some_and(|s| s.items.is_empty()) {
        out.remove(0);
    }
    out
}

/// The whole key for `outcomes` in `format`, titled after the script `title`.
pub fn render(title: &str, outcomes: &[Outcome], format: Format) -> String {
    let secs = sections(outcomes);
    match format {
        Format::Markdown => markdown(title, &secs),
        Format::Latex => tex(title, &secs),
        Format::Json => json_key(title, &secs),
        Format::Text => plain(title, &secs),
    }
}

/// The statement as a key shows it: a quiet one keeps its `;`, which says why no answer
/// follows.
fn shown_input(o: &Outcome) -> String {
    if o.quiet {
        format!("{};", o.input)
    } else {
        o.input.clone()
    }
}

/// Whether the outcome's answer is an approximation.
fn approximate(o: &Outcome) -> bool {
    match &o.kind {
        OutcomeKind::Binding { value, .. } | OutcomeKind::Value(value) => !value.is_exact(),
        _ => false,
    }
}

fn json_key(title: &str, secs: &[Section]) -> String {
    let sections: Vec<_> = secs
        .iter()
        .map(|s| jv!({ "heading": s.heading, "items": s.items.iter().map(|o| json::outcome(o)).collect::<Vec<_>>() }))
        .collect();
    let doc = jv!({ "version": KEY_VERSION, "title": title, "sections": sections });
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into()) + "\n"
}

fn plain(title: &str, secs: &[Section]) -> String {
    let head = format!("Answer key: {title}");
    let mut s = format!("{head}\n{}\n", "=".repeat(head.chars().count()));
    let mut n = 0;
    for sec in secs {
        if let Some(h) = sec.heading {
            s.push_str(&format!("\n## {h}\n"));
        }
        for o in &sec.items {
            if let OutcomeKind::Prose(p) = &o.kind {
                s.push_str(&format!("\n{}\n", render::prose_text(p)));
                continue;
            }
            n += 1;
            let input = shown_input(o);
            s.push_str(&format!("\n{n}. {}\n", input.replace('\n', "\n   ")));
            if o.quiet {
                // A statement ended with `;`: its input alone.
                continue;
            }
            let answer = match &o.kind {
                // `p ≈ 0.1`, not `p = ≈ 0.1`.
                OutcomeKind::Binding { name, value } if approximate(o) => {
                    format!("{name} {}", text::value(value))
                }
                OutcomeKind::Value(_) if !approximate(o) => {
                    format!("= {}", render::outcome_text(o, false))
                }
                _ => render::outcome_text(o, false),
            };
            s.push_str(&format!("   {answer}"));
            if approximate(o) {
                s.push_str("  (approximate)");
            }
            s.push('\n');
            for line in render::steps_text(&o.steps)
                .lines()
                .filter(|l| !l.is_empty())
            {
                s.push_str(&format!("   {line}\n"));
            }
        }
    }
    s
}

/// The math-mode answer: `name = value`, `f(x) = body` or the value. A definition whose body
/// is shown as written gets it escaped in `\texttt`.
fn answer_math(o: &Outcome) -> String {
    match &o.kind {
        // `p \approx 0.1`, not `p = \approx 0.1`.
        OutcomeKind::Binding { name, value } if approximate(o) => {
            format!("{} {}", latex::expr(&Expr::sym(name)), latex::value(value))
        }
        OutcomeKind::Definition {
            name,
            params,
            body: None,
            text: src,
        } => {
            let sym = |n: &str| latex::expr(&Expr::sym(n));
            let ps: Vec<String> = params.iter().map(|p| sym(p)).collect();
            format!(
                "{}({}) = \\texttt{{{}}}",
                sym(name),
                ps.join(", "),
                escape::tex_text(src.trim())
            )
        }
        _ => latex::outcome_math(o),
    }
}

/// The value of an expression statement (bindings keep their `name = value` formula).
fn typed_value(o: &Outcome) -> Option<&crate::eval::value::Value> {
    match &o.kind {
        OutcomeKind::Value(v) => Some(v),
        _ => None,
    }
}

/// The conditions an answer holds under, in Markdown (empty when none).
fn conditions_markdown(o: &Outcome) -> String {
    if o.steps.conditions.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = o.steps.conditions.iter().map(rich::markdown).collect();
    format!(" (valid for {})", parts.join(" and "))
}

fn markdown(title: &str, secs: &[Section]) -> String {
    let mut s = format!("# Answer key: {}\n", escape::markdown(title));
    let mut n = 0;
    // The names `sigma key` writes the plots under (see `command`).
    let mut files = PlotFiles::new("", title);
    for sec in secs {
        if let Some(h) = sec.heading {
            s.push_str(&format!("\n## {}\n", escape::markdown(h)));
        }
        for o in &sec.items {
            if let OutcomeKind::Prose(p) = &o.kind {
                s.push_str(&format!("\n*{}*\n", render::markdown::prose(p)));
                continue;
            }
            n += 1;
            let input = shown_input(o);
            let code = if input.contains('\n') {
                format!("\n\n```\n{}\n```", input)
            } else if input.contains('`') {
                format!(" `` {} ``", input)
            } else {
                format!(" `{}`", input)
            };
            if o.quiet {
                s.push_str(&format!("\n**{n}.**{code}\n"));
                continue;
            }
            if let Some((plot, name)) = PlotFiles::plot_of(o) {
                let file = files.next_path(name);
                s.push_str(&format!(
                    "\n**{n}.**{code}\n\n![{}]({})\n",
                    escape::markdown(&render::plot::summary(plot)),
                    file.display()
                ));
                continue;
            }
            match typed_value(o).and_then(|v| answer::prose(v, true)) {
                Some(p) => s.push_str(&format!("\n**{n}.**{code}\n\n{p}")),
                None => s.push_str(&format!(
                    "\n**{n}.**{code}\n\n${}${}",
                    answer_math(o),
                    conditions_markdown(o)
                )),
            }
            if approximate(o) {
                s.push_str(" *(approximate)*");
            }
            s.push('\n');
            if !o.steps.is_empty() {
                s.push('\n');
            }
            for (i, st) in o.steps.steps.iter().enumerate() {
                let claim = rich::markdown(&rich::step_claim(st));
                s.push_str(&format!(
                    "{}. {claim} — *{}*\n",
                    i + 1,
                    rich::markdown(&st.reason)
                ));
            }
        }
    }
    s
}

/// The preamble of a LaTeX key: `breqn` breaks long answers at their top-level operators
/// (and long numbers at their `\allowbreak`s), steps are a smaller list.
const TEX_PREAMBLE: &str = "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\
\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n\\usepackage[margin=2.5cm]{geometry}\n\
\\usepackage{breqn}\n\\setlength{\\parindent}{0pt}\n\\sloppy\n";

fn tex(title: &str, secs: &[Section]) -> String {
    let mut s = String::from(TEX_PREAMBLE);
    let plots = secs
        .iter()
        .flat_map(|sec| &sec.items)
        .any(|o| PlotFiles::plot_of(o).is_some());
    if plots {
        s.push_str(&render::plot::pgf_preamble());
    }
    s.push_str(&format!(
        "\\title{{Answer key: {}}}\n\\author{{}}\n\\date{{}}\n",
        escape::tex_text(title)
    ));
    s.push_str("\\begin{document}\n\\maketitle\n");
    let mut n = 0;
    for sec in secs {
        if let Some(h) = sec.heading {
            s.push_str(&format!("\n\\section*{{{}}}\n", escape::tex_text(h)));
        }
        for o in &sec.items {
            if let OutcomeKind::Prose(p) = &o.kind {
                s.push_str(&format!(
                    "\n\\medskip\n{{\\raggedright {}\\par}}\n",
                    latex::prose(p)
                ));
                continue;
            }
            n += 1;
            s.push_str(&format!(
                "\n\\medskip\n{{\\raggedright\\textbf{{{n}.}}~{}\\par}}\n",
                tex_input(&shown_input(o))
            ));
            if o.quiet {
                continue;
            }
            if let Some((plot, _)) = PlotFiles::plot_of(o) {
                s.push_str(&format!(
                    "\\begin{{center}}\n{}\\end{{center}}\n",
                    render::plot::pgfplots(plot)
                ));
                s.push_str(&tex_steps(&o.steps));
                continue;
            }
            match typed_value(o).and_then(|v| answer::prose(v, false)) {
                Some(p) => s.push_str(&format!("\\begin{{quote}}\n{p}\n\\end{{quote}}\n")),
                None => s.push_str(&format!(
                    "\\begin{{dmath*}}\n{}{}\n\\end{{dmath*}}\n",
                    escape::tex_math(&answer_math(o)),
                    latex::conditions(o)
                )),
            }
            if approximate(o) {
                s.push_str("\\emph{Approximate: every printed digit is correct.}\n");
            }
            s.push_str(&tex_steps(&o.steps));
        }
    }
    s.push_str("\n\\end{document}\n");
    s
}

/// The steps under an answer: a smaller list, each claim on its line and its reason in
/// italics below it.
fn tex_steps(d: &Derivation) -> String {
    if d.is_empty() {
        return String::new();
    }
    let mut s = String::from("{\\small\\raggedright\n\\begin{enumerate}\n");
    for st in &d.steps {
        let claim = rich::tex_inline(&rich::step_claim(st));
        s.push_str(&format!(
            "  \\item {{}}{claim}\\newline\n  \\emph{{{}}}\n",
            rich::tex_inline(&st.reason)
        ));
    }
    s.push_str("\\end{enumerate}}\n");
    s
}

/// An input in `\texttt`, one source line per output line, indentation kept.
fn tex_input(input: &str) -> String {
    let lines: Vec<String> = input
        .lines()
        .map(|l| {
            let body = l.trim_start();
            // Glue at the start of a line is dropped; an invisible box of letters is not.
            let indent = match l.chars().count() - body.chars().count() {
                0 => String::new(),
                n => format!("\\phantom{{{}}}", "x".repeat(n)),
            };
            format!("\\texttt{{{indent}{}}}", escape::tex_text(body.trim_end()))
        })
        .collect();
    lines.join("\\newline\n")
}
