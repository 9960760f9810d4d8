//! Golden tests of every `examples/*.sigma` script: each runs through the library in a fresh
//! session and its whole output is snapshotted in text (with steps), JSON, LaTeX and Markdown.
//! The examples are discovered at test time, so a new script is picked up automatically (its
//! snapshots are then created on the first run with `INSTA_UPDATE=always`).

use sigma::render::{self, Format};
use sigma::session::{Outcome, Session};
use std::path::{Path, PathBuf};

/// Every `examples/*.sigma`, sorted by name.
fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "sigma"))
        .collect();
    files.sort();
    files
}

/// The example's file stem (`tour` for `examples/tour.sigma`).
fn stem(path: &Path) -> String {
    path.file_stem()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

/// Runs one example in a fresh session (with steps on, as `sigma run --steps` would), and
/// returns the session and its outcomes; panics with the rendered diagnostics on failure.
fn run(path: &Path) -> (Session, Vec<Outcome>) {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let name = format!("examples/{}.sigma", stem(path));
    let mut session = Session::new();
    session.settings.steps = true;
    let mut outcomes = Vec::new();
    let result = session.run(&name, &text, &mut |o| outcomes.push(o.clone()));
    if let Err(diags) = result {
        panic!(
            "{name} must run without error, but it failed:\n{}",
            session.render_diagnostics(&diags, false)
        );
    }
    (session, outcomes)
}

/// Every outcome rendered one per line, as `sigma run` prints them (quiet ones, ended by
/// `;`, left out).
fn render_all(outcomes: &[Outcome], format: Format, steps: bool) -> String {
    let mut s = String::new();
    for o in outcomes.iter().filter(|o| o.printed()) {
        s.push_str(&render::outcome(o, format, steps));
        s.push('\n');
    }
    s
}

/// Snapshots one example in every format.
fn check(path: &Path) {
    let name = stem(path);
    let (session, outcomes) = run(path);
    assert!(
        !outcomes.is_empty(),
        "{name} printed nothing; an example should show something"
    );

    insta::assert_snapshot!(
        format!("{name}.text"),
        render_all(&outcomes, Format::Text, true)
    );

    let json = render::json::document(&outcomes, &[], &session.sources);
    let parsed: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name}: invalid JSON: {e}"));
    assert_eq!(
        parsed["statements"].as_array().map(Vec::len),
        Some(outcomes.len()),
        "{name}: one JSON object per statement"
    );
    assert_eq!(parsed["errors"], serde_json::json!([]), "{name}: no errors");
    insta::assert_snapshot!(format!("{name}.json"), json);

    let latex = render_all(&outcomes, Format::Latex, true);
    // Every character has a LaTeX form: none falls back to a `[U+XXXX]` placeholder.
    assert!(
        !latex.contains("[U+") && !json.contains("[U+"),
        "{name}: a character without a LaTeX form"
    );
    insta::assert_snapshot!(format!("{name}.latex"), latex);
    insta::assert_snapshot!(
        format!("{name}.markdown"),
        render_all(&outcomes, Format::Markdown, true)
    );
}

#[test]
fn every_example_runs_and_matches_its_snapshots() {
    let files = examples();
    assert!(
        files.iter().any(|p| stem(p) == "tour"),
        "examples/tour.sigma must exist"
    );
    // Check every example even when one fails, then report all failures together.
    let mut failed = Vec::new();
    for path in &files {
        if std::panic::catch_unwind(|| check(path)).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(failed.is_empty(), "failing examples: {failed:?}");
}

#[test]
fn examples_are_deterministic() {
    // Running an example twice gives identical output (no hash-order or timing effects).
    for path in examples() {
        let a = render_all(&run(&path).1, Format::Text, true);
        let b = render_all(&run(&path).1, Format::Text, true);
        assert_eq!(a, b, "{} differs between runs", path.display());
    }
}
