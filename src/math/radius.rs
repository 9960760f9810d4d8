//! Radius and interval of convergence: for Σ c(n)·(x − a)^(k·n + j) from the growth scale of
//! c(n); for a function's Maclaurin series from its nearest singularity (rational functions,
//! functions with a rational derivative, entire functions). Each finite endpoint of an
//! interval is sent through the convergence pipeline.

use crate::math::answer::{
    names, Endpoint, Interval, IntervalSet, Notation, Op, Verdict, VerdictKind,
};
use crate::math::asymptotic::leading;
use crate::math::convergence::{converges, Decision};
use crate::math::derivation::Derivation;
use crate::math::expr::{self, diff::diff, subst::subs, Expr, Func, MResult, MathError};
use crate::math::float::sign::{cmp_const, sign_const};
use crate::math::number::Q;
use crate::math::poly::{rational_function, Poly};
use crate::rich;
use std::cmp::Ordering;

/// A power series' shape: term = c(n)·(x − a)^(k·n + j).
pub struct PowerTerm {
    pub c: Expr,
    pub center: Expr,
    pub k: Q,
}

/// Splits a term into coefficient and power of (x − a), if it has that shape.
pub fn power_term(term: &Expr, n: &str, x: &str) -> MResult<Option<PowerTerm>> {
    let factors = match term {
        Expr::Mul(fs) => fs.clone(),
        other => vec![other.clone()],
    };
    let mut found: Option<(Expr, Expr)> = None;
    let mut rest = Vec::new();
    for f in factors {
        let (b, e) = f.as_base_exp();
        if b.depends_on(x) {
            if found.is_some() || e.depends_on(x) {
                return Ok(None);
            }
            found = Some((b, e));
        } else {
            rest.push(f);
        }
    }
    let Some((b, e)) = found else { return Ok(None) };
    // b must be x − a.
    let db = diff(&b, x)?;
    if !db.is_one() {
        return Ok(None);
    }
    let center = expr::neg(subs(&b, x, &Expr::zero())?)?;
    let k = diff(&e, n)?;
    let Some(k) = k.as_num().cloned() else {
        return Ok(None);
    };
    if !k.is_positive()
        || !k.is_integer()
        || diff(
            &expr::sub(
                e.clone(),
                expr::mul(vec![Expr::Num(k.clone()), Expr::sym(n)])?,
            )?,
            n,
        )? != Expr::zero()
    {
        return Ok(None);
    }
    Ok(Some(PowerTerm {
        c: expr::mul(rest)?,
        center,
        k,
    }))
}

/// The radius of convergence of Σ c(n)(x − a)^(kn + j).
pub fn radius_of_sum(t: &PowerTerm, n: &str) -> MResult<(Expr, Derivation)> {
    crate::math::expr::require_real(&t.c, "radii of convergence")?;
    crate::math::expr::require_real(&t.center, "radii of convergence")?;
    let mut d = Derivation::new();
    let asym = leading(&t.c, n)?;
    let s = &asym.scale;
    d.push(
        rich![
            Notation::new("|c(n)|", "|c(n)|"),
            Op::Sim,
            expr::func(Func::Abs, vec![s.to_expr(n)])?
        ],
        "leading asymptotic behaviour of the coefficients",
    );
    let r = if s.fact.is_positive() {
        Expr::zero()
    } else if s.fact.is_negative() {
        Expr::infinity()
    } else {
        // lim |c(n)|^(1/(k n)) = b^(1/k), so R = b^(-1/k).
        expr::pow(s.base.clone(), Expr::Num(Q::one().div(&t.k)?.neg()))?
    };
    d.push(
        rich![
            Notation::new(
                format!("R = 1/lim |c(n)|^(1/({}·n))", t.k),
                if t.k.is_one() {
                    "R = 1 \\big/ \\limsup_{n\\to\\infty} |c(n)|^{1/n}".to_string()
                } else {
                    format!(
                        "R = 1 \\big/ \\limsup_{{n\\to\\infty}} |c(n)|^{{1/({} n)}}",
                        t.k
                    )
                }
            ),
            Op::Eq,
            &r
        ],
        "root test (Cauchy–Hadamard) on the coefficients",
    );
    Ok((r, d))
}

/// An interval of convergence: the radius, the set with each endpoint's verdict, and the
/// derivation.
pub struct Convergence {
    pub radius: Expr,
    pub set: IntervalSet,
    pub steps: Derivation,
}

