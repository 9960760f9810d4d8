//! The one expression printer: a single precedence walker over `Expr` with two styles, plain
//! text in the syntax sigma reads back (`2*sqrt(2)`, `-2*x*exp(-x^2)`) and LaTeX math
//! (`2 \sqrt{2}`, `\frac{x^{2}}{2}`). Every renderer prints expressions through it; the
//! table of symbols that LaTeX spells as commands lives here too.

use super::{Constant, Expr, Func};
use crate::math::Q;

/// How to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// sigma's own syntax, which parses back to the same expression.
    Text,
    /// LaTeX math mode (no delimiters).
    Latex,
}

/// Binding strength of a printed form: higher binds tighter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Prec {
    Sum = 1,
    Neg = 2,
    Product = 3,
    Power = 4,
    Atom = 5,
}

/// `e` printed in `style`.
pub fn print(e: &Expr, style: Style) -> String {
    fmt(e, style).0
}

/// `e` printed in `style` with its binding strength.
pub fn print_prec(e: &Expr, style: Style) -> (String, Prec) {
    fmt(e, style)
}

/// A printed form in parentheses when it binds looser than `min`.
pub fn paren(s: (String, Prec), min: Prec, style: Style) -> String {
    if s.1 >= min {
        return s.0;
    }
    match style {
        Style::Text => format!("({})", s.0),
        Style::Latex => format!("\\left({}\\right)", s.0),
    }
}

/// The math-mode command for a non-ASCII character, if it has one (Greek letters, relation
/// and arrow symbols, blackboard letters, sub- and superscript digits).
pub fn tex_symbol(c: char) -> Option<&'static str> {
    const TABLE: &[(char, &str)] = &[
        ('α', "\\alpha"),
        ('β', "\\beta"),
        ('γ', "\\gamma"),
        ('δ', "\\delta"),
        ('ε', "\\varepsilon"),
        ('ζ', "\\zeta"),
        ('η', "\\eta"),
        ('θ', "\\theta"),
        ('ι', "\\iota"),
        ('κ', "\\kappa"),
        ('λ', "\\lambda"),
        ('μ', "\\mu"),
        ('ν', "\\nu"),
        ('ξ', "\\xi"),
        ('ο', "o"),
        ('π', "\\pi"),
        ('ρ', "\\rho"),
        ('σ', "\\sigma"),
        ('ς', "\\varsigma"),
        ('τ', "\\tau"),
        ('υ', "\\upsilon"),
        ('φ', "\\varphi"),
        ('χ', "\\chi"),
        ('ψ', "\\psi"),
        ('ω', "\\omega"),
        ('Γ', "\\Gamma"),
        ('Δ', "\\Delta"),
        ('Θ', "\\Theta"),
        ('Λ', "\\Lambda"),
        ('Ξ', "\\Xi"),
        ('Π', "\\Pi"),
        ('Σ', "\\Sigma"),
        ('Υ', "\\Upsilon"),
        ('Φ', "\\Phi"),
        ('Ψ', "\\Psi"),
        ('Ω', "\\Omega"),
        ('≈', "\\approx"),
        ('→', "\\to"),
        ('←', "\\leftarrow"),
        ('⇒', "\\Rightarrow"),
        ('⟺', "\\iff"),
        ('⇔', "\\Leftrightarrow"),
        ('∩', "\\cap"),
        ('∧', "\\wedge"),
        ('∨', "\\vee"),
        ('¬', "\\neg"),
        ('≤', "\\le"),
        ('≥', "\\ge"),
        ('≠', "\\ne"),
        ('∞', "\\infty"),
        ('·', "\\cdot"),
        ('×', "\\times"),
        ('÷', "\\div"),
        ('−', "-"),
        ('±', "\\pm"),
        ('√', "\\surd"),
        ('∫', "\\int"),
        ('∑', "\\sum"),
        ('∏', "\\prod"),
        ('∂', "\\partial"),
        ('∇', "\\nabla"),
        ('∈', "\\in"),
        ('…', "\\ldots"),
        ('′', "\\prime"),
        ('°', "^{\\circ}"),
        ('ℝ', "\\mathbb{R}"),
        ('ℕ', "\\mathbb{N}"),
        ('ℤ', "\\mathbb{Z}"),
        ('ℚ', "\\mathbb{Q}"),
        ('ℂ', "\\mathbb{C}"),
        ('²', "^{2}"),
        ('³', "^{3}"),
        ('¹', "^{1}"),
        ('⁻', "^{-}"),
        ('⁰', "^{0}"),
        ('⁴', "^{4}"),
        ('⁵', "^{5}"),
        ('⁹', "^{9}"),
        ('ᵀ', "^{T}"),
        ('ˣ', "^{x}"),
        ('₋', "_{-}"),
        ('₊', "_{+}"),
        ('ℓ', "\\ell"),
        ('‖', "\\|"),
        ('≡', "\\equiv"),
        ('∪', "\\cup"),
        ('∅', "\\emptyset"),
        ('∝', "\\propto"),
        ('⌈', "\\lceil"),
        ('⌉', "\\rceil"),
        ('⌊', "\\lfloor"),
        ('⌋', "\\rfloor"),
        ('⋅', "\\cdot"),
        ('∗', "\\ast"),
        ('∕', "/"),
        ('∓', "\\mp"),
        ('↦', "\\mapsto"),
        ('ℯ', "e"),
        ('½', "\\tfrac{1}{2}"),
    ];
    if let Some(d) = ('₀'..='₉').contains(&c).then(|| c as u32 - '₀' as u32) {
        const SUBS: [&str; 10] = [
            "_{0}", "_{1}", "_{2}", "_{3}", "_{4}", "_{5}", "_{6}", "_{7}", "_{8}", "_{9}",
        ];
        return SUBS.get(d as usize).copied();
    }
    TABLE.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
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

