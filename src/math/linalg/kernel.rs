//! The exact SSM convolution kernel K_ℓ = C·A^(ℓ−1)·B (ℓ = 1..L) of rational A, B, C with the
//! common denominators kept apart: A = M/d with M an integer matrix, so K_ℓ is an integer
//! numerator over base·d^(ℓ−1) and no fraction is reduced until a term is read. Several methods
//! (iterated mat-vec, doubling, diagonal, identity-plus-rank-one, Sylvester's closed form) give
//! the same kernel; each states its cost.

use super::Matrix;
use crate::math::expr::{MResult, MathError};
use crate::math::number::Q;
use rug::{Integer, Rational};

/// How the kernel is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// w_(ℓ+1) = M·w_ℓ, K_ℓ = C·w_ℓ: one integer mat-vec per term.
    Iterate,
    /// Doubling: [w_(m+1) … w_(2m)] = M^m·[w_1 … w_m] and M^(2m) = (M^m)².
    Squaring,
    /// A diagonal: K_ℓ = Σ_i c_i b_i a_i^(ℓ−1).
    Diagonal,
    /// A = λI + u·vᵀ: K_ℓ = (C·B)·λ^(ℓ−1) + (C·u)(vᵀ·B)·((λ+s)^(ℓ−1) − λ^(ℓ−1))/s, s = vᵀu.
    LowRank,
    /// Distinct rational eigenvalues: K_ℓ = Σ_i (C·P_i·B)·λ_i^(ℓ−1) (Sylvester).
    Closed,
}

impl Method {
    pub const ALL: [Method; 5] = [
        Method::Iterate,
        Method::Squaring,
        Method::Diagonal,
        Method::LowRank,
        Method::Closed,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Method::Iterate => "iterate",
            Method::Squaring => "squaring",
            Method::Diagonal => "diagonal",
            Method::LowRank => "lowrank",
            Method::Closed => "closed",
        }
    }

    pub fn names() -> Vec<&'static str> {
        Method::ALL.iter().map(|m| m.name()).collect()
    }

    pub fn from_name(s: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.name() == s)
    }

    /// The method's cost, in operations on (growing) integers, for an n × n A and L terms.
    pub fn cost(self) -> &'static str {
        match self {
            Method::Iterate => "O(n²·L) integer multiplications, each of a small entry of M by a growing one",
            Method::Squaring => "O(n³·log L) for M, M², M⁴, … plus O(n²·L) for the blocks; exact entries make these large-by-large products, so iterate is faster here",
            Method::Diagonal => "O(n·L) integer multiplications, one power per eigenvalue and term",
            Method::LowRank => "O(n²) once for λ, vᵀu = tr(A − λI), C·B and C·(A − λI)·B, then O(1) per term: two powers",
            Method::Closed => "O(n³) once for the eigenvalues and projectors, then O(n·L): one power per eigenvalue and term",
        }
    }
}

/// The terms K_1 … K_L: K_ℓ = nums[ℓ−1] / (base·d^(ℓ−1)), unreduced.
#[derive(Debug, Clone)]
pub struct Kernel {
    pub nums: Vec<Integer>,
    pub base: Integer,
    pub d: Integer,
}

impl Kernel {
    /// K_ℓ reduced (1 ≤ ℓ ≤ L).
    pub fn term(&self, l: usize) -> Q {
        let e = u32::try_from(l - 1).expect("a kernel index fits in u32");
        let den = &self.base * Integer::from(rug::ops::Pow::pow(&self.d, e));
        Q(Rational::from((self.nums[l - 1].clone(), den)))
    }

    /// K_1 … K_L, each reduced.
    pub fn terms(&self) -> MResult<Vec<Q>> {
        let mut den = self.base.clone();
        let mut out = Vec::with_capacity(self.nums.len());
        for n in &self.nums {
            poll()?;
            out.push(Q(Rational::from((n.clone(), den.clone()))));
            den *= &self.d;
        }
        Ok(out)
    }
}

fn poll() -> MResult<()> {
    if crate::math::interrupted() {
        return Err(MathError::Interrupted);
    }
    Ok(())
}

