//! Exact matrix builtins: their documented examples, known determinants from outside sources,
//! identities checked on random integer matrices (A·A⁻¹ = I, det(AB) = det A·det B,
//! det Aᵀ = det A, rank + nullity = n), symbolic determinants, and singular matrices named.

use proptest::prelude::*;
use sigma::builtins::BUILTINS;
use sigma::eval::value::Value;
use sigma::math::expr::subst::{expand, subs};
use sigma::math::Expr;
use sigma::render::text;
use sigma::session::{OutcomeKind, Session};

/// The last statement's value as text, or the rendered error.
fn run(src: &str) -> Result<String, String> {
    let mut s = Session::new();
    match s.run_collect("<matrix>", src) {
        Ok(out) => match out.last().map(|o| &o.kind) {
            Some(OutcomeKind::Value(v)) | Some(OutcomeKind::Binding { value: v, .. }) => {
                Ok(text::value(v))
            }
            other => Err(format!("no value: {other:?}")),
        },
        Err((_, d)) => Err(s.render_diagnostics(&d, false)),
    }
}

/// The last statement's value.
fn value(src: &str) -> Value {
    let mut s = Session::new();
    match s.run_collect("<matrix>", src) {
        Ok(out) => match out.last().map(|o| &o.kind) {
            Some(OutcomeKind::Value(v)) => v.clone(),
            other => panic!("{src}: no value: {other:?}"),
        },
        Err((_, d)) => panic!("{src}: {}", s.render_diagnostics(&d, false)),
    }
}

fn ok(src: &str) -> String {
    run(src).unwrap_or_else(|e| panic!("{src}: {e}"))
}

#[test]
fn documented_examples_hold() {
    for name in [
        "identity",
        "zeros",
        "diag",
        "transpose",
        "trace",
        "det",
        "rank",
        "inverse",
        "nullspace",
    ] {
        let b = BUILTINS
            .iter()
            .find(|b| b.name == name)
            .expect("registered");
        let (input, want) = b.example.split_once(" → ").expect("an example with →");
        assert_eq!(ok(input), want, "{name}: {input}");
    }
}

/// Determinants of Hilbert matrices H_n = [1/(i + j − 1)]: 1/det H_n is OEIS A005249
/// (1, 12, 2160, 6048000, 266716800000).
#[test]
fn hilbert_determinants() {
    let want = ["1", "1/12", "1/2160", "1/6048000", "1/266716800000"];
    for (n, w) in (1..=5).zip(want) {
        let rows: Vec<String> = (1..=n)
            .map(|i| {
                let r: Vec<String> = (1..=n).map(|j| format!("1/{}", i + j - 1)).collect();
                format!("[{}]", r.join(", "))
            })
            .collect();
        assert_eq!(ok(&format!("det([{}])", rows.join(", "))), w, "H_{n}");
    }
}

#[test]
fn symbolic_determinants_expand() {
    assert_eq!(ok("det([[a, b], [c, d]])"), "a*d - b*c");
    // A Vandermonde determinant: (y − x)(z − x)(z − y), expanded.
    let v = ok("det([[1, x, x^2], [1, y, y^2], [1, z, z^2]])");
    let w = ok("expand((y - x)*(z - x)*(z - y))");
    assert_eq!(ok(&format!("expand({v} - ({w}))")), "0");
    assert_eq!(ok("trace([[a, 2], [3, b]])"), "a + b");
}

#[test]
fn singular_matrices_are_named_not_inverted() {
    let e = run("inverse([[1, 0, 1], [0, 1, 1], [1, 2, 3]])").unwrap_err();
    assert!(e.contains("the matrix is singular"), "{e}");
    assert!(e.contains("row 3 = row 1 + 2·row 2"), "{e}");
    let e = run("inverse([[1, 2], [2, 4]])").unwrap_err();
    assert!(e.contains("row 2 = 2·row 1"), "{e}");
    assert!(run("inverse([[1, 2, 3]])").unwrap_err().contains("square"));
    assert!(run("rank([[a, 1]])")
        .unwrap_err()
        .contains("symbolic entries"));
    assert!(run("det(7)").unwrap_err().contains("needs a matrix"));
    assert!(run("identity(0)").is_err());
}

