//! LaTeX rendering of expressions and values: `\frac`, `\sqrt`, `e^{…}`, `\pi`, named
//! operators, with parentheses decided by binding strength.

use crate::eval::value::{Rel, Value};
use crate::math::expr::display::{is_negative, lead_positive, negate_term};
use crate::math::expr::{Constant, Expr, Func};
use crate::math::Q;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Prec {
    Sum = 1,
    Neg = 2,
    Product = 3,
    Power = 4,
    Atom = 5,
}

/// The LaTeX form of an expression (math mode, no delimiters).
pub fn expr(e: &Expr) -> String {
    fmt(e).0
}

fn paren(s: (String, Prec), min: Prec) -> String {
    if s.1 < min {
        format!("\\left({}\\right)", s.0)
    } else {
        s.0
    }
}

fn num(q: &Q) -> (String, Prec) {
    if q.is_integer() {
        let p = if q.is_negative() {
            Prec::Neg
        } else {
            Prec::Atom
        };
        return (q.to_string(), p);
    }
    let s = format!("\\frac{{{}}}{{{}}}", q.numer().clone().abs(), q.denom());
    if q.is_negative() {
        (format!("-{s}"), Prec::Neg)
    } else {
        (s, Prec::Product)
    }
}

fn symbol(name: &str) -> String {
    if name.starts_with('(') {
        // A series' expansion monomial such as (x - 1): already valid math.
        return name.to_string();
    }
    // Trailing digits after a letter are a subscript: x0 is x_{0}, a12 is a_{12}.
    let digits = name.len() - name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && digits < name.len() && !name.contains('_') {
        let (head, tail) = name.split_at(name.len() - digits);
        return format!("{}_{{{tail}}}", symbol(head));
    }
    let greek = [
        ("α", "\\alpha"),
        ("β", "\\beta"),
        ("γ", "\\gamma"),
        ("δ", "\\delta"),
        ("ε", "\\varepsilon"),
        ("θ", "\\theta"),
        ("λ", "\\lambda"),
        ("μ", "\\mu"),
        ("ν", "\\nu"),
        ("ξ", "\\xi"),
        ("ρ", "\\rho"),
        ("σ", "\\sigma"),
        ("τ", "\\tau"),
        ("φ", "\\varphi"),
        ("ω", "\\omega"),
    ];
    let mut out = String::new();
    let mut chars = name.chars().peekable();
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
        match greek.iter().find(|(g, _)| g.starts_with(c)) {
            Some((_, tex)) => {
                base.push_str(tex);
                base.push(' ');
            }
            None => base.push(c),
        }
    }
    let base = base.trim_end().to_string();
    if base.chars().count() > 1 && !base.starts_with('\\') {
        out.push_str(&format!("\\mathrm{{{base}}}"));
    } else {
        out.push_str(&base);
    }
    if !sub.is_empty() {
        out.push_str(&format!("_{{{sub}}}"));
    }
    out
}

