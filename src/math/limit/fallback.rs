//! The limit rules used when no expansion decides: oscillating sin/cos of k·n + c (dense for
//! rational k, periodic for k ∈ πQ), products (a bounded factor times a null sequence, limits
//! multiplied) and sums (limits added, one infinite term among bounded ones).

use super::*;

pub(super) fn fallback(
    a: &Expr,
    n: &str,
    d: &mut Derivation,
    depth: usize,
    why: String,
) -> Result<Limit, MathError> {
    if let Some(l) = oscillation(a, n, d)? {
        return Ok(l);
    }
    if let Some(r) = super::dominant::dominant(a, n)? {
        let mut inner = Derivation::new();
        let l = solve(&r, n, &mut inner, depth + 1)?;
        if matches!(
            l,
            Limit::Value(_) | Limit::PlusInfinity | Limit::MinusInfinity
        ) {
            d.push(
                rich![a, Op::Eq, &r, "·(1 + o(1))"],
                "each oscillating term is bounded by its factor without sin and cos (|sin|, |cos| ≤ 1), which is o of the terms beside it",
            );
            d.extend(inner);
            return Ok(l);
        }
    }
    match a {
        Expr::Mul(fs) => product(a, fs, n, d, depth, why),
        Expr::Add(ts) => sum(ts, n, d, depth, why),
        _ => Ok(Limit::Unknown(why)),
    }
}

/// `x = k·n + c` with constants k and c, if it is.
fn affine(x: &Expr, n: &str) -> Result<Option<(Expr, Expr)>, MathError> {
    let nn = Expr::sym(n);
    let next = subst::subs(x, n, &expr::add(vec![nn.clone(), Expr::one()])?)?;
    let k = subst::expand(&expr::sub(next, x.clone())?)?;
    if k.depends_on(n) {
        return Ok(None);
    }
    let c = subst::expand(&expr::sub(x.clone(), expr::mul(vec![k.clone(), nn])?)?)?;
    Ok((!c.depends_on(n)).then_some((k, c)))
}

