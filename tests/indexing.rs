//! Indexing (`v[k]`, `A[i, j]`, rows, columns, numpy slices, counted from 0), the shape
//! queries `len`, `shape`, `rows`, `cols`, quiet statements (ended by `;`) and the shape
//! diagnostics of `+`, `-` and `*`: exact values for every form, and for every mistake the
//! message, the caret's line and column, and its label.

use sigma::diagnostics::{line_col, Diagnostic};
use sigma::render::Format;
use sigma::session::{Outcome, Session};

const V: &str = "v = [10, 20, 30, 40]\n";
const A: &str = "A = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]\n";

/// The text of the last statement's result.
fn value(src: &str) -> String {
    let mut s = Session::new();
    let out = s
        .run_collect("<test>", src)
        .unwrap_or_else(|(_, d)| panic!("{src:?} failed:\n{}", s.render_diagnostics(&d, false)));
    Format::Text.render(out.last().expect("an outcome"), false)
}

/// The one error of `src`: its message, the (line, column) of its caret, its label, and the
/// whole rendering.
struct Failure {
    message: String,
    at: (usize, usize),
    label: String,
    help: Option<String>,
    rendered: String,
}

fn error(src: &str) -> Failure {
    let mut s = Session::new();
    let diags: Vec<Diagnostic> = match s.run_collect("<test>", src) {
        Ok(out) => panic!("{src:?} must fail, gave {out:?}"),
        Err((_, d)) => d,
    };
    assert_eq!(diags.len(), 1, "{src:?}: {diags:?}");
    let d = &diags[0];
    Failure {
        message: d.message.clone(),
        at: line_col(&s.sources, d.span.expect("a span")).expect("a valid span"),
        label: d.label.clone(),
        help: d.help.clone(),
        rendered: s.render_diagnostics(&diags, false),
    }
}

#[test]
fn entries_of_a_vector_count_from_zero_and_from_the_end() {
    for (k, want) in [
        ("0", "10"),
        ("1", "20"),
        ("3", "40"),
        ("-1", "40"),
        ("-4", "10"),
    ] {
        assert_eq!(value(&format!("{V}v[{k}]")), want, "v[{k}]");
    }
}

#[test]
fn slices_follow_numpy() {
    for (s, want) in [
        ("1:3", "[20, 30]"),
        (":2", "[10, 20]"),
        ("2:", "[30, 40]"),
        (":", "[10, 20, 30, 40]"),
        ("-2:", "[30, 40]"),
        (":-1", "[10, 20, 30]"),
        ("::2", "[10, 30]"),
        ("1::2", "[20, 40]"),
        ("::-1", "[40, 30, 20, 10]"),
        ("3:0:-1", "[40, 30, 20]"),
        ("-1:-3:-1", "[40, 30]"),
        ("-100:2", "[10, 20]"),
        ("2:100", "[30, 40]"),
        ("10:20", "[]"),
        ("3:1", "[]"),
    ] {
        assert_eq!(value(&format!("{V}v[{s}]")), want, "v[{s}]");
    }
}

#[test]
fn rows_columns_entries_and_blocks_of_a_matrix() {
    for (ix, want) in [
        ("1", "[4, 5, 6]"),
        ("1, :", "[4, 5, 6]"),
        ("-1", "[7, 8, 9]"),
        (":, 2", "[3, 6, 9]"),
        (":, -3", "[1, 4, 7]"),
        ("0, 2", "3"),
        ("2, 0", "7"),
        ("-1, -1", "9"),
        ("0:2", "[[1, 2, 3], [4, 5, 6]]"),
        ("1:, 1:", "[[5, 6], [8, 9]]"),
        ("::2, ::2", "[[1, 3], [7, 9]]"),
        ("0:2, 1", "[2, 5]"),
        ("1, 0:2", "[4, 5]"),
        ("::-1, 0", "[7, 4, 1]"),
        ("1][2", "6"),
    ] {
        assert_eq!(value(&format!("{A}A[{ix}]")), want, "A[{ix}]");
    }
}

