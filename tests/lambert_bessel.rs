//! The Lambert W function and the Bessel functions J_ν and I_ν (issue 13 §1): exact values,
//! series and general terms, radii, derivatives, limits and certified digits, each against an
//! outside source:
//!
//! - DLMF 4.13.1 (W(x)·e^W(x) = x, W₀ ≥ −1), 4.13.4 (W' = W/(x(1 + W))), 4.13.5
//!   (W(x) = Σ (−n)^(n−1)xⁿ/n!, radius 1/e); OEIS A000169 (n^(n−1)), A030178 (Ω = W(1));
//! - DLMF 10.2.2 (J_ν series), 10.25.2 (I_ν series), 10.4.1 / 10.27.1 (negative integer
//!   orders), 10.6.1 / 10.6.3 / 10.29.1 (derivatives), 10.16.1 / 10.39.1 (orders ±1/2),
//!   10.23.3 (J₀² + 2ΣJₙ² = 1), 10.2.1 (Bessel's equation), 10.7.8 (J_ν(x) → 0);
//!   OEIS A002454 ((2n)!²/n!²… the denominators 4ⁿn!² of J₀);
//! - decimal values: A&S Table 9.1 and 9.8 give the first 10 digits of J₀(1), J₁(1), I₀(1),
//!   I₁(1); every 40-digit value below was computed independently with mpmath 1.3
//!   (`mp.dps = 45`, `lambertw`, `besselj`, `besseli`).

mod common;

use common::{err, ok};

#[rustfmt::skip]
const DIGITS: &[(&str, &str)] = &[
    // Ω = W(1), OEIS A030178.
    ("lambertw(1)", "0.5671432904097838729999686622103555497538"),
    ("lambertw(2)", "0.8526055020137254913464724146953174668985"),
    ("lambertw(10)", "1.745528002740699383074301264875389911535"),
    ("lambertw(100)", "3.385630140290050184888244364529726867492"),
    ("lambertw(10^100)", "224.8431064451185015393731343379556754108"),
    ("lambertw(1/10)", "0.09127652716086226429989572142317956865312"),
    ("lambertw(-1/3)", "-0.6190612867359451121523269940209222333015"),
    ("lambertw(-3/10)", "-0.4894022271802149690362312519962933689234"),
    // 0.36 lies just inside −1/e ≈ −0.3679.
    ("lambertw(-36/100)", "-0.8060843159708177782855213616209920019975"),
    // Next to the branch point, where w·e^w is flat: the enclosure widens until it is proved.
    ("lambertw(-exp(-1) + 10^-10)", "-0.9999766837414008807143234266407434345965"),
    // A&S Table 9.1: J₀(1) = .7651976866, J₁(1) = .4400505857.
    ("besselj(0, 1)", "0.7651976865579665514497175261026632209093"),
    ("besselj(1, 1)", "0.4400505857449335159596822037189149131274"),
    ("besselj(2, 5/2)", "0.4460590584396172267359407998627412276488"),
    ("besselj(3, 10)", "0.05837937930518681234293547841034095629007"),
    ("besselj(0, 50)", "0.05581232766925181500475047852943396817659"),
    ("besselj(1/3, 2)", "0.4429398181485762122504224177359511644234"),
    ("besselj(-2/3, 3/2)", "-0.1623262567895262037900470745884000523433"),
    ("besselj(7/3, 40)", "-0.06207461412588298066268792001549097002676"),
    // A&S Table 9.8 (e^(−x)·Iₙ(x)): I₀(1) = 1.266065878, I₁(1) = 0.565159104.
    ("besseli(0, 1)", "1.266065877752008335598244625214717537608"),
    ("besseli(1, 1)", "0.5651591039924850272076960276098633073289"),
    ("besseli(2, 5)", "17.50561496662423601488701189518041589825"),
    ("besseli(1, 50)", "290307859010355679675.1433255432087978298"),
    ("besseli(1/3, 2)", "2.158782581372863023950198016899693641973"),
    ("besseli(-1/4, 3)", "4.823540393487597473741346825275764468453"),
];

#[test]
fn certified_digits_against_mpmath() {
    for (e, want) in DIGITS {
        let digits = want
            .trim_start_matches('-')
            .replace('.', "")
            .trim_start_matches('0')
            .len();
        let got = ok(&format!("N({e}, {digits})"));
        assert_eq!(got, format!("≈ {want}"), "{e}");
    }
}

#[test]
fn lambert_w_next_to_its_branch_point() {
    // W(−1/e + ε) = −1 + √(2eε) − … (DLMF 4.13.6): at ε = 10^−100, 1 + W ≈ 2.33·10^−50. mpmath
    // agrees at mp.dps = 400 (at 60 digits it loses ε in −1/e + ε and answers wrongly).
    assert_eq!(
        ok("N(lambertw(-exp(-1) + 10^-100) + 1, 40)"),
        "≈ 2.331643981597124203363536062168400876380e-50"
    );
}

