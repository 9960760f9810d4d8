//! Growth scales for sequences: the leading behaviour of a term `a_n` as n → ∞ (n an integer),
//!
//! `a_n ~ C · (n!)^f · b^n · n^p · (ln n)^q · (ln ln n)^r`,
//!
//! with its eventual sign pattern. Terms are expanded into truncated asymptotic series on that
//! scale (with an explicit `O(…)` remainder, so every expansion is a true statement): rational
//! functions and roots through binomial series in 1/n, `a^b` as `e^(b·ln a)`, factorials,
//! gamma and binomials through Stirling's series, harmonic numbers through their asymptotic
//! series, Fibonacci numbers through Binet's formula, and functions of vanishing or convergent
//! arguments through their Taylor series. When leading terms cancel, the expansion is redone
//! to higher order. Signs of non-rational constants are decided by certified numerics
//! (`float::sign`), never guessed. Anything outside these forms is
//! `MathError::Unsupported` with the reason.
//!
//! Free symbols other than `n` are parameters, assumed real constants.
//! Imports the expression layer, `float` and `series` (Taylor coefficients) only.

mod build;
mod constant;
mod elementary;
mod expansion;
mod numbers;

use crate::math::answer::Rich;
use crate::math::expr::{self, Expr, MathError};
use crate::math::number::Q;
use build::Builder;
pub(crate) use expansion::{Expansion, Mono};
use std::cmp::Ordering;

/// The relative orders `n^(−k)` tried in turn when leading terms cancel.
pub(crate) const ORDERS: [i64; 3] = [4, 8, 16];

/// Why an expansion stopped.
#[derive(Debug, Clone)]
pub(crate) enum Fail {
    /// Terms cancelled beyond the working order: retry with a higher order.
    Precision,
    /// Outside the recognised forms (the reason, in words).
    Out(String),
    /// A hard error to pass on (the user interrupted).
    Hard(MathError),
}

impl From<MathError> for Fail {
    fn from(e: MathError) -> Self {
        match e {
            MathError::Interrupted => Fail::Hard(e),
            MathError::NeedPrecision => Fail::Precision,
            other => Fail::Out(other.to_string()),
        }
    }
}

impl From<crate::math::number::NumError> for Fail {
    fn from(e: crate::math::number::NumError) -> Self {
        Fail::from(MathError::from(e))
    }
}

impl Fail {
    /// The error reported to callers.
    pub(crate) fn into_math(self) -> MathError {
        match self {
            Fail::Precision => MathError::Unsupported(
                "the leading terms cancel through every order computed".into(),
            ),
            Fail::Out(s) => MathError::Unsupported(s),
            Fail::Hard(e) => e,
        }
    }
}

/// The builder's recorded steps: `(claim, reason)` pairs.
pub(crate) type Steps = Vec<(Rich, Rich)>;

/// Expands `a` in `n` at increasing orders until `decide` accepts the expansion; returns its
/// verdict, the expansion and the builder's steps.
pub(crate) fn expand_decide<T>(
    a: &Expr,
    n: &str,
    mut decide: impl FnMut(&Expansion) -> Result<T, Fail>,
) -> Result<(T, Expansion, Steps), Fail> {
    let mut last: Option<Expansion> = None;
    for k in ORDERS {
        let mut b = Builder::new(n, k);
        let e = match b.expand(a) {
            Ok(e) => e,
            Err(Fail::Precision) => continue,
            Err(other) => return Err(other),
        };
        match decide(&e) {
            Ok(t) => return Ok((t, e, b.steps)),
            Err(Fail::Precision) => last = Some(e),
            Err(other) => return Err(other),
        }
    }
    Err(Fail::Out(match last {
        Some(e) => format!(
            "the leading terms cancel through every order computed (a_n = {})",
            e.show(n, build::SHOWN)
        ),
        None => "the leading terms cancel through every order computed".into(),
    }))
}

/// A growth scale `c · (n!)^fact · base^n · n^pow · (ln n)^log · (ln ln n)^loglog`.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// A non-zero exact constant.
    pub c: Expr,
    /// The power of n!.
    pub fact: Q,
    /// A positive exact constant `b` (1 when there is no exponential factor).
    pub base: Expr,
    /// The power of n.
    pub pow: Q,
    /// The power of ln n.
    pub log: Q,
    /// The power of ln ln n.
    pub loglog: Q,
}

/// The eventual sign pattern of a sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// `a_n > 0` for all large n (then `scale.c > 0`).
    Positive,
    /// `a_n < 0` for all large n (then `scale.c < 0`).
    Negative,
    /// `a_n = (−1)^n·s_n` with `s_n ~ scale` of the fixed sign of `scale.c`.
    Alternating,
    /// `a_n/scale` keeps oscillating (e.g. `(2 + (−1)^n)·n`): then `scale` is only an upper
    /// bound, `|a_n| ≤ |c|·(n!)^f·b^n·…·(1 + o(1))`, and `a_n` is not `o(scale)`.
    Unknown,
}

/// The leading behaviour of a sequence: its scale and eventual sign pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Asymptotic {
    pub scale: Scale,
    pub sign: Sign,
}