#[test]
fn indices_are_evaluated_expressions() {
    assert_eq!(value(&format!("{V}k = 1\nv[k + 1]")), "30");
    assert_eq!(value(&format!("{V}v[4/2]")), "30");
    assert_eq!(value(&format!("{V}v[len(v) - 1]")), "40");
    assert_eq!(value(&format!("{V}v[1:len(v) - 1]")), "[20, 30]");
    assert_eq!(value(&format!("{V}f(i) = v[i]^2\nf(2)")), "900");
    assert_eq!(value(&format!("{V}{A}v[A[0, 1]]")), "30");
    assert_eq!(value("[a, b, c][-2]"), "b");
    // A parameter shadows the session's binding of the same name.
    assert_eq!(value(&format!("{V}f(v) = v[0]\nf([7, 8])")), "7");
    assert_eq!(value(&format!("{V}f(v) = v[0]\nf([7, 8]) + v[0]")), "17");
}

#[test]
fn nested_and_chained_indices_parse_fast_and_deep_chains_are_refused() {
    // 100 nested indices: parsed once each (no backtracking), evaluated to the first entry.
    let nested = format!("v = [0, 1]\n{}0{}", "v[".repeat(100), "]".repeat(100));
    let start = std::time::Instant::now();
    assert_eq!(value(&nested), "0");
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    let chained = format!("A = [[1, 2], [3, 4]]\nA{}", "[0]".repeat(2000));
    let f = error(&chained);
    assert!(
        f.message.starts_with("expression nested too deeply"),
        "{}",
        f.message
    );
}

#[test]
fn any_operand_can_be_indexed() {
    let kernel = "ssm_kernel([[0.7, 0.1], [0.2, 0.6]], [1, 0], [1, 0], 0, 4)";
    assert_eq!(value(&format!("{kernel}[3]")), "51/100");
    let k = format!("K = {kernel}\n");
    // K = [K_0, …, K_4] = [0, 1, 7/10, 51/100, 383/1000]: K[ℓ] is K_ℓ.
    for (l, want) in [
        ("0", "0"),
        ("1", "1"),
        ("2", "7/10"),
        ("4", "383/1000"),
        ("-1", "383/1000"),
    ] {
        assert_eq!(value(&format!("{k}K[{l}]")), want, "K[{l}]");
    }
    assert_eq!(value(&format!("{k}K[1:3]")), "[1, 7/10]");
    assert_eq!(value("([[1, 2], [3, 4]]*[[0, 1], [1, 0]])[0, 1]"), "1");
    assert_eq!(value("(2*[1, 2, 3])[2]"), "6");
    assert_eq!(value("-[1, 2][1]^2"), "-4");
    assert_eq!(value("transpose([[1, 2], [3, 4]])[0]"), "[1, 3]");
}

#[test]
fn approximate_vectors_index_to_approximations() {
    assert_eq!(value("N([1, 2]/3)[0]"), "≈ 0.333333333333333");
    assert_eq!(
        value("N([1, 2, 3]/7)[1:]"),
        "≈ [0.285714285714286, 0.428571428571429]"
    );
    assert_eq!(value("N([1, 2]/3)[-1]*3"), "≈ 2.00000000000000");
}

#[test]
fn len_shape_rows_and_cols() {
    assert_eq!(value(&format!("{V}len(v)")), "4");
    assert_eq!(value(&format!("{A}len(A)")), "3");
    assert_eq!(value("len([])"), "0");
    assert_eq!(value("len(N([1, 2]/3))"), "2");
    assert_eq!(value("shape([[1, 2, 3], [4, 5, 6]])"), "[2, 3]");
    assert_eq!(value(&format!("{V}shape(v)")), "[4]");
    assert_eq!(value("rows([[1, 2, 3], [4, 5, 6]])"), "2");
    assert_eq!(value("cols([[1, 2, 3], [4, 5, 6]])"), "3");
    assert_eq!(value("shape(identity(4)[1:3, :])"), "[2, 4]");
    assert_eq!(
        value("len(ssm_kernel([[0.7, 0.1], [0.2, 0.6]], [1, 0], [1, 0], 0, 10))"),
        "11"
    );
}

#[test]
fn shape_queries_refuse_what_has_no_shape() {
    let f = error("len(5)");
    assert_eq!(f.message, "len needs a vector or matrix, not a number");
    assert_eq!((f.at, f.label.as_str()), ((1, 5), "this is a number"));
    let f = error("rows([1, 2])");
    assert_eq!(f.message, "rows needs a matrix, not a 2-entry vector");
    assert_eq!(f.at, (1, 6));
    assert_eq!(
        f.help.as_deref(),
        Some("a vector has no rows or columns: len(v) counts its entries")
    );
    assert_eq!(
        error("cols(x)").message,
        "cols needs a matrix, not an expression"
    );
}

