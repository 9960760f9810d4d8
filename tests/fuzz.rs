//! A grammar-aware fuzzer on stable Rust: proptest generates sigma programs from the grammar's
//! pieces (numbers, names, operators, postfix `!` and indexing, lists and matrices, calls of
//! the builtins with plausible arguments, assignments, definitions, quiet statements) and runs
//! each through the library (`sigma::Session`) on a worker thread, counting
//!
//! - panics (caught on the worker; a panic is a bug: the engine must answer with an error),
//! - hangs (a case still running `SIGMA_FUZZ_CASE_SECS` after it started gets the interrupt
//!   flag; one that does not stop within a grace period after that is a hang),
//! - memory overruns (the counting allocator of the binary is installed here too, with a
//!   512 MiB budget: a case stopped by it is counted; one that passes the hard limit aborts).
//!
//! CI runs 64 cases from a fixed seed in a few seconds. A longer run:
//! `SIGMA_FUZZ_CASES=20000 SIGMA_FUZZ_SECS=3600 SIGMA_FUZZ_SEED=7 cargo test --release --test
//! fuzz -- --nocapture` (it stops at whichever limit comes first and prints its counts).

#[path = "../src/counting_alloc.rs"]
#[allow(dead_code)]
mod counting_alloc;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRng, TestRunner};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOC: counting_alloc::Counting = counting_alloc::Counting;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (0i64..20).prop_map(|n| n.to_string()),
        (0i64..1_000_000_000).prop_map(|n| n.to_string()),
        (1i64..100, 1i64..100).prop_map(|(a, b)| format!("{a}.{b}")),
        (1i64..9, -30i64..30).prop_map(|(a, e)| format!("{a}e{e}")),
        Just("0.95".to_string()),
        Just("10^(10^6)".to_string()),
        Just("2^64".to_string()),
    ]
}

fn leaf() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => number(),
        2 => prop::sample::select(vec!["x", "n", "k", "a", "pi", "e", "oo", "I", "f(x)", "A"])
            .prop_map(str::to_string),
    ]
}

const UNARY: [&str; 16] = [
    "sin",
    "cos",
    "tan",
    "exp",
    "ln",
    "sqrt",
    "abs",
    "atan",
    "asin",
    "erf",
    "gelu",
    "gamma",
    "zeta",
    "factorial",
    "floor",
    "sinh",
];

fn expr() -> impl Strategy<Value = String> {
    leaf().prop_recursive(5, 48, 4, |inner| {
        let i = || inner.clone();
        prop_oneof![
            (
                i(),
                prop::sample::select(vec!["+", "-", "*", "/", "^", "<", "=="]),
                i()
            )
                .prop_map(|(a, op, b)| format!("({a}) {op} ({b})")),
            (prop::sample::select(UNARY.to_vec()), i()).prop_map(|(f, a)| format!("{f}({a})")),
            i().prop_map(|a| format!("-{a}")),
            i().prop_map(|a| format!("({a})!")),
            (i(), i()).prop_map(|(a, b)| format!("[{a}, {b}]")),
            (i(), i(), i(), i()).prop_map(|(a, b, c, d)| format!("[[{a}, {b}], [{c}, {d}]]")),
            (i(), 0u32..4).prop_map(|(a, k)| format!("[{a}, 1, 2, 3][{k}]")),
            (i(), 0u32..40).prop_map(|(a, k)| format!("maclaurin({a}, x, {k})")),
            (i(), 0u32..3000).prop_map(|(a, k)| format!("coeff({a}, x, {k})")),
            (i(), 0u32..5).prop_map(|(a, k)| format!("diff({a}, x, {k})")),
            (i(), 1u32..60).prop_map(|(a, d)| format!("N({a}, {d})")),
            (
                i(),
                prop::sample::select(vec!["10", "1000", "100000", "oo"])
            )
                .prop_map(|(a, hi)| format!("sum({a}, n, 1, {hi})")),
            i().prop_map(|a| format!("limit({a}, n, oo)")),
            i().prop_map(|a| format!("converges(sum({a}, n, 1, oo))")),
            i().prop_map(|a| format!("term({a}, x, n)")),
            i().prop_map(|a| format!("expand(({a})^3)")),
            (i(), i()).prop_map(|(a, b)| format!("subs({a}, x, {b})")),
            i().prop_map(|a| format!("solve(({a}) > 0, x)")),
            (i(), 0u32..100).prop_map(|(a, k)| format!("[[{a}, 1], [0, 1/2]]^{k}")),
            i().prop_map(|a| format!("eigenvalues([[{a}, 1], [2, 3]])")),
            i().prop_map(|a| format!("binomial({a}, 3)")),
        ]
    })
}

