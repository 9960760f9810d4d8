//! Symbolic expressions in canonical form. Every `Expr` reachable from the public
//! constructors (`add`, `mul`, `pow`, `func`) is canonical: sums and products flattened,
//! numbers folded, like terms and equal bases collected, terms sorted, surds reduced. Equal
//! values built the same way are therefore structurally equal and print the same.

pub mod bernoulli;
mod canon;
pub mod diff;
pub mod display;
pub mod func;
mod lambert_bessel;
pub mod numbers;
mod order;
pub mod print;
pub mod rootof;
pub mod subst;
mod trig;

use super::number::{NumError, Q};
use std::sync::Arc;

pub use canon::{add, div, mul, neg, pow, sub, sum_of_monomials};
pub use func::func;
pub use order::term_cmp;

/// A symbol's name.
pub type Symbol = Arc<str>;

/// Named exact constants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Constant {
    /// π
    Pi,
    /// Euler's number e (powers of e are how `exp` is represented).
    E,
    /// Positive infinity `oo` (`-oo` is `-1 * oo`).
    Infinity,
    /// The imaginary unit `I`, I² = −1: the one non-real value sigma writes exactly (complex
    /// eigenvalues). Real-only work (floats, signs, limits, sums) refuses it.
    I,
    /// Euler's constant γ = 0.5772… (`EulerGamma`): lim (H_n − ln n) (DLMF 5.2.3).
    EulerGamma,
}

/// Built-in symbolic functions. `exp` is `e^x`, `sqrt` is `x^(1/2)`, `log` is `ln`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Func {
    Ln,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Asinh,
    Acosh,
    Atanh,
    Erf,
    Erfc,
    /// The standard normal CDF Φ.
    Phi,
    /// x·Φ(x)
    Gelu,
    /// 1/(1 + e^(−x))
    Sigmoid,
    Gamma,
    Zeta,
    /// The Bernoulli number B_n (B_1 = −1/2), exact at integers n ≥ 0.
    Bernoulli,
    /// The Euler number E_n (E_2 = −1), exact at integers n ≥ 0.
    Euler,
    Factorial,
    Binomial,
    Abs,
    /// `integrate(g, t, lo, hi)`: ∫ from lo to hi of g dt; `t` is bound.
    Integral,
    /// `sum(a, n, lo, hi)`: Σ from n = lo to hi of a; `n` is bound, `hi` may be `oo`.
    Sum,
    /// `root(p, x, k)`: the k-th smallest real root of the polynomial p in x; `x` is bound
    /// (see [`rootof`]).
    Root,
    /// `harmonic(x)`: the harmonic number H_x = ψ(x + 1) + γ (Σ_{k=1}^{n} 1/k at integers).
    Harmonic,
    /// `fibonacci(n)`: the Fibonacci number F_n at integers (F_0 = 0, F_1 = 1).
    Fibonacci,
    /// `floor(x)`: the greatest integer ≤ x.
    Floor,
    /// `ceiling(x)`: the least integer ≥ x.
    Ceiling,
    /// `lambertw(x)`: the principal branch W₀ of the Lambert W function, the solution w ≥ −1
    /// of w·e^w = x for x ≥ −1/e (DLMF 4.13).
    LambertW,
    /// `besselj(ν, x)`: the Bessel function of the first kind J_ν(x) (DLMF 10.2.2).
    BesselJ,
    /// `besseli(ν, x)`: the modified Bessel function of the first kind I_ν(x) (DLMF 10.25.2).
    BesselI,
}

impl Func {
    /// The name the language uses for this function.
    pub fn name(self) -> &'static str {
        match self {
            Func::Ln => "ln",
            Func::Sin => "sin",
            Func::Cos => "cos",
            Func::Tan => "tan",
            Func::Asin => "asin",
            Func::Acos => "acos",
            Func::Atan => "atan",
            Func::Sinh => "sinh",
            Func::Cosh => "cosh",
            Func::Tanh => "tanh",
            Func::Asinh => "asinh",
            Func::Acosh => "acosh",
            Func::Atanh => "atanh",
            Func::Erf => "erf",
            Func::Erfc => "erfc",
            Func::Phi => "Phi",
            Func::Gelu => "gelu",
            Func::Sigmoid => "sigmoid",
            Func::Gamma => "gamma",
            Func::Zeta => "zeta",
            Func::Bernoulli => "bernoulli",
            Func::Euler => "euler",
            Func::Factorial => "factorial",
            Func::Binomial => "binomial",
            Func::Abs => "abs",
            Func::Integral => "integrate",
            Func::Sum => "sum",
            Func::Root => "root",
            Func::Harmonic => "harmonic",
            Func::Fibonacci => "fibonacci",
            Func::Floor => "floor",
            Func::Ceiling => "ceiling",
            Func::LambertW => "lambertw",
            Func::BesselJ => "besselj",
            Func::BesselI => "besseli",
        }
    }
    /// Whether the function binds a variable (its second argument), like ∫ … dt or Σ over n.
    pub fn binds(self) -> bool {
        matches!(self, Func::Integral | Func::Sum | Func::Root)
    }
    /// How many arguments the function takes.
    pub fn arity(self) -> usize {
        match self {
            Func::Binomial | Func::BesselJ | Func::BesselI => 2,
            Func::Integral | Func::Sum => 4,
            Func::Root => 3,
            _ => 1,
        }
    }
    /// Every function, for registries and tests.
    pub const ALL: [Func; 35] = [
        Func::Ln,
        Func::Sin,
        Func::Cos,
        Func::Tan,
        Func::Asin,
        Func::Acos,
        Func::Atan,
        Func::Sinh,
        Func::Cosh,
        Func::Tanh,
        Func::Asinh,
        Func::Acosh,
        Func::Atanh,
        Func::Erf,
        Func::Erfc,
        Func::Phi,
        Func::Gelu,
        Func::Sigmoid,
        Func::Gamma,
        Func::Zeta,
        Func::Bernoulli,
        Func::Euler,
        Func::Factorial,
        Func::Binomial,
        Func::Abs,
        Func::Integral,
        Func::Sum,
        Func::Root,
        Func::Harmonic,
        Func::Fibonacci,
        Func::Floor,
        Func::Ceiling,
        Func::LambertW,
        Func::BesselJ,
        Func::BesselI,
    ];
}