#[test]
fn an_index_out_of_range_names_the_range_and_the_shape() {
    let f = error(&format!("{V}v[4]"));
    assert_eq!(f.message, "index 4 is out of range for a 4-entry vector");
    assert_eq!(
        (f.at, f.label.as_str()),
        ((2, 3), "valid: 0 to 3, or -4 to -1")
    );
    assert_eq!(
        f.help.as_deref(),
        Some("indices count from 0: v[0] is the first entry, v[-1] the last")
    );
    let f = error(&format!("{V}v[-5]"));
    assert_eq!(f.message, "index -5 is out of range for a 4-entry vector");
    assert_eq!(f.at, (2, 3));
    let f = error(&format!("{V}v[1 + 10^30]"));
    assert_eq!(f.at, (2, 3));
    assert!(
        f.message.ends_with("is out of range for a 4-entry vector"),
        "{}",
        f.message
    );
    let f = error(&format!("{A}A[3, 0]"));
    assert_eq!(f.message, "row index 3 is out of range for a 3×3 matrix");
    assert_eq!(
        (f.at, f.label.as_str()),
        ((2, 3), "valid: 0 to 2, or -3 to -1")
    );
    let f = error(&format!("{A}A[0, -4]"));
    assert_eq!(
        f.message,
        "column index -4 is out of range for a 3×3 matrix"
    );
    assert_eq!(f.at, (2, 6));
    let f = error("[][0]");
    assert_eq!(f.message, "index 0 is out of range for an empty vector");
    assert_eq!(
        (f.at, f.label.as_str()),
        ((1, 4), "there is no valid index: it is empty")
    );
}

#[test]
fn an_index_must_be_a_whole_number() {
    let f = error(&format!("{V}v[1/2]"));
    assert_eq!(f.message, "an index must be a whole number, not 1/2");
    assert_eq!((f.at, f.label.as_str()), ((2, 3), "not a whole number"));
    let f = error(&format!("{V}v[k]"));
    assert_eq!(
        f.message,
        "an index must be a whole number, but `k` is symbolic"
    );
    assert_eq!((f.at, f.label.as_str()), ((2, 3), "no numeric value"));
    let f = error(&format!("{V}sum(v[n], n, 0, 3)"));
    assert_eq!(
        f.message,
        "an index must be a whole number, but `n` is symbolic"
    );
    assert_eq!(f.at, (2, 7));
    assert!(f.help.is_some_and(|h| h.contains("bound by sum")));
    let f = error(&format!("{V}v[pi]"));
    assert_eq!(f.message, "an index must be a whole number, not pi");
    let f = error(&format!("{A}A[0, 1/3]"));
    assert_eq!(f.message, "a column index must be a whole number, not 1/3");
    assert_eq!(f.at, (2, 6));
    let f = error(&format!("{V}v[[1, 2]]"));
    assert_eq!(f.message, "an index must be a whole number, not a vector");
    assert_eq!(f.at, (2, 3));
    let f = error(&format!("{V}v[0:1/2]"));
    assert_eq!(f.message, "an index must be a whole number, not 1/2");
    assert_eq!(f.at, (2, 5));
}

#[test]
fn the_number_of_indices_and_empty_selections_are_checked() {
    let f = error(&format!("{V}v[0, 1]"));
    assert_eq!(f.message, "a vector takes one index, not 2");
    assert_eq!(
        (f.at, f.label.as_str()),
        ((2, 6), "an index too many for a 4-entry vector")
    );
    let f = error(&format!("{A}A[0, 1, 2]"));
    assert_eq!(
        f.message,
        "a matrix takes at most two indices (row, column), not 3"
    );
    assert_eq!(f.at, (2, 9));
    let f = error(&format!("{A}A[1:1]"));
    assert_eq!(f.message, "this slice selects no rows");
    assert_eq!(
        (f.at, f.label.as_str()),
        ((2, 3), "no rows of a 3×3 matrix")
    );
    let f = error(&format!("{A}A[:, 2:1]"));
    assert_eq!(f.message, "this slice selects no columns");
    assert_eq!(f.at, (2, 6));
    let f = error(&format!("{V}v[::0]"));
    assert_eq!(f.message, "a slice step cannot be 0");
    assert_eq!((f.at, f.label.as_str()), ((2, 5), "step 0"));
}

