//! Benchmarks of the fast exact power series (`sigma::math::series::fast`) on workload W1 of
//! `../shared/bench`: exp(sin x), tan x, 1/(1 − x − x²) and ∫₀ˣ e^{−t²} through x^1000.
//!
//! `cargo bench --bench series` runs them under criterion. `cargo bench --bench series --
//! --w1 NAME N` (NAME one of expsin, tan, fib, erf) instead computes one workload once and
//! prints `INPROC <seconds>` and `DIGEST <text>` exactly like the peer scripts
//! (`w1_flint.py`), so that `bench/compare_series.sh` can put both side by side.
//! `--sym CASE N` does the same for series with symbolic coefficients through the whole
//! expansion (`taylor`), against `bench/symbolic.gp` and `bench/symbolic_sympy.py`: expsin is
//! exp(a·x)·sin x, pisqrt2 is exp(√2·x)·sin(π·x).

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
            let s = fast::sin(&x(), n).map_err(err)?;
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

/// The expression of a symbolic-coefficient case.
fn sym_case(name: &str) -> Result<&'static str, String> {
    match name {
        "expsin" => Ok("exp(a*x)*sin(x)"),
        "pisqrt2" => Ok("exp(sqrt(2)*x)*sin(pi*x)"),
        other => Err(format!("unknown case {other:?} (expsin, pisqrt2)")),
    }
}

/// `<num-digest> / <den-digest>`, or the integer's digest, as `common.py`'s `q_digest`.
fn q_digest(q: &Q) -> String {
    if q.is_integer() {
        int_digest(q.numer())
    } else {
        format!("{} / {}", int_digest(q.numer()), int_digest(q.denom()))
    }
}

/// One timed symbolic expansion; the digest is c_N with a = 2 (π = 2), as u + v·√2.
fn sym(name: &str, big_n: &str) -> Result<(), String> {
    use sigma::math::expr::{subst, Expr};
    let big_n: usize = big_n.parse().map_err(|_| format!("bad N {big_n:?}"))?;
    let f = sigma::session::Session::expr(sym_case(name)?)?;
    let t = Instant::now();
    let e = sigma::math::series::taylor(&f, "x", &Expr::zero(), big_n + 1)
        .map_err(|e| e.to_string())?;
    let dt = t.elapsed().as_secs_f64();
    let err = |e: sigma::math::expr::MathError| e.to_string();
    let c = subst::subs(&e.coeffs[big_n], "a", &Expr::int(2)).map_err(err)?;
    let c = subst::replace(&c, &Expr::pi(), &Expr::int(2)).map_err(err)?;
    let c = subst::expand(&c).map_err(err)?;
    let root2 = Expr::sqrt(Expr::int(2)).map_err(err)?;
    let v = subst::expand(&subst::replace(&c, &root2, &Expr::int(1)).map_err(err)?).map_err(err)?;
    let v0 =
        subst::expand(&subst::replace(&c, &root2, &Expr::int(0)).map_err(err)?).map_err(err)?;
    let (Some(u), Some(w)) = (v0.as_num(), v.as_num()) else {
        return Err(format!("c[{big_n}] = {c} is not u + v*sqrt(2)"));
    };
    println!("INPROC {dt:.6}");
    println!(
        "DIGEST c[{big_n}] = {} + {}*sqrt2",
        q_digest(u),
        q_digest(&w.sub(u))
    );
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
    if let Some(i) = args.iter().position(|a| a == "--sym") {
        let name = args.get(i + 1).map(String::as_str).unwrap_or("expsin");
        let big_n = args.get(i + 2).map(String::as_str).unwrap_or("200");
        if let Err(e) = sym(name, big_n) {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
}
