//! The README's builtin reference stays in sync with the registry: every builtin's table row
//! (signature, summary, example) appears in README.md exactly as `:help` shows it, and its REPL
//! transcripts print what sigma prints.

use sigma::builtins::{signature, BUILTINS};

/// The README table row for a builtin.
fn row(b: &sigma::builtins::Builtin) -> String {
    format!("| `{}` | {} | `{}` |", signature(b), b.summary, b.example)
}

#[test]
fn readme_lists_every_builtin() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md exists");
    let missing: Vec<String> = BUILTINS
        .iter()
        .map(row)
        .filter(|r| !readme.contains(r))
        .collect();
    assert!(
        missing.is_empty(),
        "README.md lacks these builtin rows (paste them into the reference table):\n{}",
        missing.join("\n")
    );
}

/// The README's REPL transcripts are true: each `sigma> input` line of its fenced blocks runs in
/// one session (a reader's, so bindings carry from block to block), and the lines up to the next
/// prompt are exactly what sigma prints (text, no steps). An error's expected text is its
/// first line (`error: …`), which may be followed by a note on where the caret points.
#[test]
fn readme_transcripts_are_what_sigma_prints() {
    use sigma::render::{self, Format};
    use sigma::session::Session;
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md exists");
    let mut fails = Vec::new();
    let mut checked = 0;
    let mut session = Session::new();
    for block in readme.split("```").skip(1).step_by(2) {
        if !block.contains("sigma> ") {
            continue;
        }
        let lines: Vec<&str> = block.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let Some(input) = lines[i].strip_prefix("sigma> ") else {
                i += 1;
                continue;
            };
            let mut expected = Vec::new();
            i += 1;
            while i < lines.len() && !lines[i].starts_with("sigma> ") {
                expected.push(lines[i]);
                i += 1;
            }
            let expected = expected.join("\n").trim_end().to_string();
            if input.starts_with(':') {
                continue; // REPL commands (`:help`) are checked by tests/repl.rs
            }
            let got = match session.run_collect("<readme>", input) {
                Ok(outs) => outs
                    .iter()
                    .filter(|o| !o.quiet)
                    .map(|o| render::outcome(o, Format::Text, false))
                    .collect::<Vec<_>>()
                    .join("\n"),
                Err((_, d)) => session.render_diagnostics(&d, false),
            };
            let got = got.trim_end();
            let same = if expected.starts_with("error") {
                got.lines()
                    .next()
                    .is_some_and(|g| expected.lines().next().unwrap_or("").starts_with(g))
            } else {
                got == expected
            };
            checked += 1;
            if !same {
                fails.push(format!(
                    "sigma> {input}\n  README: {expected}\n  sigma:  {got}"
                ));
            }
        }
    }
    assert!(checked >= 20, "only {checked} transcript lines found");
    assert!(
        fails.is_empty(),
        "{} README transcript lines differ from what sigma prints:\n{}",
        fails.len(),
        fails.join("\n")
    );
}
