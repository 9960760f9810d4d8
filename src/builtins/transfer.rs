//! The SSM kernel's generating function and recurrence: `transfer(A, B, C, D, z)`, the transfer
//! function H(z) = D + z·C·(I − z·A)⁻¹·B = Σ_ℓ K_ℓ z^ℓ as an exact rational function of z, and
//! `kernel_recurrence(A, B, C[, D])`, the linear recurrence K_ℓ = r_1·K_(ℓ−1) + … + r_n·K_(ℓ−n)
//! (ℓ ≥ n + 1) that Cayley–Hamilton gives. Both come from det(x·I − A) = x^n + Σ c_i x^i:
//! det(I − z·A) = Σ c_(n−i) z^i is H's denominator, and H·det(I − z·A) is a polynomial of
//! degree at most n, read off the first n + 1 kernel terms.

use super::args::{opt, req, Args, Kind};
use super::kernel::{model, rational, Model};
use super::{Builtin, Impl};
use crate::eval::ops::dot;
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::{Notation, Op};
use crate::math::expr::{self, subst::expand, Expr, MResult};
use crate::math::number::Q;
use crate::math::poly::Poly;
use crate::rich;
use rug::Integer;

/// Largest symbolic A whose characteristic polynomial is expanded (Faddeev–LeVerrier over
/// expressions grows fast).
const MAX_SYMBOLIC: usize = 6;
/// Largest rational A.
const MAX_RATIONAL: usize = 200;

pub const TRANSFER: Builtin = Builtin {
    name: "transfer",
    signature: "transfer(A, B, C, D, z)",
    summary: "the transfer function H(z) = D + z·C·(I − z·A)⁻¹·B of an SSM, the generating function Σ K_ℓ z^ℓ of its kernel, as an exact rational function",
    example: "transfer([[0.7, 0.1], [0.2, 0.6]], [1, 0], [1, 0], 0, z) → -2*(3*z^2 - 5*z)/(10 - 13*z + 4*z^2)",
    forms: &[&[
        req(Kind::Value),
        req(Kind::Value),
        req(Kind::Value),
        req(Kind::Value),
        req(Kind::Var {
            what: "the transfer function's variable",
            over: &[],
        }),
    ]],
    imp: Impl::Command(transfer_cmd),
};

pub const KERNEL_RECURRENCE: Builtin = Builtin {
    name: "kernel_recurrence",
    signature: "kernel_recurrence(A, B, C[, D])",
    summary: "the coefficients [r_1, …, r_n] of the recurrence K_ℓ = r_1·K_(ℓ−1) + … + r_n·K_(ℓ−n) (ℓ ≥ n + 1) of the SSM kernel, by Cayley–Hamilton",
    example: "kernel_recurrence([[0.7, 0.1], [0.2, 0.6]], [1, 0], [1, 0]) → [13/10, -2/5]",
    forms: &[&[
        req(Kind::Value),
        req(Kind::Value),
        req(Kind::Value),
        opt(Kind::Value),
    ]],
    imp: Impl::Command(recurrence_cmd),
};

fn mat_mul(x: &[Vec<Expr>], y: &[Vec<Expr>]) -> MResult<Vec<Vec<Expr>>> {
    let n = y.first().map_or(0, Vec::len);
    x.iter()
        .map(|row| {
            (0..n)
                .map(|j| {
                    let terms = row
                        .iter()
                        .zip(y)
                        .map(|(a, r)| expr::mul(vec![a.clone(), r[j].clone()]))
                        .collect::<MResult<Vec<_>>>()?;
                    expand(&expr::add(terms)?)
                })
                .collect()
        })
        .collect()
}

/// c_0 … c_n of det(x·I − A) = Σ c_i x^i (c_n = 1), by Faddeev–LeVerrier over expressions:
/// M_k = A·M_(k−1) + c_(n−k+1)·I, c_(n−k) = −tr(A·M_k)/k.
fn charpoly_exprs(a: &[Vec<Expr>]) -> MResult<Vec<Expr>> {
    let n = a.len();
    let mut c = vec![Expr::zero(); n + 1];
    c[n] = Expr::one();
    let mut mk = vec![vec![Expr::zero(); n]; n];
    for k in 1..=n {
        let mut next = mat_mul(a, &mk)?;
        for (i, row) in next.iter_mut().enumerate() {
            row[i] = expand(&expr::add(vec![row[i].clone(), c[n - k + 1].clone()])?)?;
        }
        mk = next;
        let am = mat_mul(a, &mk)?;
        let tr = expr::add((0..n).map(|i| am[i][i].clone()).collect())?;
        c[n - k] = expand(&expr::div(expr::neg(tr)?, Expr::int(k as i64))?)?;
    }
    Ok(c)
}

