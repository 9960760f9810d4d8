//! Typed answers survive JSON: every verdict, test report, limit, interval set and general
//! term that the examples (and a few extra statements) produce is read back from sigma's JSON
//! into the typed value, which must equal the original and print the same text.

use sigma::answer_json;
use sigma::eval::value::Value;
use sigma::render::{json, text};
use sigma::session::{Outcome, OutcomeKind, Session};

const EXTRA: &str = "\
converges(sum(n/e^n, n, 1, oo))
converges(sum(1/n, n, 1, oo))
converges(sum(5, n, 1, oo))
converges(sum(0, n, 1, oo))
converges(sum(1/(n*(n+1)), n, 1, oo))
test(sum(1/n^2, n, 1, oo), ratio)
test(sum(n/e^n, n, 1, oo), root)
test(sum(binomial(2n, n)/4^n, n, 1, oo), raabe)
test(sum((-1)^n/sqrt(n), n, 1, oo), alternating)
test(sum(n/(n + 1), n, 1, oo), nth_term)
test(sum(1/n^3, n, 1, oo), pseries)
test(sum(1/(n*(n+1)), n, 1, oo), telescoping)
limit((-1)^n, n, oo)
limit(sin(n), n, oo)
interval(sum((-1)^n*x^n/n, n, 1, oo), x)
interval(sum(n!*x^n, n, 0, oo), x)
interval(sum(x^n/n!, n, 0, oo), x)
term(ln(1 + x), x, n)
term(exp(x) + x, x, n)
term(1 + x^3, x, n)
term(2^x*sin(x), x, n)
sum(1/n, n, 1, oo)
";

fn outcomes(name: &str, src: &str) -> Vec<Outcome> {
    let mut s = Session::new();
    s.run_collect(name, src)
        .unwrap_or_else(|(_, d)| panic!("{name}: {}", s.render_diagnostics(&d, false)))
}

/// Reads every typed answer back from its JSON; returns how many there were.
fn check(name: &str, src: &str) -> usize {
    let mut n = 0;
    for o in outcomes(name, src) {
        let OutcomeKind::Value(v) = &o.kind else {
            continue;
        };
        let j = json::outcome(&o);
        match answer_json::value(&j) {
            Ok(Some(read)) => {
                assert_eq!(&read, v, "{}: JSON read back differs\n{j:#}", o.input);
                assert_eq!(text::value(&read), text::value(v), "{}", o.input);
                assert_eq!(j["text"], text::value(v), "{}", o.input);
                n += 1;
            }
            Ok(None) => assert!(
                !matches!(
                    v,
                    Value::Verdict(_)
                        | Value::TestReport(_)
                        | Value::Limit(_)
                        | Value::IntervalSet(_)
                        | Value::Term(_)
                ),
                "{}: a typed answer with an unread kind",
                o.input
            ),
            Err(e) => panic!("{}: {e}\n{j:#}", o.input),
        }
    }
    n
}

#[test]
fn typed_answers_read_back_from_json() {
    let n = check("<extra>", EXTRA);
    assert_eq!(
        n,
        EXTRA.lines().count(),
        "every extra line is a typed answer"
    );
}

#[test]
fn every_typed_answer_of_the_examples_reads_back() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut total = 0;
    for entry in std::fs::read_dir(&dir).expect("examples/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|x| x == "sigma") {
            let src = std::fs::read_to_string(&path).expect("readable");
            total += check(&path.display().to_string(), &src);
        }
    }
    assert!(total >= 20, "only {total} typed answers in the examples");
}

#[test]
fn a_verdict_is_data() {
    let o = outcomes("<v>", "converges(sum(n/e^n, n, 1, oo))");
    let j = json::outcome(&o[0]);
    assert_eq!(j["kind"], "verdict");
    assert_eq!(j["verdict"], "converges_absolutely");
    assert_eq!(j["test"], "ratio");
    assert_eq!(j["quantity"]["value"]["text"], "exp(-1)");
    assert_eq!(j["quantity"]["value"]["latex"], "e^{-1}");
    assert_eq!(j["quantity"]["name"]["text"], "lim |a(n+1)/a(n)|");
}

#[test]
fn an_interval_is_data() {
    let o = outcomes("<i>", "interval(sum((-1)^n*x^n/n, n, 1, oo), x)");
    let j = json::outcome(&o[0]);
    assert_eq!(j["kind"], "interval_set");
    assert_eq!(j["variable"], "x");
    let i = &j["intervals"][0];
    assert_eq!(i["lo"]["value"]["text"], "-1");
    assert_eq!(i["lo"]["closed"], false);
    assert_eq!(i["lo"]["verdict"]["verdict"], "diverges");
    assert_eq!(i["hi"]["value"]["text"], "1");
    assert_eq!(i["hi"]["closed"], true);
    assert_eq!(i["hi"]["verdict"]["verdict"], "converges_conditionally");
    assert_eq!(i["hi"]["verdict"]["test"], "alternating");
    assert!(j["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("(-1, 1];")));
}
