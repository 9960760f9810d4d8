//! The terms of a truncated power series, shared by the text and LaTeX renderers: each
//! non-zero coefficient times a power of `x` (or of `(x − a)`), and the order term.

use crate::eval::value::SeriesValue;
use crate::math::expr::{self, Expr};

/// The name of the placeholder symbol that prints as the expansion monomial.
fn monomial_name(s: &SeriesValue) -> String {
    if s.center.is_zero() {
        return s.var.clone();
    }
    // (x - a), written variable first: (x + 2) for a = -2.
    match s.center.as_num() {
        Some(q) if q.is_negative() => format!("({} + {})", s.var, q.abs()),
        _ => {
            let a = super::text::expr(&s.center);
            let a = if matches!(s.center, Expr::Add(_)) {
                format!("({a})")
            } else {
                a
            };
            format!("({} - {a})", s.var)
        }
    }
}

/// `(negative, |term|)` for each non-zero term in ascending order, and the order term's
/// monomial `(x − a)^n`.
pub fn terms(s: &SeriesValue) -> (Vec<(bool, Expr)>, Expr) {
    let m = Expr::sym(&monomial_name(s));
    let mut out = Vec::new();
    for (k, c) in s.coeffs.iter().enumerate() {
        if c.is_zero() {
            continue;
        }
        let power = expr::pow(m.clone(), Expr::int(k as i64)).unwrap_or_else(|_| m.clone());
        let (q, _) = c.split_coeff();
        let negative = q.is_negative();
        let mag = if negative {
            expr::neg(c.clone()).unwrap_or_else(|_| c.clone())
        } else {
            c.clone()
        };
        let term = expr::mul(vec![mag.clone(), power.clone()]).unwrap_or(mag);
        out.push((negative, term));
    }
    let order = expr::pow(m.clone(), Expr::int(s.coeffs.len() as i64)).unwrap_or(m);
    (out, order)
}

/// Joins signed terms with ` + ` / ` - ` and appends the order term.
pub fn join(terms: &[(bool, String)], order: &str) -> String {
    let mut s = String::new();
    for (i, (neg, t)) in terms.iter().enumerate() {
        match (i, neg) {
            (0, false) => s.push_str(t),
            (0, true) => {
                s.push('-');
                s.push_str(t);
            }
            (_, false) => {
                s.push_str(" + ");
                s.push_str(t);
            }
            (_, true) => {
                s.push_str(" - ");
                s.push_str(t);
            }
        }
    }
    if !s.is_empty() {
        s.push_str(" + ");
    }
    s.push_str(order);
    s
}
