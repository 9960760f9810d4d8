//! Hypergeometric terms: q(n) d_{n+1} = p(n) d_n with polynomials of degree ≤ 4 that split
//! over Q, so d_n = d_{n0} Π_{j<n} C·Π(j + a_i)/Π(j + b_i). The product is written with
//! powers, factorials, binomials, polynomial factors and (for shifts that are not integers or
//! half-integers) Γ, then checked against every term.

use super::fit::fit_prefix;
use super::{eval_at, settle, Found, Index, MAX_EXCEPTIONS, MIN_CHECKED};
use crate::math::answer::{Notation, Op};
use crate::math::expr::{add, func, mul, pow, Expr, Func, MResult};
use crate::math::number::Q;
use crate::math::poly::Poly;
use crate::rich;
use std::collections::BTreeMap;

/// Largest degree of the ratio's numerator and denominator.
const MAX_DEGREE: usize = 4;
/// Largest gap between Γ shifts that is written out as a product of linear factors.
const MAX_GAP: i64 = 8;

/// A closed form for the class sequence `d`, if it is hypergeometric (from some start on).
pub(super) fn closed(d: &[Q], var: &str, idx: &Index) -> Option<Found> {
    let first = d.iter().position(|x| !x.is_zero())?;
    // Zeros after the last non-zero term are allowed: a terminating term like binomial(5, n).
    let last = d.iter().rposition(|x| !x.is_zero())?;
    let s_min = d[..last].iter().rposition(Q::is_zero).map_or(0, |z| z + 1);
    if s_min > first + MAX_EXCEPTIONS {
        return None;
    }
    for s in s_min..s_min + 3 {
        if s + 1 >= d.len() || s > last {
            break;
        }
        if let Some(found) = fit_ratio(d, s).and_then(|fit| build(d, s, &fit, var, idx)) {
            return Some(found);
        }
    }
    None
}

/// The ratio d_{n+1}/d_n = p(n)/q(n) for n ≥ start, fitted on a prefix and checked on the
/// rest: `(p, q, start)`.
pub(super) fn ratio(d: &[Q]) -> Option<(Poly, Poly, usize)> {
    let first = d.iter().position(|x| !x.is_zero())?;
    for s in first..first + 3 {
        if s + 1 >= d.len() || d[s..].iter().any(Q::is_zero) {
            continue;
        }
        if let Some(fit) = fit_ratio(d, s) {
            return Some((fit.p, fit.q, s));
        }
    }
    None
}

/// The fitted ratio d_{n+1}/d_n = p(n)/q(n) and the fit's term counts.
struct Fit {
    p: Poly,
    q: Poly,
    fitted: usize,
    checked: usize,
}

/// Fits q(n) d_{n+1} − p(n) d_n = 0 for n ≥ s with the smallest degree that works.
fn fit_ratio(d: &[Q], s: usize) -> Option<Fit> {
    for deg in 0..=MAX_DEGREE {
        let rows: Vec<Vec<Q>> = (s..d.len() - 1)
            .map(|n| {
                let x = Q::int(n as i64);
                let mut pows = vec![Q::one()];
                for j in 0..deg {
                    pows.push(pows[j].mul(&x));
                }
                let qpart = pows.iter().map(|w| w.mul(&d[n + 1]));
                let ppart = pows.iter().map(|w| w.mul(&d[n]).neg());
                qpart.chain(ppart).collect()
            })
            .collect();
        if let Some((v, f)) = fit_prefix(&rows, 2 * (deg + 1), MIN_CHECKED) {
            return Some(Fit {
                q: Poly::new(v[..=deg].to_vec()),
                p: Poly::new(v[deg + 1..].to_vec()),
                fitted: f + 1,
                checked: rows.len() - f,
            });
        }
    }
    None
}

/// The factors of the product, up to a constant: Π (n + t)^e, (s n + h)!^e for slopes 1 and
/// 2, Γ(n + a)^e/Γ(n0 + a)^e, binomials, and (±base)^n.
#[derive(Default)]
struct Shape {
    polys: BTreeMap<Q, i64>,
    facts: [BTreeMap<i64, i64>; 2],
    gammas: Vec<(Q, i64)>,
    binom: Option<(i64, i64, i64)>,
    /// binomial(N, n) from a numerator factor (n − N) that vanishes at n = N ≥ n0.
    terminating: Vec<i64>,
    /// An extra (−1)^n.
    flip: bool,
    base: Q,
}

impl Shape {
    /// Γ(n + a)/Γ(n + b) for an integer difference, as linear factors.
    fn ratio(&mut self, a: &Q, b: &Q) -> Option<()> {
        let gap = a.sub(b).to_i64()?;
        let (lo, e) = if gap > 0 { (b, 1) } else { (a, -1) };
        for i in 0..gap.abs() {
            *self.polys.entry(lo.add(&Q::int(i))).or_default() += e;
        }
        Some(())
    }