/// The interval of convergence of Σ term(n, x), n ≥ n0.
pub fn interval(term: &Expr, n: &str, x: &str) -> MResult<Convergence> {
    crate::math::expr::require_real(term, "intervals of convergence")?;
    let Some(t) = power_term(term, n, x)? else {
        return Err(MathError::Unsupported(format!(
            "the term is not of the form c({n})·({x} − a)^(k·{n} + j)"
        )));
    };
    let (r, mut steps) = radius_of_sum(&t, n)?;
    let var = Some(x.to_string());
    if r.is_zero() {
        // The series converges only at its centre, where every power of (x − a) vanishes.
        let at_center = Verdict {
            kind: VerdictKind::ConvergesAbsolutely,
            test: None,
            quantity: None,
            reason: rich![
                "at ",
                Expr::sym(x),
                Op::Eq,
                &t.center,
                " every term with a positive power of ",
                Expr::sym(x),
                " − a is 0"
            ],
        };
        let point = Endpoint::with_verdict(t.center.clone(), at_center);
        return Ok(Convergence {
            radius: r,
            set: IntervalSet::new(
                var,
                vec![Interval {
                    lo: point.clone(),
                    hi: point,
                }],
            ),
            steps,
        });
    }
    if r == Expr::infinity() {
        return Ok(Convergence {
            radius: r,
            set: IntervalSet::new(var, vec![Interval::reals()]),
            steps,
        });
    }
    let lo = expr::sub(t.center.clone(), r.clone())?;
    let hi = expr::add(vec![t.center.clone(), r.clone()])?;
    let mut ends = Vec::new();
    for end in [&lo, &hi] {
        let at = subs(term, x, end)?;
        let dec: Decision = converges(&at, n)?;
        steps.push(
            rich![
                Expr::sym(x),
                Op::Eq,
                end,
                ": ",
                names::sigma(),
                &at,
                ": ",
                dec.verdict.summary()
            ],
            "the endpoint's series through the convergence tests",
        );
        ends.push(Endpoint::with_verdict(end.clone(), dec.verdict));
    }
    let hi_end = ends.pop();
    let lo_end = ends.pop();
    let (Some(lo), Some(hi)) = (lo_end, hi_end) else {
        return Err(MathError::Unsupported("an interval needs two ends".into()));
    };
    Ok(Convergence {
        radius: r,
        set: IntervalSet::new(var, vec![Interval { lo, hi }]),
        steps,
    })
}

/// The radius of the Maclaurin series of `f`, from its nearest singularity.
pub fn radius_of_function(f: &Expr, x: &str) -> MResult<(Expr, Derivation)> {
    crate::math::expr::require_real(f, "radii of convergence")?;
    let mut d = Derivation::new();
    if is_entire(f, x) {
        d.push(
            rich![
                f,
                " is entire (polynomials, exp, sin, cos, sinh, cosh, erf, Bessel J and I of integer order, and their compositions)"
            ],
            "no singularity in the complex plane",
        );
        return Ok((Expr::infinity(), d));
    }
    if let Some(r) = lambert_radius(f, x, &mut d)? {
        return Ok((r, d));
    }
    let target = if rational_function(f, x).is_some() {
        f.clone()
    } else {
        diff(f, x)?
    };
    let Some((p, q)) = rational_function(&target, x) else {
        return Err(MathError::Unsupported(format!(
            "sigma finds radii of rational functions, of functions with a rational derivative and of entire functions; {f} is neither"
        )));
    };
    if target != *f {
        d.push(
            rich![
                Notation::new(format!("d/d{x} "), format!("\\frac{{d}}{{d{x}}} ")),
                f,
                Op::Eq,
                &target,
                " is rational: both have the same radius"
            ],
            "term-by-term differentiation keeps the radius",
        );
    }
    let g = p.gcd(&q);
    let q = q.div_rem(&g).0;
    let r = nearest_root(&q)?;
    d.push(
        rich![
            "the nearest root of the denominator ",
            q.to_expr(x)?,
            " has modulus ",
            &r
        ],
        "the radius is the distance to the nearest singularity",
    );
    Ok((r, d))
}

