//! Expansion of a symbolic expression into a truncated power series in one variable, by
//! structural recursion: sums, products, powers and every built-in function become series
//! operations. Runs over exact rationals when every coefficient is rational, and over
//! symbolic coefficients (π, √2, parameters) otherwise.

mod lambert_bessel;
mod monomial;

use super::ring::{integral, Coeff};
use super::trunc::Trunc;
use crate::math::expr::{self, Constant, Expr, Func, MathError};
use crate::math::number::Q;

/// The derivation step recorded for sin u and cos u.
const SIN_COS_NOTE: &str =
    "sin u and cos u by the recurrences (sin u)' = cos u·u', (cos u)' = −sin u·u'";

/// Why an expansion over a particular ring stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum ExpandError {
    Math(MathError),
    /// A coefficient is not in the rational ring: redo over symbolic coefficients.
    NeedSymbolic,
}

impl From<MathError> for ExpandError {
    fn from(e: MathError) -> Self {
        ExpandError::Math(e)
    }
}

type R<T> = Result<T, ExpandError>;

/// The expander: variable name, working precision and the trail of rules used.
pub struct Expander<'a, C> {
    pub x: &'a str,
    pub prec: i64,
    pub trail: Vec<String>,
    _ring: std::marker::PhantomData<C>,
}

fn constant<C: Coeff>(e: &Expr) -> R<C> {
    C::from_expr(e).ok_or(ExpandError::NeedSymbolic)
}

fn singular(what: String) -> ExpandError {
    ExpandError::Math(MathError::Domain(what))
}

impl<'a, C: Coeff> Expander<'a, C> {
    pub fn new(x: &'a str, prec: i64) -> Self {
        Expander {
            x,
            prec,
            trail: Vec::new(),
            _ring: std::marker::PhantomData,
        }
    }

    fn note(&mut self, s: String) {
        if !self.trail.contains(&s) && self.trail.len() < 12 {
            self.trail.push(s);
        }
    }

