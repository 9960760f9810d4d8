//! Sampling for plots. A curve is sampled on a rational grid, each value the double nearest to
//! its certified value (or left out where the function is undefined); it is broken at the
//! exact zeros of its denominators (found by `solve`) and wherever bisection shows a jump, so
//! that no pole or discontinuity is joined by a line. Sequences are sampled at integers,
//! exactly substituted; data points are rounded from their exact values.

use crate::math::expr::{self, Expr, Func, MathError};
use crate::math::float::native;
use crate::math::logic::{Formula, Rel};
use crate::math::solve::{self, chart::Chart, order::Facts};
use crate::math::Q;

/// Grid points of a curve.
pub const SAMPLES: i64 = 240;
/// Halvings tried on a segment whose ends or midpoint disagree before it is taken as a jump.
const DEPTH: u32 = 16;
/// The most extra evaluations spent on deciding whether to join two neighbouring samples;
/// beyond it the segment is left unjoined (a wildly oscillating function stays points).
const BUDGET: u32 = 256;
/// The most integers a sequence is sampled at.
pub const MAX_INDICES: i64 = 10_000;

use crate::math::check_interrupt as check;

/// The value of `e` at `x = q` rounded to a double, or `None` where it has none (outside the
/// domain, at a pole, beyond the double range, or too close to a singularity to certify).
fn value_at(e: &Expr, x: &str, q: &Q) -> Result<Option<f64>, MathError> {
    check()?;
    match native::nearest_at(e, Some((x, q)), "a sample") {
        Ok(v) => Ok(Some(v)),
        Err(MathError::Interrupted) => Err(MathError::Interrupted),
        Err(_) => Ok(None),
    }
}

/// A sampled curve.
pub struct Curve {
    /// Pieces of `(x, y)` to join.
    pub segments: Vec<Vec<(f64, f64)>>,
    /// Samples without a value.
    pub omitted: usize,
    /// The values at the evenly spaced grid alone, when samples were added near poles.
    pub typical: Option<Vec<f64>>,
}

/// Samples `e` for `x` in `[a, b]` (`a < b`).
pub fn curve(e: &Expr, x: &str, a: &Q, b: &Q) -> Result<Curve, MathError> {
    let poles = poles(e, x, a, b);
    let h = b.sub(a).mul(&Q::frac(1, SAMPLES - 1));
    let grid: Vec<Q> = (0..SAMPLES).map(|i| a.add(&h.mul(&Q::int(i)))).collect();
    let mut xs = grid.clone();
    // Samples closing in on each pole, so the curve runs up to the frame.
    for p in &poles {
        for k in [10, 100, 1000, 10_000] {
            let d = h.mul(&Q::frac(1, k));
            xs.extend(
                [p.sub(&d), p.add(&d)]
                    .into_iter()
                    .filter(|t| t > a && t < b),
            );
        }
    }
    xs.sort();
    xs.dedup();
    let mut ys = Vec::with_capacity(xs.len());
    for q in &xs {
        ys.push(value_at(e, x, q)?);
    }
    let omitted = ys.iter().filter(|y| y.is_none()).count();
    // A piece is straight enough to draw when its ends and midpoint agree to 1% of the
    // plot's height (a few pixels).
    let tol = 0.01 * spread(&ys);
    let mut segments: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    for i in 0..xs.len() {
        let Some(y) = ys[i] else {
            close(&mut segments, &mut cur);
            continue;
        };
        if let (Some(prev), Some(Some(py))) = (i.checked_sub(1), i.checked_sub(1).map(|j| ys[j])) {
            let pole_between = poles.iter().any(|p| *p > xs[prev] && *p < xs[i]);
            let mut budget = BUDGET;
            if pole_between || !joined(e, x, (&xs[prev], py), (&xs[i], y), tol, &mut budget)? {
                close(&mut segments, &mut cur);
            }
        }
        cur.push((to_f64(&xs[i]), y));
    }
    close(&mut segments, &mut cur);
    let typical = (!poles.is_empty()).then(|| {
        xs.iter()
            .zip(&ys)
            .filter(|(q, _)| grid.binary_search(q).is_ok())
            .filter_map(|(_, y)| *y)
            .collect()
    });
    Ok(Curve {
        segments,
        omitted,
        typical,
    })
}

