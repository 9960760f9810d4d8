//! A table of infinite series with known verdicts, checked against `converges`.
//!
//! The rows in `TEXTBOOK` follow the exercise sets of OpenStax *Calculus Volume 2*
//! (G. Strang, E. Herman, 2016, CC BY-NC-SA 4.0), Chapter 5 "Sequences and Series",
//! sections 5.2 to 5.6. The series were written down again from the kinds of exercises
//! those sections set (no text is copied), and every expected verdict was worked out
//! independently; the short justification sits next to each row and is printed if the row
//! fails.
//!
//! `PROBES` holds series from outside the book: Dirichlet-type series (section 5.5 mentions
//! conditional convergence but sets few oscillating terms) and pitfalls where a careless
//! test gives a wrong answer (cancellations in the leading term, ratio test limit 1 settled
//! by Stirling, alternating series that are not monotone).
//!
//! What is asserted, for every row: sigma's verdict is never a wrong definite verdict, and
//! every definite verdict names its test (" — "; sigma words an undecided answer as
//! "unknown, because …", which names none). For the textbook table, at most 10% of rows may
//! be `unknown` (or fail to give an answer at all), so the table measures real coverage.
//! Rows marked `SIGMA ERROR:` are probes where `converges` gives no answer at all (a
//! diagnostic instead of "unknown"); they count as undecided and are printed.

use sigma::eval::value::Value;
use sigma::math::answer::{Verdict, VerdictKind};
use sigma::session::{OutcomeKind, Session};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    Abs,
    Cond,
    Div,
}

/// Converges absolutely.
const A: Want = Want::Abs;
/// Converges conditionally.
const C: Want = Want::Cond;
/// Diverges.
const D: Want = Want::Div;

/// (term a(n), first index n0, verdict, why)
type Row = (&'static str, i64, Want, &'static str);