fn fmt(e: &Expr) -> (String, Prec) {
    match e {
        Expr::Num(q) => num(q),
        Expr::Const(Constant::Pi) => ("\\pi".into(), Prec::Atom),
        Expr::Const(Constant::E) => ("e".into(), Prec::Atom),
        Expr::Const(Constant::Infinity) => ("\\infty".into(), Prec::Atom),
        Expr::Sym(s) => (symbol(s), Prec::Atom),
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
    let mut numer: Vec<(String, Prec)> = Vec::new();
    let mut denom: Vec<(String, Prec)> = Vec::new();
    if *c.numer() != 1 {
        numer.push((c.numer().to_string(), Prec::Atom));
    }
    if *c.denom() != 1 {
        denom.push((c.denom().to_string(), Prec::Atom));
    }
    for f in rest {
        if let Expr::Pow(b, x) = f {
            if let Expr::Num(q) = &**x {
                if q.is_negative() && !matches!(**b, Expr::Const(Constant::E)) {
                    let flipped = q.neg();
                    let d = if flipped.is_one() {
                        fmt(b)
                    } else {
                        power(b, &Expr::Num(flipped))
                    };
                    denom.push(d);
                    continue;
                }
            }
        }
        numer.push(fmt(f));
    }
    let join = |items: &[(String, Prec)]| -> String {
        let mut s = String::new();
        for (i, it) in items.iter().enumerate() {
            let piece = paren(it.clone(), Prec::Power);
            if i > 0 {
                // A digit after a digit needs an explicit product sign.
                let prev_digit = s.chars().last().is_some_and(|c| c.is_ascii_digit());
                let next_digit = piece.chars().next().is_some_and(|c| c.is_ascii_digit());
                s.push_str(if prev_digit && next_digit {
                    " \\cdot "
                } else {
                    " "
                });
            }
            s.push_str(&piece);
        }
        s
    };
    let s = if denom.is_empty() {
        join(&numer)
    } else {
        let n = if numer.is_empty() {
            "1".to_string()
        } else {
            join(&numer)
        };
        let d = denom.iter().map(|d| d.0.clone()).collect::<Vec<_>>();
        let dd = if denom.len() == 1 {
            d[0].clone()
        } else {
            join(&denom)
        };
        format!("\\frac{{{n}}}{{{dd}}}")
    };
    if negative {
        return (format!("-{s}"), Prec::Neg);
    }
    (s, Prec::Product)
}

fn power(b: &Expr, x: &Expr) -> (String, Prec) {
    if let Expr::Num(q) = x {
        if *q == Q::frac(1, 2) {
            return (format!("\\sqrt{{{}}}", expr(b)), Prec::Atom);
        }
        if q.is_negative() && !matches!(b, Expr::Const(Constant::E)) {
            let flipped = if q.neg().is_one() {
                fmt(b)
            } else {
                power(b, &Expr::Num(q.neg()))
            };
            return (format!("\\frac{{1}}{{{}}}", flipped.0), Prec::Atom);
        }
        if q.numer() == &1 && *q.denom() > 2 {
            return (format!("\\sqrt[{}]{{{}}}", q.denom(), expr(b)), Prec::Atom);
        }
    }
    if let (Expr::Func(f, args), Expr::Num(q)) = (b, x) {
        let named = matches!(
            f,
            Func::Ln | Func::Sin | Func::Cos | Func::Tan | Func::Sinh | Func::Cosh | Func::Tanh
        );
        if named && q.is_integer() && q.is_positive() {
            // sin(x)^2 as \sin^{2}(x), the way it is written by hand.
            return (
                format!("\\{}^{{{q}}}\\left({}\\right)", f.name(), expr(&args[0])),
                Prec::Atom,
            );
        }
    }
    let base = match b {
        Expr::Func(..) => format!("\\left({}\\right)", expr(b)),
        _ => paren(fmt(b), Prec::Atom),
    };
    (format!("{base}^{{{}}}", expr(x)), Prec::Power)
}

fn func(f: Func, args: &[Expr]) -> (String, Prec) {
    let a = || expr(&args[0]);
    let s = match f {
        Func::Factorial => {
            let inner = fmt(&args[0]);
            return (format!("{}!", paren(inner, Prec::Atom)), Prec::Atom);
        }
        Func::Binomial => format!("\\binom{{{}}}{{{}}}", a(), expr(&args[1])),
        Func::Sum => format!(
            "\\sum_{{{}={}}}^{{{}}} {}",
            expr(&args[1]),
            expr(&args[2]),
            expr(&args[3]),
            a()
        ),
        Func::Integral => format!(
            "\\int_{{{}}}^{{{}}} {} \\, d{}",
            expr(&args[2]),
            expr(&args[3]),
            a(),
            expr(&args[1])
        ),
        Func::Abs => format!("\\left|{}\\right|", a()),
        Func::Ln | Func::Sin | Func::Cos | Func::Tan | Func::Sinh | Func::Cosh | Func::Tanh => {
            format!("\\{}\\left({}\\right)", f.name(), a())
        }
        Func::Asin => format!("\\arcsin\\left({}\\right)", a()),
        Func::Acos => format!("\\arccos\\left({}\\right)", a()),
        Func::Atan => format!("\\arctan\\left({}\\right)", a()),
        Func::Phi => format!("\\Phi\\left({}\\right)", a()),
        Func::Gamma => format!("\\Gamma\\left({}\\right)", a()),
        Func::Zeta => format!("\\zeta\\left({}\\right)", a()),
        _ => format!("\\operatorname{{{}}}\\left({}\\right)", f.name(), a()),
    };
    (s, Prec::Atom)
}

fn rel(r: Rel) -> &'static str {
    match r {
        Rel::Lt => "<",
        Rel::Le => "\\le",
        Rel::Gt => ">",
        Rel::Ge => "\\ge",
        Rel::Eq => "=",
        Rel::Ne => "\\ne",
    }
}

