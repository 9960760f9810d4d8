//! Products ∏_{k=lo}^{hi} a(k): exact for integer bounds (factors multiplied by a product
//! tree, with a size budget and the interrupt flag checked), closed forms through Γ for
//! symbolic bounds when a(k) is a rational function that splits into linear factors over Q,
//! and infinite products: ∏ a(k) with a(k) → 1 converges exactly when Σ ln a(k) does (for
//! non-zero factors), with the value exp(Σ ln a(k)) when that sum is known; factors tending to
//! a limit other than 1 make the product diverge.

use crate::math::answer::{Notation, Op, Quantity, Rich, Test, Verdict, VerdictKind};
use crate::math::convergence::converges;
use crate::math::derivation::Derivation;
use crate::math::expr::{self, subst::subs, Expr, Func, MResult, MathError};
use crate::math::limit::{limit_at_infinity, Limit};
use crate::math::number::{MAX_EXACT_BITS, Q};
use crate::math::poly::{horner_int, split_linear};
use crate::math::sum::{self, Summed};
use crate::rich;
use rug::Integer;

/// Most factors multiplied one by one.
pub const MAX_FACTORS: i64 = 100_000;

/// What a product came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Produced {
    /// The exact value.
    Value(Expr),
    /// A verdict without a value: an infinite product that diverges, or one that converges
    /// whose value has no closed form here.
    Verdict(Verdict),
}

/// The product with its derivation.
#[derive(Debug, Clone)]
pub struct ProductResult {
    pub produced: Produced,
    pub steps: Derivation,
}

fn integer(b: &Expr) -> Option<Integer> {
    b.as_num()
        .filter(|q| q.is_integer())
        .map(|q| q.numer().clone())
}

/// ∏_{k=lo}^{hi} a(k).
pub fn evaluate(a: &Expr, k: &str, lo: &Expr, hi: &Expr) -> MResult<ProductResult> {
    let mut steps = Derivation::new();
    let Some(l) = integer(lo) else {
        return Err(MathError::Domain(format!(
            "the lower bound of a product must be an integer, not {lo}"
        )));
    };
    if *hi == Expr::infinity() {
        return infinite(a, k, &l);
    }
    if let Some(h) = integer(hi) {
        let v = finite(a, k, &l, &h)?;
        return Ok(ProductResult {
            produced: Produced::Value(v),
            steps,
        });
    }
    if hi.has_infinity() || hi.as_num().is_some() {
        return Err(MathError::Domain(format!(
            "the upper bound of a product must be an integer, a symbol or oo, not {hi}"
        )));
    }
    let Some((v, why)) = closed(a, k, &l, hi)? else {
        return Err(MathError::Unsupported(format!(
            "no closed form for ∏ ({a}): sigma closes products whose factor is a rational function of {k} splitting into linear factors over Q"
        )));
    };
    steps.push_expr(
        rich![
            "∏ (",
            a,
            ") from ",
            Expr::Num(Q::from_integer(l)),
            " to ",
            hi,
            " ="
        ],
        v.clone(),
        why,
    );
    Ok(ProductResult {
        produced: Produced::Value(v),
        steps,
    })
}

/// The exact product for integer bounds.
pub fn finite(a: &Expr, k: &str, lo: &Integer, hi: &Integer) -> MResult<Expr> {
    if hi < lo {
        return Ok(Expr::one());
    }
    let count = Integer::from(hi - lo) + 1u32;
    if let Some((p, q)) = crate::math::poly::rational_function(a, k) {
        // A long product of linear factors telescopes through Γ first (∏ (1 + 1/k) = N + 1).
        if count > 4096 {
            if let Some((Expr::Num(v), _)) =
                closed(a, k, lo, &Expr::Num(Q::from_integer(hi.clone())))?
            {
                return Ok(Expr::Num(v));
            }
        }
        return rational_product(a, k, &p, &q, lo, hi, &count).map(Expr::Num);
    }
    if count > MAX_FACTORS {
        return Err(MathError::Unsupported(format!(
            "a product of {count} factors: the factor {a} is not a rational function of {k}, so sigma multiplies it one factor at a time, at most {MAX_FACTORS} factors"
        )));
    }
    let mut nums: Vec<Q> = Vec::new();
    let mut others: Vec<Expr> = Vec::new();
    let mut bits = 0u64;
    let mut i = lo.clone();
    while i <= *hi {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        let f = subs(a, k, &Expr::Num(Q::from_integer(i.clone())))?;
        match f {
            Expr::Num(q) => {
                bits = bits.saturating_add(q.bits());
                if bits > MAX_EXACT_BITS {
                    return Err(MathError::TooLarge(format!(
                        "∏ ({a}) for {k} from {lo} to {hi} (more than about {} digits)",
                        (MAX_EXACT_BITS as f64 * std::f64::consts::LOG10_2) as u64
                    )));
                }
                if q.is_zero() {
                    return Ok(Expr::zero());
                }
                nums.push(q);
            }
            other => others.push(other),
        }
        i += 1;
    }
    let q = tree(&nums)?;
    others.push(Expr::Num(q));
    expr::mul(others)
}