/// A factor that belongs in a denominator (`b^(-k)`, not with base e), with the exponent
/// made positive.
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

/// Digits beyond which a LaTeX number may break across lines, and a fraction is set as
/// `n/d` rather than stacked (about two thirds of a line of digits).
pub const LONG_DIGITS: usize = 60;

/// Digits of a number in LaTeX math, with a break point (`\allowbreak`) after every fifth
/// digit when there are more than [`LONG_DIGITS`], so a 1000-digit integer wraps instead of
/// running off the page. A leading sign or a decimal point passes through unchanged.
pub fn breakable_digits(s: &str) -> String {
    if s.chars().filter(char::is_ascii_digit).count() <= LONG_DIGITS {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() * 2);
    let mut run = 0;
    for c in s.chars() {
        if c.is_ascii_digit() {
            if run > 0 && run % 5 == 0 {
                out.push_str("\\allowbreak ");
            }
            run += 1;
        }
        out.push(c);
    }
    out
}

fn num(q: &Q, style: Style) -> (String, Prec) {
    match style {
        Style::Text => {
            let p = if q.is_negative() {
                Prec::Neg
            } else if q.is_integer() {
                Prec::Atom
            } else {
                Prec::Product
            };
            (q.to_string(), p)
        }
        Style::Latex => {
            if q.is_integer() {
                let digits = q.numer().to_string();
                let p = if q.is_negative() {
                    Prec::Neg
                } else if digits.len() > LONG_DIGITS {
                    // Breakable, so never a bare base or operand of a tighter operator.
                    Prec::Product
                } else {
                    Prec::Atom
                };
                return (breakable_digits(&digits), p);
            }
            let (n, d) = (q.numer().clone().abs().to_string(), q.denom().to_string());
            // A stacked fraction cannot break across lines: a long one is set as n/d.
            let s = if n.len().max(d.len()) > LONG_DIGITS {
                format!("{}/{}", breakable_digits(&n), breakable_digits(&d))
            } else {
                format!("\\frac{{{n}}}{{{d}}}")
            };
            if q.is_negative() {
                (format!("-{s}"), Prec::Neg)
            } else {
                (s, Prec::Product)
            }
        }
    }
}