fn close(segments: &mut Vec<Vec<(f64, f64)>>, cur: &mut Vec<(f64, f64)>) {
    if !cur.is_empty() {
        segments.push(std::mem::take(cur));
    }
}

/// The spread of the central 90% of the values (1 when they are all equal).
fn spread(ys: &[Option<f64>]) -> f64 {
    let mut v: Vec<f64> = ys.iter().flatten().copied().collect();
    v.sort_by(f64::total_cmp);
    if v.len() < 2 {
        return 1.0;
    }
    let q = |t: f64| v[((v.len() - 1) as f64 * t).round() as usize];
    let s = q(0.95) - q(0.05);
    if s > 0.0 {
        s
    } else {
        1.0
    }
}

/// Whether the curve may be drawn as a line from `p` to `q`. The segment is halved until the
/// ends and midpoint of every piece agree to within `tol`, or to within 5% of the segment's
/// own change: a steep but continuous piece spreads its change over its halves, so the
/// pieces' changes shrink, while a jump keeps all of it in one piece at every depth. The
/// function must be defined at every midpoint tried.
fn joined(
    e: &Expr,
    x: &str,
    p: (&Q, f64),
    q: (&Q, f64),
    tol: f64,
    budget: &mut u32,
) -> Result<bool, MathError> {
    if *budget == 0 {
        return Ok(false);
    }
    *budget -= 1;
    let m = p.0.add(q.0).mul(&Q::frac(1, 2));
    let Some(ym) = value_at(e, x, &m)? else {
        return Ok(false);
    };
    let change = (q.1 - p.1).abs().max((ym - (p.1 + q.1) / 2.0).abs());
    let tol = tol.max(0.05 * change);
    pieces(e, x, [p, (&m, ym), q], tol, DEPTH, budget)
}

