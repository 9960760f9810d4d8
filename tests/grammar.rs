//! Tests for the grammar (`grammar/sigma.pest`), the pairs → AST conversion in
//! `sigma::syntax::parser`, parse-error messages, and the diagnostics renderer.

use pest::{consumes_to, fails_with, parses_to, Parser};
use proptest::prelude::*;
use sigma::diagnostics::{line_col, render, render_all, Diagnostic};
use sigma::source::{SourceMap, Span};
use sigma::syntax::ast::{BinaryOp, CmpOp, Expr, ExprKind, IndexKind, Program, StmtKind, UnaryOp};
use sigma::syntax::parser::{Rule, SigmaParser};
use sigma::syntax::{is_incomplete, parse_program};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn parse(text: &str) -> Program {
    match parse_program(text, 0) {
        Ok(p) => p,
        Err(d) => panic!("{text:?} failed to parse: {}", d.message),
    }
}

fn parse_err(text: &str) -> Diagnostic {
    match parse_program(text, 0) {
        Ok(p) => panic!("{text:?} parsed unexpectedly: {p:?}"),
        Err(d) => d,
    }
}

/// The single expression statement of `text`.
fn expr(text: &str) -> Expr {
    let program = parse(text);
    assert_eq!(program.stmts.len(), 1, "{text:?}: {program:?}");
    match program.stmts.into_iter().next().map(|s| s.kind) {
        Some(StmtKind::Expr(e)) => e,
        other => panic!("{text:?}: not an expression statement: {other:?}"),
    }
}

/// A compact, span-free rendering of an expression to assert tree shapes.
fn sexp(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Number(n) => n.clone(),
        ExprKind::Ident(n) => n.clone(),
        ExprKind::Call { name, args } => {
            let args: Vec<String> = args.iter().map(sexp).collect();
            format!("{}({})", name.name, args.join(", "))
        }
        ExprKind::Unary { op, expr } => {
            let op = match op {
                UnaryOp::Neg => "neg",
                UnaryOp::Not => "not",
            };
            format!("({op} {})", sexp(expr))
        }
        ExprKind::Binary { op, lhs, rhs } => {
            let op = match op {
                BinaryOp::Add => "+",
                BinaryOp::Sub => "-",
                BinaryOp::Mul => "*",
                BinaryOp::Div => "/",
                BinaryOp::Pow => "^",
                BinaryOp::And => "and",
                BinaryOp::Or => "or",
            };
            format!("({op} {} {})", sexp(lhs), sexp(rhs))
        }
        ExprKind::Factorial(x) => format!("(! {})", sexp(x)),
        ExprKind::Comprehension { body, var, iter } => {
            format!("(for {} {} {})", var.name, sexp(iter), sexp(body))
        }
        ExprKind::Compare { operands, ops } => {
            let mut out = format!("(cmp {}", sexp(&operands[0]));
            for (op, operand) in ops.iter().zip(&operands[1..]) {
                let op = match op {
                    CmpOp::Lt => "<",
                    CmpOp::Le => "<=",
                    CmpOp::Gt => ">",
                    CmpOp::Ge => ">=",
                    CmpOp::Eq => "=",
                    CmpOp::Ne => "!=",
                };
                out += &format!(" {op} {}", sexp(operand));
            }
            out + ")"
        }
        ExprKind::List(items) => {
            let items: Vec<String> = items.iter().map(sexp).collect();
            format!("[{}]", items.join(", "))
        }
        ExprKind::Paren(x) => format!("(paren {})", sexp(x)),
        ExprKind::Index { base, items } => {
            let part = |p: &Option<Expr>| p.as_ref().map_or(String::new(), sexp);
            let items: Vec<String> = items
                .iter()
                .map(|i| match &i.kind {
                    IndexKind::At(x) => sexp(x),
                    IndexKind::Slice { start, stop, step } => {
                        format!("{}:{}:{}", part(start), part(stop), part(step))
                    }
                })
                .collect();
            format!("(idx {} {})", sexp(base), items.join(", "))
        }
    }
}

fn shape(text: &str) -> String {
    sexp(&expr(text))
}

/// Whether `rule` matches all of `input`.
fn full_match(rule: Rule, input: &str) -> bool {
    match SigmaParser::parse(rule, input) {
        Ok(mut pairs) => pairs
            .next()
            .is_some_and(|p| p.as_span().end() == input.len()),
        Err(_) => false,
    }
}

/// Every expression node's span must slice to text that starts and ends without spaces
/// and, for leaves, equals the literal.
fn check_spans(text: &str, e: &Expr) {
    let slice = &text[e.span.start..e.span.end];
    assert_eq!(slice, slice.trim(), "span of {e:?} has surrounding blanks");
    match &e.kind {
        ExprKind::Number(n) | ExprKind::Ident(n) => assert_eq!(slice, n),
        ExprKind::Call { name, args } => {
            assert_eq!(&text[name.span.start..name.span.end], name.name);
            assert!(slice.ends_with(')'));
            args.iter().for_each(|a| check_spans(text, a));
        }
        ExprKind::Unary { expr, .. } | ExprKind::Factorial(expr) | ExprKind::Paren(expr) => {
            assert!(e.span.start <= expr.span.start && expr.span.end <= e.span.end);
            check_spans(text, expr);
        }
        ExprKind::Binary { lhs, rhs, .. } => {
            assert_eq!(e.span.start, lhs.span.start);
            assert_eq!(e.span.end, rhs.span.end);
            check_spans(text, lhs);
            check_spans(text, rhs);
        }
        ExprKind::Compare { operands, .. } => {
            assert_eq!(e.span.start, operands[0].span.start);
            assert_eq!(e.span.end, operands[operands.len() - 1].span.end);
            operands.iter().for_each(|o| check_spans(text, o));
        }
        ExprKind::List(items) => {
            assert!(slice.starts_with('[') && slice.ends_with(']'));
            items.iter().for_each(|i| check_spans(text, i));
        }
        ExprKind::Comprehension { body, var, iter } => {
            assert_eq!(e.span.start, body.span.start);
            assert_eq!(e.span.end, iter.span.end);
            assert_eq!(&text[var.span.start..var.span.end], var.name);
            check_spans(text, body);
            check_spans(text, iter);
        }
        ExprKind::Index { base, items } => {
            assert_eq!(e.span.start, base.span.start);
            assert!(slice.ends_with(']'));
            check_spans(text, base);
            for item in items {
                let s = &text[item.span.start..item.span.end];
                assert_eq!(s, s.trim(), "index item span has surrounding blanks");
                item.exprs().for_each(|x| check_spans(text, x));
            }
        }
    }
}

