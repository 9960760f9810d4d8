//! `solve`: exact interval sets for polynomial, rational and symbolic-coefficient relations,
//! families, assumptions and domains; every answer checked by evaluating the relation at the
//! endpoints, next to them and between them; and the properties a solution set must have
//! (a relation and its negation partition the domain, a conjunction is an intersection,
//! scaling by a positive constant changes nothing).

mod common;

use common::{err, eval, ok};
use proptest::prelude::*;
use sigma::eval::value::Value;
use sigma::math::answer::{Inclusion, IntervalSet};
use sigma::math::expr::{self, Expr};
use sigma::math::float::sign::cmp_const;
use sigma::math::Q;
use std::cmp::Ordering;

fn set(src: &str) -> IntervalSet {
    match eval(src) {
        Ok(Value::IntervalSet(s)) => s,
        other => panic!("{src}: not a set: {other:?}"),
    }
}

/// Whether `rel` (a relation in x, as text) holds at the exact point `x`; `None` when x is
/// outside the relation's domain (sigma refuses to evaluate it). At an endpoint where the
/// two sides are equal but sigma cannot prove it (`-1/6 - sqrt(3)/18 - 1/(3*(sqrt(3) - 3))`
/// is 0, yet sigma does not rationalise denominators, and certified numerics only show
/// |L - R| < 10^-6224), a relation `L op R` with one operator is taken at equality, as the
/// table checker does; anything else undecided fails the test.
fn holds(rel: &str, x: &Expr) -> Option<bool> {
    let src = format!("f(x) = {rel}\nf({x})");
    match eval(&src) {
        Ok(Value::Bool(b)) => Some(b),
        Ok(other) => panic!("{src}: not decided: {other:?}"),
        Err(e) if e.contains("not told apart from 0") => {
            let lone_eq = rel.matches('=').count()
                - rel.matches("<=").count()
                - rel.matches(">=").count()
                - rel.matches("!=").count();
            let n_ops = rel.matches('<').count()
                + rel.matches('>').count()
                + rel.matches("!=").count()
                + lone_eq;
            if n_ops != 1 || ["and", "or", "not"].iter().any(|w| rel.contains(w)) {
                panic!("{src}: undecided and not a single relation: {e}");
            }
            let at_equality = if rel.contains("<=") || rel.contains(">=") {
                true
            } else if rel.contains("!=") || rel.contains('<') || rel.contains('>') {
                false
            } else {
                rel.contains('=')
            };
            Some(at_equality)
        }
        Err(e)
            if e.contains("not a real number")
                || e.contains("division by zero")
                || e.contains("is undefined at") =>
        {
            None
        }
        Err(e) => panic!("{src}: {e}"),
    }
}

fn member(s: &IntervalSet, x: &Expr) -> bool {
    let le = |a: &Expr, b: &Expr| -> Ordering {
        if *a == Expr::neg_infinity() || *b == Expr::infinity() {
            return Ordering::Less;
        }
        cmp_const(a, b).expect("comparable")
    };
    s.intervals.iter().any(|i| {
        let lo = le(&i.lo.value, x);
        let hi = le(x, &i.hi.value);
        let lo_ok =
            lo == Ordering::Less || (lo == Ordering::Equal && i.lo.inclusion == Inclusion::Closed);
        let hi_ok =
            hi == Ordering::Less || (hi == Ordering::Equal && i.hi.inclusion == Inclusion::Closed);
        lo_ok && hi_ok
    })
}

/// The finite endpoints of `s`, each also moved by ±δ (rational when the endpoint is), and
/// a spread of rationals: every point where `rel` must agree with membership in `s`.
fn probes(s: &IntervalSet) -> Vec<Expr> {
    let mut out = Vec::new();
    for k in -12..=12 {
        out.push(Expr::frac(k * 7, 5));
    }
    let d = Expr::frac(1, 997);
    for i in &s.intervals {
        for e in [&i.lo.value, &i.hi.value] {
            if e.has_infinity() {
                continue;
            }
            // A root object's defining identity p(r) = 0 is not something numerics can
            // prove, so the endpoint itself is checked only when it is a rational or surd.
            if !e.to_string().contains("root(") {
                out.push(e.clone());
            }
            out.push(expr::add(vec![e.clone(), d.clone()]).unwrap());
            out.push(expr::sub(e.clone(), d.clone()).unwrap());
        }
    }
    out
}

/// `solve(rel, x)` is checked point by point against the relation itself.
fn check(rel: &str) -> IntervalSet {
    let s = set(&format!("solve({rel}, x)"));
    for p in probes(&s) {
        let truth = holds(rel, &p).unwrap_or(false);
        assert_eq!(
            member(&s, &p),
            truth,
            "{rel}: answer {} at x = {p}",
            s.set_text()
        );
    }
    s
}