/// Most factors of a rational function multiplied (in integer chunks, without substitution).
pub const MAX_RATIONAL_FACTORS: i64 = 10_000_000;

/// ∏_{i=lo}^{hi} p(i)/q(i) for a rational function p/q: integer values in chunks multiplied by
/// product trees, one division at the end; a pole on the range is an error naming it.
fn rational_product(
    a: &Expr,
    k: &str,
    p: &crate::math::poly::Poly,
    q: &crate::math::poly::Poly,
    lo: &Integer,
    hi: &Integer,
    count: &Integer,
) -> MResult<Q> {
    if *count > MAX_RATIONAL_FACTORS {
        return Err(MathError::TooLarge(format!(
            "a product of {count} factors (at most {MAX_RATIONAL_FACTORS} for a rational function)"
        )));
    }
    let (pc, pd) = p.integral();
    let (qc, qd) = q.integral();
    // The last factor's size predicts the whole product's.
    let bits = horner_int(&pc, hi)
        .significant_bits()
        .max(horner_int(&qc, hi).significant_bits()) as u64
        + 1;
    let total = bits.saturating_mul(count.to_u64().unwrap_or(u64::MAX));
    if total > MAX_EXACT_BITS {
        return Err(MathError::TooLarge(format!(
            "∏ ({a}) for {k} from {lo} to {hi} (about {} digits)",
            (total as f64 * std::f64::consts::LOG10_2) as u64
        )));
    }
    const CHUNK: usize = 4096;
    let (mut nums, mut dens) = (Vec::new(), Vec::new());
    let (mut cn, mut cd) = (Vec::with_capacity(CHUNK), Vec::with_capacity(CHUNK));
    let mut i = lo.clone();
    while i <= *hi {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        let (x, y) = (horner_int(&pc, &i), horner_int(&qc, &i));
        if y == 0 {
            return Err(MathError::Domain(format!(
                "the factor {a} is undefined at {k} = {i} (division by zero), inside the range of the product"
            )));
        }
        if x == 0 {
            return Ok(Q::zero());
        }
        cn.push(x);
        cd.push(y);
        if cn.len() == CHUNK {
            nums.push(int_tree(&cn));
            dens.push(int_tree(&cd));
            cn.clear();
            cd.clear();
        }
        i += 1;
    }
    nums.push(int_tree(&cn));
    dens.push(int_tree(&cd));
    // (P/pd)/(Q/qd) per factor: the constants once per factor.
    let n = count.to_u32().unwrap_or(u32::MAX);
    let scale = Q::from_integer(qd)
        .div(&Q::from_integer(pd))?
        .pow_int(&Integer::from(n))?;
    let v = Q::from_integer(int_tree(&nums)).div(&Q::from_integer(int_tree(&dens)))?;
    v.checked_mul(&scale).map_err(MathError::from)
}

/// The product of integers by a balanced tree.
fn int_tree(xs: &[Integer]) -> Integer {
    match xs {
        [] => Integer::from(1),
        [x] => x.clone(),
        _ => {
            let (l, r) = xs.split_at(xs.len() / 2);
            int_tree(l) * int_tree(r)
        }
    }
}

/// The product of `qs` by a balanced tree (fast for many growing factors).
fn tree(qs: &[Q]) -> MResult<Q> {
    if crate::math::interrupted() {
        return Err(MathError::Interrupted);
    }
    Ok(match qs {
        [] => Q::one(),
        [q] => q.clone(),
        _ => {
            let (l, r) = qs.split_at(qs.len() / 2);
            tree(l)?.checked_mul(&tree(r)?)?
        }
    })
}

