//! Exact eigenvalues beyond the rationals: complex pairs with the imaginary unit `I` (SEEDS
//! A9), real roots of cubic factors as root objects whose certified digits agree with mpmath,
//! the spectral radius and the 2-norm from them, `A^k` in closed form for defective, surd and
//! complex spectra (checked against repeated products for k = 0..12), and the real-only
//! parts of sigma refusing `I` instead of reasoning about it as a real number.

use sigma::eval::value::Value;
use sigma::math::expr::subst::{expand, subs};
use sigma::math::expr::{self, Expr};
use sigma::math::linalg::{power_closed_form, Matrix};
use sigma::math::number::Q;
use sigma::render::text;

use sigma::session::Session;

mod common;
use common::{err, eval, ok};

/// The digits of an `N(…)` answer without the `≈` mark and trailing zeros.
fn digits(src: &str) -> String {
    let t = ok(src);
    let t = t.trim_start_matches("≈ ").trim_end_matches('0');
    t.to_string()
}

const A9: &str = "[[0.20, 0.05], [-0.10, 0.15]]";

#[test]
fn a9_has_an_exact_complex_pair() {
    assert_eq!(
        ok(&format!("eigenvalues({A9})")),
        "[7/40 - sqrt(7)*I/40, 7/40 + sqrt(7)*I/40]"
    );
    // Each column v of eigenvectors(A) satisfies A·v = λ·v exactly (I² = −1).
    let Value::Matrix(d) = eval(&format!(
        "A = {A9}; V = eigenvectors(A); L = eigenvalues(A); A*V - V*diag(L)"
    ))
    .unwrap() else {
        panic!("not a matrix");
    };
    for x in d.iter().flatten() {
        assert_eq!(expand(x).unwrap(), Expr::zero(), "{x}");
    }
    assert_eq!(ok(&format!("spectral_radius({A9})")), "sqrt(14)/20");
    assert_eq!(ok("sqrt(7/200)"), "sqrt(14)/20");
    // The rotation by a right angle: ±I.
    assert_eq!(ok("eigenvalues([[0, -1], [1, 0]])"), "[-I, I]");
}

/// A·V − V·diag(eigenvalues) expands to the zero matrix.
fn assert_eigenvectors(m: &str) {
    let Value::Matrix(d) = eval(&format!(
        "A = {m}; V = eigenvectors(A); L = eigenvalues(A); A*V - V*diag(L)"
    ))
    .unwrap() else {
        panic!("{m}: not a matrix");
    };
    for x in d.iter().flatten() {
        assert_eq!(expand(x).unwrap(), Expr::zero(), "{m}: {x}");
    }
}

#[test]
fn eigenvectors_beyond_two_by_two_are_exact() {
    // A complex pair ±I next to the eigenvalue 2, and a surd pair next to 2.
    assert_eq!(
        ok("eigenvectors([[0, -1, 0], [1, 0, 0], [1, 1, 2]])"),
        "[[0, 2*I - 1, -1 - 2*I], [0, -2 - I, I - 2], [1, 1 - I, 1 + I]]"
    );
    for m in [
        "[[0, -1, 0], [1, 0, 0], [1, 1, 2]]",
        "[[1, 1, 0], [1, 0, 0], [0, 0, 2]]",
        "[[1, 2, 0], [-2, 1, 0], [1, 1, 3]]",
        "[[1, 2, 0, 0], [-2, 1, 0, 0], [0, 0, 1, 1], [0, 1, 1, 0]]",
        "[[1, 2, 0, 0], [-2, 1, 0, 0], [1, 0, 1, 1], [0, 1, 1, 0]]",
        A9,
    ] {
        assert_eigenvectors(m);
    }
    // Root objects: the entries are polynomials in the root.
    let v = ok("eigenvectors([[2, 1, 1], [1, 3, 1], [1, 1, 4]])");
    assert!(
        v.ends_with("root(-17 + 23*λ - 9*λ^2 + λ^3, λ, 3) - 2]]"),
        "{v}"
    );
}

#[test]
fn products_of_quadratics_split() {
    // (λ² − 2λ + 5)(λ² − λ − 1): no rational root, two quadratic factors.
    assert_eq!(
        ok("eigenvalues([[1, 2, 0, 0], [-2, 1, 0, 0], [0, 0, 1, 1], [0, 1, 1, 0]])"),
        "[1/2 - sqrt(5)/2, 1/2 + sqrt(5)/2, 1 - 2*I, 1 + 2*I]"
    );
    assert_eq!(
        ok("spectral_radius([[0, -1, 0, 0], [1, 0, 0, 0], [0, 0, 0, -2], [0, 0, 1, 0]])"),
        "sqrt(2)"
    );
}

