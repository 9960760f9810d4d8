//! Guessing the general term of a coefficient sequence from its first terms: zero patterns
//! (residue classes), hypergeometric terms, C-finite recurrences with closed forms, and
//! P-recursive recurrences. Every pattern is fitted on a prefix, verified on all remaining
//! terms, and every closed formula is re-evaluated against every supplied term, so a formula
//! is reported only when it reproduces all of them; otherwise the answer says why not.

mod cfinite;
mod fit;
mod hyper;
mod prec;
mod special;
mod tower;

use crate::math::answer::{names, Notation, Rich};
use crate::math::expr::print::{print, Style};
use crate::math::expr::subst::{expand, subs};
use crate::math::expr::{add, func, mul, pow, Expr, Func, MResult};
use crate::math::number::Q;
use crate::math::poly::Poly;
use crate::rich;
use rug::Integer;

/// What is known about c_k, the coefficients of a power series, from its first terms.
#[derive(Debug, Clone, PartialEq)]
pub enum GeneralTerm {
    /// c_k = 0 unless k ≡ residue (mod modulus) for one of the pieces and k ≥ start; for
    /// k = modulus*n + residue (n ≥ n0) c_k = formula(n), an expression in the symbol given by
    /// the caller. Several pieces when the sequence splits into residue classes that each have
    /// a closed form, plus finitely many exceptional initial terms (`(k, c_k)`, which take
    /// precedence over the pieces).
    Closed {
        /// The period of the zero pattern (1 when there is none).
        modulus: u64,
        /// One closed form per residue class that is not zero, by increasing residue.
        pieces: Vec<Piece>,
        /// `(k, c_k)` for the exceptional initial terms, by increasing k.
        exceptions: Vec<(u64, Q)>,
        /// How the closed form was found and checked.
        evidence: Evidence,
    },
    /// No closed form found: the coefficients satisfy this linear recurrence with polynomial
    /// coefficients, Σ_{i=0}^{order} p_i(k) c_{k+i} = 0 for k ≥ `from`, each p_i given as its
    /// coefficient list from the constant term up.
    Recurrence {
        /// r, the largest shift.
        order: usize,
        /// p_0 … p_r, each as its coefficients in k from the constant term up.
        polys: Vec<Vec<Q>>,
        /// The first k for which the recurrence holds.
        from: u64,
        /// How the recurrence was found and checked.
        evidence: Evidence,
    },
    /// Neither; with the reason.
    Unknown(String),
}

/// One residue class of a closed form: c_{modulus*n + residue} = formula(n) for n ≥ n0.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// r: the piece covers the indices k ≡ r (mod modulus).
    pub residue: u64,
    /// The first n for which `formula` holds (earlier terms of the class are 0 or exceptions).
    pub n0: u64,
    /// c_{modulus*n + residue} as an expression in the caller's symbol n.
    pub formula: Expr,
}

/// How a pattern was established: how many terms determined it, how many further terms it
/// was checked against, and by which method (with the fitted relation spelled out).
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Terms used to determine the pattern (summed over pieces).
    pub fitted_on: usize,
    /// Further terms the pattern was verified on (summed over pieces).
    pub checked_on: usize,
    /// The method and the fitted relation: `hypergeometric: c(n+1)/c(n) = 1/(1 + n)`, with the
    /// relation as mathematics.
    pub method: Rich,
}

/// Fewest terms [`guess`] works with.
pub const MIN_TERMS: usize = 20;
/// Fewest terms a fitted pattern must be checked against beyond those it was fitted on.
pub const MIN_CHECKED: usize = 10;
/// Largest modulus of a zero pattern.
const MAX_MODULUS: usize = 6;
/// Most exceptional initial terms per residue class.
const MAX_EXCEPTIONS: usize = 3;

/// A closed form found for one residue class: `d_n = formula(n)` for `n ≥ n0`, except at the
/// listed class indices.
struct Found {
    formula: Expr,
    n0: usize,
    exceptions: Vec<(usize, Q)>,
    fitted: usize,
    checked: usize,
    method: Rich,
}

