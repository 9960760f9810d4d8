//! `guess`: general terms of coefficient sequences (closed forms checked by value, also on
//! terms beyond those supplied), recurrences, and refusals — never a wrong formula.

use sigma::math::expr::subst::{expand, subs};
use sigma::math::expr::Expr;
use sigma::math::series::guess::{
    describe_recurrence, describe_recurrence_rich, guess, GeneralTerm,
};
use sigma::math::Q;
use sigma::render::text;

/// Terms supplied to `guess`; sequences are computed a little further to test predictions.
const N: usize = 60;
const EXTRA: usize = 20;

fn q(n: i64, d: i64) -> Q {
    Q::frac(n, d)
}

/// A sequence from c_0 and the term ratio c_{k+1} = c_k · ratio(k).
fn by_ratio(c0: Q, len: usize, ratio: impl Fn(i64) -> Q) -> Vec<Q> {
    let mut v = vec![c0];
    for k in 0..len as i64 - 1 {
        let next = v[k as usize].mul(&ratio(k));
        v.push(next);
    }
    v
}

/// Spreads `d` over the residue class r mod m (zeros elsewhere).
fn spread(d: &[Q], m: usize, r: usize, len: usize) -> Vec<Q> {
    (0..len)
        .map(|k| {
            if k >= r && (k - r).is_multiple_of(m) {
                d.get((k - r) / m).cloned().unwrap_or_else(Q::zero)
            } else {
                Q::zero()
            }
        })
        .collect()
}

fn inv_fact(len: usize) -> Vec<Q> {
    by_ratio(Q::one(), len, |k| q(1, k + 1))
}

/// The formula's value at `var = n`, evaluated independently of the guesser: substituted,
/// re-canonicalised through the constructors and expanded.
fn value(f: &Expr, var: &str, n: u64) -> Option<Q> {
    let v = subs(f, var, &Expr::int(n as i64)).ok()?;
    expand(&v).ok()?.as_num().cloned()
}

/// Asserts a closed form that reproduces every term of `all` (supplied or not).
fn assert_closed(g: &GeneralTerm, all: &[Q], independent: bool) {
    let GeneralTerm::Closed {
        modulus,
        pieces,
        exceptions,
        evidence,
    } = g
    else {
        panic!("expected a closed form, got {g:?}");
    };
    assert!(evidence.checked_on >= 10, "{evidence:?}");
    for (k, ck) in all.iter().enumerate() {
        let k = k as u64;
        assert_eq!(g.predict(k, "n").as_ref(), Some(ck), "c_{k} from {g:?}");
        if !independent {
            continue;
        }
        let expected = if let Some((_, v)) = exceptions.iter().find(|(i, _)| *i == k) {
            Some(v.clone())
        } else {
            match pieces
                .iter()
                .find(|p| k % modulus == p.residue && k >= p.residue + modulus * p.n0)
            {
                Some(p) => value(&p.formula, "n", (k - p.residue) / modulus),
                None => Some(Q::zero()),
            }
        };
        assert_eq!(
            expected.as_ref(),
            Some(ck),
            "c_{k} (independently) from {g:?}"
        );
    }
}

/// The single piece of a closed form: (modulus, residue, n0, formula text, #exceptions).
fn one_piece(g: &GeneralTerm) -> (u64, u64, u64, String, usize) {
    match g {
        GeneralTerm::Closed {
            modulus,
            pieces,
            exceptions,
            ..
        } if pieces.len() == 1 => (
            *modulus,
            pieces[0].residue,
            pieces[0].n0,
            text::expr(&pieces[0].formula),
            exceptions.len(),
        ),
        other => panic!("expected one piece, got {other:?}"),
    }
}

/// Guesses from the first N terms and checks the closed form on all of `all`.
fn closed(all: &[Q]) -> GeneralTerm {
    let g = guess(&all[..N], "n");
    assert_closed(&g, all, true);
    g
}