/// The LaTeX form of a value (approximations with `\approx`).
pub fn value(v: &Value) -> String {
    match v {
        Value::Expr(e) => expr(e),
        Value::Approx(a) => format!("\\approx {}", scientific(&a.value.text)),
        Value::Bool(b) => format!("\\text{{{b}}}"),
        Value::Relation { operands, rels } => {
            let mut s = expr(&operands[0]);
            for (r, o) in rels.iter().zip(&operands[1..]) {
                s.push_str(&format!(" {} {}", rel(*r), expr(o)));
            }
            s
        }
        Value::Vector(xs) => format!(
            "\\begin{{bmatrix}} {} \\end{{bmatrix}}^{{T}}",
            xs.iter().map(expr).collect::<Vec<_>>().join(" & ")
        ),
        Value::Text(t) => format!("\\text{{{}}}", super::escape::tex_text(t)),
        Value::Series(sv) => {
            let (ts, order) = super::series::terms(sv);
            let ts: Vec<(bool, String)> = ts
                .iter()
                .map(|(n, t)| {
                    let s = fmt(t);
                    (*n, if *n { paren(s, Prec::Product) } else { s.0 })
                })
                .collect();
            super::series::join(&ts, &format!("O\\left({}\\right)", expr(&order)))
        }
        Value::Matrix(rows) => format!(
            "\\begin{{bmatrix}} {} \\end{{bmatrix}}",
            rows.iter()
                .map(|r| r.iter().map(expr).collect::<Vec<_>>().join(" & "))
                .collect::<Vec<_>>()
                .join(" \\\\ ")
        ),
    }
}

/// `1.5e-8` as `1.5 \times 10^{-8}`; positional text unchanged.
pub fn scientific(t: &str) -> String {
    match t.split_once('e') {
        Some((m, e)) => match e.parse::<i64>() {
            Ok(k) => format!("{m} \\times 10^{{{k}}}"),
            Err(_) => format!("{m} \\times 10^{{{e}}}"),
        },
        None => t.to_string(),
    }
}

/// The math-mode body for an outcome (`name = value`, `f(x) = body`, or the value).
pub fn outcome_math(o: &crate::outcome::Outcome) -> String {
    use crate::outcome::OutcomeKind;
    match &o.kind {
        OutcomeKind::Heading(h) => format!("\\text{{{h}}}"),
        OutcomeKind::Binding { name, value: v } => match v {
            Value::Approx(_) => format!("{} {}", symbol(name), value(v)),
            _ => format!("{} = {}", symbol(name), value(v)),
        },
        OutcomeKind::Definition {
            name,
            params,
            body,
            text,
        } => {
            let b = body.as_ref().map_or_else(
                || format!("\\texttt{{{}}}", super::escape::tex_text(text)),
                expr,
            );
            let ps: Vec<String> = params.iter().map(|p| symbol(p)).collect();
            format!("{}({}) = {b}", symbol(name), ps.join(", "))
        }
        OutcomeKind::Value(v) => value(v),
    }
}

/// The conditions an outcome's value holds under, as a LaTeX suffix (empty when none).
pub fn conditions(o: &crate::outcome::Outcome) -> String {
    if o.steps.conditions.is_empty() {
        return String::new();
    }
    format!(
        " \\quad \\text{{(valid for {})}}",
        super::escape::tex_text(&o.steps.conditions.join(" and "))
    )
}

/// One outcome as a LaTeX display line (inputs verbatim, results in math mode).
pub fn outcome(o: &crate::outcome::Outcome, steps: bool) -> String {
    use crate::outcome::OutcomeKind;
    if let OutcomeKind::Heading(h) = &o.kind {
        return format!("\\section*{{{}}}", super::escape::tex_text(h));
    }
    let mut s = format!("\\[ {}{} \\]", outcome_math(o), conditions(o));
    if steps {
        for st in &o.steps.steps {
            let res = st
                .result
                .as_ref()
                .map(|e| format!(" ${}$", expr(e)))
                .unwrap_or_default();
            s.push_str(&format!("\n% {}{res} ({})", st.claim, st.reason));
        }
    }
    s
}