    /// Γ(n + a)^e, defined for all n ≥ n0.
    fn gamma(&mut self, a: &Q, e: i64, n0: i64) -> Option<()> {
        if a.is_integer() {
            let h = a.to_i64()? - 1;
            if n0 + h < 0 && e > 0 {
                // Π_{n0≤j<n} (j − N) = (−1)^(n−n0) (N − n0)!/(N − n)! ∝ (−1)^n binomial(N, n) n!,
                // which is 0 from n = N + 1 on.
                self.terminating.push(-h - 1);
                *self.facts[0].entry(0).or_default() += 1;
                self.flip = !self.flip;
                return Some(());
            }
            if n0 + h < 0 {
                return None; // Γ has a pole in range: the data cannot be hypergeometric there
            }
            *self.facts[0].entry(h).or_default() += e;
            return Some(());
        }
        // Shift the argument up so that it is positive at n0: Γ(x) = Γ(x + t)/Π (x + i).
        let mut a = a.clone();
        while a.add(&Q::int(n0)).0 <= 0 {
            *self.polys.entry(a.clone()).or_default() -= e;
            a = a.add(&Q::one());
        }
        if *a.denom() == 2 {
            // Γ(n + h + 1/2) = (2n + 2h)! √π / (4^(n+h) (n + h)!)
            let h = a.sub(&Q::frac(1, 2)).to_i64()?;
            *self.facts[1].entry(2 * h).or_default() += e;
            *self.facts[0].entry(h).or_default() -= e;
            self.base = self.base.mul(&Q::int(4).pow_int(&(-e).into()).ok()?);
        } else {
            self.gammas.push((a, e));
        }
        Some(())
    }

    /// Brings each slope's factorials to one shift, finds binomials, and absorbs matching
    /// linear factors into factorials: (2n + 2)!^(-1)·(n + 1) ∝ (2n + 1)!^(-1).
    fn tidy(&mut self, n0: i64) -> Option<()> {
        for (si, facts) in self.facts.iter_mut().enumerate() {
            let s = si as i64 + 1;
            facts.retain(|_, e| *e != 0);
            let Some(hmin) = facts.keys().next().copied() else {
                continue;
            };
            let mut net = 0;
            for (&h, &e) in facts.iter() {
                if h - hmin > 2 * MAX_GAP {
                    return None;
                }
                for i in hmin + 1..=h {
                    *self.polys.entry(Q::frac(i, s)).or_default() += e;
                }
                net += e;
            }
            facts.clear();
            if net != 0 {
                facts.insert(hmin, net);
            }
        }
        if let (Some((h2, e2)), Some((h1, e1))) = (single(&self.facts[1]), single(&self.facts[0])) {
            if e2.abs() == 1 && e1 == -2 * e2 && h2 == 2 * h1 {
                self.binom = Some((h2, h1, e2));
                self.facts = Default::default();
            }
        }
        let mut changed = true;
        while changed {
            changed = false;
            for si in 0..2 {
                let s = si as i64 + 1;
                let Some((h, e)) = single(&self.facts[si]) else {
                    continue;
                };
                if e.abs() != 1 {
                    continue;
                }
                let below = Q::frac(h, s);
                let above = Q::frac(h + 1, s);
                let new_h =
                    if self.polys.get(&below).copied().unwrap_or(0) * e < 0 && s * n0 + h >= 1 {
                        *self.polys.entry(below).or_default() += e;
                        h - 1
                    } else if self.polys.get(&above).copied().unwrap_or(0) * e > 0 {
                        *self.polys.entry(above).or_default() -= e;
                        h + 1
                    } else {
                        continue;
                    };
                self.facts[si] = BTreeMap::from([(new_h, e)]);
                changed = true;
            }
        }
        self.polys.retain(|_, e| *e != 0);
        Some(())
    }

    /// The product of the non-power factors, in `n`.
    fn core(&self, n: &Expr, n0: i64) -> MResult {
        let lin = |s: i64, h: Q| add(vec![mul(vec![Expr::int(s), n.clone()])?, Expr::Num(h)]);
        let mut fs = Vec::new();
        for (t, &e) in &self.polys {
            fs.push(pow(lin(1, t.clone())?, Expr::int(e))?);
        }
        for (si, facts) in self.facts.iter().enumerate() {
            for (&h, &e) in facts {
                let f = func(Func::Factorial, vec![lin(si as i64 + 1, Q::int(h))?])?;
                fs.push(pow(f, Expr::int(e))?);
            }
        }
        for &big_n in &self.terminating {
            fs.push(func(Func::Binomial, vec![Expr::int(big_n), n.clone()])?);
        }
        if let Some((h2, h1, e)) = self.binom {
            let b = func(
                Func::Binomial,
                vec![lin(2, Q::int(h2))?, lin(1, Q::int(h1))?],
            )?;
            fs.push(pow(b, Expr::int(e))?);
        }
        for (a, e) in &self.gammas {
            fs.push(pow(
                func(Func::Gamma, vec![lin(1, a.clone())?])?,
                Expr::int(*e),
            )?);
            let at_start = func(Func::Gamma, vec![Expr::Num(a.add(&Q::int(n0)))])?;
            fs.push(pow(at_start, Expr::int(-e))?);
        }
        mul(fs)
    }
}

