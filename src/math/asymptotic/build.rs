//! From a canonical expression to its expansion as n → ∞, by structural recursion: sums and
//! products of expansions, powers (`a^b = e^(b·ln a)` when the exponent depends on n,
//! `(−1)^n` and negative bases with integer-affine exponents as alternating signs),
//! factorials, gamma and binomials through Stirling's series (exactly for `n!` and `(n + k)!`),
//! and functions through their Taylor series at the limit of their argument. The builder
//! records the key steps (at most [`MAX_STEPS`]) for the derivation.

use super::constant::{ln_const, sign, split_logs};
use super::expansion::{Expansion, Mono};
use super::Fail;
use crate::math::answer::{Notation, Op, Rich};
use crate::math::expr::print::{paren, print_prec, Prec, Style};
use crate::math::expr::{self, subst, Constant, Expr, Func};
use crate::math::number::Q;
use crate::rich;
use std::cmp::Ordering;

/// Most steps the builder records for one expansion.
pub(crate) const MAX_STEPS: usize = 16;

/// Terms shown in a step before the `O(…)` tail.
pub(crate) const SHOWN: usize = 3;

/// A rule written as a formula, in text and LaTeX.
pub(crate) fn rule(text: &str, tex: &str) -> Rich {
    Rich::new().and(Notation::new(text, tex))
}

/// e^(c + u) = e^c·(1 + u + u²/2 + …) with u → 0.
fn exp_rule() -> Rich {
    rule(
        "e^(c + u) = e^c·(1 + u + u²/2 + …)",
        "e^{c + u} = e^c \\left(1 + u + \\tfrac{u^2}{2} + \\ldots\\right)",
    )
    .and(" with ")
    .and(rule("u → 0", "u \\to 0"))
}

/// ln(e), unsimplified, for showing.
fn ln_of(e: &Expr) -> Expr {
    Expr::Func(Func::Ln, vec![e.clone()])
}

/// Expands expressions in the variable `n` to relative order `n^(−k)`.
pub(crate) struct Builder<'a> {
    pub n: &'a str,
    pub k: i64,
    /// `(claim, reason)` pairs, in order.
    pub steps: Vec<(Rich, Rich)>,
}

impl<'a> Builder<'a> {
    /// A builder for the variable `n` at relative order `n^(−k)`.
    pub(crate) fn new(n: &'a str, k: i64) -> Self {
        Builder {
            n,
            k,
            steps: Vec::new(),
        }
    }

    pub(crate) fn note(&mut self, claim: Rich, reason: impl Into<Rich>) {
        if self.steps.len() < MAX_STEPS && !self.steps.iter().any(|(c, _)| *c == claim) {
            self.steps.push((claim, reason.into()));
        }
    }

    /// Records `what = expansion`.
    fn note_eq(&mut self, what: Rich, e: &Expansion, reason: impl Into<Rich>) {
        let shown = e.show_rich(self.n, SHOWN);
        if shown.to_string() == what.to_string() {
            return;
        }
        self.note(what.and(Op::Eq).and(shown), reason);
    }

    /// The expansion of `e`.
    pub(crate) fn expand(&mut self, e: &Expr) -> Result<Expansion, Fail> {
        if crate::math::interrupted() {
            return Err(Fail::Hard(crate::math::MathError::Interrupted));
        }
        stacker::maybe_grow(64 * 1024, 4 * 1024 * 1024, || self.node(e))
    }

