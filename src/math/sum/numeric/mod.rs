//! Certified numeric values of infinite sums Σ_{n≥lo} a(n): the convergence verdict first (a
//! divergent sum is an error, never a number), then a method whose tail bound is proved —
//! Cohen–Villegas–Zagier for (−1)^n times a completely monotone term, direct summation with a
//! geometric tail for a proven ratio bound ρ < 1, Euler–Maclaurin for positive completely
//! monotone terms, direct summation with the first omitted term for other alternating terms
//! that provably shrink — and the number of terms a tolerance needs by the same bounds.

pub mod alt;
pub mod cm;
pub mod em;
pub mod need;
pub mod tail;

use crate::math::alternation::split_alternation;
use crate::math::answer::{names, Notation, Op, Rich};
use crate::math::convergence::{converges, VerdictKind};
use crate::math::derivation::Derivation;
use crate::math::expr::{self, Expr, MResult, MathError};
use crate::math::float::{self, Approx, Ball, Env, Fail, R};
use crate::math::number::Q;
use crate::math::poly::rational_function;
use crate::rich;
use alt::Stop;
use em::Shape;
use rug::float::Round;
use rug::{Float, Integer};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use tail::{ratio_of, Ratio};

/// A tail (or whole sum) as a ball that already includes its error bound, with the sentence
/// that proves the bound.
pub(crate) struct Tail {
    pub value: Ball,
    pub claim: Rich,
}

/// [`sci`] as notation: `3.2e-1004` in text, `3.2 \times 10^{-1004}` in LaTeX.
pub(crate) fn sci_notation(x: &Float) -> Notation {
    let t = sci(x);
    let tex = match t.split_once('e') {
        Some((m, e)) => format!("{m} \\times 10^{{{e}}}"),
        None => t.clone(),
    };
    Notation::new(t, tex)
}

/// A positive float rounded up to two significant digits, for derivations: "3.2e-1004".
pub(crate) fn sci(x: &Float) -> String {
    if x.is_zero() {
        return "0".into();
    }
    let (neg, digits, exp) = x.to_sign_string_exp_round(10, Some(2), Round::Up);
    let exp = exp.unwrap_or(0) - 1;
    let (h, t) = digits.split_at(1.min(digits.len()));
    format!("{}{h}.{t}e{exp}", if neg { "-" } else { "" })
}

/// How a sum is evaluated.
#[derive(Debug, Clone)]
enum Method {
    /// a(n) = sign·(−1)^n·f(n), f completely monotone on [lo, ∞).
    Cvz { f: Expr, negate: bool },
    /// Direct summation with a proven tail; the recurrence from the given index, if any.
    Direct {
        stop: StopPlan,
        rec: Option<(Ratio, Integer)>,
    },
    /// Direct terms below N, then Euler–Maclaurin.
    EulerMaclaurin(Shape),
}

#[derive(Debug, Clone)]
enum StopPlan {
    Alternating(Integer),
    Geometric { rho: Q, m: Integer },
}

/// The analysis of one sum, independent of the precision.
#[derive(Debug, Clone)]
struct Plan {
    a: Expr,
    n: String,
    lo: Integer,
    method: Method,
    steps: Derivation,
}

fn unsupported(a: &Expr, why: impl std::fmt::Display) -> MathError {
    MathError::Unsupported(format!("cannot certify Σ {a}, because {why}"))
}

/// Convergence comes first: a divergent sum is an error (never a number) and an undecided one
/// is refused through `refuse`; otherwise the derivation opens with the verdict.
pub(crate) fn require_convergence(
    a: &Expr,
    n: &str,
    refuse: impl FnOnce(String) -> MathError,
) -> MResult<Derivation> {
    let d = converges(a, n)?;
    let mut steps = Derivation::new();
    match d.kind() {
        VerdictKind::Diverges => Err(MathError::Domain(format!(
            "the sum diverges — {}",
            d.verdict.reason
        ))),
        VerdictKind::Unknown => Err(refuse(d.summary())),
        _ => {
            steps.push(
                rich![names::sigma(), a, format!(" {}", d.kind())],
                d.verdict.reason.clone(),
            );
            Ok(steps)
        }
    }
}

/// `|a(n)|` in text and LaTeX.
pub(crate) fn abs_term(n: &str) -> Notation {
    Notation::new(format!("|a({n})|"), format!("\\left|a({n})\\right|"))
}

