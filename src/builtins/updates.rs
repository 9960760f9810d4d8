//! Rank-one updates of an inverse (SEEDS B4(e)): `sherman_morrison(Minv, u, v)` gives
//! (M + u·vᵀ)⁻¹ from M⁻¹ in O(n²) by M⁻¹ − (M⁻¹u)(vᵀM⁻¹)/(1 + vᵀM⁻¹u), exactly, with symbolic
//! entries allowed; a zero denominator (the update is singular) is an error. And the truncated
//! Neumann series `neumann(A, k)` = I + A + … + A^k (SEEDS A9).

use super::args::{req, Args, Kind};
use super::matrix::bits;
use super::{Builtin, Impl};
use crate::eval::ops::{dot, matmul};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::{Notation, Op};
use crate::math::expr::{self, Expr};
use crate::rich;

pub const SHERMAN_MORRISON: Builtin = Builtin {
    name: "sherman_morrison",
    signature: "sherman_morrison(Minv, u, v)",
    summary: "(M + u·vᵀ)⁻¹ from M⁻¹ by the Sherman–Morrison formula, exactly, in O(n²); an error when 1 + vᵀM⁻¹u = 0",
    example: "sherman_morrison([[1, 0], [0, 1]], [1, 0], [0, 1]) → [[1, -1], [0, 1]]",
    forms: &[&[req(Kind::Value), req(Kind::Value), req(Kind::Value)]],
    imp: Impl::Command(sm_cmd),
};

fn vec_arg(args: &Args, i: usize, n: usize) -> EResult<Vec<Expr>> {
    match args.value(i) {
        Value::Vector(v) if v.len() == n => Ok(v.clone()),
        _ => Err(EvalError::new(
            format!("expected a vector of {n} entries, matching M⁻¹"),
            args.span_of(i),
        )),
    }
}

fn sm_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let minv = match args.value(0) {
        Value::Matrix(rows) if rows.iter().all(|r| r.len() == rows.len()) => rows.clone(),
        _ => {
            return Err(EvalError::new(
                "the first argument must be the square matrix M⁻¹",
                args.span_of(0),
            ))
        }
    };
    let n = minv.len();
    let (u, v) = (vec_arg(args, 1, n)?, vec_arg(args, 2, n)?);
    let math = |e| EvalError::math(e, span);
    // a = M⁻¹u (a column), b = vᵀM⁻¹ (a row), d = 1 + vᵀM⁻¹u.
    let a: Vec<Expr> = minv
        .iter()
        .map(|r| dot(r, &u, span))
        .collect::<EResult<_>>()?;
    let b = matmul(std::slice::from_ref(&v), &minv, span)?.remove(0);
    let d = expr::add(vec![Expr::one(), dot(&v, &a, span)?]).map_err(math)?;
    if d.is_zero() {
        return Err(EvalError::new(
            "1 + vᵀM⁻¹u = 0: M + u·vᵀ is singular",
            args.span_of(2),
        ));
    }
    if d.as_num().is_none() {
        ev.steps.push_condition(
            rich![&d, Op::Ne, Expr::zero()],
            "the update is invertible only where 1 + vᵀM⁻¹u ≠ 0",
        );
    }
    let mut out = Vec::with_capacity(n);
    for (i, row) in minv.iter().enumerate() {
        let mut r = Vec::with_capacity(n);
        for (j, m) in row.iter().enumerate() {
            let ab = expr::mul(vec![a[i].clone(), b[j].clone()]).map_err(math)?;
            let correction = expr::div(ab, d.clone()).map_err(math)?;
            r.push(expr::sub(m.clone(), correction).map_err(math)?);
        }
        out.push(r);
    }
    ev.steps.push(
        rich![
            Notation::new("1 + vᵀM⁻¹u", "1 + v^{T} M^{-1} u"),
            Op::Eq,
            &d
        ],
        "non-zero, so M + u·vᵀ is invertible",
    );
    ev.steps.push(
        rich![
            Notation::new("(M + u·vᵀ)⁻¹", "(M + u v^{T})^{-1}"),
            Op::Eq,
            Notation::new(
                "M⁻¹ − (M⁻¹u)(vᵀM⁻¹)/(1 + vᵀM⁻¹u)",
                "M^{-1} - \\frac{(M^{-1}u)(v^{T}M^{-1})}{1 + v^{T}M^{-1}u}"
            )
        ],
        "Sherman–Morrison: two matrix–vector products and an outer product, O(n²)",
    );
    Ok(Value::Matrix(out))
}

pub const NEUMANN: Builtin = Builtin {
    name: "neumann",
    signature: "neumann(A, k)",
    summary:
        "the truncated Neumann series I + A + … + A^k, exactly; with ρ(A) < 1 it tends to (I − A)⁻¹",
    example: "neumann([[0, 1/2], [0, 0]], 3) → [[1, 1/2], [0, 1]]",
    forms: &[&[
        req(Kind::Value),
        req(Kind::Order {
            what: "the number of terms",
            max: 100_000,
        }),
    ]],
    imp: Impl::Command(neumann_cmd),
};

/// Most bits the successive powers' entries may hold in total (a bound on the work).
const MAX_BITS: u64 = 1 << 27;

fn neumann_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let a = match args.value(0) {
        Value::Matrix(rows) if rows.iter().all(|r| r.len() == rows.len()) => rows.clone(),
        _ => {
            return Err(EvalError::new(
                "neumann needs a square matrix",
                args.span_of(0),
            ))
        }
    };
    let n = a.len();
    let k = args.order(1);
    let identity: Vec<Vec<Expr>> = (0..n)
        .map(|i| (0..n).map(|j| Expr::int((i == j) as i64)).collect())
        .collect();
    let mut sum = identity.clone();
    let mut power = identity;
    // The work of each step grows with the size of the power: the budget is on their total.
    let mut work = 0u64;
    for step in 1..=k {
        ev.check_interrupt(span)?;
        work += power.iter().flatten().map(bits).sum::<u64>();
        if work > MAX_BITS {
            return Err(EvalError::new(
                format!("the powers of A grow too large to add exactly (at A^{step})"),
                args.span_of(1),
            )
            .with_help("ask for fewer terms"));
        }
        power = matmul(&power, &a, span)?;
        for (srow, prow) in sum.iter_mut().zip(&power) {
            for (s, p) in srow.iter_mut().zip(prow) {
                *s = expr::add(vec![s.clone(), p.clone()]).map_err(|e| EvalError::math(e, span))?;
            }
        }
    }
    ev.steps.push(
        rich![
            Notation::new(format!("S_{k}"), format!("S_{{{k}}}")),
            Op::Eq,
            Notation::new(
                format!("I + A + … + A^{k}"),
                format!("I + A + \\cdots + A^{{{k}}}")
            )
        ],
        "each power is the previous one times A, exactly; (I − A)·S_k = I − A^(k+1)",
    );
    Ok(Value::Matrix(sum))
}