/// Names the terms of the class c_{m n + r} in evidence strings: `c(2*n+3)`.
struct Index<'a> {
    m: u64,
    r: u64,
    var: &'a str,
}

impl Index<'_> {
    /// The label of class term n + `shift`.
    fn at(&self, shift: usize) -> String {
        let off = self.m * shift as u64 + self.r;
        let lead = if self.m == 1 {
            self.var.to_string()
        } else {
            format!("{}*{}", self.m, self.var)
        };
        if off == 0 {
            format!("c({lead})")
        } else {
            format!("c({lead}+{off})")
        }
    }
}

/// Finds the general term of the coefficients `c` (c_0, c_1, …): a closed form in the symbol
/// `var`, else a P-recursive recurrence, else the reason neither was found. Never returns a
/// pattern that disagrees with any supplied term.
pub fn guess(c: &[Q], var: &str) -> GeneralTerm {
    let n = c.len();
    if n < MIN_TERMS {
        return GeneralTerm::Unknown(format!(
            "only {n} coefficients were given; at least {MIN_TERMS} are needed to fit a pattern \
             and verify it on further terms"
        ));
    }
    // A sequence that ends in zeros is a polynomial; a terminating closed form without
    // exceptions (binomial(5, n)) says more than the list of its terms.
    let fin = finite(c);
    for m in moduli(c) {
        if crate::math::interrupted() {
            return GeneralTerm::Unknown("interrupted".into());
        }
        match (closed_with_modulus(c, m, var), &fin) {
            (Some(GeneralTerm::Closed { exceptions, .. }), Some(_)) if !exceptions.is_empty() => {}
            (Some(t), _) => return special::unsplit(c, t, var),
            (None, _) => {}
        }
    }
    if let Some(t) = fin {
        return t;
    }
    if let Some(t) = prec::find(c) {
        return t;
    }
    // The largest shape needs (r + 1)(d + 1) + 2 fitted rows and MIN_CHECKED checked ones.
    let largest =
        (prec::MAX_ORDER + 1) * (prec::MAX_DEGREE + 1) + 2 + MIN_CHECKED + prec::MAX_ORDER;
    let note = if n < largest {
        format!(" (the largest recurrences need {largest} terms to be fitted and checked)")
    } else {
        String::new()
    };
    GeneralTerm::Unknown(format!(
        "no hypergeometric, C-finite or P-recursive pattern (order ≤ {}, degree ≤ {}) fits \
         the first {n} coefficients{note}",
        prec::MAX_ORDER,
        prec::MAX_DEGREE
    ))
}

impl GeneralTerm {
    /// The coefficient c_k a closed form predicts (`None` for the other variants, or when
    /// the formula cannot be evaluated to a rational number at k).
    pub fn predict(&self, k: u64, var: &str) -> Option<Q> {
        let GeneralTerm::Closed {
            modulus,
            pieces,
            exceptions,
            ..
        } = self
        else {
            return None;
        };
        if let Some((_, v)) = exceptions.iter().find(|(i, _)| *i == k) {
            return Some(v.clone());
        }
        let m = (*modulus).max(1);
        for p in pieces {
            if k % m == p.residue % m && k >= p.residue {
                let n = (k - p.residue) / m;
                if n >= p.n0 {
                    return eval_at(&p.formula, var, n);
                }
            }
        }
        Some(Q::zero())
    }
}

/// The value of `formula` at `var = n` when it is rational: substituted and re-canonicalised
/// through the constructors, with Γ at rationals reduced to Γ of the fractional part (so that
/// quotients like Γ(n + 1/3)/Γ(1/3) cancel) and sums of surds expanded.
fn eval_at(formula: &Expr, var: &str, n: u64) -> Option<Q> {
    let v = subs(formula, var, &Expr::Num(Q::from_integer(Integer::from(n)))).ok()?;
    let v = reduce_gamma(&v).ok()?;
    let v = expand(&v).ok()?;
    v.as_num().cloned()
}

