//! Benchmarks of the exact SSM convolution kernel (`sigma::math::linalg::kernel`) on workload W4
//! of `../shared/bench`: K_ℓ = C·A^(ℓ−1)·B for the 2×2 system [[7/10, 1/10], [1/5, 3/5]],
//! B = C = (1, 0), and the 16×16 system of `w4_mat16.json`.
//!
//! `cargo bench --bench kernel` runs them under criterion. `cargo bench --bench kernel -- --w4
//! CASE L [METHOD]` (CASE ssm2 or ssm16, METHOD iterate (default), squaring, closed, …) instead
//! computes one workload once and prints `INPROC <seconds>` and `DIGEST <text>` exactly like
//! `w4_exact.py`: K_L reduced, and Σ_(ℓ=0)^L K_ℓ mod 2^61 − 1 (K_0 = D = 0). The timing
//! covers all L numerators (each K_ℓ exact over its denominator base·d^(ℓ−1), kept apart) and
//! the reduction of K_L, as `w4_exact.py … flint_int` does; the checksum is outside it.
//!
//! `cargo bench --bench kernel -- --matpow K` computes the exact power A^K of the 16×16 A of
//! `w4_mat16.json` (`Matrix::pow_int`: integer products over a common denominator, reduced
//! once) and prints `INPROC` and `DIGEST` (A^K[0][0], and Σ of all entries mod 2^61 − 1) like
//! `bench/matpow_peers.py` (FLINT) and `bench/matpow.gp` (PARI); `bench/compare_matpow.sh`
//! runs them side by side.

use criterion::{black_box, Criterion, SamplingMode};
use rug::Integer;
use sigma::math::linalg::intmat::IntMatrix;
use sigma::math::linalg::kernel::{kernel, Kernel, Method};
use sigma::math::linalg::Matrix;
use sigma::math::number::Q;
use std::time::{Duration, Instant};

const MAX_BITS: u64 = 1 << 34;

/// A, B and C of workload `case`.
fn system(case: &str) -> Result<System, String> {
    match case {
        "ssm2" => Ok((
            Matrix::new(
                vec![
                    vec![Q::frac(7, 10), Q::frac(1, 10)],
                    vec![Q::frac(1, 5), Q::frac(3, 5)],
                ],
                2,
            )
            .expect("2 × 2"),
            vec![Q::one(), Q::zero()],
            vec![Q::one(), Q::zero()],
        )),
        "ssm16" => {
            let dir = std::env::var("SHARED_BENCH")
                .unwrap_or_else(|_| format!("{}/../shared/bench", env!("CARGO_MANIFEST_DIR")));
            let path = format!("{dir}/w4_mat16.json");
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
            let ints = |x: &serde_json::Value| -> Vec<i64> {
                x.as_array()
                    .map(|a| a.iter().filter_map(serde_json::Value::as_i64).collect())
                    .unwrap_or_default()
            };
            let rows: Vec<Vec<Q>> = v["A_num_over_10"]
                .as_array()
                .ok_or("no A_num_over_10")?
                .iter()
                .map(|r| ints(r).into_iter().map(|k| Q::frac(k, 10)).collect())
                .collect();
            let n = rows.len();
            let q = |x: Vec<i64>| x.into_iter().map(Q::int).collect::<Vec<_>>();
            Ok((
                Matrix::new(rows, n).ok_or("A is not square")?,
                q(ints(&v["B"])),
                q(ints(&v["C"])),
            ))
        }
        other => Err(format!("unknown workload {other:?} (ssm2, ssm16)")),
    }
}

type System = (Matrix, Vec<Q>, Vec<Q>);