#[test]
fn lambert_w_exact_values_and_domain() {
    // W(q·e^q) = q for q ≥ −1 (DLMF 4.13.1); W(0) = 0.
    assert_eq!(ok("lambertw(0)"), "0");
    assert_eq!(ok("lambertw(e)"), "1");
    assert_eq!(ok("lambertw(2*e^2)"), "2");
    assert_eq!(ok("lambertw(-exp(-1))"), "-1");
    assert_eq!(ok("lambertw(-1/2*exp(-1/2))"), "-1/2");
    // Below the branch point there is no real value; next to it there is.
    assert!(err("lambertw(-1/2)").contains("not a real number"));
    assert!(err("N(lambertw(-0.37))").contains("not a real number"));
    assert!(err("lambertw(-oo)").contains("not a real number"));
    // The defining equation holds numerically: W(x)·e^W(x) = x to 30 digits.
    assert_eq!(
        ok("N(lambertw(7/3)*exp(lambertw(7/3)), 30)"),
        "≈ 2.33333333333333333333333333333"
    );
}

#[test]
fn lambert_w_series_general_term_and_radius() {
    // DLMF 4.13.5: (−n)^(n−1)/n!; OEIS A000169 gives n^(n−1) = 1, 2, 9, 64, 625, 7776, 117649.
    assert_eq!(
        ok("series(lambertw(x), x, 0, 7)"),
        "x - x^2 + 3*x^3/2 - 8*x^4/3 + 125*x^5/24 - 54*x^6/5 + 16807*x^7/720 + O(x^8)"
    );
    assert_eq!(
        ok("term(lambertw(x), x, n)"),
        "(-1)^(n - 1)*n^(n - 1)*x^n/n! for n ≥ 1"
    );
    // W(x)/x = e^(−W(x)) = Σ (−1)ⁿ(n + 1)^(n−1)xⁿ/n!.
    assert_eq!(
        ok("term(lambertw(x)/x, x, n)"),
        "(-1)^n*x^n*(1 + n)^(n - 1)/n!"
    );
    assert_eq!(
        ok("term(exp(-lambertw(x)), x, n)"),
        "(-1)^n*x^n*(1 + n)^(n - 1)/n!"
    );
    // The 100th coefficient, exactly: −100^99/100!.
    assert_eq!(ok("coeff(lambertw(x), x, 100) == -100^99/100!"), "true");
    // Composition: the series satisfies W·e^W = x term by term.
    assert_eq!(
        ok("series(lambertw(x)*exp(lambertw(x)), x, 0, 12)"),
        "x + O(x^13)"
    );
    assert_eq!(
        ok("series(lambertw(sin(x))*exp(lambertw(sin(x))) - sin(x), x, 0, 10)"),
        "O(x^11)"
    );
    // Radius 1/e: the branch point −1/e (DLMF 4.13); scaled arguments.
    assert_eq!(ok("radius(lambertw(x), x)"), "exp(-1)");
    assert_eq!(ok("radius(lambertw(2*x^2), x)"), "sqrt(2)*exp(-1/2)/2");
}

#[test]
fn lambert_w_about_other_points() {
    // At e: W = 1, W' = 1/(2e), W'' = −3/(8e²) (DLMF 4.13.4 differentiated).
    assert_eq!(
        ok("series(lambertw(x), x, e, 2)"),
        "1 + (x - e)*exp(-1)/2 - 3*(x - e)^2*exp(-2)/16 + O((x - e)^3)"
    );
    // At 1 the coefficients stay in Ω = W(1): W'(1) = Ω/(1 + Ω).
    assert_eq!(
        ok("series(lambertw(x), x, 1, 1)"),
        "lambertw(1) + (x - 1)*lambertw(1)/(1 + lambertw(1)) + O((x - 1)^2)"
    );
    // At the branch point there is no power series.
    assert!(err("series(lambertw(x - exp(-1)), x, 0, 3)").contains("branch point"));
}

#[test]
fn lambert_w_derivative_and_limits() {
    assert_eq!(
        ok("diff(lambertw(x), x)"),
        "exp(-lambertw(x))/(1 + lambertw(x))"
    );
    assert_eq!(ok("limit(n*lambertw(1/n), n, oo)"), "1");
    assert_eq!(
        ok("converges(sum(lambertw(1/n^2), n, 1, oo))"),
        "converges absolutely — limit comparison with Σ 1/n^2 (p-series, p = 2 > 1)"
    );
}

#[test]
fn bessel_normal_forms() {
    // DLMF 10.4.1, 10.27.1: J₋ₙ = (−1)ⁿJₙ, I₋ₙ = Iₙ; parity in the argument (10.11.1, 10.34.1).
    assert_eq!(ok("besselj(-3, x)"), "-besselj(3, x)");
    assert_eq!(ok("besseli(-3, x)"), "besseli(3, x)");
    assert_eq!(ok("besselj(2, -x)"), "besselj(2, x)");
    assert_eq!(ok("besseli(1, -x)"), "-besseli(1, x)");
    assert_eq!(ok("besselj(0, 0)"), "1");
    assert_eq!(ok("besseli(3, 0)"), "0");
    assert!(err("besselj(-1/3, 0)").contains("undefined"));
    assert!(err("N(besselj(1/3, -2))").contains("not a real number"));
    // The cancelling series is refused past |x| = 4000 rather than left to run for minutes.
    assert!(err("N(besselj(1/3, 10^5))").contains("|x| ≤ 4000"));
    // DLMF 10.16.1, 10.39.1: orders ±1/2 through sin, cos, sinh, cosh.
    assert_eq!(ok("besselj(1/2, x) == sqrt(2/(pi*x))*sin(x)"), "true");
    assert_eq!(ok("besseli(-1/2, x) == sqrt(2/(pi*x))*cosh(x)"), "true");
}