#[test]
fn polynomial_and_rational_relations_have_exact_sets() {
    let cases = [
        ("x^2 - 4 > 0", "(-oo, -2) ∪ (2, oo)"),
        ("x^2 < 2", "(-sqrt(2), sqrt(2))"),
        ("x^2 - 2*x + 1 <= 0", "{1}"),
        ("x^2 + 1 < 0", "∅"),
        ("x^2 + 1 > 0", "(-oo, oo)"),
        ("x^3 = x", "{-1, 0, 1}"),
        ("x^3 <= x", "(-oo, -1] ∪ [0, 1]"),
        ("(x - 1)/(x + 2) <= 0", "(-2, 1]"),
        ("(x^2 - 1)/(x - 1) > 0", "(-1, 1) ∪ (1, oo)"),
        ("1/x > 0", "(0, oo)"),
        ("x/(x^2 - 9) >= 0", "(-3, 0] ∪ (3, oo)"),
        (
            "(x + 3)*(x + 2)*(2*x + 1)*(3*x - 1)*(x - 1)*(2*x - 3)*(2*x - 5)*(x - 4) > 0",
            "(-oo, -3) ∪ (-2, -1/2) ∪ (1/3, 1) ∪ (3/2, 5/2) ∪ (4, oo)",
        ),
        (
            "x^4 - 5*x^2 + 6 < 0",
            "(-sqrt(3), -sqrt(2)) ∪ (sqrt(2), sqrt(3))",
        ),
        ("0 < x - 1 <= 3", "(1, 4]"),
        ("x < 1 or x > 3", "(-oo, 1) ∪ (3, oo)"),
        ("not (x < 1) and x != 3", "[1, 3) ∪ (3, oo)"),
        ("abs(2*x - 1) >= 3", "(-oo, -1] ∪ [2, oo)"),
        ("abs(x - 1) < abs(x + 3)", "(-1, oo)"),
    ];
    for (rel, want) in cases {
        assert_eq!(check(rel).set_text(), want, "{rel}");
    }
}

#[test]
fn irrational_algebraic_endpoints_are_root_objects_with_certified_digits() {
    let s = check("x^3 - 2*x - 2 >= 0");
    assert_eq!(s.set_text(), "[root(-2 - 2*x + x^3, x, 1), oo)");
    let (v, steps) = {
        let mut sess = sigma::session::Session::new();
        let out = sess
            .run_collect("<t>", "solve(x^3 - 2*x - 2 >= 0, x)")
            .unwrap();
        let o = out.last().unwrap().clone();
        (o.kind, o.steps)
    };
    assert!(matches!(
        v,
        sigma::session::OutcomeKind::Value(Value::IntervalSet(_))
    ));
    let last = steps.steps.last().unwrap().claim.to_string();
    assert!(last.contains("≈ 1.76929235423863"), "{last}");
    assert!(last.contains("(7245/4096, 453/256]"), "{last}");
}

/// The claims of the steps of `src`, in order.
fn step_claims(src: &str) -> Vec<String> {
    let mut sess = sigma::session::Session::new();
    let out = sess.run_collect("<t>", src).unwrap();
    let o = out.last().unwrap();
    o.steps.steps.iter().map(|s| s.claim.to_string()).collect()
}

#[test]
fn steps_name_the_domain_the_critical_points_and_the_chart() {
    assert_eq!(
        step_claims("solve(1/x > 0, x)"),
        [
            "domain: x ≠ 0",
            "critical points: zeros none; poles 0",
            "sign chart: (-oo, 0): −, 0: undefined, (0, oo): +"
        ]
    );
    // A solved linear relation is not restated; a scaled one is divided in one step.
    assert!(step_claims("solve(x < 5, x)").is_empty());
    assert_eq!(step_claims("solve(-2*x >= 3, x)"), ["-2*x ≥ 3 ⟺ x ≤ -3/2"]);
}

#[test]
fn the_purification_family_gives_both_published_answers() {
    let fam = "all(s^2/(s^2 + λ) >= 4/5 for s in [10, 8, 4]) and all(s^2/(s^2 + λ) <= 1/2 for s in [1, 1/2, 9/25, 4/25, 1/100])";
    // SEEDS B3(c); SymPy's reduce_inequalities and Maxima agree (../shared/bench/README.md).
    assert_eq!(ok(&format!("solve({fam}, λ)")), "(-16, -1) ∪ [1, 4]");
    assert_eq!(ok(&format!("solve({fam}, λ, λ > 0)")), "[1, 4]");
    assert_eq!(ok(&format!("assume(λ > 0)\nsolve({fam}, λ)")), "[1, 4]");
    assert_eq!(
        ok(&format!("assume(λ > 0)\nforget(λ)\nsolve({fam}, λ)")),
        "(-16, -1) ∪ [1, 4]"
    );
    assert_eq!(ok("solve(2*λ > 1/1000 + λ, λ)"), "(1/1000, oo)");
}

