//! Bounded oscillating factors: sin and cos of arguments that grow with n, read as the atoms of
//! a polynomial with rational coefficients. Gives the bounds |T| ≤ Σ|c| and T ≥ c₀ − Σ|c|, and
//! for atoms of affine argument k·n + φ (k = a + b·π with a, b rational) the linear form
//! T = mean + Σ cᵢ·cos(kᵢn + φᵢ) at integer n by product-to-sum, with no kᵢ a multiple of 2π, so
//! the oscillating part has bounded partial sums. Needs only the expression layer.

use crate::math::expr::{self, diff::diff, subst, Expr, Func, MResult};
use crate::math::number::Q;

/// The most atoms, and the highest total degree, a polynomial may have.
const MAX_DEGREE: u32 = 8;

/// sin/cos(u) with u depending on n, in order of first appearance.
pub(crate) fn atoms(e: &Expr, n: &str) -> Vec<Expr> {
    let mut out = Vec::new();
    collect(e, n, &mut out);
    out
}

fn collect(e: &Expr, n: &str, out: &mut Vec<Expr>) {
    if !e.depends_on(n) {
        return;
    }
    match e {
        Expr::Func(Func::Sin | Func::Cos, args) if args[0].depends_on(n) && !out.contains(e) => {
            out.push(e.clone());
        }
        Expr::Func(Func::Sin | Func::Cos, args) if args[0].depends_on(n) => {}
        Expr::Func(f, _) if f.binds() => {}
        Expr::Pow(b, x) => {
            collect(b, n, out);
            collect(x, n, out);
        }
        Expr::Mul(v) | Expr::Add(v) | Expr::Func(_, v) => v.iter().for_each(|x| collect(x, n, out)),
        _ => {}
    }
}

/// `T = Σ c·Π atomᵢ^pᵢ` with rational c: the monomials, or `None` when `t` is not such a
/// polynomial (an atom under a root or in a denominator, a coefficient depending on n).
#[derive(Debug, Clone)]
pub(crate) struct AtomPoly {
    pub atoms: Vec<Expr>,
    pub terms: Vec<(Q, Vec<u32>)>,
}

fn placeholder(i: usize) -> String {
    format!("τ{i}")
}

fn replace(e: &Expr, atoms: &[Expr]) -> MResult<Expr> {
    if let Some(i) = atoms.iter().position(|a| a == e) {
        return Ok(Expr::sym(&placeholder(i)));
    }
    Ok(match e {
        Expr::Pow(b, x) => expr::pow(replace(b, atoms)?, replace(x, atoms)?)?,
        Expr::Mul(v) => expr::mul(
            v.iter()
                .map(|x| replace(x, atoms))
                .collect::<MResult<_>>()?,
        )?,
        Expr::Add(v) => expr::add(
            v.iter()
                .map(|x| replace(x, atoms))
                .collect::<MResult<_>>()?,
        )?,
        other => other.clone(),
    })
}

impl AtomPoly {
    pub(crate) fn read(t: &Expr, n: &str) -> MResult<Option<AtomPoly>> {
        let atoms = atoms(t, n);
        if atoms.is_empty() || atoms.len() > MAX_DEGREE as usize {
            return Ok(None);
        }
        let p = subst::expand(&replace(t, &atoms)?)?;
        if p.depends_on(n) {
            return Ok(None);
        }
        let terms = match &p {
            Expr::Add(ts) => ts.clone(),
            other => vec![other.clone()],
        };
        let mut out = Vec::new();
        for term in &terms {
            let factors = match term {
                Expr::Mul(fs) => fs.clone(),
                other => vec![other.clone()],
            };
            let mut c = Q::one();
            let mut powers = vec![0u32; atoms.len()];
            for f in &factors {
                let (base, k) = match f {
                    Expr::Num(q) => {
                        c = c.mul(q);
                        continue;
                    }
                    Expr::Pow(b, k) => (&**b, k.as_num().and_then(Q::to_i64)),
                    other => (other, Some(1)),
                };
                let i = (0..atoms.len()).find(|&i| *base == Expr::sym(&placeholder(i)));
                match (i, k) {
                    (Some(i), Some(k)) if (1..=MAX_DEGREE as i64).contains(&k) => {
                        powers[i] += k as u32
                    }
                    _ => return Ok(None),
                }
            }
            if powers.iter().sum::<u32>() > MAX_DEGREE {
                return Ok(None);
            }
            out.push((c, powers));
        }
        Ok(Some(AtomPoly { atoms, terms: out }))
    }

    /// Σ|c| over all monomials: |T| ≤ this, since |sin|, |cos| ≤ 1.
    pub(crate) fn abs_bound(&self) -> Q {
        self.terms
            .iter()
            .fold(Q::zero(), |s, (c, _)| s.add(&c.abs()))
    }

    /// c₀ − Σ|c| over the non-constant monomials: T ≥ this.
    pub(crate) fn lower_bound(&self) -> Q {
        self.constant_and(|s, c| s.sub(&c.abs()))
    }

