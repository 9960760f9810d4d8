//! The SSM convolution kernel (SEEDS B1): exact terms and closed forms from the homework, the
//! W4 benchmark's last term against the digest FLINT prints, every method giving the same
//! kernel on random exact systems, the transfer function's Maclaurin coefficients equal to the
//! kernel, the Cayley–Hamilton recurrence, and bad input refused quickly.

use proptest::prelude::*;
use sigma::builtins::BUILTINS;
use sigma::eval::value::Value;
use sigma::math::linalg::kernel::{exp_form, kernel, Method};
use sigma::math::linalg::Matrix;
use sigma::math::number::Q;
use sigma::render::text;
use std::time::Instant;

mod common;
use common::{err, eval, ok};

/// The entries of a vector value as rationals.
fn rationals(src: &str) -> Vec<Q> {
    match eval(src).unwrap_or_else(|e| panic!("{src}: {e}")) {
        Value::Vector(v) => v
            .iter()
            .map(|e| e.as_num().cloned().expect("a rational entry"))
            .collect(),
        other => panic!("{src}: not a vector: {}", text::value(&other)),
    }
}

const B1II: &str = "[[0.7, 0.1], [0.2, 0.6]], [1, 0], [1, 0]";

#[test]
fn documented_examples_hold() {
    for name in ["ssm_kernel", "transfer", "kernel_recurrence"] {
        let b = BUILTINS
            .iter()
            .find(|b| b.name == name)
            .expect("registered");
        let (input, want) = b.example.split_once(" → ").expect("an example with →");
        assert_eq!(ok(input), want, "{name}");
    }
}

#[test]
fn homework_b1_terms_and_closed_forms() {
    assert_eq!(
        ok("ssm_kernel(0.8, 1, 1.5, δ, 4)"),
        "[δ, 3/2, 6/5, 24/25, 96/125]"
    );
    assert_eq!(ok("ssm_kernel(0.8, 1, 1.5, δ, l)"), "3*(4/5)^(l - 1)/2");
    assert_eq!(
        ok(&format!("ssm_kernel({B1II}, 0, 4)")),
        "[0, 1, 7/10, 51/100, 383/1000]"
    );
    assert_eq!(
        ok(&format!("ssm_kernel({B1II}, 0, l)")),
        "(1/2)^(l - 1)/3 + 2*(4/5)^(l - 1)/3"
    );
    // Each method names itself; the closed form through Sylvester and through λI + u·vᵀ agree.
    for m in ["iterate", "squaring", "lowrank", "closed"] {
        assert_eq!(
            ok(&format!("ssm_kernel({B1II}, 0, 4, {m})")),
            "[0, 1, 7/10, 51/100, 383/1000]",
            "{m}"
        );
    }
    assert_eq!(
        ok(&format!("ssm_kernel({B1II}, 0, l, lowrank)")),
        "(1/2)^(l - 1)/3 + 2*(4/5)^(l - 1)/3"
    );
    // B1(f): A = I + p·pᵀ with p = (1, 2): K_ℓ = 2·(6^(ℓ−1) − 1)/5 from e1 to e2.
    assert_eq!(
        ok("ssm_kernel([[2, 2], [2, 5]], [1, 0], [0, 1], 0, l, lowrank)"),
        "2*6^(l - 1)/5 - 2/5"
    );
    // B1(e): a diagonal A.
    assert_eq!(
        ok("ssm_kernel([[1/2, 0], [0, 1/3]], [1, 1], [1, 1], 0, 3, diagonal)"),
        "[0, 2, 5/6, 13/36]"
    );
}

/// A = λI + u·vᵀ with vᵀu = 0 (a Jordan block): the closed form with its repeated eigenvalue
/// equals every listed term through ℓ = 40.
#[test]
fn a_jordan_block_has_a_closed_form() {
    let sys = "[[1/2, 1], [0, 1/2]], [1, 1], [1, 1], 0";
    let closed = ok(&format!("ssm_kernel({sys}, l)"));
    assert_eq!(closed, "(1/2)^(l - 2)*(l - 1) + 2*(1/2)^(l - 1)");
    let listed = rationals(&format!("ssm_kernel({sys}, 40)"));
    for (l, k) in listed.iter().enumerate().skip(1) {
        let at = rationals(&format!("[subs({closed}, l, {l})]"));
        assert_eq!(&at[0], k, "ℓ = {l}");
    }
}