/// C·Π (n − ρ_i)/Π (n − σ_j), the fitted ratio in factored form.
fn factored(c: &Q, num: &[Q], den: &[Q], n: &Expr) -> MResult {
    let mut fs = vec![Expr::Num(c.clone())];
    for (roots, e) in [(num, 1), (den, -1)] {
        for r in roots {
            fs.push(pow(
                add(vec![n.clone(), Expr::Num(r.neg())])?,
                Expr::int(e),
            )?);
        }
    }
    mul(fs)
}

/// The only entry of a map with one entry.
fn single(m: &BTreeMap<i64, i64>) -> Option<(i64, i64)> {
    match m.iter().next() {
        Some((&h, &e)) if m.len() == 1 => Some((h, e)),
        _ => None,
    }
}

/// The closed form of a fitted ratio, settled against the data.
fn build(d: &[Q], s: usize, fit: &Fit, var: &str, idx: &Index) -> Option<Found> {
    let ps = fit.p.split_rational().filter(|x| x.complete)?;
    let qs = fit.q.split_rational().filter(|x| x.complete)?;
    if ps.rest.degree() != 0 || qs.rest.degree() != 0 {
        return None; // an irreducible factor: not a product of linear shifts over Q
    }
    let (p_roots, q_roots) = (ps.with_multiplicity(), qs.with_multiplicity());
    let c = ps.rest.lead().div(&qs.rest.lead()).ok()?;
    let n0 = s as i64;
    let mut shape = Shape {
        base: c.abs(),
        ..Shape::default()
    };
    // Numerator factor (n − root) is (n + a) with a = −root.
    let mut den: Vec<Q> = q_roots.iter().map(Q::neg).collect();
    for a in p_roots.iter().map(Q::neg) {
        let terminating = a.is_integer() && !a.add(&Q::int(n0)).is_positive();
        let partner = den
            .iter()
            .enumerate()
            .filter(|(_, b)| a.sub(b).to_i64().is_some_and(|g| g.abs() <= MAX_GAP))
            .min_by_key(|(_, b)| a.sub(b).abs())
            .map(|(i, _)| i)
            .filter(|_| !terminating);
        match partner {
            Some(i) => {
                let b = den.remove(i);
                shape.ratio(&a, &b)?;
            }
            None => shape.gamma(&a, 1, n0)?,
        }
    }
    for b in &den {
        shape.gamma(b, -1, n0)?;
    }
    shape.tidy(n0)?;
    let n = Expr::sym(var);
    let core = shape.core(&n, n0).ok()?;
    let core0 = eval_at(&core, var, s as u64).filter(|v| !v.is_zero())?;
    let sign = c.is_negative() != shape.flip;
    let base = shape.base.clone();
    let mut at_start = base.pow_int(&n0.into()).ok()?.mul(&core0);
    if sign && s % 2 == 1 {
        at_start = at_start.neg();
    }
    let mut k = d[s].div(&at_start).ok()?;
    let mut fs = vec![core];
    let power = |b: Q| pow(Expr::Num(b), n.clone());
    if sign && k.is_negative() {
        k = k.neg();
        fs.push(pow(Expr::int(-1), add(vec![n.clone(), Expr::one()]).ok()?).ok()?);
        fs.push(power(base).ok()?);
    } else if sign {
        fs.push(power(base.neg()).ok()?);
    } else {
        fs.push(power(base).ok()?);
    }
    fs.push(Expr::Num(k));
    let formula = mul(fs).ok()?;
    let (start, exceptions) = settle(d, s, &formula, var)?;
    let ratio = factored(&c, &p_roots, &q_roots, &n).ok()?;
    Some(Found {
        formula,
        n0: start,
        exceptions,
        fitted: fit.fitted,
        checked: fit.checked,
        method: rich![
            "hypergeometric: ",
            Notation::new(
                format!("{}/{}", idx.at(1), idx.at(0)),
                format!(
                    "\\frac{{{}}}{{{}}}",
                    idx.at(1).replace('*', " "),
                    idx.at(0).replace('*', " ")
                )
            ),
            Op::Eq,
            &ratio
        ],
    })
}
