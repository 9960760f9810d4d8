//! The REPL driven through a pipe: multi-line input, rollback after an error, `:` commands
//! and exit codes; plus the completion the line editor offers.
#![cfg(feature = "cli")] // drives the `sigma` binary

use assert_cmd::Command;
use sigma::interact::complete::complete_word;

/// What one REPL session produced.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `sigma` (no arguments) with `input` piped to standard input.
fn repl(input: &str) -> Run {
    let out = Command::cargo_bin("sigma")
        .expect("the sigma binary is built")
        .env("SIGMA_HISTORY", "/nonexistent-dir/sigma-history")
        .write_stdin(input)
        .output()
        .expect("sigma runs");
    Run {
        code: out
            .status
            .code()
            .expect("sigma exits normally, not by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

#[test]
fn piped_lines_print_one_result_each_and_exit_0() {
    let r = repl("1/3 + 1/6\nx = 2\nx^10\n");
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (0, "1/2\nx = 2\n1024\n", "")
    );
}

#[test]
fn no_welcome_line_when_piped() {
    let r = repl("");
    assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", ""));
}

#[test]
fn brackets_left_open_continue_on_the_next_line() {
    let r = repl("m = [[1, 2],\n     [3, 4]]\nm\n");
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (0, "m = [[1, 2], [3, 4]]\n[[1, 2], [3, 4]]\n")
    );
    let r = repl("diff(x^3,\n  x)\n");
    assert_eq!((r.code, r.stdout.as_str()), (0, "3*x^2\n"));
}

#[test]
fn brackets_still_open_at_the_end_are_an_error() {
    let r = repl("1 + 1\n[1,\n2\n");
    assert_eq!((r.code, r.stdout.as_str()), (1, "2\n"));
    assert!(
        r.stderr.starts_with("error: unclosed `[`\n"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("<repl:2>:"), "{}", r.stderr);
}

#[test]
fn a_failed_line_keeps_earlier_bindings_and_binds_nothing() {
    let r = repl("a = 2\nb = 1/0\na + 1\nb\n");
    assert_eq!((r.code, r.stdout.as_str()), (1, "a = 2\n3\nb\n"));
    assert!(
        r.stderr.starts_with("error: division by zero\n"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("<repl:2>:1:5"), "{}", r.stderr);
}

#[test]
fn a_line_failing_halfway_rolls_back_its_own_bindings() {
    // `c = 5` runs (quietly, it ends with `;`) before `1/0` fails on the same line; the
    // rollback forgets it.
    let r = repl("c = 1\nc = 5; 1/0\nc\n");
    assert_eq!((r.code, r.stdout.as_str()), (1, "c = 1\n1\n"));
}

#[test]
fn a_quiet_line_prints_nothing_but_binds() {
    let r = repl("v = [10, 20, 30];\nlen(v); v[-1]\nv[0];\n");
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (0, "30\n", "")
    );
}

#[test]
fn digits_sets_the_default_precision_of_n() {
    let r = repl(":digits\n:digits 30\nN(pi)\n:digits\n");
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (
            0,
            "digits: 15\ndigits: 30\n≈ 3.14159265358979323846264338328\ndigits: 30\n",
            ""
        )
    );
}

#[test]
fn digits_out_of_range_is_refused() {
    let r = repl(":digits 0\n:digits many\nN(1/3)\n");
    assert_eq!((r.code, r.stdout.as_str()), (1, "≈ 0.333333333333333\n"));
    assert_eq!(
        r.stderr,
        "error: `:digits` takes a whole number from 1 to 100000, not `0`\n\
         error: `:digits` takes a whole number from 1 to 100000, not `many`\n"
    );
}

#[test]
fn help_for_a_builtin_shows_signature_summary_and_example() {
    let r = repl(":help diff\n");
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (
            0,
            "diff(f, x) or diff(f, x, k)\n  the derivative of f with respect to x (the k-th derivative with k)\n  example: diff(exp(-x^2), x) → -2*x*exp(-x^2)\n"
        )
    );
}

#[test]
fn help_lists_builtins_and_commands() {
    let r = repl(":help\n");
    assert_eq!(r.code, 0);
    for line in [
        "Functions:",
        "Commands:",
        "REPL commands:",
        "  sin(x)",
        "  binomial(n, k) — the binomial coefficient n choose k",
        "  :digits [D]",
        "  :quit or :q",
    ] {
        assert!(r.stdout.contains(line), "missing {line:?} in\n{}", r.stdout);
    }
    assert!(r
        .stdout
        .lines()
        .any(|l| l.starts_with("  diff(f, x) or diff(f, x, k)") && l.contains(" — ")));
}