#[test]
fn exp_is_one_over_n_factorial() {
    let g = closed(&inv_fact(N + EXTRA));
    assert_eq!(one_piece(&g), (1, 0, 0, "1/n!".into(), 0));
    let GeneralTerm::Closed { evidence, .. } = &g else {
        unreachable!()
    };
    assert_eq!(
        evidence.method.to_string(),
        "hypergeometric: c(n+1)/c(n) = 1/(1 + n)"
    );
    assert_eq!(evidence.fitted_on + evidence.checked_on, N);
}

#[test]
fn exp_minus_x_alternates() {
    let g = closed(&by_ratio(Q::one(), N + EXTRA, |k| q(-1, k + 1)));
    assert_eq!(one_piece(&g), (1, 0, 0, "(-1)^n/n!".into(), 0));
}

#[test]
fn exp_x_squared_has_modulus_two() {
    let g = closed(&spread(&inv_fact(N), 2, 0, N + EXTRA));
    assert_eq!(one_piece(&g), (2, 0, 0, "1/n!".into(), 0));
}

#[test]
fn log_one_plus_x_starts_at_one() {
    let all: Vec<Q> = (0..(N + EXTRA) as i64)
        .map(|k| match k {
            0 => Q::zero(),
            _ => q(if k % 2 == 1 { 1 } else { -1 }, k),
        })
        .collect();
    let g = closed(&all);
    assert_eq!(one_piece(&g), (1, 0, 1, "(-1)^(1 + n)/n".into(), 0));
}

#[test]
fn geometric_series() {
    let g = closed(&vec![Q::one(); N + EXTRA]);
    assert_eq!(one_piece(&g), (1, 0, 0, "1".into(), 0));
    let g = closed(&by_ratio(Q::one(), N + EXTRA, |_| Q::int(2)));
    assert_eq!(one_piece(&g), (1, 0, 0, "2^n".into(), 0));
}

#[test]
fn integral_of_exp_minus_t_squared() {
    // ∫₀ˣ e^(−t²) dt = Σ (−1)^n x^(2n+1)/(n!(2n+1))
    let d: Vec<Q> = inv_fact(N)
        .iter()
        .enumerate()
        .map(|(n, f)| {
            let s = if n % 2 == 0 { 1 } else { -1 };
            f.mul(&q(s, 2 * n as i64 + 1))
        })
        .collect();
    let g = closed(&spread(&d, 2, 1, N + EXTRA));
    let (m, r, n0, f, e) = one_piece(&g);
    assert_eq!((m, r, n0, e), (2, 1, 0, 0));
    assert_eq!(f, "(-1)^n/(n!*(1 + 2*n))");
}

#[test]
fn sin_and_cos() {
    let inv: Vec<Q> = inv_fact(2 * N);
    let alt = |start: usize| -> Vec<Q> {
        (0..N)
            .map(|n| {
                let v = inv[2 * n + start].clone();
                if n % 2 == 0 {
                    v
                } else {
                    v.neg()
                }
            })
            .collect()
    };
    let g = closed(&spread(&alt(1), 2, 1, N + EXTRA));
    assert_eq!(one_piece(&g), (2, 1, 0, "(-1)^n/(1 + 2*n)!".into(), 0));
    let g = closed(&spread(&alt(0), 2, 0, N + EXTRA));
    assert_eq!(one_piece(&g), (2, 0, 0, "(-1)^n/(2*n)!".into(), 0));
}

#[test]
fn atan() {
    let d: Vec<Q> = (0..N as i64)
        .map(|n| q(if n % 2 == 0 { 1 } else { -1 }, 2 * n + 1))
        .collect();
    let g = closed(&spread(&d, 2, 1, N + EXTRA));
    assert_eq!(one_piece(&g), (2, 1, 0, "(-1)^n/(1 + 2*n)".into(), 0));
}