/// Rewrites Γ(q) for rational q (not an integer or half-integer, which the constructors
/// evaluate) as a rational times Γ(frac(q)).
fn reduce_gamma(e: &Expr) -> MResult {
    let map = |v: &[Expr]| v.iter().map(reduce_gamma).collect::<MResult<Vec<_>>>();
    Ok(match e {
        Expr::Func(Func::Gamma, args) if args.len() == 1 => match args[0].as_num() {
            Some(q) if !q.is_integer() => {
                let fl = Q(q.0.clone().floor());
                let f = q.sub(&fl);
                let m = fl
                    .to_i64()
                    .filter(|m| m.unsigned_abs() <= 100_000)
                    .ok_or_else(|| crate::math::expr::MathError::TooLarge(format!("gamma({q})")))?;
                let mut coef = Q::one();
                for i in m.min(0)..m.max(0) {
                    coef = coef.mul(&f.add(&Q::int(i)));
                }
                let coef = if m < 0 { coef.recip()? } else { coef };
                mul(vec![
                    Expr::Num(coef),
                    func(Func::Gamma, vec![Expr::Num(f)])?,
                ])?
            }
            _ => e.clone(),
        },
        Expr::Func(g, args) => func(*g, map(args)?)?,
        Expr::Pow(b, x) => pow(reduce_gamma(b)?, reduce_gamma(x)?)?,
        Expr::Mul(v) => mul(map(v)?)?,
        Expr::Add(v) => add(map(v)?)?,
        _ => e.clone(),
    })
}

/// Chooses where a formula verified for class indices `n ≥ s` starts: the start `n0 ≤ s`
/// that leaves the fewest exceptional terms (earlier terms that are non-zero, or terms the
/// formula misses or cannot evaluate). Checks every `n ≥ s` first.
fn settle(d: &[Q], s: usize, formula: &Expr, var: &str) -> Option<(usize, Vec<(usize, Q)>)> {
    for (n, dn) in d.iter().enumerate().skip(s) {
        if eval_at(formula, var, n as u64).as_ref() != Some(dn) {
            return None;
        }
    }
    let fits: Vec<bool> = (0..s)
        .map(|n| eval_at(formula, var, n as u64).as_ref() == Some(&d[n]))
        .collect();
    let cost = |n0: usize| {
        (0..n0).filter(|&n| !d[n].is_zero()).count() + (n0..s).filter(|&n| !fits[n]).count()
    };
    let n0 = (0..=s).min_by_key(|&n0| cost(n0))?;
    if cost(n0) > MAX_EXCEPTIONS {
        return None;
    }
    let exceptions = (0..s)
        .filter(|&n| if n < n0 { !d[n].is_zero() } else { !fits[n] })
        .map(|n| (n, d[n].clone()))
        .collect();
    Some((n0, exceptions))
}

/// A sequence that is zero from some index on, confirmed by at least as many trailing zeros
/// as there are leading terms (and at least [`MIN_CHECKED`]): a polynomial.
fn finite(c: &[Q]) -> Option<GeneralTerm> {
    let n = c.len();
    let len = c.iter().rposition(|x| !x.is_zero()).map_or(0, |l| l + 1);
    if n - len < MIN_CHECKED.max(len) {
        return None;
    }
    let method = if len == 0 {
        Rich::text("every given coefficient is 0")
    } else {
        rich![
            "finite: ",
            Notation::new("c(k) = 0", "c(k) = 0"),
            " for ",
            names::at_least("k", len),
            format!(" (a polynomial of degree {})", len - 1)
        ]
    };
    Some(GeneralTerm::Closed {
        modulus: 1,
        pieces: Vec::new(),
        exceptions: (0..len)
            .filter(|&k| !c[k].is_zero())
            .map(|k| (k as u64, c[k].clone()))
            .collect(),
        evidence: Evidence {
            fitted_on: len,
            checked_on: n - len,
            method,
        },
    })
}

/// The residue classes mod `m`: the active ones (non-zero beyond their first two terms) as
/// `(r, d)` with d_n = c_{m n + r}, and the non-zero terms of the inactive ones.
type Classes = (Vec<(usize, Vec<Q>)>, Vec<(u64, Q)>);