#[test]
fn the_spectral_radius_of_a9_shows_the_determinant() {
    let mut s = Session::new();
    let out = s
        .run_collect("<eigen>", &format!("spectral_radius({A9})"))
        .unwrap_or_else(|_| panic!("spectral_radius"));
    let steps: Vec<String> = out[0]
        .steps
        .steps
        .iter()
        .map(|st| st.claim.to_string())
        .collect();
    assert!(
        steps.iter().any(|t| t.contains("det A = 7/200")),
        "{steps:?}"
    );
}

#[test]
fn the_imaginary_unit_is_exact_and_round_trips() {
    assert_eq!(ok("I^2"), "-1");
    assert_eq!(ok("I^7"), "-I");
    assert_eq!(ok("1/I"), "-I");
    assert_eq!(ok("expand((1 + I)^4)"), "-4");
    assert_eq!(
        ok("expand((7/40 - sqrt(7)*I/40)*(7/40 + sqrt(7)*I/40))"),
        "7/200"
    );
    for src in ["7/40 + sqrt(7)*I/40", "(1 + I)^k", "-I", "2^k*I"] {
        let v = eval(src).unwrap();
        let back = eval(&text::value(&v)).unwrap();
        assert_eq!(back, v, "{src}");
    }
    // `i` stays a free symbol (a summation index).
    assert_eq!(ok("sum(i, i, 1, 4)"), "10");
    assert!(err("I = 2").contains("constant"));
}

#[test]
fn real_only_work_refuses_the_imaginary_unit() {
    for (src, what) in [
        ("N(1 + I)", "imaginary unit"),
        ("I > 0", "imaginary unit"),
        ("limit(I^n, n, oo)", "limits work over the reals"),
        ("limit(n*I/(n + 1), n, oo)", "limits work over the reals"),
        ("converges(sum(I^n/n, n, 1, oo))", "convergence tests"),
        ("sum(I^n/n, n, 1, oo)", "infinite sums"),
        ("radius(sum(I^n*x^n, n, 0, oo), x)", "radii of convergence"),
    ] {
        let e = err(src);
        assert!(e.contains(what), "{src}: {e}");
    }
    // Finite algebra with I stays exact: 1 + I − 1 − I + … over n = 0..10.
    assert_eq!(ok("sum(I^n, n, 0, 10)"), "I");
}

#[test]
fn a_cubic_factor_gives_root_objects_with_certified_digits() {
    // λ³ − 9λ² + 23λ − 17, irreducible over Q with three real roots; references from mpmath
    // (polyroots at 60 digits).
    let m = "[[2, 1, 1], [1, 3, 1], [1, 1, 4]]";
    let e = ok(&format!("eigenvalues({m})"));
    assert_eq!(
        e,
        "[root(-17 + 23*λ - 9*λ^2 + λ^3, λ, 1), root(-17 + 23*λ - 9*λ^2 + λ^3, λ, 2), root(-17 + 23*λ - 9*λ^2 + λ^3, λ, 3)]"
    );
    let want = [
        "1.32486912943335392911037820185",
        "2.4608111271891108834741240973",
        "5.21431974337753518741549770085",
    ];
    let Value::Vector(roots) = eval(&format!("eigenvalues({m})")).unwrap() else {
        panic!("not a vector");
    };
    for (r, w) in roots.iter().zip(want) {
        let a = sigma::math::float::evaluate(r, 30).unwrap();
        assert_eq!(a.text.trim_end_matches('0'), w, "{r}");
    }
    assert_eq!(
        ok(&format!("spectral_radius({m})")),
        "root(-17 + 23*λ - 9*λ^2 + λ^3, λ, 3)"
    );
    // The printed root object reads back as the same value.
    let v = eval(&format!("eigenvalues({m})")).unwrap();
    assert_eq!(eval(&text::value(&v)).unwrap(), v);
}