/// The least common denominator of `qs` and the integers `qs·den`.
fn scaled(qs: &[Q]) -> (Vec<Integer>, Integer) {
    let mut den = Integer::from(1);
    for q in qs {
        den.lcm_mut(q.denom());
    }
    let ints = qs
        .iter()
        .map(|q| Integer::from(&den / q.denom()) * q.numer())
        .collect();
    (ints, den)
}

fn int_dot(a: &[Integer], b: &[Integer]) -> Integer {
    let mut s = Integer::new();
    for (x, y) in a.iter().zip(b) {
        if *x != 0 && *y != 0 {
            s += x * y;
        }
    }
    s
}

/// Adds the bits of `x` to `total` and refuses once it passes `max_bits`.
fn spend(total: &mut u64, x: &Integer, max_bits: u64, l: usize) -> MResult<()> {
    *total += u64::from(x.significant_bits()) + 1;
    if *total > max_bits {
        return Err(MathError::TooLarge(format!(
            "past {} MiB at ℓ = {l}",
            max_bits / 8 / (1 << 20)
        )));
    }
    Ok(())
}

/// A, B, C with their denominators apart: A = M/d, B = b/b_den, C = c/c_den.
struct IntSystem {
    m: Vec<Vec<Integer>>,
    d: Integer,
    b: Vec<Integer>,
    c: Vec<Integer>,
    base: Integer,
}

impl IntSystem {
    fn new(a: &Matrix, b: &[Q], c: &[Q]) -> IntSystem {
        let flat: Vec<Q> = a.rows().iter().flatten().cloned().collect();
        let (ints, d) = scaled(&flat);
        let n = a.nrows();
        let m = (0..n).map(|i| ints[i * n..(i + 1) * n].to_vec()).collect();
        let (b, bd) = scaled(b);
        let (c, cd) = scaled(c);
        IntSystem {
            m,
            d,
            b,
            c,
            base: bd * cd,
        }
    }
}

/// The kernel K_1 … K_len of (A, B, C) by `method`, or why not: `Unsupported` when A lacks the
/// structure the method needs, `TooLarge` when the numerators would pass `max_bits` together.
pub fn kernel(
    a: &Matrix,
    b: &[Q],
    c: &[Q],
    len: usize,
    method: Method,
    max_bits: u64,
) -> MResult<Kernel> {
    let n = a.nrows();
    if a.ncols() != n || b.len() != n || c.len() != n {
        return Err(MathError::Domain(
            "A must be n × n and B, C have n entries".into(),
        ));
    }
    match method {
        Method::Iterate => iterate(&IntSystem::new(a, b, c), len, max_bits),
        Method::Squaring => squaring(&IntSystem::new(a, b, c), len, max_bits),
        Method::Diagonal | Method::LowRank | Method::Closed => {
            if method == Method::LowRank {
                if let Some(k) = nilpotent_low_rank(a, b, c, len, max_bits)? {
                    return Ok(k);
                }
            }
            let Some(terms) = exp_form(a, b, c, method)? else {
                return Err(unsupported(method));
            };
            let (w, mu): (Vec<Q>, Vec<Q>) = terms.into_iter().unzip();
            exp_sum(&w, &mu, len, max_bits)
        }
    }
}

fn unsupported(method: Method) -> MathError {
    MathError::Unsupported(
        match method {
            Method::Diagonal => "the diagonal method needs a diagonal A",
            Method::LowRank => {
                "the lowrank method needs A = λ·I + u·vᵀ (a multiple of I plus a rank-one matrix)"
            }
            _ => "the closed method needs distinct rational eigenvalues of A",
        }
        .into(),
    )
}

