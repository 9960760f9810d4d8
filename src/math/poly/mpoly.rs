//! Sparse multivariate Laurent polynomials over Q in a few *atoms* — parameters, π, e, γ and
//! square-free radicals such as √2 — the exact coefficient ring for series whose coefficients
//! are symbolic. Atoms are interned per expansion ([`Scope`]); a value is a sorted list of
//! (exponent vector, rational) terms, so equal values are equal lists and zero is empty.

use crate::math::expr::subst::MAX_EXPAND_TERMS;
use crate::math::expr::{self, Constant, Expr};
use crate::math::number::Q;
use rug::Integer;
use std::cell::RefCell;
use std::collections::HashMap;

/// At most this many atoms per expansion; more sends the expansion to expression trees.
pub const MAX_ATOMS: usize = 4;

/// Exponents of the atoms, in the order they were interned.
pub type Mono = [i64; MAX_ATOMS];

const ONE: Mono = [0; MAX_ATOMS];

/// Largest exponent magnitude read from an expression.
const MAX_EXP: i64 = 1 << 20;

/// Largest exponent magnitude a product may make; past it the expansion is marked
/// [`overflowed`] (two such exponents add without leaving i64).
const LIMIT: i64 = 1 << 40;

/// How an atom multiplies with itself.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// Algebraically independent of the other atoms: a parameter, π, e or γ.
    Free,
    /// `base^(1/k)` with `base` a square-free integer ≥ 2 coprime to every other radical's
    /// base, so that t^k = base and the products of radicals with exponents below their k are
    /// linearly independent over Q (Besicovitch).
    Radical { k: i64, base: Integer },
}

#[derive(Debug, Clone)]
struct Atom {
    expr: Expr,
    kind: Kind,
}

#[derive(Default)]
struct Table {
    atoms: Vec<Atom>,
    depth: usize,
    /// An exponent passed [`LIMIT`] or a radical's power could not be formed: every value
    /// made in this scope is suspect.
    overflowed: bool,
}

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
}

/// While a `Scope` lives, expressions can be turned into polynomials and back. The outermost
/// scope starts with an empty atom table; nested scopes (an expansion inside an expansion)
/// share it.
pub struct Scope(());

impl Scope {
    pub fn enter() -> Scope {
        TABLE.with(|t| {
            let mut t = t.borrow_mut();
            if t.depth == 0 {
                t.atoms.clear();
                t.overflowed = false;
            }
            t.depth += 1;
        });
        Scope(())
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        TABLE.with(|t| {
            let mut t = t.borrow_mut();
            t.depth = t.depth.saturating_sub(1);
        });
    }
}

fn overflow() {
    TABLE.with(|t| t.borrow_mut().overflowed = true);
}

/// Whether some value of the current scope was not computed faithfully (an exponent past
/// 2^40): the caller must discard the scope's results.
pub fn overflowed() -> bool {
    TABLE.with(|t| t.borrow().overflowed)
}

/// The index of `atom`, interning it; `None` when the table is full, no scope is open, or a
/// radical would not be independent of the radicals already there.
fn intern(expr: &Expr, kind: Kind) -> Option<usize> {
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        if t.depth == 0 {
            return None;
        }
        if let Some(i) = t.atoms.iter().position(|a| a.expr == *expr) {
            return Some(i);
        }
        if let Kind::Radical { base, .. } = &kind {
            let shares_factor = t.atoms.iter().any(|a| match &a.kind {
                Kind::Radical { base: b, .. } => b.clone().gcd(base) != 1,
                Kind::Free => false,
            });
            if shares_factor {
                return None;
            }
        }
        if t.atoms.len() == MAX_ATOMS {
            return None;
        }
        t.atoms.push(Atom {
            expr: expr.clone(),
            kind,
        });
        Some(t.atoms.len() - 1)
    })
}

/// The radical atoms, as (index, k, base): fetched once per product.
fn radicals() -> Vec<(usize, i64, Integer)> {
    TABLE.with(|t| {
        t.borrow()
            .atoms
            .iter()
            .enumerate()
            .filter_map(|(i, a)| match &a.kind {
                Kind::Radical { k, base } => Some((i, *k, base.clone())),
                Kind::Free => None,
            })
            .collect()
    })
}

/// A polynomial: terms sorted by exponent vector, no zero coefficients.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MPoly {
    terms: Vec<(Mono, Q)>,
}