#[test]
fn catalan_numbers() {
    let all = by_ratio(Q::one(), N + EXTRA, |n| q(2 * (2 * n + 1), n + 2));
    let g = closed(&all);
    let (m, r, n0, f, e) = one_piece(&g);
    assert_eq!((m, r, n0, e), (1, 0, 0, 0));
    assert_eq!(f, "binomial(2*n, n)/(1 + n)");
}

#[test]
fn fibonacci_in_binet_form() {
    let mut all = vec![Q::one(), Q::one()];
    while all.len() < N + EXTRA {
        let next = all[all.len() - 1].add(&all[all.len() - 2]);
        all.push(next);
    }
    let g = closed(&all);
    let (m, r, n0, f, e) = one_piece(&g);
    assert_eq!((m, r, n0, e), (1, 0, 0, 0));
    assert!(f.contains("sqrt(5)"), "{f}");
    let GeneralTerm::Closed { evidence, .. } = &g else {
        unreachable!()
    };
    assert!(evidence.method.starts_with("C-finite"), "{evidence:?}");
}

#[test]
fn lucas_and_mixed_rational_roots() {
    let mut lucas = vec![Q::int(2), Q::one()];
    while lucas.len() < N + EXTRA {
        let next = lucas[lucas.len() - 1].add(&lucas[lucas.len() - 2]);
        lucas.push(next);
    }
    closed(&lucas);
    // 1/((1 − x)(1 − 2x)): c_k = 2^(k+1) − 1
    let all: Vec<Q> = (0..N + EXTRA)
        .map(|k| Q::from_integer(rug::Integer::from(1) << (k as u32 + 1)).sub(&Q::one()))
        .collect();
    closed(&all);
    // 1/(1 − x)^3 (k+1)(k+2)/2 is hypergeometric; (k + 1)·2^k + 3^k is not
    let all: Vec<Q> = (0..(N + EXTRA) as i64)
        .map(|k| {
            let p2 = Q::int(2).pow_int(&k.into()).unwrap_or_else(|_| Q::zero());
            let p3 = Q::int(3).pow_int(&k.into()).unwrap_or_else(|_| Q::zero());
            p2.mul(&Q::int(k + 1)).add(&p3)
        })
        .collect();
    closed(&all);
}

#[test]
fn square_root_of_one_plus_x() {
    // binomial(1/2, k)
    let all = by_ratio(Q::one(), N + EXTRA, |k| {
        q(1, 2)
            .sub(&Q::int(k))
            .div(&Q::int(k + 1))
            .unwrap_or_default()
    });
    let g = closed(&all);
    let (_, _, n0, f, e) = one_piece(&g);
    assert_eq!((n0, e), (0, 0));
    assert!(f.contains("binomial(2*n, n)"), "{f}");
}

#[test]
fn gamma_at_thirds() {
    // (1 − x)^(−1/3): c_{k+1} = c_k (k + 1/3)/(k + 1)
    let all = by_ratio(Q::one(), N + EXTRA, |k| q(3 * k + 1, 3 * (k + 1)));
    let g = guess(&all[..N], "n");
    assert_closed(&g, &all, false);
    let (_, _, _, f, _) = one_piece(&g);
    assert!(f.contains("gamma(1/3 + n)"), "{f}");
}

#[test]
fn cosh_plus_two_sinh_splits_into_pieces() {
    let all: Vec<Q> = inv_fact(N + EXTRA)
        .iter()
        .enumerate()
        .map(|(k, v)| {
            if k % 2 == 1 {
                v.mul(&Q::int(2))
            } else {
                v.clone()
            }
        })
        .collect();
    let g = closed(&all);
    let GeneralTerm::Closed {
        modulus, pieces, ..
    } = &g
    else {
        unreachable!()
    };
    assert_eq!((*modulus, pieces.len()), (2, 2));
}