fn classes(c: &[Q], m: usize) -> Classes {
    let mut active = Vec::new();
    let mut stray = Vec::new();
    for r in 0..m {
        let d: Vec<Q> = c.iter().skip(r).step_by(m).cloned().collect();
        if d.iter().skip(2).any(|x| !x.is_zero()) {
            active.push((r, d));
        } else {
            for (n, x) in d.iter().enumerate().filter(|(_, x)| !x.is_zero()) {
                stray.push(((m * n + r) as u64, x.clone()));
            }
        }
    }
    (active, stray)
}

/// Moduli to try, sparsest zero pattern first (fewest active classes per modulus), then the
/// smaller modulus.
fn moduli(c: &[Q]) -> Vec<usize> {
    let mut v: Vec<(usize, usize)> = (1..=MAX_MODULUS)
        .filter(|&m| c.len() / m >= MIN_CHECKED + 2)
        .map(|m| (m, classes(c, m).0.len()))
        .filter(|&(_, a)| a > 0)
        .collect();
    v.sort_by(|&(m1, a1), &(m2, a2)| (a1 * m2).cmp(&(a2 * m1)).then(m1.cmp(&m2)));
    v.into_iter().map(|(m, _)| m).collect()
}

/// A closed form for every active residue class mod `m`, or `None`.
fn closed_with_modulus(c: &[Q], m: usize, var: &str) -> Option<GeneralTerm> {
    let (active, stray) = classes(c, m);
    let mut pieces = Vec::new();
    let mut exceptions = stray;
    let (mut fitted, mut checked) = (0, 0);
    let mut methods = Rich::new();
    for (r, d) in &active {
        let idx = Index {
            m: m as u64,
            r: *r as u64,
            var,
        };
        let found = hyper::closed(d, var, &idx)
            .or_else(|| cfinite::closed(d, var, &idx))
            .or_else(|| special::closed(d, m, *r, var, &idx))
            .or_else(|| tower::closed(d, var, &idx))?;
        pieces.push(Piece {
            residue: *r as u64,
            n0: found.n0 as u64,
            formula: found.formula,
        });
        exceptions.extend(
            found
                .exceptions
                .into_iter()
                .map(|(n, v)| ((m * n + r) as u64, v)),
        );
        fitted += found.fitted;
        checked += found.checked;
        if !methods.is_empty() {
            methods.push("; ");
        }
        methods.push(found.method);
    }
    exceptions.sort_by_key(|(k, _)| *k);
    Some(GeneralTerm::Closed {
        modulus: m as u64,
        pieces,
        exceptions,
        evidence: Evidence {
            fitted_on: fitted,
            checked_on: checked,
            method: methods,
        },
    })
}

/// Renders `Σ p_i · label(i) = 0` with the highest shift first: `(k + 2)*c(k+2) - c(k)`.
fn render_relation(polys: &[Vec<Q>], var: &str, label: &dyn Fn(usize) -> String) -> String {
    render_relation_in(polys, var, label, Style::Text)
}

/// `Σ p_i · label(i)` as a notation: the text of [`render_relation`] and its LaTeX.
fn relation_notation(
    polys: &[Vec<Q>],
    var: &str,
    label: &dyn Fn(usize) -> String,
    suffix: &str,
) -> Notation {
    let tex_label = |i: usize| label(i).replace('*', " ");
    Notation::new(
        format!("{}{suffix}", render_relation(polys, var, label)),
        format!(
            "{}{suffix}",
            render_relation_in(polys, var, &tex_label, Style::Latex)
        ),
    )
}