#[test]
fn linear_systems_and_norms() {
    assert_eq!(ok("linsolve([[2, 1], [1, 3]], [3, 5])"), "[4/5, 7/5]");
    // x + 2y = 3 has the line of solutions (3 − 2t, t).
    assert_eq!(ok("linsolve([[1, 2], [2, 4]], [3, 6])"), "[3 - 2*t1, t1]");
    let e = run("linsolve([[1, 2], [2, 4]], [3, 7])").unwrap_err();
    assert!(
        e.contains("no solution") && e.contains("rank [A | b] = 2"),
        "{e}"
    );
    assert!(run("linsolve([[1, 2]], [1, 2])")
        .unwrap_err()
        .contains("2 entries"));
    assert_eq!(
        ok("charpoly([[a, b], [c, d]], x)"),
        "a*d - a*x - b*c - d*x + x^2"
    );
    assert_eq!(ok("charpoly([[0, 1], [-1, 0]], y)"), "1 + y^2");
    assert_eq!(ok("norm([3, 4])"), "5");
    assert_eq!(ok("norm([[1, -2], [3, 4]], 1)"), "6");
    assert_eq!(ok("norm([[1, -2], [3, 4]], oo)"), "7");
    assert_eq!(ok("norm([[1, 2], [3, 4]], 2)"), "sqrt(26)/2 + sqrt(34)/2");
}

/// SEEDS B1(b): the scalar model α = 0.8, β = 1, γ = 1.5 has K_0 = δ and K_1..K_4 = 3/2, 6/5,
/// 24/25, 96/125; the two-state model has K_0..K_4 = 0, 1, 7/10, 51/100, 383/1000 and
/// K_ℓ = (2/3)(4/5)^(ℓ−1) + (1/3)(1/2)^(ℓ−1) for ℓ ≥ 1.
#[test]
fn ssm_kernels_of_the_homework() {
    assert_eq!(
        ok("ssm_kernel(0.8, 1, 1.5, δ, 4)"),
        "[δ, 3/2, 6/5, 24/25, 96/125]"
    );
    assert_eq!(ok("ssm_kernel(α, β, γ1, δ, l)"), "α^(l - 1)*β*γ1");
    let a = "[[0.7, 0.1], [0.2, 0.6]]";
    assert_eq!(
        ok(&format!("ssm_kernel({a}, [1, 0], [1, 0], 0, 4)")),
        "[0, 1, 7/10, 51/100, 383/1000]"
    );
    let closed = ok(&format!("ssm_kernel({a}, [1, 0], [1, 0], 0, l)"));
    let want = ok("2/3*(4/5)^(l - 1) + 1/3*(1/2)^(l - 1)");
    assert_eq!(ok(&format!("expand({closed} - ({want}))")), "0");
    // A Jordan block I + e1·e2ᵀ: A^(ℓ−1) = I + (ℓ−1)·e1·e2ᵀ.
    assert_eq!(
        ok("ssm_kernel([[1, 1], [0, 1]], [1, 0], [1, 0], 0, l)"),
        "1"
    );
    assert_eq!(
        ok("ssm_kernel([[1, 1], [0, 1]], [0, 1], [1, 0], 0, l)"),
        "l - 1"
    );
    // Irrational eigenvalues (the golden ratio) by Cayley–Hamilton; an irreducible cubic
    // characteristic polynomial has no closed form yet.
    assert!(ok("ssm_kernel([[1, 1], [1, 0]], [1, 0], [1, 0], 0, l)").contains("sqrt(5)"));
    let e = run("ssm_kernel([[1, 2, 0], [0, 3, 1], [1, 0, 1]], [1, 0, 0], [1, 0, 0], 0, l)")
        .unwrap_err();
    assert!(e.contains("no closed form"), "{e}");
    assert!(run("ssm_kernel([[1, 1], [0, 1]], [1, 0, 0], [1, 0], 0, 3)")
        .unwrap_err()
        .contains("3 entries"));
}