/// `|a(n+1)/a(n)| ≤ ρ` in text and LaTeX.
pub(crate) fn abs_ratio_le(n: &str, rho: &Q) -> Notation {
    Notation::new(
        format!("|a({n}+1)/a({n})| ≤ {rho}"),
        format!(
            "\\left|\\frac{{a({n}+1)}}{{a({n})}}\\right| \\le {}",
            q_tex(rho)
        ),
    )
}

/// LaTeX of a rational number.
pub(crate) fn q_tex(q: &Q) -> String {
    crate::math::expr::print::print(
        &Expr::Num(q.clone()),
        crate::math::expr::print::Style::Latex,
    )
}

fn plan(a: &Expr, n: &str, lo: &Integer) -> MResult<Plan> {
    let mut steps = require_convergence(a, n, |why| unsupported(a, why))?;
    let mut why_not = Vec::new();
    let make = |method, steps| Plan {
        a: a.clone(),
        n: n.to_string(),
        lo: lo.clone(),
        method,
        steps,
    };
    // (−1)^n·f(n) with f completely monotone.
    let magnitude = split_alternation(a, n)?.map(|m| {
        let (c, _) = m.split_coeff();
        if c.is_negative() {
            (expr::neg(m).unwrap_or_else(|_| Expr::zero()), true)
        } else {
            (m, false)
        }
    });
    if let Some((f, negate)) = &magnitude {
        match cm::prove(f, n, lo) {
            Ok(why) => {
                steps.push(
                    rich![f, " is completely monotone for ", names::at_least(n, lo)],
                    why.join("; "),
                );
                let method = Method::Cvz {
                    f: f.clone(),
                    negate: *negate,
                };
                return Ok(make(method, steps));
            }
            Err(e) => why_not.push(format!("{f} is not proved completely monotone ({e})")),
        }
    }
    // A ratio bound ρ < 1.
    let ratio = ratio_of(a, n)?;
    if let Some(r) = &ratio {
        if let Some((rho, m)) = tail::geometric(r, lo)? {
            steps.push(
                rich![names::term_ratio(n), Op::Eq, r.to_expr(n)?],
                "the ratio of consecutive terms",
            );
            steps.push(
                rich![abs_ratio_le(n, &rho), " for every ", names::at_least(n, &m)],
                rich![
                    "Sturm's theorem on ",
                    Notation::new(
                        "ρ²·den² − c²·num²",
                        "\\rho^{2} \\mathrm{den}^{2} - c^{2} \\mathrm{num}^{2}"
                    )
                ],
            );
            let rec = recurrence_from(r, &m);
            let stop = StopPlan::Geometric { rho, m };
            return Ok(make(Method::Direct { stop, rec }, steps));
        }
        why_not.push("no ratio bound below 1 exists (the ratio tends to 1)".into());
    }
    // Positive completely monotone terms: Euler–Maclaurin.
    if magnitude.is_none() {
        match cm::prove(a, n, lo) {
            Ok(why) => {
                steps.push(
                    rich![a, " is completely monotone for ", names::at_least(n, lo)],
                    why.join("; "),
                );
                let shape = match cm::power_terms(a, n) {
                    Some(ts) => Shape::Powers(ts),
                    None => match em::integral(a, n)? {
                        Ok(integral) => {
                            steps.push(
                                rich![
                                    Notation::new(
                                        format!("∫ from {n} to ∞ of the term"),
                                        format!("\\int_{{{n}}}^{{\\infty}} \\text{{the term}}")
                                    ),
                                    Op::Eq,
                                    &integral
                                ],
                                "an exact antiderivative that vanishes at ∞",
                            );
                            Shape::Taylor {
                                f: a.clone(),
                                integral,
                            }
                        }
                        Err(why) => return Err(unsupported(a, why)),
                    },
                };
                return Ok(make(Method::EulerMaclaurin(shape), steps));
            }
            Err(e) => why_not.push(format!("{a} is not proved completely monotone ({e})")),
        }
    }
    // Alternating terms whose size provably stops growing.
    if let Some((f, _)) = &magnitude {
        if let Some((m, why)) = shrinking_from(f, ratio.as_ref(), n, lo)? {
            steps.push(
                rich![
                    abs_term(n),
                    Op::Eq,
                    f,
                    " is non-increasing for ",
                    names::at_least(n, &m)
                ],
                why,
            );
            let stop = StopPlan::Alternating(m);
            return Ok(make(Method::Direct { stop, rec: None }, steps));
        }
        why_not.push(format!(
            "sigma cannot prove that {f} stops growing from an explicit index"
        ));
    }
    Err(unsupported(a, why_not.join("; ")))
}