/// The characteristic polynomial's coefficients c_0 … c_n, exactly.
fn charpoly(ev: &mut Evaluator, args: &Args, m: &Model) -> EResult<Vec<Expr>> {
    let span = args.span();
    let n = m.a.len();
    if let Some((a, _, _)) = rational(m) {
        if n > MAX_RATIONAL {
            return Err(EvalError::new(
                format!("A is {n} × {n}; at most {MAX_RATIONAL} × {MAX_RATIONAL} here"),
                args.span_of(0),
            ));
        }
        let c = a.charpoly().map_err(|e| EvalError::math(e, span))?;
        return Ok(c.into_iter().map(Expr::Num).collect());
    }
    if n > MAX_SYMBOLIC {
        return Err(EvalError::new(
            format!("A is {n} × {n} with symbolic entries; at most {MAX_SYMBOLIC} × {MAX_SYMBOLIC} here"),
            args.span_of(0),
        ));
    }
    ev.check_interrupt(span)?;
    charpoly_exprs(&m.a).map_err(|e| EvalError::math(e, span))
}

/// K_0 = D, K_1 … K_count by Expr dot products.
fn first_terms(args: &Args, m: &Model, count: usize) -> EResult<Vec<Expr>> {
    let span = args.span();
    let mut out = vec![m.d.clone()];
    let mut w = m.b.clone();
    for _ in 1..=count {
        out.push(expand(&dot(&m.c, &w, span)?).map_err(|e| EvalError::math(e, span))?);
        w =
            m.a.iter()
                .map(|row| dot(row, &w, span))
                .collect::<EResult<Vec<_>>>()?;
    }
    Ok(out)
}

/// Σ coef_i·z^i.
fn poly_expr(coefs: &[Expr], z: &str) -> MResult<Expr> {
    let terms = coefs
        .iter()
        .enumerate()
        .map(|(i, c)| {
            expr::mul(vec![
                c.clone(),
                expr::pow(Expr::sym(z), Expr::int(i as i64))?,
            ])
        })
        .collect::<MResult<Vec<_>>>()?;
    expand(&expr::add(terms)?)
}

fn transfer_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let math = |e| EvalError::math(e, span);
    let m = model(args)?;
    let z = args.var(4).to_string();
    let n = m.a.len();
    let c = charpoly(ev, args, &m)?;
    // q_i = c_(n−i): det(I − z·A) = z^n·det((1/z)·I − A).
    let q: Vec<Expr> = (0..=n).map(|i| c[n - i].clone()).collect();
    let k = first_terms(args, &m, n)?;
    // H·det(I − zA) has degree ≤ n: its coefficients are those of (Σ_(ℓ≤n) K_ℓ z^ℓ)·det(I − zA).
    let mut p = Vec::with_capacity(n + 1);
    for j in 0..=n {
        let terms = (0..=j)
            .map(|i| expr::mul(vec![k[j - i].clone(), q[i].clone()]))
            .collect::<MResult<Vec<_>>>()
            .map_err(math)?;
        p.push(expand(&expr::add(terms).map_err(math)?).map_err(math)?);
    }
    let as_q = |v: &[Expr]| {
        v.iter()
            .map(|e| e.as_num().cloned())
            .collect::<Option<Vec<Q>>>()
    };
    let h = match (as_q(&p), as_q(&q)) {
        (Some(pq), Some(qq)) => {
            let (num, den) = lowest_terms(Poly::new(pq), Poly::new(qq));
            expr::div(
                num.to_expr(&z).map_err(math)?,
                den.to_expr(&z).map_err(math)?,
            )
            .map_err(math)?
        }
        _ => expr::div(
            poly_expr(&p, &z).map_err(math)?,
            poly_expr(&q, &z).map_err(math)?,
        )
        .map_err(math)?,
    };
    ev.steps.push(
        rich![
            Notation::new(format!("H({z}) = D + {z}·C·(I − {z}·A)⁻¹·B"), format!("H({z}) = D + {z} C (I - {z} A)^{{-1}} B")),
            Op::Eq,
            Notation::new(format!("Σ_ℓ K_ℓ·{z}^ℓ"), format!("\\sum_\\ell K_\\ell {z}^\\ell"))
        ],
        format!("the generating function of the kernel: (I − {z}·A)⁻¹ = Σ_k {z}^k·A^k near {z} = 0, so {z}·C·(I − {z}·A)⁻¹·B = Σ_(ℓ≥1) C·A^(ℓ−1)·B·{z}^ℓ"),
    );
    ev.steps.push(
        rich![
            Notation::new(format!("det(I − {z}·A)"), format!("\\det(I - {z} A)")),
            Op::Eq,
            &poly_expr(&q, &z).map_err(math)?
        ],
        format!("the denominator: z^n·χ_A(1/z); the numerator is (Σ_(ℓ≤n) K_ℓ {z}^ℓ)·det(I − {z}·A) cut after {z}^n, since H·det(I − {z}·A) = D·det(I − {z}·A) + {z}·C·adj(I − {z}·A)·B has degree ≤ n"),
    );
    Ok(Value::Expr(h))
}

