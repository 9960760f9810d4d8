//! The canonical order of terms in a sum and factors in a product: numbers first, then
//! surds, constants, symbols (ascending powers), functions and sums. The order is total (ties
//! fall back to the structural order), so sorting makes the canonical form unique.

use super::{Constant, Expr};
use std::cmp::Ordering;

/// Which group a factor's base belongs to in a product.
fn rank(base: &Expr, exp: &Expr) -> u8 {
    match base {
        Expr::Num(_) => 0,
        Expr::Const(Constant::E) if !exp.is_one() => 4,
        Expr::Const(_) => 1,
        Expr::Sym(_) => 2,
        Expr::Func(..) => 4,
        Expr::Pow(..) | Expr::Mul(_) | Expr::Add(_) => 5,
    }
}

fn base_cmp(a: &Expr, b: &Expr) -> Ordering {
    match (a, b) {
        (Expr::Num(x), Expr::Num(y)) => x.cmp(y),
        (Expr::Sym(x), Expr::Sym(y)) => x.cmp(y),
        (Expr::Func(f, xs), Expr::Func(g, ys)) => f.cmp(g).then_with(|| list_cmp(xs, ys)),
        _ => a.cmp(b),
    }
}

fn list_cmp(xs: &[Expr], ys: &[Expr]) -> Ordering {
    for (x, y) in xs.iter().zip(ys) {
        let c = term_cmp(x, y);
        if c != Ordering::Equal {
            return c;
        }
    }
    xs.len().cmp(&ys.len())
}

fn exp_cmp(a: &Expr, b: &Expr) -> Ordering {
    match (a, b) {
        (Expr::Num(x), Expr::Num(y)) => x.cmp(y),
        (Expr::Num(_), _) => Ordering::Less,
        (_, Expr::Num(_)) => Ordering::Greater,
        _ => term_cmp(a, b),
    }
}

/// Orders two factors of a product.
pub fn factor_cmp(a: &Expr, b: &Expr) -> Ordering {
    let (ba, ea) = a.as_base_exp();
    let (bb, eb) = b.as_base_exp();
    rank(&ba, &ea)
        .cmp(&rank(&bb, &eb))
        .then_with(|| {
            if matches!(ba, Expr::Const(Constant::E)) && matches!(bb, Expr::Const(Constant::E)) {
                exp_cmp(&ea, &eb)
            } else {
                base_cmp(&ba, &bb).then_with(|| exp_cmp(&ea, &eb))
            }
        })
        .then_with(|| a.cmp(b))
}

fn monomial_factors(m: &Expr) -> Vec<&Expr> {
    match m {
        Expr::Mul(fs) => fs.iter().collect(),
        _ => vec![m],
    }
}

/// Orders two terms of a sum: numbers first, then monomials compared factor by factor
/// (so powers of one symbol come out ascending: `1 + x + x^2`).
pub fn term_cmp(a: &Expr, b: &Expr) -> Ordering {
    let (ca, ma) = a.split_coeff();
    let (cb, mb) = b.split_coeff();
    let a_num = ma.is_one();
    let b_num = mb.is_one();
    match (a_num, b_num) {
        (true, false) => return Ordering::Less,
        (false, true) => return Ordering::Greater,
        _ => {}
    }
    let fa = monomial_factors(&ma);
    let fb = monomial_factors(&mb);
    for (x, y) in fa.iter().zip(fb.iter()) {
        let c = factor_cmp(x, y);
        if c != Ordering::Equal {
            return c;
        }
    }
    fa.len()
        .cmp(&fb.len())
        .then_with(|| ca.cmp(&cb))
        .then_with(|| a.cmp(b))
}
