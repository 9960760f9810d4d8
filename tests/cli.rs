//! The `sigma` binary end to end: exit codes, standard output and standard error of `-e`,
//! `run`, `key` and the `--format`, `--steps` and `--digits` options.
#![cfg(feature = "cli")] // drives the `sigma` binary

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn sigma() -> Command {
    let mut cmd = Command::cargo_bin("sigma").expect("the sigma binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// What one invocation produced.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = sigma().args(args).output().expect("sigma runs");
    Run {
        code: out
            .status
            .code()
            .expect("sigma exits normally, not by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// `sigma -e EXPR` succeeds and prints exactly `expected` (one line).
fn eval_ok(expr: &str, expected: &str) {
    let r = run(&["-e", expr]);
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (0, format!("{expected}\n").as_str(), ""),
        "sigma -e {expr:?}"
    );
}

/// `sigma -e EXPR` fails with exit code 1, prints nothing on stdout, and its stderr is
/// exactly `expected`.
fn eval_err(expr: &str, expected: &str) {
    let r = run(&["-e", expr]);
    assert_eq!(
        r.code, 1,
        "sigma -e {expr:?} must fail; stderr:\n{}",
        r.stderr
    );
    assert_eq!(r.stdout, "", "sigma -e {expr:?}");
    assert_eq!(r.stderr, expected, "sigma -e {expr:?}");
}

/// A scratch file under the target directory, unique to this test.
fn scratch(name: &str, text: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).expect("create the scratch directory");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write the scratch file");
    path
}

const PI_50: &str = "3.1415926535897932384626433832795028841971693993751";

// ---------------------------------------------------------------------------------------------
// -e: exact results

#[test]
fn exact_arithmetic() {
    eval_ok("1/3 + 1/6", "1/2");
    eval_ok("0.95^2", "361/400");
    eval_ok("-2^2", "-4");
    eval_ok("2^3^2", "512");
    eval_ok("2^100", "1267650600228229401496703205376");
    eval_ok("10!", "3628800");
    eval_ok("binomial(10, 3)", "120");
    eval_ok("1e-8", "1/100000000");
}

#[test]
fn surds() {
    eval_ok("sqrt(8)", "2*sqrt(2)");
    eval_ok("sqrt(4/9)", "2/3");
    eval_ok("sqrt(1/2)", "sqrt(2)/2");
    eval_ok("8^(2/3)", "4");
}

#[test]
fn special_values() {
    eval_ok("sin(pi/6)", "1/2");
    eval_ok("cos(pi/4)", "sqrt(2)/2");
    eval_ok("atan(1)", "pi/4");
    eval_ok("gamma(1/2)", "sqrt(pi)");
    eval_ok("zeta(2)", "pi^2/6");
    eval_ok("ln(e^3)", "3");
}

#[test]
fn calculus() {
    eval_ok("diff(exp(-x^2), x)", "-2*x*exp(-x^2)");
    eval_ok("diff(x^3, x)", "3*x^2");
    eval_ok("diff(x^5, x, 3)", "60*x^2");
    eval_ok("diff(ln(1 + x), x, 4)", "-6/(1 + x)^4");
    eval_ok("subs(x^2 + 1, x, 1/2)", "5/4");
    eval_ok("expand((a + b)*(a - b))", "a^2 - b^2");
}

#[test]
fn several_statements_print_one_line_each() {
    let r = run(&["-e", "r = 2/3\nr^2 + 2r\nf(x) = x^2\nf(3)"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "r = 2/3\n16/9\nf(x) = x^2\n9\n");
    assert_eq!(r.stderr, "");
}

#[test]
fn a_statement_ended_by_a_semicolon_is_quiet() {
    // Julia's and Mathematica's convention: evaluated and bound, not printed.
    let r = run(&["-e", "r = 2/3; r^2 + 2r; f(x) = x^2; f(3)"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "9\n");
    assert_eq!(r.stderr, "");
    let r = run(&["-e", "x = 1; x + 1"]);
    assert_eq!(r.stdout, "2\n");
    let r = run(&["-e", "x = 1;"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
    // A quiet statement still fails loudly.
    let r = run(&["-e", "x = 1/0;"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with("error: division by zero\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn json_marks_a_quiet_statement_and_leaves_out_its_value() {
    let r = run(&[
        "--format",
        "json",
        "-e",
        "K = [1, 2, 3]; A = [[1, 2], [3, 4]]; x = 1/2; K[1]",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).expect("valid JSON");
    let st = doc["statements"].as_array().expect("statements");
    assert_eq!(st.len(), 4);
    assert_eq!(
        st[0],
        serde_json::json!({"input": "K = [1, 2, 3]", "line": 1, "quiet": true,
            "statement": "binding", "name": "K", "kind": "vector", "shape": [3],
            "exact": true, "approximate": false})
    );
    assert_eq!(st[1]["shape"], serde_json::json!([2, 2]));
    assert_eq!(st[2]["kind"], "number");
    assert!(st[2].get("shape").is_none() && st[2].get("text").is_none());
    assert!(st[3].get("quiet").is_none());
    assert_eq!(st[3]["text"], "2");
}

// ---------------------------------------------------------------------------------------------
// -e: numerics

#[test]
fn numerics() {
    eval_ok("N(pi, 50)", &format!("≈ {PI_50}"));
    eval_ok("N(erf(1/2), 30)", "≈ 0.520499877813046537682746653892");
    eval_ok("N(zeta(3), 20)", "≈ 1.2020569031595942854");
    eval_ok("N(pi)", "≈ 3.14159265358979");
    eval_ok("N(e, 30)", "≈ 2.71828182845904523536028747135");
}

#[test]
fn digits_option_sets_the_default_precision() {
    let r = run(&["--digits", "20", "-e", "N(pi)"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "≈ 3.1415926535897932385\n");
    // An explicit count still wins.
    let r = run(&["--digits", "20", "-e", "N(pi, 5)"]);
    assert_eq!(r.stdout, "≈ 3.1416\n");
}

#[test]
fn digits_option_is_range_checked() {
    for bad in ["0", "100001"] {
        let r = run(&["--digits", bad, "-e", "N(pi)"]);
        assert_eq!(r.code, 2, "--digits {bad}");
        assert_eq!(r.stdout, "");
        assert_eq!(r.stderr, "error: --digits must be between 1 and 100000\n");
    }
}

// ---------------------------------------------------------------------------------------------
// -e: errors

#[test]
fn parse_error_shows_a_caret() {
    eval_err(
        "1 +",
        "error: expected an expression
  ┌─ <expr>:1:4
  │
1 │ 1 +
  │    ^ expected an expression

",
    );
}

#[test]
fn unknown_function_is_named() {
    eval_err(
        "foo(1)",
        "error: unknown function `foo`
  ┌─ <expr>:1:1
  │
1 │ foo(1)
  │ ^^^ not a builtin or a defined function
  │
  = help: define it first, e.g. `foo(x) = x^2`, or see :help for the builtins

",
    );
}

#[test]
fn misspelled_function_gets_a_suggestion() {
    let r = run(&["-e", "sinn(1)"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("= help: did you mean `sin`?"),
        "{}",
        r.stderr
    );
}

#[test]
fn division_by_zero_is_explained() {
    eval_err(
        "1/0",
        "error: division by zero
  ┌─ <expr>:1:1
  │
1 │ 1/0
  │ ^^^ this evaluates to a division by zero
  │
  = help: a denominator here is exactly 0

",
    );
}

#[test]
fn results_before_a_runtime_error_are_printed() {
    let r = run(&["-e", "1/2\n1/0"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "1/2\n");
    assert!(r.stderr.starts_with("error: division by zero\n"));
    assert!(r.stderr.contains("<expr>:2:1"), "{}", r.stderr);
}

#[test]
fn errors_are_not_coloured_when_stderr_is_not_a_terminal() {
    let r = run(&["-e", "1/0"]);
    assert!(!r.stderr.contains('\x1b'), "{:?}", r.stderr);
}

// ---------------------------------------------------------------------------------------------
// run

#[test]
fn run_tour_succeeds() {
    let r = run(&["run", "examples/tour.sigma"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.first(), Some(&"## Exact arithmetic"));
    for expected in [
        "361/400",
        "2*sqrt(2)",
        "-2*x*exp(-x^2)",
        "r = 2/3",
        "f(x) = exp(-x^2)",
        "A = [[7/10, 1/10], [1/5, 3/5]]",
        "[[51/100, 13/100], [13/50, 19/50]]",
        &format!("≈ {PI_50}"),
        "≈ 0.520499877813046537682746653892",
    ] {
        assert!(lines.contains(&expected), "missing line {expected:?}");
    }
}

#[test]
fn run_every_example_succeeds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    // Plots go to a scratch directory, not into examples/.
    let plots = std::env::temp_dir().join(format!("sigma-example-plots-{}", std::process::id()));
    std::fs::create_dir_all(&plots).expect("a scratch directory");
    let plot_dir = plots.to_str().expect("a UTF-8 path");
    for entry in std::fs::read_dir(dir).expect("examples/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|x| x == "sigma") {
            let file = path.to_str().expect("a UTF-8 path");
            let r = run(&["run", "--plot-dir", plot_dir, file]);
            assert_eq!(r.code, 0, "{}: {}", path.display(), r.stderr);
            assert_eq!(r.stderr, "", "{}", path.display());
        }
    }
    // The notebook's seven plots were written there.
    let svgs = std::fs::read_dir(&plots)
        .expect("the scratch directory")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "svg"))
        })
        .count();
    assert_eq!(svgs, 7);
    std::fs::remove_dir_all(&plots).expect("removed");
}

/// `run --echo` puts each statement's input before its answer (`sigma> …`, a quiet one with
/// its `;` and no answer), prose lines as written, a blank line before each later heading;
/// without `--echo` the output is only the answers.
#[test]
fn run_echo_ties_each_answer_to_its_statement() {
    let path = scratch(
        "echo.sigma",
        "## A\n#' Why it holds.\nr = 2/3\nm = [[1, 2],\n     [3, 4]]\nk = r^2; r + 1 # a comment\n## B\ndiff(x^3, x)\n",
    );
    let file = path.to_str().expect("a UTF-8 path");
    let r = run(&["run", "--echo", file]);
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert_eq!(
        r.stdout,
        "## A\n#' Why it holds.\nsigma> r = 2/3\nr = 2/3\nsigma> m = [[1, 2],\n       [3, 4]]\n\
         m = [[1, 2], [3, 4]]\nsigma> k = r^2;\nsigma> r + 1\n5/3\n\n## B\nsigma> diff(x^3, x)\n3*x^2\n"
    );
    let plain = run(&["run", file]);
    assert_eq!(
        plain.stdout,
        "## A\nr = 2/3\nm = [[1, 2], [3, 4]]\n5/3\n## B\n3*x^2\n"
    );
    // LaTeX output echoes as comments; the steps still follow the answer.
    let tex = run(&["run", "--echo", "--format", "tex", file]);
    assert!(
        tex.stdout
            .contains("% sigma> m = [[1, 2],\n%        [3, 4]]\n\\[ m = \\begin{bmatrix}"),
        "{}",
        tex.stdout
    );
    let steps = run(&["run", "--echo", "--steps", file]);
    assert!(
        steps.stdout.ends_with("sigma> diff(x^3, x)\n3*x^2\n  1. d/dx [x^3] = 3*x^2  [sum, product, power and chain rules, simplified to canonical form]\n"),
        "{}",
        steps.stdout
    );
}

#[test]
fn run_stops_at_an_error_on_line_3() {
    let path = scratch("line3.sigma", "a = 1/2\nb = a + 1\nc = b/0\nd = 4\n");
    let r = run(&["run", path.to_str().expect("a UTF-8 path")]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "a = 1/2\nb = 3/2\n");
    let name = path.display().to_string();
    assert_eq!(
        r.stderr,
        format!(
            "error: division by zero
  ┌─ {name}:3:5
  │
3 │ c = b/0
  │     ^^^ this evaluates to a division by zero
  │
  = help: a denominator here is exactly 0

"
        )
    );
}

#[test]
fn run_reports_every_static_error_and_runs_nothing() {
    let path = scratch("two_errors.sigma", "1 + 1\nfoo(2)\nbar(3)\n");
    let r = run(&["run", path.to_str().expect("a UTF-8 path")]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("two_errors.sigma:2:1"), "{}", r.stderr);
    assert!(r.stderr.contains("two_errors.sigma:3:1"), "{}", r.stderr);
}

#[test]
fn run_missing_file() {
    let r = run(&["run", "no/such/file.sigma"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr
            .starts_with("error: cannot read no/such/file.sigma: "),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
}

#[test]
fn run_without_a_file_is_a_usage_error() {
    let r = run(&["run"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("<FILE>"), "{}", r.stderr);
}

#[test]
fn unknown_format_is_a_usage_error() {
    let r = run(&["--format", "bogus", "-e", "1"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.contains(
            "unknown format `bogus` (expected text, json, latex or markdown, or txt, tex, md)"
        ),
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// --format

#[test]
fn json_output() {
    let r = run(&["--format", "json", "-e", "1/2\nN(pi)"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).expect("valid JSON");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["errors"], serde_json::json!([]));
    let st = doc["statements"].as_array().expect("statements");
    assert_eq!(st.len(), 2);

    assert_eq!(st[0]["input"], "1/2");
    assert_eq!(st[0]["text"], "1/2");
    assert_eq!(st[0]["latex"], "\\frac{1}{2}");
    assert_eq!(st[0]["kind"], "number");
    assert_eq!(st[0]["exact"], true);
    assert_eq!(st[0]["approximate"], false);
    assert_eq!(st[0]["steps"], serde_json::json!([]));
    assert_eq!(st[0]["line"], 1);

    assert_eq!(st[1]["input"], "N(pi)");
    assert_eq!(st[1]["text"], "≈ 3.14159265358979");
    assert_eq!(st[1]["latex"], "\\approx 3.14159265358979");
    assert_eq!(st[1]["exact"], false);
    assert_eq!(st[1]["approximate"], true);
    assert!(st[1]["kind"].is_string());
    let steps = st[1]["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 1);
    assert!(steps[0]["claim"].is_string());
    assert!(steps[0]["reason"].is_string());
}

#[test]
fn json_output_carries_errors() {
    let r = run(&["--format", "json", "-e", "1/2; 1/0"]);
    assert_eq!(r.code, 1);
    // In JSON mode the diagnostic is part of the document, not printed to stderr.
    assert_eq!(r.stderr, "");
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).expect("valid JSON");
    assert_eq!(doc["statements"].as_array().map(Vec::len), Some(1));
    let err = &doc["errors"][0];
    assert_eq!(err["message"], "division by zero");
    assert_eq!(err["file"], "<expr>");
    assert_eq!(err["line"], 1);
    assert_eq!(err["column"], 6);
    assert_eq!(err["help"], "a denominator here is exactly 0");
    assert!(err["rendered"]
        .as_str()
        .expect("rendered")
        .contains("  │      ^^^ this evaluates to a division by zero"));
}

#[test]
fn latex_output() {
    let r = run(&[
        "--format",
        "latex",
        "-e",
        "1/2\nsqrt(8)\ndiff(exp(-x^2), x)\nr = 2/3\nN(pi, 5)",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "\\[ \\frac{1}{2} \\]
\\[ 2 \\sqrt{2} \\]
\\[ -2 x e^{-x^{2}} \\]
\\[ r = \\frac{2}{3} \\]
\\[ \\approx 3.1416 \\]
"
    );
}

#[test]
fn latex_format_alias() {
    let a = run(&["--format", "latex", "-e", "sqrt(8)"]);
    let b = run(&["--format", "tex", "-e", "sqrt(8)"]);
    assert_eq!(a.stdout, "\\[ 2 \\sqrt{2} \\]\n");
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn markdown_output() {
    let r = run(&["--format", "markdown", "-e", "1/2\nsqrt(8)\nN(pi, 5)"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "`1/2` → $\\frac{1}{2}$

`sqrt(8)` → $2 \\sqrt{2}$

`N(pi, 5)` → $\\approx 3.1416$

"
    );
    let md = run(&["-f", "md", "-e", "sqrt(8)"]);
    assert_eq!(md.stdout, "`sqrt(8)` → $2 \\sqrt{2}$\n\n");
}

#[test]
fn steps_option_shows_a_derivation() {
    let r = run(&["--steps", "-e", "diff(x^3, x)"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "3*x^2\n  1. d/dx [x^3] = 3*x^2  [sum, product, power and chain rules, simplified to canonical form]\n"
    );
    // Without --steps only the answer is printed.
    let r = run(&["-e", "diff(x^3, x)"]);
    assert_eq!(r.stdout, "3*x^2\n");
}

// ---------------------------------------------------------------------------------------------
// key

#[test]
fn key_tex_is_a_latex_document() {
    let r = run(&["key", "examples/tour.sigma", "--format", "tex"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let out = &r.stdout;
    assert!(out.starts_with("\\documentclass"), "{out}");
    assert!(out.contains("\\begin{document}"));
    assert!(out.contains("\\section*{Exact arithmetic}"));
    assert!(out.contains("\\begin{dmath*}\n\\frac{361}{400}\n\\end{dmath*}"));
    assert!(out.trim_end().ends_with("\\end{document}"));
}

#[test]
fn key_markdown_and_json() {
    let r = run(&["key", "examples/tour.sigma", "--format", "md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("# Answer key: tour\n"), "{}", r.stdout);
    assert!(r.stdout.contains("## Exact arithmetic"));

    let r = run(&["key", "examples/tour.sigma", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).expect("valid JSON");
    assert_eq!(doc["sections"][0]["heading"], "Exact arithmetic");
    assert_eq!(doc["sections"][0]["items"][1]["text"], "361/400");
}

#[test]
fn key_writes_to_a_file() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests/tour-key.tex");
    let _ = std::fs::remove_file(&out);
    let r = run(&[
        "key",
        "examples/tour.sigma",
        "--format",
        "tex",
        "-o",
        out.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    let text = std::fs::read_to_string(&out).expect("the key was written");
    assert!(text.starts_with("\\documentclass"));
}

#[test]
fn key_of_a_failing_script_writes_nothing() {
    let path = scratch("key_fail.sigma", "## A\n1/2\n1/0\n");
    let r = run(&[
        "key",
        path.to_str().expect("a UTF-8 path"),
        "--format",
        "tex",
    ]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.starts_with("error: division by zero\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn help_lists_every_format_name_the_parser_accepts() {
    use sigma::Format;
    let r = run(&["--help"]);
    assert_eq!(r.code, 0);
    let line = r
        .stdout
        .lines()
        .find(|l| l.contains("--format"))
        .expect("a --format line");
    for name in ["text", "txt", "json", "latex", "tex", "markdown", "md"] {
        assert!(name.parse::<Format>().is_ok(), "{name} parses");
        assert!(
            line.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w == name),
            "--help does not list {name}: {line}"
        );
    }
}