    /// c₀ + Σ|c| over the non-constant monomials: T ≤ this.
    pub(crate) fn upper_bound(&self) -> Q {
        self.constant_and(|s, c| s.add(&c.abs()))
    }

    /// The constant coefficient with every other coefficient folded in by `other`.
    fn constant_and(&self, other: impl Fn(Q, &Q) -> Q) -> Q {
        self.terms.iter().fold(Q::zero(), |s, (c, p)| {
            if p.iter().all(|&k| k == 0) {
                s.add(c)
            } else {
                other(s, c)
            }
        })
    }

    /// T² as a polynomial in the same atoms.
    pub(crate) fn square(&self) -> AtomPoly {
        let mut terms: Vec<(Q, Vec<u32>)> = Vec::new();
        for (c1, p1) in &self.terms {
            for (c2, p2) in &self.terms {
                let p: Vec<u32> = p1.iter().zip(p2).map(|(a, b)| a + b).collect();
                let c = c1.mul(c2);
                match terms.iter_mut().find(|(_, q)| *q == p) {
                    Some(t) => t.0 = t.0.add(&c),
                    None => terms.push((c, p)),
                }
            }
        }
        AtomPoly {
            atoms: self.atoms.clone(),
            terms,
        }
    }

    /// The linear form at integer n: the mean and the oscillating terms `c·cos(k·n + φ)` with
    /// k not a multiple of 2π, when every atom has an affine argument of slope a + b·π (a, b
    /// rational).
    pub(crate) fn linearise(&self, n: &str) -> MResult<Option<Linear>> {
        let mut parts = Vec::new();
        for a in &self.atoms {
            let Expr::Func(f, args) = a else {
                return Ok(None);
            };
            let slope = subst::expand(&diff(&args[0], n)?)?;
            let Some(k) = Freq::read(&slope).filter(|k| !k.is_zero()) else {
                return Ok(None);
            };
            let phase = subst::expand(&expr::sub(
                args[0].clone(),
                expr::mul(vec![k.to_expr()?, Expr::sym(n)])?,
            )?)?;
            if phase.depends_on(n) {
                return Ok(None);
            }
            parts.push((*f == Func::Sin, k, phase));
        }
        // Each factor is (e^{iθ} + e^{−iθ})/2 or (e^{iθ} − e^{−iθ})/(2i); collect
        // z·e^{i(F·n + Φ)} by (F, Φ) with z a Gaussian rational (re, im).
        let mut acc: Vec<(Freq, Expr, Q, Q)> = Vec::new();
        for (c, powers) in &self.terms {
            let mut factors = Vec::new();
            for (i, &p) in powers.iter().enumerate() {
                factors.extend(std::iter::repeat_n(i, p as usize));
            }
            for choice in 0u32..(1 << factors.len()) {
                let (mut re, mut im) = (c.clone(), Q::zero());
                let mut freq = Freq::zero();
                let mut phase = Vec::new();
                for (bit, &i) in factors.iter().enumerate() {
                    let plus = choice & (1 << bit) == 0;
                    let (sin, k, phi) = &parts[i];
                    // cos: 1/2; sin: ±1/(2i) = ∓i/2.
                    let half = Q::frac(1, 2);
                    (re, im) = if *sin {
                        let s = if plus { half.neg() } else { half };
                        (im.mul(&s).neg(), re.mul(&s))
                    } else {
                        (re.mul(&half), im.mul(&half))
                    };
                    freq = if plus { freq.add(k) } else { freq.sub(k) };
                    phase.push(if plus {
                        phi.clone()
                    } else {
                        expr::neg(phi.clone())?
                    });
                }
                let phase = subst::expand(&expr::add(phase)?)?;
                match acc
                    .iter_mut()
                    .find(|(f, p, _, _)| *f == freq && *p == phase)
                {
                    Some(t) => {
                        t.2 = t.2.add(&re);
                        t.3 = t.3.add(&im);
                    }
                    None => acc.push((freq, phase, re, im)),
                }
            }
        }
        // Re(z·e^{iθ}) = re·cos θ − im·sin θ.
        let mut mean = Vec::new();
        let mut oscillating = Vec::new();
        for (freq, phase, re, im) in acc {
            // At integers, a frequency that is a multiple of 2π adds nothing.
            let theta = if freq.is_period() {
                phase
            } else {
                expr::add(vec![expr::mul(vec![freq.to_expr()?, Expr::sym(n)])?, phase])?
            };
            let term = expr::sub(
                expr::mul(vec![
                    Expr::Num(re),
                    expr::func(Func::Cos, vec![theta.clone()])?,
                ])?,
                expr::mul(vec![Expr::Num(im), expr::func(Func::Sin, vec![theta])?])?,
            )?;
            if freq.is_period() {
                mean.push(term);
            } else if !term.is_zero() {
                oscillating.push(term);
            }
        }
        Ok(Some(Linear {
            mean: expr::add(mean)?,
            oscillating: expr::add(oscillating)?,
        }))
    }
}