#[test]
fn non_real_roots_of_a_cubic_are_counted_and_refused() {
    // λ³ − 5λ² + 7λ − 5: one real root 3.3593…, a complex pair of modulus 1.2200….
    let m = "[[1, 2, 0], [0, 3, 1], [1, 0, 1]]";
    let e = err(&format!("eigenvalues({m})"));
    assert!(e.contains("2 non-real eigenvalues"), "{e}");
    assert!(e.contains("-5 + 7*λ - 5*λ^2 + λ^3"), "{e}");
    let rho = ok(&format!("spectral_radius({m})"));
    assert_eq!(rho, "root(-5 + 7*λ - 5*λ^2 + λ^3, λ, 1)");
    assert_eq!(
        digits(&format!("N(spectral_radius({m}), 30)")),
        "3.3593040859717764207306603928"
    );
    // λ³ − 2: all three roots have modulus 2^(1/3), and the tie is decided exactly.
    assert_eq!(
        ok("spectral_radius([[0, 0, 2], [1, 0, 0], [0, 1, 0]])"),
        "2^(1/3)"
    );
}

#[test]
fn root_objects_are_canonical() {
    assert_eq!(
        ok("root(2*x^3 - 4*x - 4, x, 1)"),
        "root(-2 - 2*x + x^3, x, 1)"
    );
    assert_eq!(ok("root((x - 1)*(x^2 - 2), x, 3)"), "sqrt(2)");
    assert_eq!(ok("root((x - 1)*(x^2 - 2), x, 2)"), "1");
    assert_eq!(
        ok("root((x + 5)*(x^3 - 2*x - 2), x, 2)"),
        "root(-2 - 2*x + x^3, x, 1)"
    );
    // A polynomial in x^m whose roots in x^m are rationals or surds: real m-th roots.
    assert_eq!(ok("root((x + 5)*(x^3 - 2), x, 2)"), "2^(1/3)");
    assert_eq!(ok("root(x^4 - 4*x^2 + 1, x, 1)"), "-sqrt(2 + sqrt(3))");
    assert_eq!(ok("root(x^3 - 2, x, 1) > 1.2599"), "true");
    assert_eq!(ok("root(x^3 - 2, x, 1) < 1.26"), "true");
    assert!(err("root(x^3 - 2, x, 2)").contains("1 real root"));
    assert!(err("root(x^3 - a, x, 1)").contains("rational coefficients"));
    assert!(err("root(x^3 - 2, x, 0)").contains("positive integer"));
}

#[test]
fn two_norms_are_exact() {
    // sqrt(15 + √221) denested: 15² − 221 = 2².
    assert_eq!(ok("norm([[1, 2], [3, 4]], 2)"), "sqrt(26)/2 + sqrt(34)/2");
    // The golden ratio: sqrt(3/2 + √5/2) = 1/2 + √5/2.
    assert_eq!(ok("norm([[1, 1], [0, 1]], 2)"), "1/2 + sqrt(5)/2");
    assert_eq!(ok("norm([[1, 1], [1, 2]], 2)"), "3/2 + sqrt(5)/2");
    assert_eq!(
        digits("N(norm([[1, 2], [3, 4]], 2), 30)"),
        "5.46498570421904265045118849328"
    );
    assert_eq!(ok("norm([[3, 0], [0, -4]], 2)"), "4");
    assert_eq!(ok("norm([[1, 2, 3]], 2)"), "sqrt(14)");
    assert_eq!(ok("norm([1, 2, 2], 2)"), "3");
    // AᵀA = [[2, 2, 1], [2, 13, 3], [1, 3, 2]]: a cubic; the reference from mpmath's eig.
    let m = "[[1, 2, 0], [0, 3, 1], [1, 0, 1]]";
    assert_eq!(
        ok(&format!("norm({m}, 2)")),
        "sqrt(root(-25 + 42*λ - 17*λ^2 + λ^3, λ, 3))"
    );
    assert_eq!(
        digits(&format!("N(norm({m}, 2), 30)")),
        "3.76274456596672734901230393242"
    );
    assert!(err("norm([[x, 1], [0, 1]], 2)").contains("rational entries"));
}

/// A^k from `src^k` agrees with the iterated products for k = 0..=12.
fn check_power(src: &str) {
    let Value::Matrix(closed) = eval(&format!("{src}^k")).unwrap() else {
        panic!("{src}^k: not a matrix");
    };
    for k in 0..=12 {
        let Value::Matrix(want) = eval(&format!("{src}^{k}")).unwrap() else {
            panic!("{src}^{k}: not a matrix");
        };
        for (crow, wrow) in closed.iter().zip(&want) {
            for (c, w) in crow.iter().zip(wrow) {
                let v = expand(&subs(c, "k", &Expr::int(k)).unwrap()).unwrap();
                assert_eq!(&v, w, "{src}^{k}: {c}");
            }
        }
    }
}

