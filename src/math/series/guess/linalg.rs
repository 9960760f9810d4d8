//! Exact linear algebra and polynomial root finding over Q for the guesser: row reduction,
//! nullspaces, square solves, and the rational roots of small integer polynomials. Every
//! routine is bounded (entry sizes, divisor searches) and gives up with `None` rather than
//! running away.

use crate::math::expr::{add, mul, pow, Expr, MResult};
use crate::math::number::Q;
use rug::{Integer, Rational};

/// Largest size, in bits, an entry may reach during elimination before the fit is abandoned.
const MAX_ENTRY_BITS: u32 = 400_000;

/// Largest |integer| whose divisors are enumerated when looking for rational roots.
const MAX_DIVISOR_SEARCH: u64 = 1 << 40;

fn bits(x: &Rational) -> u32 {
    x.numer().significant_bits() + x.denom().significant_bits()
}

/// Brings `m` (rows of length `cols`) to reduced row echelon form in place and returns the
/// pivot columns, or `None` when entries grow beyond [`MAX_ENTRY_BITS`].
fn rref(m: &mut [Vec<Rational>], cols: usize) -> Option<Vec<usize>> {
    let mut pivots = Vec::new();
    let mut row = 0;
    for col in 0..cols {
        if row >= m.len() {
            break;
        }
        // The smallest non-zero entry makes the gentlest pivot.
        let best = (row..m.len())
            .filter(|&i| m[i][col].cmp0() != std::cmp::Ordering::Equal)
            .min_by_key(|&i| bits(&m[i][col]));
        let Some(p) = best else { continue };
        m.swap(row, p);
        let inv = Rational::from(1) / m[row][col].clone();
        for x in m[row].iter_mut() {
            *x *= &inv;
        }
        let prow = m[row].clone();
        for (i, r) in m.iter_mut().enumerate() {
            if i == row || r[col].cmp0() == std::cmp::Ordering::Equal {
                continue;
            }
            let f = r[col].clone();
            for j in col..cols {
                if prow[j].cmp0() != std::cmp::Ordering::Equal {
                    r[j] -= Rational::from(&f * &prow[j]);
                    if bits(&r[j]) > MAX_ENTRY_BITS {
                        return None;
                    }
                }
            }
        }
        pivots.push(col);
        row += 1;
    }
    Some(pivots)
}

fn to_matrix(rows: &[Vec<Q>], cols: usize) -> Option<Vec<Vec<Rational>>> {
    rows.iter()
        .map(|r| (r.len() == cols).then(|| r.iter().map(|q| q.0.clone()).collect()))
        .collect()
}

/// A basis of the nullspace of the matrix with the given rows (each `cols` long), or `None`
/// when the rows are malformed or the elimination grows too large.
pub(super) fn nullspace(rows: &[Vec<Q>], cols: usize) -> Option<Vec<Vec<Q>>> {
    let mut m = to_matrix(rows, cols)?;
    let pivots = rref(&mut m, cols)?;
    let mut basis = Vec::new();
    for free in (0..cols).filter(|c| !pivots.contains(c)) {
        let mut v = vec![Q::zero(); cols];
        v[free] = Q::one();
        for (i, &pc) in pivots.iter().enumerate() {
            v[pc] = Q(Rational::from(-&m[i][free]));
        }
        basis.push(v);
    }
    Some(basis)
}

/// The unique solution of the square system `a x = b`, if `a` is invertible.
pub(super) fn solve(a: &[Vec<Q>], b: &[Q]) -> Option<Vec<Q>> {
    let n = b.len();
    if a.len() != n {
        return None;
    }
    let rows: Vec<Vec<Q>> = a
        .iter()
        .zip(b)
        .map(|(r, bi)| r.iter().cloned().chain([bi.clone()]).collect())
        .collect();
    let mut m = to_matrix(&rows, n + 1)?;
    let pivots = rref(&mut m, n + 1)?;
    if pivots != (0..n).collect::<Vec<_>>() {
        return None;
    }
    Some(m.iter().map(|r| Q(r[n].clone())).collect())
}

/// Fits a null vector on a prefix of `rows` (each `u` long) and verifies it on the rest:
/// starts with `u + 2` rows and adds rows while the prefix leaves more than one solution (up to
/// `2u + 6`). Returns the vector and the number of rows fitted on, or `None` when no unique
/// solution exists, it fails on a later row, or fewer than `min_checked` rows would be left
/// to check.
pub(super) fn fit_prefix(rows: &[Vec<Q>], u: usize, min_checked: usize) -> Option<(Vec<Q>, usize)> {
    let mut f = u + 2;
    loop {
        if f + min_checked > rows.len() {
            return None;
        }
        let ns = nullspace(&rows[..f], u)?;
        match ns.len() {
            0 => return None,
            1 => {
                let v = ns.into_iter().next()?;
                return rows[f..]
                    .iter()
                    .all(|r| dot_is_zero(&v, r))
                    .then_some((v, f));
            }
            _ if f >= 2 * u + 6 => return None,
            _ => f += 2,
        }
    }
}

/// True when `v` (a row of coefficients) annihilates `row`: Σ v_i row_i = 0.
pub(super) fn dot_is_zero(v: &[Q], row: &[Q]) -> bool {
    let mut s = Rational::new();
    for (a, b) in v.iter().zip(row) {
        if !a.is_zero() && !b.is_zero() {
            s += Rational::from(&a.0 * &b.0);
        }
    }
    s.cmp0() == std::cmp::Ordering::Equal
}

