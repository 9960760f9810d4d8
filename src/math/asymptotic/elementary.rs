//! The elementary operations on expansions as n → ∞: rational powers (binomial series),
//! `exp` (growing exponents become scale factors, `n·ln n` through Stirling, the vanishing
//! part through the exponential series), `ln` (logarithm of the leading term plus
//! `ln(1 + u)`), Stirling's series for `ln z!`, and Taylor expansion of any built-in function
//! at the constant its argument tends to.

use super::build::Builder;
use super::constant::{exp_const, ln_const, sign};
use super::expansion::{Expansion, Mono, Term};
use super::Fail;
use crate::math::expr::{self, func::bernoulli, Expr, Func};
use crate::math::float;
use crate::math::number::Q;
use crate::math::series;
use std::cmp::Ordering;

/// Largest number of series terms used for one composition.
const MAX_TERMS: i64 = 200;

/// How many terms of a power series in `u` reach relative order `n^(−k)` (at least 2).
pub(crate) fn terms_needed(u: &Mono, k: i64) -> Result<usize, Fail> {
    if u.exponentially_small()? {
        return Ok(3);
    }
    let j = if u.pow.is_negative() {
        let r = Q::int(k).div(&u.pow.neg())?;
        Q(r.0.ceil()).to_i64().unwrap_or(MAX_TERMS) + 1
    } else {
        k + 1
    };
    Ok(j.clamp(2, MAX_TERMS) as usize)
}