#[test]
fn closed_powers_name_the_method_and_the_characteristic_polynomial() {
    let mut s = Session::new();
    let out = s
        .run_collect("<eigen>", "[[2, 1], [0, 2]]^k")
        .unwrap_or_else(|_| panic!("power"));
    let steps: Vec<String> = out[0]
        .steps
        .steps
        .iter()
        .map(|st| format!("{} [{}]", st.claim, st.reason))
        .collect();
    assert!(
        steps[0].contains("det(λ·I − A) = 4 - 4*λ + λ^2"),
        "{steps:?}"
    );
    assert!(steps[1].contains("Cayley–Hamilton"), "{steps:?}");
}

#[test]
fn jordan_blocks_have_closed_powers() {
    assert_eq!(ok("[[1, 1], [0, 1]]^k"), "[[1, k], [0, 1]]");
    assert_eq!(ok("[[2, 1], [0, 2]]^k"), "[[2^k, 2^(k - 1)*k], [0, 2^k]]");
    assert_eq!(
        ok("[[2, 1, 0], [0, 2, 1], [0, 0, 2]]^k"),
        "[[2^k, 2^(k - 1)*k, 2^(k - 2)*(k^2 - k)/2], [0, 2^k, 2^(k - 1)*k], [0, 0, 2^k]]"
    );
    for src in [
        "[[1, 1], [0, 1]]",
        "[[2, 1], [0, 2]]",
        "[[2, 1, 0], [0, 2, 1], [0, 0, 2]]",
        "[[-1, 1], [0, -1]]",
        "[[3, 1, 0], [0, 3, 0], [1, 1, 1]]",
        "[[1/2, 1/3], [0, 1/2]]",
    ] {
        check_power(src);
    }
}

#[test]
fn surd_and_complex_spectra_have_closed_powers() {
    for src in [
        "[[1, 1], [1, 0]]",
        A9,
        "[[0, -1], [1, 0]]",
        "[[1, 2, 0], [2, 1, 0], [1, 0, 3]]",
        "[[1, 1, 0], [1, 0, 0], [0, 0, 2]]",
        // Two quadratic factors, found by Kronecker's method.
        "[[0, -1, 0, 0], [1, 0, 0, 0], [0, 0, 0, -2], [0, 0, 1, 0]]",
        "[[1, 2, 0, 0], [-2, 1, 0, 0], [0, 0, 1, 1], [0, 1, 1, 0]]",
    ] {
        check_power(src);
    }
    // The Fibonacci numbers: F_12 = 144.
    let Value::Matrix(f) = eval("[[1, 1], [1, 0]]^k").unwrap() else {
        panic!("not a matrix");
    };
    let f12 = expand(&subs(&f[0][1], "k", &Expr::int(12)).unwrap()).unwrap();
    assert_eq!(f12, Expr::int(144));
    // The eigenvalue 0 twice: the closed form holds from k = 2 on, and `^k` says so.
    assert!(err("[[0, 1], [0, 0]]^k").contains("k ≥ 2"));
}

#[test]
fn power_closed_form_takes_any_exponent() {
    // B1(b-ii)-style kernels call it with k = ℓ − 1.
    let a = Matrix::new(
        vec![vec![Q::int(2), Q::int(1)], vec![Q::zero(), Q::int(2)]],
        2,
    )
    .unwrap();
    let l = Expr::sym("ℓ");
    let k = expr::sub(l, Expr::one()).unwrap();
    let c = power_closed_form(&a, &k).unwrap().expect("a closed form");
    assert_eq!(c.valid_from, 0);
    assert!(c.repeated);
    assert_eq!(c.entries[0][1].to_string(), "2^(ℓ - 2)*(ℓ - 1)");
    let at5 = subs(&c.entries[0][1], "ℓ", &Expr::int(5)).unwrap();
    assert_eq!(expand(&at5).unwrap(), Expr::int(32)); // 4·2³
    let cubic = Matrix::new(
        vec![
            vec![Q::zero(), Q::zero(), Q::int(2)],
            vec![Q::one(), Q::zero(), Q::zero()],
            vec![Q::zero(), Q::one(), Q::zero()],
        ],
        3,
    )
    .unwrap();
    assert!(power_closed_form(&cubic, &Expr::sym("k"))
        .unwrap()
        .is_none());
}
