//! The argument kinds builtins declare: orders, bound variables, sums, test names and the one
//! arity message, each checked where the declaration says (at check time for what is read
//! from the text, with the caret on the offending argument).

use sigma::builtins::{self, args};
use sigma::source::Span;
use sigma::{Diagnostic, Outcome, Session};

/// The single error of running `src`, with the outcomes printed before it.
fn error(src: &str) -> (Vec<Outcome>, Diagnostic) {
    match Session::new().run_collect("args.sigma", src) {
        Ok(out) => panic!("{src} must fail, but gave {} outcomes", out.len()),
        Err((out, mut d)) => {
            assert_eq!(d.len(), 1, "{src}: {d:?}");
            (out, d.remove(0))
        }
    }
}

/// The source text under the caret of `d`.
fn caret<'s>(src: &'s str, d: &Diagnostic) -> &'s str {
    let span = d.span.expect("the error points at the source");
    &src[span.start..span.end]
}

/// The value `src` prints last, as text.
fn value(src: &str) -> String {
    let out = Session::new()
        .run_collect("args.sigma", src)
        .unwrap_or_else(|(_, d)| panic!("{src} fails: {d:?}"));
    sigma::Format::Text.render(out.last().expect("an outcome"), false)
}

#[test]
fn an_order_must_be_a_non_negative_integer_with_the_caret_on_it() {
    for (src, arg, shown, what) in [
        (
            "diff(x^2, x, -1)",
            "-1",
            "-1",
            "the order of the derivative",
        ),
        ("maclaurin(exp(x), x, 1.5)", "1.5", "3/2", "the order"),
        ("taylor(exp(x), x, 1, 1/2)", "1/2", "1/2", "the order"),
        (
            "partial_sums(sum(1/2^n, n, 1, oo), -1)",
            "-1",
            "-1",
            "the number of partial sums",
        ),
        ("N(pi, 1.5)", "1.5", "3/2", "the number of digits"),
        (
            "lagrange_bound(ln(1 + x), x, 0, y, 1/5)",
            "y",
            "y",
            "the degree",
        ),
    ] {
        let (_, d) = error(src);
        assert_eq!(
            d.message,
            format!("{what} must be a non-negative integer"),
            "{src}"
        );
        assert_eq!(d.label, format!("this is {shown}"), "{src}");
        assert_eq!(caret(src, &d), arg, "{src}");
    }
}

#[test]
fn an_order_above_its_declared_maximum_is_too_large() {
    let src = "diff(x^2, x, 100001)";
    let (_, d) = error(src);
    assert_eq!(
        d.message,
        "the order of the derivative 100001 is too large (at most 100000)"
    );
    assert_eq!(caret(src, &d), "100001");
    assert_eq!(value("diff(x^3, x, 2)"), "6*x");
    assert_eq!(value("diff(x^3, x)"), "3*x^2");
}

#[test]
fn a_bound_variable_that_is_not_a_name_is_rejected_at_check_time() {
    for (stmt, arg, what) in [
        ("sum(1/n, 2, 1, 3)", "2", "the summation index"),
        (
            "limit(1/n, n + 1, oo)",
            "n + 1",
            "the index of the sequence",
        ),
        (
            "integrate(t, pi, 0, 1)",
            "pi",
            "the variable of integration",
        ),
        ("radius(1/(1 - x), sin)", "sin", "the series variable"),
        ("term(exp(x), x, 2*n)", "2*n", "the index"),
        (
            "converges(sum(1/n^2, e, 1, oo))",
            "e",
            "the summation index",
        ),
    ] {
        let src = format!("1 + 1\n{stmt}");
        let (before, d) = error(&src);
        assert!(before.is_empty(), "{stmt}: reported before evaluation");
        assert_eq!(
            d.message,
            format!("{what} must be a variable name"),
            "{stmt}"
        );
        assert_eq!(d.label, "not a variable", "{stmt}");
        assert_eq!(caret(&src, &d), arg, "{stmt}");
    }
}

#[test]
fn a_function_of_the_user_cannot_be_a_bound_variable() {
    let src = "f(x) = x^2\ndiff(x, f)";
    let (before, d) = error(src);
    assert!(before.is_empty());
    assert_eq!(
        d.message,
        "the variable of differentiation must be a variable name"
    );
    assert_eq!(caret(src, &d), "f");
}

#[test]
fn a_bound_variable_is_free_in_the_arguments_it_binds_over() {
    // The scope's n and x do not reach inside the command that binds them…
    assert_eq!(value("n = 5\nsum(1/n, n, 1, 3)"), "11/6");
    assert_eq!(value("x = 3\nradius(sum(x^n/n, n, 1, oo), x)"), "1");
    assert_eq!(value("x = 2\ndiff(x^2, x)"), "2*x");
    // …but do reach the arguments it does not bind over.
    assert_eq!(
        value("a = 2\ntaylor(exp(x), x, a, 1)"),
        "exp(2) + (x - 2)*exp(2) + O((x - 2)^2)"
    );
}