#[rustfmt::skip]
const TEXTBOOK: &[Row] = &[
    // ---- OpenStax Calculus Vol. 2, Ch. 5, §5.2 Infinite Series: geometric, telescoping,
    // ---- and series whose terms do not tend to 0.
    ("1/(n*(n+1))", 1, A, "telescoping 1/n - 1/(n+1), sum 1; terms ~ 1/n^2 > 0"),
    ("1/((2n-1)*(2n+1))", 1, A, "telescoping (1/(2n-1) - 1/(2n+1))/2; ~ 1/(4n^2)"),
    ("1/(n*(n+2))", 1, A, "telescoping (1/n - 1/(n+2))/2; ~ 1/n^2"),
    ("1/sqrt(n) - 1/sqrt(n+1)", 1, A, "telescoping to 1; positive, ~ 1/(2 n^(3/2))"),
    ("atan(n+1) - atan(n)", 1, A, "telescoping to pi/2 - pi/4; = atan(1/(n^2+n+1)) ~ 1/n^2 > 0"),
    ("sin(1/n) - sin(1/(n+1))", 1, A, "telescoping to sin 1; positive, ~ 1/n^2"),
    ("2^(1/n) - 2^(1/(n+1))", 1, A, "telescoping to 2 - 1; positive, ~ ln 2/n^2"),
    ("ln(n/(n+1))", 1, D, "partial sums -ln(N+1) -> -oo"),
    ("ln((n+1)/n)", 1, D, "partial sums ln(N+1) -> oo"),
    ("1/(n+1000)", 1, D, "tail of the harmonic series"),
    ("1/(2n+1)", 0, D, "limit comparison with 1/n (ratio 1/2)"),
    ("(2/3)^n", 0, A, "geometric, r = 2/3"),
    ("(3/2)^n", 0, D, "geometric, r = 3/2 > 1"),
    ("(-1/2)^n", 0, A, "geometric, |r| = 1/2"),
    ("(-2)^n", 0, D, "geometric, |r| = 2; terms unbounded"),
    ("(e/pi)^n", 0, A, "geometric, r = e/pi ~ 0.865"),
    ("(pi/e)^n", 0, D, "geometric, r = pi/e ~ 1.156"),
    ("(-e/pi)^n", 0, A, "geometric, |r| = e/pi < 1"),
    ("(-pi/e)^n", 0, D, "geometric, |r| = pi/e > 1"),
    ("exp(-n)", 0, A, "geometric, r = 1/e"),
    ("3^(n-1)/4^n", 1, A, "geometric, r = 3/4"),
    ("(-3)^n/4^n", 0, A, "geometric, |r| = 3/4"),
    ("(2^n+3^n)/4^n", 0, A, "sum of geometric series with r = 1/2 and 3/4"),
    ("(3^n+n)/(2^n+5^n)", 1, A, "~ (3/5)^n"),
    ("(2^n+3^n)/(3^n+n)", 1, D, "terms -> 1"),
    ("(-1)^n", 0, D, "terms +-1, no limit"),
    ("cos(pi*n)", 0, D, "= (-1)^n, no limit"),
    ("sin(n*pi/2)", 1, D, "terms cycle 1, 0, -1, 0"),
    ("n", 1, D, "terms -> oo"),

    // ---- §5.3 The Divergence and Integral Tests: divergence test (nth-term).
    ("n/(n+2)", 1, D, "terms -> 1"),
    ("n/sqrt(3n^2+2n+1)", 1, D, "terms -> 1/sqrt(3)"),
    ("(2n+1)*(n-1)/(n+1)^2", 1, D, "terms -> 2"),
    ("(2n+1)^(2n)/(3n^2+1)^n", 1, D, "= ((4n^2+4n+1)/(3n^2+1))^n -> oo"),
    ("2^n/3^(n/2)", 1, D, "= (2/sqrt 3)^n -> oo"),
    ("exp(-2/n)", 1, D, "terms -> 1"),
    ("cos(n)", 1, D, "no limit: n mod 2pi is dense"),
    ("tan(n)", 1, D, "n mod pi is equidistributed (pi irrational): tan n > 1 infinitely often"),
    ("(1-cos(1/n)^2)/sin(2/n)^2", 1, D, "= sin^2(1/n)/sin^2(2/n) -> 1/4"),
    ("(1-1/n)^(2n)", 1, D, "terms -> e^-2"),
    // §5.3: the divergence test does not apply (terms -> 0), and the series diverge.
    ("n/(5n^2-3)", 1, D, "~ 1/(5n), limit comparison with the harmonic series"),
    ("ln(n)/n", 1, D, "ln n/n >= 1/n for n >= 3"),
    ("ln(n)^2/sqrt(n)", 1, D, ">= 1/sqrt(n) for n >= 3"),
    // §5.3: p-series.
    ("1/sqrt(n)", 1, D, "p = 1/2"),
    ("1/(n*sqrt(n))", 1, A, "p = 3/2"),
    ("1/n^(4/3)", 1, A, "p = 4/3"),
    ("1/n^5", 1, A, "p = 5"),
    ("1/n^(99/100)", 1, D, "p = 0.99"),
    ("n^e/n^pi", 1, D, "p = pi - e ~ 0.42 < 1"),
    ("n^pi/n^(2e)", 1, A, "p = 2e - pi ~ 2.30 > 1"),
    // §5.3: written as p-series, since b^(-ln n) = n^(-ln b).
    ("2^(-ln(n))", 1, D, "= n^(-ln 2), ln 2 ~ 0.69 < 1"),
    ("3^(-ln(n))", 1, A, "= n^(-ln 3), ln 3 ~ 1.10 > 1"),
    ("n*2^(-2ln(n))", 1, D, "= n^(1 - 2 ln 2), 2 ln 2 - 1 ~ 0.39 < 1"),
    ("n*3^(-2ln(n))", 1, A, "= n^(1 - 2 ln 3), 2 ln 3 - 1 ~ 1.20 > 1"),
    // §5.3: integral test.
    ("1/sqrt(n+5)", 1, D, "integral of (x+5)^(-1/2) diverges"),
    ("1/(n+5)^(1/3)", 1, D, "integral of (x+5)^(-1/3) diverges"),
    ("n/(1+n^2)", 1, D, "integral = ln(1+x^2)/2 -> oo"),
    ("2n/(1+n^4)", 1, A, "integral = atan(x^2) bounded"),
    ("exp(n)/(1+exp(2n))", 1, A, "integral = atan(e^x) bounded"),
    ("atan(n)/(1+n^2)", 1, A, "integral = atan(x)^2/2 bounded"),
    ("n*exp(-n^2)", 1, A, "integral = -exp(-x^2)/2 bounded"),
    ("n*exp(-n)", 1, A, "integral of x e^-x finite (ratio 1/e)"),
    ("ln(n)/n^2", 1, A, "integral of ln x/x^2 = -(ln x + 1)/x bounded"),
    ("ln(n)^5/n^(101/100)", 1, A, "integral of (ln x)^5 x^(-1.01) finite (substitute u = ln x)"),
    // §5.3: log-p-series sum 1/(n (ln n)^q) by the integral test.
    ("1/(n*ln(n))", 2, D, "integral = ln ln x -> oo"),
    ("1/(n*ln(n)^2)", 2, A, "integral = -1/ln x bounded (q = 2)"),
    ("1/(n*ln(n)^4)", 2, A, "q = 4 > 1"),
    ("1/(n*ln(n)^(11/10))", 2, A, "q = 1.1 > 1"),
    ("1/(n*ln(n)^(1/2))", 2, D, "integral = 2 sqrt(ln x) -> oo"),
    ("1/(n*ln(n)*ln(ln(n)))", 3, D, "integral = ln ln ln x -> oo"),
    ("1/(n*ln(n)*ln(ln(n))^2)", 3, A, "integral = -1/ln ln x bounded"),
    ("1/ln(n)", 2, D, "1/ln n >= 1/n"),
    ("1/ln(n)^2", 2, D, "(ln n)^2 < n eventually, so terms > 1/n"),
    ("1/(sqrt(n)*ln(n))", 2, D, "ln n < n^(1/4) eventually: terms > n^(-3/4)"),

    // ---- §5.4 Comparison Tests: direct comparison.
    ("2/(n*(n+1))", 1, A, "< 2/n^2"),
    ("1/(n*(n+1/2))", 1, A, "< 1/n^2"),
    ("1/(2(n+1))", 1, D, ">= 1/(4n)"),
    ("1/(2n-1)", 1, D, ">= 1/(2n)"),
    ("1/(n*ln(n))^2", 2, A, "< 1/(n^2 ln^2 2)"),
    ("n!/(n+2)!", 1, A, "= 1/((n+1)(n+2)) < 1/n^2"),
    ("1/n!", 0, A, "1/n! <= 1/2^(n-1) for n >= 1"),
    ("sin(1/n)/n", 1, A, "0 < sin(1/n)/n <= 1/n^2"),
    ("sin(n)^2/n^2", 1, A, "0 <= sin^2 n/n^2 <= 1/n^2"),
    ("sin(1/n)/sqrt(n)", 1, A, "<= n^(-3/2)"),
    ("(n^(6/5)-1)/(n^(23/10)+1)", 1, A, "<= n^(1.2)/n^(2.3) = n^(-1.1)"),
    ("(sqrt(n+1)-sqrt(n))/n", 1, A, "= 1/(n (sqrt(n+1)+sqrt n)) < n^(-3/2)/2"),
    ("n^(1/4)/(n^4+n^2)^(1/3)", 1, A, "<= n^(1/4 - 4/3) = n^(-13/12)"),
    ("1/(n^2+1)", 1, A, "< 1/n^2"),
    ("sqrt(n)/(n^2+1)", 1, A, "< n^(-3/2)"),
    ("1/(sqrt(n)+1)", 1, D, ">= 1/(2 sqrt n)"),
    ("(n+1)/(n^2+1)", 1, D, ">= 1/n since n^2 + n >= n^2 + 1"),
    ("1/(3^n+n)", 1, A, "< (1/3)^n"),
    ("1/(2^n-n)", 1, A, "2^n - n >= 2^(n-1) for n >= 2: terms <= 2 (1/2)^n"),
    ("1/ln(n)^ln(n)", 2, A, "(ln n)^(ln n) = n^(ln ln n) >= n^2 once ln ln n >= 2 (n >= e^(e^2))"),
    ("1/ln(n)^ln(ln(n))", 3, D, "(ln n)^(ln ln n) = e^((ln ln n)^2) <= n eventually: terms >= 1/n"),
    // §5.4: limit comparison.
    ("ln(1+1/n)", 1, D, "ln(1 + 1/n) ~ 1/n"),
    ("sin(1/n)", 1, D, "sin(1/n) ~ 1/n"),
    ("tan(1/n)", 1, D, "tan(1/n) ~ 1/n"),
    ("atan(1/n)", 1, D, "atan(1/n) ~ 1/n"),
    ("exp(1/n)-1", 1, D, "e^(1/n) - 1 ~ 1/n"),
    ("sqrt(n^2+1)-n", 1, D, "= 1/(sqrt(n^2+1)+n) ~ 1/(2n)"),
    ("1/sqrt(n*(n+1))", 1, D, "~ 1/n"),
    ("1/n^(1+1/n)", 1, D, "n^(1/n) -> 1, so ~ 1/n"),
    ("n^(1/n)-1", 1, D, "= e^(ln n/n) - 1 >= ln n/n >= 1/n for n >= 3"),
    ("e-(1+1/n)^n", 1, D, "(1+1/n)^n = e (1 - 1/(2n) + O(1/n^2)): ~ e/(2n) > 0"),
    ("1-cos(1/n)", 1, A, "~ 1/(2n^2)"),
    ("tan(1/n)/n", 1, A, "~ 1/n^2"),
    ("exp(1/n^2)-1", 1, A, "~ 1/n^2"),
    ("1/n - sin(1/n)", 1, A, "~ 1/(6n^3)"),
    ("1-n*sin(1/n)", 1, A, "~ 1/(6n^2)"),
    ("ln(1+1/n^2)", 1, A, "~ 1/n^2"),
    ("1/(n*sqrt(n+1))", 1, A, "~ n^(-3/2)"),
    ("(n^(1/n)-1)^2", 1, A, "~ (ln n)^2/n^2 <= n^(-3/2) eventually"),

    // ---- §5.5 Alternating Series: absolutely, conditionally, or not at all.
    ("(-1)^(n+1)/n", 1, C, "alternating harmonic; |a| = 1/n diverges"),
    ("(-1)^n/sqrt(n)", 1, C, "1/sqrt(n) decreases to 0; p = 1/2"),
    ("(-1)^n/n^(1/3)", 1, C, "n^(-1/3) decreases to 0; p = 1/3"),
    ("(-1)^n/(2n+1)", 0, C, "Leibniz series for pi/4; |a| ~ 1/(2n)"),
    ("(-1)^n*n/(n^2+1)", 1, C, "x/(x^2+1) decreasing for x > 1; ~ 1/n"),
    ("(-1)^(n-1)*n^2/(n^3+1)", 1, C, "x^2/(x^3+1) decreasing for x > 2^(1/3); ~ 1/n"),
    ("(-1)^(n+1)/sqrt(n+3)", 1, C, "decreasing to 0; ~ n^(-1/2)"),
    ("(-1)^(n+1)*sqrt(n+3)/n", 1, C, "d/dx sqrt(x+3)/x = -(x+6)/(2x^2 sqrt(x+3)) < 0; ~ n^(-1/2)"),
    ("(-1)^n/ln(n)", 2, C, "1/ln n decreases to 0; 1/ln n >= 1/n"),
    ("(-1)^n*ln(n)/n", 1, C, "ln x/x decreasing for x > e; ln n/n >= 1/n"),
    ("(-1)^n*ln(n)/sqrt(n)", 1, C, "ln x/sqrt x decreasing for x > e^2; >= 1/sqrt n"),
    ("(-1)^n/(n*ln(n))", 2, C, "decreasing to 0; sum 1/(n ln n) diverges"),
    ("(-1)^(n+1)*ln(1+1/n)", 1, C, "decreasing to 0; ~ 1/n"),
    ("(-1)^n*sin(1/n)", 1, C, "sin(1/n) decreasing to 0 (1/n in (0, 1]); ~ 1/n"),
    ("(-1)^n*tan(1/n)", 1, C, "decreasing to 0; ~ 1/n"),
    ("(-1)^n*atan(1/n)", 1, C, "decreasing to 0; ~ 1/n"),
    ("(-1)^n*(pi/2-atan(n))", 1, C, "= atan(1/n): decreasing to 0; ~ 1/n"),
    ("(-1)^n*(exp(1/n)-1)", 1, C, "decreasing to 0; ~ 1/n"),
    ("(-1)^(n+1)*(sqrt(n+1)-sqrt(n))", 1, C, "= 1/(sqrt(n+1)+sqrt n): decreasing; ~ 1/(2 sqrt n)"),
    ("(-1)^n*(1-n^(1/n))", 1, C, "n^(1/n) - 1 decreases to 0 for n >= 3; >= ln n/n"),
    ("(-1)^(n+1)*n*(1-cos(1/n))", 1, C, "(1 - cos x)/x increasing on (0, 1], so decreasing in n; ~ 1/(2n)"),
    ("(-1)^n*(e-(1+1/n)^n)", 1, C, "(1+1/n)^n increases to e; ~ e/(2n)"),
    ("(-1)^n/n^2", 1, A, "p = 2"),
    ("(-1)^n/(n*ln(n)^2)", 2, A, "log-p-series with q = 2"),
    ("(-1)^(n+1)/n!", 1, A, "sum 1/n! converges"),
    ("(-1)^(n+1)*3^n/n!", 1, A, "ratio -> 0"),
    ("(-1)^n*n/2^n", 1, A, "ratio -> 1/2"),
    ("(-1)^n*n!/n^n", 1, A, "ratio -> 1/e"),
    ("(-1)^(n+1)*n^2/(1+n^4)", 1, A, "<= 1/n^2"),
    ("(-1)^(n+1)*sin(1/n)^2", 1, A, "<= 1/n^2"),
    ("(-1)^n*(1-cos(1/n))", 1, A, "<= 1/(2n^2)"),
    ("(-1)^n*(1-n*sin(1/n))", 1, A, "~ 1/(6n^2)"),
    ("(-1)^(n+1)*(1/sqrt(n)-1/sqrt(n+1))", 1, A, "~ n^(-3/2)/2"),
    ("(-1)^(n+1)*n^e/(1+n^pi)", 1, C, "|a| ~ n^(e - pi) = n^(-0.42): sum |a| diverges; x^e/(1+x^pi) decreasing for x > (e/(pi-e))^(1/pi) ~ 1.9"),
    ("(-1)^(n+1)*n/(n+3)", 1, D, "|a| -> 1"),
    ("(-1)^(n+1)*(sqrt(n)+1)/(sqrt(n)+3)", 1, D, "|a| -> 1"),
    ("(-1)^n*(n+1)/(3n+1)", 1, D, "|a| -> 1/3"),
    ("(-1)^(n+1)*((n-1)/n)^n", 1, D, "|a| -> 1/e"),
    ("(-1)^(n+1)*((n+1)/n)^n", 1, D, "|a| -> e"),
    ("(-1)^(n+1)*sin(n)^2", 1, D, "sin^2 n does not tend to 0 (n mod pi is dense)"),
    ("(-1)^(n+1)*cos(n)^2", 1, D, "cos^2 n does not tend to 0"),
    ("(-1)^(n+1)*cos(1/n)^2", 1, D, "|a| -> 1"),
    ("(-1)^(n+1)*ln(1/n)", 1, D, "|a| = ln n -> oo"),
    ("(-1)^(n+1)*2^(1/n)", 1, D, "|a| -> 1"),
    ("(-1)^(n+1)*n^(1/n)", 1, D, "|a| -> 1"),
    ("(-1)^n*cos(1/n)", 1, D, "|a| -> 1"),
    ("(-1)^n*atan(n)", 1, D, "|a| -> pi/2"),
    ("(-1)^n*n/ln(n)", 2, D, "|a| -> oo"),

    // ---- §5.6 Ratio and Root Tests: ratio test.
    ("10^n/n!", 0, A, "ratio 10/(n+1) -> 0"),
    ("n^2/2^n", 1, A, "ratio -> 1/2"),
    ("n^10/2^n", 1, A, "ratio -> 1/2"),
    ("n^3*exp(-n)", 1, A, "ratio -> 1/e"),
    ("n^100/(101/100)^n", 1, A, "ratio -> 100/101"),
    ("2^n/n^3", 1, D, "ratio -> 2 (terms -> oo)"),
    ("n!/10^n", 1, D, "ratio (n+1)/10 -> oo"),
    ("n!/n^n", 1, A, "ratio (n/(n+1))^n -> 1/e"),
    ("2^n*n!/n^n", 1, A, "ratio -> 2/e < 1"),
    ("3^n*n!/n^n", 1, D, "ratio -> 3/e > 1"),
    ("n^n/n!", 1, D, "ratio (1+1/n)^n -> e"),
    ("n!^2/(2n)!", 1, A, "ratio (n+1)^2/((2n+2)(2n+1)) -> 1/4"),
    ("2^n*n!^2/(2n)!", 1, A, "= n!/(1*3*5*...*(2n-1)): ratio -> 1/2"),
    ("2^n*n!/(2n)!", 1, A, "= 2*4*...*(2n)/(2n)!: ratio 1/(2n+1) -> 0"),
    ("(2n)!/(4^n*n!^2)", 1, D, "= 1*3*...*(2n-1)/(2*4*...*2n) ~ 1/sqrt(pi n) (ratio test gives 1)"),
    ("(2n)!/n!^2", 1, D, "ratio -> 4"),
    ("(2n)!/n^(2n)", 1, A, "ratio (2n+2)(2n+1)/(n+1)^2 (n/(n+1))^(2n) -> 4/e^2 < 1"),
    ("(2n)!/(2n)^n", 1, D, "ratio ~ 2n/e -> oo"),
    ("(2n)!/(n^n*n!)", 1, D, "ratio 2(2n+1)/(n+1) (n/(n+1))^n -> 4/e > 1"),
    ("n^n/(2n)!", 1, A, "ratio ~ e/(4n) -> 0"),
    ("n!^2/n^(2n)", 1, A, "ratio -> 1/e^2"),
    ("n^n/n!^2", 1, A, "ratio (1+1/n)^n/(n+1) -> 0"),
    ("n!^3/(3n)!", 1, A, "ratio -> 1/27"),
    ("2^(3n)*n!^3/(3n)!", 1, A, "ratio -> 8/27"),
    ("1/binomial(2n,n)", 1, A, "ratio -> 1/4"),
    ("exp(n)*n!/n^n", 1, D, "~ sqrt(2 pi n) -> oo (Stirling; ratio test gives 1)"),
    ("n^n/(n!*exp(n))", 1, D, "~ 1/sqrt(2 pi n) (Stirling; ratio test gives 1)"),
    ("(-1)^n*n^3/3^n", 1, A, "ratio -> 1/3"),
    // §5.6: root test.
    ("1/n^n", 1, A, "root 1/n -> 0"),
    ("(2/n)^n", 1, A, "root 2/n -> 0"),
    ("(n/(3n+1))^n", 1, A, "root -> 1/3"),
    ("((2n+1)/(n-1))^n", 2, D, "root -> 2 (terms -> oo)"),
    ("(1-1/n)^(n^2)", 2, A, "root (1-1/n)^n -> 1/e"),
    ("(n/(n+1))^(n^2)", 1, A, "root -> 1/e"),
    ("(1+1/n)^(-n^2)", 1, A, "root -> 1/e"),
    ("1/ln(n)^n", 2, A, "root 1/ln n -> 0"),
    ("(ln(n)/n)^n", 2, A, "root ln n/n -> 0"),
    ("(n^(1/n)-1)^n", 2, A, "root n^(1/n) - 1 -> 0"),
    ("atan(n)^n/2^n", 1, A, "root atan(n)/2 -> pi/4 < 1"),
    ("(n/(n+1))^n", 1, D, "terms -> 1/e (root test gives 1)"),
    ("(1+1/n)^(n^2)/exp(n)", 1, D, "root (1+1/n)^n/e -> 1, but terms = exp(n^2 ln(1+1/n) - n) -> e^(-1/2)"),
];

