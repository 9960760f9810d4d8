//! One script per error case in `tests/cases/*.sigma`: each must fail, and its rendered
//! diagnostics (no colour) are snapshotted. The cases are discovered at test time, so a new
//! script is picked up automatically.

use sigma::session::Session;
use std::path::{Path, PathBuf};

/// Every `tests/cases/*.sigma`, sorted by name.
fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "sigma"))
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

/// What running a case printed: the results of the statements that ran before the error,
/// and the rendered diagnostics.
struct Failure {
    printed: Vec<String>,
    rendered: String,
    count: usize,
}

/// The stack the cases run on: the 8 MiB a main thread gets, as in the `sigma` binary. (The
/// default 2 MiB of a test thread is checked separately by
/// [`runtime_recursion_fits_in_a_default_thread_stack`].)
const STACK: usize = 8 << 20;

/// Runs a case under the name `cases/NAME.sigma` on a thread with [`STACK`] bytes of stack;
/// panics if it succeeds.
fn run_case(path: &Path) -> Failure {
    let path = path.to_path_buf();
    match std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || run_case_here(&path))
        .expect("spawn a thread")
        .join()
    {
        Ok(f) => f,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// [`run_case`] on the current thread.
fn run_case_here(path: &Path) -> Failure {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let name = format!("cases/{}.sigma", stem(path));
    let mut session = Session::new();
    let mut printed = Vec::new();
    let result = session.run(&name, &text, &mut |o| {
        // As `sigma run` prints them: a quiet statement (ended by `;`) prints nothing.
        if o.quiet {
            return;
        }
        printed.push(sigma::render::outcome(
            o,
            sigma::render::Format::Text,
            false,
        ));
    });
    let diags = match result {
        Ok(()) => panic!("{name} must fail, but it ran and printed {printed:?}"),
        Err(d) => d,
    };
    assert!(!diags.is_empty(), "{name}: a failure reports a diagnostic");
    for d in &diags {
        let first = d.message.chars().next().unwrap_or(' ');
        assert!(
            !first.is_uppercase(),
            "{name}: messages are lowercase: {:?}",
            d.message
        );
        assert!(
            !d.message.ends_with('.'),
            "{name}: messages have no trailing period: {:?}",
            d.message
        );
        assert!(d.span.is_some(), "{name}: {:?} has no span", d.message);
    }
    let rendered = session.render_diagnostics(&diags, false);
    assert!(
        rendered.contains(&format!("┌─ {name}:")),
        "{name}: the diagnostic shows file:line:col:\n{rendered}"
    );
    Failure {
        printed,
        rendered,
        count: diags.len(),
    }
}

/// The snapshot: statements printed before the failure (if any), then the diagnostics.
fn snapshot_text(f: &Failure) -> String {
    let mut s = String::new();
    for p in &f.printed {
        s.push_str(&format!("(printed) {p}\n"));
    }
    s.push_str(&f.rendered);
    s
}

#[test]
fn every_case_fails_with_a_snapshotted_diagnostic() {
    let files = cases();
    assert!(files.len() >= 20, "expected at least 20 cases");
    let mut failed = Vec::new();
    for path in &files {
        let name = stem(path);
        let ok = std::panic::catch_unwind(|| {
            let f = run_case(path);
            insta::assert_snapshot!(name.clone(), snapshot_text(&f));
        });
        if ok.is_err() {
            failed.push(name);
        }
    }
    assert!(failed.is_empty(), "failing cases: {failed:?}");
}

// Properties checked beyond the snapshots, so they hold whatever the exact wording.

#[test]
fn caret_of_an_error_on_line_two_is_on_line_two() {
    let f = run_case(&case("error_in_second_line"));
    assert!(
        f.rendered.contains("cases/error_in_second_line.sigma:2:8"),
        "{}",
        f.rendered
    );
    assert!(
        f.rendered.contains("2 │ y = x +* 3\n  │        ^"),
        "{}",
        f.rendered
    );
}

#[test]
fn all_static_errors_are_reported_at_once() {
    let f = run_case(&case("multiple_errors"));
    assert_eq!(f.count, 2, "{}", f.rendered);
    assert!(f.rendered.contains("multiple_errors.sigma:2:1"));
    assert!(f.rendered.contains("multiple_errors.sigma:3:1"));
    assert!(f.rendered.contains("`foo`"));
    assert!(f.rendered.contains("`bar`"));
}

#[test]
fn a_runtime_error_keeps_the_results_before_it() {
    let f = run_case(&case("runtime_error_on_line_3"));
    assert_eq!(f.printed, ["a = 1", "b = 2"]);
    assert!(f.rendered.contains("runtime_error_on_line_3.sigma:3:5"));
}

#[test]
fn recursion_is_a_clean_error() {
    for name in ["recursion", "recursion_redefined", "mutual_recursion"] {
        // run_case asserting failure is the point: no stack overflow, no hang.
        let f = run_case(&case(name));
        assert_eq!(f.count, 1, "{name}: {}", f.rendered);
    }
}

/// Runs in a child process (see below), on the default 2 MiB stack of a test thread, so that a
/// stack overflow, which aborts the whole process, is reported as a failure of one test.
#[test]
#[ignore = "run by runtime_recursion_fits_in_a_default_thread_stack in a child process"]
fn runtime_recursion_on_the_current_thread() {
    for name in ["recursion_redefined", "mutual_recursion"] {
        run_case_here(&case(name));
    }
}

#[test]
fn runtime_recursion_fits_in_a_default_thread_stack() {
    // A library caller on an ordinary thread (2 MiB by default) must get the clean
    // "nest too deeply" error too, not a stack overflow that aborts the process.
    let out = std::process::Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--exact",
            "runtime_recursion_on_the_current_thread",
            "--ignored",
            "--test-threads=1",
        ])
        .env_remove("RUST_MIN_STACK")
        .output()
        .expect("run the test binary");
    assert!(
        out.status.success(),
        "evaluating a runaway recursion overflowed a 2 MiB thread stack:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn deep_nesting_is_a_clean_error() {
    let f = run_case(&case("deep_nesting"));
    assert_eq!(f.count, 1);
    assert!(f.rendered.contains("nested too deeply"), "{}", f.rendered);
}

#[test]
fn columns_count_characters_not_bytes() {
    let f = run_case(&case("unicode_column"));
    assert!(
        f.rendered.contains("unicode_column.sigma:2:5"),
        "{}",
        f.rendered
    );
    assert!(
        f.rendered.contains("2 │ λ = σ/0\n  │     ^^^"),
        "{}",
        f.rendered
    );
}

#[test]
fn a_failed_run_leaves_the_bindings_as_they_were() {
    let mut session = Session::new();
    session
        .run("<a>", "a = 1", &mut |_| {})
        .expect("a binding succeeds");
    let before = session.scope.clone();
    let err = session.run("<b>", "a = 2\nb = 3\nc = 1/0", &mut |_| {});
    assert!(err.is_err());
    assert_eq!(session.scope, before);
}

fn case(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(format!("{name}.sigma"))
}
