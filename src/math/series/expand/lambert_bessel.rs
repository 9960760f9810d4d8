//! Series of the Lambert W function and of the Bessel functions J_n and I_n of integer order.
//!
//! W(u): Newton's iteration on W − u·e^(−W) = 0, which doubles the number of correct
//! coefficients at each step, from W(u₀); e^(−W(u₀)) = W(u₀)/u₀ keeps the constant symbolic
//! only through W(u₀). J_n(u), I_n(u): at u₀ = 0 the defining series
//! Σ (∓1)^k (u/2)^(2k+n)/(k!(k+n)!) (DLMF 10.2.2, 10.25.2); at u₀ ≠ 0 Taylor's series with the
//! derivatives J_n^(m) = 2^(−m) Σ_j (−1)^j C(m, j) J_(n−m+2j) (DLMF 10.6.7; I: 10.29.5), every
//! order reduced to J_n(u₀) and J_(n+1)(u₀) by the three-term recurrence.

use super::{constant, singular, ExpandError, Expander, R};
use crate::math::expr::{self, Expr, Func, MathError};
use crate::math::number::{self, Q};
use crate::math::series::ring::Coeff;
use crate::math::series::trunc::Trunc;

/// The highest integer order whose series sigma builds.
const MAX_ORDER: i64 = 100_000;

use crate::math::check_interrupt as check;

/// The polynomials p_n of W^(n)(x) = W^n·p_n(W)/(x^n·(1 + W)^(2n−1)) for n = 1 … top, by
/// p_1 = 1, p_(n+1) = (1 + w)·p_n' − (n·w + 3n − 1)·p_n (differentiate once and use
/// W' = W/(x·(1 + W)), DLMF 4.13.4).
fn lambert_derivative_polys(top: usize) -> Vec<Vec<Q>> {
    let mut out = vec![vec![Q::one()]];
    while out.len() < top {
        let n = out.len() as i64;
        let p = out.last().cloned().unwrap_or_default();
        let mut next = vec![Q::zero(); p.len() + 1];
        for (i, c) in p.iter().enumerate() {
            // (1 + w)·(i·c·w^(i−1)) = i·c·w^(i−1) + i·c·w^i
            if i > 0 {
                let ic = c.mul(&Q::int(i as i64));
                next[i - 1] = next[i - 1].add(&ic);
                next[i] = next[i].add(&ic);
            }
            // −(3n − 1)·c·w^i − n·c·w^(i+1)
            next[i] = next[i].sub(&c.mul(&Q::int(3 * n - 1)));
            next[i + 1] = next[i + 1].sub(&c.mul(&Q::int(n)));
        }
        out.push(next);
    }
    out
}