    fn node(&mut self, e: &Expr) -> Result<Expansion, Fail> {
        if !e.depends_on(self.n) {
            if e.has_infinity() {
                return Err(Fail::Out(format!("{e} is not a finite constant")));
            }
            return Ok(Expansion::constant(split_logs(e)?));
        }
        match e {
            Expr::Sym(_) => Ok(Expansion::term(Expr::one(), Mono::power(Q::one()))),
            Expr::Add(ts) => {
                let mut acc = Expansion::zero();
                for t in ts {
                    acc = acc.add(&self.expand(t)?)?;
                }
                Ok(acc)
            }
            Expr::Mul(fs) => {
                let (consts, vars): (Vec<Expr>, Vec<Expr>) =
                    fs.iter().cloned().partition(|f| !f.depends_on(self.n));
                let mut acc = Expansion::constant(split_logs(&expr::mul(consts)?)?);
                for f in &vars {
                    let x = self.expand(f)?;
                    acc = acc.mul(&x, self.k)?;
                }
                Ok(acc)
            }
            Expr::Pow(b, x) => self.power(e, b, x),
            Expr::Func(f, args) => self.function(e, *f, args),
            Expr::Num(_) | Expr::Const(_) => Ok(Expansion::constant(e.clone())),
        }
    }

    fn power(&mut self, e: &Expr, b: &Expr, x: &Expr) -> Result<Expansion, Fail> {
        let n = self.n;
        match (b.depends_on(n), x.depends_on(n)) {
            (true, false) => {
                let a = self.expand(b)?;
                if let Expr::Num(k) = x {
                    return self.powq(&a, k);
                }
                if x.has_infinity() {
                    return Err(Fail::Out(format!("{e} has an infinite exponent")));
                }
                let l = self.ln(&a)?;
                let r = self.exp(&l.scale(x)?)?;
                self.note_eq(
                    Rich::math(e.clone()),
                    &r,
                    rule("a^c = e^(c·ln a)", "a^c = e^{c \\ln a}"),
                );
                Ok(r)
            }
            (false, _) => {
                if *b == Expr::Const(Constant::E) {
                    let a = self.expand(x)?;
                    let r = self.exp(&a)?;
                    self.note_eq(Rich::math(e.clone()), &r, exp_rule());
                    return Ok(r);
                }
                match sign(b)? {
                    Ordering::Greater => {
                        let a = self.expand(x)?.scale(&ln_const(b)?)?;
                        self.exp(&a)
                    }
                    Ordering::Less => self.negative_base(e, b, x),
                    Ordering::Equal => Err(Fail::Out(format!("{e} is a power of 0"))),
                }
            }
            (true, true) => {
                let eb = self.expand(b)?;
                let lb = self.ln(&eb)?;
                let ex = self.expand(x)?;
                let w = ex.mul(&lb, self.k)?;
                let what = rich![
                    ln_of(e),
                    Op::Eq,
                    Notation::new(
                        format!("{}·", expr::display::in_product(x)),
                        format!(
                            "{} ",
                            paren(print_prec(x, Style::Latex), Prec::Product, Style::Latex)
                        ),
                    ),
                    ln_of(b)
                ];
                self.note_eq(
                    what,
                    &w,
                    rule("a^b = e^(b·ln a)", "a^b = e^{b \\ln a}")
                        .and("; expansion in powers of 1/n"),
                );
                let r = self.exp(&w)?;
                self.note_eq(Rich::math(e.clone()), &r, exp_rule());
                Ok(r)
            }
        }
    }

    /// `b^x` for a negative constant `b` and an exponent `x = k·n + m` with integers k, m.
    fn negative_base(&mut self, e: &Expr, b: &Expr, x: &Expr) -> Result<Expansion, Fail> {
        let n = self.n;
        let nn = Expr::sym(n);
        let shifted = subst::subs(x, n, &expr::add(vec![nn.clone(), Expr::one()])?)?;
        let k = expr::sub(shifted, x.clone())?;
        let m = expr::sub(x.clone(), expr::mul(vec![k.clone(), nn])?)?;
        let (Some(kq), Some(mq)) = (k.as_num(), m.as_num()) else {
            return Err(Fail::Out(format!(
                "{e}: a negative base needs an exponent k·{n} + m with integers k, m"
            )));
        };
        if !kq.is_integer() || !mq.is_integer() {
            return Err(Fail::Out(format!(
                "{e} is not real for every integer {n} (non-integer exponent of a negative base)"
            )));
        }
        let bk = expr::pow(b.clone(), k.clone())?;
        let bm = expr::pow(b.clone(), m.clone())?;
        let (base, alt) = match sign(&bk)? {
            Ordering::Less => (expr::neg(bk)?, true),
            _ => (bk, false),
        };
        let mono = Mono {
            base,
            alt,
            ..Mono::one()
        };
        Ok(Expansion::term(bm, mono))
    }