/// SEEDS A9: A = [[0.20, 0.05], [−0.10, 0.15]] has the complex pair 7/40 ± i·√7/40 and
/// ρ(A) = √(7/200) < 1; (I − A)⁻¹ = [[170/137, 10/137], [−20/137, 160/137]].
#[test]
fn the_neumann_example() {
    let a = "[[0.20, 0.05], [-0.10, 0.15]]";
    assert_eq!(ok(&format!("spectral_radius({a})")), ok("sqrt(7/200)"));
    assert_eq!(
        ok(&format!("eigenvalues({a})")),
        "[7/40 - sqrt(7)*I/40, 7/40 + sqrt(7)*I/40]"
    );
    assert_eq!(
        ok(&format!("inverse(identity(2) - {a})")),
        "[[170/137, 10/137], [-20/137, 160/137]]"
    );
    assert_eq!(
        ok("eigenvalues([[1, 1], [1, 0]])"),
        "[1/2 - sqrt(5)/2, 1/2 + sqrt(5)/2]"
    );
    assert_eq!(ok("eigenvalues([[1, 1], [0, 1]])"), "[1, 1]");
    assert!(run("eigenvalues([[0, 0, 2], [1, 0, 0], [0, 1, 0]])")
        .unwrap_err()
        .contains("λ^3 - 2"));
}

/// SEEDS B1(f): (I + p·pᵀ)^k = I + ((1 + ‖p‖²)^k − 1)/‖p‖² · p·pᵀ, with p symbolic; a shear
/// I + u·vᵀ with vᵀu = 0 gives I + k·u·vᵀ.
#[test]
fn identity_plus_rank_one_powers() {
    let got = ok("p = [p1, p2]\n(identity(2) + outer(p, p))^k");
    let want =
        ok("p = [p1, p2]\nidentity(2) + ((1 + p1^2 + p2^2)^k - 1)/(p1^2 + p2^2)*outer(p, p)");
    assert_eq!(got, want);
    assert_eq!(ok("[[1, 2], [0, 1]]^k"), "[[1, 2*k], [0, 1]]");
    assert_eq!(
        ok("[[2, 1], [1, 2]]^k"),
        "[[1/2 + 3^k/2, 3^k/2 - 1/2], [3^k/2 - 1/2, 1/2 + 3^k/2]]"
    );
}

/// Symbolic inverses by the adjugate (ridge: XᵀX + λI), and the Neumann truncations of A9
/// approaching (I − A)⁻¹ with errors that decrease.
#[test]
fn symbolic_inverses_and_neumann_truncations() {
    let Value::Matrix(inv) = value("inverse([[a, b], [c, d]])") else {
        panic!("not a matrix")
    };
    // At (a, b, c, d) = (2, 1, 7, 4) it is the inverse [[4, -1], [-7, 2]].
    let point = [("a", 2), ("b", 1), ("c", 7), ("d", 4)];
    let want = [[4, -1], [-7, 2]];
    for (row, wrow) in inv.iter().zip(want) {
        for (e, w) in row.iter().zip(wrow) {
            let v = point
                .iter()
                .fold(e.clone(), |e, (x, q)| subs(&e, x, &Expr::int(*q)).unwrap());
            assert_eq!(v, Expr::int(w));
        }
    }
    let mut s = Session::new();
    let out = s
        .run_collect("<ridge>", "inverse([[10 + λ, 14], [14, 20 + λ]])")
        .unwrap();
    let conditions: Vec<String> = out[0]
        .steps
        .conditions
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(conditions, vec!["4 + 30*λ + λ^2 ≠ 0".to_string()]);
    let a = "[[0.20, 0.05], [-0.10, 0.15]]";
    let mut last = None;
    for k in [0, 1, 2, 4, 8] {
        let err = ok(&format!(
            "A = {a}\nN(norm(inverse(identity(2) - A) - neumann(A, {k})), 10)"
        ));
        let v: f64 = err.trim_start_matches("≈ ").parse().unwrap();
        if let Some(prev) = last {
            assert!(v < prev, "the error at k = {k} ({v}) is not below {prev}");
        }
        last = Some(v);
    }
}

/// A·V = V·diag(λ) for the eigenvector matrix V, rational and surd eigenvalues alike; a
/// defective matrix has fewer columns.
#[test]
fn eigenvectors_diagonalise() {
    for a in [
        "[[2, 1], [1, 2]]",
        "[[1, 1], [1, 0]]",
        "[[0.7, 0.1], [0.2, 0.6]]",
        "[[2, 0, 0], [0, 3, 4], [0, 4, 9]]",
    ] {
        let Value::Matrix(d) = value(&format!(
            "A = {a}\nA*eigenvectors(A) - eigenvectors(A)*diag(eigenvalues(A))"
        )) else {
            panic!("{a}: not a matrix")
        };
        for e in d.iter().flatten() {
            assert_eq!(expand(e).unwrap(), Expr::zero(), "{a}: {e}");
        }
    }
    assert_eq!(ok("eigenvectors([[1, 1], [0, 1]])"), "[[1], [0]]");
}

