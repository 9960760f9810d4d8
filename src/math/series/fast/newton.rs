//! Newton iterations on the common-denominator representation, each step doubling the number
//! of correct coefficients with a constant number of series products: the inverse
//! (`g ← g + g·(1 − b·g)`), the quotient (Karp–Markstein: the last inverse step is merged
//! with the multiplication by the numerator), `exp` (coupled iteration carrying `1/exp`
//! alongside, as in FLINT and Hanrot–Zimmermann), `log = ∫ a'/a`, and `sin_cos`: the exp
//! iteration for `z = cos a + i·sin a = exp(i·a)` carried out on the real and imaginary parts,
//! where the inverse it needs is simply the conjugate (`|z| = 1`). Then `tan = sin/cos` (one
//! quotient, on `x²` when `a` is odd) and `atan = ∫ a'/(1 + a²)`. Each step reads only a
//! canonicalised prefix of its input, so early steps work with small denominators. Every
//! product goes through the parent's stride-aware `mul_q`/`mul_q_range` (odd and even series
//! multiply in `x²`), and the residuals `b·g`, `a'·f`, `b·q₀` are middle products: only their
//! upper half is computed, at the cost of a product of that half's length (FFT wrap-around),
//! and for `b·g` and `a'·f` the known lower half (`1`, `f'`) is passed down so that the
//! transform only has to hold the rest (`mul_q_range_known`).
//! Imports [`QPoly`], the recurrences in [`basecase`] and the interrupt flag.

use super::basecase::{self, Recurrence};
use super::intpoly::QPoly;
use crate::math::expr::MathError;
use crate::math::interrupted;
use rug::Integer;

/// Lengths at or below which the quadratic recurrences are used.
pub const CUTOFF: usize = 24;

fn poll() -> Result<(), MathError> {
    if interrupted() {
        Err(MathError::Interrupted)
    } else {
        Ok(())
    }
}

/// The increasing lengths `n_0 ≤ cutoff < n_1 < ... < n_L = n`, `n_i = ⌈n_{i+1}/2⌉`.
pub fn schedule(n: usize, cutoff: usize) -> Vec<usize> {
    let mut lens = vec![n];
    let mut m = n;
    while m > cutoff.max(1) {
        m = m.div_ceil(2);
        lens.push(m);
    }
    lens.reverse();
    lens
}

/// One inverse step: given `g = 1/b mod x^m`, returns `1/b mod x^n` (`m < n ≤ 2m`).
fn inv_step(b: &QPoly, g: QPoly, n: usize) -> QPoly {
    let m = g.len();
    // b·g = 1 + x^m·e_high: over den(b)·den(g), the low part is that product, then zeros.
    let b = b.prefix(n);
    let mut known = vec![Integer::new(); m];
    known[0] = Integer::from(&b.den * &g.den);
    let mut e_high = super::mul_q_range_known(&b, &g, &known, n);
    e_high.canonicalise();
    let corr = super::mul_q(&g.prefix(n - m), &e_high, n - m).negated();
    g.concat(corr)
}

/// `1/b mod x^n` for `b₀ ≠ 0`.
pub fn inv(b: &QPoly, n: usize) -> Result<QPoly, MathError> {
    let lens = schedule(n, CUTOFF);
    let mut g = basecase::div(None, &b.prefix(lens[0]), lens[0])?;
    for &len in &lens[1..] {
        poll()?;
        g = inv_step(b, g, len);
        g.check_size()?;
    }
    Ok(g)
}

/// `a/b mod x^n` for `b₀ ≠ 0`.
pub fn div(a: &QPoly, b: &QPoly, n: usize) -> Result<QPoly, MathError> {
    let lead = b.num.first().cloned().unwrap_or_default();
    if basecase::prefer_recurrence(b, n, &lead, Recurrence::Quotient) {
        return basecase::div(Some(&a.prefix(n)), &b.prefix(n), n);
    }
    let m = n.div_ceil(2);
    let g = inv(b, m)?;
    poll()?;
    // q0 = a·g mod x^m; then q = q0 + g·(a − b·q0)_high.
    let q0 = super::mul_q(&a.prefix(m), &g, m);
    let bq = super::mul_q_range(&b.prefix(n), &q0, m, n);
    let mut r = a.slice(m, n).sub(&bq);
    r.canonicalise();
    poll()?;
    let q_high = super::mul_q(&g.prefix(n - m), &r, n - m);
    Ok(q0.concat(q_high))
}

/// `exp(a) mod x^n` for `a₀ = 0`.
pub fn exp(a: &QPoly, n: usize) -> Result<QPoly, MathError> {
    let lens = schedule(n, CUTOFF);
    let n0 = lens[0];
    let mut f = basecase::exp(&a.prefix(n0), n0)?;
    if lens.len() == 1 {
        return Ok(f);
    }
    let mut g = basecase::div(None, &f, n0)?;
    let ap = a.derivative();
    for (i, &len) in lens.iter().enumerate().skip(1) {
        poll()?;
        let m = f.len();
        // t = (a'·f)[m−1 .. len−1): the residual a'·f − f' above the known part, which is
        // f' (numerators (k + 1)·f_(k+1)·den(a') over den(a')·den(f)).
        let apl = ap.prefix(len - 1);
        let known: Vec<Integer> = (0..m - 1)
            .map(|k| Integer::from(&f.num[k + 1] * &apl.den) * (k as u64 + 1))
            .collect();
        let mut t_high = super::mul_q_range_known(&apl, &f, &known, len - 1);
        t_high.canonicalise();
        // u = ∫ g·t_high (offset m): the correction a − log f, divided by x^m.
        let u = super::mul_q(&g.prefix(len - m), &t_high, len - m).integral_offset(m);
        let f_high = super::mul_q(&f.prefix(len - m), &u, len - m);
        f = f.concat(f_high);
        f.check_size()?;
        if i + 1 < lens.len() {
            poll()?;
            g = inv_step(&f, g, len);
        }
    }
    Ok(f)
}