#[test]
fn a_bound_variable_called_like_a_function_is_named_as_such() {
    let src = "sum(n(1), n, 1, 5)";
    let (_, d) = error(src);
    assert_eq!(
        d.message,
        "`n` is the variable bound by sum, not a function"
    );
    assert_eq!(d.help.as_deref(), Some("for a product write `n*(…)`"));
    assert_eq!(caret(src, &d), "n");
    // Outside the bound argument it is an unknown function as before.
    let (_, d) = error("sum(1/n, n, 1, n(1))");
    assert_eq!(d.message, "unknown function `n`");
}

#[test]
fn a_test_name_is_checked_against_the_declared_choices_at_check_time() {
    let src = "1 + 1\ntest(sum(1/n^2, n, 1, oo), foo)";
    let (before, d) = error(src);
    assert!(before.is_empty());
    assert_eq!(d.message, "unknown test `foo`");
    assert_eq!(caret(src, &d), "foo");
    assert!(d.help.as_deref().is_some_and(|h| h.contains("ratio")));
    let (_, d) = error("test(sum(1/n^2, n, 1, oo), 3)");
    assert_eq!(d.message, "the test is named by a word");
    assert_eq!(
        value("test(sum(1/n^2, n, 1, oo), ratio)"),
        "ratio test: L = 1, inconclusive"
    );
}

#[test]
fn a_sum_argument_is_read_without_summing_it() {
    // A literal sum and a sum held by a name reach converges unsummed.
    assert!(value("converges(sum(1/n^2, n, 1, oo))").starts_with("converges absolutely"));
    assert!(
        value("s = sum(1/(n^3 + 1), n, 1, oo)\nconverges(s)").starts_with("converges absolutely")
    );
    let src = "converges(1/n)";
    let (_, d) = error(src);
    assert_eq!(d.message, "converges needs an infinite sum or product");
    assert_eq!(caret(src, &d), "1/n");
    // The term of a literal sum is checked as the term of `sum` itself.
    let src = "converges(sum(1/n, n, n, oo))";
    let (_, d) = error(src);
    assert_eq!(
        d.message,
        "the bounds of a sum cannot depend on its index `n`"
    );
    assert_eq!(caret(src, &d), "sum(1/n, n, n, oo)");
}

#[test]
fn an_expression_argument_names_what_it_expected() {
    let src = "subs(x, x, [1, 2])";
    let (_, d) = error(src);
    assert_eq!(
        d.message,
        "expected a number or expression here, found a vector"
    );
    assert_eq!(caret(src, &d), "[1, 2]");
    // Under a bound variable the argument is a function of it: an expression.
    let src = "subs([x], x, 1)";
    let (_, d) = error(src);
    assert_eq!(d.message, "expected an expression here, found a vector");
    assert_eq!(caret(src, &d), "[x]");
}

#[test]
fn the_arity_message_comes_from_the_declaration() {
    let span = Span::new(0, 0, 1);
    let message = |name: &str, got: usize| {
        let b = builtins::lookup(name).expect("a builtin");
        match args::form_for(b, got, span) {
            Ok(_) => String::new(),
            Err(e) => format!(
                "{} | {} | {}",
                e.message,
                e.label,
                e.help.unwrap_or_default()
            ),
        }
    };
    assert_eq!(
        message("sin", 2),
        "sin takes 1 argument, got 2 | wrong number of arguments | usage: sin(x)"
    );
    assert_eq!(
        message("diff", 1),
        "diff takes 2 to 3 arguments, got 1 | wrong number of arguments | usage: diff(f, x) or diff(f, x, k)"
    );
    // Two forms with a gap between them: the counts are listed, not given as a range.
    assert_eq!(
        message("terms_needed", 3),
        "terms_needed takes 2 or 5 arguments, got 3 | wrong number of arguments | usage: terms_needed(sum(a, n, n0, oo), eps) or terms_needed(f, x, a, x0, eps)"
    );
    for (name, got) in [
        ("diff", 2),
        ("diff", 3),
        ("terms_needed", 2),
        ("terms_needed", 5),
        ("N", 1),
        ("binomial", 2),
    ] {
        assert_eq!(message(name, got), "", "{name} with {got}");
    }
    // The same message at check time, with the caret on the call.
    let src = "1 + 1\nterms_needed(1, x, 0)";
    let (before, d) = error(src);
    assert!(before.is_empty());
    assert_eq!(d.message, "terms_needed takes 2 or 5 arguments, got 3");
    assert_eq!(caret(src, &d), "terms_needed(1, x, 0)");
}