#[test]
fn bessel_series_and_general_terms() {
    // DLMF 10.2.2: J₀ = Σ (−1)^k (x/2)^(2k)/k!²; OEIS A002454: 1, 4, 64, 2304, 147456, 14745600.
    assert_eq!(
        ok("series(besselj(0, x), x, 0, 10)"),
        "1 - x^2/4 + x^4/64 - x^6/2304 + x^8/147456 - x^10/14745600 + O(x^11)"
    );
    assert_eq!(ok("term(besselj(0, x), x, n)"), "(-1/4)^n*x^(2*n)/n!^2");
    // DLMF 10.25.2: I₁ = Σ (x/2)^(2k+1)/(k!(k+1)!).
    assert_eq!(
        ok("series(besseli(1, x), x, 0, 7)"),
        "x/2 + x^3/16 + x^5/384 + x^7/18432 + O(x^8)"
    );
    assert_eq!(
        ok("term(besseli(1, x), x, n)"),
        "(1/4)^n*x^(1 + 2*n)/(2*n!^2*(1 + n))"
    );
    // Bessel's equation x²y'' + xy' + (x² − n²)y = 0 (DLMF 10.2.1), term by term.
    assert_eq!(
        ok("series(x^2*diff(besselj(2,x),x,2) + x*diff(besselj(2,x),x) + (x^2-4)*besselj(2,x), x, 0, 14)"),
        "O(x^15)"
    );
    // DLMF 10.23.3: J₀² + 2(J₁² + J₂² + …) = 1; the orders above 4 start at x^10.
    assert_eq!(
        ok("series(besselj(0,x)^2 + 2*(besselj(1,x)^2 + besselj(2,x)^2 + besselj(3,x)^2 + besselj(4,x)^2), x, 0, 9)"),
        "1 + O(x^10)"
    );
    // Composition with a series argument and a point away from 0 (DLMF 10.6.7).
    // J₀''(1)/2 = (J₁(1) − J₀(1))/2: J₂ is reduced by J₂ = 2J₁/x − J₀ (DLMF 10.6.1).
    assert_eq!(
        ok("series(besselj(0, x), x, 1, 2)"),
        "besselj(0, 1) - (x - 1)*besselj(1, 1) + (x - 1)^2*(besselj(1, 1) - besselj(0, 1))/2 + O((x - 1)^3)"
    );
    // I₁'(2) = (I₀(2) + I₂(2))/2 with I₀ = I₂ + I₁ at 2 (DLMF 10.29.1).
    assert_eq!(
        ok("coeff(truncate(series(besseli(1, x), x, 2, 1)), x, 1)"),
        "besseli(1, 2)/2 + besseli(2, 2)"
    );
    // Non-integer orders are Puiseux series: refused with the reason.
    assert!(err("series(besselj(1/3, x), x, 0, 3)").contains("not a power series"));
}

#[test]
fn bessel_derivatives_radius_and_limits() {
    // DLMF 10.6.3: J₀' = −J₁; 10.6.1 and 10.29.1 in general.
    assert_eq!(ok("diff(besselj(0, x), x)"), "-besselj(1, x)");
    assert_eq!(
        ok("diff(besseli(2, x^2), x)"),
        "x*(besseli(1, x^2) + besseli(3, x^2))"
    );
    assert_eq!(ok("radius(besselj(0, x), x)"), "oo");
    assert_eq!(ok("limit(n^2*(1 - besselj(0, 1/n)), n, oo)"), "1/4");
    assert_eq!(ok("limit(n*besseli(1, 1/n), n, oo)"), "1/2");
    // DLMF 10.7.8: J_ν(x) = O(x^(−1/2)) as x → ∞.
    assert_eq!(ok("limit(besselj(0, n), n, oo)"), "0");
    assert_eq!(
        ok("converges(sum(besselj(2, 1/n), n, 1, oo))"),
        "converges absolutely — limit comparison with Σ 1/n^2 (p-series, p = 2 > 1)"
    );
}

#[test]
fn comparison_with_an_o_bound() {
    // DLMF 10.7.8: |J₀(n)| = O(n^(−1/2)), so Σ J₀(n)/n² converges absolutely; an O-bound alone
    // never proves divergence, so Σ J₀(n) stays unknown (it converges, but not by this test).
    assert_eq!(
        ok("converges(sum(besselj(0, n)/n^2, n, 1, oo))"),
        "converges absolutely — comparison: |a(n)| = O(1/n^(5/2)), and Σ 1/n^(5/2) converges"
    );
    assert!(ok("converges(sum(besselj(0, n), n, 1, oo))").starts_with("unknown"));
}