    fn function(&mut self, e: &Expr, f: Func, args: &[Expr]) -> Result<Expansion, Fail> {
        let (Some(x), true) = (args.first(), args.len() == f.arity()) else {
            return Err(Fail::Out(format!("{e} has the wrong number of arguments")));
        };
        match f {
            Func::Ln => {
                let a = self.expand(x)?;
                let r = self.ln(&a)?;
                self.note_eq(
                    Rich::math(e.clone()),
                    &r,
                    rule(
                        "ln(c·M·(1 + u)) = ln c + ln M + u − u²/2 + …",
                        "\\ln(c M (1 + u)) = \\ln c + \\ln M + u - \\tfrac{u^2}{2} + \\ldots",
                    )
                    .and(" with ")
                    .and(rule("u → 0", "u \\to 0")),
                );
                Ok(r)
            }
            Func::Factorial => self.factorial(e, x),
            Func::Gamma => {
                let z = expr::sub(x.clone(), Expr::one())?;
                self.factorial(e, &z)
            }
            Func::Binomial => self.binomial(e, x, &args[args.len() - 1]),
            Func::Harmonic => self.harmonic(e, x),
            Func::Fibonacci => self.fibonacci(e, x),
            Func::Floor | Func::Ceiling => Err(Fail::Out(format!(
                "{} is outside the asymptotic scale",
                f.name()
            ))),
            Func::Abs => {
                let a = self.expand(x)?;
                self.abs(&a)
            }
            Func::Sum => Err(Fail::Out(format!(
                "{e} is a sum whose range or terms depend on {}; its limit is taken as a Riemann sum or through its partial sums only when it stands alone",
                self.n
            ))),
            Func::BesselJ | Func::BesselI => {
                let (nu, u) = (&args[0], &args[1]);
                if nu.depends_on(self.n) {
                    return Err(Fail::Out(format!(
                        "{} with an order that depends on {} is outside the asymptotic scale",
                        f.name(),
                        self.n
                    )));
                }
                let b = self.expand(u)?;
                let lead = b.lead().cloned();
                let bounded = match &lead {
                    Some(t) => t.m.growth()? != Ordering::Greater,
                    None => true,
                };
                let integer = nu.as_num().is_some_and(|q| q.is_integer());
                if let (false, Some(t), Func::BesselJ) = (bounded, &lead, f) {
                    // J_ν(x) = O(x^(−1/2)) as x → +∞ (DLMF 10.7.8); J_n(−x) = ±J_n(x).
                    if !t.m.alt && (integer || sign(&t.c)? == Ordering::Greater) {
                        let r = Expansion::big_o(t.m.powq(&Q::frac(-1, 2))?);
                        self.note_eq(
                            Rich::math(e.clone()),
                            &r,
                            "J_ν(x) = O(x^(−1/2)) as x → ∞ (DLMF 10.7.8)",
                        );
                        return Ok(r);
                    }
                }
                if !bounded {
                    return Err(Fail::Out(format!(
                        "{} of an unbounded argument is outside the asymptotic scale",
                        f.name()
                    )));
                }
                let r = self.taylor_of(f, std::slice::from_ref(nu), &b)?;
                self.note_eq(
                    Rich::math(e.clone()),
                    &r,
                    "Taylor series at the limit of the argument",
                );
                Ok(r)
            }
            Func::Integral | Func::Zeta | Func::Bernoulli | Func::Euler => Err(Fail::Out(format!(
                "{} is outside the asymptotic scale",
                f.name()
            ))),
            _ => {
                let b = self.expand(x)?;
                let grows = match b.lead() {
                    Some(t) => t.m.growth()? == Ordering::Greater,
                    None => false,
                };
                let r = if grows {
                    self.at_infinity(f, &b)?
                } else {
                    self.taylor(f, &b)?
                };
                let why = if grows {
                    "rewritten through its behaviour at infinity"
                } else {
                    "Taylor series at the limit of the argument"
                };
                self.note_eq(Rich::math(e.clone()), &r, why);
                Ok(r)
            }
        }
    }