#[test]
fn symbolic_parameters_follow_their_assumptions() {
    assert_eq!(
        ok("solve(s^2/(s^2 + λ) >= 4/5, λ, s > 0 and λ > 0)"),
        "(0, s^2/4]"
    );
    assert_eq!(
        ok("solve(diff(σ^2*(u - z)^2 + λ*z^2, z) = 0, z, σ > 0 and λ > 0)"),
        "{u*σ^2/(λ + σ^2)}"
    );
    assert_eq!(ok("solve(a*x > 1, x, a > 0)"), "(1/a, oo)");
    assert_eq!(ok("solve(a*x > 1, x, a < 0)"), "(-oo, 1/a)");
    // Without a sign for a, the answer would be a guess: refused.
    let e = err("solve(a*x > 1, x)");
    assert!(e.contains("does not follow"), "{e}");
}

#[test]
fn domains_and_families_are_read_as_written() {
    assert_eq!(ok("solve(x^2 < 4, x, x > 0)"), "(0, 2)");
    assert_eq!(ok("solve(x^2 > 1, x, [-3, 3])"), "[-3, -1) ∪ (1, 3]");
    assert_eq!(ok("solve(any(x = s for s in [1, 2, 5]), x)"), "{1, 2, 5}");
    assert_eq!(ok("all(x > s for s in [1, 2])"), "x > 1 and x > 2");
    assert_eq!(ok("[k^2 for k in [1, 2, 3]]"), "[1, 4, 9]");
    assert_eq!(ok("solve(true, x)"), "(-oo, oo)");
    let e = err("solve(x^2, x)");
    assert!(e.contains("must be a relation"), "{e}");
    let e = err("assume(λ > s)");
    assert!(e.contains("one symbol"), "{e}");
}