/// K_ℓ = Σ_j w_j·μ_j^(ℓ−1) for ℓ ≥ 1 as the pairs (w_j, μ_j) (zero weights included), when
/// `method` (diagonal, lowrank or closed) applies to A; `None` when it does not (and for
/// lowrank with vᵀu = 0, whose kernel is not a sum of powers).
pub fn exp_form(a: &Matrix, b: &[Q], c: &[Q], method: Method) -> MResult<Option<Vec<(Q, Q)>>> {
    let n = a.nrows();
    let r = a.rows();
    let pairs: Vec<(Q, Q)> = match method {
        Method::Diagonal => {
            if (0..n).any(|i| (0..n).any(|j| i != j && !r[i][j].is_zero())) {
                return Ok(None);
            }
            (0..n).map(|i| (c[i].mul(&b[i]), r[i][i].clone())).collect()
        }
        Method::LowRank => {
            let Some((lambda, s, cb, w)) = low_rank_parts(a, b, c)? else {
                return Ok(None);
            };
            if s.is_zero() {
                return Ok(None);
            }
            let ws = w.div(&s).expect("s ≠ 0");
            vec![(cb.sub(&ws), lambda.clone()), (ws, lambda.add(&s))]
        }
        Method::Closed => {
            let Some(sp) = a.spectral()? else {
                return Ok(None);
            };
            sp.projectors
                .iter()
                .map(|p| super::dot(c, &p.mul_vec(b).unwrap_or_default()))
                .zip(sp.eigenvalues)
                .collect()
        }
        Method::Iterate | Method::Squaring => return Ok(None),
    };
    Ok(Some(pairs))
}

fn iterate(s: &IntSystem, len: usize, max_bits: u64) -> MResult<Kernel> {
    let mut nums = Vec::with_capacity(len);
    let mut w = s.b.clone();
    let mut total = 0;
    for l in 1..=len {
        if l % 64 == 0 {
            poll()?;
        }
        let k = int_dot(&s.c, &w);
        spend(&mut total, &k, max_bits, l)?;
        nums.push(k);
        if l < len {
            w = s.m.iter().map(|row| int_dot(row, &w)).collect();
        }
    }
    Ok(Kernel {
        nums,
        base: s.base.clone(),
        d: s.d.clone(),
    })
}

fn mat_mul(x: &[Vec<Integer>], y: &[Vec<Integer>]) -> MResult<Vec<Vec<Integer>>> {
    let cols = y.first().map_or(0, Vec::len);
    let mut out = Vec::with_capacity(x.len());
    for row in x {
        poll()?;
        let mut r = vec![Integer::new(); cols];
        for (xk, yk) in row.iter().zip(y) {
            if *xk == 0 {
                continue;
            }
            for (rj, ykj) in r.iter_mut().zip(yk) {
                if *ykj != 0 {
                    *rj += xk * ykj;
                }
            }
        }
        out.push(r);
    }
    Ok(out)
}

/// Doubling: the columns w_1 … w_m (as an n × m block W) and P = M^m give
/// [w_(m+1) … w_(2m)] = P·W; then P ← P². log₂ L squarings.
fn squaring(s: &IntSystem, len: usize, max_bits: u64) -> MResult<Kernel> {
    let mut w: Vec<Vec<Integer>> = s.b.iter().map(|x| vec![x.clone()]).collect();
    let mut p = s.m.clone();
    let mut have = 1;
    // The block W holds n entries per term: its own budget, twice the terms'.
    let mut held = 0;
    while have < len {
        let take = have.min(len - have);
        let block: Vec<Vec<Integer>> = w.iter().map(|r| r[..take].to_vec()).collect();
        let next = mat_mul(&p, &block)?;
        for (r, extra) in w.iter_mut().zip(next) {
            for x in &extra {
                spend(&mut held, x, 2 * max_bits, have + 1)?;
            }
            r.extend(extra);
        }
        have += take;
        if have < len {
            p = mat_mul(&p, &p)?;
        }
    }
    let mut nums = vec![Integer::new(); len];
    for (i, row) in w.iter().enumerate().filter(|(i, _)| s.c[*i] != 0) {
        for (k, x) in nums.iter_mut().zip(row) {
            *k += &s.c[i] * x;
        }
    }
    let mut total = 0;
    for (l, k) in nums.iter().enumerate() {
        spend(&mut total, k, max_bits, l + 1)?;
    }
    Ok(Kernel {
        nums,
        base: s.base.clone(),
        d: s.d.clone(),
    })
}