    /// `z!`: exact for `n!` and `(n + k)!`, otherwise `e^(ln z!)` by Stirling's series.
    fn factorial(&mut self, e: &Expr, z: &Expr) -> Result<Expansion, Fail> {
        let n = self.n;
        let nn = Expr::sym(n);
        let fact = Mono {
            fact: Q::one(),
            ..Mono::one()
        };
        let shift = expr::sub(z.clone(), nn.clone())?;
        if let Some(k) = shift
            .as_num()
            .and_then(|q| q.to_i64())
            .filter(|k| k.abs() <= 64)
        {
            // (n + k)! = n!·(n + 1)…(n + k), or n!/(n(n − 1)…(n + k + 1)) for k < 0.
            let mut poly = Expansion::constant(Expr::one());
            let range: Vec<i64> = if k >= 0 {
                (1..=k).collect()
            } else {
                (k + 1..=0).collect()
            };
            for i in range {
                let f = self.expand(&expr::add(vec![nn.clone(), Expr::int(i)])?)?;
                poly = poly.mul(&f, self.k)?;
            }
            if k < 0 {
                poly = self.powq(&poly, &Q::int(-1))?;
            }
            return poly.mul_mono(&Expr::one(), &fact);
        }
        let zx = self.expand(z)?;
        let l = self.ln_factorial(&zx)?;
        self.note_eq(
            Rich::math(ln_of(e)),
            &l,
            Rich::text("Stirling: ").and(rule(
                "ln z! = z·ln z − z + ln(2πz)/2 + 1/(12z) − 1/(360z³) + …",
                "\\ln z! = z \\ln z - z + \\tfrac{\\ln(2\\pi z)}{2} + \\tfrac{1}{12z} - \\tfrac{1}{360z^3} + \\ldots",
            )),
        );
        let r = self.exp(&l)?;
        self.note_eq(
            Rich::math(e.clone()),
            &r,
            "exponentiating Stirling's series",
        );
        Ok(r)
    }

    /// `binomial(x, y)`: a falling factorial when `y` or `x − y` is a small non-negative
    /// integer, otherwise `x!/(y!·(x − y)!)` by Stirling's series.
    fn binomial(&mut self, e: &Expr, x: &Expr, y: &Expr) -> Result<Expansion, Fail> {
        let d = expr::sub(x.clone(), y.clone())?;
        for kk in [y, &d] {
            if let Some(j) = kk
                .as_num()
                .and_then(|q| q.to_i64())
                .filter(|j| (0..=64).contains(j))
            {
                let mut acc = Expansion::constant(Expr::one());
                let mut jf = Q::one();
                for i in 0..j {
                    let f = self.expand(&expr::sub(x.clone(), Expr::int(i))?)?;
                    acc = acc.mul(&f, self.k)?;
                    jf = jf.mul(&Q::int(i + 1));
                }
                return acc.scale(&Expr::Num(jf.recip()?));
            }
        }
        let (ex, ey, ed) = (self.expand(x)?, self.expand(y)?, self.expand(&d)?);
        let lx = self.ln_factorial(&ex)?;
        let ly = self.ln_factorial(&ey)?;
        let ld = self.ln_factorial(&ed)?;
        let l = lx.sub(&ly)?.sub(&ld)?;
        self.note_eq(
            Rich::math(ln_of(e)),
            &l,
            rule(
                "binomial(x, y) = x!/(y!·(x − y)!)",
                "\\binom{x}{y} = \\frac{x!}{y!\\,(x - y)!}",
            )
            .and(" with Stirling's series for each factorial"),
        );
        let r = self.exp(&l)?;
        self.note_eq(
            Rich::math(e.clone()),
            &r,
            "exponentiating Stirling's series",
        );
        Ok(r)
    }
}
