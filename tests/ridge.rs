//! Ridge regression and ridge attention (SEEDS B4): exact weights against values computed
//! independently with SymPy (`(X.T*X + λ*eye(d)).inv()`), the sufficient-statistics identity,
//! the causal Sherman–Morrison recursion against a fresh inverse at every step, and errors.

use proptest::prelude::*;

mod common;
use common::{ok, run};

/// Values from SymPy 1.12: `X*(X.T*X + l*eye(2)).inv()*q`, factored.
#[test]
fn weights_and_solutions_match_sympy() {
    assert_eq!(
        ok("ridge([[1, 0], [0, 1], [1, 1]], [1, 2, 3], 1)"),
        "[7/8, 11/8]"
    );
    assert_eq!(
        ok("ridge_weights([[1, 0], [0, 1], [1, 1]], [1, 0], 1)"),
        "[3/8, -1/8, 1/4]"
    );
    assert_eq!(
        ok("ridge([[1, 2], [3, 4]], [1, 1], λ)"),
        "[4*(λ - 1)/(4 + 30*λ + λ^2), 2*(2 + 3*λ)/(4 + 30*λ + λ^2)]"
    );
    assert_eq!(
        ok("ridge_weights([[1, 2], [3, 4], [1, 1]], [1, 0], λ)"),
        "[(λ - 9)/(6 + 32*λ + λ^2), 3*(1 + λ)/(6 + 32*λ + λ^2), (6 + λ)/(6 + 32*λ + λ^2)]"
    );
    // λ → 0 with an invertible X is ordinary least squares, here the exact solution X⁻¹y.
    assert_eq!(ok("ridge([[1, 2], [3, 4]], [1, 1], 0)"), "[-1, 1]");
}

/// SEEDS B4(b): XᵀX + λI = λI + Σ x_i x_iᵀ and Xᵀy = Σ x_i y_i, with λ symbolic.
#[test]
fn sufficient_statistics() {
    let src = "x1 = [1, 2]\nx2 = [3, -1]\nx3 = [0, 5]\nX = [x1, x2, x3]\n\
               transpose(X)*X + λ*identity(2) - (λ*identity(2) + outer(x1, x1) + outer(x2, x2) + outer(x3, x3))";
    assert_eq!(ok(src), "[[0, 0], [0, 0]]");
}

/// The rank-one recursion agrees with a direct inverse at every step (SymPy: 2/3, 4/3, 18/7).
#[test]
fn causal_attention_matches_direct_formula() {
    assert_eq!(
        ok("K = [[1, 0], [0, 1], [1, 1]]\nridge_attention(K, K, [[1], [2], [3]], 1/2)"),
        "[[2/3], [4/3], [18/7]]"
    );
    assert_eq!(
        ok("ridge_attention([[1], [1]], [[1], [1]], [[2], [4]], 1)"),
        "[[1], [2]]"
    );
}

#[test]
fn bad_input_is_named() {
    let e = run("ridge([[1, 2]], [1, 2], 0)").unwrap_err();
    assert!(e.contains("y (one target per row of X)"), "{e}");
    let e = run("ridge([[1, 1], [1, 1]], [1, 2], 0)").unwrap_err();
    assert!(e.contains("singular"), "{e}");
    let e = run("ridge_attention([[1]], [[1], [2]], [[1], [2]], 1)").unwrap_err();
    assert!(e.contains("Q must have 2 rows"), "{e}");
    let e = run("ridge_attention([[1]], [[1]], [[1]], 0)").unwrap_err();
    assert!(e.contains("non-zero"), "{e}");
    // G_1 = -1 + 1 = 0: singular at the first step.
    let e = run("ridge_attention([[1]], [[1]], [[1]], -1)").unwrap_err();
    assert!(e.contains("singular"), "{e}");
}

fn rows(v: &[i64], d: usize) -> String {
    let r: Vec<String> = v
        .chunks(d)
        .map(|c| {
            format!(
                "[{}]",
                c.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    format!("[{}]", r.join(", "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Row t of ridge_attention equals V_tᵀ·K_t·(λI + K_tᵀK_t)⁻¹·q_t computed afresh.
    #[test]
    fn recursion_equals_fresh_inverses(
        t in 1usize..5,
        k in prop::collection::vec(-3i64..4, 8),
        q in prop::collection::vec(-3i64..4, 8),
        v in prop::collection::vec(-3i64..4, 4),
        lam in 1i64..4,
    ) {
        let (kk, qq, vv) = (rows(&k[..2 * t], 2), rows(&q[..2 * t], 2), rows(&v[..t], 1));
        let all = ok(&format!("ridge_attention({qq}, {kk}, {vv}, {lam})"));
        let got: Vec<&str> = all.trim_start_matches("[[").trim_end_matches("]]").split("], [").collect();
        for s in 1..=t {
            let (ks, vs) = (rows(&k[..2 * s], 2), rows(&v[..s], 1));
            let qs = format!("[{}, {}]", q[2 * (s - 1)], q[2 * s - 1]);
            let direct = ok(&format!(
                "Ks = {ks}\ntranspose({vs})*Ks*inverse({lam}*identity(2) + transpose(Ks)*Ks)*{qs}"
            ));
            prop_assert_eq!(format!("[{}]", got[s - 1]), direct);
        }
    }
}