#[test]
fn only_vectors_and_matrices_have_entries() {
    let f = error("5[0]");
    assert_eq!(
        f.message,
        "cannot index a number: only vectors and matrices have entries"
    );
    assert_eq!((f.at, f.label.as_str()), ((1, 1), "this is a number"));
    let f = error("x[0]");
    assert_eq!(
        f.message,
        "cannot index an expression: only vectors and matrices have entries"
    );
    assert_eq!(
        f.help.as_deref(),
        Some("`x` has no value; bind a vector first, e.g. `x = [1, 2, 3]`")
    );
    let f = error("y = 1 + 2\n(y*3)[0]");
    assert_eq!(
        f.message,
        "cannot index a number: only vectors and matrices have entries"
    );
    assert_eq!(f.at, (2, 1));
}

#[test]
fn a_shape_mismatch_points_at_the_right_operand_with_both_shapes() {
    let f = error("[[1, 2], [3, 4]] * [1, 2, 3]");
    assert_eq!(
        f.message,
        "cannot multiply a 2×2 matrix by a 3-entry vector"
    );
    assert_eq!((f.at, f.label.as_str()), ((1, 20), "a 3-entry vector"));
    assert_eq!(
        f.help.as_deref(),
        Some("A*v needs as many entries in v as A has columns (2), not 3")
    );
    // The left operand is labelled too: `-` under it with its shape.
    assert!(
        f.rendered.contains(
            "1 │ [[1, 2], [3, 4]] * [1, 2, 3]\n  │ ----------------   ^^^^^^^^^ a 3-entry vector\n"
        ),
        "{}",
        f.rendered
    );
    assert!(f.rendered.contains("  │ a 2×2 matrix\n"), "{}", f.rendered);

    let f = error("M = [[1, 2, 3], [4, 5, 6]]\nx = [1, 2]\nM*x + 1");
    assert_eq!(
        f.message,
        "cannot multiply a 2×3 matrix by a 2-entry vector"
    );
    assert_eq!(f.at, (3, 3));

    let f = error("[[1, 2], [3, 4]]*[[1, 2, 3]]");
    assert_eq!(f.message, "cannot multiply a 2×2 matrix by a 1×3 matrix");
    assert_eq!(f.at, (1, 18));
    assert_eq!(
        f.help.as_deref(),
        Some("the columns on the left (2) must be as many as the rows on the right (1)")
    );
    let f = error("[1, 2, 3]*[[1, 2], [3, 4]]");
    assert_eq!(
        f.message,
        "cannot multiply a 3-entry vector by a 2×2 matrix"
    );
    assert_eq!(f.at, (1, 11));
    let f = error("[1, 2]*[1, 2, 3]");
    assert_eq!(
        f.message,
        "cannot multiply a 2-entry vector by a 3-entry vector"
    );
    assert_eq!(f.at, (1, 8));

    let f = error("[1, 2] + [1, 2, 3]");
    assert_eq!(
        f.message,
        "cannot add a 2-entry vector and a 3-entry vector"
    );
    assert_eq!((f.at, f.label.as_str()), ((1, 10), "a 3-entry vector"));
    let f = error("[1, 2] - [[1, 2], [3, 4]]");
    assert_eq!(
        f.message,
        "cannot subtract a 2×2 matrix from a 2-entry vector"
    );
    assert_eq!(f.at, (1, 10));
    let f = error("[[1, 2], [3, 4]] - [[1, 2, 3], [4, 5, 6]]");
    assert_eq!(f.message, "cannot subtract a 2×3 matrix from a 2×2 matrix");
    assert_eq!(f.at, (1, 20));
    let f = error(&format!("{A}A + A[0:2]"));
    assert_eq!(f.message, "cannot add a 3×3 matrix and a 2×3 matrix");
    assert_eq!(f.at, (2, 5));
    let f = error("identity(8) * [1, 2]");
    assert_eq!(
        f.message,
        "cannot multiply an 8×8 matrix by a 2-entry vector"
    );
}

#[test]
fn shapes_that_fit_still_multiply_and_add() {
    assert_eq!(value("[[1, 2], [3, 4]] * [1, 1]"), "[3, 7]");
    assert_eq!(value("[1, 1] * [[1, 2], [3, 4]]"), "[4, 6]");
    assert_eq!(value("[1, 2] * [3, 4]"), "11");
    assert_eq!(value("[1, 2] + [3, 4]"), "[4, 6]");
    assert_eq!(value("[[1, 2, 3]] * [[1], [1], [1]]"), "[[6]]");
}