#[rustfmt::skip]
const PROBES: &[Row] = &[
    // ---- Dirichlet-type series (beyond the exercise sets of OpenStax Ch. 5): for a rational
    // ---- c != 0, sum sin(cn + d) and sum cos(cn + d) have bounded partial sums.
    // Absolute divergence: |sin x| >= sin^2 x = (1 - cos 2x)/2, and sum b(n) cos(2x) converges.
    ("sin(n)/n", 1, C, "Dirichlet; |a| >= sin^2(n)/n diverges"),
    ("cos(n)/n", 1, C, "Dirichlet; |a| >= cos^2(n)/n diverges"),
    ("sin(n)/sqrt(n)", 1, C, "Dirichlet; |a| >= sin^2(n)/sqrt n diverges"),
    ("sin(2n+1)/n", 1, C, "Dirichlet"),
    ("cos(3n)*n/(n^2+1)", 1, C, "Dirichlet; n/(n^2+1) decreasing, ~ 1/n"),
    ("cos(2n)/ln(n)", 2, C, "Dirichlet; 1/ln n >= 1/n"),
    ("sin(n)/ln(n)", 2, C, "Dirichlet"),
    ("sin(n)/(n*ln(n))", 2, C, "Dirichlet; sum 1/(n ln n) diverges"),
    ("sin(n)*ln(n)/n", 2, C, "Dirichlet; ln x/x decreasing for x > e"),
    ("sin(n)/n^2", 1, A, "|a| <= 1/n^2"),
    ("cos(n)/n^(3/2)", 1, A, "|a| <= n^(-3/2)"),
    ("cos(n)/(n*sqrt(n))", 1, A, "|a| <= n^(-3/2)"),
    ("sin(n)/2^n", 1, A, "|a| <= 2^-n"),
    ("sin(n)/n + 1/n^2", 1, C, "sum of a convergent Dirichlet series and sum 1/n^2; |a| >= |sin n|/n - 1/n^2"),
    ("sin(n*pi/2)/n", 1, C, "= 1 - 1/3 + 1/5 - ... = pi/4; odd terms 1/n diverge absolutely"),
    ("cos(pi*n)/sqrt(n)", 1, C, "= (-1)^n/sqrt(n)"),
    ("(-1)^n*sin(n)^2/n", 1, C, "= (-1)^n/(2n) - (cos((pi+2)n) + cos((pi-2)n))/(4n): all converge (Dirichlet); |a| = sin^2 n/n diverges"),
    ("(-1)^(n*(n+1)/2)/n", 1, C, "signs - - + + ...: partial sums of the sign are bounded (Dirichlet); |a| = 1/n"),
    ("sin(n)^2/n", 1, D, "= 1/(2n) - cos(2n)/(2n): divergent plus convergent"),
    ("n*sin(pi*n)", 1, A, "every term is 0"),
    ("sin(2*pi*n)", 1, A, "every term is 0"),
    ("cos(2*pi*n)", 1, D, "every term is 1"),

    // ---- Cancellation in the leading term.
    ("sqrt(n^2+n)-n-1/2", 1, D, "sqrt(n^2+n) = n + 1/2 - 1/(8n) + O(n^-2): ~ -1/(8n)"),
    ("(-1)^n*(sqrt(n^2+n)-n-1/2)", 1, C, "f(x) = x + 1/2 - sqrt(x^2+x) decreasing, ~ 1/(8x)"),
    ("sqrt(n+1)-sqrt(n)-1/(2sqrt(n))", 1, A, "~ -1/(8 n^(3/2))"),
    ("1/n-ln(1+1/n)", 1, A, "~ 1/(2n^2)"),
    ("ln(n+1)-ln(n)-1/n", 1, A, "~ -1/(2n^2)"),
    ("n*sin(1/n)-cos(1/n)", 1, A, "~ 1/(3n^2)"),
    ("1/n-sin(1/n)-1/(6n^3)", 1, A, "~ -1/(120 n^5)"),
    ("exp(1/n)-1-1/n", 1, A, "~ 1/(2n^2)"),
    ("n^(1/n)-1-ln(n)/n", 1, A, "~ (ln n)^2/(2n^2)"),
    ("n^(1/n^2)-1", 1, A, "~ ln n/n^2"),
    ("(1+1/n)^(n+1)-e", 1, D, "(1+1/n)^(n+1) = e (1 + 1/(2n) + O(n^-2)): ~ e/(2n)"),
    ("(n+1)^n/n^(n+1)", 1, D, "= (1+1/n)^n/n ~ e/n"),
    ("(-1)^n*(n+1)^n/n^(n+1)", 1, C, "b = (1+1/n)^n/n: d/dx ln b = ln(1+1/x) - 1/(x+1) - 1/x < 0; ~ e/n"),
    ("(n+1)^n/n^(n+2)", 1, A, "~ e/n^2"),
    ("(-1)^n*(n-5)/n^2", 1, C, "(x-5)/x^2 decreasing for x > 10; ~ 1/n"),
    ("(-1)^n/(n-21/2)", 1, C, "1/(n - 10.5) positive and decreasing for n >= 11; ~ 1/n"),
    ("1/(n^2-10n+26)", 1, A, "= 1/((n-5)^2+1) ~ 1/n^2"),

    // ---- Ratio test limit 1, settled by Stirling or by n!^(1/n) ~ n/e.
    ("n!*exp(n)/(n^n*sqrt(n))", 1, D, "-> sqrt(2 pi)"),
    ("n!*exp(n)/n^(n+1)", 1, D, "~ sqrt(2 pi)/sqrt(n)"),
    ("n!*exp(n)/n^(n+2)", 1, A, "~ sqrt(2 pi) n^(-3/2)"),
    ("4^n*n!^2/(2n)!", 1, D, "~ sqrt(pi n) -> oo"),
    ("27^n*n!^3/(3n)!", 1, D, "(3n)!/n!^3 ~ 27^n sqrt(3)/(2 pi n): terms ~ 2 pi n/sqrt 3 -> oo"),
    ("binomial(2n,n)/4^n", 1, D, "~ 1/sqrt(pi n)"),
    ("binomial(2n,n)/(4^n*n)", 1, A, "~ n^(-3/2)/sqrt(pi)"),
    ("1/(n*binomial(2n,n))", 1, A, "ratio -> 1/4"),
    ("1/factorial(n)^(1/n)", 1, D, "n!^(1/n) ~ n/e: ~ e/n"),
    ("1/factorial(n)^(2/n)", 1, A, "~ e^2/n^2"),
    ("n^(n/2)/n!", 1, A, "ratio ~ sqrt(e/n) -> 0"),
    ("1/ln(n!)", 2, D, "ln n! ~ n ln n: ~ 1/(n ln n)"),
    ("1/(n*ln(n!))", 2, A, "~ 1/(n^2 ln n)"),
    ("ln(n!)/n^3", 1, A, "<= n ln n/n^3"),
    ("n!/2^(n^2)", 1, A, "ratio (n+1)/2^(2n+1) -> 0"),
    ("2^(n^2)/n!", 1, D, "ratio 2^(2n+1)/(n+1) -> oo"),
    // (was an error before the fix; now unknown): no verdict at all: the alternating series test differentiates b(n) and
    // propagates "the derivative of factorial … needs the digamma function" (src/math/convergence.rs, leibniz: `diff(&s, n)?`).
    ("(-1)^n*n^n/(n!*exp(n))", 1, C, "b = n^n/(n! e^n): b(n+1)/b(n) = (1+1/n)^n/e < 1, b ~ 1/sqrt(2 pi n)"),
    // (was an error before the fix; now unknown): no verdict: "the derivative of binomial with a variable argument is not supported" (same `diff(&s, n)?`).
    ("(-1)^n*binomial(2n,n)/4^n", 1, C, "b(n+1)/b(n) = (2n+1)/(2n+2) < 1, b ~ 1/sqrt(pi n)"),

    // ---- (-1)^n without a monotone magnitude, and terms that only look alternating.
    // (was an error before the fix; now unknown): no verdict: "ln(-1) is not a real number" from differentiating (-1)^n inside b(n) (leibniz, `diff(&s, n)?`).
    ("(-1)^n/(sqrt(n)+(-1)^n)", 2, D, "= (-1)^n sqrt(n)/(n-1) - 1/(n-1): convergent plus divergent"),
    // (was an error before the fix; now unknown): no verdict: "ln(-1) is not a real number" (as above).
    ("(-1)^n*(1/sqrt(n)+(-1)^n/n)", 1, D, "= (-1)^n/sqrt(n) + 1/n: convergent plus divergent"),
    ("(-1)^n/sqrt(n)+1/n", 1, D, "convergent plus divergent"),
    ("(-1)^n/n+1/n^2", 1, C, "convergent plus absolutely convergent; |a| ~ 1/n"),
    // (was an error before the fix; now unknown): no verdict: "ln(-1) is not a real number" (as above).
    ("(-1)^n/(n+(-1)^n)", 2, C, "= (-1)^n n/(n^2-1) - 1/(n^2-1): both converge; |a| ~ 1/n"),
    // (was an error before the fix; now unknown): no verdict: "ln(-1) is not a real number" (as above).
    ("(-1)^n*n/(n^2+(-1)^n)", 2, C, "= (-1)^n/n - 1/(n(n^2+(-1)^n)): both converge; |a| ~ 1/n"),
    ("(-1)^n*(2+(-1)^n)/n", 1, D, "= 2(-1)^n/n + 1/n: convergent plus divergent"),
    ("(2+(-1)^n)/n", 1, D, ">= 1/n"),
    ("(1+(-1)^n)/n", 1, D, "= 2/n for even n, 0 for odd: sum 1/k over k"),
    ("(1+(-1)^n)/n^2", 1, A, "<= 2/n^2"),
    ("(2+(-1)^n)/n^2", 1, A, "<= 3/n^2"),
    ("(2+(-1)^n)^n/3^n", 1, D, "= 1 for even n"),
    ("n^((-1)^n)/n^2", 1, D, "= 1/n for even n"),
    ("(-1)^(2n)/n", 1, D, "= 1/n"),
    ("(-1)^(2n+1)/n", 1, D, "= -1/n"),
    ("(-1)^n*(-1)^n/n", 1, D, "= 1/n"),
    ("(-1)^n*(1+1/n)^n/n", 1, C, "b = (1+1/n)^n/n: as (n+1)^n/n^(n+1) above"),
    ("(-1)^n*n/(n+1)/ln(n+1)", 1, C, "b = n/((n+1) ln(n+1)) decreasing; ~ 1/ln n"),
    ("(-1)^n*ln(ln(n))/n", 3, C, "ln ln x/x decreasing for x >= 6; >= 1/n for n >= 16"),
    ("(-1)^n/ln(ln(n))", 3, C, "1/ln ln n decreasing to 0; >= 1/n"),
    ("ln(ln(n))/n", 3, D, ">= 1/n for n >= 16"),
    ("1/(n*ln(ln(n))^2)", 3, D, "(ln ln n)^2 <= ln n eventually: >= 1/(n ln n)"),
    ("1/ln(ln(n))", 3, D, ">= 1/n"),
    ("ln(n)^100/n", 2, D, ">= 1/n for n >= 3"),
    ("(-1)^n/n^(1/n)", 1, D, "|a| -> 1"),
    ("(1/n)^(1/n)", 1, D, "-> 1"),
    ("1/n^(1+1/ln(n))", 2, D, "n^(1/ln n) = e: = 1/(e n)"),
    ("n^(-1-1/sqrt(n))", 1, D, "n^(-1/sqrt n) -> 1: ~ 1/n"),
    ("n^(1/n)/n^2", 1, A, "~ 1/n^2"),
    ("exp(-sqrt(n))", 1, A, "e^(-sqrt n) <= 24/n^2 (e^t >= t^4/24)"),
    ("n^(-ln(n))", 1, A, "= e^(-(ln n)^2) <= n^-2 for n >= e^2"),
];

