//! Benchmarks of the fast exact power series (`sigma::math::series::fast`) on workload W1 of
//! `../shared/bench`: exp(sin x), tan x, 1/(1 − x − x²) and ∫₀ˣ e^{−t²} through x^1000.
//!
//! `cargo bench --bench series` runs them under criterion. `cargo bench --bench series --
//! --w1 NAME N` (NAME one of expsin, tan, fib, erf) instead computes one workload once and
//! prints `INPROC <seconds>` and `DIGEST <text>` exactly like the peer scripts
//! (`w1_flint.py`), so that `bench/compare_series.sh` can put both side by side.

use criterion::{black_box, Criterion, SamplingMode};
use sigma::math::number::Q;
use sigma::math::series::fast;
use std::time::{Duration, Instant};

/// The series `x`.
fn x() -> Vec<Q> {
    vec![Q::zero(), Q::one()]
}

/// Computes workload `name` through `x^(n−1)`.
fn run(name: &str, n: usize) -> Result<Vec<Q>, String> {
    let err = |e: sigma::math::expr::MathError| e.to_string();
    match name {
        "expsin" => {
            let (s, _) = fast::sin_cos(&x(), n).map_err(err)?;
            fast::exp(&s, n).map_err(err)
        }
        "tan" => fast::tan(&x(), n).map_err(err),
        "fib" => fast::inv(&[Q::one(), Q::int(-1), Q::int(-1)], n).map_err(err),
        "erf" => {
            let e = fast::exp(&[Q::zero(), Q::zero(), Q::int(-1)], n).map_err(err)?;
            Ok(fast::integral(&e, n))
        }
        other => Err(format!(
            "unknown workload {other:?} (expsin, tan, fib, erf)"
        )),
    }
}

/// `<digits>d:<first6>..<last6>` for integers of more than 12 digits, as in `common.py`.
fn int_digest(i: &rug::Integer) -> String {
    let s = i.to_string();
    let (sign, digits) = match s.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", s.as_str()),
    };
    if digits.len() <= 12 {
        return s;
    }
    let n = digits.len();
    format!("{sign}{n}d:{}..{}", &digits[..6], &digits[n - 6..])
}

/// The peers' digest: index and value of the last nonzero coefficient.
fn digest(c: &[Q]) -> String {
    match c.iter().rposition(|q| !q.is_zero()) {
        None => "all zero".into(),
        Some(k) => {
            let q = &c[k];
            if q.is_integer() {
                format!("c[{k}] = {}", int_digest(q.numer()))
            } else {
                format!(
                    "c[{k}] = {} / {}",
                    int_digest(q.numer()),
                    int_digest(q.denom())
                )
            }
        }
    }
}

/// One timed run in the peers' output protocol.
fn w1(name: &str, big_n: &str) -> Result<(), String> {
    let big_n: usize = big_n.parse().map_err(|_| format!("bad N {big_n:?}"))?;
    let t = Instant::now();
    let c = run(name, big_n + 1)?;
    let dt = t.elapsed().as_secs_f64();
    println!("INPROC {dt:.6}");
    println!("DIGEST {}", digest(&c));
    Ok(())
}

fn benches(c: &mut Criterion) {
    let n = 1001;
    let mut group = c.benchmark_group("series n=1001");
    // Flat sampling: the slow workloads (~0.1–0.3 s) get exactly 10 samples.
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(8))
        .warm_up_time(Duration::from_secs(1));
    for (name, label) in [
        ("expsin", "exp(sin x)"),
        ("tan", "tan x"),
        ("fib", "1/(1-x-x^2)"),
        ("erf", "integral of exp(-x^2)"),
    ] {
        group.bench_function(label, |b| b.iter(|| black_box(run(name, n))));
    }
    group.finish();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--w1") {
        let name = args.get(i + 1).map(String::as_str).unwrap_or("expsin");
        let big_n = args.get(i + 2).map(String::as_str).unwrap_or("1000");
        if let Err(e) = w1(name, big_n) {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
}