/// [`render_relation`] in a style: text as sigma reads it, or LaTeX.
fn render_relation_in(
    polys: &[Vec<Q>],
    var: &str,
    label: &dyn Fn(usize) -> String,
    style: Style,
) -> String {
    let tex = style == Style::Latex;
    let num = |q: &Q| {
        if tex {
            print(&Expr::Num(q.clone()), style)
        } else {
            q.to_string()
        }
    };
    let times = if tex { " " } else { "*" };
    let group = |s: String| {
        if tex {
            format!("\\left({s}\\right)")
        } else {
            format!("({s})")
        }
    };
    let mut s = String::new();
    for i in (0..polys.len()).rev() {
        let mut p = Poly::new(polys[i].clone());
        if p.is_zero() {
            continue;
        }
        let negative = p.lead().is_negative();
        if negative {
            p = p.neg();
        }
        let body = match p.c.as_slice() {
            [q] if q.is_one() => label(i),
            [q] if q.is_integer() => format!("{}{times}{}", num(q), label(i)),
            [q] => format!("{}{times}{}", group(num(q)), label(i)),
            _ if p.c.iter().filter(|c| !c.is_zero()).count() > 1 => {
                format!("{}{times}{}", group(poly_text(&p, var, style)), label(i))
            }
            _ => format!("{}{times}{}", poly_text(&p, var, style), label(i)),
        };
        match (s.is_empty(), negative) {
            (true, false) => s.push_str(&body),
            (true, true) => s.push_str(&format!("-{body}")),
            (false, false) => s.push_str(&format!(" + {body}")),
            (false, true) => s.push_str(&format!(" - {body}")),
        }
    }
    if s.is_empty() {
        s.push('0');
    }
    s
}

/// A polynomial in descending powers: `2*k^2 - k + 3`.
fn poly_text(p: &Poly, var: &str, style: Style) -> String {
    let mut s = String::new();
    for (j, c) in p.c.iter().enumerate().rev().filter(|(_, c)| !c.is_zero()) {
        let mono = pow(Expr::sym(var), Expr::int(j as i64))
            .and_then(|x| mul(vec![Expr::Num(c.abs()), x]))
            .map(|m| print(&m, style))
            .unwrap_or_else(|_| "?".into());
        match (s.is_empty(), c.is_negative()) {
            (true, false) => s.push_str(&mono),
            (true, true) => s.push_str(&format!("-{mono}")),
            (false, false) => s.push_str(&format!(" + {mono}")),
            (false, true) => s.push_str(&format!(" - {mono}")),
        }
    }
    s
}

/// The hypergeometric term ratio of a sequence with no zero terms from some index on:
/// `d(n+1)/d(n) = p(n)/q(n)` for `n ≥ start`, as `(p, q, start)`, fitted on a prefix and
/// checked on every remaining term.
pub fn term_ratio(d: &[Q]) -> Option<(Poly, Poly, usize)> {
    hyper::ratio(d)
}

/// Renders a recurrence Σ_i p_i(k) c(k+i) = 0 (p_i as coefficient lists in `var`):
/// `"(k + 2)*c(k+2) - c(k) = 0 for k ≥ 0"`.
pub fn describe_recurrence(polys: &[Vec<Q>], from: u64, var: &str) -> String {
    describe_recurrence_rich(polys, from, var).to_string()
}

/// [`describe_recurrence`] as rich text: the relation and the range of `var` as mathematics.
pub fn describe_recurrence_rich(polys: &[Vec<Q>], from: u64, var: &str) -> Rich {
    let label = |i: usize| {
        if i == 0 {
            format!("c({var})")
        } else {
            format!("c({var}+{i})")
        }
    };
    rich![
        relation_notation(polys, var, &label, " = 0"),
        " for ",
        names::at_least(var, from)
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_a_recurrence() {
        let polys = vec![vec![Q::int(-1)], vec![], vec![Q::int(2), Q::int(1)]];
        assert_eq!(
            describe_recurrence(&polys, 0, "k"),
            "(k + 2)*c(k+2) - c(k) = 0 for k ≥ 0"
        );
        let polys = vec![vec![Q::int(1)], vec![Q::int(1)], vec![Q::int(-1)]];
        assert_eq!(
            describe_recurrence(&polys, 1, "n"),
            "-c(n+2) + c(n+1) + c(n) = 0 for n ≥ 1"
        );
    }

    #[test]
    fn reduces_gamma_at_thirds() {
        let g = |q: Q| func(Func::Gamma, vec![Expr::Num(q)]).unwrap_or_else(|_| Expr::one());
        let ratio = mul(vec![
            g(Q::frac(7, 3)),
            pow(g(Q::frac(1, 3)), Expr::int(-1)).unwrap_or_else(|_| Expr::one()),
        ])
        .unwrap_or_else(|_| Expr::one());
        assert_eq!(reduce_gamma(&ratio), Ok(Expr::Num(Q::frac(4, 9))));
    }
}