/// A random relation between rational functions with small integer coefficients, as text.
fn relation() -> impl Strategy<Value = String> {
    let poly = prop::collection::vec(-3i64..=3, 1..=4).prop_map(|c| {
        let terms: Vec<String> = c
            .iter()
            .enumerate()
            .map(|(k, a)| {
                if k == 0 {
                    format!("({a})")
                } else {
                    format!("({a})*x^{k}")
                }
            })
            .collect();
        format!("({})", terms.join(" + "))
    });
    let rel = prop::sample::select(vec!["<", "<=", ">", ">=", "=", "!="]);
    // A pole at k, kept by a numerator that is never the zero polynomial. (Not at 0: sigma
    // simplifies x^4/x to x^3 when the expression is built, as SymPy and Maxima do, so the
    // point 0 would leave the domain before solve sees it.)
    let k = prop::sample::select(vec![-3i64, -2, -1, 1, 2, 3]);
    (poly.clone(), poly.clone(), poly, rel, k)
        .prop_map(|(p, q, r, rel, k)| format!("{p}/(1 + {q}^2) + ({r} + x^4)/(x - ({k})) {rel} 0"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn answers_agree_with_the_relation_everywhere_probed(r in relation()) {
        check(&r);
    }

    #[test]
    fn a_relation_and_its_negation_partition_its_domain(r in relation()) {
        let a = set(&format!("solve({r}, x)"));
        let b = set(&format!("solve(not ({r}), x)"));
        for p in probes(&a).into_iter().chain(probes(&b)) {
            let (x, y) = (member(&a, &p), member(&b, &p));
            match holds(&r, &p) {
                // Outside the domain (a pole): in neither set.
                None => prop_assert!(!x && !y, "{} at {}", r, p),
                Some(_) => prop_assert!(x != y, "{} at {}", r, p),
            }
        }
    }

    #[test]
    fn a_conjunction_is_the_intersection(r1 in relation(), r2 in relation()) {
        let both = set(&format!("solve(({r1}) and ({r2}), x)"));
        let a = set(&format!("solve({r1}, x)"));
        let b = set(&format!("solve({r2}, x)"));
        for p in probes(&both).into_iter().chain(probes(&a)).chain(probes(&b)) {
            prop_assert_eq!(member(&both, &p), member(&a, &p) && member(&b, &p), "at {}", p);
        }
    }

    #[test]
    fn scaling_by_a_positive_constant_changes_nothing(r in relation(), c in 1i64..50, d in 1i64..50) {
        let (lhs, rel) = r.rsplit_once(' ').map(|(l, _)| l.rsplit_once(' ').unwrap()).unwrap();
        let scaled = format!("({c}/{d})*({lhs}) {rel} 0");
        prop_assert_eq!(
            set(&format!("solve({r}, x)")).set_text(),
            set(&format!("solve({scaled}, x)")).set_text()
        );
    }
}

#[test]
fn rational_probes_are_exact() {
    // The checker itself: a rational point next to an irrational endpoint is decided exactly.
    let q = Expr::Num(Q::frac(141, 100));
    let s = set("solve(x^2 < 2, x)");
    assert!(member(&s, &q));
    assert_eq!(holds("x^2 < 2", &q), Some(true));
    assert_eq!(holds("1/x > 0", &Expr::zero()), None);
}

/// `solve(rel, x, [lo, hi])` checked against the relation at its endpoints, next to them and
/// at rationals across the domain (outside [lo, hi] nothing belongs).
fn check_on(rel: &str, lo: &str, hi: &str) -> IntervalSet {
    let s = set(&format!("solve({rel}, x, [{lo}, {hi}])"));
    let (a, b) = (expr_of(lo), expr_of(hi));
    let mut pts = probes(&s);
    for k in 0..=40 {
        // lo + k·(hi − lo)/40, shifted off the grid of π multiples by a rational.
        let t = format!("{lo} + {k}*(({hi}) - ({lo}))/40 + 1/9973");
        pts.push(expr_of(&t));
    }
    for p in pts {
        let inside = cmp_const(&a, &p).unwrap() != Ordering::Greater
            && cmp_const(&p, &b).unwrap() != Ordering::Greater;
        let truth = inside && holds(rel, &p).unwrap_or(false);
        assert_eq!(
            member(&s, &p),
            truth,
            "{rel} on [{lo}, {hi}]: answer {} at x = {p}",
            s.set_text()
        );
    }
    s
}

fn expr_of(text: &str) -> Expr {
    sigma::session::Session::expr(text).unwrap()
}

#[test]
fn trigonometric_relations_on_a_bounded_domain() {
    let cases = [
        ("sin(x) <= 0", "0", "2*pi", "{0} ∪ [pi, 2*pi]"),
        ("sin(x) = 0", "0", "10", "{0, pi, 2*pi, 3*pi}"),
        ("tan(x) > 0", "-pi", "pi", "(-pi, -pi/2) ∪ (0, pi/2)"),
        ("sin(x/3) < 1/2", "0", "10", "[0, pi/2) ∪ (5*pi/2, 10]"),
        ("sin(x) > 1/3", "-pi", "pi", "(asin(1/3), pi - asin(1/3))"),
        (
            "cos(x)^2 > 1/2",
            "0",
            "2*pi",
            "[0, pi/4) ∪ (3*pi/4, 5*pi/4) ∪ (7*pi/4, 2*pi]",
        ),
        // sin and cos of one argument, homogeneously: cot and cos ≥ sin through tan.
        (
            "cos(x)/sin(x) >= -1",
            "-pi",
            "pi",
            "(-pi, -pi/4] ∪ (0, 3*pi/4]",
        ),
        ("cos(x) >= sin(x)", "-pi", "pi", "[-3*pi/4, pi/4]"),
        ("sin(x)*cos(x) > 0", "0", "2*pi", "(0, pi/2) ∪ (pi, 3*pi/2)"),
        // cos(2x) through sin(x).
        (
            "cos(2*x) <= sin(x)",
            "-2*pi",
            "2*pi",
            "[-11*pi/6, -7*pi/6] ∪ {-pi/2} ∪ [pi/6, 5*pi/6] ∪ {3*pi/2}",
        ),
        ("cos(x) = 2", "0", "7", "∅"),
        // Products: a common term taken out of a sum, factors with x alone.
        (
            "sin(2*x) >= sin(x)",
            "0",
            "2*pi",
            "[0, pi/3] ∪ [pi, 5*pi/3] ∪ {2*pi}",
        ),
        ("x*sin(x) > 0", "-4", "4", "(-pi, 0) ∪ (0, pi)"),
        ("sin(x)/(x - 1) > 0", "0", "4", "(1, pi)"),
        ("(x - 1)*cos(x) <= 0", "0", "3", "[0, 1] ∪ [pi/2, 3]"),
    ];
    for (rel, lo, hi, want) in cases {
        assert_eq!(check_on(rel, lo, hi).set_text(), want, "{rel}");
    }
    // Unbounded domains, several unrelated terms, x outside the term: refused with the reason.
    assert!(err("solve(sin(x) > 0, x)").contains("unbounded domain"));
    assert!(
        err("solve(sin(x) + cos(2*x/3) > 1, x, [0, 1])").contains("several trigonometric terms")
    );
    assert!(err("solve(sin(x) > x/2, x, [0, 1])").contains("also occurs outside"));
    assert!(err("solve(sin(x^2) > 0, x, [0, 1])").contains("not k·x + m"));
}
