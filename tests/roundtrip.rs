//! Round trips: every exact result sigma prints parses back (through the whole language) to
//! the same canonical value, for a fixed corpus and for random expression trees.

use proptest::prelude::*;
use sigma::eval::value::Value;
use sigma::math::expr::{self, Expr, Func};
use sigma::render::text;
use sigma::session::{OutcomeKind, Session};

/// Evaluates one expression statement and returns its value.
fn eval(src: &str) -> Value {
    let mut s = Session::new();
    let out = s
        .run_collect("<test>", src)
        .unwrap_or_else(|(_, d)| panic!("{src}: {d:?}"));
    match out.into_iter().last().map(|o| o.kind) {
        Some(OutcomeKind::Value(v)) => v,
        other => panic!("{src}: no value ({other:?})"),
    }
}

fn assert_round_trip(v: &Value) {
    let printed = text::value(v);
    let back = eval(&printed);
    assert_eq!(
        &back,
        v,
        "printed as `{printed}`, read back as `{}`",
        text::value(&back)
    );
}

const CORPUS: &[&str] = &[
    "1/3 + 1/6",
    "0.95^2",
    "-7/3",
    "2^100",
    "2^-3",
    "sqrt(8)",
    "sqrt(1/2)",
    "8^(2/3)",
    "3^(2/3)",
    "5^(3/4)",
    "(-8)^(1/3)",
    "x^(1/3)",
    "1/sqrt(x)",
    "sqrt(2)*x^2/(2*sqrt(pi))",
    "diff(exp(-x^2), x)",
    "diff(x^x, x)",
    "diff(gelu(x), x)",
    "diff(ln(1 + x), x, 4)",
    "expand((x + 1)^5)",
    "expand((a - b)^3*(a + 2b))",
    "(1/2)^n",
    "(-1)^n*x^(2n + 1)/((2n + 1)*n!)",
    "2^(-n)",
    "exp(-x^2/2)/sqrt(2*pi)",
    "pi^2/6",
    "zeta(3)",
    "sin(x)^2 + cos(x)^2",
    "-x - y",
    "x - 2*y + 3*z^2",
    "1 - exp(x)",
    "e",
    "e^2",
    "-oo",
    "(x + 1)!",
    "binomial(n, 2)",
    "abs(x - 1)",
    "λ^2 - 3λ + 1/1000",
    "α_1*x₁",
    "atan(x)/(1 + x^2)",
    "(x^2 + 1)^(1/2)",
    "(x*y)^(1/3)",
    "-sqrt(2)/4 + sqrt(6)/4",
    "x/(y*z)",
    "-3/(2*x^2)",
    "[1/2, sqrt(2), x]",
    "[[0.7, 0.1], [0.2, 0.6]]",
];

#[test]
fn corpus_round_trips() {
    for src in CORPUS {
        let v = eval(src);
        assert_round_trip(&v);
    }
}

#[test]
fn printed_forms_are_the_expected_canonical_ones() {
    let cases = [
        ("1/3 + 1/6", "1/2"),
        ("0.95^2", "361/400"),
        ("sqrt(8)", "2*sqrt(2)"),
        ("sqrt(4/9)", "2/3"),
        ("sqrt(1/2)", "sqrt(2)/2"),
        ("diff(exp(-x^2), x)", "-2*x*exp(-x^2)"),
        ("2x^2 + 3x", "3*x + 2*x^2"),
        ("1/2x", "x/2"),
        ("-x^2", "-x^2"),
        ("2^3^2", "512"),
        ("1e-8", "1/100000000"),
        ("expand((x + 1)^2)", "1 + 2*x + x^2"),
        ("2*(x + 1)", "2 + 2*x"),
        ("x*x*x", "x^3"),
        ("sqrt(2)*sqrt(2)", "2"),
        ("exp(a)*exp(b)", "exp(a + b)"),
        ("zeta(2)", "pi^2/6"),
        ("sin(pi/6)", "1/2"),
        ("(-1)^n*(-1)^n", "(-1)^(2*n)"),
    ];
    for (src, want) in cases {
        assert_eq!(text::value(&eval(src)), want, "input {src}");
    }
}

/// Random expressions over a few symbols, built through the canonical constructors.
fn arb_expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        (-20i64..20, 1i64..9).prop_map(|(n, d)| Expr::frac(n, d)),
        Just(Expr::sym("x")),
        Just(Expr::sym("y")),
        Just(Expr::pi()),
        Just(Expr::e()),
    ];
    leaf.prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..4)
                .prop_filter_map("add", |v| expr::add(v).ok()),
            prop::collection::vec(inner.clone(), 2..4)
                .prop_filter_map("mul", |v| expr::mul(v).ok()),
            (inner.clone(), -3i64..4)
                .prop_filter_map("pow", |(b, k)| expr::pow(b, Expr::int(k)).ok()),
            (
                inner.clone(),
                prop_oneof![
                    Just(Expr::frac(1, 2)),
                    Just(Expr::frac(-1, 2)),
                    Just(Expr::frac(2, 3))
                ]
            )
                .prop_filter_map("root", |(b, q)| expr::pow(b, q).ok()),
            inner.clone().prop_filter_map("exp", |a| Expr::exp(a).ok()),
            inner
                .clone()
                .prop_filter_map("sin", |a| expr::func(Func::Sin, vec![a]).ok()),
            inner.prop_filter_map("atan", |a| expr::func(Func::Atan, vec![a]).ok()),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn random_expressions_round_trip(e in arb_expr()) {
        prop_assume!(e.size() < 200);
        let printed = text::expr(&e);
        let back = eval(&printed);
        prop_assert_eq!(back, Value::Expr(e), "printed as {}", printed);
    }
}