/// What `converges` answered: the typed verdict, or the diagnostics when it gave none.
fn answer(term: &str, n0: i64) -> Result<Verdict, String> {
    let src = format!("converges(sum({term}, n, {n0}, oo))");
    let out = Session::new()
        .run_collect("<table>", &src)
        .map_err(|(_, d)| {
            d.iter()
                .map(|x| format!("{x:?}"))
                .collect::<Vec<_>>()
                .join("; ")
        })?;
    match out.into_iter().last().map(|o| o.kind) {
        Some(OutcomeKind::Value(Value::Verdict(v))) => Ok(v),
        other => Err(format!("not a verdict: {other:?}")),
    }
}

fn describe(w: Want) -> &'static str {
    match w {
        Want::Abs => "converges absolutely",
        Want::Cond => "converges conditionally",
        Want::Div => "diverges",
    }
}

/// The verdict's kind as a table entry; a verdict is malformed when its text does not start
/// with its kind, or when a decided verdict names no test.
fn verdict_of(v: &Verdict) -> Option<Option<Want>> {
    let s = v.to_string();
    if !s.starts_with(&v.kind.to_string()) {
        return None;
    }
    match v.kind {
        VerdictKind::ConvergesAbsolutely => Some(Some(A)),
        VerdictKind::ConvergesConditionally => Some(Some(C)),
        VerdictKind::Diverges => Some(Some(D)),
        VerdictKind::Unknown => Some(None),
    }
}