#[test]
fn the_w4_system_at_l_16384_matches_flints_digest() {
    let a = Matrix::new(
        vec![
            vec![Q::frac(7, 10), Q::frac(1, 10)],
            vec![Q::frac(1, 5), Q::frac(3, 5)],
        ],
        2,
    )
    .unwrap();
    let e1 = vec![Q::one(), Q::zero()];
    let k = kernel(&a, &e1, &e1, 16384, Method::Iterate, 1 << 30).unwrap();
    let last = k.term(16384);
    // `python3 w4_exact.py ssm2 16384 flint`: K_L = 14796d:140334..761583 / 16384d:100000..000000.
    let (num, den) = (last.numer().to_string(), last.denom().to_string());
    assert_eq!(
        (num.len(), &num[..6], &num[num.len() - 6..]),
        (14796, "140334", "761583")
    );
    assert_eq!(den, format!("1{}", "0".repeat(16383)));
    // The closed form (2/3)(4/5)^(L−1) + (1/3)(1/2)^(L−1) gives the same number.
    let p = |n: i64, d: i64| {
        Q(rug::Rational::from((
            rug::Integer::from(rug::Integer::i_pow_u(n as i32, 16383)),
            rug::Integer::from(rug::Integer::i_pow_u(d as i32, 16383)),
        )))
    };
    let closed = Q::frac(2, 3)
        .mul(&p(4, 5))
        .add(&Q::frac(1, 3).mul(&p(1, 2)));
    assert_eq!(last, closed);
}

#[test]
fn bad_input_is_refused_quickly() {
    let t = Instant::now();
    let e = err(&format!("ssm_kernel({B1II}, 0, 10^9)"));
    assert!(e.contains("at most 100000 kernel terms"), "{e}");
    assert!(t.elapsed().as_secs_f64() < 2.0);
    let e = err(&format!("ssm_kernel({B1II}, 0, 4, diagonal)"));
    assert!(e.contains("the diagonal method needs a diagonal A"), "{e}");
    let e = err(&format!("ssm_kernel({B1II}, 0, 4, fastest)"));
    assert!(e.contains("unknown kernel method `fastest`"), "{e}");
    let e = err(&format!("ssm_kernel({B1II}, 0, l, squaring)"));
    assert!(e.contains("needs a number L"), "{e}");
    let e = err("ssm_kernel([[a, 1], [0, 1]], [1, 0], [1, 0], 0, 3, closed)");
    assert!(e.contains("needs rational A, B and C"), "{e}");
    let e = err("transfer([[1, 2, 3], [4, 5, 6]], [1, 0], [1, 0], 0, z)");
    assert!(e.contains("square"), "{e}");
}

#[test]
fn the_transfer_function_generates_the_kernel() {
    assert_eq!(
        ok(&format!("maclaurin(transfer({B1II}, 0, z), z, 5)")),
        "z + 7*z^2/10 + 51*z^3/100 + 383*z^4/1000 + 2939*z^5/10000 + O(z^6)"
    );
    // Common factors cancel: only the mode 1 is observable from C = (1, 0).
    assert_eq!(
        ok("transfer([[1, 0], [0, 2]], [1, 1], [1, 0], 0, z)"),
        "-z/(z - 1)"
    );
    // Symbolic entries: K_1 = 0, K_2 = 1, so H = d + z²/((1 − a z)(1 − b z)).
    let h = "transfer([[a, 1], [0, b]], [0, 1], [1, 0], d, z)";
    for (a, b, d, z) in [("2/3", "-5", "7", "1/11"), ("-1/2", "3", "x", "2/7")] {
        let diff = format!("({h}) - d - z^2/((1 - a*z)*(1 - b*z))");
        let at = format!("subs(subs(subs(subs({diff}, a, {a}), b, {b}), d, {d}), z, {z})");
        assert_eq!(
            ok(&format!("expand({at})")),
            "0",
            "a = {a}, b = {b}, z = {z}"
        );
    }
    let sym = "[[a, 1], [0, b]], [0, 1], [1, 0]";
    for k in 0..6 {
        let c = ok(&format!("coeff(transfer({sym}, 0, z), z, {k})"));
        let want = ok(&format!("ssm_kernel({sym}, 0, 5)"));
        let want = want
            .trim_matches(['[', ']'])
            .split(", ")
            .nth(k)
            .unwrap()
            .to_string();
        assert_eq!(ok(&format!("expand(({c}) - ({want}))")), "0", "z^{k}");
    }
}