/// f_k(c) for k = n − top … n + top, each written as A·f_n(c) + B·f_(n+1)(c) by the
/// three-term recurrences J_(k+1) = (2k/c)·J_k − J_(k−1) (DLMF 10.6.1) and
/// I_(k+1) = I_(k−1) − (2k/c)·I_k (DLMF 10.29.1), run up and down from the pair.
fn recurrence_basis(f: Func, n: i64, c: &Expr, top: i64) -> R<Vec<Expr>> {
    let is_j = f == Func::BesselJ;
    let len = (2 * top + 1) as usize;
    let at = |k: i64| top + k - n;
    // (A, B) with f_k = A·f_n + B·f_(n+1).
    let mut ab: Vec<(Expr, Expr)> = vec![(Expr::zero(), Expr::zero()); len + 1];
    let slot = |k: i64| at(k) as usize;
    ab[slot(n)] = (Expr::one(), Expr::zero());
    ab[slot(n + 1)] = (Expr::zero(), Expr::one());
    let two_k_over_c = |k: i64| expr::div(Expr::int(2 * k), c.clone());
    let comb = |x: &(Expr, Expr), s: &Expr, y: &(Expr, Expr), t: i64| -> R<(Expr, Expr)> {
        // s·x + t·y
        let part = |a: &Expr, b: &Expr| -> R<Expr> {
            Ok(expr::add(vec![
                expr::mul(vec![s.clone(), a.clone()])?,
                expr::mul(vec![Expr::int(t), b.clone()])?,
            ])?)
        };
        Ok((part(&x.0, &y.0)?, part(&x.1, &y.1)?))
    };
    for k in (n + 1)..(n + top) {
        check()?;
        // up: f_(k+1) = ±(2k/c)·f_k ∓ … from f_k and f_(k−1)
        let s = two_k_over_c(k)?;
        let next = if is_j {
            comb(&ab[slot(k)], &s, &ab[slot(k - 1)], -1)?
        } else {
            comb(&ab[slot(k)], &expr::neg(s)?, &ab[slot(k - 1)], 1)?
        };
        ab[slot(k + 1)] = next;
    }
    for k in ((n - top + 1)..=n).rev() {
        check()?;
        // down: J_(k−1) = (2k/c)·J_k − J_(k+1); I_(k−1) = (2k/c)·I_k + I_(k+1)
        let s = two_k_over_c(k)?;
        let t = if is_j { -1 } else { 1 };
        ab[slot(k - 1)] = comb(&ab[slot(k)], &s, &ab[slot(k + 1)], t)?;
    }
    let fn_ = expr::func(f, vec![Expr::int(n), c.clone()])?;
    let fn1 = expr::func(f, vec![Expr::int(n + 1), c.clone()])?;
    let mut out = Vec::with_capacity(len);
    for (a, b) in ab.into_iter().take(len) {
        out.push(expr::add(vec![
            expr::mul(vec![a, fn_.clone()])?,
            expr::mul(vec![b, fn1.clone()])?,
        ])?);
    }
    Ok(out)
}