/// Renders `diag` against `text` registered as `input`.
fn rendered(text: &str, diag: &Diagnostic) -> String {
    let mut sources = SourceMap::default();
    sources.add("input", text);
    render(diag, &sources, false)
}

/// The (line, column) of an error's span in `text`.
fn error_at(text: &str, diag: &Diagnostic) -> (usize, usize) {
    let mut sources = SourceMap::default();
    sources.add("input", text);
    line_col(&sources, diag.span.expect("error has a span")).expect("span is valid")
}

// ---------------------------------------------------------------------------------------
// Token rules
// ---------------------------------------------------------------------------------------

#[test]
fn rule_number_accepts_all_literal_forms() {
    for n in [
        "42", "0", "0.95", ".5", "3.", "1e-8", "2.5E+3", "1E5", "6.02e23", "3.e2",
    ] {
        assert!(full_match(Rule::number, n), "{n}");
    }
    for bad in ["", ".", "e5", "-1", "+1"] {
        assert!(!full_match(Rule::number, bad), "{bad}");
    }
}

#[test]
fn rule_number_exponent_needs_digits() {
    // `2e` and `2e+` are the number `2` followed by something else.
    for input in ["2e", "2e+", "2E-x"] {
        let pair = SigmaParser::parse(Rule::number, input)
            .expect("number")
            .next()
            .expect("pair");
        assert_eq!(pair.as_str(), "2", "{input}");
    }
}

#[test]
fn rule_ident_accepts_unicode_and_subscripts() {
    for name in [
        "x", "λ", "σ", "α_1", "x0", "x₁", "a₁₂", "_tmp", "android", "order", "nothing", "pi",
    ] {
        assert!(full_match(Rule::ident, name), "{name}");
    }
}

#[test]
fn rule_ident_rejects_keywords_and_bad_starts() {
    for bad in ["and", "or", "not", "for", "in", "1x", "₁", "", "\u{301}x"] {
        assert!(!full_match(Rule::ident, bad), "{bad:?}");
    }
    fails_with! {
        parser: SigmaParser,
        input: "and",
        rule: Rule::ident,
        positives: vec![Rule::ident],
        negatives: vec![],
        pos: 0
    };
}

#[test]
fn rule_keywords_need_word_boundaries() {
    assert!(full_match(Rule::and_op, "and"));
    assert!(full_match(Rule::or_op, "or"));
    assert!(full_match(Rule::not_op, "not"));
    assert!(SigmaParser::parse(Rule::and_op, "android").is_err());
    assert!(SigmaParser::parse(Rule::or_op, "order").is_err());
    assert!(SigmaParser::parse(Rule::not_op, "nothing").is_err());
    assert!(SigmaParser::parse(Rule::or_op, "or₁").is_err());
}

#[test]
fn families_parse_as_comprehensions_in_calls_and_lists() {
    let e = expr("all(s^2 >= 4/5 for s in [10, 8])");
    assert_eq!(sexp(&e), "all((for s [10, 8] (cmp (^ s 2) >= (/ 4 5))))");
    check_spans("all(s^2 >= 4/5 for s in [10, 8])", &e);
    let l = expr("[k^2 for k in v]");
    assert_eq!(sexp(&l), "[(for k v (^ k 2))]");
    // Names that merely start with the keywords stay names.
    assert_eq!(sexp(&expr("format + index")), "(+ format index)");
    assert!(parse_program("all(x for in [1])", 0).is_err());
}

#[test]
fn rule_operators_accept_their_spellings() {
    let cases: &[(Rule, &[&str])] = &[
        (Rule::add, &["+"]),
        (Rule::sub, &["-"]),
        (Rule::mul, &["*"]),
        (Rule::div, &["/"]),
        (Rule::pow, &["^", "**"]),
        (Rule::lt, &["<"]),
        (Rule::le, &["<=", "≤"]),
        (Rule::gt, &[">"]),
        (Rule::ge, &[">=", "≥"]),
        (Rule::eq, &["=", "=="]),
        (Rule::ne, &["!=", "≠"]),
        (Rule::neg, &["-"]),
        (Rule::pos, &["+"]),
        (Rule::fact, &["!"]),
        (Rule::lparen, &["("]),
        (Rule::rparen, &[")"]),
        (Rule::lbracket, &["["]),
        (Rule::rbracket, &["]"]),
        (Rule::comma, &[","]),
        (Rule::semicolon, &[";"]),
        (Rule::line_break, &["\n", "\r\n"]),
        (Rule::assign_op, &["="]),
    ];
    for (rule, spellings) in cases {
        for s in *spellings {
            assert!(full_match(*rule, s), "{rule:?} {s:?}");
        }
    }
}

#[test]
fn rule_fact_and_assign_op_do_not_eat_comparisons() {
    assert!(SigmaParser::parse(Rule::fact, "!=").is_err());
    assert!(SigmaParser::parse(Rule::assign_op, "==").is_err());
}

#[test]
fn rule_infix_wraps_one_operator() {
    parses_to! {
        parser: SigmaParser,
        input: "**",
        rule: Rule::infix,
        tokens: [infix(0, 2, [pow(0, 2)])]
    };
    parses_to! {
        parser: SigmaParser,
        input: "<=",
        rule: Rule::infix,
        tokens: [infix(0, 2, [le(0, 2)])]
    };
}