impl MPoly {
    pub fn zero() -> MPoly {
        MPoly::default()
    }
    pub fn constant(q: Q) -> MPoly {
        if q.is_zero() {
            MPoly::zero()
        } else {
            MPoly {
                terms: vec![(ONE, q)],
            }
        }
    }
    pub fn is_zero(&self) -> bool {
        self.terms.is_empty()
    }
    /// The number of terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
    /// The value when it is a rational constant.
    pub fn as_rational(&self) -> Option<Q> {
        match self.terms.as_slice() {
            [] => Some(Q::zero()),
            [(m, q)] if *m == ONE => Some(q.clone()),
            _ => None,
        }
    }

    /// The polynomial an expression free of the series variable stands for, when it is a
    /// polynomial (negative powers of single terms allowed) in admissible atoms.
    pub fn from_expr(e: &Expr) -> Option<MPoly> {
        match e {
            Expr::Num(q) => Some(MPoly::constant(q.clone())),
            Expr::Sym(_) | Expr::Const(Constant::Pi | Constant::E | Constant::EulerGamma) => {
                let i = intern(e, Kind::Free)?;
                Some(MPoly::atom_power(i, 1))
            }
            Expr::Add(ts) => {
                let mut acc = MPoly::zero();
                for t in ts {
                    acc = acc.add(&MPoly::from_expr(t)?);
                }
                Some(acc)
            }
            Expr::Mul(fs) => {
                let mut acc = MPoly::constant(Q::one());
                for f in fs {
                    acc = acc.mul(&MPoly::from_expr(f)?);
                }
                Some(acc)
            }
            Expr::Pow(b, x) => {
                let r = x.as_num()?;
                if r.is_integer() {
                    let n = r.to_i64().filter(|n| n.abs() <= MAX_EXP)?;
                    return MPoly::from_expr(b)?.pow_i(n);
                }
                let base = b.as_num()?;
                let k = r.denom().to_i64().filter(|k| (2..=64).contains(k))?;
                let p = r.numer().to_i64().filter(|p| p.abs() <= MAX_EXP)?;
                if !base.is_integer() || *base.numer() < 2 {
                    return None;
                }
                let n = base.numer().clone();
                if crate::math::number::extract_kth_powers(&n, 2).0 != 1 {
                    return None;
                }
                let root = expr::pow(Expr::Num(base.clone()), Expr::frac(1, k)).ok()?;
                let i = intern(&root, Kind::Radical { k, base: n })?;
                MPoly::atom_power(i, 1).pow_i(p)
            }
            Expr::Const(_) | Expr::Func(..) => None,
        }
    }

    /// `t_i^e` for atom `i`.
    fn atom_power(i: usize, e: i64) -> MPoly {
        let mut m = ONE;
        m[i] = e;
        MPoly {
            terms: vec![(m, Q::one())],
        }
    }

    /// The expression: Σ q·Π atom^e, in sigma's canonical form.
    pub fn to_expr(&self) -> Expr {
        Printer::new().expr(self)
    }

    pub fn add(&self, o: &MPoly) -> MPoly {
        self.merge(o, false)
    }
    pub fn sub(&self, o: &MPoly) -> MPoly {
        self.merge(o, true)
    }
    pub fn neg(&self) -> MPoly {
        MPoly {
            terms: self.terms.iter().map(|(m, q)| (*m, q.neg())).collect(),
        }
    }
    /// `q·self`.
    pub fn scale(&self, q: &Q) -> MPoly {
        if q.is_zero() {
            return MPoly::zero();
        }
        MPoly {
            terms: self.terms.iter().map(|(m, c)| (*m, c.mul(q))).collect(),
        }
    }

