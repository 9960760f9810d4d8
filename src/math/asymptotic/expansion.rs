//! Monomials of the asymptotic scale, `(n!)^f · b^n · n^p · (ln n)^q · (ln ln n)^r`, optionally
//! times `(−1)^n`, and truncated expansions built from them: a finite sum of terms `c·M`
//! in strictly decreasing order of growth plus an explicit error `O(M_err)` that is smaller
//! than every kept term. Arithmetic (sum, product, truncation, power series in a vanishing
//! expansion) keeps the error term honest, so every expansion is a true statement about the
//! sequence as n → ∞.

use super::constant::sign;
use super::Fail;
use crate::math::answer::{Notation, Rich};
use crate::math::expr::{self, Expr, Func};
use crate::math::number::Q;
use std::cmp::Ordering;

/// Most term-by-term products one multiplication may form (bounds the work per input).
const MAX_PRODUCT_TERMS: usize = 10_000;

/// `(n!)^fact · base^n · n^pow · (ln n)^log · (ln ln n)^loglog`, times `(−1)^n` when `alt`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mono {
    pub fact: Q,
    /// A positive exact constant.
    pub base: Expr,
    pub pow: Q,
    pub log: Q,
    pub loglog: Q,
    pub alt: bool,
}

impl Mono {
    /// The constant monomial 1.
    pub fn one() -> Mono {
        Mono {
            fact: Q::zero(),
            base: Expr::one(),
            pow: Q::zero(),
            log: Q::zero(),
            loglog: Q::zero(),
            alt: false,
        }
    }
    /// `n^p`.
    pub fn power(p: Q) -> Mono {
        Mono {
            pow: p,
            ..Mono::one()
        }
    }
    /// `(ln n)^q`.
    pub fn log(q: Q) -> Mono {
        Mono {
            log: q,
            ..Mono::one()
        }
    }
    /// `(ln ln n)^r`.
    pub fn loglog(r: Q) -> Mono {
        Mono {
            loglog: r,
            ..Mono::one()
        }
    }
    /// `n·ln n`.
    pub fn n_log_n() -> Mono {
        Mono {
            pow: Q::one(),
            log: Q::one(),
            ..Mono::one()
        }
    }
    /// The same growth without the alternating sign.
    pub fn abs(&self) -> Mono {
        Mono {
            alt: false,
            ..self.clone()
        }
    }
    /// The product of two monomials.
    pub fn mul(&self, o: &Mono) -> Result<Mono, Fail> {
        Ok(Mono {
            fact: self.fact.add(&o.fact),
            base: expr::mul(vec![self.base.clone(), o.base.clone()])?,
            pow: self.pow.add(&o.pow),
            log: self.log.add(&o.log),
            loglog: self.loglog.add(&o.loglog),
            alt: self.alt != o.alt,
        })
    }
    /// The monomial to a rational power (integer when it alternates).
    pub fn powq(&self, k: &Q) -> Result<Mono, Fail> {
        let alt = if self.alt {
            if !k.is_integer() {
                return Err(Fail::Out(
                    "a non-integer power of a sign-alternating quantity is not real".into(),
                ));
            }
            k.numer().is_odd()
        } else {
            false
        };
        Ok(Mono {
            fact: self.fact.mul(k),
            base: expr::pow(self.base.clone(), Expr::Num(k.clone()))?,
            pow: self.pow.mul(k),
            log: self.log.mul(k),
            loglog: self.loglog.mul(k),
            alt,
        })
    }
    /// Compares growth as n → ∞ (the sign `(−1)^n` is ignored): the exponents are compared
    /// lexicographically, factorial first, then the base, the power of n and the logarithms.
    pub fn cmp(&self, o: &Mono) -> Result<Ordering, Fail> {
        let c = self.fact.cmp(&o.fact);
        if c != Ordering::Equal {
            return Ok(c);
        }
        if self.base != o.base {
            let s = sign(&expr::sub(self.base.clone(), o.base.clone())?)?;
            if s != Ordering::Equal {
                return Ok(s);
            }
        }
        Ok(self
            .pow
            .cmp(&o.pow)
            .then_with(|| self.log.cmp(&o.log))
            .then_with(|| self.loglog.cmp(&o.loglog)))
    }
    /// `self.cmp(1)`: growing, bounded away from 0 and ∞, or vanishing.
    pub fn growth(&self) -> Result<Ordering, Fail> {
        self.cmp(&Mono::one())
    }
    /// True when the monomial decays exponentially or faster (so a few powers of it suffice).
    pub fn exponentially_small(&self) -> Result<bool, Fail> {
        if self.fact.is_negative() {
            return Ok(true);
        }
        if !self.fact.is_zero() || self.base.is_one() {
            return Ok(false);
        }
        Ok(sign(&expr::sub(self.base.clone(), Expr::one())?)? == Ordering::Less)
    }
    /// The monomial as an expression in `n` (never fails: falls back to the raw tree).
    pub fn to_expr(&self, n: &str) -> Expr {
        let nn = Expr::sym(n);
        let p = |b: Expr, e: Expr| {
            expr::pow(b.clone(), e.clone()).unwrap_or_else(|_| Expr::Pow(Box::new(b), Box::new(e)))
        };
        let f = |g: Func, a: Expr| {
            expr::func(g, vec![a.clone()]).unwrap_or_else(|_| Expr::Func(g, vec![a]))
        };
        let mut fs = Vec::new();
        if !self.fact.is_zero() {
            fs.push(p(
                f(Func::Factorial, nn.clone()),
                Expr::Num(self.fact.clone()),
            ));
        }
        if !self.base.is_one() {
            fs.push(p(self.base.clone(), nn.clone()));
        }
        if self.alt {
            fs.push(p(Expr::int(-1), nn.clone()));
        }
        if !self.pow.is_zero() {
            fs.push(p(nn.clone(), Expr::Num(self.pow.clone())));
        }
        let ln = f(Func::Ln, nn);
        if !self.log.is_zero() {
            fs.push(p(ln.clone(), Expr::Num(self.log.clone())));
        }
        if !self.loglog.is_zero() {
            fs.push(p(f(Func::Ln, ln), Expr::Num(self.loglog.clone())));
        }
        match fs.len() {
            0 => Expr::one(),
            1 => fs.pop().unwrap_or_else(Expr::one),
            _ => expr::mul(fs.clone()).unwrap_or(Expr::Mul(fs)),
        }
    }
}