/// `log(a) mod x^n` for `a₀ = 1`.
pub fn log(a: &QPoly, n: usize) -> Result<QPoly, MathError> {
    if n <= 1 {
        return Ok(QPoly::zero(n));
    }
    let ap = a.prefix(n).derivative();
    let q = div(&ap, a, n - 1)?;
    Ok(q.integral())
}

/// `(sin a, cos a) mod x^n` for `a₀ = 0`.
pub fn sin_cos(a: &QPoly, n: usize) -> Result<(QPoly, QPoly), MathError> {
    if basecase::prefer_recurrence(a, n, &a.den, Recurrence::Derivative) {
        return basecase::sin_cos(&a.prefix(n), n);
    }
    let lens = schedule(n, CUTOFF);
    let n0 = lens[0];
    let (mut s, mut c) = basecase::sin_cos(&a.prefix(n0), n0)?;
    let ap = a.derivative();
    for &len in &lens[1..] {
        poll()?;
        let m = c.len();
        let apl = ap.prefix(len - 1);
        // t = i·a'·z = −a'·s + i·a'·c, above the known part (indices m−1 .. len−1).
        let mut tr = super::mul_q_range(&apl, &s, m - 1, len - 1).negated();
        tr.canonicalise();
        let mut ti = super::mul_q_range(&apl, &c, m - 1, len - 1);
        ti.canonicalise();
        poll()?;
        // u = conj(z)·t = (c·tr + s·ti) + i·(c·ti − s·tr), integrated with offset m.
        let k = len - m;
        let (cl, sl) = (c.prefix(k), s.prefix(k));
        let ur = super::mul_q(&cl, &tr, k)
            .add(&super::mul_q(&sl, &ti, k))
            .integral_offset(m);
        let ui = super::mul_q(&cl, &ti, k)
            .sub(&super::mul_q(&sl, &tr, k))
            .integral_offset(m);
        poll()?;
        // z_high = z·u = (c·ur − s·ui) + i·(c·ui + s·ur).
        let c_high = super::mul_q(&cl, &ur, k).sub(&super::mul_q(&sl, &ui, k));
        let s_high = super::mul_q(&cl, &ui, k).add(&super::mul_q(&sl, &ur, k));
        c = c.concat(c_high);
        s = s.concat(s_high);
        c.check_size()?;
        s.check_size()?;
    }
    Ok((s, c))
}

/// `tan a mod x^n` for `a₀ = 0`.
pub fn tan(a: &QPoly, n: usize) -> Result<QPoly, MathError> {
    let (s, c) = super::sin_cos_q(a, n)?;
    poll()?;
    super::div_q(&s, &c, n)
}

/// `atan a mod x^n` for `a₀ = 0`.
pub fn atan(a: &QPoly, n: usize) -> Result<QPoly, MathError> {
    if n <= 1 {
        return Ok(QPoly::zero(n));
    }
    let a = a.prefix(n);
    let ap = a.derivative();
    let sq = super::mul_q(&a, &a, n - 1);
    let one_plus = sq.add(&QPoly::one(1));
    poll()?;
    let q = super::div_q(&ap, &one_plus, n - 1)?;
    Ok(q.integral())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::number::Q;

    #[test]
    fn schedule_halves() {
        assert_eq!(schedule(1001, 24), vec![16, 32, 63, 126, 251, 501, 1001]);
        assert_eq!(schedule(5, 24), vec![5]);
    }

    #[test]
    fn newton_exp_matches_recurrence() {
        let a: Vec<Q> = (0..60)
            .map(|k| if k == 0 { Q::zero() } else { Q::frac(1, k) })
            .collect();
        let p = QPoly::from_q(&a, 60);
        let fast = exp(&p, 60).unwrap();
        let slow = basecase::exp(&p, 60).unwrap();
        assert_eq!(fast.to_q(), slow.to_q());
        let g = inv(&fast, 60).unwrap();
        let one = fast.mullow(&g, 60);
        assert_eq!(one, QPoly::one(60));
    }

    #[test]
    fn newton_sin_cos_matches_recurrence() {
        let a: Vec<Q> = (0..70)
            .map(|k| match k {
                0 => Q::zero(),
                _ => Q::frac(if k % 3 == 0 { -1 } else { 2 }, k),
            })
            .collect();
        let p = QPoly::from_q(&a, 70);
        let (s, c) = sin_cos(&p, 70).unwrap();
        let (s0, c0) = basecase::sin_cos(&p, 70).unwrap();
        assert_eq!(s.to_q(), s0.to_q());
        assert_eq!(c.to_q(), c0.to_q());
    }
}