/// A symbolic expression. Build it through the canonicalising constructors; the variants are
/// public for reading (pattern matching), not for assembling non-canonical trees.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Expr {
    Num(Q),
    Const(Constant),
    Sym(Symbol),
    /// base ^ exponent
    Pow(Box<Expr>, Box<Expr>),
    /// A product of at least two factors; a numeric coefficient, if not 1, comes first.
    Mul(Vec<Expr>),
    /// A sum of at least two terms, sorted by [`term_cmp`].
    Add(Vec<Expr>),
    /// A function application.
    Func(Func, Vec<Expr>),
}

/// Why a symbolic operation failed. Messages are lowercase and name the offending value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MathError {
    #[error("division by zero")]
    DivisionByZero,
    #[error("0^0 is undefined")]
    ZeroToZero,
    /// A value outside a function's real domain, e.g. `ln(0)`, `sqrt(-1)`.
    #[error("{0}")]
    Domain(String),
    /// An undefined form such as `oo - oo`.
    #[error("{0}")]
    Undefined(String),
    /// A result too large to compute exactly.
    #[error("{0} is too large to compute exactly")]
    TooLarge(String),
    /// Something sigma does not (yet) do, said plainly.
    #[error("{0}")]
    Unsupported(String),
    /// The user interrupted the computation.
    #[error("interrupted")]
    Interrupted,
    /// A truncated computation lost all its precision (a division by a series that vanishes
    /// to the working order): the caller may retry with more terms.
    #[error(
        "division by a series that vanishes to the working order (is the divisor identically zero?)"
    )]
    NeedPrecision,
}

impl From<NumError> for MathError {
    fn from(e: NumError) -> Self {
        match e {
            NumError::DivisionByZero => MathError::DivisionByZero,
            NumError::ZeroToZero => MathError::ZeroToZero,
            NumError::TooLarge(s) => MathError::TooLarge(s),
        }
    }
}

/// Result of a symbolic operation.
pub type MResult<T = Expr> = Result<T, MathError>;

/// Refuses `e` in real-only work (`what`: "limits", "convergence", …) when it contains the
/// imaginary unit, so that no real reasoning is applied to a complex value.
pub fn require_real(e: &Expr, what: &str) -> MResult<()> {
    if e.has_imaginary() {
        return Err(MathError::Unsupported(format!(
            "{e} contains I (the imaginary unit), and sigma's {what} work over the reals only"
        )));
    }
    Ok(())
}