    fn merge(&self, o: &MPoly, negate: bool) -> MPoly {
        let mut out = Vec::with_capacity(self.terms.len() + o.terms.len());
        let (mut i, mut j) = (0, 0);
        let (a, b) = (&self.terms, &o.terms);
        while i < a.len() || j < b.len() {
            let ord = match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) => x.0.cmp(&y.0),
                (Some(_), None) => std::cmp::Ordering::Less,
                _ => std::cmp::Ordering::Greater,
            };
            match ord {
                std::cmp::Ordering::Less => {
                    out.push(a[i].clone());
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    let (m, q) = &b[j];
                    out.push((*m, if negate { q.neg() } else { q.clone() }));
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    let q = if negate {
                        a[i].1.sub(&b[j].1)
                    } else {
                        a[i].1.add(&b[j].1)
                    };
                    if !q.is_zero() {
                        out.push((a[i].0, q));
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        MPoly { terms: out }
    }

    pub fn mul(&self, o: &MPoly) -> MPoly {
        MPoly::sum_of_products([(self, o)])
    }

    /// Σ a·b over the pairs, with one sort and one pass of additions at the end instead of a
    /// new polynomial per product: the inner loop of series multiplication.
    ///
    /// More than [`MAX_EXPAND_TERMS`] term products (the bound `expand` refuses beyond), or an
    /// interrupt, marks the scope [`overflowed`] and gives 0: the caller discards the scope's
    /// results and the expression-tree path refuses or stops as it always did.
    pub fn sum_of_products<'a>(pairs: impl IntoIterator<Item = (&'a MPoly, &'a MPoly)>) -> MPoly {
        if overflowed() {
            return MPoly::zero();
        }
        let rad = radicals();
        let mut raw: Vec<(Mono, Q)> = Vec::new();
        for (a, b) in pairs {
            if raw.len() + a.terms.len() * b.terms.len() > MAX_EXPAND_TERMS
                || crate::math::interrupted()
            {
                overflow();
                return MPoly::zero();
            }
            for (ma, qa) in &a.terms {
                for (mb, qb) in &b.terms {
                    let mut m = ONE;
                    for k in 0..MAX_ATOMS {
                        m[k] = ma[k] + mb[k];
                        if m[k].abs() > LIMIT {
                            overflow();
                        }
                    }
                    let mut q = qa.mul(qb);
                    reduce(&mut m, &mut q, &rad);
                    raw.push((m, q));
                }
            }
        }
        MPoly::collect(raw)
    }

    /// Sorts terms and adds those with equal exponents.
    fn collect(mut raw: Vec<(Mono, Q)>) -> MPoly {
        raw.sort_unstable_by_key(|t| t.0);
        let mut out: Vec<(Mono, Q)> = Vec::with_capacity(raw.len());
        for (m, q) in raw {
            match out.last_mut() {
                Some((lm, lq)) if *lm == m => lq.0 += q.0,
                _ => {
                    if let Some((_, lq)) = out.last() {
                        if lq.is_zero() {
                            out.pop();
                        }
                    }
                    out.push((m, q));
                }
            }
        }
        if out.last().is_some_and(|(_, q)| q.is_zero()) {
            out.pop();
        }
        MPoly { terms: out }
    }

    /// `self^n` for any integer n; a negative power only of a single term.
    pub fn pow_i(&self, n: i64) -> Option<MPoly> {
        if n < 0 {
            return self.inverse()?.pow_i(-n);
        }
        let mut acc = MPoly::constant(Q::one());
        let mut base = self.clone();
        let mut n = n as u64;
        while n > 0 && !overflowed() {
            if n & 1 == 1 {
                acc = acc.mul(&base);
            }
            n >>= 1;
            if n > 0 {
                base = base.mul(&base);
            }
        }
        Some(acc)
    }

    /// `1/self` when `self` is a single nonzero term (a radical's inverse is rationalised:
    /// 1/√2 = √2/2); `None` otherwise.
    pub fn inverse(&self) -> Option<MPoly> {
        let [(m, q)] = self.terms.as_slice() else {
            return None;
        };
        let mut inv = ONE;
        for k in 0..MAX_ATOMS {
            inv[k] = -m[k];
        }
        let mut c = q.recip().ok()?;
        reduce(&mut inv, &mut c, &radicals());
        Some(MPoly {
            terms: vec![(inv, c)],
        })
    }

    /// `self/o` when `o` is a single term; `None` otherwise (the quotient may not be a
    /// polynomial).
    pub fn div(&self, o: &MPoly) -> Option<MPoly> {
        Some(self.mul(&o.inverse()?))
    }
}

/// Turns polynomials into canonical expressions, building each monomial's expression once
/// for a whole batch (a series' coefficients share most of their monomials).
pub struct Printer {
    atoms: Vec<Expr>,
    monos: HashMap<Mono, (Q, Expr)>,
}

impl Default for Printer {
    fn default() -> Self {
        Printer::new()
    }
}

impl Printer {
    pub fn new() -> Printer {
        Printer {
            atoms: TABLE.with(|t| t.borrow().atoms.iter().map(|a| a.expr.clone()).collect()),
            monos: HashMap::new(),
        }
    }