/// K_ℓ = Σ_j weights_j·μ_j^(ℓ−1), with the weights over one denominator and the μ_j over another.
fn exp_sum(weights: &[Q], mus: &[Q], len: usize, max_bits: u64) -> MResult<Kernel> {
    let keep: Vec<usize> = (0..weights.len())
        .filter(|&j| !weights[j].is_zero())
        .collect();
    let (w, base) = scaled(&keep.iter().map(|&j| weights[j].clone()).collect::<Vec<_>>());
    let (m, d) = scaled(&keep.iter().map(|&j| mus[j].clone()).collect::<Vec<_>>());
    let mut pw = w;
    let mut nums = Vec::with_capacity(len);
    let mut total = 0;
    for l in 1..=len {
        if l % 64 == 0 {
            poll()?;
        }
        let k: Integer = pw.iter().sum();
        spend(&mut total, &k, max_bits, l)?;
        nums.push(k);
        for (p, mj) in pw.iter_mut().zip(&m) {
            *p *= mj;
        }
    }
    Ok(Kernel { nums, base, d })
}

/// A = λI + R with R of rank at most one, tried for a few λ: 1 (B1(f)), 0, the value the
/// rank-one minors R_ij·R_jk = R_ik·R_jj force, and A's rational eigenvalues when n = 2.
fn rank_one_shift(a: &Matrix) -> MResult<Option<Q>> {
    let n = a.nrows();
    let r = a.rows();
    let mut cands = vec![Q::one(), Q::zero()];
    'found: for j in 0..n {
        for i in (0..n).filter(|&i| i != j) {
            for k in (0..n).filter(|&k| k != j && k != i) {
                if !r[i][k].is_zero() {
                    let x = r[i][j].mul(&r[j][k]).div(&r[i][k]).expect("r_ik ≠ 0");
                    cands.push(r[j][j].sub(&x));
                    break 'found;
                }
            }
        }
    }
    if n == 2 {
        if let Some(split) = crate::math::poly::Poly::new(a.charpoly()?).split_rational() {
            cands.extend(split.roots.into_iter().map(|(q, _)| q));
        }
    }
    Ok(cands.into_iter().find(|l| rank_at_most_one(a, l)))
}

fn rank_at_most_one(a: &Matrix, lambda: &Q) -> bool {
    let n = a.nrows();
    let r = |i: usize, j: usize| {
        let x = a.rows()[i][j].clone();
        if i == j {
            x.sub(lambda)
        } else {
            x
        }
    };
    let Some((pi, pj)) = (0..n)
        .flat_map(|i| (0..n).map(move |j| (i, j)))
        .find(|&(i, j)| !r(i, j).is_zero())
    else {
        return true;
    };
    let p = r(pi, pj);
    (0..n).all(|k| (0..n).all(|l| r(k, l).mul(&p) == r(pi, l).mul(&r(k, pj))))
}

/// λ, s = vᵀu, C·B and C·u·vᵀ·B for A = λI + u·vᵀ (R = A − λI: s = tr R, C·u·vᵀ·B = C·R·B),
/// when A has that form (for the λ tried: 1, 0, the one forced by the rank-one minors, or an
/// eigenvalue of a 2 × 2).
pub fn low_rank_parts(a: &Matrix, b: &[Q], c: &[Q]) -> MResult<Option<(Q, Q, Q, Q)>> {
    let Some(lambda) = rank_one_shift(a)? else {
        return Ok(None);
    };
    let n = a.nrows();
    let r: Vec<Vec<Q>> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    let x = a.rows()[i][j].clone();
                    if i == j {
                        x.sub(&lambda)
                    } else {
                        x
                    }
                })
                .collect()
        })
        .collect();
    let s = (0..n).fold(Q::zero(), |acc, i| acc.add(&r[i][i]));
    let rb: Vec<Q> = r.iter().map(|row| super::dot(row, b)).collect();
    let w = super::dot(c, &rb);
    let cb = super::dot(c, b);
    Ok(Some((lambda, s, cb, w)))
}