/// A symbol's name in LaTeX: Greek letters as commands, trailing digits or `_…` as a
/// subscript, longer names upright.
fn tex_name(name: &str) -> String {
    if name.starts_with('(') {
        // A series' expansion monomial such as (x - 1): already valid math.
        return name.to_string();
    }
    // Trailing digits after a letter are a subscript: x0 is x_{0}, a12 is a_{12}.
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && digits < name.len() && !name.contains('_') {
        let (head, tail) = name.split_at(name.len() - digits);
        return format!("{}_{{{tail}}}", tex_name(head));
    }
    let mut chars = name.chars();
    let mut sub = String::new();
    let mut base = String::new();
    while let Some(c) = chars.next() {
        if c == '_' {
            sub.extend(chars.by_ref());
            break;
        }
        if ('₀'..='₉').contains(&c) {
            sub.push(char::from(b'0' + (c as u32 - '₀' as u32) as u8));
            continue;
        }
        match tex_symbol(c).filter(|t| t.starts_with('\\') && !c.is_ascii()) {
            Some(tex) if c.is_alphabetic() => {
                base.push_str(tex);
                base.push(' ');
            }
            _ => base.push(c),
        }
    }
    let base = base.trim_end().to_string();
    let mut out = if base.chars().count() > 1 && !base.starts_with('\\') {
        format!("\\mathrm{{{base}}}")
    } else {
        base
    };
    if !sub.is_empty() {
        out.push_str(&format!("_{{{sub}}}"));
    }
    out
}

fn fmt(e: &Expr, st: Style) -> (String, Prec) {
    let latex = st == Style::Latex;
    match e {
        Expr::Num(q) => num(q, st),
        Expr::Const(Constant::Pi) => ((if latex { "\\pi" } else { "pi" }).into(), Prec::Atom),
        Expr::Const(Constant::E) => ("e".into(), Prec::Atom),
        Expr::Const(Constant::EulerGamma) => (
            (if latex { "\\gamma" } else { "EulerGamma" }).into(),
            Prec::Atom,
        ),
        Expr::Const(Constant::I) => ((if latex { "\\mathrm{i}" } else { "I" }).into(), Prec::Atom),
        Expr::Const(Constant::Infinity) => {
            ((if latex { "\\infty" } else { "oo" }).into(), Prec::Atom)
        }
        Expr::Sym(s) if latex => (tex_name(s), Prec::Atom),
        Expr::Sym(s) => (s.to_string(), Prec::Atom),
        Expr::Func(f, args) => func(*f, args, st),
        Expr::Pow(b, x) => power(b, x, st),
        Expr::Add(ts) => {
            let ts = &lead_positive(ts);
            let mut s = String::new();
            for (i, t) in ts.iter().enumerate() {
                if i == 0 {
                    s.push_str(&paren(fmt(t, st), Prec::Neg, st));
                } else if is_negative(t) {
                    s.push_str(" - ");
                    s.push_str(&paren(fmt(&negate_term(t), st), Prec::Product, st));
                } else {
                    s.push_str(" + ");
                    s.push_str(&paren(fmt(t, st), Prec::Neg, st));
                }
            }
            (s, Prec::Sum)
        }
        Expr::Mul(fs) => mul(fs, st),
    }
}

/// Factors joined as a product: `*` in text; juxtaposition in LaTeX, with `\cdot` between
/// two digits.
fn join(items: &[(String, Prec)], st: Style) -> String {
    let mut s = String::new();
    for (i, it) in items.iter().enumerate() {
        let piece = paren(it.clone(), Prec::Power, st);
        if i > 0 {
            s.push_str(match st {
                Style::Text => "*",
                Style::Latex => {
                    let prev_digit = s.chars().last().is_some_and(|c| c.is_ascii_digit());
                    let next_digit = piece.chars().next().is_some_and(|c| c.is_ascii_digit());
                    if prev_digit && next_digit {
                        " \\cdot "
                    } else {
                        " "
                    }
                }
            });
        }
        s.push_str(&piece);
    }
    s
}