#[test]
fn help_for_bindings_and_unknown_names() {
    let r = repl("k = 3/4\nf(x) = x^2 + k\n:help k\n:help f\n:help sinn\n:help zzzz\n");
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (1, "k = 3/4\nf(x) = x^2 + k\nk = 3/4\nf(x) = x^2 + k\n")
    );
    assert_eq!(
        r.stderr,
        "error: no builtin or binding named `sinn`; did you mean `sin`?\n\
         error: no builtin or binding named `zzzz`\n"
    );
}

#[test]
fn vars_clear_and_steps() {
    let r = repl(":vars\nb = 2\ng(t) = t + 1\n:vars\n:clear\n:vars\nb\n:steps on\ndiff(x^2, x)\n:steps off\ndiff(x^2, x)\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "no bindings\nb = 2\ng(t) = 1 + t\nb = 2\ng(t) = t + 1\nforgot 2 bindings\nno bindings\nb\nsteps: on\n\
         2*x\n  1. d/dx [x^2] = 2*x  [sum, product, power and chain rules, simplified to canonical form]\n\
         steps: off\n2*x\n"
    );
}

#[test]
fn unknown_commands_are_reported() {
    let r = repl(":hlep\n:frobnicate\n1 + 1\n");
    assert_eq!((r.code, r.stdout.as_str()), (1, "2\n"));
    assert_eq!(
        r.stderr,
        "error: unknown command `:hlep`; did you mean `:help`? (:help lists the commands)\n\
         error: unknown command `:frobnicate` (:help lists the commands)\n"
    );
}

#[test]
fn quit_stops_reading() {
    let r = repl("1 + 1\n:quit\n1/0\n");
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (0, "2\n", "")
    );
    let r = repl("1/0\n:q\n2\n");
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
}

#[test]
fn json_format_prints_one_object_per_line() {
    let out = Command::cargo_bin("sigma")
        .expect("the sigma binary is built")
        .args(["--format", "json"])
        .write_stdin("x = 1/2\n")
        .output()
        .expect("sigma runs");
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).expect("valid JSON");
    assert_eq!(
        (v["name"].as_str(), v["text"].as_str()),
        (Some("x"), Some("1/2"))
    );
}

#[test]
fn completion_of_builtins_bindings_and_commands() {
    let names = vec!["diffusion".to_string(), "λ₁".to_string()];
    assert_eq!(complete_word("dif", 3, &[]), (0, vec!["diff".to_string()]));
    assert_eq!(
        complete_word("1 + dif", 7, &names),
        (4, vec!["diff".to_string(), "diffusion".to_string()])
    );
    assert_eq!(complete_word("2*λ", 4, &names), (2, vec!["λ₁".to_string()]));
    // Only the word before the cursor counts.
    assert_eq!(
        complete_word("sin(x) + co", 3, &[]),
        (0, vec!["sin".to_string(), "sinh".to_string()])
    );
    assert_eq!(complete_word(":he", 3, &[]), (0, vec![":help".to_string()]));
    assert_eq!(
        complete_word("  :q", 4, &[]).1,
        vec![":q".to_string(), ":quit".to_string()]
    );
    assert_eq!(
        complete_word(":help dif", 9, &[]),
        (6, vec!["diff".to_string()])
    );
    assert_eq!(complete_word("1 + ", 4, &names), (4, vec![]));
    assert_eq!(complete_word("zz", 2, &names), (0, vec![]));
    // A position beyond the line or inside a character does not panic.
    assert_eq!(complete_word("dif", 99, &[]).1, vec!["diff".to_string()]);
    assert_eq!(complete_word("λ", 1, &[]), (1, vec![]));
}

#[test]
fn elide_prints_the_ends_of_a_long_vector_with_a_marked_middle() {
    let r = repl(
        ":elide\n:elide 10\nK = ssm_kernel([[1/2]], [1], [1], 0, 11)\nK[0:10]\nlen(K)\n:elide 3\n:elide off\nK\n",
    );
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (
            1,
            "elide: past 1000 entries (or rows)\n\
             elide: past 10 entries (or rows)\n\
             K = [0, 1, 1/2, 1/4, 1/8, … 2 more entries not shown (12 in all; `:elide off` prints every one) …, 1/64, 1/128, 1/256, 1/512, 1/1024]\n\
             [0, 1, 1/2, 1/4, 1/8, 1/16, 1/32, 1/64, 1/128, 1/256]\n\
             12\n\
             elide: off\n\
             [0, 1, 1/2, 1/4, 1/8, 1/16, 1/32, 1/64, 1/128, 1/256, 1/512, 1/1024]\n",
            "error: `:elide` takes a whole number of at least 10 or `off`, not `3`\n"
        )
    );
}

