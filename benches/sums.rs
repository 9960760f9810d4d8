//! Benchmarks of exact finite sums (`sigma::math::sum::exact`) on workload W2 of
//! `../shared/bench`: the harmonic number H_N, Σ_{n=0}^{N} (2/3)^n and Σ_{n=1}^{N} (−1)^(n+1)/n².
//!
//! `cargo bench --bench sums` runs them under criterion. `cargo bench --bench sums -- --w2
//! NAME N` (NAME one of harm, geom, alt) instead computes one workload once and prints
//! `INPROC <seconds>` and `DIGEST <text>` exactly like the peer scripts (`w2_flint.py`), so
//! that `bench/compare_sums.sh` can put both side by side.

use criterion::{black_box, Criterion, SamplingMode};
use rug::Integer;
use sigma::math::expr::{self, Expr};
use sigma::math::number::Q;
use sigma::math::sum::exact::finite_sum;
use std::time::{Duration, Instant};

/// The term and the lower bound of workload `name`.
fn workload(name: &str) -> Result<(Expr, i64), String> {
    let err = |e: sigma::math::expr::MathError| e.to_string();
    let n = || Expr::sym("n");
    match name {
        "harm" => Ok((expr::pow(n(), Expr::int(-1)).map_err(err)?, 1)),
        "geom" => Ok((expr::pow(Expr::frac(2, 3), n()).map_err(err)?, 0)),
        "alt" => {
            let sign = expr::pow(
                Expr::int(-1),
                expr::add(vec![n(), Expr::one()]).map_err(err)?,
            );
            let t = expr::div(
                sign.map_err(err)?,
                expr::pow(n(), Expr::int(2)).map_err(err)?,
            );
            Ok((t.map_err(err)?, 1))
        }
        other => Err(format!("unknown workload {other:?} (harm, geom, alt)")),
    }
}

/// Σ_{n=lo}^{N} of workload `name`.
fn run(name: &str, big_n: i64) -> Result<Q, String> {
    let (term, lo) = workload(name)?;
    match finite_sum(&term, "n", &Integer::from(lo), &Integer::from(big_n)) {
        Ok(Expr::Num(q)) => Ok(q),
        Ok(other) => Err(format!("not a number: {other}")),
        Err(e) => Err(e.to_string()),
    }
}

/// `<digits>d:<first6>..<last6>` for integers of more than 12 digits, as in `common.py`.
fn int_digest(i: &Integer) -> String {
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

/// The peers' digest of a rational: `num / den` digests (`num` alone for an integer).
fn digest(q: &Q) -> String {
    if q.is_integer() {
        int_digest(q.numer())
    } else {
        format!("{} / {}", int_digest(q.numer()), int_digest(q.denom()))
    }
}

/// One timed run in the peers' output protocol.
fn w2(name: &str, big_n: &str) -> Result<(), String> {
    let big_n: i64 = big_n.parse().map_err(|_| format!("bad N {big_n:?}"))?;
    let t = Instant::now();
    let q = run(name, big_n)?;
    let dt = t.elapsed().as_secs_f64();
    println!("INPROC {dt:.6}");
    println!("DIGEST {}", digest(&q));
    Ok(())
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("exact sums");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(8))
        .warm_up_time(Duration::from_secs(1));
    for (name, n, label) in [
        ("harm", 100_000, "H_(10^5)"),
        ("geom", 10_000, "sum (2/3)^n, n <= 10^4"),
        ("alt", 100_000, "sum (-1)^(n+1)/n^2, n <= 10^5"),
    ] {
        group.bench_function(label, |b| b.iter(|| black_box(run(name, n))));
    }
    group.finish();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--w2") {
        let name = args.get(i + 1).map(String::as_str).unwrap_or("harm");
        let big_n = args.get(i + 2).map(String::as_str).unwrap_or("100000");
        if let Err(e) = w2(name, big_n) {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
}
