//! Benchmarks of the foundation: parsing and evaluating the tour script, exact expansion,
//! differentiation, certified numerics and certified infinite sums. Run with `cargo bench --bench core`.
//!
//! `cargo bench --bench core -- --w3 NAME [DIGITS]` instead evaluates one certified value of
//! workload W3 of `../shared/bench` once (NAME one of zeta32, ln2alt, erfhalf, nexpn, pi,
//! zeta32sum) and prints `INPROC <seconds>` (parse and evaluate, session start-up excluded)
//! and `DIGEST <digits 1-12>..<digits D-15..D-4>` exactly like `w3_flint.py` and `w3.gp`.

use criterion::{black_box, criterion_group, Criterion};
use sigma::eval::value::Value;
use sigma::outcome::OutcomeKind;
use sigma::session::Session;
use std::time::Instant;

fn run(src: &str) {
    let mut s = Session::new();
    let r = s.run_collect("<bench>", src);
    assert!(r.is_ok(), "bench input failed: {src}");
    black_box(r.ok());
}

fn benches(c: &mut Criterion) {
    let tour = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/tour.sigma"))
        .expect("examples/tour.sigma exists");
    c.bench_function("tour.sigma (parse, check, evaluate)", |b| {
        b.iter(|| run(&tour))
    });
    c.bench_function("expand((x + y + 1)^20)", |b| {
        b.iter(|| run("expand((x + y + 1)^20)"))
    });
    c.bench_function("diff(exp(sin(x)), x, 8)", |b| {
        b.iter(|| run("diff(exp(sin(x)), x, 8)"))
    });
    c.bench_function("N(pi, 1000)", |b| b.iter(|| run("N(pi, 1000)")));
    c.bench_function("N(zeta(3), 1000)", |b| b.iter(|| run("N(zeta(3), 1000)")));
    c.bench_function("N(erf(1/2), 1000)", |b| b.iter(|| run("N(erf(1/2), 1000)")));
    c.bench_function("N(sum(1/n^(3/2), n, 1, oo), 1000)", |b| {
        b.iter(|| run("N(sum(1/n^(3/2), n, 1, oo), 1000)"))
    });
    c.bench_function("N(sum((-1)^(n+1)/n, n, 1, oo), 1000)", |b| {
        b.iter(|| run("N(sum((-1)^(n+1)/n, n, 1, oo), 1000)"))
    });
    c.bench_function("N(sum(n/exp(n), n, 1, oo), 1000)", |b| {
        b.iter(|| run("N(sum(n/exp(n), n, 1, oo), 1000)"))
    });
}

criterion_group! {
    name = core;
    config = Criterion::default().sample_size(20);
    targets = benches
}

/// The statement of W3 workload `name` at `d` digits, and its default digit count.
fn w3_statement(name: &str, d: Option<u32>) -> Result<String, String> {
    let (expr, default) = match name {
        "zeta32" => ("zeta(3/2)", 1000),
        "ln2alt" => ("sum((-1)^(n+1)/n, n, 1, oo)", 1000),
        "erfhalf" => ("erf(1/2)", 10_000),
        "nexpn" => ("sum(n/exp(n), n, 1, oo)", 100),
        "pi" => ("pi", 100_000),
        "zeta32sum" => ("sum(1/n^(3/2), n, 1, oo)", 20_000),
        other => {
            return Err(format!(
                "unknown workload {other:?} (zeta32, ln2alt, erfhalf, nexpn, pi, zeta32sum)"
            ))
        }
    };
    Ok(format!("N({expr}, {})", d.unwrap_or(default)))
}

/// Runs one W3 workload and prints INPROC and DIGEST (digits 1-12 and D-15..D-4 of the
/// mantissa, as `digits_digest` in `../shared/bench/common.py`).
fn w3(name: &str, d: Option<u32>) -> Result<(), String> {
    let src = w3_statement(name, d)?;
    let mut s = Session::new();
    let t0 = Instant::now();
    let out = s
        .run_collect("<w3>", &src)
        .map_err(|(_, d)| s.render_diagnostics(&d, false))?;
    let dt = t0.elapsed().as_secs_f64();
    let text = match out.last().map(|o| &o.kind) {
        Some(OutcomeKind::Value(Value::Approx(a))) => a.value.text.clone(),
        other => return Err(format!("`{src}` gave {other:?}")),
    };
    let mant: String = text
        .split(['e', 'E'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let mant = mant.trim_start_matches('0');
    let digits = mant.len();
    if digits < 16 {
        return Err(format!("too few digits: {text}"));
    }
    println!("INPROC {dt:.6}");
    println!(
        "DIGEST {}..{} (digits 1-12, {}-{})",
        &mant[..12],
        &mant[digits - 16..digits - 4],
        digits - 15,
        digits - 4
    );
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--w3") {
        let name = args.get(i + 1).map(String::as_str).unwrap_or("zeta32");
        let d = args.get(i + 2).and_then(|a| a.parse().ok());
        if let Err(e) = w3(name, d) {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
        return;
    }
    core();
    Criterion::default().configure_from_args().final_summary();
}