#[test]
fn rule_term_implicit_product() {
    parses_to! {
        parser: SigmaParser,
        input: "2x",
        rule: Rule::term,
        tokens: [term(0, 2, [number(0, 1), implicit_mul(1, 1), ident(1, 2)])]
    };
    parses_to! {
        parser: SigmaParser,
        input: "-3 λ!",
        rule: Rule::term,
        tokens: [term(0, 6, [neg(0, 1), number(1, 2), implicit_mul(3, 3), ident(3, 5), fact(5, 6)])]
    };
}

#[test]
fn rule_call_paren_list() {
    parses_to! {
        parser: SigmaParser,
        input: "f(1, x)",
        rule: Rule::call,
        tokens: [call(0, 7, [
            ident(0, 1), lparen(1, 2),
            expr(2, 3, [term(2, 3, [number(2, 3)])]),
            comma(3, 4),
            expr(5, 6, [term(5, 6, [ident(5, 6)])]),
            rparen(6, 7)
        ])]
    };
    assert!(full_match(Rule::call, "f()"));
    assert!(full_match(Rule::call, "f(1,)"));
    assert!(full_match(Rule::paren, "( 1 + 2 )"));
    assert!(!full_match(Rule::paren, "()"));
    assert!(full_match(Rule::list, "[]"));
    assert!(full_match(Rule::list, "[1, 2,]"));
    assert!(full_match(Rule::list, "[[1, 2], [3, 4]]"));
    assert!(!full_match(Rule::list, "[,]"));
}

#[test]
fn rule_expr_is_a_flat_sequence() {
    parses_to! {
        parser: SigmaParser,
        input: "not a and b",
        rule: Rule::expr,
        tokens: [expr(0, 11, [
            // Pest rule spans may include trailing blanks (`term(4, 6)`); the AST does not.
            not_op(0, 3), term(4, 6, [ident(4, 5)]), and_op(6, 9), term(10, 11, [ident(10, 11)])
        ])]
    };
}

#[test]
fn rule_heading_and_statements() {
    parses_to! {
        parser: SigmaParser,
        input: "## Part A",
        rule: Rule::heading,
        tokens: [heading(0, 9, [heading_text(2, 9)])]
    };
    assert!(full_match(Rule::fundef, "f(x, y) = x"));
    assert!(full_match(Rule::fundef, "g() = 1"));
    assert!(!full_match(Rule::fundef, "f(1) = 3"));
    assert!(full_match(Rule::assign, "x = 1"));
    assert!(!full_match(Rule::assign, "x == 1"));
    assert!(full_match(Rule::statements, "a = 1; b = 2 ;; c # note"));
}

#[test]
fn rule_program_structure() {
    for ok in [
        "",
        "\n\n",
        "1",
        "# only a comment",
        "  ## indented heading\n1",
        "a = 1 ## trailing comment, not a heading",
        "#' prose\n  #' indented prose\n1 #' a comment",
        "1;\n;2\r\n3",
    ] {
        assert!(full_match(Rule::program, ok), "{ok:?}");
    }
    // Without the pre-pass, a line break inside brackets ends the line.
    assert!(SigmaParser::parse(Rule::program, "f(1,\n2)").is_err());
}

// ---------------------------------------------------------------------------------------
// Precedence and associativity
// ---------------------------------------------------------------------------------------

#[test]
fn precedence_of_unary_minus_power_and_factorial() {
    assert_eq!(shape("-x^2"), "(neg (^ x 2))");
    assert_eq!(shape("-2^2"), "(neg (^ 2 2))");
    assert_eq!(shape("2^3^2"), "(^ 2 (^ 3 2))");
    assert_eq!(shape("2**3**2"), "(^ 2 (^ 3 2))");
    assert_eq!(shape("2^-1"), "(^ 2 (neg 1))");
    assert_eq!(shape("2^-x^2"), "(^ 2 (neg (^ x 2)))");
    assert_eq!(shape("n!^2"), "(^ (! n) 2)");
    assert_eq!(shape("x^2!"), "(^ x (! 2))");
    assert_eq!(shape("-x!"), "(neg (! x))");
    assert_eq!(shape("n!!"), "(! (! n))");
    assert_eq!(shape("- - x"), "(neg (neg x))");
}

#[test]
fn precedence_of_arithmetic() {
    assert_eq!(shape("a - b - c"), "(- (- a b) c)");
    assert_eq!(shape("a / b / c"), "(/ (/ a b) c)");
    assert_eq!(shape("1 + 2 * 3"), "(+ 1 (* 2 3))");
    assert_eq!(shape("-a * b"), "(* (neg a) b)");
    assert_eq!(shape("1 - -2"), "(- 1 (neg 2))");
    assert_eq!(shape("+x"), "x");
    assert_eq!(shape("1 ++ 2"), "(+ 1 2)");
    assert_eq!(shape("(1 + 2) * 3"), "(* (paren (+ 1 2)) 3)");
}

#[test]
fn implicit_products() {
    assert_eq!(shape("2x"), "(* 2 x)");
    assert_eq!(shape("3λ"), "(* 3 λ)");
    assert_eq!(shape("2pi"), "(* 2 pi)");
    assert_eq!(shape("2 x"), "(* 2 x)");
    assert_eq!(shape("2sin(x)"), "(* 2 sin(x))");
    assert_eq!(shape("2(x+1)"), "(* 2 (paren (+ x 1)))");
    assert_eq!(shape("2x^2"), "(* 2 (^ x 2))");
    assert_eq!(shape("1/2x"), "(* (/ 1 2) x)");
    assert_eq!(shape("2x!"), "(* 2 (! x))");
    assert_eq!(shape("2e"), "(* 2 e)");
    assert_eq!(shape("2e5x"), "(* 2e5 x)");
    assert_eq!(shape("-2x"), "(* (neg 2) x)");
    assert_eq!(shape("2and x"), "(and 2 x)");
    assert_eq!(shape("x₁ + 2x₂"), "(+ x₁ (* 2 x₂))");
}