/// Outcomes of `src`, each with whether it is quiet.
fn outcomes(src: &str) -> Vec<Outcome> {
    let mut s = Session::new();
    s.run_collect("<test>", src)
        .unwrap_or_else(|(_, d)| panic!("{src:?} failed:\n{}", s.render_diagnostics(&d, false)))
}

#[test]
fn a_statement_ended_by_a_semicolon_is_quiet_but_bound() {
    let out = outcomes("x = 1; x + 1\ny = x + 5;\ny");
    let quiet: Vec<(&str, bool)> = out.iter().map(|o| (o.input.as_str(), o.quiet)).collect();
    assert_eq!(
        quiet,
        [
            ("x = 1", true),
            ("x + 1", false),
            ("y = x + 5", true),
            ("y", false)
        ]
    );
    assert_eq!(Format::Text.render(&out[3], false), "6");
    // A long kernel is computed and bound without being printed.
    let out = outcomes(
        "K = ssm_kernel([[0.7, 0.1], [0.2, 0.6]], [1, 0], [1, 0], 0, 1000);\nlen(K); K[2]",
    );
    assert_eq!(out.len(), 3);
    assert!(out[0].quiet && out[1].quiet && !out[2].quiet);
    assert_eq!(Format::Text.render(&out[2], false), "7/10");
}

#[test]
fn an_answer_key_shows_a_quiet_statement_without_its_answer() {
    let out = outcomes("x = 1; x + 1\n## part\nv = [1, 2];\nv[1]");
    let key = sigma::answer_key::render("t", &out, Format::Text);
    assert_eq!(
        key,
        "Answer key: t\n=============\n\n1. x = 1;\n\n2. x + 1\n   = 2\n\n## part\n\n3. v = [1, 2];\n\n4. v[1]\n   = 2\n"
    );
    let md = sigma::answer_key::render("t", &out, Format::Markdown);
    assert!(
        md.contains("**3.** `v = [1, 2];`\n\n## ") || md.contains("**3.** `v = [1, 2];`\n\n**4.**"),
        "{md}"
    );
    let json = sigma::answer_key::render("t", &out, Format::Json);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let item = &doc["sections"][1]["items"][0];
    assert_eq!(item["quiet"], true);
    assert_eq!(item["shape"], serde_json::json!([2]));
    assert!(item.get("text").is_none());
}

#[test]
fn a_comma_missing_between_matrix_rows_is_explained() {
    let f = error("A = [[1, 2]\n     [3, 4]]");
    assert_eq!(f.message, "a vector takes one index, not 2");
    assert_eq!(f.at, (2, 10));
    assert!(
        f.rendered.contains("= note: a list followed by `[` is indexed: to write matrix rows, separate them with a comma, as in [[1, 2], [3, 4]]"),
        "{}",
        f.rendered
    );
    // Written without the space, it is an index like any other, and gets no such note.
    assert!(!error("[1, 2][5]").rendered.contains("note"));
}

/// Float64 vectors and matrices index, slice and report their shape as exact ones do.
#[test]
fn float64_values_index_like_exact_ones() {
    let a = "A = float([[1, 2, 3], [4, 5, 6]])\n";
    assert_eq!(value(&format!("{a}A[1, 2]")), "≈ 6");
    assert_eq!(value(&format!("{a}A[0]")), "≈ [1, 2, 3]");
    assert_eq!(value(&format!("{a}A[:, 1]")), "≈ [2, 5]");
    assert_eq!(value(&format!("{a}A[0:2, 1:3]")), "≈ [[2, 3], [5, 6]]");
    assert_eq!(value(&format!("{a}shape(A)")), "[2, 3]");
    assert_eq!(value(&format!("{a}cols(A)")), "3");
    let k = "K = ssm_kernel(float([[0.7, 0.1], [0.2, 0.6]]), [1, 0], [1, 0], 0, 8);\n";
    assert_eq!(value(&format!("{k}K[3]")), "≈ 0.51");
    assert_eq!(value(&format!("{k}len(K)")), "9");
    let f = error(&format!("{a}A[2, 0]"));
    assert!(f.message.contains("out of range"), "{}", f.message);
    let f = error(&format!("{a}A*[1, 2]"));
    assert_eq!(
        f.message,
        "cannot multiply a 2×3 matrix by a 2-entry vector"
    );
}