fn run((a, b, c): &System, len: usize, method: Method) -> Result<(Kernel, Q), String> {
    let k = kernel(a, b, c, len, method, MAX_BITS).map_err(|e| e.to_string())?;
    let last = k.term(len);
    Ok((k, last))
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

fn q_digest(q: &Q) -> String {
    if q.is_integer() {
        int_digest(q.numer())
    } else {
        format!("{} / {}", int_digest(q.numer()), int_digest(q.denom()))
    }
}

/// Σ_ℓ K_ℓ mod 2^61 − 1, each term num·(base·d^(ℓ−1))⁻¹.
fn checksum(k: &Kernel) -> Integer {
    let p: Integer = (Integer::from(1) << 61) - 1;
    let inv = |x: &Integer| {
        Integer::from(x % &p)
            .invert(&p)
            .expect("a denominator prime to 2^61 − 1")
    };
    let (dinv, mut scale) = (inv(&k.d), inv(&k.base));
    let mut s = Integer::new();
    for n in &k.nums {
        s += Integer::from(n % &p) * &scale;
        s %= &p;
        scale = Integer::from(&scale * &dinv) % &p;
    }
    if s < 0 {
        s += &p;
    }
    s
}

/// One timed run in the peers' output protocol.
fn w4(case: &str, len: &str, method: &str) -> Result<(), String> {
    let len: usize = len.parse().map_err(|_| format!("bad L {len:?}"))?;
    let method = Method::from_name(method).ok_or(format!("unknown method {method:?}"))?;
    let sys = system(case)?;
    let t = Instant::now();
    let (k, last) = run(&sys, len, method)?;
    let dt = t.elapsed().as_secs_f64();
    println!("INPROC {dt:.6}");
    println!(
        "DIGEST K_L = {}; sum K_l mod 2^61-1 = {}",
        q_digest(&last),
        checksum(&k)
    );
    Ok(())
}

/// A^k of the 16×16 workload in the peers' output protocol.
fn matpow(k: &str) -> Result<(), String> {
    let k: u64 = k.parse().map_err(|_| format!("bad power {k:?}"))?;
    let (a, _, _) = system("ssm16")?;
    let t = Instant::now();
    let ints = IntMatrix::new(&a)
        .pow(k)
        .map_err(|e| e.to_string())?
        .ok_or("A is not square")?;
    let powered = t.elapsed().as_secs_f64();
    let p = ints.to_matrix().map_err(|e| e.to_string())?;
    let dt = t.elapsed().as_secs_f64();
    let m: Integer = (Integer::from(1) << 61) - 1;
    let mut sum = Integer::new();
    for q in p.rows().iter().flatten() {
        let inv = Integer::from(q.denom() % &m)
            .invert(&m)
            .map_err(|_| "a denominator divisible by 2^61 - 1")?;
        sum += Integer::from(q.numer() % &m) * inv;
        sum %= &m;
    }
    if sum < 0 {
        sum += &m;
    }
    println!("INPROC {dt:.6}");
    println!(
        "PHASES products {powered:.6}, reduction {:.6}",
        dt - powered
    );
    println!(
        "DIGEST P[0][0] = {}; sum P mod 2^61-1 = {sum}",
        q_digest(&p.rows()[0][0])
    );
    Ok(())
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("ssm kernel");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    for (case, len, label) in [
        ("ssm2", 16384, "2x2 L=16384"),
        ("ssm16", 256, "16x16 L=256"),
    ] {
        let sys = system(case).expect("the workload's data");
        group.bench_function(label, |b| {
            b.iter(|| black_box(run(&sys, len, Method::Iterate)))
        });
    }
    let (a16, _, _) = system("ssm16").expect("the workload's data");
    group.bench_function("16x16 A^1024", |b| b.iter(|| black_box(a16.pow_int(1024))));
    group.finish();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--matpow") {
        if let Err(e) = matpow(args.get(i + 1).map_or("1024", String::as_str)) {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--w4") {
        let arg = |k: usize, d: &'static str| args.get(i + k).map(String::as_str).unwrap_or(d);
        if let Err(e) = w4(arg(1, "ssm2"), arg(2, "16384"), arg(3, "iterate")) {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
}