/// The recurrence a(n+1) = c·num(n)/den(n)·a(n) is used from m on when neither polynomial
/// vanishes at any n ≥ m.
fn recurrence_from(r: &Ratio, m: &Integer) -> Option<(Ratio, Integer)> {
    let from = Q::from_integer(m.clone());
    let clear =
        |p: &crate::math::poly::Poly| p.degree() < 1 || tail::positive_from(&p.mul(p), &from);
    (clear(&r.num) && clear(&r.den)).then(|| (r.clone(), m.clone()))
}

/// The least index from which the positive magnitude f(n) of an alternating sum is
/// non-increasing: Sturm's theorem for a rational function, or on the term ratio.
pub(crate) fn shrinking_from(
    f: &Expr,
    ratio: Option<&Ratio>,
    n: &str,
    lo: &Integer,
) -> MResult<Option<(Integer, String)>> {
    if let Some((p, q)) = rational_function(f, n) {
        // f(n) − f(n+1) = (p(n)q(n+1) − p(n+1)q(n))/(q(n)q(n+1)) ≥ 0 and f > 0.
        let (p1, q1) = (
            crate::math::sum::hyper::shift(&p),
            crate::math::sum::hyper::shift(&q),
        );
        let diff = p.mul(&q1).sub(&p1.mul(&q)).mul(&q.mul(&q1));
        let pos = p.mul(&q);
        let m = tail::least(lo.clone(), 200, |m| {
            let from = Q::from_integer(m.clone());
            Ok(tail::nonneg_from(&diff, &from) && tail::positive_from(&pos, &from))
        })?;
        return Ok(m.map(|m| {
            (
                m,
                "Sturm's theorem on the numerator of f(n) − f(n+1)".into(),
            )
        }));
    }
    if let Some(r) = ratio {
        if r.c.as_num().is_some_and(Q::is_negative) || r.c == Expr::int(-1) {
            let c = r.c.as_num().cloned().unwrap_or_else(|| Q::int(-1));
            let num = r.num.scale(&c);
            let m = tail::least(lo.clone(), 200, |m| {
                Ok(tail::alternating_decreasing(
                    &num,
                    &r.den,
                    &Q::from_integer(m.clone()),
                ))
            })?;
            return Ok(m.map(|m| {
                (
                    m,
                    "Sturm's theorem on the term ratio: −1 ≤ a(n+1)/a(n) < 0".into(),
                )
            }));
        }
    }
    Ok(None)
}

impl Plan {
    /// The sum as a ball at `p` bits, with the sentence naming the method and tail bound.
    fn ball(&self, p: u32) -> R<(Ball, Rich)> {
        let (a, n, lo) = (&self.a, self.n.as_str(), &self.lo);
        match &self.method {
            Method::Cvz { f, negate } => {
                let t = alt::cvz(f, n, lo, p)?;
                let flip = *negate != lo.is_odd();
                let v = if flip { t.value.neg() } else { t.value };
                Ok((v, t.claim))
            }
            Method::Direct { stop, rec } => {
                let stop = match stop {
                    StopPlan::Alternating(m) => Stop::Alternating(m.clone()),
                    StopPlan::Geometric { rho, m } => Stop::Geometric {
                        rho: rho.clone(),
                        m: m.clone(),
                    },
                };
                let rec = rec.as_ref().map(|(r, m)| (r, m.clone()));
                let t = alt::direct(a, n, lo, &stop, rec, p)?;
                Ok((t.value, t.claim))
            }
            Method::EulerMaclaurin(shape) => {
                let Some((big_n, k)) = em::choose(shape, lo, p) else {
                    return Err(Fail::Math(unsupported(
                        a,
                        format!(
                            "Euler–Maclaurin with at most 30 Bernoulli terms and derivatives from Taylor coefficients would need more than {} direct terms at {p} bits",
                            em::MAX_CUTOFF
                        ),
                    )));
                };
                let big_n = big_n.max(lo.clone());
                let head = alt::partial(a, n, lo, &big_n, p)?;
                let t = em::tail(shape, n, &big_n, k, p)?;
                Ok((head.add(&t.value)?, t.claim))
            }
        }
    }
}