impl<C: Coeff> Expander<'_, C> {
    /// W(u) for the series `u` of `arg`.
    pub(super) fn lambert_w(&mut self, u: &Trunc<C>, arg: &Expr) -> R<Trunc<C>> {
        let (c0, _) = self.split(u, "lambertw")?;
        let w0e = expr::func(Func::LambertW, vec![c0.to_expr()])?;
        if w0e == Expr::int(-1) {
            return Err(singular(format!(
                "lambertw({}) has a branch point at {} = 0 (its argument is −1/e there)",
                expr::display::expr(arg),
                self.x
            )));
        }
        if !c0.is_zero() {
            return self.lambert_w_taylor(u, &c0, &w0e);
        }
        // At u₀ = 0: Newton's iteration on W − u·e^(−W) = 0 from W = 0.
        self.note(
            "W(u) solves W·e^W = u: Newton's iteration W ← W − (W − u·e^(−W))/(1 + W), each step doubling the known terms".into(),
        );
        let n = u.prec.max(0) as usize;
        let ud = u.dense();
        let is_var = ud.len() > 1 && ud[1].to_expr().is_one() && ud.iter().skip(2).all(C::is_zero);
        if is_var {
            // W(x) = Σ_(n≥1) (−n)^(n−1)·xⁿ/n! (DLMF 4.13.5).
            let mut w = vec![C::zero(); n];
            for (k, wk) in w.iter_mut().enumerate().skip(1) {
                check()?;
                let top = rug::Integer::from(rug::Integer::u_pow_u(k as u32, (k - 1) as u32));
                let fact = number::factorial(k as u64).map_err(MathError::from)?;
                let c = Q::from_integer(top)
                    .div(&Q::from_integer(fact))
                    .map_err(MathError::from)?;
                *wk = C::from_q(if k % 2 == 0 { c.neg() } else { c });
            }
            return Ok(Trunc::from_dense(w, u.prec));
        }
        let mut w = vec![C::zero(); n];
        let mut known = 1;
        while known < n {
            check()?;
            // One step doubles the correct terms: work modulo x^m.
            let m = (2 * known).min(n);
            let minus_w: Vec<C> = w[..m].iter().map(|c| c.neg()).collect::<Result<_, _>>()?;
            let e = C::s_exp(&minus_w, m)?;
            let ue = C::s_mul(&ud[..m.min(ud.len())], &e, m)?;
            let mut r = Vec::with_capacity(m);
            for (a, b) in w[..m].iter().zip(&ue) {
                r.push(a.sub(b)?);
            }
            let mut one_w = w[..m].to_vec();
            one_w[0] = one_w[0].add(&C::one())?;
            let corr = C::s_div(&r, &one_w, m)?;
            for (wi, ci) in w.iter_mut().zip(&corr) {
                *wi = wi.sub(ci)?;
            }
            w[0] = C::zero();
            known = m;
        }
        Ok(Trunc::from_dense(w, u.prec))
    }

    /// W(u) at u₀ ≠ 0: Σ_n W^(n)(u₀)/n!·(u − u₀)^n with the closed derivatives of
    /// [`lambert_derivative_polys`], Horner in u − u₀.
    fn lambert_w_taylor(&mut self, u: &Trunc<C>, c0: &C, w0: &Expr) -> R<Trunc<C>> {
        self.note(
            "W(u) at u₀ ≠ 0: Taylor's series with W^(n)(u₀) = ω^n·p_n(ω)/(u₀^n·(1 + ω)^(2n−1)), ω = W(u₀), p_1 = 1, p_(n+1) = (1 + ω)·p_n' − (n·ω + 3n − 1)·p_n".into(),
        );
        let p = u.prec;
        let top = (p - 1).max(0) as usize;
        let polys = lambert_derivative_polys(top);
        let (_, g) = self.split(u, "lambertw")?;
        let g = Trunc::from_dense(g, p);
        let c0e = c0.to_expr();
        let one_w = expr::add(vec![Expr::one(), w0.clone()])?;
        let mut acc = Trunc::constant(C::zero(), p);
        for n in (1..=top).rev() {
            check()?;
            let pn = crate::math::poly::Poly::new(polys[n - 1].clone());
            let fact = number::factorial(n as u64).map_err(MathError::from)?;
            let ni = n as i64;
            let a = expr::mul(vec![
                Expr::Num(
                    Q::one()
                        .div(&Q::from_integer(fact))
                        .map_err(MathError::from)?,
                ),
                expr::pow(w0.clone(), Expr::int(ni))?,
                expr::subst::subs(&pn.to_expr("ω")?, "ω", w0)?,
                expr::pow(c0e.clone(), Expr::int(-ni))?,
                expr::pow(one_w.clone(), Expr::int(1 - 2 * ni))?,
            ])?;
            acc = Trunc::constant(constant::<C>(&a)?, p).add(&acc)?.mul(&g)?;
        }
        Ok(Trunc::constant(constant::<C>(w0)?, p).add(&acc)?)
    }

    /// J_n(u) or I_n(u) (`args` = [n, u]) for a non-negative integer order n.
    pub(super) fn bessel(&mut self, f: Func, args: &[Expr]) -> R<Trunc<C>> {
        let (nu, arg) = (&args[0], &args[1]);
        let name = f.name();
        if nu.depends_on(self.x) {
            return Err(ExpandError::Math(MathError::Unsupported(format!(
                "series of {name} in its order are not supported"
            ))));
        }
        let order = nu
            .as_num()
            .filter(|q| q.is_integer() && !q.is_negative())
            .and_then(Q::to_i64);
        let Some(n) = order else {
            return Err(singular(format!(
                "{name}({}, u) carries the factor (u/2)^ν: at an order that is not an integer it is not a power series (Puiseux series are not supported; sigma expands integer orders)",
                expr::display::expr(nu)
            )));
        };
        if n > MAX_ORDER {
            return Err(ExpandError::Math(MathError::TooLarge(format!(
                "the series of {name} at order {n}"
            ))));
        }
        self.substitution(name, arg);
        let u = self.series(arg)?;
        let (c0, g) = self.split(&u, name)?;
        let p = u.prec;
        let sign = if f == Func::BesselJ { -1 } else { 1 };
        if c0.is_zero() {
            return self.bessel_at_zero(n, sign, &u);
        }
        // Taylor at u₀: Σ_m f^(m)(u₀)/m!·(u − u₀)^m, Horner in g = u − u₀.
        self.note(format!(
            "{name} at u₀ ≠ 0: Taylor's series with the m-th derivative 2^(−m)·Σ_j {}C(m, j)·{name}(n − m + 2j, u₀), each order written through {name}(n, u₀) and {name}(n + 1, u₀) by the three-term recurrence",
            if sign < 0 { "(−1)^j·" } else { "" }
        ));
        let g = Trunc::from_dense(g, p);
        let top = (p - 1).max(0);
        let basis = recurrence_basis(f, n, &c0.to_expr(), top)?;
        let mut acc = Trunc::constant(C::zero(), p);
        for m in (0..=top).rev() {
            check()?;
            let mut terms = Vec::new();
            for j in 0..=m {
                let c =
                    number::binomial(&rug::Integer::from(m), j as u64).map_err(MathError::from)?;
                let c = Q::from_integer(c);
                let c = if sign < 0 && j % 2 == 1 { c.neg() } else { c };
                let at = basis[(top - m + 2 * j) as usize].clone();
                terms.push(expr::mul(vec![Expr::Num(c), at])?);
            }
            let fact = number::factorial(m as u64).map_err(MathError::from)?;
            let scale = Q::one()
                .div(&Q::from_integer(fact << (m as u32)))
                .map_err(MathError::from)?;
            let d = expr::mul(vec![Expr::Num(scale), expr::add(terms)?])?;
            let dc = Trunc::constant(constant::<C>(&d)?, p);
            acc = dc.add(&acc.mul(&g)?)?;
        }
        Ok(acc)
    }

    /// Σ (sign)^k (u/2)^(2k+n)/(k!(k+n)!) for a series u without constant term.
    fn bessel_at_zero(&mut self, n: i64, sign: i64, u: &Trunc<C>) -> R<Trunc<C>> {
        let p = u.prec;
        self.note(format!(
            "the defining series Σ {}(u/2)^(2k+n)/(k!·(k+n)!)",
            if sign < 0 { "(−1)^k·" } else { "" }
        ));
        if n >= p {
            return Ok(Trunc::constant(C::zero(), p));
        }
        // a_k = sign^k/(4^k·k!·(k+n)!)·1/2^n, the coefficient of u^(2k+n).
        let a = |k: i64| -> R<Q> {
            let fact = |j: i64| number::factorial(j as u64).map_err(MathError::from);
            let den = fact(k)? * fact(k + n)?;
            let den = Q::from_integer(den << ((2 * k + n) as u32));
            let v = Q::one().div(&den).map_err(MathError::from)?;
            Ok(if sign < 0 && k % 2 == 1 { v.neg() } else { v })
        };
        let top = (p - 1 - n) / 2;
        let is_var = u.val == 1
            && u.c.first().is_some_and(|c| c.to_expr().is_one())
            && u.c.iter().skip(1).all(Coeff::is_zero);
        if is_var {
            let mut c = vec![C::zero(); p as usize];
            for k in 0..=top {
                check()?;
                c[(2 * k + n) as usize] = C::from_q(a(k)?);
            }
            return Ok(Trunc::from_dense(c, p));
        }
        let h = u.mul(u)?;
        let mut acc = Trunc::constant(C::from_q(a(top)?), p);
        for k in (0..top).rev() {
            check()?;
            acc = Trunc::constant(C::from_q(a(k)?), p).add(&acc.mul(&h)?)?;
        }
        Ok(acc.mul(&u.pow_u(n as u64)?)?)
    }
}
