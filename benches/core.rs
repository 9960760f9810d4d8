//! Benchmarks of the foundation: parsing and evaluating the tour script, exact expansion,
//! differentiation, certified numerics and certified infinite sums. Run with `cargo bench --bench core`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use sigma::session::Session;

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
criterion_main!(core);