/// num/den with common factors cancelled, den(0) = 1 scaled to integer coefficients.
fn lowest_terms(num: Poly, den: Poly) -> (Poly, Poly) {
    let g = num.gcd(&den);
    let (mut num, mut den) = if g.degree() > 0 {
        (num.div_rem(&g).0, den.div_rem(&g).0)
    } else {
        (num, den)
    };
    let d0 = den.c.first().cloned().unwrap_or_else(Q::one);
    if !d0.is_zero() {
        let inv = d0.recip().expect("d0 ≠ 0");
        num = num.scale(&inv);
        den = den.scale(&inv);
    }
    let mut l = Integer::from(1);
    for x in num.c.iter().chain(&den.c) {
        l.lcm_mut(x.denom());
    }
    let l = Q::from_integer(l);
    (num.scale(&l), den.scale(&l))
}

fn recurrence_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let m = model(args)?;
    let n = m.a.len();
    let c = charpoly(ev, args, &m)?;
    let span = args.span();
    // K_ℓ = −Σ_(i<n) c_i·K_(ℓ−n+i): r_j = −c_(n−j).
    let r = (1..=n)
        .map(|j| expand(&expr::neg(c[n - j].clone())?))
        .collect::<MResult<Vec<_>>>()
        .map_err(|e| EvalError::math(e, span))?;
    let rhs = (1..=n)
        .map(|j| format!("({})·K_(ℓ−{j})", r[j - 1]))
        .collect::<Vec<_>>()
        .join(" + ");
    let rhs_tex = (1..=n)
        .map(|j| {
            format!(
                "\\left({}\\right) K_{{\\ell-{j}}}",
                expr::print::print(&r[j - 1], expr::print::Style::Latex)
            )
        })
        .collect::<Vec<_>>()
        .join(" + ");
    ev.steps.push(
        rich![
            Notation::new(
                "A^n + c_(n−1)·A^(n−1) + … + c_0·I = 0",
                "A^n + c_{n-1} A^{n-1} + \\dots + c_0 I = 0"
            ),
            " with ",
            Notation::new("det(x·I − A)", "\\det(x I - A)"),
            Op::Eq,
            &poly_expr(&c, "x").map_err(|e| EvalError::math(e, span))?
        ],
        "Cayley–Hamilton: A satisfies its characteristic polynomial",
    );
    ev.steps.push(
        rich![
            Notation::new("K_ℓ", "K_\\ell"),
            Op::Eq,
            Notation::new(rhs, rhs_tex)
        ],
        "multiply by C·A^(ℓ−n−1) on the left and B on the right: K_(ℓ−n+i) = C·A^(ℓ−n+i−1)·B needs ℓ − n + i ≥ 1",
    );
    ev.steps.push_condition(
        rich![Notation::new("ℓ", "\\ell"), Op::Ge, Expr::int(n as i64 + 1)],
        "K_0 = D is not a term C·A^(ℓ−1)·B, so the recurrence starts at K_(n+1)",
    );
    Ok(Value::Vector(r))
}