#[test]
fn implicit_product_spans() {
    let e = expr("2x^2");
    assert_eq!((e.span.start, e.span.end), (0, 4));
    let ExprKind::Binary { op, lhs, rhs } = &e.kind else {
        panic!("{e:?}")
    };
    assert_eq!(*op, BinaryOp::Mul);
    assert_eq!((lhs.span.start, lhs.span.end), (0, 1));
    assert_eq!((rhs.span.start, rhs.span.end), (1, 4));
}

#[test]
fn logic_and_comparisons() {
    assert_eq!(shape("a < b <= c"), "(cmp a < b <= c)");
    assert_eq!(shape("a < (b < c)"), "(cmp a < (paren (cmp b < c)))");
    assert_eq!(shape("(a < b) < c"), "(cmp (paren (cmp a < b)) < c)");
    assert_eq!(shape("x == 2"), "(cmp x = 2)");
    assert_eq!(shape("1 = 1"), "(cmp 1 = 1)");
    assert_eq!(
        shape("a ≤ b ≥ c ≠ d != e > f"),
        "(cmp a <= b >= c != d != e > f)"
    );
    assert_eq!(shape("x != 2!"), "(cmp x != (! 2))");
    assert_eq!(shape("x! = 2"), "(cmp (! x) = 2)");
    assert_eq!(shape("a + 1 < b * 2"), "(cmp (+ a 1) < (* b 2))");
    assert_eq!(shape("not a < b"), "(not (cmp a < b))");
    assert_eq!(
        shape("not a and b or c and d"),
        "(or (and (not a) b) (and c d))"
    );
    assert_eq!(shape("a or b or c"), "(or (or a b) c)");
    assert_eq!(shape("not not x"), "(not (not x))");
    assert_eq!(shape("android + order"), "(+ android order)");
}

#[test]
fn comparison_chain_is_one_node_with_all_operands() {
    let e = expr("0 < x <= 1 < y");
    let ExprKind::Compare { operands, ops } = &e.kind else {
        panic!("{e:?}")
    };
    assert_eq!(operands.len(), 4);
    assert_eq!(ops, &[CmpOp::Lt, CmpOp::Le, CmpOp::Lt]);
    assert_eq!((e.span.start, e.span.end), (0, 14));
}

#[test]
fn numbers_are_kept_as_text() {
    assert_eq!(expr("1e-8").kind, ExprKind::Number("1e-8".into()));
    assert_eq!(expr("2.5E+3").kind, ExprKind::Number("2.5E+3".into()));
    assert_eq!(expr(".5").kind, ExprKind::Number(".5".into()));
    assert_eq!(expr("3.").kind, ExprKind::Number("3.".into()));
    assert_eq!(expr("0.95").kind, ExprKind::Number("0.95".into()));
    assert_eq!(
        expr("123456789012345678901234567890").kind,
        ExprKind::Number("123456789012345678901234567890".into())
    );
}

#[test]
fn calls_and_lists() {
    assert_eq!(shape("f()"), "f()");
    assert_eq!(shape("f(1, x + 2,)"), "f(1, (+ x 2))");
    assert_eq!(shape("f (x)"), "f(x)");
    assert_eq!(shape("[]"), "[]");
    assert_eq!(shape("[1, 2,]"), "[1, 2]");
    assert_eq!(shape("[[1,2],[3,4]]"), "[[1, 2], [3, 4]]");
    assert_eq!(shape("sum(k^2, k, 1, n)"), "sum((^ k 2), k, 1, n)");
    assert_eq!(shape("f(g(x))!"), "(! f(g(x)))");
}

// ---------------------------------------------------------------------------------------
// Statements and program structure
// ---------------------------------------------------------------------------------------