impl Scale {
    fn mono(&self) -> Mono {
        Mono {
            fact: self.fact.clone(),
            base: self.base.clone(),
            pow: self.pow.clone(),
            log: self.log.clone(),
            loglog: self.loglog.clone(),
            alt: false,
        }
    }
    /// Compares the growth of the two scales, ignoring the constants `c`: `Less` when
    /// `self = o(o)`. Fails only when the bases cannot be told apart by certified numerics
    /// (or involve parameters).
    ///
    /// ```
    /// use sigma::math::asymptotic::leading;
    /// use sigma::math::expr::{self, Expr, Func};
    /// use std::cmp::Ordering;
    /// let n = Expr::sym("n");
    /// let a = leading(&expr::pow(Expr::int(2), n.clone()).unwrap(), "n").unwrap();
    /// let b = leading(&expr::pow(n.clone(), Expr::int(10)).unwrap(), "n").unwrap();
    /// assert_eq!(a.scale.cmp_growth(&b.scale).unwrap(), Ordering::Greater);
    /// ```
    pub fn cmp_growth(&self, o: &Scale) -> Result<Ordering, MathError> {
        self.mono().cmp(&o.mono()).map_err(Fail::into_math)
    }
    /// The scale as an expression in `n`: `c·(n!)^f·b^n·n^p·ln(n)^q·ln(ln(n))^r`.
    pub fn to_expr(&self, n: &str) -> Expr {
        let m = self.mono().to_expr(n);
        expr::mul(vec![self.c.clone(), m.clone()])
            .unwrap_or_else(|_| Expr::Mul(vec![self.c.clone(), m]))
    }
    /// Whether the scale stays bounded as n → ∞ (tends to 0 or to a constant).
    pub fn is_bounded(&self) -> Result<bool, MathError> {
        let g = self.mono().growth().map_err(Fail::into_math)?;
        Ok(g != Ordering::Greater)
    }
    /// Whether the scale tends to 0 as n → ∞.
    pub fn tends_to_zero(&self) -> Result<bool, MathError> {
        let g = self.mono().growth().map_err(Fail::into_math)?;
        Ok(g == Ordering::Less)
    }
}

/// The leading behaviour of `a` as the integer `n` → ∞.
///
/// ```
/// use sigma::math::asymptotic::{leading, Sign};
/// use sigma::math::expr::{self, Expr, Func};
/// use sigma::math::Q;
/// let n = Expr::sym("n");
/// // n!/n^n ~ sqrt(2π)·e^(−n)·n^(1/2)
/// let a = expr::div(
///     expr::func(Func::Factorial, vec![n.clone()]).unwrap(),
///     expr::pow(n.clone(), n.clone()).unwrap(),
/// )
/// .unwrap();
/// let l = leading(&a, "n").unwrap();
/// assert_eq!(l.sign, Sign::Positive);
/// assert_eq!(l.scale.pow, Q::frac(1, 2));
/// assert_eq!(l.scale.base, expr::pow(Expr::e(), Expr::int(-1)).unwrap());
/// ```
pub fn leading(a: &Expr, n: &str) -> Result<Asymptotic, MathError> {
    expand_decide(a, n, leading_of)
        .map(|(l, _, _)| l)
        .map_err(Fail::into_math)
}

/// A bound |a(n)| = O(M(n)) for a sequence whose expansion keeps no explicit term, only its
/// O-term (J₀(n)/n² = O(n^(−5/2))): the scale M of the O-term at the highest order computed,
/// with constant 1. `None` when some order gives an explicit leading term or no O-term.
pub fn big_o_bound(a: &Expr, n: &str) -> Option<Scale> {
    let mut last: Option<Scale> = None;
    let result = expand_decide(a, n, |e| match (e.lead(), &e.err) {
        (None, Some(m)) => {
            last = Some(Scale {
                c: Expr::one(),
                fact: m.fact.clone(),
                base: m.base.clone(),
                pow: m.pow.clone(),
                log: m.log.clone(),
                loglog: m.loglog.clone(),
            });
            Err(Fail::Precision)
        }
        _ => Ok(()),
    });
    match result {
        Ok(_) => None,
        Err(_) => last,
    }
}

/// The leading behaviour read off an expansion.
pub(crate) fn leading_of(e: &Expansion) -> Result<Asymptotic, Fail> {
    let Some(lead) = e.lead() else {
        return Err(if e.err.is_some() {
            Fail::Precision
        } else {
            Fail::Out("the sequence is eventually 0".into())
        });
    };
    let m = &lead.m;
    let scale = |c: Expr| Scale {
        c,
        fact: m.fact.clone(),
        base: m.base.clone(),
        pow: m.pow.clone(),
        log: m.log.clone(),
        loglog: m.loglog.clone(),
    };
    let s1 = nonzero_sign(&lead.c)?;
    if let Some(second) = e.terms.get(1) {
        if second.m.cmp(m)? == Ordering::Equal {
            // c1·M + c2·(−1)^n·M: only the bound (|c1| + |c2|)·M holds.
            let s2 = nonzero_sign(&second.c)?;
            let abs = |c: &Expr, s: Ordering| {
                if s == Ordering::Less {
                    expr::neg(c.clone())
                } else {
                    Ok(c.clone())
                }
            };
            let bound = expr::add(vec![abs(&lead.c, s1)?, abs(&second.c, s2)?])?;
            return Ok(Asymptotic {
                scale: scale(bound),
                sign: Sign::Unknown,
            });
        }
    }
    let sign = match (m.alt, s1) {
        (true, _) => Sign::Alternating,
        (false, Ordering::Less) => Sign::Negative,
        _ => Sign::Positive,
    };
    Ok(Asymptotic {
        scale: scale(lead.c.clone()),
        sign,
    })
}

/// The sign of a leading coefficient, which must be certified non-zero.
fn nonzero_sign(c: &Expr) -> Result<Ordering, Fail> {
    match constant::sign(c)? {
        Ordering::Equal => Err(Fail::Out(format!(
            "the leading coefficient {c} is 0 but was not simplified away"
        ))),
        s => Ok(s),
    }
}

/// The sign of a constant (exact, structural, or by certified numerics), for [`crate::math::limit`].
pub(crate) fn sign_of(c: &Expr) -> Result<Ordering, Fail> {
    constant::sign(c)
}
