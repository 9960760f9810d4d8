//! The one polynomial type of sigma: dense univariate polynomials over Q — arithmetic,
//! division with remainder, gcd, derivative, composition with a linear map (Taylor shifts),
//! evaluation, and conversion to and from expressions. Root finding ([`roots`]), Sturm
//! sequences ([`sturm`]), square-free decomposition ([`squarefree`]) and partial fractions
//! ([`partial`]) live in the submodules; [`mpoly`] holds the sparse multivariate
//! polynomials in parameters and constants that symbolic series coefficients live in. (The fast series kernels and exact binary splitting
//! keep private integer polynomials for speed and convert at their edges.)

pub mod isolate;
pub mod mpoly;
pub mod partial;
pub mod quadratic;
pub mod roots;
pub mod squarefree;
pub mod sturm;

use super::expr::{self, Expr, MResult};
use super::number::Q;

pub use partial::{partial_fractions, PartialFractions};
pub use roots::RationalSplit;

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
    /// `self = P/d` with P's coefficients integers and d the positive lcm of the
    /// coefficients' denominators: (P's coefficients, d). Evaluate P with [`horner_int`].
    pub fn integral(&self) -> (Vec<rug::Integer>, rug::Integer) {
        let mut d = rug::Integer::from(1);
        for c in &self.c {
            d.lcm_mut(c.denom());
        }
        let coeffs = self
            .c
            .iter()
            .map(|c| rug::Integer::from(c.numer() * &d) / c.denom())
            .collect();
        (coeffs, d)
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
    /// The polynomial as an expression in `x`.
    pub fn to_expr(&self, x: &str) -> MResult<Expr> {
        let terms = self
            .c
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.is_zero())
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

/// The integer polynomial with coefficients `c` (constant first) at `x`, by Horner's rule.
pub fn horner_int(c: &[rug::Integer], x: &rug::Integer) -> rug::Integer {
    let mut acc = rug::Integer::new();
    for a in c.iter().rev() {
        acc *= x;
        acc += a;
    }
    acc
}

/// A rational function of `x` as κ·Π (x + cᵢ)^eᵢ over Q (eᵢ > 0 for the numerator's
/// factors, < 0 for the denominator's), or `None` when it is not one or does not split into
/// linear factors over Q.
pub fn split_linear(e: &Expr, x: &str) -> Option<(Q, Vec<(Q, i64)>)> {
    let (p, q) = rational_function(e, x)?;
    if p.is_zero() {
        return None;
    }
    let mut out: Vec<(Q, i64)> = Vec::new();
    for (poly, sign) in [(&p, 1i64), (&q, -1i64)] {
        for (root, m) in poly.linear_factors()? {
            out.push((root.neg(), sign * i64::try_from(m).ok()?));
        }
    }
    Some((p.lead().div(&q.lead()).ok()?, out))
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