#[test]
fn statement_kinds() {
    let p = parse("f(x, y) = x + y\nz = 2\nf(1) = 3\nx == 2\nx = y = 1\ng() = 1");
    assert_eq!(p.stmts.len(), 6);
    match &p.stmts[0].kind {
        StmtKind::FunDef { name, params, body } => {
            assert_eq!(name.name, "f");
            let names: Vec<&str> = params.iter().map(|p| p.name.as_str()).collect();
            assert_eq!(names, ["x", "y"]);
            assert_eq!(sexp(body), "(+ x y)");
        }
        other => panic!("{other:?}"),
    }
    match &p.stmts[1].kind {
        StmtKind::Assign { name, value } => {
            assert_eq!(name.name, "z");
            assert_eq!(value.kind, ExprKind::Number("2".into()));
        }
        other => panic!("{other:?}"),
    }
    match &p.stmts[2].kind {
        StmtKind::Expr(e) => assert_eq!(sexp(e), "(cmp f(1) = 3)"),
        other => panic!("{other:?}"),
    }
    match &p.stmts[3].kind {
        StmtKind::Expr(e) => assert_eq!(sexp(e), "(cmp x = 2)"),
        other => panic!("{other:?}"),
    }
    match &p.stmts[4].kind {
        StmtKind::Assign { name, value } => {
            assert_eq!(name.name, "x");
            assert_eq!(sexp(value), "(cmp y = 1)");
        }
        other => panic!("{other:?}"),
    }
    match &p.stmts[5].kind {
        StmtKind::FunDef { params, .. } => assert!(params.is_empty()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn separators_blank_lines_and_empty_statements() {
    let p = parse("a = 1; b = 2\n c");
    assert_eq!(p.stmts.len(), 3);
    assert!(matches!(&p.stmts[2].kind, StmtKind::Expr(e) if e.kind == ExprKind::Ident("c".into())));

    let p = parse("\n\n;;1;;\n\n  \n2;\n");
    assert_eq!(p.stmts.len(), 2);
    assert!(parse("").stmts.is_empty());
    assert!(parse("   \n\t\n").stmts.is_empty());
    assert_eq!(parse("1\r\n2\r\n").stmts.len(), 2);
}

#[test]
fn headings_and_comments() {
    let p = parse(
        "## Part A  \n# a comment\nx = 1 # trailing\n  ##   Part B: sums\n2 ## not a heading",
    );
    let kinds: Vec<&StmtKind> = p.stmts.iter().map(|s| &s.kind).collect();
    assert_eq!(kinds.len(), 4);
    assert_eq!(kinds[0], &StmtKind::Heading("Part A".into()));
    assert!(matches!(kinds[1], StmtKind::Assign { .. }));
    assert_eq!(kinds[2], &StmtKind::Heading("Part B: sums".into()));
    assert!(matches!(kinds[3], StmtKind::Expr(_)));
    // The heading statement's span covers the `##` line without trailing blanks.
    assert_eq!((p.stmts[0].span.start, p.stmts[0].span.end), (0, 9));
    assert_eq!(parse("##").stmts[0].kind, StmtKind::Heading(String::new()));
    assert_eq!(
        parse("## Part (A\r\n1").stmts[0].kind,
        StmtKind::Heading("Part (A".into())
    );
    assert_eq!(
        parse("### deeper").stmts[0].kind,
        StmtKind::Heading("# deeper".into())
    );
}

#[test]
fn prose_lines() {
    parses_to! {
        parser: SigmaParser,
        input: "#' Why",
        rule: Rule::prose,
        tokens: [prose(0, 6, [prose_text(2, 6)])]
    };
    let p = parse(
        "## B3(c) Keep 80%\n#' Each factor σ²/(σ² + λ) falls as λ grows.  \n# a comment\n  #'indented\nx = 1 #' a trailing comment\n#'",
    );
    let kinds: Vec<&StmtKind> = p.stmts.iter().map(|s| &s.kind).collect();
    assert_eq!(kinds.len(), 5, "{kinds:?}");
    assert_eq!(kinds[0], &StmtKind::Heading("B3(c) Keep 80%".into()));
    assert_eq!(
        kinds[1],
        &StmtKind::Prose("Each factor σ²/(σ² + λ) falls as λ grows.".into())
    );
    assert_eq!(kinds[2], &StmtKind::Prose("indented".into()));
    assert!(matches!(kinds[3], StmtKind::Assign { .. }));
    assert_eq!(kinds[4], &StmtKind::Prose(String::new()));
    // The span covers `#' …` without trailing blanks.
    let text = "  #' a line  \n1";
    let s = &parse(text).stmts[0];
    assert_eq!(&text[s.span.start..s.span.end], "#' a line");
    // Inside open brackets a `#'` is a comment, like any `#`.
    assert_eq!(
        parse("f(1,\n#' not prose inside brackets\n2)").stmts.len(),
        1
    );
    // A `#` not followed by `'` stays a comment; `# '` too.
    assert!(parse("# ' a comment\n#a comment").stmts.is_empty());
}

#[test]
fn implicit_line_joining_inside_brackets() {
    assert_eq!(shape("f(1,\n 2)"), "f(1, 2)");
    assert_eq!(shape("[[1,2],\n [3,4]]"), "[[1, 2], [3, 4]]");
    assert_eq!(shape("(1 +\n 2)"), "(paren (+ 1 2))");
    assert_eq!(
        shape("f(1, # first (with a bracket\n  2) # done"),
        "f(1, 2)"
    );
    assert_eq!(shape("[\r\n  1,\r\n  2,\r\n]"), "[1, 2]");
    assert_eq!(shape("(2\n x)"), "(paren (* 2 x))");
    let p = parse("f(1,\n## not a heading inside brackets\n2)\n3");
    assert_eq!(p.stmts.len(), 2);
}

#[test]
fn spans_point_into_the_original_text() {
    let text = "1 + foo(2)";
    let e = expr(text);
    let ExprKind::Binary { rhs, .. } = &e.kind else {
        panic!("{e:?}")
    };
    let ExprKind::Call { name, args } = &rhs.kind else {
        panic!("{rhs:?}")
    };
    assert_eq!((name.span.start, name.span.end), (4, 7));
    assert_eq!((rhs.span.start, rhs.span.end), (4, 10));
    assert_eq!((args[0].span.start, args[0].span.end), (8, 9));
    assert_eq!((e.span.start, e.span.end), (0, 10));
}

#[test]
fn spans_carry_the_source_id_and_skip_trailing_blanks() {
    let text = "x = -(a + 2) ^ 3!   # note\nf(t, u) = [t,\n  u]  ;  λ₁ ≤ 2";
    let p = parse_program(text, 7).expect("parses");
    assert_eq!(p.stmts.len(), 3);
    let slices: Vec<&str> = p
        .stmts
        .iter()
        .map(|s| &text[s.span.start..s.span.end])
        .collect();
    assert_eq!(
        slices,
        ["x = -(a + 2) ^ 3!", "f(t, u) = [t,\n  u]", "λ₁ ≤ 2"]
    );
    for stmt in &p.stmts {
        assert_eq!(stmt.span.source, 7);
        match &stmt.kind {
            StmtKind::Assign { name, value } => {
                assert_eq!(name.span, Span::new(7, 0, 1));
                assert_eq!(value.span.source, 7);
                check_spans(text, value);
            }
            StmtKind::FunDef { name, params, body } => {
                assert_eq!(&text[name.span.start..name.span.end], "f");
                assert_eq!(&text[params[1].span.start..params[1].span.end], "u");
                check_spans(text, body);
            }
            StmtKind::Expr(e) => check_spans(text, e),
            StmtKind::Heading(_) | StmtKind::Prose(_) => {}
        }
    }
}

// ---------------------------------------------------------------------------------------
// Error messages
// ---------------------------------------------------------------------------------------

#[test]
fn error_expected_expression_at_end_of_input() {
    let d = parse_err("1 +");
    assert_eq!(d.message, "expected an expression");
    assert_eq!(d.span, Some(Span::new(0, 3, 3)));
    assert_eq!(error_at("1 +", &d), (1, 4));
    let out = rendered("1 +", &d);
    assert!(out.contains("error: expected an expression"), "{out}");
    assert!(out.contains("input:1:4"), "{out}");
    assert!(
        out.contains("1 │ 1 +\n  │    ^ expected an expression"),
        "{out}"
    );
}

#[test]
fn error_juxtaposed_names_suggests_a_product() {
    let d = parse_err("x y");
    assert_eq!(
        d.message,
        "expected an operator or the end of the statement, found the name `y`"
    );
    assert_eq!(d.span, Some(Span::new(0, 2, 3)));
    assert_eq!(d.help.as_deref(), Some("write `x*y` for a product"));
    let out = rendered("x y", &d);
    assert!(out.contains("= help: write `x*y` for a product"), "{out}");
    assert!(out.contains("^ unexpected `y`"), "{out}");

    let d = parse_err("2x y");
    assert_eq!(d.help.as_deref(), Some("write `x*y` for a product"));
    let d = parse_err("2.5e3x y");
    assert_eq!(d.help.as_deref(), Some("write `x*y` for a product"));
    let d = parse_err("x 2.5e-3");
    assert_eq!(
        d.message,
        "expected an operator or the end of the statement, found the number `2.5e-3`"
    );
    assert_eq!(d.help.as_deref(), Some("write `x*2.5e-3` for a product"));
    let d = parse_err("x 2");
    assert_eq!(d.help.as_deref(), Some("write `x*2` for a product"));
    let d = parse_err("(x)(y)");
    assert_eq!(d.help.as_deref(), Some("use `*` for a product"));
}

#[test]
fn error_missing_operand_before_closing_bracket() {
    let d = parse_err("(1 + )");
    assert_eq!(d.message, "expected an expression, found `)`");
    assert_eq!(error_at("(1 + )", &d), (1, 6));
    assert_eq!(d.label, "unexpected `)`");
}

#[test]
fn error_inside_argument_lists() {
    let d = parse_err("f(1 2)");
    assert_eq!(
        d.message,
        "expected an operator, `,` or `)`, found the number `2`"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("separate items with `,`, or write `1*2` for a product")
    );
    let d = parse_err("[1 2]");
    assert_eq!(
        d.message,
        "expected an operator, `,` or `]`, found the number `2`"
    );
    let d = parse_err("f(1, $)");
    assert_eq!(d.message, "expected an expression or `)`, found `$`");
}

#[test]
fn error_unexpected_statement_start() {
    let d = parse_err("x = 1\n$");
    assert_eq!(d.message, "expected a statement, found `$`");
    assert_eq!(error_at("x = 1\n$", &d), (2, 1));
}

#[test]
fn error_unbalanced_brackets() {
    let d = parse_err(")");
    assert_eq!(d.message, "unexpected `)`");
    assert_eq!(d.label, "no matching `(`");
    assert_eq!(d.span, Some(Span::new(0, 0, 1)));

    let d = parse_err("x + 1]\ny");
    assert_eq!(d.message, "unexpected `]`");
    assert_eq!(error_at("x + 1]\ny", &d), (1, 6));

    let text = "y = 1\nf(1, (2 + 3)";
    let d = parse_err(text);
    assert_eq!(d.message, "unclosed `(`");
    assert_eq!(d.span, Some(Span::new(0, text.len(), text.len())));
    assert_eq!(
        d.help.as_deref(),
        Some("the `(` opened at line 2, column 2 is never closed")
    );
    let out = rendered(text, &d);
    assert!(out.contains("input:2:13"), "{out}");
    assert!(out.contains("2 │ f(1, (2 + 3)\n  │             ^"), "{out}");

    let d = parse_err("(1, 2]");
    assert_eq!(d.message, "mismatched closing bracket `]`");
    assert_eq!(d.label, "expected `)`");
    assert_eq!(error_at("(1, 2]", &d), (1, 6));
    assert!(d
        .help
        .as_deref()
        .is_some_and(|h| h.contains("line 1, column 1")));
}

#[test]
fn error_line_break_inside_unbracketed_expression() {
    let d = parse_err("a = 1\nb = 2 +\nc");
    assert_eq!(d.message, "expected an expression, found a line break");
    assert_eq!(error_at("a = 1\nb = 2 +\nc", &d), (2, 8));
    assert!(d.help.as_deref().is_some_and(|h| h.contains("brackets")));
    let out = rendered("a = 1\nb = 2 +\nc", &d);
    assert!(out.contains("2 │ b = 2 +\n  │        ^"), "{out}");
}

#[test]
fn error_keyword_and_lookalike_help() {
    let d = parse_err("x + and");
    assert_eq!(d.message, "expected an expression, found the keyword `and`");
    assert_eq!(d.span, Some(Span::new(0, 4, 7)));
    assert!(d.help.as_deref().is_some_and(|h| h.contains("keyword")));

    let d = parse_err("x²");
    assert_eq!(
        d.help.as_deref(),
        Some("write powers with `^`, as in `x^2`")
    );
    let d = parse_err("2 × 3");
    assert_eq!(d.help.as_deref(), Some("write `*` for multiplication"));
}

#[test]
fn error_columns_count_characters() {
    let text = "λ + σ +";
    let d = parse_err(text);
    assert_eq!(d.span, Some(Span::new(0, text.len(), text.len())));
    assert_eq!(error_at(text, &d), (1, 8));
}

#[test]
fn error_nesting_limits() {
    let deep = "(".repeat(10_000);
    let d = parse_err(&deep);
    assert_eq!(d.message, "expression nested too deeply (limit 256)");
    assert_eq!(d.span, Some(Span::new(0, 256, 257)));

    let closed = format!("{}x{}", "[".repeat(300), "]".repeat(300));
    assert_eq!(
        parse_err(&closed).message,
        "expression nested too deeply (limit 256)"
    );

    let ok = format!("{}x{}", "(".repeat(256), ")".repeat(256));
    assert_eq!(parse(&ok).stmts.len(), 1);
    let ok = format!("{}1{}", "f(-".repeat(200), ")".repeat(200));
    assert_eq!(parse(&ok).stmts.len(), 1);

    let chain = format!("2{}", "^2".repeat(5_000));
    let d = parse_err(&chain);
    assert!(
        d.message.starts_with("expression nested too deeply"),
        "{}",
        d.message
    );
    let negs = format!("{}x", "-".repeat(5_000));
    assert!(parse_err(&negs)
        .message
        .starts_with("expression nested too deeply"));
    let ok = format!("2{}", "^2".repeat(1_000));
    assert_eq!(parse(&ok).stmts.len(), 1);
}

#[test]
fn errors_are_lowercase_and_spanned() {
    for bad in [
        "1 +", "x y", "(", ")", "(]", "f(1 2)", "$", "x = ", "f(x) =", "1 2 3", "a <", "not",
        "x = 1 = ", "[1,,2]", "2 ^", "x ! y", "1.2.3", "\"s\"", "{1}",
    ] {
        let d = parse_err(bad);
        assert!(d.span.is_some(), "{bad:?}");
        let first = d.message.chars().next().expect("non-empty message");
        assert!(first.is_lowercase(), "{bad:?}: {}", d.message);
        let out = rendered(bad, &d);
        assert!(out.starts_with("error: "), "{out}");
        assert!(out.contains("input:1:"), "{out}");
    }
}

// ---------------------------------------------------------------------------------------
// is_incomplete
// ---------------------------------------------------------------------------------------

#[test]
fn incomplete_input_detection() {
    assert!(is_incomplete("f(1,"));
    assert!(is_incomplete("[[1, 2],\n"));
    assert!(is_incomplete("f(1, # )\n"));
    assert!(is_incomplete("(((x))"));
    assert!(!is_incomplete("f(1, 2)"));
    assert!(!is_incomplete("x = 1 # (unclosed inside a comment"));
    assert!(!is_incomplete("## heading ("));
    assert!(!is_incomplete("1 +"));
    assert!(!is_incomplete("(]"));
    assert!(!is_incomplete(")("));
    assert!(!is_incomplete(""));
}

// ---------------------------------------------------------------------------------------
// Diagnostics rendering
// ---------------------------------------------------------------------------------------

#[test]
fn render_without_span() {
    let d = Diagnostic::error("division by zero", None)
        .with_note("the divisor simplified to 0")
        .with_help("check the denominator");
    let out = render(&d, &SourceMap::default(), false);
    assert!(out.starts_with("error: division by zero\n"), "{out}");
    assert!(out.contains("= note: the divisor simplified to 0"), "{out}");
    assert!(out.contains("= help: check the denominator"), "{out}");
    assert!(!out.contains('┌'), "{out}");
}

#[test]
fn render_with_span_label_and_color() {
    let mut sources = SourceMap::default();
    sources.add("first", "unused");
    let id = sources.add("script.sigma", "a = 1\nb = foo + 2\n");
    let d = Diagnostic::error("unknown name `foo`", Some(Span::new(id, 10, 13)))
        .with_label("not defined")
        .with_help("define it first");
    let out = render(&d, &sources, false);
    assert!(out.contains("error: unknown name `foo`"), "{out}");
    assert!(out.contains("script.sigma:2:5"), "{out}");
    assert!(
        out.contains("2 │ b = foo + 2\n  │     ^^^ not defined"),
        "{out}"
    );
    assert!(out.contains("= help: define it first"), "{out}");
    assert_eq!(line_col(&sources, Span::new(id, 10, 13)), Some((2, 5)));

    let colored = render(&d, &sources, true);
    assert!(colored.contains('\u{1b}'), "{colored:?}");
    assert!(!out.contains('\u{1b}'));

    let both = render_all(&[d.clone(), d], &sources, false);
    assert_eq!(both.matches("error: unknown name").count(), 2);
}

#[test]
fn render_zero_width_span_at_end_of_input() {
    let mut sources = SourceMap::default();
    let id = sources.add("input", "f(x) =");
    let d = Diagnostic::error("expected an expression", Some(Span::new(id, 6, 6)))
        .with_label("expected an expression");
    let out = render(&d, &sources, false);
    assert!(out.contains("input:1:7"), "{out}");
    assert!(
        out.contains("1 │ f(x) =\n  │       ^ expected an expression"),
        "{out}"
    );
}

#[test]
fn render_never_panics_on_bad_spans() {
    let mut sources = SourceMap::default();
    let id = sources.add("input", "λx");
    for span in [
        Span::new(id, 0, 100),
        Span::new(id, 1, 2),
        Span::new(id, 3, 1),
        Span::new(42, 0, 1),
    ] {
        let out = render(&Diagnostic::error("oops", Some(span)), &sources, false);
        assert!(out.starts_with("error: oops"), "{out}");
    }
    assert_eq!(line_col(&sources, Span::new(id, 1, 1)), None);
    assert_eq!(line_col(&sources, Span::new(id, 2, 2)), Some((1, 2)));
    assert_eq!(line_col(&sources, Span::new(9, 0, 0)), None);
}

#[test]
fn diagnostic_builders() {
    let d = Diagnostic::error("m", Some(Span::new(1, 2, 3)))
        .with_label("l")
        .with_note("n1")
        .with_note("n2")
        .with_help("h");
    assert_eq!(d.message, "m");
    assert_eq!(d.label, "l");
    assert_eq!(d.notes, ["n1", "n2"]);
    assert_eq!(d.help.as_deref(), Some("h"));
    assert_eq!(d.span, Some(Span::new(1, 2, 3)));
}

// ---------------------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------------------

#[test]
fn random_bytes_never_panic() {
    // A small deterministic xorshift generator: no test-time randomness.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet = b"0123456789.eE+-*/^!<>=()[],;#\n\r \txyzand or not\xce\xbb\xe2\x82\x81";
    for round in 0..3_000 {
        let len = (next() % 40) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let r = next();
                if round % 2 == 0 {
                    alphabet[(r % alphabet.len() as u64) as usize]
                } else {
                    r as u8
                }
            })
            .collect();
        let text = String::from_utf8_lossy(&bytes);
        if let Err(d) = parse_program(&text, 0) {
            let span = d.span.expect("parse errors carry a span");
            assert!(span.start <= span.end && span.end <= text.len(), "{text:?}");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            let _ = rendered(&text, &d);
        }
        let _ = is_incomplete(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let _ = is_incomplete(&text);
        if let Err(d) = parse_program(&text, 0) {
            let span = d.span.expect("parse errors carry a span");
            prop_assert!(span.end <= text.len());
            let _ = rendered(&text, &d);
        }
    }

    #[test]
    fn grammar_like_strings_never_panic(text in "[0-9a-z .+*/^!<=>()\\[\\],;#\n-]{0,60}") {
        match parse_program(&text, 0) {
            Ok(p) => {
                for stmt in &p.stmts {
                    prop_assert!(stmt.span.end <= text.len());
                    if let StmtKind::Expr(e) = &stmt.kind {
                        check_spans(&text, e);
                    }
                }
            }
            Err(d) => {
                prop_assert!(d.span.is_some());
                let _ = rendered(&text, &d);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Indexing and quiet statements
// ---------------------------------------------------------------------------------------

#[test]
fn indexing_is_a_postfix_operator_on_any_operand() {
    assert_eq!(shape("v[1]"), "(idx v 1)");
    assert_eq!(shape("A[1, 2]"), "(idx A 1, 2)");
    assert_eq!(shape("A[i]"), "(idx A i)");
    assert_eq!(shape("A[:, j]"), "(idx A ::, j)");
    assert_eq!(shape("A[i, :]"), "(idx A i, ::)");
    assert_eq!(shape("v[a:b]"), "(idx v a:b:)");
    assert_eq!(shape("v[1:]"), "(idx v 1::)");
    assert_eq!(shape("v[:-1]"), "(idx v :(neg 1):)");
    assert_eq!(shape("v[::-1]"), "(idx v ::(neg 1))");
    assert_eq!(shape("v[0:4:2]"), "(idx v 0:4:2)");
    assert_eq!(shape("A[0:2, 1:3]"), "(idx A 0:2:, 1:3:)");
    assert_eq!(shape("v[-1]"), "(idx v (neg 1))");
    assert_eq!(shape("v[k + 1]"), "(idx v (+ k 1))");
    assert_eq!(shape("v[w[0]]"), "(idx v (idx w 0))");
    assert_eq!(shape("A[1][2]"), "(idx (idx A 1) 2)");
    assert_eq!(shape("f(x)[3]"), "(idx f(x) 3)");
    assert_eq!(shape("(A*B)[0, 1]"), "(idx (paren (* A B)) 0, 1)");
    assert_eq!(shape("[1, 2, 3][0]"), "(idx [1, 2, 3] 0)");
    assert_eq!(shape("v [1]"), "(idx v 1)");
}

#[test]
fn indexing_binds_tightest() {
    assert_eq!(shape("-v[1]"), "(neg (idx v 1))");
    assert_eq!(shape("v[1]^2"), "(^ (idx v 1) 2)");
    assert_eq!(shape("2^v[1]"), "(^ 2 (idx v 1))");
    assert_eq!(shape("2v[1]"), "(* 2 (idx v 1))");
    assert_eq!(shape("v[1]*w[2] + 1"), "(+ (* (idx v 1) (idx w 2)) 1)");
    assert_eq!(shape("v[n]!"), "(! (idx v n))");
    assert_eq!(shape("v[0] < v[1]"), "(cmp (idx v 0) < (idx v 1))");
}

#[test]
fn lists_and_calls_still_parse_beside_indexing() {
    assert_eq!(shape("[1, 2]"), "[1, 2]");
    assert_eq!(shape("[[1, 2], [3, 4]]"), "[[1, 2], [3, 4]]");
    assert_eq!(shape("[v[0], v[1]]"), "[(idx v 0), (idx v 1)]");
    assert_eq!(shape("f([1, 2], v[0])"), "f([1, 2], (idx v 0))");
    let p = parse("x = 1; [1, 2]\n[3]");
    assert_eq!(p.stmts.len(), 3);
    assert!(matches!(&p.stmts[1].kind, StmtKind::Expr(e) if matches!(e.kind, ExprKind::List(_))));
    assert!(matches!(&p.stmts[2].kind, StmtKind::Expr(e) if matches!(e.kind, ExprKind::List(_))));
}

#[test]
fn indexing_spans_cover_base_and_brackets() {
    for text in [
        "v[1]",
        "A[0:2, :]",
        "f(x)[k + 1]",
        "(A*B)[0, 1]",
        "-v[ 2 ]^2",
    ] {
        check_spans(text, &expr(text));
    }
    let e = expr("K[3]");
    assert_eq!((e.span.start, e.span.end), (0, 4));
}

#[test]
fn indexing_syntax_errors() {
    assert_eq!(
        parse_err("v[]").message,
        "expected an expression, found `]`"
    );
    assert_eq!(error_at("v[]", &parse_err("v[]")), (1, 3));
    assert!(parse_err("v[1,]").message.starts_with("expected"));
    assert!(parse_err("v[1:2:3:4]").message.starts_with("expected"));
}

#[test]
fn a_trailing_semicolon_makes_a_statement_quiet() {
    let quiet = |text: &str| -> Vec<bool> { parse(text).stmts.iter().map(|s| s.quiet).collect() };
    assert_eq!(quiet("x = 1; x + 1"), [true, false]);
    assert_eq!(quiet("x = 1; x + 1;"), [true, true]);
    assert_eq!(quiet("f(x) = x^2;"), [true]);
    assert_eq!(quiet("x;;y"), [true, false]);
    assert_eq!(quiet(";x"), [false]);
    assert_eq!(quiet("x ; # comment\ny"), [true, false]);
    assert_eq!(quiet("## heading;\nx"), [false, false]);
    assert_eq!(quiet("f(1,\n 2);\ny"), [true, false]);
}