/// ∏_{k=lo}^{hi} κ·Π (k + cᵢ)^eᵢ = κ^(hi − lo + 1)·Π (Γ(hi + 1 + cᵢ)/Γ(lo + cᵢ))^eᵢ, when every
/// lo + cᵢ > 0 (no factor vanishes or changes sign on the range).
fn closed(a: &Expr, k: &str, lo: &Integer, hi: &Expr) -> MResult<Option<(Expr, String)>> {
    let Some((kappa, factors)) = split_linear(a, k) else {
        return Ok(None);
    };
    let lo_q = Q::from_integer(lo.clone());
    if factors.iter().any(|(c, _)| !lo_q.add(c).is_positive()) {
        return Ok(None);
    }
    let count = expr::add(vec![hi.clone(), Expr::Num(Q::one().sub(&lo_q))])?;
    let mut parts = vec![expr::pow(Expr::Num(kappa), count)?];
    // Γ(N + 1 + c) for shifts c that differ by integers share one Γ: Γ(N + 1 + c₀ + j) =
    // Γ(N + 1 + c₀)·(N + 1 + c₀)⋯(N + c₀ + j), so Γ(N + 2)/Γ(N + 1) prints as N + 1.
    let mut bases: Vec<(Q, i64)> = Vec::new();
    for (c, e) in &factors {
        let bottom = expr::func(Func::Gamma, vec![Expr::Num(lo_q.add(c))])?;
        parts.push(expr::pow(bottom, Expr::int(-*e))?);
        let c0 = factors
            .iter()
            .map(|(d, _)| d)
            .filter(|d| c.sub(d).is_integer())
            .min()
            .expect("c itself")
            .clone();
        let j = c.sub(&c0).to_i64().unwrap_or(0);
        if j > 64 {
            return Ok(None);
        }
        for i in 0..j {
            let f = expr::add(vec![hi.clone(), Expr::Num(c0.add(&Q::int(1 + i)))])?;
            parts.push(expr::pow(f, Expr::int(*e))?);
        }
        match bases.iter_mut().find(|(b, _)| *b == c0) {
            Some(slot) => slot.1 += e,
            None => bases.push((c0, *e)),
        }
    }
    for (c0, e) in bases {
        if e != 0 {
            let top = expr::func(
                Func::Gamma,
                vec![expr::add(vec![hi.clone(), Expr::Num(c0.add(&Q::one()))])?],
            )?;
            parts.push(expr::pow(top, Expr::int(e))?);
        }
    }
    Ok(Some((
        expr::mul(parts)?,
        "the product of (k + c) for k from lo to N is Γ(N + 1 + c)/Γ(lo + c) for each linear factor, and the constant factor comes once per index".into(),
    )))
}

/// The verdict on ∏_{k≥lo} a(k) (its value not sought), with the derivation.
pub fn verdict(a: &Expr, k: &str) -> MResult<(Verdict, Derivation)> {
    let r = decide(a, k, None)?;
    match r.produced {
        Produced::Verdict(v) => Ok((v, r.steps)),
        Produced::Value(_) => unreachable!("no value is sought without a start"),
    }
}

/// ∏_{k≥lo} a(k): the value when it is found, else the verdict.
fn infinite(a: &Expr, k: &str, lo: &Integer) -> MResult<ProductResult> {
    decide(a, k, Some(lo))
}

