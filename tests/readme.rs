//! The README's builtin reference stays in sync with the registry: every builtin's table row
//! (signature, summary, example) appears in README.md exactly as `:help` shows it.

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