/// `sin`/`cos` of `k·n + c`: dense oscillation for rational k ≠ 0, periodic for k ∈ πQ.
fn oscillation(a: &Expr, n: &str, d: &mut Derivation) -> Result<Option<Limit>, MathError> {
    let Expr::Func(f @ (Func::Sin | Func::Cos), args) = a else {
        return Ok(None);
    };
    let [x] = args.as_slice() else {
        return Ok(None);
    };
    let Some((k, c)) = affine(x, n)? else {
        return Ok(None);
    };
    if let Some(q) = k.as_num().filter(|q| !q.is_zero()) {
        let why = format!(
            "{a} has no limit: {q}/(2π) is irrational (π is), so the angles {x} modulo 2π are dense in [0, 2π) and {a} comes arbitrarily close to every value in [-1, 1] infinitely often"
        );
        d.push(rich![a, " oscillates without converging"], why.clone());
        return Ok(Some(Limit::DoesNotExist(NoLimit {
            reason: Rich::text(why),
            points: Vec::new(),
            bounds: Some((Expr::int(-1), Expr::one())),
        })));
    }
    // k = r·π: the sequence is periodic with period dividing 2·denominator(r).
    let r = match &k {
        Expr::Const(Constant::Pi) => crate::math::Q::one(),
        Expr::Mul(fs) => match fs.as_slice() {
            [Expr::Num(r), Expr::Const(Constant::Pi)] => r.clone(),
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    let Some(period) = r.denom().to_i64().map(|p| 2 * p).filter(|&p| p <= 48) else {
        return Ok(None);
    };
    let mut values = Vec::new();
    for j in 0..period {
        let arg = expr::add(vec![expr::mul(vec![k.clone(), Expr::int(j)])?, c.clone()])?;
        values.push(expr::func(*f, vec![arg])?);
    }
    if values.iter().all(|v| *v == values[0]) {
        d.push(
            rich![a, Op::Eq, &values[0], " for every ", Expr::sym(n)],
            format!("the sequence is periodic with period {period} and takes one value"),
        );
        return Ok(Some(Limit::Value(values[0].clone())));
    }
    for (i, v) in values.iter().enumerate().skip(1) {
        if let Ok(s) = sign_of(&expr::sub(v.clone(), values[0].clone())?) {
            if s != Ordering::Equal {
                let why = format!(
                    "{a} is periodic in {n} (period {period}) and takes the distinct values {} (n ≡ 0) and {v} (n ≡ {i}) infinitely often",
                    values[0]
                );
                d.push(rich![a, " oscillates without converging"], why.clone());
                return Ok(Some(Limit::DoesNotExist(NoLimit::new(why))));
            }
        }
    }
    Ok(None)
}

/// Whether `f` has an asymptotic expansion (so it is real and eventually defined).
fn expands(f: &Expr, n: &str) -> bool {
    expand_decide(f, n, |_| Ok(())).is_ok()
}

/// Whether `f` is a bounded sequence (for large n): a bounded function of a real argument,
/// a positive integer power or product of bounded sequences, or an expansion of size O(1).
fn bounded(f: &Expr, n: &str) -> bool {
    match f {
        Expr::Func(
            Func::Sin | Func::Cos | Func::Tanh | Func::Atan | Func::Erf | Func::Sigmoid | Func::Phi,
            args,
        ) => args.len() == 1 && expands(&args[0], n),
        Expr::Pow(b, k) if matches!(&**k, Expr::Num(q) if q.is_integer() && q.is_positive()) => {
            bounded(b, n)
        }
        Expr::Mul(fs) if fs.iter().all(|g| bounded(g, n)) => true,
        _ => expand_decide(f, n, |e| match e.top() {
            None => Ok(()),
            Some(t) if t.cmp(&Mono::one())? != Ordering::Greater => Ok(()),
            Some(_) => Err(Fail::Out("unbounded".into())),
        })
        .is_ok(),
    }
}

/// Products with a bounded factor: bounded × (→ 0) → 0; oscillating × (→ L ≠ 0) has no
/// limit; convergent × convergent → product of the limits.
fn product(
    a: &Expr,
    fs: &[Expr],
    n: &str,
    d: &mut Derivation,
    depth: usize,
    why: String,
) -> Result<Limit, MathError> {
    let (rest, bnd): (Vec<Expr>, Vec<Expr>) = fs.iter().cloned().partition(|f| expands(f, n));
    if bnd.is_empty() || rest.is_empty() || !bnd.iter().all(|f| bounded(f, n)) {
        return Ok(Limit::Unknown(why));
    }
    let (be, re) = (expr::mul(bnd)?, expr::mul(rest)?);
    let mut sub = Derivation::new();
    let lr = solve(&re, n, &mut sub, depth + 1)?;
    let Limit::Value(v) = lr else {
        return Ok(Limit::Unknown(why));
    };
    if v.is_zero() {
        d.extend(sub);
        d.push(
            rich![a, Op::To, Expr::zero()],
            rich![
                &be,
                " is bounded and ",
                &re,
                Op::To,
                Expr::zero(),
                ": a bounded sequence times a null sequence tends to 0"
            ],
        );
        return Ok(Limit::Value(Expr::zero()));
    }
    if !matches!(sign_of(&v), Ok(Ordering::Less | Ordering::Greater)) {
        return Ok(Limit::Unknown(why));
    }
    let mut subb = Derivation::new();
    match solve(&be, n, &mut subb, depth + 1)? {
        Limit::Value(w) => {
            d.extend(sub);
            d.extend(subb);
            let l = expr::mul(vec![v.clone(), w.clone()])?;
            d.push(
                rich![a, Op::To, &l],
                rich!["the product of the limits ", &w, " and ", &v],
            );
            Ok(Limit::Value(l))
        }
        Limit::DoesNotExist(r) => {
            d.extend(sub);
            d.extend(subb);
            let r = r.reason.clone().and(rich![
                "; multiplying by ",
                &re,
                ", which tends to ",
                &v,
                Op::Ne,
                Expr::zero(),
                ", cannot create a limit"
            ]);
            d.push(rich![a, " has no limit"], r.clone());
            Ok(Limit::DoesNotExist(NoLimit::new(r)))
        }
        _ => Ok(Limit::Unknown(why)),
    }
}

/// Sums term by term: finite limits add; ±∞ absorbs finite and bounded terms; one term
/// without a limit plus convergent terms has no limit.
fn sum(
    ts: &[Expr],
    n: &str,
    d: &mut Derivation,
    depth: usize,
    why: String,
) -> Result<Limit, MathError> {
    let mut sub = Derivation::new();
    let (mut finite, mut dne) = (Vec::new(), Vec::new());
    let (mut plus, mut minus) = (false, false);
    for t in ts {
        match solve(t, n, &mut sub, depth + 1)? {
            Limit::Value(v) => finite.push(v),
            Limit::PlusInfinity => plus = true,
            Limit::MinusInfinity => minus = true,
            Limit::DoesNotExist(r) => dne.push((t.clone(), r)),
            Limit::Unknown(_) => return Ok(Limit::Unknown(why)),
        }
    }
    let l = if plus && minus {
        return Ok(Limit::Unknown(format!("{why} (the terms give oo - oo)")));
    } else if plus || minus {
        if !dne.iter().all(|(t, _)| bounded(t, n)) {
            return Ok(Limit::Unknown(why));
        }
        let l = if plus {
            Limit::PlusInfinity
        } else {
            Limit::MinusInfinity
        };
        d.extend(sub);
        d.push(
            rich!["the sum tends to ", limit_part(&l)],
            "one term tends to infinity and every other term is bounded",
        );
        l
    } else if dne.is_empty() {
        let v = expr::add(finite)?;
        d.extend(sub);
        d.push(
            rich!["the sum tends to ", &v],
            "the limit of a sum of convergent terms is the sum of their limits",
        );
        Limit::Value(v)
    } else if dne.len() == 1 {
        let (t, r) = &dne[0];
        d.extend(sub);
        let r = r.reason.clone().and(rich![
            "; adding convergent terms to ",
            t,
            " cannot create a limit"
        ]);
        d.push("the sum has no limit", r.clone());
        Limit::DoesNotExist(NoLimit::new(r))
    } else {
        return Ok(Limit::Unknown(why));
    };
    Ok(l)
}