fn mul(fs: &[Expr], st: Style) -> (String, Prec) {
    let (coeff, rest) = match fs.first() {
        Some(Expr::Num(q)) => (q.clone(), &fs[1..]),
        _ => (Q::one(), fs),
    };
    let negative = coeff.is_negative();
    let c = coeff.abs();
    let mut numer: Vec<(String, Prec)> = Vec::new();
    let mut denom: Vec<(String, Prec)> = Vec::new();
    let digits = |n: String| match st {
        Style::Latex => breakable_digits(&n),
        Style::Text => n,
    };
    if *c.numer() != 1 {
        numer.push((digits(c.numer().to_string()), Prec::Atom));
    }
    if *c.denom() != 1 {
        denom.push((digits(c.denom().to_string()), Prec::Atom));
    }
    for f in rest {
        match denominator_part(f) {
            Some(d) => denom.push(fmt(&d, st)),
            None => numer.push(fmt(f, st)),
        }
    }
    let n = if numer.is_empty() {
        "1".to_string()
    } else {
        join(&numer, st)
    };
    let s = match st {
        _ if denom.is_empty() => n,
        Style::Text if denom.len() == 1 => {
            format!("{n}/{}", paren(denom[0].clone(), Prec::Power, st))
        }
        Style::Text => format!("{n}/({})", join(&denom, st)),
        Style::Latex if denom.len() == 1 => format!("\\frac{{{n}}}{{{}}}", denom[0].0),
        Style::Latex => format!("\\frac{{{n}}}{{{}}}", join(&denom, st)),
    };
    if negative {
        return (format!("-{s}"), Prec::Neg);
    }
    (s, Prec::Product)
}

fn power(b: &Expr, x: &Expr, st: Style) -> (String, Prec) {
    let latex = st == Style::Latex;
    if !latex && matches!(b, Expr::Const(Constant::E)) {
        return (format!("exp({})", print(x, st)), Prec::Atom);
    }
    if let Expr::Num(q) = x {
        if *q == Q::frac(1, 2) {
            let s = match st {
                Style::Text => format!("sqrt({})", print(b, st)),
                Style::Latex => format!("\\sqrt{{{}}}", print(b, st)),
            };
            return (s, Prec::Atom);
        }
        if q.is_negative() && !matches!(b, Expr::Const(Constant::E)) {
            let flipped = if q.neg().is_one() {
                fmt(b, st)
            } else {
                power(b, &Expr::Num(q.neg()), st)
            };
            return match st {
                Style::Text => (
                    format!("1/{}", paren(flipped, Prec::Power, st)),
                    Prec::Product,
                ),
                Style::Latex => (format!("\\frac{{1}}{{{}}}", flipped.0), Prec::Atom),
            };
        }
        if latex && q.numer() == &1 && *q.denom() > 2 {
            return (
                format!("\\sqrt[{}]{{{}}}", q.denom(), print(b, st)),
                Prec::Atom,
            );
        }
    }
    if !latex {
        let base = paren(fmt(b, st), Prec::Atom, st);
        let exp = paren(fmt(x, st), Prec::Atom, st);
        return (format!("{base}^{exp}"), Prec::Power);
    }
    if let (Expr::Func(f, args), Expr::Num(q)) = (b, x) {
        if named(*f) && q.is_integer() && q.is_positive() {
            // sin(x)^2 as \sin^{2}(x), the way it is written by hand.
            return (
                format!(
                    "\\{}^{{{q}}}\\left({}\\right)",
                    f.name(),
                    print(&args[0], st)
                ),
                Prec::Atom,
            );
        }
    }
    let base = match b {
        Expr::Func(..) => format!("\\left({}\\right)", print(b, st)),
        _ => paren(fmt(b, st), Prec::Atom, st),
    };
    (format!("{base}^{{{}}}", print(x, st)), Prec::Power)
}

/// Functions LaTeX has a named operator for (`\sin`, `\ln`, …).
fn named(f: Func) -> bool {
    matches!(
        f,
        Func::Ln | Func::Sin | Func::Cos | Func::Tan | Func::Sinh | Func::Cosh | Func::Tanh
    )
}