#[derive(Default)]
struct Report {
    rows: usize,
    decided: usize,
    /// Rows answered `unknown`, with the answer.
    unknown: Vec<String>,
    /// Rows where `converges` gave no answer at all.
    errors: Vec<String>,
    /// Wrong definite verdicts, malformed answers, answers without a test.
    failures: Vec<String>,
}

fn check(table: &[Row]) -> Report {
    let mut r = Report::default();
    for &(term, n0, want, why) in table {
        r.rows += 1;
        let row = format!("sum({term}, n, {n0}, oo)");
        let v = match answer(term, n0) {
            Ok(v) => v,
            Err(e) => {
                r.errors.push(format!("{row}: {e}"));
                continue;
            }
        };
        let s = v.to_string();
        match verdict_of(&v) {
            None => r.failures.push(format!("{row}: malformed answer {s:?}")),
            // "unknown, because …": no test decided, so none is named.
            Some(None) => r.unknown.push(format!("{row}: {s}")),
            Some(Some(_)) if v.test.is_none() || !s.contains(" — ") => r
                .failures
                .push(format!("{row}: the verdict names no test: {s:?}")),
            Some(Some(got)) if got == want => r.decided += 1,
            Some(Some(_)) => r.failures.push(format!(
                "{row}: WRONG: sigma says {s:?}, but the series {} ({why})",
                describe(want)
            )),
        }
    }
    r
}