    /// Π atom^e in canonical form, split into its rational part (a product of radicals can
    /// have one) and the rest. (The canonical constructors fail only on sizes an expansion
    /// never reaches; the same value is then kept unsimplified.)
    fn monomial(&mut self, m: &Mono) -> (Q, Expr) {
        if let Some(v) = self.monos.get(m) {
            return v.clone();
        }
        let mut f = Vec::new();
        for (i, &e) in m.iter().enumerate() {
            if e != 0 {
                // Every index was interned in this expansion's scope.
                let a = self
                    .atoms
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| Expr::sym("_atom"));
                let power = Expr::int(e);
                f.push(
                    expr::pow(a.clone(), power.clone())
                        .unwrap_or_else(|_| Expr::Pow(Box::new(a), Box::new(power))),
                );
            }
        }
        let v = expr::mul(f.clone()).unwrap_or(Expr::Mul(f)).split_coeff();
        self.monos.insert(*m, v.clone());
        v
    }

    pub fn expr(&mut self, p: &MPoly) -> Expr {
        let mut terms = Vec::with_capacity(p.terms.len());
        for (m, q) in &p.terms {
            let (c, e) = self.monomial(m);
            terms.push((q.mul(&c), e));
        }
        expr::sum_of_monomials(terms)
    }
}

/// Brings each radical's exponent into 0..k, moving base^⌊e/k⌋ into the coefficient.
fn reduce(m: &mut Mono, q: &mut Q, rad: &[(usize, i64, Integer)]) {
    for (i, k, base) in rad {
        let e = m[*i];
        let whole = e.div_euclid(*k);
        if whole != 0 {
            m[*i] = e.rem_euclid(*k);
            let b = Q::from_integer(base.clone());
            match b.pow_int(&Integer::from(whole)) {
                Ok(f) => *q = q.mul(&f),
                Err(_) => overflow(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;

    fn parse(s: &str) -> Expr {
        Session::expr(s).unwrap()
    }

    fn p(s: &str) -> MPoly {
        MPoly::from_expr(&parse(s)).expect("a polynomial")
    }

    #[test]
    fn arithmetic_is_canonical() {
        let _s = Scope::enter();
        let a = p("(a + pi)^3");
        let b = p("a^3 + 3*a^2*pi + 3*a*pi^2 + pi^3");
        assert_eq!(a, b);
        assert!(a.sub(&b).is_zero());
        let want = crate::math::expr::subst::expand(&parse("(a + pi)^3")).unwrap();
        assert_eq!(a.to_expr(), want);
    }

    #[test]
    fn radicals_reduce() {
        let _s = Scope::enter();
        let r = p("sqrt(2)");
        assert_eq!(r.mul(&r), MPoly::constant(Q::int(2)));
        assert_eq!(r.inverse().unwrap(), r.scale(&Q::frac(1, 2)));
        let s5 = p("5^(1/3)");
        assert_eq!(s5.pow_i(4).unwrap(), s5.scale(&Q::int(5)));
        assert!(
            MPoly::from_expr(&parse("sqrt(5)")).is_none(),
            "5^(1/2) and 5^(1/3) are dependent"
        );
        // √6 is not independent of √2 and √3: refused, so the caller falls back.
        let _ = p("sqrt(3)");
        assert!(MPoly::from_expr(&parse("sqrt(6)")).is_none());
        assert!(MPoly::from_expr(&parse("sqrt(8)")).is_some_and(|x| x == r.scale(&Q::int(2))));
    }

    #[test]
    fn huge_exponents_mark_the_scope() {
        let _s = Scope::enter();
        let big = p("a^1048576");
        assert!(!overflowed());
        let _ = big.pow_i(1 << 19).unwrap();
        assert!(!overflowed(), "2^39 is within the limit");
        let _ = big.pow_i(1 << 21).unwrap();
        assert!(overflowed(), "2^41 is past it");
    }

    #[test]
    fn products_past_the_expand_bound_mark_the_scope() {
        let _s = Scope::enter();
        // (a + b)^500 has 501 terms; its square takes 251,001 term products > 200,000.
        let q = p("(a + b)^500");
        assert_eq!(q.len(), 501);
        assert!(!overflowed());
        assert!(q.mul(&q).is_zero());
        assert!(overflowed());
        // Once marked, every later product is skipped.
        assert!(p("a").mul(&p("b")).is_zero());
    }

    #[test]
    fn only_single_terms_invert() {
        let _s = Scope::enter();
        assert!(p("a + 1").inverse().is_none());
        assert_eq!(p("2*a^2").inverse().unwrap(), p("a^(-2)/2"));
        assert!(MPoly::from_expr(&parse("exp(a)")).is_none());
        assert!(MPoly::from_expr(&parse("sin(a)")).is_none());
    }
}