/// The halving of [`joined`]: `m` is the midpoint of `p`–`q` with its value.
fn pieces(
    e: &Expr,
    x: &str,
    [p, m, q]: [(&Q, f64); 3],
    tol: f64,
    depth: u32,
    budget: &mut u32,
) -> Result<bool, MathError> {
    if (q.1 - p.1).abs() <= tol && (m.1 - (p.1 + q.1) / 2.0).abs() <= tol {
        return Ok(true);
    }
    if depth == 0 || *budget < 2 {
        return Ok(false);
    }
    for (a, b) in [(p, m), (m, q)] {
        *budget -= 1;
        let mid = a.0.add(b.0).mul(&Q::frac(1, 2));
        let Some(y) = value_at(e, x, &mid)? else {
            return Ok(false);
        };
        if !pieces(e, x, [a, (&mid, y), b], tol, depth - 1, budget)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The rational points of `(a, b)` nearest to the real zeros of the denominators of `e` (and
/// of the cosines under its tangents), where `solve` finds them exactly.
fn poles(e: &Expr, x: &str, a: &Q, b: &Q) -> Vec<Q> {
    let mut dens = Vec::new();
    denominators(e, x, &mut dens);
    let within = Chart::closed(Expr::Num(a.clone()), Expr::Num(b.clone()));
    let mut out = Vec::new();
    for d in dens {
        let f = Formula::rel(d, Rel::Eq, Expr::zero());
        let Ok((set, _)) = solve::solve(&f, x, &Facts::default(), Some(&within)) else {
            continue;
        };
        for iv in set.intervals.iter().filter(|iv| iv.is_point()) {
            if let Some(q) = native::nearest(&iv.lo.value).ok().and_then(native::exact) {
                if q > *a && q < *b {
                    out.push(q);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The bases of negative powers in `e` that depend on `x`, and `cos u` for each `tan u`.
fn denominators(e: &Expr, x: &str, out: &mut Vec<Expr>) {
    if !e.depends_on(x) {
        return;
    }
    match e {
        Expr::Pow(b, k) => {
            if k.as_num().is_some_and(|q| q.is_negative()) && b.depends_on(x) {
                out.push((**b).clone());
            }
            denominators(b, x, out);
            denominators(k, x, out);
        }
        Expr::Func(Func::Tan, args) => {
            if let Ok(c) = expr::func(Func::Cos, args.clone()) {
                out.push(c);
            }
            args.iter().for_each(|a| denominators(a, x, out));
        }
        Expr::Add(ts) | Expr::Mul(ts) => ts.iter().for_each(|t| denominators(t, x, out)),
        Expr::Func(_, args) => args.iter().for_each(|a| denominators(a, x, out)),
        _ => {}
    }
}

/// Samples the sequence `e` at the integers `a..=b` (at most [`MAX_INDICES`] of them), each
/// value substituted exactly and rounded to a double; returns the points and how many
/// indices had no value.
pub fn sequence(e: &Expr, n: &str, a: i64, b: i64) -> Result<(Vec<(f64, f64)>, usize), MathError> {
    let mut out = Vec::new();
    let mut omitted = 0;
    for k in a..=b {
        check()?;
        let v = expr::subst::subs(e, n, &Expr::int(k)).and_then(|v| native::nearest(&v));
        match v {
            Ok(y) => out.push((k as f64, y)),
            Err(MathError::Interrupted) => return Err(MathError::Interrupted),
            Err(_) => omitted += 1,
        }
    }
    Ok((out, omitted))
}

/// Data points `(x_k, v_k)` with `x_k = first + k`, each exact value rounded to a double.
pub fn data(vs: &[Expr], first: i64) -> Result<(Vec<(f64, f64)>, usize), MathError> {
    let mut out = Vec::new();
    let mut omitted = 0;
    for (k, v) in vs.iter().enumerate() {
        check()?;
        match native::nearest(v) {
            Ok(y) => out.push(((first + k as i64) as f64, y)),
            Err(MathError::Interrupted) => return Err(MathError::Interrupted),
            Err(_) => omitted += 1,
        }
    }
    Ok((out, omitted))
}

/// The double nearest to `q`.
pub fn to_f64(q: &Q) -> f64 {
    native::nearest(&Expr::Num(q.clone())).unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;

    fn e(s: &str) -> Expr {
        Session::expr(s).unwrap()
    }

    #[test]
    fn a_pole_splits_the_curve() {
        let c = curve(&e("1/(x - 1/3)"), "x", &Q::int(0), &Q::int(1)).unwrap();
        let (segs, omitted) = (c.segments, c.omitted);
        assert_eq!(segs.len(), 2);
        assert_eq!(omitted, 0);
        assert!(segs[0].iter().all(|p| p.0 < 1.0 / 3.0));
        assert!(segs[1].iter().all(|p| p.0 > 1.0 / 3.0));
        // The samples closing in reach far up and down.
        assert!(segs[0].last().unwrap().1 < -1000.0);
        assert!(segs[1][0].1 > 1000.0);
    }

    #[test]
    fn tangent_is_broken_at_every_pole() {
        let segs = curve(&e("tan(x)"), "x", &Q::int(-5), &Q::int(5))
            .unwrap()
            .segments;
        // Poles at ±π/2 and ±3π/2 inside [-5, 5].
        assert_eq!(segs.len(), 5);
    }

    #[test]
    fn a_jump_found_by_bisection_is_not_joined() {
        // abs(x)/x jumps at 0; solve does not see a denominator there… but 1/x is one.
        let f = e("abs(x - 1/7)/(x - 1/7)");
        let segs = curve(&f, "x", &Q::int(-1), &Q::int(1)).unwrap().segments;
        assert_eq!(segs.len(), 2);
        assert!(segs[0].iter().all(|p| p.1 == -1.0));
        assert!(segs[1].iter().all(|p| p.1 == 1.0));
    }

    #[test]
    fn a_smooth_steep_curve_is_one_piece() {
        let c = curve(&e("exp(10*x)"), "x", &Q::int(-1), &Q::int(1)).unwrap();
        let (segs, omitted) = (c.segments, c.omitted);
        assert_eq!((segs.len(), omitted), (1, 0));
        assert_eq!(segs[0].len(), SAMPLES as usize);
    }

    #[test]
    fn points_outside_the_domain_are_left_out() {
        let c = curve(&e("sqrt(x)"), "x", &Q::int(-1), &Q::int(1)).unwrap();
        let (segs, omitted) = (c.segments, c.omitted);
        assert_eq!(segs.len(), 1);
        assert!(omitted > 100);
        assert!(segs[0].iter().all(|p| p.0 >= 0.0));
    }

    #[test]
    fn sequences_are_exact_at_integers() {
        let (pts, _) = sequence(&e("1 - (9/10)^t"), "t", 1, 3).unwrap();
        assert_eq!(pts, vec![(1.0, 0.1), (2.0, 0.19), (3.0, 0.271)]);
    }
}
