//! Dense univariate polynomials over Q: arithmetic, gcd, derivative, exact real-root
//! counting (Sturm sequences), rational roots, and the conversion of an expression that is
//! a rational function of one variable into numerator/denominator polynomials.

use super::expr::{self, Expr, MResult};
use super::number::Q;
use std::cmp::Ordering;

/// `c[0] + c[1] x + …`, no trailing zeros (the zero polynomial is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poly {
    pub c: Vec<Q>,
}

impl Poly {
    pub fn new(mut c: Vec<Q>) -> Poly {
        while c.last().is_some_and(Q::is_zero) {
            c.pop();
        }
        Poly { c }
    }
    pub fn zero() -> Poly {
        Poly { c: Vec::new() }
    }
    pub fn constant(q: Q) -> Poly {
        Poly::new(vec![q])
    }
    /// The polynomial `x`.
    pub fn x() -> Poly {
        Poly::new(vec![Q::zero(), Q::one()])
    }
    pub fn is_zero(&self) -> bool {
        self.c.is_empty()
    }
    /// Degree (−1 for the zero polynomial).
    pub fn degree(&self) -> i64 {
        self.c.len() as i64 - 1
    }
    pub fn lead(&self) -> Q {
        self.c.last().cloned().unwrap_or_else(Q::zero)
    }
    pub fn add(&self, o: &Poly) -> Poly {
        let n = self.c.len().max(o.c.len());
        Poly::new(
            (0..n)
                .map(|i| {
                    let a = self.c.get(i).cloned().unwrap_or_else(Q::zero);
                    let b = o.c.get(i).cloned().unwrap_or_else(Q::zero);
                    a.add(&b)
                })
                .collect(),
        )
    }
    pub fn neg(&self) -> Poly {
        Poly::new(self.c.iter().map(Q::neg).collect())
    }
    pub fn sub(&self, o: &Poly) -> Poly {
        self.add(&o.neg())
    }
    pub fn mul(&self, o: &Poly) -> Poly {
        if self.is_zero() || o.is_zero() {
            return Poly::zero();
        }
        let mut c = vec![Q::zero(); self.c.len() + o.c.len() - 1];
        for (i, a) in self.c.iter().enumerate() {
            for (j, b) in o.c.iter().enumerate() {
                c[i + j] = c[i + j].add(&a.mul(b));
            }
        }
        Poly::new(c)
    }
    pub fn scale(&self, q: &Q) -> Poly {
        Poly::new(self.c.iter().map(|a| a.mul(q)).collect())
    }
    pub fn derivative(&self) -> Poly {
        Poly::new(
            self.c
                .iter()
                .enumerate()
                .skip(1)
                .map(|(k, a)| a.mul(&Q::int(k as i64)))
                .collect(),
        )
    }
    /// `p(a·x + b)`.
    pub fn compose_linear(&self, a: &Q, b: &Q) -> Poly {
        let lin = Poly::new(vec![b.clone(), a.clone()]);
        self.c.iter().rev().fold(Poly::zero(), |acc, c| {
            acc.mul(&lin).add(&Poly::constant(c.clone()))
        })
    }
    /// `p(x + h)` (a Taylor shift).
    pub fn shift(&self, h: &Q) -> Poly {
        self.compose_linear(&Q::one(), h)
    }
    /// Value at a rational point (Horner).
    pub fn eval(&self, x: &Q) -> Q {
        self.c
            .iter()
            .rev()
            .fold(Q::zero(), |acc, a| acc.mul(x).add(a))
    }
    /// Quotient and remainder; `d` must be non-zero.
    pub fn div_rem(&self, d: &Poly) -> (Poly, Poly) {
        let mut r = self.c.clone();
        let dl = d.lead();
        let dd = d.degree();
        let mut q = vec![Q::zero(); (self.degree() - dd + 1).max(0) as usize];
        while r.len() as i64 > dd && !r.is_empty() && !dl.is_zero() {
            let k = r.len() - 1 - dd as usize;
            let f = r[r.len() - 1].div(&dl).unwrap_or_else(|_| Q::zero());
            for (i, b) in d.c.iter().enumerate() {
                r[k + i] = r[k + i].sub(&f.mul(b));
            }
            q[k] = f;
            r.pop();
            while r.last().is_some_and(Q::is_zero) {
                r.pop();
            }
        }
        (Poly::new(q), Poly::new(r))
    }
    /// Monic greatest common divisor.
    pub fn gcd(&self, o: &Poly) -> Poly {
        let (mut a, mut b) = (self.clone(), o.clone());
        while !b.is_zero() {
            let (_, r) = a.div_rem(&b);
            a = b;
            b = r;
        }
        let l = a.lead();
        if l.is_zero() {
            return a;
        }
        a.scale(&l.recip().unwrap_or_else(|_| Q::one()))
    }
    /// Sign at `x` (−1, 0, 1).
    pub fn sign_at(&self, x: &Q) -> i32 {
        match self.eval(x).0.cmp0() {
            Ordering::Less => -1,
            Ordering::Equal => 0,
            Ordering::Greater => 1,
        }
    }
    /// Number of distinct real roots in the half-open interval (a, b] (Sturm's theorem).
    pub fn count_roots(&self, a: &Q, b: &Q) -> usize {
        if self.degree() < 1 {
            return 0;
        }
        let g = self.gcd(&self.derivative());
        let p = self.div_rem(&g).0; // square-free part
        let mut seq = vec![p.clone(), p.derivative()];
        loop {
            let n = seq.len();
            let (_, r) = seq[n - 2].div_rem(&seq[n - 1]);
            if r.is_zero() {
                break;
            }
            seq.push(r.neg());
        }
        let changes = |x: &Q| {
            let signs: Vec<i32> = seq
                .iter()
                .map(|s| s.sign_at(x))
                .filter(|&s| s != 0)
                .collect();
            signs.windows(2).filter(|w| w[0] != w[1]).count()
        };
        changes(a).saturating_sub(changes(b))
    }
    /// Whether the polynomial has a root in the closed interval [a, b].
    pub fn has_root_in(&self, a: &Q, b: &Q) -> bool {
        self.sign_at(a) == 0 || self.count_roots(a, b) > 0
    }
    /// The rational roots (distinct), by the rational root theorem on the integer form.
    pub fn rational_roots(&self) -> Vec<Q> {
        if self.degree() < 1 {
            return Vec::new();
        }
        // Clear denominators.
        let mut l = rug::Integer::from(1);
        for a in &self.c {
            l.lcm_mut(a.denom());
        }
        let ints: Vec<rug::Integer> = self
            .c
            .iter()
            .map(|a| {
                (a.0.clone() * rug::Rational::from(l.clone()))
                    .numer()
                    .clone()
            })
            .collect();
        // Strip zero roots.
        let mut roots = Vec::new();
        let z = ints.iter().take_while(|v| **v == 0).count();
        if z > 0 {
            roots.push(Q::zero());
        }
        let ints = &ints[z..];
        let (a0, an) = (ints[0].clone().abs(), ints[ints.len() - 1].clone().abs());
        if a0.significant_bits() > 40 || an.significant_bits() > 40 {
            return roots; // too many divisor candidates; callers fall back
        }
        let divisors = |n: &rug::Integer| -> Vec<rug::Integer> {
            let n = n.to_u64().unwrap_or(1);
            (1..=((n as f64).sqrt() as u64 + 1))
                .filter(|d| *d > 0 && n.is_multiple_of(*d))
                .flat_map(|d| [rug::Integer::from(d), rug::Integer::from(n / d)])
                .collect()
        };
        for p in divisors(&a0) {
            for q in divisors(&an) {
                for s in [1, -1] {
                    let r = Q(rug::Rational::from((p.clone() * s, q.clone())));
                    if self.eval(&r).is_zero() && !roots.contains(&r) {
                        roots.push(r);
                    }
                }
            }
        }
        roots.sort();
        roots
    }
    /// The polynomial as an expression in `x`.
    pub fn to_expr(&self, x: &str) -> MResult<Expr> {
        let terms = self
            .c
            .iter()
            .enumerate()
            .map(|(k, a)| {
                expr::mul(vec![
                    Expr::Num(a.clone()),
                    expr::pow(Expr::sym(x), Expr::int(k as i64))?,
                ])
            })
            .collect::<MResult<Vec<_>>>()?;
        expr::add(terms)
    }
}