#[test]
fn exceptional_initial_terms() {
    // exp(x) − x
    let mut all = inv_fact(N + EXTRA);
    all[1] = Q::zero();
    let g = closed(&all);
    let GeneralTerm::Closed { exceptions, .. } = &g else {
        unreachable!()
    };
    assert_eq!(exceptions, &vec![(1, Q::zero())]);
    // 1 + sin x: c_0 = 1 is an exception of the odd pattern
    let inv = inv_fact(2 * N);
    let d: Vec<Q> = (0..N)
        .map(|n| {
            if n % 2 == 0 {
                inv[2 * n + 1].clone()
            } else {
                inv[2 * n + 1].neg()
            }
        })
        .collect();
    let mut all = spread(&d, 2, 1, N + EXTRA);
    all[0] = Q::one();
    let g = closed(&all);
    let GeneralTerm::Closed {
        exceptions,
        modulus,
        ..
    } = &g
    else {
        unreachable!()
    };
    assert_eq!((*modulus, exceptions.clone()), (2, vec![(0, Q::one())]));
}

#[test]
fn polynomials_are_finite() {
    let mut c = vec![Q::zero(); N];
    c[0] = Q::one();
    c[1] = Q::int(2);
    c[2] = Q::int(3);
    let g = guess(&c, "n");
    assert_closed(&g, &c, true);
    let GeneralTerm::Closed {
        pieces, exceptions, ..
    } = &g
    else {
        unreachable!()
    };
    assert!(pieces.is_empty());
    assert_eq!(exceptions.len(), 3);
}

/// Checks Σ p_i(k) c_{k+i} = 0 for every k ≥ from in range.
fn holds(polys: &[Vec<Q>], from: u64, c: &[Q]) -> bool {
    let r = polys.len() - 1;
    (from as usize..c.len() - r).all(|k| {
        let mut s = Q::zero();
        for (i, p) in polys.iter().enumerate() {
            let mut pk = Q::zero();
            for coef in p.iter().rev() {
                pk = pk.mul(&Q::int(k as i64)).add(coef);
            }
            s = s.add(&pk.mul(&c[k + i]));
        }
        s.is_zero()
    })
}

#[test]
fn motzkin_numbers_are_p_recursive() {
    // (n + 2) M_n = (2n + 1) M_{n−1} + 3(n − 1) M_{n−2}
    let mut c = vec![Q::one(), Q::one()];
    for n in 2..N as i64 {
        let v = Q::int(2 * n + 1)
            .mul(&c[n as usize - 1])
            .add(&Q::int(3 * (n - 1)).mul(&c[n as usize - 2]))
            .div(&Q::int(n + 2))
            .unwrap_or_default();
        c.push(v);
    }
    let g = guess(&c, "n");
    let GeneralTerm::Recurrence {
        order,
        polys,
        from,
        evidence,
    } = &g
    else {
        panic!("expected a recurrence, got {g:?}");
    };
    assert_eq!(*order, 2);
    assert!(holds(polys, *from, &c));
    assert!(evidence.checked_on >= 10 && evidence.method.starts_with("P-recursive"));
    assert!(g.predict(5, "n").is_none());
}

#[test]
fn harmonic_numbers_are_p_recursive() {
    let mut c = vec![Q::zero()];
    for k in 1..N as i64 {
        let v = c[k as usize - 1].add(&q(1, k));
        c.push(v);
    }
    let GeneralTerm::Recurrence { polys, from, .. } = guess(&c, "n") else {
        panic!("expected a recurrence");
    };
    assert!(holds(&polys, from, &c));
}

/// Taylor coefficients of tan x = sin x / cos x.
fn tan_coefficients(len: usize) -> Vec<Q> {
    let inv = inv_fact(len);
    let sign = |j: usize| {
        if (j / 2).is_multiple_of(2) {
            Q::one()
        } else {
            Q::int(-1)
        }
    };
    let sin: Vec<Q> = (0..len)
        .map(|k| {
            if k % 2 == 1 {
                inv[k].mul(&sign(k))
            } else {
                Q::zero()
            }
        })
        .collect();
    let cos: Vec<Q> = (0..len)
        .map(|k| {
            if k % 2 == 0 {
                inv[k].mul(&sign(k))
            } else {
                Q::zero()
            }
        })
        .collect();
    let mut t: Vec<Q> = Vec::with_capacity(len);
    for k in 0..len {
        let mut v = sin[k].clone();
        for j in 1..=k {
            v = v.sub(&cos[j].mul(&t[k - j]));
        }
        t.push(v);
    }
    t
}