impl Builder<'_> {
    /// `a^k` for a rational `k`.
    pub(crate) fn powq(&mut self, a: &Expansion, k: &Q) -> Result<Expansion, Fail> {
        if a.is_zero() {
            return if k.is_positive() {
                Ok(Expansion::zero())
            } else {
                Err(Fail::Out(
                    "division by an expression that is eventually 0".into(),
                ))
            };
        }
        if k.is_integer() && !k.is_negative() {
            if let Some(e) = k.to_i64().filter(|&e| e <= 32) {
                let mut acc = Expansion::constant(Expr::one());
                for _ in 0..e {
                    acc = acc.mul(a, self.k)?;
                }
                return Ok(acc);
            }
        }
        let (c, m, u) = a.split_lead()?;
        if !k.is_integer() && (m.alt || sign(&c)? != Ordering::Greater) {
            return Err(Fail::Out(format!(
                "the power {k} of an expression that is not eventually positive (leading term {}) is not real",
                Expansion::term(c, m).show(self.n, 1)
            )));
        }
        let ck = expr::pow(c, Expr::Num(k.clone()))?;
        let mk = m.powq(k)?;
        let s = match u.top() {
            None => Expansion::constant(Expr::one()),
            Some(t) => {
                let j = terms_needed(&t, self.k)?;
                let mut coeffs = Vec::with_capacity(j);
                let mut b = Q::one();
                for i in 0..j {
                    coeffs.push(Expr::Num(b.clone()));
                    b = b
                        .mul(&k.sub(&Q::int(i as i64)))
                        .div(&Q::int(i as i64 + 1))?;
                }
                u.series(&coeffs, self.k)?
            }
        };
        s.mul_mono(&ck, &mk)
    }

    /// `e^a`.
    pub(crate) fn exp(&mut self, a: &Expansion) -> Result<Expansion, Fail> {
        if let Some(e) = &a.err {
            if e.growth()? != Ordering::Less {
                return Err(Fail::Precision);
            }
        }
        // e^(f·n ln n) = (n!)^f · e^(f·(n ln n − ln n!)), and the second exponent has no n ln n.
        if let Some(t) = a.terms.iter().find(|t| t.m == Mono::n_log_n()) {
            let Expr::Num(f) = &t.c else {
                return Err(Fail::Out(format!(
                    "e^({}·n·ln(n)) is outside the scale (the power of n! must be rational)",
                    t.c
                )));
            };
            let f = f.clone();
            let ft = crate::math::expr::print::print(
                &Expr::Num(f.clone()),
                crate::math::expr::print::Style::Latex,
            );
            self.note(
                crate::math::answer::Notation::new(
                    format!(
                        "e^(({f})·{n}·ln({n})) = ({n}!)^({f})·e^(({f})·({n}·ln({n}) − ln({n}!)))",
                        n = self.n
                    ),
                    format!(
                        "e^{{\\left({ft}\\right) {n} \\ln {n}}} = \\left({n}!\\right)^{{{ft}}} e^{{\\left({ft}\\right) \\left({n} \\ln {n} - \\ln {n}!\\right)}}",
                        n = self.n
                    ),
                )
                .into(),
                crate::rich![
                    "Stirling: ",
                    crate::math::answer::Notation::new(
                        "n·ln(n) − ln(n!) = n − ln(2πn)/2 − 1/(12n) + 1/(360n³) − …",
                        "n \\ln n - \\ln n! = n - \\frac{\\ln(2\\pi n)}{2} - \\frac{1}{12n} + \\frac{1}{360n^{3}} - \\cdots"
                    )
                ],
            );
            let lnfact = self.ln_factorial(&Expansion::term(Expr::one(), Mono::power(Q::one())))?;
            let rest = a.sub(&lnfact.scale(&Expr::Num(f.clone()))?)?;
            let m = Mono {
                fact: f,
                ..Mono::one()
            };
            return self.exp(&rest)?.mul_mono(&Expr::one(), &m);
        }
        let (mut lin, mut c0) = (Vec::new(), Vec::new());
        let (mut p, mut q) = (Q::zero(), Q::zero());
        let mut small = Vec::new();
        for t in &a.terms {
            match t.m.growth()? {
                Ordering::Less => small.push(t.clone()),
                _ if t.m.alt => {
                    return Err(Fail::Out(format!(
                        "e^({}) oscillates (its exponent alternates in sign)",
                        Expansion::term(t.c.clone(), t.m.clone()).show(self.n, 1)
                    )))
                }
                Ordering::Equal => c0.push(t.c.clone()),
                Ordering::Greater => {
                    let rational = match &t.c {
                        Expr::Num(r) => Some(r.clone()),
                        _ => None,
                    };
                    if t.m == Mono::power(Q::one()) {
                        lin.push(t.c.clone());
                    } else if let (true, Some(r)) = (t.m == Mono::log(Q::one()), &rational) {
                        p = p.add(r);
                    } else if let (true, Some(r)) = (t.m == Mono::loglog(Q::one()), &rational) {
                        q = q.add(r);
                    } else {
                        return Err(Fail::Out(format!(
                            "e^({}) is outside the scale (n!)^f·b^n·n^p·(ln n)^q",
                            Expansion::term(t.c.clone(), t.m.clone()).show(self.n, 1)
                        )));
                    }
                }
            }
        }
        let m = Mono {
            base: exp_const(&expr::add(lin)?)?,
            pow: p,
            log: q,
            ..Mono::one()
        };
        let c = exp_const(&expr::add(c0)?)?;
        let u = Expansion {
            terms: small,
            err: a.err.clone(),
        };
        let s = match u.top() {
            None => Expansion::constant(Expr::one()),
            Some(t) => {
                let j = terms_needed(&t, self.k)?;
                let mut coeffs = Vec::with_capacity(j);
                let mut f = Q::one();
                for i in 0..j {
                    coeffs.push(Expr::Num(f.clone()));
                    f = f.div(&Q::int(i as i64 + 1))?;
                }
                u.series(&coeffs, self.k)?
            }
        };
        s.mul_mono(&c, &m)
    }

    /// `ln a` for an eventually positive `a`.
    pub(crate) fn ln(&mut self, a: &Expansion) -> Result<Expansion, Fail> {
        let (c, m, u) = a.split_lead()?;
        if m.alt || sign(&c)? != Ordering::Greater {
            return Err(Fail::Out(format!(
                "ln of an expression that is not eventually positive (leading term {})",
                Expansion::term(c, m).show(self.n, 1)
            )));
        }
        if !m.loglog.is_zero() {
            return Err(Fail::Out(
                "ln(ln(ln(n))) is outside the scale (n!)^f·b^n·n^p·(ln n)^q·(ln ln n)^r".into(),
            ));
        }
        let mut acc = Expansion::constant(ln_const(&c)?);
        if !m.fact.is_zero() {
            let n = Expansion::term(Expr::one(), Mono::power(Q::one()));
            let lf = self.ln_factorial(&n)?;
            acc = acc.add(&lf.scale(&Expr::Num(m.fact.clone()))?)?;
        }
        let parts = [
            (ln_const(&m.base)?, Mono::power(Q::one())),
            (Expr::Num(m.pow.clone()), Mono::log(Q::one())),
            (Expr::Num(m.log.clone()), Mono::loglog(Q::one())),
        ];
        for (coef, mono) in parts {
            acc = acc.add(&Expansion::term(coef, mono))?;
        }
        if let Some(t) = u.top() {
            let j = terms_needed(&t, self.k)?;
            let mut coeffs = vec![Expr::zero()];
            for i in 1..j as i64 {
                let s = if i % 2 == 1 { 1 } else { -1 };
                coeffs.push(Expr::frac(s, i));
            }
            acc = acc.add(&u.series(&coeffs, self.k)?)?;
        }
        Ok(acc)
    }

    /// For an asymptotic series in Bernoulli numbers at an argument `z` → +∞ (Stirling's,
    /// the harmonic numbers'): the leading monomial of `z`, and how many correction terms
    /// bring the absolute error below n^(−k). `what` names the series in the refusal.
    pub(crate) fn bernoulli_terms(&self, z: &Expansion, what: &str) -> Result<(Mono, i64), Fail> {
        let Some(lead) = z.lead() else {
            return Err(Fail::Precision);
        };
        if lead.m.alt
            || lead.m.growth()? != Ordering::Greater
            || sign(&lead.c)? != Ordering::Greater
        {
            return Err(Fail::Out(format!(
                "{what} needs an argument that tends to +oo, not {}",
                z.show(self.n, 2)
            )));
        }
        let zm = lead.m.clone();
        let m = if zm.pow.is_positive() {
            let r = Q::int(self.k).div(&zm.pow.mul(&Q::int(2)))?;
            Q(r.0.ceil()).to_i64().unwrap_or(1).clamp(1, 60) + 1
        } else {
            self.k.clamp(1, 60)
        };
        Ok((zm, m))
    }

    /// Stirling's series `ln z! = z ln z − z + ½ ln(2πz) + Σ B_2j/(2j(2j−1) z^(2j−1))` for
    /// `z → +∞`, with its remainder `O(z^(−2m−1))`.
    pub(crate) fn ln_factorial(&mut self, z: &Expansion) -> Result<Expansion, Fail> {
        let (zm, m) = self.bernoulli_terms(z, "Stirling's formula")?;
        let lz = self.ln(z)?;
        let half = Expr::frac(1, 2);
        let two_pi = expr::mul(vec![Expr::int(2), Expr::pi()])?;
        let mut acc = z.mul(&lz, self.k)?;
        acc = acc.sub(z)?;
        acc = acc.add(&lz.scale(&half)?)?;
        acc = acc.add(&Expansion::constant(expr::mul(vec![
            half,
            super::constant::ln_const(&two_pi)?,
        ])?))?;
        let b = bernoulli(2 * m as usize)?;
        let zinv = self.powq(z, &Q::int(-1))?;
        let zinv2 = zinv.mul(&zinv, self.k)?;
        let mut p = zinv;
        for j in 1..=m {
            let c = b[2 * j as usize].div(&Q::int(2 * j * (2 * j - 1)))?;
            acc = acc.add(&p.scale(&Expr::Num(c))?)?;
            p = p.mul(&zinv2, self.k)?;
        }
        let rem = Expansion::big_o(zm.powq(&Q::int(-2 * m - 1))?);
        acc.add(&rem)?.truncate(self.k)
    }

    /// `f(b)` by the Taylor series of `f` at the finite limit of `b`.
    pub(crate) fn taylor(&mut self, f: Func, b: &Expansion) -> Result<Expansion, Fail> {
        self.taylor_of(f, &[], b)
    }

    /// `f(lead…, b)` by the Taylor series in its last argument at the finite limit of `b`;
    /// `lead` holds the arguments before it, constants (the order ν of J_ν(b)).
    pub(crate) fn taylor_of(
        &mut self,
        f: Func,
        lead: &[Expr],
        b: &Expansion,
    ) -> Result<Expansion, Fail> {
        let apply = |u: Expr| {
            let mut args = lead.to_vec();
            args.push(u);
            expr::func(f, args)
        };
        if let Some(e) = &b.err {
            if e.growth()? != Ordering::Less {
                return Err(Fail::Precision);
            }
        }
        let mut c0 = Vec::new();
        let mut rest = Vec::new();
        for t in &b.terms {
            match t.m.growth()? {
                Ordering::Less => rest.push(t.clone()),
                Ordering::Equal if !t.m.alt => c0.push(t.c.clone()),
                _ => {
                    return Err(Fail::Out(format!(
                        "{}({}) has no limit to expand at (its argument does not converge)",
                        f.name(),
                        b.show(self.n, 2)
                    )))
                }
            }
        }
        let c = expr::add(c0)?;
        let v = Expansion {
            terms: rest,
            err: b.err.clone(),
        };
        let Some(t) = v.top() else {
            return Ok(Expansion::constant(apply(c)?));
        };
        // Off the real line the Taylor coefficients would describe a complex branch: make sure
        // the limit lies inside the domain (certified numerics check a whole ball around it).
        let entire = matches!(
            f,
            Func::Sin
                | Func::Cos
                | Func::Sinh
                | Func::Cosh
                | Func::Tanh
                | Func::Atan
                | Func::Asinh
                | Func::Erf
                | Func::Erfc
                | Func::Phi
                | Func::Gelu
                | Func::Sigmoid
        ) || matches!(f, Func::BesselJ | Func::BesselI)
            && lead
                .first()
                .and_then(Expr::as_num)
                .is_some_and(|q| q.is_integer());
        if !entire && !matches!(c, Expr::Num(_)) {
            let at = apply(c.clone())?;
            if !c.symbols().is_empty() || float::evaluate(&at, 6).is_err() {
                return Err(Fail::Out(format!(
                    "{}: cannot certify that the limit {c} of its argument lies inside its domain",
                    f.name()
                )));
            }
        }
        let j = terms_needed(&t, self.k)?;
        let x = "_asymptotic_u";
        let fx = apply(Expr::sym(x))?;
        let coeffs = series::taylor(&fx, x, &c, j)
            .map_err(|e| {
                Fail::Out(format!(
                    "{} has no Taylor expansion at {c}, the limit of its argument ({})",
                    f.name(),
                    e.to_string().replace(x, "u")
                ))
            })?
            .coeffs;
        v.series(&coeffs, self.k)
    }

    /// `f(b)` for an argument that tends to ±∞, where `f` has a rewriting that stays inside
    /// the scale: atan through `±π/2 − atan(1/b)`, the hyperbolic functions and the sigmoid
    /// through exponentials.
    pub(crate) fn at_infinity(&mut self, f: Func, b: &Expansion) -> Result<Expansion, Fail> {
        let half = Expr::frac(1, 2);
        match f {
            Func::Atan => {
                let Some(lead) = b.lead() else {
                    return Err(Fail::Precision);
                };
                if lead.m.alt {
                    return Err(Fail::Out(
                        "atan of an alternating unbounded argument".into(),
                    ));
                }
                let s = if sign(&lead.c)? == Ordering::Less {
                    -1
                } else {
                    1
                };
                let inv = self.powq(b, &Q::int(-1))?;
                let t = self.taylor(Func::Atan, &inv)?;
                let edge = expr::mul(vec![Expr::frac(s, 2), Expr::pi()])?;
                Expansion::constant(edge).sub(&t)
            }
            Func::Sinh | Func::Cosh => {
                let ep = self.exp(b)?;
                let em = self.exp(&b.scale(&Expr::int(-1))?)?;
                let s = if f == Func::Sinh { -1 } else { 1 };
                ep.add(&em.scale(&Expr::int(s))?)?.scale(&half)
            }
            Func::Tanh | Func::Sigmoid => {
                // tanh b = (e^(2b) − 1)/(e^(2b) + 1); sigmoid b = e^b/(e^b + 1).
                let w = if f == Func::Tanh {
                    b.scale(&Expr::int(2))?
                } else {
                    b.clone()
                };
                let e = self.exp(&w)?;
                let one = Expansion::constant(Expr::one());
                let den = self.powq(&e.add(&one)?, &Q::int(-1))?;
                let num = if f == Func::Tanh { e.sub(&one)? } else { e };
                num.mul(&den, self.k)
            }
            _ => Err(Fail::Out(
                if matches!(f, Func::Sin | Func::Cos | Func::Tan) {
                    format!(
                        "{}({}) oscillates: its argument grows without bound",
                        f.name(),
                        b.show(self.n, 2)
                    )
                } else {
                    format!(
                        "{} of an unbounded argument is not handled by the asymptotic scale",
                        f.name()
                    )
                },
            )),
        }
    }

    /// `|b|` when the sign of `b` is eventually fixed or purely alternating.
    pub(crate) fn abs(&mut self, b: &Expansion) -> Result<Expansion, Fail> {
        let Some(lead) = b.lead() else {
            return if b.err.is_some() && b.vanishes()? {
                Ok(b.clone())
            } else if b.err.is_some() {
                Err(Fail::Precision)
            } else {
                Ok(Expansion::zero())
            };
        };
        let alt = lead.m.alt;
        if b.terms.iter().any(|t| t.m.alt != alt) {
            return Err(Fail::Out(
                "abs of an expression whose sign pattern is mixed".into(),
            ));
        }
        let s = if sign(&lead.c)? == Ordering::Less {
            -1
        } else {
            1
        };
        let terms = b
            .terms
            .iter()
            .map(|t| {
                Ok(Term {
                    c: expr::mul(vec![Expr::int(s), t.c.clone()])?,
                    m: t.m.abs(),
                })
            })
            .collect::<Result<Vec<_>, Fail>>()?;
        Ok(Expansion {
            terms,
            err: b.err.clone(),
        })
    }
}