/// One term `c·M` of an expansion: an exact constant (it may involve parameters) times a
/// monomial.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Term {
    pub c: Expr,
    pub m: Mono,
}

/// `Σ c_i·M_i + O(err)`: terms in strictly decreasing growth (a term and its `(−1)^n`
/// partner of equal growth may sit side by side), every one larger than `err`; `err = None`
/// means the sum is exact.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Expansion {
    pub terms: Vec<Term>,
    pub err: Option<Mono>,
}

/// The larger of two optional error monomials.
fn max_err(a: &Option<Mono>, b: &Option<Mono>) -> Result<Option<Mono>, Fail> {
    Ok(match (a, b) {
        (Some(x), Some(y)) => Some(if x.cmp(y)? == Ordering::Less {
            y.clone()
        } else {
            x.clone()
        }),
        (Some(x), None) | (None, Some(x)) => Some(x.clone()),
        (None, None) => None,
    })
}

impl Expansion {
    /// Exactly 0.
    pub fn zero() -> Expansion {
        Expansion {
            terms: Vec::new(),
            err: None,
        }
    }
    /// The single term `c·m`.
    pub fn term(c: Expr, m: Mono) -> Expansion {
        if c.is_zero() {
            return Expansion::zero();
        }
        Expansion {
            terms: vec![Term { c, m }],
            err: None,
        }
    }
    /// The constant `c`.
    pub fn constant(c: Expr) -> Expansion {
        Expansion::term(c, Mono::one())
    }
    /// Only an error term: `O(m)`.
    pub fn big_o(m: Mono) -> Expansion {
        Expansion {
            terms: Vec::new(),
            err: Some(m.abs()),
        }
    }
    /// True when exactly 0.
    pub fn is_zero(&self) -> bool {
        self.terms.is_empty() && self.err.is_none()
    }
    /// The first term, if any.
    pub fn lead(&self) -> Option<&Term> {
        self.terms.first()
    }
    /// The size of the expansion: its leading monomial, or its error when it has no terms.
    pub fn top(&self) -> Option<Mono> {
        self.terms.first().map(|t| t.m.abs()).or(self.err.clone())
    }
    /// Merges like terms (equal growth and sign pattern), sorts by growth and drops what the
    /// error absorbs.
    fn normalize(terms: Vec<Term>, err: Option<Mono>) -> Result<Expansion, Fail> {
        let mut merged: Vec<Term> = Vec::with_capacity(terms.len());
        for t in terms {
            let mut slot = None;
            for (i, x) in merged.iter().enumerate() {
                if x.m == t.m || (x.m.alt == t.m.alt && x.m.cmp(&t.m)? == Ordering::Equal) {
                    slot = Some(i);
                    break;
                }
            }
            match slot {
                Some(i) => merged[i].c = expr::add(vec![merged[i].c.clone(), t.c])?,
                None => merged.push(t),
            }
        }
        merged.retain(|t| !t.c.is_zero());
        let mut sorted: Vec<Term> = Vec::with_capacity(merged.len());
        for t in merged {
            let mut i = sorted.len();
            while i > 0 {
                let before = &sorted[i - 1].m;
                match t.m.cmp(before)? {
                    Ordering::Greater => i -= 1,
                    Ordering::Equal if !t.m.alt && before.alt => i -= 1,
                    _ => break,
                }
            }
            sorted.insert(i, t);
        }
        if let Some(e) = &err {
            let mut keep = Vec::with_capacity(sorted.len());
            for t in sorted {
                if t.m.cmp(e)? == Ordering::Greater {
                    keep.push(t);
                }
            }
            sorted = keep;
        }
        Ok(Expansion { terms: sorted, err })
    }
    /// `self + o`.
    pub fn add(&self, o: &Expansion) -> Result<Expansion, Fail> {
        let err = max_err(&self.err, &o.err)?;
        let terms = self.terms.iter().chain(&o.terms).cloned().collect();
        Expansion::normalize(terms, err)
    }
    /// `self − o`.
    pub fn sub(&self, o: &Expansion) -> Result<Expansion, Fail> {
        self.add(&o.scale(&Expr::int(-1))?)
    }
    /// `c·self` for a constant `c`.
    pub fn scale(&self, c: &Expr) -> Result<Expansion, Fail> {
        self.mul_mono(c, &Mono::one())
    }
    /// `c·m·self` for a constant `c` and a monomial `m` (exact: no truncation).
    pub fn mul_mono(&self, c: &Expr, m: &Mono) -> Result<Expansion, Fail> {
        if c.is_zero() {
            return Ok(Expansion::zero());
        }
        let terms = self
            .terms
            .iter()
            .map(|t| {
                Ok(Term {
                    c: expr::mul(vec![c.clone(), t.c.clone()])?,
                    m: t.m.mul(m)?,
                })
            })
            .collect::<Result<Vec<_>, Fail>>()?;
        let err = match &self.err {
            Some(e) => Some(e.mul(m)?.abs()),
            None => None,
        };
        Expansion::normalize(terms, err)
    }
    /// `self · o`, truncated to relative order `n^(−k)`.
    pub fn mul(&self, o: &Expansion, k: i64) -> Result<Expansion, Fail> {
        if self.is_zero() || o.is_zero() {
            return Ok(Expansion::zero());
        }
        if crate::math::interrupted() {
            return Err(Fail::Hard(crate::math::MathError::Interrupted));
        }
        if self.terms.len().saturating_mul(o.terms.len()) > MAX_PRODUCT_TERMS {
            return Err(Fail::Out(format!(
                "the expansion needs more than {MAX_PRODUCT_TERMS} term products"
            )));
        }
        let mut terms = Vec::with_capacity(self.terms.len() * o.terms.len());
        for a in &self.terms {
            for b in &o.terms {
                terms.push(Term {
                    c: expr::mul(vec![a.c.clone(), b.c.clone()])?,
                    m: a.m.mul(&b.m)?,
                });
            }
        }
        let mut err = None;
        if let (Some(e), Some(t)) = (&o.err, self.top()) {
            err = max_err(&err, &Some(t.mul(e)?.abs()))?;
        }
        if let (Some(e), Some(t)) = (&self.err, o.top()) {
            err = max_err(&err, &Some(t.mul(e)?.abs()))?;
        }
        Expansion::normalize(terms, err)?.truncate(k)
    }
    /// Folds every term below `lead·n^(−k)` into the error term.
    pub fn truncate(self, k: i64) -> Result<Expansion, Fail> {
        let Some(lead) = self.terms.first() else {
            return Ok(self);
        };
        let thr = lead.m.abs().mul(&Mono::power(Q::int(-k)))?;
        if let Some(e) = &self.err {
            if e.cmp(&thr)? != Ordering::Less {
                return Ok(self);
            }
        }
        let mut keep = Vec::with_capacity(self.terms.len());
        let mut dropped = false;
        for t in self.terms {
            if t.m.cmp(&thr)? == Ordering::Greater {
                keep.push(t);
            } else {
                dropped = true;
            }
        }
        let err = if dropped { Some(thr) } else { self.err };
        Ok(Expansion { terms: keep, err })
    }
    /// Splits `self = c·M·(1 + u)` with `c·M` the leading term and `u → 0`.
    pub fn split_lead(&self) -> Result<(Expr, Mono, Expansion), Fail> {
        let Some(lead) = self.terms.first() else {
            return Err(if self.err.is_some() {
                Fail::Precision
            } else {
                Fail::Out("the expression is eventually 0".into())
            });
        };
        let (c, m) = (lead.c.clone(), lead.m.clone());
        if sign(&c)? == Ordering::Equal {
            return Err(Fail::Out(format!(
                "the leading coefficient {c} is 0 but was not simplified away"
            )));
        }
        let inv = expr::pow(c.clone(), Expr::int(-1))?;
        let rest = Expansion {
            terms: self.terms[1..].to_vec(),
            err: self.err.clone(),
        };
        let u = rest.mul_mono(&inv, &m.powq(&Q::int(-1))?)?;
        if let Some(t) = u.top() {
            if t.growth()? != Ordering::Less {
                return Err(Fail::Out(
                    "the leading behaviour oscillates: a term and its (-1)^n partner have the same size"
                        .into(),
                ));
            }
        }
        Ok((c, m, u))
    }
    /// `Σ coeffs[j]·self^j + O(top^J)` for a vanishing `self` (`J = coeffs.len()`), the value
    /// of a power series with those Taylor coefficients, truncated to relative order `n^(−k)`.
    pub fn series(&self, coeffs: &[Expr], k: i64) -> Result<Expansion, Fail> {
        let Some(first) = coeffs.first() else {
            return Ok(Expansion::zero());
        };
        let Some(top) = self.top() else {
            return Ok(Expansion::constant(first.clone()));
        };
        let mut acc = Expansion::constant(first.clone());
        let mut p = Expansion::constant(Expr::one());
        for a in &coeffs[1..] {
            p = p.mul(self, k)?;
            if !a.is_zero() {
                acc = acc.add(&p.scale(a)?)?;
            }
        }
        let rem = Expansion::big_o(top.powq(&Q::int(coeffs.len() as i64))?);
        acc.add(&rem)?.truncate(k)
    }
    /// True when every term and the error tend to 0.
    pub fn vanishes(&self) -> Result<bool, Fail> {
        match self.top() {
            None => Ok(true),
            Some(t) => Ok(t.growth()? == Ordering::Less),
        }
    }
    /// The expansion as text: at most `max` terms, then `O(…)` for the rest.
    /// The first `max` terms and the order term as rich text, each term an expression.
    pub fn show_rich(&self, n: &str, max: usize) -> Rich {
        use crate::math::expr::display::{is_negative, negate_term};
        let mut out = Rich::new();
        for (i, t) in self.terms.iter().take(max).enumerate() {
            let e = t.m.to_expr(n);
            let e = expr::mul(vec![t.c.clone(), e.clone()]).unwrap_or(e);
            if i > 0 && is_negative(&e) {
                out.push(Notation::new(" - ", " - "));
                out.push(negate_term(&e));
            } else {
                if i > 0 {
                    out.push(Notation::new(" + ", " + "));
                }
                out.push(e);
            }
        }
        let o = match self.terms.get(max) {
            Some(t) => Some(t.m.abs()),
            None => self.err.clone(),
        };
        if let Some(m) = o {
            if !out.is_empty() {
                out.push(Notation::new(" + ", " + "));
            }
            out.push(Notation::new("O(", "O\\left("));
            out.push(m.to_expr(n));
            out.push(Notation::new(")", "\\right)"));
        }
        if out.is_empty() {
            out.push(Expr::zero());
        }
        out
    }

    pub fn show(&self, n: &str, max: usize) -> String {
        let mut out = String::new();
        for (i, t) in self.terms.iter().take(max).enumerate() {
            let e = t.m.to_expr(n);
            let e = expr::mul(vec![t.c.clone(), e.clone()]).unwrap_or(e);
            let s = e.to_string();
            match s.strip_prefix('-') {
                Some(r) if i > 0 => out.push_str(&format!(" - {r}")),
                _ if i > 0 => out.push_str(&format!(" + {s}")),
                _ => out.push_str(&s),
            }
        }
        let o = match self.terms.get(max) {
            Some(t) => Some(t.m.abs()),
            None => self.err.clone(),
        };
        if let Some(m) = o {
            let s = format!("O({})", m.to_expr(n));
            if out.is_empty() {
                out = s;
            } else {
                out.push_str(&format!(" + {s}"));
            }
        }
        if out.is_empty() {
            out.push('0');
        }
        out
    }
}