thread_local! {
    static PLANS: RefCell<HashMap<(Expr, String, Integer), Rc<Plan>>> = RefCell::new(HashMap::new());
}

fn cached_plan(a: &Expr, n: &str, lo: &Integer) -> MResult<Rc<Plan>> {
    let key = (a.clone(), n.to_string(), lo.clone());
    if let Some(p) = PLANS.with(|m| m.borrow().get(&key).cloned()) {
        return Ok(p);
    }
    let p = Rc::new(plan(a, n, lo)?);
    PLANS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() > 64 {
            m.clear();
        }
        m.insert(key, p.clone());
    });
    Ok(p)
}

/// The certified value of Σ_{n=lo}^∞ a(n) to `digits` correct significant digits, with the
/// convergence verdict, the method and the tail bound that proves the digits.
pub fn certified(a: &Expr, n: &str, lo: &Integer, digits: u32) -> MResult<(Approx, Derivation)> {
    super::install();
    if digits == 0 {
        return Err(MathError::Unsupported("at least 1 digit is needed".into()));
    }
    if digits > float::MAX_DIGITS {
        let max = float::MAX_DIGITS;
        let what = format!("a request for {digits} significant digits (at most {max})");
        return Err(MathError::TooLarge(what));
    }
    let plan = cached_plan(a, n, lo)?;
    let mut claim = Rich::new();
    let approx = float::ziv(digits, 32, |bits| {
        let (b, c) = plan.ball(bits)?;
        claim = c;
        Ok(b)
    })?;
    let mut steps = plan.steps.clone();
    steps.push(
        claim,
        format!("certified to {digits} digits at {} bits", approx.bits),
    );
    Ok((approx, steps))
}

/// The ball of `sum(a, n, lo, hi)` at `p` bits (`float`'s `SumBall`, bound in by
/// `sum::install`): hi = oo by the certified engine, finite integer bounds term by term.
pub(crate) fn sum_ball(args: &[Expr], p: u32, env: Env) -> R<Ball> {
    let (mut a, hi) = (args[0].clone(), &args[3]);
    let Expr::Sym(n) = &args[1] else {
        return Err(Fail::Math(MathError::Unsupported(
            "the summation index must be a name".into(),
        )));
    };
    let int = |e: &Expr| -> R<Integer> {
        let b = float::eval_in(e, 64, env)?;
        match b.mid.to_integer() {
            Some(k) if b.is_exact() && b.mid.is_integer() => Ok(k),
            _ => Err(Fail::Math(MathError::Domain(
                "the bounds of a sum must be integers".into(),
            ))),
        }
    };
    if let Some((x, v)) = env {
        if x != &**n && a.depends_on(x) {
            let k = v
                .mid
                .to_integer()
                .filter(|_| v.is_exact() && v.mid.is_integer());
            let Some(k) = k else {
                return Err(Fail::Uncertain(
                    "an outer summation index is not an exact integer".into(),
                ));
            };
            a = expr::subst::subs(&a, x, &Expr::Num(Q::from_integer(k)))?;
        }
    }
    let lo = int(&args[2])?;
    if *hi == Expr::infinity() {
        let plan = cached_plan(&a, n, &lo)?;
        return Ok(plan.ball(p)?.0);
    }
    let end = int(hi)? + 1u32;
    if Integer::from(&end - &lo) > alt::MAX_TERMS && end > lo {
        // Too many terms one by one: Σ_{lo}^{hi} = Σ_{n≥lo} − Σ_{n≥hi+1} when that converges.
        let head = cached_plan(&a, n, &lo)?.ball(p)?.0;
        let tail = cached_plan(&a, n, &end)?.ball(p)?.0;
        return head.sub(&tail);
    }
    alt::partial(&a, n, &lo, &end, p)
}

/// The smallest number of terms N such that the tail after a(lo) … a(lo+N−1) is provably
/// below `eps`: by the first omitted term for alternating terms that shrink, the geometric
/// tail for a ratio bound ρ < 1, or the integral ∫_{lo+N−1}^∞ f for positive completely
/// monotone f; the bound is named in the derivation.
pub fn terms_needed(a: &Expr, n: &str, lo: &Integer, eps: &Q) -> MResult<(Integer, Derivation)> {
    super::install();
    need::terms_needed(a, n, lo, eps)
}
