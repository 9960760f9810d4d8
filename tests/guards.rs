//! The resource guards hold (issue 13, section 2): each reproducer runs as a process of the
//! built binary and must end, well within a generous bound, in its answer, a refusal that
//! names the limit, or a stop by the memory budget or Ctrl-C — never minutes of work or
//! gigabytes of memory. The bounds are loose because the machine is shared; speed itself is
//! a benchmark matter.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a run of `sigma ARGS` gave: exit code, stdout, stderr, wall time.
struct Run {
    code: Option<i32>,
    out: String,
    err: String,
    took: Duration,
}

/// Runs the binary, sending SIGINT after `interrupt_after` if given, and killing it after
/// `limit` (the test then fails on the time bound).
fn run(args: &[&str], interrupt_after: Option<Duration>, limit: Duration) -> Run {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sigma"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sigma starts");
    let mut out_pipe = child.stdout.take().expect("stdout");
    let mut err_pipe = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out_pipe.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err_pipe.read_to_string(&mut s);
        s
    });
    let mut interrupted = false;
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break Some(s);
        }
        let t = start.elapsed();
        if let Some(after) = interrupt_after {
            if !interrupted && t >= after {
                let _ = Command::new("kill")
                    .args(["-INT", &child.id().to_string()])
                    .status();
                interrupted = true;
            }
        }
        if t > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = start.elapsed();
    let out = String::from_utf8_lossy(&reader.join().unwrap_or_default()).into_owned();
    let err = err_reader.join().unwrap_or_default();
    Run {
        code: status.and_then(|s| s.code()),
        out,
        err,
        took,
    }
}

const BOUND: Duration = Duration::from_secs(20);

fn eval(expr: &str) -> Run {
    run(&["-e", expr], None, BOUND * 3)
}

fn assert_refused(r: &Run, message: &str) {
    assert_eq!(r.code, Some(1), "exit code; stderr: {}", r.err);
    assert!(
        r.err.contains(message),
        "expected `{message}` in: {}",
        r.err
    );
    assert!(r.took < BOUND, "took {:?}", r.took);
}

#[test]
fn huge_surds_are_instant() {
    let r = eval("sqrt(2^(10^6))");
    assert_eq!(r.code, Some(0), "{}", r.err);
    assert!(r.took < BOUND, "took {:?}", r.took);
    // 2^500000 has 150,515 digits.
    assert_eq!(r.out.trim().len(), 150_515);
    let r = eval("sqrt(10^(10^6))");
    assert_eq!(r.code, Some(0), "{}", r.err);
    assert!(r.took < BOUND, "took {:?}", r.took);
    assert_eq!(r.out.trim(), format!("1{}", "0".repeat(500_000)));
    let r = eval("sqrt(2*1000003^2*7^5)");
    assert_eq!(r.out.trim(), "49000147*sqrt(14)");
}

#[test]
fn long_series_coefficients_are_refused_or_stopped() {
    let r = run(
        &["--max-memory", "1G", "-e", "coeff(exp(sin(x)), x, 20000)"],
        None,
        BOUND * 3,
    );
    assert_eq!(r.code, Some(1), "{}", r.err);
    assert!(
        r.err.contains("too large to compute exactly")
            || r.err
                .contains("stopped: memory budget of 1 GiB exceeded (--max-memory)"),
        "{}",
        r.err
    );
    assert!(r.took < BOUND * 2, "took {:?}", r.took);
}

#[test]
fn huge_powers_in_symbolic_series_coefficients_are_refused() {
    // The polynomial coefficient ring bounds each accumulation like `expand` does; past the
    // bound the expression-tree path refuses (these had run for minutes and gigabytes).
    let limit = "too large to compute exactly";
    assert_refused(&eval("maclaurin(exp((a+b)^100000*x), x, 2)"), limit);
    assert_refused(&eval("maclaurin((a+b+pi)^200*sin(x), x, 3)"), limit);
}

#[test]
fn term_by_term_sums_are_refused_before_the_work() {
    let limit = "terms of up to";
    assert_refused(&eval("sum((1+1/n)^n, n, 2, 100000)"), limit);
    assert_refused(&eval("sum(n^n, n, 1, 100000)"), limit);
    // A small one still adds up.
    let r = eval("sum(n^n, n, 1, 10)");
    assert_eq!(r.out.trim(), "10405071317");
}

#[test]
fn matrix_powers_and_bound_products_obey_the_digit_guard() {
    let msg = "digits is too large to compute exactly";
    assert_refused(&eval("[[10^1000,0],[0,1]]^1000000"), msg);
    assert_refused(&eval("[[10^100,0],[0,1]]^1000000"), msg);
    let r = eval("a = 10^(10^7); b = a*a; c = b*b; d = c*c; e1 = d*d");
    assert_refused(&r, "a product of about 40000000 digits is too large");
    assert!(r.err.contains("30 million digits"), "{}", r.err);
}

#[test]
fn many_digits_of_a_summable_series_are_fast() {
    let r = eval("N(sum(1/n^2, n, 1, oo), 20000)");
    assert_eq!(r.code, Some(0), "{}", r.err);
    assert!(r.took < BOUND, "took {:?}", r.took);
    assert!(
        r.out
            .starts_with("≈ 1.644934066848226436472415166646025189218"),
        "{}",
        &r.out[..80.min(r.out.len())]
    );
    // "≈ ", the 20,000 digits and the point.
    assert_eq!(r.out.trim().chars().count(), 2 + 20_000 + 1);
}

#[test]
fn ctrl_c_stops_a_long_mpfr_evaluation() {
    let r = run(
        &["-e", "N(gelu(5), 50000)"],
        Some(Duration::from_secs(2)),
        BOUND,
    );
    if r.code == Some(0) {
        return; // a fast machine finished first
    }
    assert_eq!(r.code, Some(1), "{}", r.err);
    assert!(r.err.contains("error: interrupted"), "{}", r.err);
    assert!(r.took < Duration::from_secs(10), "took {:?}", r.took);
}

#[test]
fn a_script_is_linear_in_its_statements() {
    let dir = std::env::temp_dir().join(format!("sigma-guards-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("long.sigma");
    let text: String = (0..100_000)
        .map(|i| format!("x{} = {i};\n", i % 50))
        .collect();
    std::fs::write(&file, text).unwrap();
    let r = run(&["run", file.to_str().unwrap()], None, BOUND * 3);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.code, Some(0), "{}", r.err);
    assert!(r.took < BOUND, "took {:?}", r.took);
}

#[test]
fn the_memory_budget_stops_a_growing_computation() {
    let r = run(
        &["--max-memory", "48M", "-e", "coeff(exp(sin(x)), x, 6000)"],
        None,
        BOUND * 3,
    );
    assert_refused(
        &r,
        "error: stopped: memory budget of 48 MiB exceeded (--max-memory)",
    );
    assert!(r.err.contains("--max-memory 8G"), "{}", r.err);
}

#[test]
fn max_memory_takes_sizes() {
    let r = eval("1 + 1");
    assert_eq!(r.out.trim(), "2");
    let r = run(&["--max-memory", "2G", "-e", "1 + 1"], None, BOUND);
    assert_eq!(r.out.trim(), "2");
    let r = run(&["--max-memory", "off", "-e", "1 + 1"], None, BOUND);
    assert_eq!(r.out.trim(), "2");
    let r = run(&["--max-memory", "12Q", "-e", "1"], None, BOUND);
    assert_eq!(r.code, Some(2));
    assert!(r.err.contains("unknown size unit `q`"), "{}", r.err);
}