/// Removes trailing zero coefficients (coefficient lists run from the constant term up).
pub(super) fn trim(p: &[Q]) -> Vec<Q> {
    let mut v = p.to_vec();
    while v.last().is_some_and(Q::is_zero) {
        v.pop();
    }
    v
}

/// `p(x)` by Horner's rule.
pub(super) fn eval_poly(p: &[Q], x: &Q) -> Q {
    let mut acc = Q::zero();
    for c in p.iter().rev() {
        acc = acc.mul(x).add(c);
    }
    acc
}

/// `p(x)` as a canonical expression in the symbol `var`.
pub(super) fn poly_expr(p: &[Q], var: &str) -> MResult {
    let x = Expr::sym(var);
    let mut terms = Vec::new();
    for (j, c) in p.iter().enumerate() {
        if !c.is_zero() {
            terms.push(mul(vec![
                Expr::Num(c.clone()),
                pow(x.clone(), Expr::int(j as i64))?,
            ])?);
        }
    }
    add(terms)
}

/// Scales a coefficient list to coprime integers (the sign is kept).
pub(super) fn primitive(p: &[Q]) -> Vec<Q> {
    let mut l = Integer::from(1);
    let mut g = Integer::new();
    for c in p {
        l.lcm_mut(c.denom());
        g.gcd_mut(c.numer());
    }
    if g == 0 {
        return p.to_vec();
    }
    let f = Q(Rational::from((l, g)));
    p.iter().map(|c| c.mul(&f)).collect()
}

/// `p / (x - r)` for a root `r` of `p` (synthetic division; the remainder is dropped).
fn deflate(p: &[Q], r: &Q) -> Vec<Q> {
    let d = p.len() - 1;
    let mut out = vec![Q::zero(); d];
    let mut carry = Q::zero();
    for i in (0..d).rev() {
        carry = carry.mul(r).add(&p[i + 1]);
        out[i] = carry.clone();
    }
    out
}

/// The positive divisors of `n` (0 < n ≤ [`MAX_DIVISOR_SEARCH`]) by trial division.
fn divisors(n: u64) -> Vec<u64> {
    let mut small = Vec::new();
    let mut large = Vec::new();
    let mut d = 1u64;
    while d * d <= n {
        if n.is_multiple_of(d) {
            small.push(d);
            if d * d != n {
                large.push(n / d);
            }
        }
        d += 1;
    }
    small.extend(large.into_iter().rev());
    small
}

/// The rational roots of `p` (with multiplicity) and what is left after dividing them out:
/// `p = rest · Π (x − root)`. `None` when `p` is zero or its coefficients are too large for
/// the divisor search.
pub(super) fn rational_roots(p: &[Q]) -> Option<(Vec<Q>, Vec<Q>)> {
    let mut p = trim(p);
    if p.is_empty() {
        return None;
    }
    let mut roots = Vec::new();
    while p.len() > 1 && p[0].is_zero() {
        roots.push(Q::zero());
        p.remove(0);
    }
    if p.len() == 1 {
        return Some((roots, p));
    }
    let ip = primitive(&p);
    let a0 = ip[0].numer().clone().abs().to_u64()?;
    let ad = ip[ip.len() - 1].numer().clone().abs().to_u64()?;
    if a0 > MAX_DIVISOR_SEARCH || ad > MAX_DIVISOR_SEARCH {
        return None;
    }
    let (num_divs, den_divs) = (divisors(a0), divisors(ad));
    'outer: for u in &num_divs {
        for v in &den_divs {
            if Integer::from(*u).gcd(&Integer::from(*v)) != 1 {
                continue;
            }
            for sign in [1i64, -1] {
                let x = Q(Rational::from((
                    Integer::from(*u) * sign,
                    Integer::from(*v),
                )));
                while p.len() > 1 && eval_poly(&p, &x).is_zero() {
                    p = deflate(&p, &x);
                    roots.push(x.clone());
                }
                if p.len() == 1 {
                    break 'outer;
                }
            }
        }
    }
    Some((roots, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn qs(v: &[i64]) -> Vec<Q> {
        v.iter().map(|&x| Q::int(x)).collect()
    }

    #[test]
    fn nullspace_of_a_rank_one_matrix() {
        let ns = nullspace(&[qs(&[1, 2, 3]), qs(&[2, 4, 6])], 3).unwrap_or_default();
        assert_eq!(ns.len(), 2);
        for v in &ns {
            assert!(dot_is_zero(v, &qs(&[1, 2, 3])));
        }
    }

    #[test]
    fn solves_a_square_system() {
        let x = solve(&[qs(&[2, 1]), qs(&[1, 3])], &qs(&[3, 5])).unwrap_or_default();
        assert_eq!(x, vec![Q::frac(4, 5), Q::frac(7, 5)]);
        assert!(solve(&[qs(&[1, 2]), qs(&[2, 4])], &qs(&[1, 1])).is_none());
    }

    #[test]
    fn finds_rational_roots_with_multiplicity() {
        // (2x + 1)(x - 3)^2 (x^2 + 1) = 2x^5 - 11x^4 + 14x^3 - 2x^2 + 12x + 9
        let (roots, rest) = rational_roots(&qs(&[9, 12, -2, 14, -11, 2])).unwrap_or_default();
        let mut roots = roots;
        roots.sort();
        assert_eq!(roots, vec![Q::frac(-1, 2), Q::int(3), Q::int(3)]);
        assert_eq!(rest.len(), 3);
    }
}