fn func(f: Func, args: &[Expr], st: Style) -> (String, Prec) {
    if f == Func::Factorial {
        let a = fmt(&args[0], st);
        return match st {
            Style::Text if a.1 == Prec::Atom => (format!("{}!", a.0), Prec::Atom),
            Style::Text => (format!("({})!", a.0), Prec::Atom),
            Style::Latex => (format!("{}!", paren(a, Prec::Atom, st)), Prec::Atom),
        };
    }
    if st == Style::Text {
        let inner: Vec<String> = args.iter().map(|a| print(a, st)).collect();
        return (format!("{}({})", f.name(), inner.join(", ")), Prec::Atom);
    }
    let p = |i: usize| print(&args[i], st);
    let s = match f {
        Func::Binomial => format!("\\binom{{{}}}{{{}}}", p(0), p(1)),
        Func::Sum => format!("\\sum_{{{}={}}}^{{{}}} {}", p(1), p(2), p(3), p(0)),
        Func::Integral => format!("\\int_{{{}}}^{{{}}} {} \\, d{}", p(2), p(3), p(0), p(1)),
        Func::Abs => format!("\\left|{}\\right|", p(0)),
        Func::Root => format!("\\operatorname{{root}}_{{{}}}\\left({}\\right)", p(2), p(0)),
        f if named(f) => format!("\\{}\\left({}\\right)", f.name(), p(0)),
        Func::Asin => format!("\\arcsin\\left({}\\right)", p(0)),
        Func::Acos => format!("\\arccos\\left({}\\right)", p(0)),
        Func::Atan => format!("\\arctan\\left({}\\right)", p(0)),
        Func::Phi => format!("\\Phi\\left({}\\right)", p(0)),
        Func::Gamma => format!("\\Gamma\\left({}\\right)", p(0)),
        Func::Zeta => format!("\\zeta\\left({}\\right)", p(0)),
        Func::Harmonic => format!("H_{{{}}}", p(0)),
        Func::Fibonacci => format!("F_{{{}}}", p(0)),
        Func::Floor => format!("\\left\\lfloor {} \\right\\rfloor", p(0)),
        Func::Ceiling => format!("\\left\\lceil {} \\right\\rceil", p(0)),
        Func::Bernoulli => format!("B_{{{}}}", p(0)),
        Func::Euler => format!("E_{{{}}}", p(0)),
        Func::LambertW => format!("W\\left({}\\right)", p(0)),
        Func::BesselJ => format!("J_{{{}}}\\left({}\\right)", p(0), p(1)),
        Func::BesselI => format!("I_{{{}}}\\left({}\\right)", p(0), p(1)),
        _ => format!("\\operatorname{{{}}}\\left({}\\right)", f.name(), p(0)),
    };
    (s, Prec::Atom)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::expr::{self, Expr, Func};

    fn both(e: &Expr) -> (String, String) {
        (print(e, Style::Text), print(e, Style::Latex))
    }

    #[test]
    fn one_walker_two_styles() {
        let x = Expr::sym("x");
        let half = expr::div(expr::pow(x.clone(), Expr::int(2)).unwrap(), Expr::int(2)).unwrap();
        assert_eq!(both(&half), ("x^2/2".into(), "\\frac{x^{2}}{2}".into()));
        let s2 = expr::pow(
            expr::func(Func::Sin, vec![x.clone()]).unwrap(),
            Expr::int(2),
        )
        .unwrap();
        assert_eq!(
            both(&s2),
            ("sin(x)^2".into(), "\\sin^{2}\\left(x\\right)".into())
        );
        let r = expr::mul(vec![Expr::int(2), Expr::sqrt(Expr::int(2)).unwrap()]).unwrap();
        assert_eq!(both(&r), ("2*sqrt(2)".into(), "2 \\sqrt{2}".into()));
        let e = expr::neg(Expr::exp(expr::neg(x.clone()).unwrap()).unwrap()).unwrap();
        assert_eq!(both(&e), ("-exp(-x)".into(), "-e^{-x}".into()));
        assert_eq!(both(&Expr::sym("λ1")), ("λ1".into(), "\\lambda_{1}".into()));
        assert_eq!(
            both(&Expr::neg_infinity()),
            ("-oo".into(), "-\\infty".into())
        );
        assert_eq!(Expr::neg_infinity(), expr::neg(Expr::infinity()).unwrap());
    }

    #[test]
    fn long_numbers_may_break_in_latex() {
        let big = Expr::Num(Q::from_integer(rug::Integer::from(rug::Integer::u_pow_u(
            10, 70,
        ))));
        let tex = print(&big, Style::Latex);
        assert!(
            tex.starts_with("10000\\allowbreak 00000\\allowbreak "),
            "{tex}"
        );
        assert_eq!(
            tex.replace("\\allowbreak ", ""),
            format!("1{}", "0".repeat(70))
        );
        assert_eq!(print(&big, Style::Text), format!("1{}", "0".repeat(70)));
        assert_eq!(breakable_digits("3.14"), "3.14");
    }
}
