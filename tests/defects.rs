//! The smaller defects of issue 13 (section 3), one test each with the exact answer or the
//! exact rendered error: surd tangents and their inverses, square factors of large integers,
//! infinity where it has (or has no) value, poles of sums and of sec named with a caret on
//! the right span, chained `=`, division by an approximation of 0, invisible characters, and
//! a write to a full device failing the run.

mod common;
use common::{err, ok};

#[test]
fn tangents_at_multiples_of_pi_over_12_and_pi_over_8_are_surds() {
    for (input, want) in [
        ("tan(pi/12)", "2 - sqrt(3)"),
        ("tan(pi/8)", "sqrt(2) - 1"),
        ("tan(3*pi/8)", "1 + sqrt(2)"),
        ("tan(5*pi/12)", "2 + sqrt(3)"),
        ("tan(-pi/12)", "sqrt(3) - 2"),
        ("tan(7*pi/12)", "-2 - sqrt(3)"),
        ("tan(13*pi/8)", "-1 - sqrt(2)"),
        ("atan(tan(pi/12))", "pi/12"),
        ("atan(tan(pi/8))", "pi/8"),
        ("atan(tan(3*pi/8))", "3*pi/8"),
        ("atan(tan(5*pi/12))", "5*pi/12"),
        ("atan(1 - sqrt(2))", "-pi/8"),
        ("atan(sqrt(3) - 2)", "-pi/12"),
        ("atan(1)", "pi/4"),
        ("atan(sqrt(3)/3)", "pi/6"),
    ] {
        assert_eq!(ok(input), want, "{input}");
    }
    assert!(err("tan(3*pi/2)").starts_with("error: tan is undefined at 3*pi/2 (cos is 0 there)"));
}

#[test]
fn square_factors_of_large_primes_leave_the_surd() {
    assert_eq!(ok("sqrt(1000000007^2*3)"), "1000000007*sqrt(3)");
    assert_eq!(ok("sqrt(1000000007^2*12)"), "2000000014*sqrt(3)");
    // A cofactor of two large primes splits by Pollard's rho (within a budget).
    assert_eq!(
        ok("sqrt(1000000007^2*1000000009)"),
        "1000000007*sqrt(1000000009)"
    );
    assert_eq!(ok("sqrt(3*1000003^2*1000033)"), "1000003*sqrt(3000099)");
    // Past the budget (two 96-bit primes) the root stays whole, still exact.
    let semiprime = "1974068429275051077358799937671430013578160599698000946929";
    assert_eq!(
        ok(&format!("sqrt({semiprime})")),
        format!("sqrt({semiprime})")
    );
    assert_eq!(ok("(1000000007^3*5)^(1/3)"), "1000000007*5^(1/3)");
    assert_eq!(ok("sqrt(2*3*1000000007^2)"), "1000000007*sqrt(6)");
}

#[test]
fn infinity_answers_or_errors_never_echoes() {
    assert_eq!(ok("oo!"), "oo");
    assert_eq!(ok("oo^oo"), "oo");
    assert_eq!(ok("gamma(oo)"), "oo");
    assert_eq!(ok("(-oo)^(1/3)"), "-oo");
    assert_eq!(
        err("(-oo)^(1/2)"),
        "error: (-oo)^(1/2) is not a real number (an even root of a negative quantity)
  ┌─ <test>:1:1
  │
1 │ (-oo)^(1/2)
  │ ^^^^^^^^^^^ here

"
    );
    assert_eq!(
        err("sin(oo)"),
        "error: sin(oo) is undefined (sin oscillates without a limit at oo)
  ┌─ <test>:1:1
  │
1 │ sin(oo)
  │ ^^^^^^^ here

"
    );
    assert!(err("cos(-oo)").starts_with("error: cos(-oo) is undefined"));
    assert!(err("(-oo)!").starts_with("error: (-oo)! is undefined"));
}