/// `e` as `P(x)/Q(x)` when it is a rational function of `x` with rational coefficients.
pub fn rational_function(e: &Expr, x: &str) -> Option<(Poly, Poly)> {
    let one = || Poly::constant(Q::one());
    match e {
        Expr::Num(q) => Some((Poly::constant(q.clone()), one())),
        Expr::Sym(s) if &**s == x => Some((Poly::x(), one())),
        Expr::Add(ts) => {
            let mut acc = (Poly::zero(), one());
            for t in ts {
                let (p, q) = rational_function(t, x)?;
                acc = (acc.0.mul(&q).add(&p.mul(&acc.1)), acc.1.mul(&q));
            }
            Some(acc)
        }
        Expr::Mul(fs) => {
            let mut acc = (one(), one());
            for f in fs {
                let (p, q) = rational_function(f, x)?;
                acc = (acc.0.mul(&p), acc.1.mul(&q));
            }
            Some(acc)
        }
        Expr::Pow(b, k) => {
            let k = k.as_num()?.to_i64()?;
            if k.unsigned_abs() > 1000 {
                return None;
            }
            let (p, q) = rational_function(b, x)?;
            let mut acc = (one(), one());
            for _ in 0..k.unsigned_abs() {
                acc = (acc.0.mul(&p), acc.1.mul(&q));
            }
            Some(if k < 0 { (acc.1, acc.0) } else { acc })
        }
        _ => None,
    }
}