#[test]
fn elide_leaves_out_the_middle_rows_of_a_tall_matrix_and_never_touches_json() {
    let r = repl(":elide 10\nidentity(11)[:, 0:2]\n");
    assert_eq!(
        r.stdout,
        "elide: past 10 entries (or rows)\n\
         [[1, 0], [0, 1], [0, 0], [0, 0], [0, 0], … 1 more row not shown (11 in all; `:elide off` prints every one) …, [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]\n"
    );
    let out = Command::cargo_bin("sigma")
        .expect("the sigma binary is built")
        .env("SIGMA_HISTORY", "/nonexistent-dir/sigma-history")
        .args(["--format", "json"])
        .write_stdin(":elide 10\nzeros(1, 12)[0]\n")
        .output()
        .expect("sigma runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!stdout.contains("not shown"), "{stdout}");
    assert!(
        stdout.contains("[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]"),
        "{stdout}"
    );
}

#[test]
fn memory_shows_and_sets_the_budget_and_a_stop_keeps_the_session() {
    let r = repl(
        ":memory 48M\nkept = 7\ncoeff(exp(sin(x)), x, 6000)\nkept + 1\n:memory off\n:memory 12Q\n",
    );
    let out: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(out.len(), 4, "{}", r.stdout);
    assert!(out[0].starts_with("memory: ") && out[0].ends_with(" in use, budget 48 MiB"));
    assert_eq!(&out[1..3], ["kept = 7", "8"]);
    assert!(out[3].ends_with(" in use, no budget"), "{}", out[3]);
    assert!(r
        .stderr
        .contains("error: stopped: memory budget of 48 MiB exceeded (--max-memory)"));
    assert!(r
        .stderr
        .contains("error: `:memory`: unknown size unit `q` (use K, M, G or T)"));
}

#[test]
fn ans_is_the_previous_result() {
    let r = repl("1/3 + 1/6\nans*4\nx = [1,\n  2]\nans[1]; ans + 1\n:help ans\n");
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (
            0,
            "1/2\n2\nx = [1, 2]\n3\nans\n  the previous result (in the REPL; a binding named ans hides it)\n  now: 3\n",
            ""
        )
    );
    // A binding named `ans` hides it; before any result `ans` is a free name.
    let r = repl("ans + 1\nans = 10\n5\nans\n");
    assert_eq!(r.stdout, "1 + ans\nans = 10\n5\n10\n");
}

#[test]
fn help_opens_with_an_index_and_fits_the_width() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sigma"))
        .env("SIGMA_HISTORY", "/nonexistent-dir/sigma-history")
        .env("COLUMNS", "60")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().expect("stdin").write_all(b":help\n")?;
            c.wait_with_output()
        })
        .expect("sigma runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("  Functions: exp ln log"), "{text}");
    assert!(
        lines.contains(&"  Constants: pi e EulerGamma oo I ans"),
        "{text}"
    );
    let too_wide: Vec<&&str> = lines.iter().filter(|l| l.chars().count() > 60).collect();
    assert!(too_wide.is_empty(), "lines over 60 columns: {too_wide:#?}");
    let index_end = lines
        .iter()
        .position(|l| l.is_empty())
        .expect("a blank line");
    assert!(lines[index_end + 1] == "Functions:", "{text}");
}

#[test]
fn help_and_completion_know_the_constants() {
    let r = repl(":help pi\n:help oo\n:help e\n:help π\n");
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (
            0,
            "pi\n  π = 3.14159…, exact (also written π); N(pi, 50) gives 50 digits\n\
             oo\n  infinity (also written ∞): a bound of sums and limits, -oo below\n\
             e\n  Euler's number e = 2.71828…, exact; exp(x) is e^x\n\
             pi\n  π = 3.14159…, exact (also written π); N(pi, 50) gives 50 digits\n"
        )
    );
    assert_eq!(
        complete_word("p", 1, &[]),
        (
            0,
            vec![
                "partial_sums".to_string(),
                "pi".to_string(),
                "plot".to_string(),
                "polyfit".to_string(),
                "product".to_string()
            ]
        )
    );
    assert!(complete_word("2*o", 3, &[]).1.contains(&"oo".to_string()));
    assert!(complete_word("e", 1, &[]).1.contains(&"e".to_string()));
    assert!(complete_word("an", 2, &[]).1.contains(&"ans".to_string()));
}