/// A = λI + R with R² = 0 (vᵀu = 0): A^k = λ^k·I + k·λ^(k−1)·R, so
/// K_ℓ = C·B·λ^(ℓ−1) + (ℓ−1)·C·R·B·λ^(ℓ−2); `None` for other matrices.
fn nilpotent_low_rank(
    a: &Matrix,
    b: &[Q],
    c: &[Q],
    len: usize,
    max_bits: u64,
) -> MResult<Option<Kernel>> {
    let Some((lambda, s, cb, w)) = low_rank_parts(a, b, c)? else {
        return Ok(None);
    };
    if !s.is_zero() {
        return Ok(None);
    }
    let (cw, base) = scaled(&[cb, w]);
    let (ln, ld) = (lambda.numer().clone(), lambda.denom().clone());
    let mut nums = Vec::with_capacity(len);
    let mut total = 0;
    let mut p_prev = Integer::new(); // λ_num^(ℓ−2), 0 for ℓ = 1 (its coefficient is 0)
    let mut p = Integer::from(1); // λ_num^(ℓ−1)
    for l in 1..=len {
        if l % 64 == 0 {
            poll()?;
        }
        let mut k = Integer::from(&cw[0] * &p);
        if l >= 2 {
            k += Integer::from(&cw[1] * &p_prev) * &ld * (l as u64 - 1);
        }
        spend(&mut total, &k, max_bits, l)?;
        nums.push(k);
        p_prev = p.clone();
        p *= &ln;
    }
    Ok(Some(Kernel { nums, base, d: ld }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: i64, d: i64) -> Q {
        Q::frac(n, d)
    }

    fn b1ii() -> (Matrix, Vec<Q>, Vec<Q>) {
        let a = Matrix::new(vec![vec![q(7, 10), q(1, 10)], vec![q(1, 5), q(3, 5)]], 2).unwrap();
        (a, vec![Q::one(), Q::zero()], vec![Q::one(), Q::zero()])
    }

    #[test]
    fn b1_ii_kernel_by_every_applicable_method() {
        let (a, b, c) = b1ii();
        let want = vec![Q::one(), q(7, 10), q(51, 100), q(383, 1000)];
        for m in [
            Method::Iterate,
            Method::Squaring,
            Method::Closed,
            Method::LowRank,
        ] {
            let k = kernel(&a, &b, &c, 4, m, 1 << 20).unwrap();
            assert_eq!(k.terms().unwrap(), want, "{m:?}");
            assert_eq!(k.term(4), q(383, 1000));
        }
        assert!(matches!(
            kernel(&a, &b, &c, 4, Method::Diagonal, 1 << 20),
            Err(MathError::Unsupported(_))
        ));
    }

    #[test]
    fn identity_plus_p_pt_has_its_closed_form() {
        // A = I + p·pᵀ, p = (1, 2): A^k = I + ((1 + 5)^k − 1)/5 · p·pᵀ; B = (1, 0), C = (0, 1).
        let a = Matrix::from_i64(&[&[2, 2], &[2, 5]]).unwrap();
        let (b, c) = (vec![Q::one(), Q::zero()], vec![Q::zero(), Q::one()]);
        let k = kernel(&a, &b, &c, 5, Method::LowRank, 1 << 20).unwrap();
        let want: Vec<Q> = (0..5u32)
            .map(|e| Q::int(2 * (6i64.pow(e) - 1) / 5))
            .collect();
        assert_eq!(k.terms().unwrap(), want);
        let it = kernel(&a, &b, &c, 5, Method::Iterate, 1 << 20).unwrap();
        assert_eq!(it.terms().unwrap(), want);
    }

    #[test]
    fn a_nilpotent_rank_one_part_and_the_size_guard() {
        // A = 1/2·I + e1·e2ᵀ: vᵀu = 0.
        let a = Matrix::new(vec![vec![q(1, 2), Q::one()], vec![Q::zero(), q(1, 2)]], 2).unwrap();
        let (b, c) = (vec![Q::one(), q(1, 3)], vec![Q::one(), Q::one()]);
        let lr = kernel(&a, &b, &c, 9, Method::LowRank, 1 << 20).unwrap();
        let it = kernel(&a, &b, &c, 9, Method::Iterate, 1 << 20).unwrap();
        assert_eq!(lr.terms().unwrap(), it.terms().unwrap());
        assert!(matches!(
            kernel(&a, &b, &c, 100_000, Method::Iterate, 1 << 16),
            Err(MathError::TooLarge(_))
        ));
    }
}