    /// The series of `e`.
    pub fn series(&mut self, e: &Expr) -> R<Trunc<C>> {
        stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || self.node(e))
    }

    fn node(&mut self, e: &Expr) -> R<Trunc<C>> {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted.into());
        }
        if !e.depends_on(self.x) {
            if e.has_infinity() {
                return Err(singular("an infinite constant has no series".into()));
            }
            return Ok(Trunc::constant(constant(e)?, self.prec));
        }
        if matches!(e, Expr::Add(_) | Expr::Mul(_) | Expr::Pow(..)) {
            if let Some(terms) = monomial::monomials(e, self.x) {
                if let Some(t) = self.polynomial(&terms) {
                    return Ok(t);
                }
            }
        }
        match e {
            Expr::Sym(_) => Ok(Trunc::var(self.prec)),
            Expr::Add(ts) => {
                let mut acc: Option<Trunc<C>> = None;
                for t in ts {
                    let s = self.series(t)?;
                    acc = Some(match acc {
                        None => s,
                        Some(a) => a.add(&s)?,
                    });
                }
                acc.ok_or(ExpandError::Math(MathError::Unsupported(
                    "empty sum".into(),
                )))
            }
            Expr::Mul(fs) => {
                let mut acc: Option<Trunc<C>> = None;
                for f in fs {
                    let s = self.series(f)?;
                    acc = Some(match acc {
                        None => s,
                        Some(a) => a.mul(&s)?,
                    });
                }
                acc.ok_or(ExpandError::Math(MathError::Unsupported(
                    "empty product".into(),
                )))
            }
            Expr::Pow(b, x) => self.power(b, x),
            Expr::Func(f, args) => self.function(*f, args),
            Expr::Num(_) | Expr::Const(_) => Ok(Trunc::constant(constant(e)?, self.prec)),
        }
    }

    /// The series of the polynomial Σ c·x^k in one dense vector, known to the precision the
    /// term-by-term expansion gives it: x^prec with a constant term, else x^(v + prec − 1)
    /// for its lowest power v. `None` for exponents too large to index.
    fn polynomial(&self, terms: &[(u64, Q)]) -> Option<Trunc<C>> {
        let v = terms
            .iter()
            .filter(|(_, c)| !c.is_zero())
            .map(|(k, _)| *k)
            .min();
        let Some(v) = v else {
            return Some(Trunc::constant(C::zero(), self.prec));
        };
        let v = i64::try_from(v).ok().filter(|&v| v < i64::MAX / 4)?;
        let prec = if v == 0 { self.prec } else { v + self.prec - 1 };
        let n = usize::try_from(prec - v).unwrap_or(0);
        let mut c: Vec<C> = std::iter::repeat_with(C::zero).take(n).collect();
        for (k, q) in terms {
            let i = usize::try_from(i64::try_from(*k).ok()? - v).ok()?;
            if i < n && !q.is_zero() {
                c[i] = C::from_q(q.clone());
            }
        }
        Some(Trunc { val: v, c, prec }.normalized())
    }

    /// Records "substitute u = … into the series of f(u)" when the argument is not the
    /// variable itself.
    fn substitution(&mut self, f: &str, arg: &Expr) {
        if *arg != Expr::sym(self.x) {
            self.note(format!("substitute u = {arg} into the series of {f}(u)"));
        }
    }

    /// Splits a series with non-negative valuation into its constant term and the rest.
    fn split(&self, s: &Trunc<C>, what: &str) -> R<(C, Vec<C>)> {
        if s.val < 0 {
            return Err(singular(format!(
                "{what} of an expression with a pole at {} = 0 has no power series",
                self.x
            )));
        }
        let mut d = s.dense();
        let c0 = d.first().cloned().unwrap_or_else(C::zero);
        if let Some(first) = d.first_mut() {
            *first = C::zero();
        }
        Ok((c0, d))
    }

    fn power(&mut self, b: &Expr, x: &Expr) -> R<Trunc<C>> {
        if matches!(b, Expr::Const(Constant::E)) {
            self.substitution("exp", x);
            let u = self.series(x)?;
            return self.exp(&u);
        }
        if x.depends_on(self.x) {
            // b^u = exp(u·ln b)
            let l = self.function(Func::Ln, std::slice::from_ref(b))?;
            let u = self.series(x)?;
            self.note("b^u = exp(u·ln b)".into());
            return self.exp(&u.mul(&l)?);
        }
        let base = self.series(b)?;
        if let Some(q) = x.as_num() {
            if q.is_integer() {
                if let Some(k) = q.numer().clone().abs().to_u64().filter(|&k| k <= 1 << 20) {
                    let p = if k == 1 { base } else { base.pow_u(k)? };
                    return Ok(if q.is_negative() { p.inv()? } else { p });
                }
                // A huge integer power of a series with a non-zero constant term has modest
                // coefficients: the binomial-series recurrence below handles it.
                if base.is_zero() || base.val != 0 {
                    return Err(ExpandError::Math(MathError::TooLarge(format!(
                        "the power {q} of a series that vanishes at the point"
                    ))));
                }
            }
        }
        // A non-integer power: c0^a·(1 + g)^a around a non-zero constant term.
        if base.is_zero() || base.val != 0 {
            return Err(singular(format!(
                "{} is not analytic at {} = 0 (a branch point); Puiseux series are not supported",
                crate::math::expr::display::expr(&expr::pow(b.clone(), x.clone())?),
                self.x
            )));
        }
        let c0 = base.c[0].clone();
        let unit = base.scale(&C::one().div(&c0)?)?;
        let alpha = constant::<C>(x)?;
        let lead = constant::<C>(&expr::pow(c0.to_expr(), x.clone())?)?;
        self.note(format!(
            "(1 + u)^a by the recurrence k·h_k = Σ (a·j − (k − j))·u_j·h_(k−j), a = {}",
            crate::math::expr::display::expr(x)
        ));
        let h = C::s_pow(&unit.dense(), &alpha, unit.prec as usize)?;
        Ok(Trunc::from_dense(h, unit.prec).scale(&lead)?)
    }

    fn exp(&mut self, u: &Trunc<C>) -> R<Trunc<C>> {
        let (c0, g) = self.split(u, "exp")?;
        let lead = constant::<C>(&Expr::exp(c0.to_expr())?)?;
        self.note("exp(u) = Σ u^k/k!, by the recurrence k·h_k = Σ j·u_j·h_(k−j)".into());
        let h = C::s_exp(&g, u.prec as usize)?;
        Ok(Trunc::from_dense(h, u.prec).scale(&lead)?)
    }

    /// sin u (`sine`) or cos u. Without a constant term only the wanted part is computed in
    /// full; with one, both are needed by the addition formula.
    fn sin_or_cos(&mut self, u: &Trunc<C>, sine: bool) -> R<Trunc<C>> {
        let (c0, g) = self.split(u, "sin/cos")?;
        if !c0.is_zero() {
            let (s, c) = self.sin_cos(u)?;
            return Ok(if sine { s } else { c });
        }
        let n = u.prec as usize;
        let dense = if sine {
            C::s_sin(&g, n)?
        } else {
            C::s_cos(&g, n)?
        };
        self.note(SIN_COS_NOTE.into());
        Ok(Trunc::from_dense(dense, u.prec))
    }

    /// (sin u, cos u).
    fn sin_cos(&mut self, u: &Trunc<C>) -> R<(Trunc<C>, Trunc<C>)> {
        let (c0, g) = self.split(u, "sin/cos")?;
        let n = u.prec as usize;
        let (s, c) = C::s_sin_cos(&g, n)?;
        let (s, c) = (Trunc::from_dense(s, u.prec), Trunc::from_dense(c, u.prec));
        self.note(SIN_COS_NOTE.into());
        if c0.is_zero() {
            return Ok((s, c));
        }
        let sc0 = constant::<C>(&expr::func(Func::Sin, vec![c0.to_expr()])?)?;
        let cc0 = constant::<C>(&expr::func(Func::Cos, vec![c0.to_expr()])?)?;
        // sin(c0 + g) = sin c0·cos g + cos c0·sin g; cos(c0 + g) = cos c0·cos g − sin c0·sin g.
        let sin = c.scale(&sc0)?.add(&s.scale(&cc0)?)?;
        let cos = c.scale(&cc0)?.sub(&s.scale(&sc0)?)?;
        Ok((sin, cos))
    }

    /// ∫₀^x of `d`, plus the constant `at0`.
    fn antiderivative(&self, d: &Trunc<C>, at0: C, prec: i64) -> R<Trunc<C>> {
        let dense = d.dense();
        let mut i = integral(&dense, prec.max(0) as usize);
        if let Some(first) = i.first_mut() {
            *first = at0;
        }
        Ok(Trunc::from_dense(i, prec))
    }

    fn ln(&mut self, u: &Trunc<C>, arg: &Expr) -> R<Trunc<C>> {
        if u.is_zero() || u.val > 0 {
            return Err(singular(format!(
                "ln({}) is singular at {} = 0 (the logarithm of 0); Laurent/Puiseux expansions are not supported",
                crate::math::expr::display::expr(arg),
                self.x
            )));
        }
        let (c0, _) = self.split(u, "ln")?;
        if let Some(q) = c0.to_expr().as_num() {
            if q.is_negative() {
                return Err(singular(format!(
                    "ln of a negative value ({q}) is not real"
                )));
            }
        }
        let lead = constant::<C>(&expr::func(Func::Ln, vec![c0.to_expr()])?)?;
        let unit = u.scale(&C::one().div(&c0)?)?;
        self.note("ln(u) = ln(u₀) + ∫ u'/u".into());
        let l = C::s_log(&unit.dense(), u.prec as usize)?;
        Ok(Trunc::from_dense(l, u.prec).add(&Trunc::constant(lead, u.prec))?)
    }

    /// ∫ u'·w(u) with the constant f(u0): the pattern behind atan, asin, erf, ….
    fn integrate_rule(&mut self, u: &Trunc<C>, w: &Trunc<C>, f0: &Expr) -> R<Trunc<C>> {
        let du = Trunc::from_dense(super::ring::derivative(&u.dense()), u.prec - 1);
        let integrand = du.mul(w)?;
        let at0 = constant::<C>(f0)?;
        self.antiderivative(&integrand, at0, u.prec)
    }

    fn function(&mut self, f: Func, args: &[Expr]) -> R<Trunc<C>> {
        if f == Func::Integral {
            return self.integral(args);
        }
        if matches!(f, Func::BesselJ | Func::BesselI) {
            return self.bessel(f, args);
        }
        if f == Func::Binomial || args.len() != 1 {
            return Err(ExpandError::Math(MathError::Unsupported(format!(
                "series of {} in the expansion variable are not supported",
                f.name()
            ))));
        }
        let arg = &args[0];
        self.substitution(f.name(), arg);
        let u = self.series(arg)?;
        let (c0, _) = self.split(&u, f.name())?;
        let c0e = c0.to_expr();
        let one = |p: i64| Trunc::constant(C::one(), p);
        let p = u.prec;
        match f {
            Func::Ln => self.ln(&u, arg),
            Func::Sin => self.sin_or_cos(&u, true),
            Func::Cos => self.sin_or_cos(&u, false),
            Func::Tan => {
                let (c0, g) = self.split(&u, "tan")?;
                self.note("tan u = sin u / cos u".into());
                if c0.is_zero() {
                    // tan of a series without constant term: the ring's tangent kernel.
                    return Ok(Trunc::from_dense(C::s_tan(&g, u.prec as usize)?, u.prec));
                }
                let (s, c) = self.sin_cos(&u)?;
                Ok(s.div(&c)?)
            }
            Func::Sinh | Func::Cosh | Func::Tanh => {
                let ep = self.exp(&u)?;
                let em = ep.inv()?;
                let half = C::from_q(Q::frac(1, 2));
                let sh = ep.sub(&em)?.scale(&half)?;
                let ch = ep.add(&em)?.scale(&half)?;
                Ok(match f {
                    Func::Sinh => sh,
                    Func::Cosh => ch,
                    _ => sh.div(&ch)?,
                })
            }
            Func::Atan => {
                self.note("atan u = atan u₀ + ∫ u'/(1 + u²)".into());
                let w = one(p).add(&u.mul(&u)?)?.inv()?;
                self.integrate_rule(&u, &w, &expr::func(Func::Atan, vec![c0e])?)
            }
            Func::Atanh => {
                self.note("atanh u = atanh u₀ + ∫ u'/(1 − u²)".into());
                let w = one(p).sub(&u.mul(&u)?)?.inv()?;
                self.integrate_rule(&u, &w, &expr::func(Func::Atanh, vec![c0e])?)
            }
            Func::Asin | Func::Acos | Func::Asinh | Func::Acosh => {
                // ∫ u'·(±(1 − u²))^(−1/2)
                let u2 = u.mul(&u)?;
                let (inner, name) = match f {
                    Func::Asin | Func::Acos => (one(p).sub(&u2)?, "1 − u²"),
                    Func::Asinh => (one(p).add(&u2)?, "1 + u²"),
                    _ => (u2.sub(&one(p))?, "u² − 1"),
                };
                if inner.is_zero() || inner.val != 0 {
                    return Err(singular(format!(
                        "{}({}) has a branch point at {} = 0",
                        f.name(),
                        crate::math::expr::display::expr(arg),
                        self.x
                    )));
                }
                self.note(format!(
                    "{}(u) = {}(u₀) ± ∫ u'/sqrt({name})",
                    f.name(),
                    f.name()
                ));
                let w = self.pow_series(&inner, &Expr::frac(-1, 2))?;
                let base = if f == Func::Acos { Func::Asin } else { f };
                let r = self.integrate_rule(&u, &w, &expr::func(base, vec![c0e])?)?;
                if f == Func::Acos {
                    let half_pi = constant::<C>(&expr::div(Expr::pi(), Expr::int(2))?)?;
                    return Ok(Trunc::constant(half_pi, p).sub(&r)?);
                }
                Ok(r)
            }
            Func::Erf | Func::Erfc | Func::Phi | Func::Gelu => {
                // erf u = erf u₀ + 2/√π ∫ u'·exp(−u²)
                let v = match f {
                    Func::Phi | Func::Gelu => {
                        u.scale(&constant::<C>(&Expr::sqrt(Expr::frac(1, 2))?)?)?
                    }
                    _ => u.clone(),
                };
                self.note("erf u = erf u₀ + 2/√π ∫ u'·exp(−u²), integrated term by term".into());
                let g = self.exp(&v.mul(&v)?.neg()?)?;
                let two_over_sqrt_pi =
                    constant::<C>(&expr::div(Expr::int(2), Expr::sqrt(Expr::pi())?)?)?;
                let w = g.scale(&two_over_sqrt_pi)?;
                let v0 = v.coeff(0).unwrap_or_else(C::zero).to_expr();
                let erf = self.integrate_rule(&v, &w, &expr::func(Func::Erf, vec![v0])?)?;
                Ok(match f {
                    Func::Erf => erf,
                    Func::Erfc => one(p).sub(&erf)?,
                    _ => {
                        let phi = one(p).add(&erf)?.scale(&C::from_q(Q::frac(1, 2)))?;
                        if f == Func::Phi {
                            phi
                        } else {
                            u.mul(&phi)?
                        }
                    }
                })
            }
            Func::LambertW => self.lambert_w(&u, arg),
            Func::Sigmoid => {
                let em = self.exp(&u.neg()?)?;
                Ok(one(p).add(&em)?.inv()?)
            }
            Func::Abs => match c0e.as_num() {
                Some(q) if q.is_positive() => Ok(u),
                Some(q) if q.is_negative() => Ok(u.neg()?),
                _ => Err(singular(format!(
                    "abs({}) is not analytic where its argument vanishes",
                    crate::math::expr::display::expr(arg)
                ))),
            },
            Func::Gamma
            | Func::Zeta
            | Func::Bernoulli
            | Func::Euler
            | Func::Factorial
            | Func::Binomial
            | Func::Integral
            | Func::Root
            | Func::Harmonic
            | Func::Fibonacci
            | Func::Floor
            | Func::Ceiling
            | Func::BesselJ
            | Func::BesselI
            | Func::Sum => Err(ExpandError::Math(MathError::Unsupported(format!(
                "series of {} in the expansion variable are not supported yet",
                f.name()
            )))),
        }
    }

    /// ∫_lo^hi g(t) dt with constant `lo`: the series of G(u) = ∫_lo^u g, composed with hi.
    fn integral(&mut self, args: &[Expr]) -> R<Trunc<C>> {
        let (g, t, lo, hi) = (&args[0], &args[1], &args[2], &args[3]);
        let Expr::Sym(t) = t else {
            return Err(ExpandError::Math(MathError::Unsupported(
                "an integral needs a variable of integration".into(),
            )));
        };
        if lo.depends_on(self.x) || (g.depends_on(self.x) && &**t != self.x) {
            return Err(ExpandError::Math(MathError::Unsupported(
                "series of integrals whose lower limit or integrand depends on the expansion variable are not supported".into(),
            )));
        }
        if !lo.is_zero() || *hi != Expr::sym(self.x) {
            return Err(ExpandError::Math(MathError::Unsupported(
                "series of integrals are supported in the form integrate(g(t), t, 0, x)".into(),
            )));
        }
        // g(x) term by term, then integrate: ∫₀^x g.
        let gx = crate::math::expr::subst::subs(g, t, &Expr::sym(self.x))?;
        let s = self.series(&gx)?;
        if s.val < 0 {
            return Err(singular(
                "the integrand has a pole at the lower limit".into(),
            ));
        }
        self.note("∫₀^x g(t) dt, integrated term by term".into());
        self.antiderivative(&s, C::zero(), s.prec + 1)
    }

    /// `s^a` for a constant exponent `a` and a series with a non-zero constant term.
    fn pow_series(&mut self, s: &Trunc<C>, a: &Expr) -> R<Trunc<C>> {
        let c0 = s.c[0].clone();
        let unit = s.scale(&C::one().div(&c0)?)?;
        let alpha = constant::<C>(a)?;
        let lead = constant::<C>(&expr::pow(c0.to_expr(), a.clone())?)?;
        let h = C::s_pow(&unit.dense(), &alpha, unit.prec as usize)?;
        Ok(Trunc::from_dense(h, unit.prec).scale(&lead)?)
    }
}