/// Work that would grow without bound is refused with a clear message, not left to run.
#[test]
fn huge_exact_work_is_refused() {
    let a = "[[0.7, 0.1], [0.2, 0.6]]";
    let e = run(&format!("ssm_kernel({a}, [1, 0], [1, 0], 0, 100000)")).unwrap_err();
    assert!(e.contains("grow too large"), "{e}");
    let e = run("neumann([[0.2, 0.05], [-0.1, 0.15]], 100000)").unwrap_err();
    assert!(e.contains("grow too large"), "{e}");
    assert!(run("identity(501)").unwrap_err().contains("501"));
    // No matrix without rows or columns: it would break every later operation.
    assert!(run("outer([], [])*identity(1)")
        .unwrap_err()
        .contains("non-empty"));
    assert!(run("outer([1], [])").unwrap_err().contains("non-empty"));
}

fn matrix(entries: &[i64], n: usize) -> String {
    let rows: Vec<String> = entries
        .chunks(n)
        .map(|r| {
            format!(
                "[{}]",
                r.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    format!("[{}]", rows.join(", "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A = P·diag(λ1, λ2)·P⁻¹ with distinct non-zero rational eigenvalues: A^k in closed form
    /// and the closed-form kernel agree with repeated products at k = 0..6.
    #[test]
    fn closed_forms_agree_with_products(
        l1 in -5i64..6, l2 in -5i64..6, d1 in 1i64..4, d2 in 1i64..4,
        p in prop::sample::select(vec![[1i64, 1, 0, 1], [2, 1, 1, 1], [1, 2, 1, 3], [1, -1, 1, 0]]),
    ) {
        prop_assume!(l1 != 0 && l2 != 0 && l1 * d2 != l2 * d1);
        let pm = format!("[[{}, {}], [{}, {}]]", p[0], p[1], p[2], p[3]);
        let a = format!("{pm}*[[{l1}/{d1}, 0], [0, {l2}/{d2}]]*inverse({pm})");
        let closed = value(&format!("A = {a}\nA^k"));
        for k in 0..7 {
            let direct = value(&format!("A = {a}\nA^{k}"));
            let (Value::Matrix(c), Value::Matrix(d)) = (&closed, &direct) else {
                return Err(TestCaseError::fail("not matrices"));
            };
            for (cr, dr) in c.iter().zip(d) {
                for (ce, de) in cr.iter().zip(dr) {
                    prop_assert_eq!(&subs(ce, "k", &Expr::int(k)).unwrap(), de, "k = {}", k);
                }
            }
        }
        let terms = ok(&format!("A = {a}\nssm_kernel(A, [1, 2], [3, -1], 0, 6)"));
        for l in 1..7 {
            let closed = ok(&format!("A = {a}\nK = ssm_kernel(A, [1, 2], [3, -1], 0, l)\nsubs(K, l, {l})"));
            let listed = terms.trim_matches(|c| c == '[' || c == ']').split(", ").nth(l).unwrap().to_string();
            prop_assert_eq!(ok(&format!("({closed}) - ({listed})")), "0");
        }
    }

    #[test]
    fn identities_on_random_integer_matrices(
        n in 1usize..5,
        a in prop::collection::vec(-6i64..7, 16),
        b in prop::collection::vec(-6i64..7, 16),
    ) {
        let (a, b) = (matrix(&a[..n * n], n), matrix(&b[..n * n], n));
        let (da, db) = (ok(&format!("det({a})")), ok(&format!("det({b})")));
        prop_assert_eq!(ok(&format!("det({a}*{b})")), ok(&format!("({da})*({db})")));
        prop_assert_eq!(ok(&format!("det(transpose({a}))")), da.clone());
        let rank: usize = ok(&format!("rank({a})")).parse().unwrap();
        let null = ok(&format!("nullspace({a})"));
        // The nullspace prints n rows with one column per basis vector.
        let nullity = if null == "[]" {
            0
        } else {
            null.trim_start_matches("[[").split(']').next().unwrap().split(", ").count()
        };
        prop_assert_eq!(rank + nullity, n);
        // A system built from a known solution is solved back to a solution.
        let x0: Vec<String> = (0..n).map(|i| format!("{}", i as i64 - 1)).collect();
        let rhs = ok(&format!("{a}*[{}]", x0.join(", ")));
        let x = ok(&format!("linsolve({a}, {rhs})"));
        let back = ok(&format!("{a}*{}", x));
        prop_assert_eq!(back, rhs);
        // Sherman–Morrison agrees with inverting the updated matrix, or both say singular.
        let (u, v) = ("[1, -1, 2, 0]", "[0, 2, 1, 1]");
        let (u, v) = (format!("[{}]", u.trim_matches(|c| c == '[' || c == ']').split(", ").take(n).collect::<Vec<_>>().join(", ")),
                      format!("[{}]", v.trim_matches(|c| c == '[' || c == ']').split(", ").take(n).collect::<Vec<_>>().join(", ")));
        if da != "0" {
            let updated = format!("{a} + outer({u}, {v})");
            let sm = run(&format!("sherman_morrison(inverse({a}), {u}, {v})"));
            match run(&format!("inverse({updated})")) {
                Ok(inv) => prop_assert_eq!(sm.unwrap(), inv),
                Err(_) => prop_assert!(sm.is_err()),
            }
        }
        if da != "0" {
            prop_assert_eq!(x, format!("[{}]", x0.join(", ")));
            prop_assert_eq!(ok(&format!("{a}*inverse({a})")), ok(&format!("identity({n})")));
            prop_assert_eq!(ok(&format!("det(inverse({a}))")), ok(&format!("1/({da})")));
        } else {
            let e = run(&format!("inverse({a})")).unwrap_err();
            prop_assert!(e.contains("singular"), "{}", e);
            prop_assert!(rank < n);
        }
    }
}

/// `==` and `!=` compare exact vectors and matrices entry by entry (different shapes are
/// unequal); an undecidable entry is an error, and a long vector's LaTeX is a column.
#[test]
fn arrays_compare_entry_by_entry() {
    assert_eq!(ok("[1, 2] == [1, 2]"), "true");
    assert_eq!(ok("[1, 2] != [1, 3]"), "true");
    assert_eq!(ok("[[1, 2]] == [1, 2]"), "false");
    assert_eq!(ok("[1, 2] == [1, 2, 3]"), "false");
    assert_eq!(ok("[sqrt(8), x] == [2*sqrt(2), x]"), "true");
    assert_eq!(
        ok("inverse([[2, 1], [1, 1]]) == [[1, -1], [-1, 2]]"),
        "true"
    );
    assert!(run("[x] == [y]")
        .unwrap_err()
        .contains("cannot decide whether x = y"));
    let tex = sigma::render::latex::value(&value("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]"));
    assert!(tex.starts_with("\\begin{bmatrix} 1 \\\\ 2"), "{tex}");
    let tex = sigma::render::latex::value(&value("zeros(1, 12)"));
    assert!(tex.contains("\\begin{array}{cccccccccccc}"), "{tex}");
}

/// Rational matrix powers and products run over a common denominator (fraction-free); the
/// answers are the exact rationals, checked against closed forms.
#[test]
fn rational_powers_and_products_are_exact() {
    // SEEDS B1(b-ii): A^k[0][0] = (2/3)(4/5)^k + (1/3)(1/2)^k.
    let a = "[[7/10, 1/10], [1/5, 3/5]]";
    for k in [0, 1, 2, 5, 40] {
        assert_eq!(
            ok(&format!("({a}^{k})[0][0]")),
            ok(&format!("2/3*(4/5)^{k} + 1/3*(1/2)^{k}")),
            "k = {k}"
        );
    }
    assert_eq!(
        ok(&format!("{a}^3")),
        "[[383/1000, 129/1000], [129/500, 127/500]]"
    );
    assert_eq!(ok("[[1, 2]]*[[1/3], [1/4]]"), "[[5/6]]");
    assert_eq!(
        ok("[[1/2, 1/3], [1/4, 1/5]]*[[6, 0], [0, 60]]"),
        "[[3, 20], [3/2, 12]]"
    );
    // Symbolic entries take the general path.
    assert_eq!(ok("[[1/2, x], [0, 1]]^3"), "[[1/8, 7*x/4], [0, 1]]");
}

#[test]
fn a_matrix_power_too_large_to_write_is_refused() {
    let e = run("[[10^100, 1], [1, 1]]^1000000").expect_err("refused");
    assert!(
        e.starts_with(
            "error: a 2×2 matrix power (exponent 1000000) with entries of up to about 100544018 digits is too large"
        ),
        "{e}"
    );
}