/// The factors' limit, then Σ ln a(k); with a start, the value exp(Σ_{k≥lo} ln a(k)).
fn decide(a: &Expr, k: &str, lo: Option<&Integer>) -> MResult<ProductResult> {
    let mut steps = Derivation::new();
    let (l, ls) = limit_at_infinity(a, k)?;
    let factor_limit = Notation::new(format!("lim a({k})"), format!("\\lim a({k})"));
    let diverges = |reason: Rich, q: Option<Quantity>, steps: Derivation| ProductResult {
        produced: Produced::Verdict(Verdict::new(
            VerdictKind::Diverges,
            Test::NthTerm,
            q,
            reason,
        )),
        steps,
    };
    match &l {
        Limit::Value(v) if v.is_one() => {}
        Limit::Value(v) => {
            steps.extend(ls);
            return Ok(diverges(
                rich![
                    "the factors tend to ",
                    v,
                    Op::Ne,
                    Expr::one(),
                    ", so the partial products do not converge to a non-zero limit"
                ],
                Some(Quantity::new(factor_limit, v.clone())),
                steps,
            ));
        }
        Limit::PlusInfinity | Limit::MinusInfinity | Limit::DoesNotExist(_) => {
            steps.extend(ls);
            return Ok(diverges(
                Rich::text(format!("the factors do not tend to 1 ({l})")),
                None,
                steps,
            ));
        }
        Limit::Unknown(why) => {
            return Ok(ProductResult {
                produced: Produced::Verdict(Verdict::unknown(Rich::text(format!(
                    "unknown, because the limit of the factors {a} is not decided ({why})"
                )))),
                steps,
            })
        }
    }
    steps.push(
        rich![factor_limit, Op::Eq, Expr::one()],
        "an infinite product of non-zero factors converges exactly when Σ ln a(k) does (the factors are eventually positive)",
    );
    let log = expr::func(Func::Ln, vec![a.clone()])?;
    let d = converges(&log, k)?;
    // The verdict's steps; when a value is found, the sum's own derivation repeats them.
    let mut value_steps = steps.clone();
    steps.extend(d.steps.clone());
    let inner = d.verdict.clone();
    let wrap = |kind: VerdictKind| {
        Verdict::new(
            kind,
            inner.test.unwrap_or(Test::Comparison),
            inner.quantity.clone(),
            rich![
                "Σ ln(",
                a,
                ") ",
                inner.kind.to_string(),
                ": ",
                inner.reason.clone()
            ],
        )
    };
    match d.verdict.kind {
        VerdictKind::Unknown => Ok(ProductResult {
            produced: Produced::Verdict(Verdict::unknown(rich![
                "unknown, because the convergence of Σ ln(",
                a,
                ") is not decided (",
                d.verdict.reason.clone(),
                ")"
            ])),
            steps,
        }),
        VerdictKind::Diverges => Ok(ProductResult {
            produced: Produced::Verdict(wrap(VerdictKind::Diverges)),
            steps,
        }),
        kind => {
            let Some(lo) = lo else {
                return Ok(ProductResult {
                    produced: Produced::Verdict(wrap(kind)),
                    steps,
                });
            };
            let r = sum::evaluate(
                &log,
                k,
                &Expr::Num(Q::from_integer(lo.clone())),
                &Expr::infinity(),
            )?;
            match r.summed {
                Summed::Value(v) => {
                    value_steps.extend(r.steps);
                    let mut steps = value_steps;
                    let value = Expr::exp(v.clone())?;
                    steps.push_expr(
                        rich!["∏ = exp(Σ ln a(k)) = exp(", &v, ") ="],
                        value.clone(),
                        "the exponential of the sum of the logarithms",
                    );
                    Ok(ProductResult {
                        produced: Produced::Value(value),
                        steps,
                    })
                }
                _ => match euler_sine(a, k, lo)? {
                    Some((value, why)) => {
                        steps.push_expr(rich!["∏ (", a, ") ="], value.clone(), why);
                        Ok(ProductResult {
                            produced: Produced::Value(value),
                            steps,
                        })
                    }
                    None => Ok(ProductResult {
                        produced: Produced::Verdict(wrap(kind)),
                        steps,
                    }),
                },
            }
        }
    }
}

/// Euler's products ∏_{k≥1} (1 + s/k²) = sinh(π√s)/(π√s) for s > 0 and = sin(πa)/(πa) for
/// s = −a² (a not an integer) (DLMF 4.22.1, 4.36.1), restarted at lo ≥ 1 by dividing out the
/// first factors exactly.
fn euler_sine(a: &Expr, k: &str, lo: &Integer) -> MResult<Option<(Expr, String)>> {
    let Some((p, q)) = crate::math::poly::rational_function(a, k) else {
        return Ok(None);
    };
    // (k² + s)/k² up to a common factor.
    if p.degree() != 2 || q.degree() != 2 || *lo < 1 {
        return Ok(None);
    }
    let scale = q.lead();
    let (q, p) = (q.scale(&scale.recip()?), p.scale(&scale.recip()?));
    let k2 = |c: &[Q]| c.len() == 3 && c[1].is_zero() && c[2].is_one();
    if !k2(&q.c) || !q.c[0].is_zero() || !k2(&p.c) {
        return Ok(None);
    }
    let s = p.c[0].clone();
    let r = Expr::sqrt(Expr::Num(s.abs()))?;
    if !s.is_positive() && r.as_num().is_some_and(|x| x.is_integer()) {
        return Ok(None); // a factor vanishes: 1 − a²/k² at k = a
    }
    let pr = expr::mul(vec![Expr::pi(), r])?;
    let f = if s.is_positive() {
        Func::Sinh
    } else {
        Func::Sin
    };
    let from_one = expr::div(expr::func(f, vec![pr.clone()])?, pr)?;
    let head = finite(a, k, &Integer::from(1), &Integer::from(lo - 1u32))?;
    let value = expr::div(from_one, head)?;
    let why = if s.is_positive() {
        "Euler's product sinh(πy)/(πy) = ∏_{k≥1} (1 + y²/k²) (DLMF 4.36.1), divided by the factors before the start"
    } else {
        "Euler's sine product sin(πa)/(πa) = ∏_{k≥1} (1 − a²/k²) (DLMF 4.22.1), divided by the factors before the start"
    };
    Ok(Some((value, why.into())))
}