#[test]
fn tan_is_closed_with_bernoulli_numbers() {
    // tan x = Σ (−1)^(n−1) 2^(2n)(2^(2n) − 1) B_2n x^(2n−1)/(2n)! (DLMF 4.19.3): found by the
    // Bernoulli template, checked (independently) on terms beyond those supplied.
    let all = tan_coefficients(N + EXTRA);
    assert_eq!(all[3], q(1, 3));
    assert_eq!(all[5], q(2, 15));
    let g = guess(&all[..N], "n");
    assert_closed(&g, &all, true);
    let (m, r, n0, formula, exceptions) = one_piece(&g);
    assert_eq!((m, r, n0, exceptions), (2, 1, 0, 0));
    assert_eq!(
        formula,
        "-4*bernoulli(2 + 2*n)*((-4)^n - 4*(-16)^n)/(2 + 2*n)!"
    );
}

#[test]
fn random_sequence_is_unknown() {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let c: Vec<Q> = (0..N)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let a = (state >> 33) as i64 % 199 - 99;
            let b = (state >> 20) as i64 % 17 + 1;
            q(a, b)
        })
        .collect();
    let g = guess(&c, "n");
    let GeneralTerm::Unknown(why) = &g else {
        panic!("expected Unknown, got {g:?}");
    };
    assert!(why.contains("first 60 coefficients"), "{why}");
}

#[test]
fn agreeing_with_one_over_n_factorial_for_30_terms_is_not_enough() {
    let inv = inv_fact(N);
    let doubled: Vec<Q> = (0..N)
        .map(|k| {
            if k < 30 {
                inv[k].clone()
            } else {
                inv[k].mul(&Q::int(2))
            }
        })
        .collect();
    let mut bumped = inv.clone();
    bumped[30] = bumped[30].add(&Q::one());
    for c in [doubled, bumped] {
        let g = guess(&c, "n");
        if let GeneralTerm::Closed { pieces, .. } = &g {
            assert!(
                pieces.iter().all(|p| text::expr(&p.formula) != "1/n!"),
                "{g:?}"
            );
            assert_closed(&g, &c, true);
        }
        if let GeneralTerm::Recurrence { polys, from, .. } = &g {
            assert!(holds(polys, *from, &c));
        }
    }
}

#[test]
fn too_few_terms() {
    let g = guess(&inv_fact(8), "n");
    assert!(
        matches!(g, GeneralTerm::Unknown(ref s) if s.contains("only 8")),
        "{g:?}"
    );
}

#[test]
fn recurrences_render() {
    let polys = vec![vec![Q::int(-1)], vec![], vec![Q::int(2), Q::int(1)]];
    assert_eq!(
        describe_recurrence(&polys, 0, "k"),
        "(k + 2)*c(k+2) - c(k) = 0 for k ≥ 0"
    );
    let rich = describe_recurrence_rich(&polys, 0, "k");
    assert_eq!(rich.to_string(), "(k + 2)*c(k+2) - c(k) = 0 for k ≥ 0");
    assert_eq!(
        sigma::render::rich::tex_inline(&rich),
        "$\\left(k + 2\\right) c(k+2) - c(k) = 0$ for $k \\ge 0$"
    );
    let halves = vec![vec![Q::frac(-1, 2)], vec![Q::frac(3, 2)]];
    assert_eq!(
        sigma::render::rich::tex_inline(&describe_recurrence_rich(&halves, 1, "k")),
        "$\\left(\\frac{3}{2}\\right) c(k+1) - \\left(\\frac{1}{2}\\right) c(k) = 0$ for $k \\ge 1$"
    );
}