fn print(name: &str, r: &Report) {
    eprintln!(
        "{name}: {} rows, {} decided correctly, {} unknown, {} errors, {} failures",
        r.rows,
        r.decided,
        r.unknown.len(),
        r.errors.len(),
        r.failures.len()
    );
    for u in &r.unknown {
        eprintln!("  unknown: {u}");
    }
    for e in &r.errors {
        eprintln!("  error:   {e}");
    }
}

#[test]
fn textbook_table_is_large_and_balanced() {
    assert!(TEXTBOOK.len() >= 100, "{} rows", TEXTBOOK.len());
    for w in [A, C, D] {
        let k = TEXTBOOK.iter().filter(|r| r.2 == w).count();
        assert!(k >= 15, "only {k} rows {w:?}");
    }
    let mut seen = std::collections::HashSet::new();
    for r in TEXTBOOK.iter().chain(PROBES) {
        assert!(seen.insert((r.0, r.1)), "duplicate row {}", r.0);
    }
}

#[test]
fn textbook_series_verdicts() {
    let r = check(TEXTBOOK);
    print("textbook", &r);
    assert!(r.failures.is_empty(), "{}", r.failures.join("\n"));
    let undecided = r.unknown.len() + r.errors.len();
    assert!(
        undecided * 10 <= r.rows,
        "{undecided} of {} textbook rows undecided (more than 10%)",
        r.rows
    );
}

#[test]
fn probe_series_verdicts_are_never_wrong() {
    let r = check(PROBES);
    print("probes", &r);
    assert!(r.failures.is_empty(), "{}", r.failures.join("\n"));
}