fn statement() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => expr(),
        1 => expr().prop_map(|e| format!("a = {e}")),
        1 => expr().prop_map(|e| format!("f(x) = {e}")),
        1 => expr().prop_map(|e| format!("{e};")),
        1 => Just("A = [[1, 2], [3, 4]]".to_string()),
    ]
}

fn program() -> impl Strategy<Value = String> {
    prop::collection::vec(statement(), 1..4).prop_map(|v| v.join("\n"))
}

/// How one case ended.
enum Ending {
    Done,
    Panicked(String),
    Hung,
}

/// Runs `text` on a worker thread; raises the interrupt after `limit`, and calls the case a
/// hang when it has not ended `grace` later (the worker is then left behind).
fn run_case(text: String, limit: Duration, grace: Duration) -> (Ending, bool) {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let r = catch_unwind(AssertUnwindSafe(|| {
                let mut s = sigma::Session::new();
                match s.run_collect("<fuzz>", &text) {
                    Ok(_) => false,
                    Err((_, diags)) => diags.iter().any(|d| d.message.contains("memory budget")),
                }
            }));
            let _ = tx.send(r.map_err(|p| {
                p.downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            }));
        })
        .expect("worker starts");
    let to_ending = |r: Result<bool, String>| match r {
        Ok(memory) => (Ending::Done, memory),
        Err(msg) => (Ending::Panicked(msg), false),
    };
    match rx.recv_timeout(limit) {
        Ok(r) => to_ending(r),
        Err(_) => {
            sigma::eval::interrupt::request();
            match rx.recv_timeout(grace) {
                Ok(r) => to_ending(r),
                Err(_) => (Ending::Hung, false),
            }
        }
    }
}

#[test]
fn fuzz_the_parser_and_evaluator() {
    counting_alloc::route_gmp();
    sigma::eval::memory::set_budget(Some(512 << 20));
    let cases = env_u64("SIGMA_FUZZ_CASES", 64);
    let secs = env_u64("SIGMA_FUZZ_SECS", 60);
    let seed = env_u64("SIGMA_FUZZ_SEED", 13);
    let case_limit = Duration::from_secs(env_u64("SIGMA_FUZZ_CASE_SECS", 5));
    let grace = Duration::from_secs(10);
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(proptest::test_runner::RngAlgorithm::ChaCha, &seed_bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = program();
    let start = Instant::now();
    let (mut ran, mut panics, mut hangs, mut memory, mut slow) =
        (0u64, Vec::new(), Vec::new(), 0u64, 0u64);
    while ran < cases && start.elapsed() < Duration::from_secs(secs) {
        let text = strategy.new_tree(&mut runner).expect("a case").current();
        let t = Instant::now();
        let (ending, over_memory) = run_case(text.clone(), case_limit, grace);
        ran += 1;
        memory += u64::from(over_memory);
        if t.elapsed() > case_limit {
            slow += 1;
        }
        match ending {
            Ending::Done => {}
            Ending::Panicked(msg) => panics.push(format!("{text:?}: {msg}")),
            Ending::Hung => hangs.push(text),
        }
    }
    eprintln!(
        "fuzz: {ran} cases in {:.1} s (seed {seed}): {} panics, {} hangs, {memory} stopped by \
         the memory budget, {slow} interrupted at the time limit",
        start.elapsed().as_secs_f64(),
        panics.len(),
        hangs.len()
    );
    assert!(panics.is_empty(), "panics:\n{}", panics.join("\n"));
    assert!(
        hangs.is_empty(),
        "hangs (no stop {grace:?} after the interrupt):\n{}",
        hangs.join("\n")
    );
}