/// The smallest modulus of a complex root of `q` (degree ≤ 2 exactly; a constant has none).
fn nearest_root(q: &Poly) -> MResult<Expr> {
    let mut q = q.clone();
    // Roots at 0 would make the function singular at the expansion point.
    if q.c.first().is_some_and(Q::is_zero) {
        return Err(MathError::Domain(
            "the function has a pole at the expansion point".into(),
        ));
    }
    let mut best: Option<Expr> = None;
    let mut consider = |m: Expr| -> MResult<()> {
        best = Some(match best.take() {
            Some(b) if cmp_const(&b, &m)? != Ordering::Greater => b,
            _ => m,
        });
        Ok(())
    };
    for r in q.rational_roots() {
        consider(Expr::Num(r.abs()))?;
        q = q.div_rem(&Poly::new(vec![r.neg(), Q::one()])).0;
    }
    match q.degree() {
        d if d <= 0 => {}
        1 => consider(Expr::Num(q.c[0].div(&q.c[1])?.abs()))?,
        2 => {
            let (c, b, a) = (q.c[0].clone(), q.c[1].clone(), q.c[2].clone());
            let disc = b.mul(&b).sub(&Q::int(4).mul(&a).mul(&c));
            if disc.is_negative() {
                // complex pair: |r|² = c/a
                consider(Expr::sqrt(Expr::Num(c.div(&a)?.abs()))?)?;
            } else {
                let s = Expr::sqrt(Expr::Num(disc))?;
                for sign in [1, -1] {
                    let num = expr::add(vec![Expr::Num(b.neg()), expr::mul(vec![Expr::int(sign), s.clone()])?])?;
                    let root = expr::div(num, Expr::Num(Q::int(2).mul(&a)))?;
                    let m = if sign_const(&root)? == Ordering::Less { expr::neg(root)? } else { root };
                    consider(m)?;
                }
            }
        }
        _ => {
            return Err(MathError::Unsupported(
                "the denominator has an irreducible factor of degree 3 or more; sigma finds its nearest root only for degree ≤ 2".into(),
            ))
        }
    }
    Ok(best.unwrap_or_else(Expr::infinity))
}

/// W₀(c·x^k): the only finite singularity of W₀ is its branch point −1/e (DLMF 4.13), so the
/// series converges for |c|·|x|^k < 1/e.
fn lambert_radius(f: &Expr, x: &str, d: &mut Derivation) -> MResult<Option<Expr>> {
    let Expr::Func(Func::LambertW, args) = f else {
        return Ok(None);
    };
    let Some((num, den)) = rational_function(&args[0], x) else {
        return Ok(None);
    };
    let terms: Vec<(usize, &Q)> = num
        .c
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_zero())
        .collect();
    let ([(k, c)], 0) = (terms.as_slice(), den.degree()) else {
        return Ok(None);
    };
    if *k == 0 {
        return Ok(None);
    }
    let c = c.div(&den.c[0])?.abs();
    let base = expr::div(Expr::one(), expr::mul(vec![Expr::Num(c), Expr::e()])?)?;
    let r = expr::pow(base, Expr::Num(Q::frac(1, *k as i64)))?;
    d.push(
        rich![
            "W₀ is analytic except at its branch point −1/e: the series of ",
            f,
            " converges while |",
            &args[0],
            "| < 1/e, that is |",
            Expr::sym(x),
            "| < ",
            &r
        ],
        "the radius is the distance to the nearest singularity",
    );
    Ok(Some(r))
}

fn is_entire(f: &Expr, x: &str) -> bool {
    match f {
        Expr::Num(_) | Expr::Const(_) | Expr::Sym(_) => true,
        Expr::Add(ts) | Expr::Mul(ts) => ts.iter().all(|t| is_entire(t, x)),
        Expr::Pow(b, e) => {
            if matches!(**b, Expr::Const(crate::math::expr::Constant::E)) {
                return is_entire(e, x);
            }
            !e.depends_on(x)
                && e.as_num()
                    .is_some_and(|q| q.is_integer() && !q.is_negative())
                && is_entire(b, x)
        }
        // J_n and I_n at integer orders n ≥ 0 are entire (DLMF 10.2.2, 10.25.2).
        Expr::Func(Func::BesselJ | Func::BesselI, args) => {
            args[0]
                .as_num()
                .is_some_and(|q| q.is_integer() && !q.is_negative())
                && is_entire(&args[1], x)
                || !f.depends_on(x)
        }
        Expr::Func(g, args) => {
            matches!(
                g,
                Func::Sin | Func::Cos | Func::Sinh | Func::Cosh | Func::Erf | Func::Erfc
            ) && args.iter().all(|a| is_entire(a, x))
                || !f.depends_on(x)
        }
    }
}
