//! The plain-text form of expressions, in the syntax sigma reads back (`2*sqrt(2)`,
//! `-2*x*exp(-x^2)`, `x^2/2`), so printed exact results round-trip. It is the `Display` of
//! `Expr`; renderers build on it.

use super::{Constant, Expr, Func};
use crate::math::Q;

/// Binding strength of a printed form: higher binds tighter.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Prec {
    Sum = 1,
    Neg = 2,
    Product = 3,
    Power = 4,
    Atom = 5,
}

/// The text form of an expression (what `Display` prints).
pub fn expr(e: &Expr) -> String {
    fmt(e).0
}

/// The text form of a term that follows a minus sign: parenthesised unless it binds at
/// least as tightly as a product.
pub fn in_product(e: &Expr) -> String {
    paren(fmt(e), Prec::Product)
}

impl std::fmt::Display for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&expr(self))
    }
}

fn paren(s: (String, Prec), min: Prec) -> String {
    if s.1 < min {
        format!("({})", s.0)
    } else {
        s.0
    }
}

fn num(q: &Q) -> (String, Prec) {
    let p = if q.is_negative() {
        Prec::Neg
    } else if q.is_integer() {
        Prec::Atom
    } else {
        Prec::Product
    };
    (q.to_string(), p)
}

/// True when `e` is a negative term (printed with a leading minus).
pub fn is_negative(e: &Expr) -> bool {
    match e {
        Expr::Num(q) => q.is_negative(),
        Expr::Mul(fs) => matches!(fs.first(), Some(Expr::Num(q)) if q.is_negative()),
        _ => false,
    }
}

/// A two-term sum that would start with a minus sign is printed positive term first
/// (`x - 1` rather than `-1 + x`); longer sums keep their ascending order.
pub fn lead_positive(ts: &[Expr]) -> Vec<Expr> {
    let mut v = ts.to_vec();
    if v.len() == 2 && v.first().is_some_and(is_negative) {
        if let Some(i) = v.iter().position(|t| !is_negative(t)) {
            let t = v.remove(i);
            v.insert(0, t);
        }
    }
    v
}

/// `-e` for a term printed with a leading minus (coefficient negated).
pub fn negate_term(e: &Expr) -> Expr {
    match e {
        Expr::Num(q) => Expr::Num(q.neg()),
        Expr::Mul(fs) => {
            let mut fs = fs.clone();
            if let Some(Expr::Num(q)) = fs.first() {
                let n = q.neg();
                if n.is_one() {
                    fs.remove(0);
                } else {
                    fs[0] = Expr::Num(n);
                }
            }
            if fs.len() == 1 {
                fs.pop().unwrap_or_else(Expr::one)
            } else {
                Expr::Mul(fs)
            }
        }
        other => other.clone(),
    }
}

/// A factor's exponent when it belongs in a denominator, with the flipped exponent.
fn denominator_part(f: &Expr) -> Option<Expr> {
    if let Expr::Pow(b, x) = f {
        if matches!(**b, Expr::Const(Constant::E)) {
            return None;
        }
        if let Expr::Num(q) = &**x {
            if q.is_negative() {
                let flipped = q.neg();
                return Some(if flipped.is_one() {
                    (**b).clone()
                } else {
                    Expr::Pow(b.clone(), Box::new(Expr::Num(flipped)))
                });
            }
        }
    }
    None
}

fn product(items: &[String]) -> String {
    items.join("*")
}

fn fmt(e: &Expr) -> (String, Prec) {
    match e {
        Expr::Num(q) => num(q),
        Expr::Const(Constant::Pi) => ("pi".into(), Prec::Atom),
        Expr::Const(Constant::E) => ("e".into(), Prec::Atom),
        Expr::Const(Constant::Infinity) => ("oo".into(), Prec::Atom),
        Expr::Sym(s) => (s.to_string(), Prec::Atom),
        Expr::Func(f, args) => func(*f, args),
        Expr::Pow(b, x) => power(b, x),
        Expr::Add(ts) => {
            let ts = &lead_positive(ts);
            let mut s = String::new();
            for (i, t) in ts.iter().enumerate() {
                if i == 0 {
                    s.push_str(&paren(fmt(t), Prec::Neg));
                } else if is_negative(t) {
                    s.push_str(" - ");
                    s.push_str(&paren(fmt(&negate_term(t)), Prec::Product));
                } else {
                    s.push_str(" + ");
                    s.push_str(&paren(fmt(t), Prec::Neg));
                }
            }
            (s, Prec::Sum)
        }
        Expr::Mul(fs) => mul(fs),
    }
}

fn mul(fs: &[Expr]) -> (String, Prec) {
    let (coeff, rest) = match fs.first() {
        Some(Expr::Num(q)) => (q.clone(), &fs[1..]),
        _ => (Q::one(), fs),
    };
    let negative = coeff.is_negative();
    let c = coeff.abs();
    let mut numer: Vec<String> = Vec::new();
    let mut denom: Vec<String> = Vec::new();
    if *c.numer() != 1 {
        numer.push(c.numer().to_string());
    }
    if *c.denom() != 1 {
        denom.push(c.denom().to_string());
    }
    for f in rest {
        match denominator_part(f) {
            Some(d) => denom.push(paren(fmt(&d), Prec::Power)),
            None => numer.push(paren(fmt(f), Prec::Power)),
        }
    }
    let num_s = if numer.is_empty() {
        "1".to_string()
    } else {
        product(&numer)
    };
    let mut s = if denom.is_empty() {
        num_s
    } else if denom.len() == 1 {
        format!("{num_s}/{}", denom[0])
    } else {
        format!("{num_s}/({})", product(&denom))
    };
    if negative {
        s.insert(0, '-');
        return (s, Prec::Neg);
    }
    (s, Prec::Product)
}

fn power(b: &Expr, x: &Expr) -> (String, Prec) {
    if matches!(b, Expr::Const(Constant::E)) {
        return (format!("exp({})", expr(x)), Prec::Atom);
    }
    if let Expr::Num(q) = x {
        if *q == Q::frac(1, 2) {
            return (format!("sqrt({})", expr(b)), Prec::Atom);
        }
        if q.is_negative() {
            let flipped = if q.neg().is_one() {
                fmt(b)
            } else {
                power(b, &Expr::Num(q.neg()))
            };
            return (format!("1/{}", paren(flipped, Prec::Power)), Prec::Product);
        }
    }
    let base = paren(fmt(b), Prec::Atom);
    let exp = paren(fmt(x), Prec::Atom);
    (format!("{base}^{exp}"), Prec::Power)
}

fn func(f: Func, args: &[Expr]) -> (String, Prec) {
    if f == Func::Factorial {
        let a = fmt(&args[0]);
        if a.1 == Prec::Atom {
            return (format!("{}!", a.0), Prec::Atom);
        }
        return (format!("({})!", a.0), Prec::Atom);
    }
    let inner: Vec<String> = args.iter().map(expr).collect();
    (format!("{}({})", f.name(), inner.join(", ")), Prec::Atom)
}