#[test]
fn the_recurrence_holds() {
    assert_eq!(ok(&format!("kernel_recurrence({B1II})")), "[13/10, -2/5]");
    assert_eq!(
        ok("kernel_recurrence([[a, 1], [0, b]], [0, 1], [1, 0])"),
        "[a + b, -a*b]"
    );
    let a = "[[1/2, 1, 0], [0, -1/3, 2], [1, 0, 1/5]], [1, 2, 3], [1, -1, 2]";
    let r = rationals(&format!("kernel_recurrence({a}, 7)"));
    let k = rationals(&format!("ssm_kernel({a}, 7, 64)"));
    assert_eq!(k[0], Q::int(7));
    for l in 4..=64 {
        let rhs = (1..=3).fold(Q::zero(), |s, j| s.add(&r[j - 1].mul(&k[l - j])));
        assert_eq!(k[l], rhs, "ℓ = {l}");
    }
}

/// A random exact system of one of the structures the methods need.
fn system(kind: u8, n: usize, nums: &[i64], dens: &[i64]) -> (Matrix, Vec<Q>, Vec<Q>) {
    let q = |i: usize| Q::frac(nums[i % nums.len()], dens[i % dens.len()]);
    let rows: Vec<Vec<Q>> = match kind {
        // Diagonal.
        0 => (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| if i == j { q(i) } else { Q::zero() })
                    .collect()
            })
            .collect(),
        // λ·I + u·vᵀ.
        1 => (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| {
                        let r = q(i + 1).mul(&q(n + j + 2));
                        if i == j {
                            r.add(&q(0))
                        } else {
                            r
                        }
                    })
                    .collect()
            })
            .collect(),
        // Anything.
        _ => (0..n)
            .map(|i| (0..n).map(|j| q(3 * i + j + 5)).collect())
            .collect(),
    };
    let b = (0..n).map(|i| q(2 * i + 7)).collect();
    let c = (0..n).map(|i| q(5 * i + 1)).collect();
    (Matrix::new(rows, n).unwrap(), b, c)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every method that applies gives the iterated kernel, ℓ ≤ 64; so do the closed forms.
    #[test]
    fn every_method_gives_the_same_kernel(
        kind in 0u8..3,
        n in 1usize..5,
        nums in prop::collection::vec(-6i64..7, 12),
        dens in prop::collection::vec(1i64..8, 12),
    ) {
        let (a, b, c) = system(kind, n, &nums, &dens);
        let want = kernel(&a, &b, &c, 64, Method::Iterate, 1 << 30).unwrap().terms().unwrap();
        let mut applied = 0;
        for m in Method::ALL {
            match kernel(&a, &b, &c, 64, m, 1 << 30) {
                Ok(k) => {
                    applied += 1;
                    prop_assert_eq!(&k.terms().unwrap(), &want, "{:?}", m);
                }
                Err(sigma::math::expr::MathError::Unsupported(_)) => {}
                Err(e) => return Err(TestCaseError::fail(format!("{m:?}: {e}"))),
            }
            if let Some(pairs) = exp_form(&a, &b, &c, m).unwrap() {
                for (l, k) in want.iter().enumerate() {
                    let sum = pairs.iter().fold(Q::zero(), |s, (w, mu)| {
                        let p = if l == 0 { Q::one() } else { mu.pow_int(&rug::Integer::from(l)).unwrap() };
                        s.add(&w.mul(&p))
                    });
                    prop_assert_eq!(&sum, k, "{:?} at ℓ = {}", m, l + 1);
                }
            }
        }
        // Iterate and squaring always apply; diagonal A and λI + u·vᵀ get their own method.
        let least = if kind < 2 { 3 } else { 2 };
        prop_assert!(applied >= least, "{} methods applied", applied);
    }
}

/// Irrational and complex eigenvalues (Fibonacci's [[1, 1], [1, 0]], the rotation-scaling
/// [[1, 1], [−1, 1]]) get K_ℓ by Cayley–Hamilton; it equals the listed terms for ℓ = 1..12.
#[test]
fn cayley_hamilton_kernels_equal_the_listed_terms() {
    for a in ["[[1, 1], [1, 0]]", "[[1, 1], [-1, 1]]", "[[2, 1], [0, 2]]"] {
        let listed = ok(&format!("ssm_kernel({a}, [1, 2], [1, -1], 0, 12)"));
        let listed: Vec<String> = listed
            .trim_matches(|c| c == '[' || c == ']')
            .split(", ")
            .map(str::to_string)
            .collect();
        for (l, term) in listed.iter().enumerate().skip(1) {
            let closed = ok(&format!(
                "F = ssm_kernel({a}, [1, 2], [1, -1], 0, l)\nexpand(subs(F, l, {l}))"
            ));
            assert_eq!(&closed, term, "{a}, ℓ = {l}");
        }
    }
}