/// A frequency a + b·π with a, b rational.
#[derive(Debug, Clone, PartialEq)]
struct Freq {
    a: Q,
    b: Q,
}

impl Freq {
    fn zero() -> Freq {
        Freq {
            a: Q::zero(),
            b: Q::zero(),
        }
    }
    /// `k` as a + b·π, if it is.
    fn read(k: &Expr) -> Option<Freq> {
        let terms = match k {
            Expr::Add(ts) => ts.clone(),
            other => vec![other.clone()],
        };
        let mut f = Freq::zero();
        for t in &terms {
            match t {
                Expr::Num(q) => f.a = f.a.add(q),
                Expr::Const(crate::math::expr::Constant::Pi) => f.b = f.b.add(&Q::one()),
                Expr::Mul(v) if v.len() == 2 && v[1] == Expr::pi() => f.b = f.b.add(v[0].as_num()?),
                _ => return None,
            }
        }
        Some(f)
    }
    fn is_zero(&self) -> bool {
        self.a.is_zero() && self.b.is_zero()
    }
    /// A multiple of 2π: cos(k·n + φ) = cos(φ) at every integer n.
    fn is_period(&self) -> bool {
        self.a.is_zero() && self.b.is_integer() && !self.b.numer().is_odd()
    }
    fn add(&self, o: &Freq) -> Freq {
        Freq {
            a: self.a.add(&o.a),
            b: self.b.add(&o.b),
        }
    }
    fn sub(&self, o: &Freq) -> Freq {
        Freq {
            a: self.a.sub(&o.a),
            b: self.b.sub(&o.b),
        }
    }
    fn to_expr(&self) -> MResult<Expr> {
        expr::add(vec![
            Expr::Num(self.a.clone()),
            expr::mul(vec![Expr::Num(self.b.clone()), Expr::pi()])?,
        ])
    }
}

/// T = mean + oscillating at integer n, the oscillating part a sum of c·cos(k·n + φ) and
/// c·sin(k·n + φ) with k not a multiple of 2π.
#[derive(Debug, Clone)]
pub(crate) struct Linear {
    pub mean: Expr,
    pub oscillating: Expr,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;

    fn poly(src: &str) -> AtomPoly {
        AtomPoly::read(&Session::expr(src).unwrap(), "n")
            .unwrap()
            .unwrap()
    }

    #[test]
    fn bounds_of_trigonometric_polynomials() {
        let p = poly("3 + sin(n)");
        assert_eq!(p.lower_bound(), Q::int(2));
        assert_eq!(p.abs_bound(), Q::int(4));
        let p = poly("2*cos(n)^2 - sin(3*n)*cos(n)");
        assert_eq!(p.abs_bound(), Q::int(3));
        assert_eq!(p.upper_bound(), Q::int(3));
        assert!(
            AtomPoly::read(&Session::expr("1/(2 + sin(n))").unwrap(), "n")
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn product_to_sum() {
        let l = poly("cos(n)^2").linearise("n").unwrap().unwrap();
        assert_eq!(l.mean.to_string(), "1/2");
        assert_eq!(l.oscillating.to_string(), "cos(2*n)/2");
        let l = poly("sin(n)*cos(n)").linearise("n").unwrap().unwrap();
        assert_eq!(l.mean.to_string(), "0");
        let l = poly("3 + sin(n)").linearise("n").unwrap().unwrap();
        assert_eq!(l.mean.to_string(), "3");
        // sin(n)·sin(n + 1) has mean cos(1)/2.
        let l = poly("sin(n)*sin(n+1)").linearise("n").unwrap().unwrap();
        assert_eq!(l.mean.to_string(), "cos(1)/2");
        // The mean of T² is positive for T ≠ 0 (Parseval).
        let l = poly("sin(n) - cos(2*n)")
            .square()
            .linearise("n")
            .unwrap()
            .unwrap();
        assert_eq!(l.mean.to_string(), "1");
        // Slopes in πQ: sin(πn/3)² has mean 1/2 at the integers, sin(πn/3)·cos(πn/3) mean 0.
        let l = poly("sin(pi*n/3)^2").linearise("n").unwrap().unwrap();
        assert_eq!(l.mean.to_string(), "1/2");
        let l = poly("sin(pi*n/3)*cos(pi*n/3)")
            .linearise("n")
            .unwrap()
            .unwrap();
        assert_eq!(l.mean.to_string(), "0");
        // cos(πn/2)² = (1 + cos(πn))/2: cos(πn) = (−1)^n is not a multiple of 2π, so it oscillates.
        let l = poly("cos(pi*n/2)^2").linearise("n").unwrap().unwrap();
        assert_eq!(l.mean.to_string(), "1/2");
        assert_eq!(l.oscillating.to_string(), "cos(pi*n)/2");
    }
}
