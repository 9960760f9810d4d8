//! Hypergeometric term recognition (`sigma::math::sum::hyper`): the ratio a(n+1)/a(n) it
//! reports is checked against exact values of the term at a dozen consecutive indices.
use sigma::math::expr::{subst::subs, Expr};
use sigma::math::poly::Poly;
use sigma::math::sum::hyper::decompose;
use sigma::math::Q;
use sigma::session::Session;

fn parse(s: &str) -> Expr {
    Session::expr(s).unwrap()
}

/// Checks a(k+1)·den(k) = a(k)·num(k) for k in a range.
fn check(term: &str, from: i64) {
    let a = parse(term);
    let h = decompose(&a, "n")
        .unwrap()
        .unwrap_or_else(|| panic!("{term}"));
    for k in from..from + 12 {
        let ak = subs(&a, "n", &Expr::int(k)).unwrap();
        let ak1 = subs(&a, "n", &Expr::int(k + 1)).unwrap();
        let kq = Q::int(k);
        let want = h
            .num
            .eval(&kq)
            .div(&h.den.eval(&kq))
            .unwrap_or_else(|_| panic!("{term}: den {:?} at {k}", h.den));
        let got = sigma::math::expr::div(ak1, ak).unwrap();
        assert_eq!(got, Expr::Num(want), "{term} at {k}");
    }
}

#[test]
fn ratios_hold() {
    for (t, from) in [
        ("1/n", 1),
        ("(-1)^(n+1)/n^2", 1),
        ("(2/3)^n", 0),
        ("n*2^n", 1),
        ("3^(2*n+1)/n!", 0),
        ("binomial(2*n, n)/4^n", 0),
        ("factorial(2*n)/factorial(n)^2", 0),
        ("(4*n+1)*factorial(n)/factorial(2*n+1)", 0),
        ("binomial(n, 2)", 2),
        ("gamma(n + 1/2)/gamma(n)", 1),
        ("1/(n*(n+1))", 1),
        ("n^3 - 2*n", 2),
    ] {
        check(t, from);
    }
}

#[test]
fn non_hypergeometric() {
    for t in [
        "sqrt(n)",
        "ln(n)",
        "sin(n)",
        "2^(n^2)",
        "exp(n)",
        "b^n",
        "1/n + 2^n",
    ] {
        assert!(decompose(&parse(t), "n").unwrap().is_none(), "{t}");
    }
}

#[test]
fn reduced_and_monic() {
    let h = decompose(&parse("1/(n*(n+1))"), "n").unwrap().unwrap();
    // a(n+1)/a(n) = n/(n+2)
    assert_eq!(h.num, Poly::x());
    assert_eq!(h.den, Poly::new(vec![Q::int(2), Q::one()]));
}