impl Expr {
    /// The integer `n`.
    pub fn int(n: i64) -> Expr {
        Expr::Num(Q::int(n))
    }
    /// The rational `n/d` (`d ≠ 0`).
    pub fn frac(n: i64, d: i64) -> Expr {
        Expr::Num(Q::frac(n, d))
    }
    /// The symbol named `name`.
    pub fn sym(name: &str) -> Expr {
        Expr::Sym(Arc::from(name))
    }
    pub fn zero() -> Expr {
        Expr::int(0)
    }
    pub fn one() -> Expr {
        Expr::int(1)
    }
    pub fn pi() -> Expr {
        Expr::Const(Constant::Pi)
    }
    pub fn e() -> Expr {
        Expr::Const(Constant::E)
    }
    pub fn infinity() -> Expr {
        Expr::Const(Constant::Infinity)
    }
    /// Euler's constant γ.
    pub fn euler_gamma() -> Expr {
        Expr::Const(Constant::EulerGamma)
    }
    /// The imaginary unit `I`.
    pub fn imag_unit() -> Expr {
        Expr::Const(Constant::I)
    }
    /// −∞, in the canonical form `neg(infinity())` produces.
    pub fn neg_infinity() -> Expr {
        Expr::Mul(vec![Expr::int(-1), Expr::infinity()])
    }
    /// `e^x`.
    pub fn exp(x: Expr) -> MResult {
        pow(Expr::e(), x)
    }
    /// `x^(1/2)`.
    pub fn sqrt(x: Expr) -> MResult {
        pow(x, Expr::frac(1, 2))
    }
    /// The rational value, if this is a number.
    pub fn as_num(&self) -> Option<&Q> {
        match self {
            Expr::Num(q) => Some(q),
            _ => None,
        }
    }
    pub fn is_zero(&self) -> bool {
        matches!(self, Expr::Num(q) if q.is_zero())
    }
    pub fn is_one(&self) -> bool {
        matches!(self, Expr::Num(q) if q.is_one())
    }
    /// True when the expression mentions the symbol `x`.
    pub fn depends_on(&self, x: &str) -> bool {
        match self {
            Expr::Sym(s) => &**s == x,
            Expr::Num(_) | Expr::Const(_) => false,
            Expr::Pow(b, e) => b.depends_on(x) || e.depends_on(x),
            Expr::Func(f, v) if f.binds() => {
                let bound = matches!(&v[1], Expr::Sym(t) if &**t == x);
                (!bound && v[0].depends_on(x)) || v[2..].iter().any(|t| t.depends_on(x))
            }
            Expr::Mul(v) | Expr::Add(v) | Expr::Func(_, v) => v.iter().any(|t| t.depends_on(x)),
        }
    }
    /// The free symbols, sorted and deduplicated.
    pub fn symbols(&self) -> Vec<Symbol> {
        let mut out = Vec::new();
        self.collect_symbols(&mut out);
        out.sort();
        out.dedup();
        out
    }
    fn collect_symbols(&self, out: &mut Vec<Symbol>) {
        match self {
            Expr::Sym(s) => out.push(s.clone()),
            Expr::Num(_) | Expr::Const(_) => {}
            Expr::Pow(b, e) => {
                b.collect_symbols(out);
                e.collect_symbols(out);
            }
            Expr::Func(f, v) if f.binds() => {
                let mut inner = Vec::new();
                v[0].collect_symbols(&mut inner);
                if let Expr::Sym(t) = &v[1] {
                    inner.retain(|s| s != t);
                }
                out.extend(inner);
                v[2..].iter().for_each(|t| t.collect_symbols(out));
            }
            Expr::Mul(v) | Expr::Add(v) | Expr::Func(_, v) => {
                v.iter().for_each(|t| t.collect_symbols(out))
            }
        }
    }
    /// True when the expression contains `oo`.
    pub fn has_infinity(&self) -> bool {
        match self {
            Expr::Const(Constant::Infinity) => true,
            Expr::Num(_) | Expr::Const(_) | Expr::Sym(_) => false,
            Expr::Pow(b, e) => b.has_infinity() || e.has_infinity(),
            Expr::Mul(v) | Expr::Add(v) | Expr::Func(_, v) => v.iter().any(Expr::has_infinity),
        }
    }
    /// True when the expression contains the imaginary unit `I`.
    pub fn has_imaginary(&self) -> bool {
        match self {
            Expr::Const(Constant::I) => true,
            Expr::Num(_) | Expr::Const(_) | Expr::Sym(_) => false,
            Expr::Pow(b, e) => b.has_imaginary() || e.has_imaginary(),
            Expr::Mul(v) | Expr::Add(v) | Expr::Func(_, v) => v.iter().any(Expr::has_imaginary),
        }
    }
    /// Splits a term into its rational coefficient and the rest: `-3*x^2` → `(-3, x^2)`.
    pub fn split_coeff(&self) -> (Q, Expr) {
        match self {
            Expr::Num(q) => (q.clone(), Expr::one()),
            Expr::Mul(fs) => match fs.first() {
                Some(Expr::Num(q)) => {
                    let rest: Vec<Expr> = fs[1..].to_vec();
                    let rest = if rest.len() == 1 {
                        rest.into_iter().next().unwrap_or_else(Expr::one)
                    } else {
                        Expr::Mul(rest)
                    };
                    (q.clone(), rest)
                }
                _ => (Q::one(), self.clone()),
            },
            _ => (Q::one(), self.clone()),
        }
    }
    /// Splits a factor into base and exponent: `x^3` → `(x, 3)`, `x` → `(x, 1)`.
    pub fn as_base_exp(&self) -> (Expr, Expr) {
        match self {
            Expr::Pow(b, e) => ((**b).clone(), (**e).clone()),
            _ => (self.clone(), Expr::one()),
        }
    }
    /// Counts nodes, to bound the size of results.
    pub fn size(&self) -> usize {
        match self {
            Expr::Num(_) | Expr::Const(_) | Expr::Sym(_) => 1,
            Expr::Pow(b, e) => 1 + b.size() + e.size(),
            Expr::Mul(v) | Expr::Add(v) | Expr::Func(_, v) => {
                let inner: usize = v.iter().map(Expr::size).sum();
                1 + inner
            }
        }
    }
    /// True when the expression is free of symbols (a number, constant, or function of those).
    pub fn is_constant(&self) -> bool {
        self.symbols().is_empty()
    }
}
