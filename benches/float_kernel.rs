//! The float64 SSM kernel of workload W4 (`../shared/bench/w4_numpy.py`): a 64 × 64 A with
//! spectral radius 0.9, random B and C, D = 0, K_ℓ = C·A^(ℓ−1)·B for ℓ = 1..L by mat-vec
//! iteration (`sigma::math::linalg::float64::signal::kernel`). The data is numpy's, dumped by
//! `bench/w4_float64.py` into `bench/w4_float64.json`.
//!
//! `cargo bench --bench float_kernel [-- L]` (L = 65536 by default) computes the kernel once
//! and prints `INPROC <seconds>` (the kernel only) and `DIGEST <text>` exactly like
//! w4_numpy.py, so that `bench/compare_float.sh` can put both side by side.

use sigma::math::linalg::float64::signal::kernel;
use std::time::Instant;

fn numbers(v: &serde_json::Value) -> Vec<f64> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|x| {
            x.as_str()
                .expect("a repr string")
                .parse()
                .expect("a double")
        })
        .collect()
}

/// `%.12e` as Python prints it: `-2.823089232910e+00`.
fn py_e(x: f64) -> String {
    let s = format!("{x:.12e}");
    let (m, e) = s.split_once('e').expect("an exponent");
    let e: i32 = e.parse().expect("an integer exponent");
    format!(
        "{m}e{}{:02}",
        if e < 0 { '-' } else { '+' },
        e.unsigned_abs()
    )
}

fn main() {
    let l: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(65536);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/w4_float64.json");
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e} (run python3 bench/w4_float64.py)"));
    let data: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let rows: Vec<Vec<f64>> = data["A"]
        .as_array()
        .expect("rows")
        .iter()
        .map(numbers)
        .collect();
    let n = rows.len();
    let a = nalgebra::DMatrix::from_fn(n, n, |i, j| rows[i][j]);
    let (b, c) = (numbers(&data["B"]), numbers(&data["C"]));
    let t = Instant::now();
    let k = kernel(&a, &b, &c, 0.0, l).expect("not interrupted");
    let dt = t.elapsed().as_secs_f64();
    let sum: f64 = k.iter().sum();
    let abs: f64 = k.iter().map(|x| x.abs()).sum();
    println!("INPROC {dt:.6}");
    println!(
        "DIGEST sum K = {}, sum|K| = {}, K_1 = {}, K_100 = {}",
        py_e(sum),
        py_e(abs),
        py_e(k[1]),
        py_e(k[100.min(l)])
    );
}