#[test]
fn a_sum_through_a_pole_of_its_term_names_the_index_under_the_term() {
    assert_eq!(
        err("sum(1/n, n, -oo, oo)"),
        "error: the term is undefined at n = 0, inside the range of the sum
  ┌─ <test>:1:5
  │
1 │ sum(1/n, n, -oo, oo)
  │     ^^^ division by zero at n = 0
  │
  = help: start the sum past n = 0, or split the range around it

"
    );
    assert_eq!(
        err("sum(1/(n^2-4), n, 1, oo)"),
        "error: the term is undefined at n = 2, inside the range of the sum
  ┌─ <test>:1:5
  │
1 │ sum(1/(n^2-4), n, 1, oo)
  │     ^^^^^^^^^ division by zero at n = 2
  │
  = help: start the sum past n = 2, or split the range around it

"
    );
    // Past the pole the sum is summed; a pole below the range does not matter.
    assert_eq!(ok("sum(1/(n^2-4), n, 3, oo)"), "25/48");
    assert!(err("sum(2^n/(n-5), n, 0, 10)").contains("undefined at n = 5"));
    assert!(err("sum(1/(k*(k-3)), k, 1, 10)").contains("undefined at k = 3"));
}

#[test]
fn sec_names_its_pole() {
    assert_eq!(
        err("sec(pi/2)"),
        "error: sec is undefined at pi/2 (a pole: cos is 0 there)
  ┌─ <test>:1:1
  │
1 │ sec(pi/2)
  │ ^^^^^^^^^ here

"
    );
    assert_eq!(ok("sec(pi/3)"), "2");
}

#[test]
fn chained_assignment_is_refused_but_a_bracketed_relation_binds() {
    assert_eq!(
        err("a = b = 3"),
        "error: a chained assignment binds a relation
  ┌─ <test>:1:5
  │
1 │ a = b = 3
  │     ^^^^^ this `=` compares; it does not assign
  │
  = help: to give both names a value write `b = …; a = b`; to bind the relation itself write `a = (…)`

"
    );
    assert_eq!(ok("r = (x = 3)"), "x = 3");
    assert_eq!(ok("r = x < 3"), "x < 3");
}

#[test]
fn dividing_by_an_approximation_of_zero_says_so_at_the_divisor() {
    assert_eq!(ok("N(pi) - pi"), "≈ 0");
    assert_eq!(
        err("1/(N(pi) - pi)"),
        "error: division by an approximation indistinguishable from 0 at 15 digits
  ┌─ <test>:1:3
  │
1 │ 1/(N(pi) - pi)
  │   ^^^^^^^^^^^^ exactly 0: an approximation keeps its exact value
  │
  = note: an approximation keeps the exact value it stands for (N(pi) is π, shown to 15 digits), so N(pi) - pi is exactly 0, not a rounding error
  = help: for the rounding error of a decimal, write the decimal: 3.14159265358979 - pi

"
    );
    assert_eq!(ok("N(pi) - 3.14159265358979"), "≈ 3.23846264338328e-15");
    assert_eq!(ok("1/(N(pi) - 3.14159265358979)"), "≈ 308788493220129");
}

#[test]
fn invisible_characters_are_named_under_a_visible_caret() {
    assert_eq!(
        err("1\u{200b}+2"),
        "error: expected an operator or the end of the statement, found U+200B ZERO WIDTH SPACE
  ┌─ <test>:1:2
  │
1 │ 1\u{fffd}+2
  │  ^ unexpected U+200B ZERO WIDTH SPACE
  │
  = help: an invisible or control character, probably pasted in: delete it (or type a plain space)

"
    );
    for (text, name) in [
        ("1 \u{202e}+ 2", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("1+\u{7f}2", "U+007F DELETE"),
        ("1+\u{0}2", "U+0000 NULL"),
        ("x\u{a0}+ 1", "U+00A0 NO-BREAK SPACE"),
    ] {
        let e = err(text);
        assert!(e.contains(&format!("found {name}\n")), "{e}");
        assert!(e.contains(&format!("^ unexpected {name}\n")), "{e}");
    }
}

#[cfg(feature = "cli")]
#[test]
fn a_write_to_a_full_device_fails_the_run() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full opens");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sigma"))
        .args(["-e", "1"])
        .stdout(full)
        .output()
        .expect("sigma runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: cannot write the output: No space left on device (os error 28)\n"
    );
}
