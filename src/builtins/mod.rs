//! The builtin registry: every function the language knows, with its signature, a one-line
//! description and an example (the same text feeds `:help`, the README and completion), the
//! kinds of its arguments (read by `sema` and by [`args::Args`]), and the implementation it
//! dispatches to. Later capabilities add entries here.

mod algebraic;
pub mod args;
mod bounds;
mod calculus;
mod convergence;
mod float;
mod float_kernel;
mod kernel;
mod limits;
mod linear;
mod matrix;
mod numeric;
mod plot;
mod products;
mod ridge;
mod series;
mod shape;
mod solve;
mod sums;
mod term;
mod transfer;
mod updates;

use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::expr::{self, Expr, Func, MResult};
use crate::source::Span;
use args::{req, Args, Form, Kind};

/// A command builtin: receives its arguments read as its declaration says.
pub type CommandFn = fn(&mut Evaluator, &Args) -> EResult<Value>;

/// How a builtin is implemented.
#[derive(Clone, Copy)]
pub enum Impl {
    /// A symbolic function kept in expressions (`sin`, `erf`, …).
    Func(Func),
    /// A function rewritten into others at once (`exp(x)` is `e^x`, `sqrt` is `^(1/2)`).
    Rewrite(fn(Vec<Expr>) -> MResult),
    /// A command that computes something (`diff`, `N`, …).
    Command(CommandFn),
}

/// One builtin's documentation and implementation.
#[derive(Clone, Copy)]
pub struct Builtin {
    pub name: &'static str,
    pub signature: &'static str,
    pub summary: &'static str,
    pub example: &'static str,
    /// The ways it can be called, each declaring its arguments' kinds.
    pub forms: &'static [Form],
    pub imp: Impl,
}

/// The declaration of a function of one expression.
const UNARY: &[Form] = &[&[req(Kind::Expr)]];
/// The declaration of a function of two expressions.
const BINARY: &[Form] = &[&[req(Kind::Expr), req(Kind::Expr)]];

const fn func(
    name: &'static str,
    f: Func,
    summary: &'static str,
    example: &'static str,
) -> Builtin {
    let signature = match f {
        Func::Binomial => "binomial(n, k)",
        Func::Harmonic => "harmonic(n)",
        Func::Fibonacci => "fibonacci(n)",
        Func::Bernoulli => "bernoulli(n)",
        Func::Euler => "euler(n)",
        Func::LambertW => "lambertw(x)",
        Func::BesselJ => "besselj(nu, x)",
        Func::BesselI => "besseli(nu, x)",
        _ => "",
    };
    let forms = if matches!(f, Func::Binomial | Func::BesselJ | Func::BesselI) {
        BINARY
    } else {
        UNARY
    };
    Builtin {
        name,
        signature,
        summary,
        example,
        forms,
        imp: Impl::Func(f),
    }
}

const fn rewrite(
    name: &'static str,
    signature: &'static str,
    g: fn(Vec<Expr>) -> MResult,
    summary: &'static str,
    example: &'static str,
) -> Builtin {
    Builtin {
        name,
        signature,
        summary,
        example,
        forms: UNARY,
        imp: Impl::Rewrite(g),
    }
}

fn exp_rw(a: Vec<Expr>) -> MResult {
    expr::pow(Expr::e(), a[0].clone())
}
fn sqrt_rw(a: Vec<Expr>) -> MResult {
    expr::pow(a[0].clone(), Expr::frac(1, 2))
}
fn ln_rw(a: Vec<Expr>) -> MResult {
    expr::func(Func::Ln, a)
}
fn sec_rw(a: Vec<Expr>) -> MResult {
    let cos = expr::func(Func::Cos, a.clone())?;
    if cos.is_zero() {
        return Err(crate::math::MathError::Domain(format!(
            "sec is undefined at {} (a pole: cos is 0 there)",
            a[0]
        )));
    }
    expr::pow(cos, Expr::int(-1))
}
fn ceil_rw(a: Vec<Expr>) -> MResult {
    expr::func(Func::Ceiling, a)
}
fn log1p_rw(a: Vec<Expr>) -> MResult {
    expr::func(Func::Ln, vec![expr::add(vec![Expr::one(), a[0].clone()])?])
}
fn expm1_rw(a: Vec<Expr>) -> MResult {
    expr::sub(expr::pow(Expr::e(), a[0].clone())?, Expr::one())
}
fn softplus_rw(a: Vec<Expr>) -> MResult {
    expr::func(
        Func::Ln,
        vec![expr::add(vec![
            Expr::one(),
            expr::pow(Expr::e(), a[0].clone())?,
        ])?],
    )
}

/// Every builtin, in the order the reference lists them.
pub static BUILTINS: &[Builtin] = &[
    rewrite("exp", "exp(x)", exp_rw, "the exponential e^x", "exp(0) → 1"),
    func("ln", Func::Ln, "the natural logarithm", "ln(e^3) → 3"),
    rewrite(
        "log",
        "log(x)",
        ln_rw,
        "the natural logarithm (same as ln)",
        "log(1) → 0",
    ),
    rewrite(
        "log1p",
        "log1p(x)",
        log1p_rw,
        "ln(1 + x)",
        "log1p(x) → ln(1 + x)",
    ),
    rewrite("expm1", "expm1(x)", expm1_rw, "e^x − 1", "expm1(0) → 0"),
    rewrite(
        "sqrt",
        "sqrt(x)",
        sqrt_rw,
        "the square root, as an exact surd when possible",
        "sqrt(8) → 2*sqrt(2)",
    ),
    func(
        "sin",
        Func::Sin,
        "sine (radians), exact at multiples of π/12",
        "sin(pi/6) → 1/2",
    ),
    func("cos", Func::Cos, "cosine (radians)", "cos(pi/3) → 1/2"),
    func(
        "tan",
        Func::Tan,
        "tangent (radians), exact at multiples of π/12 and π/8",
        "tan(pi/12) → 2 - sqrt(3)",
    ),
    rewrite("sec", "sec(x)", sec_rw, "secant, 1/cos(x)", "sec(0) → 1"),
    func("asin", Func::Asin, "inverse sine", "asin(1/2) → pi/6"),
    func("acos", Func::Acos, "inverse cosine", "acos(0) → pi/2"),
    func(
        "atan",
        Func::Atan,
        "inverse tangent, exact on the tangents of multiples of π/12 and π/8",
        "atan(sqrt(2) - 1) → pi/8",
    ),
    func("sinh", Func::Sinh, "hyperbolic sine", "sinh(0) → 0"),
    func("cosh", Func::Cosh, "hyperbolic cosine", "cosh(0) → 1"),
    func("tanh", Func::Tanh, "hyperbolic tangent", "tanh(0) → 0"),
    func(
        "asinh",
        Func::Asinh,
        "inverse hyperbolic sine",
        "asinh(0) → 0",
    ),
    func(
        "acosh",
        Func::Acosh,
        "inverse hyperbolic cosine",
        "acosh(1) → 0",
    ),
    func(
        "atanh",
        Func::Atanh,
        "inverse hyperbolic tangent",
        "atanh(0) → 0",
    ),
    func(
        "erf",
        Func::Erf,
        "the error function 2/√π ∫₀ˣ e^(−t²) dt",
        "erf(0) → 0",
    ),
    func(
        "erfc",
        Func::Erfc,
        "the complementary error function 1 − erf(x)",
        "erfc(0) → 1",
    ),
    func(
        "Phi",
        Func::Phi,
        "the standard normal CDF Φ(x) = (1 + erf(x/√2))/2",
        "Phi(0) → 1/2",
    ),
    func("gelu", Func::Gelu, "GELU activation x·Φ(x)", "gelu(0) → 0"),
    func(
        "sigmoid",
        Func::Sigmoid,
        "logistic sigmoid 1/(1 + e^(−x))",
        "sigmoid(0) → 1/2",
    ),
    rewrite(
        "softplus",
        "softplus(x)",
        softplus_rw,
        "ln(1 + e^x)",
        "softplus(x) → ln(1 + exp(x))",
    ),
    func(
        "gamma",
        Func::Gamma,
        "the gamma function, exact at integers and half-integers",
        "gamma(1/2) → sqrt(pi)",
    ),
    func(
        "zeta",
        Func::Zeta,
        "the Riemann zeta function, exact at even integers and non-positive integers",
        "zeta(2) → pi^2/6",
    ),
    func(
        "bernoulli",
        Func::Bernoulli,
        "the Bernoulli number B_n (B_1 = −1/2; DLMF 24.2.1), exact for integers n ≥ 0, kept symbolic at a symbol",
        "bernoulli(12) → -691/2730",
    ),
    func(
        "euler",
        Func::Euler,
        "the Euler number E_n (E_2 = −1; DLMF 24.2.6), exact for integers n ≥ 0, kept symbolic at a symbol",
        "euler(6) → -61",
    ),
    func(
        "factorial",
        Func::Factorial,
        "n! (also written n!)",
        "factorial(5) → 120",
    ),
    func(
        "binomial",
        Func::Binomial,
        "the binomial coefficient n choose k",
        "binomial(5, 2) → 10",
    ),
    func("abs", Func::Abs, "absolute value", "abs(-3/2) → 3/2"),
    func(
        "harmonic",
        Func::Harmonic,
        "the harmonic number H_n = 1 + 1/2 + … + 1/n; ψ(n + 1) + γ at non-integers",
        "harmonic(4) → 25/12",
    ),
    func(
        "lambertw",
        Func::LambertW,
        "the Lambert W function: the principal solution w ≥ −1 of w·e^w = x, real for x ≥ −1/e (DLMF 4.13); series Σ (−n)^(n−1)·xⁿ/n! with radius 1/e",
        "lambertw(e) → 1",
    ),
    func(
        "besselj",
        Func::BesselJ,
        "the Bessel function of the first kind J_ν(x) = Σ (−1)^k (x/2)^(2k+ν)/(k!·Γ(k+ν+1)) (DLMF 10.2.2)",
        "besselj(0, 0) → 1",
    ),
    func(
        "besseli",
        Func::BesselI,
        "the modified Bessel function I_ν(x) = Σ (x/2)^(2k+ν)/(k!·Γ(k+ν+1)) (DLMF 10.25.2)",
        "besseli(-1, x) → besseli(1, x)",
    ),
    func(
        "fibonacci",
        Func::Fibonacci,
        "the Fibonacci number F_n (F_0 = 0, F_1 = 1) at any integer n",
        "fibonacci(10) → 55",
    ),
    func(
        "floor",
        Func::Floor,
        "the greatest integer ≤ x, certified at real constants",
        "floor(sqrt(10)) → 3",
    ),
    func(
        "ceiling",
        Func::Ceiling,
        "the least integer ≥ x, certified at real constants",
        "ceiling(-7/2) → -3",
    ),
    rewrite(
        "ceil",
        "ceil(x)",
        ceil_rw,
        "the least integer ≥ x (same as ceiling)",
        "ceil(pi) → 4",
    ),
    calculus::DIFF,
    calculus::SUBS,
    calculus::EXPAND,
    calculus::INTEGRATE,
    numeric::N,
    series::MACLAURIN,
    series::TAYLOR,
    series::SERIES,
    series::COEFF,
    series::TRUNCATE,
    term::TERM,
    bounds::LAGRANGE_BOUND,
    bounds::TERMS_NEEDED,
    limits::LIMIT,
    sums::SUM,
    sums::PARTIAL_SUMS,
    products::PRODUCT,
    convergence::CONVERGES,
    convergence::RADIUS,
    convergence::INTERVAL,
    convergence::TEST,
    plot::PLOT,
    solve::SOLVE,
    solve::ASSUME,
    solve::FORGET,
    solve::ALL,
    solve::ANY,
    matrix::IDENTITY,
    matrix::ZEROS,
    matrix::DIAG,
    matrix::TRANSPOSE,
    matrix::TRACE,
    matrix::DET,
    matrix::RANK,
    matrix::INVERSE,
    matrix::NULLSPACE,
    linear::LINSOLVE,
    linear::CHARPOLY,
    linear::OUTER,
    linear::NORM,
    linear::EIGENVALUES,
    linear::SPECTRAL_RADIUS,
    linear::EIGENVECTORS,
    algebraic::ROOT,
    kernel::SSM_KERNEL,
    transfer::TRANSFER,
    transfer::KERNEL_RECURRENCE,
    updates::SHERMAN_MORRISON,
    updates::NEUMANN,
    ridge::RIDGE,
    ridge::RIDGE_WEIGHTS,
    ridge::RIDGE_ATTENTION,
    shape::LEN,
    shape::SHAPE,
    shape::ROWS,
    shape::COLS,
    float::FLOAT,
    float::SVD,
    float::LSTSQ,
    float::POLYFIT,
    float::MAX_ERROR,
    float_kernel::CONV,
];

/// The builtin called `name`, if any.
pub fn lookup(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.name == name)
}

/// The signature shown in help and errors (`sin(x)` for one-argument functions).
pub fn signature(b: &Builtin) -> String {
    if b.signature.is_empty() {
        format!("{}(x)", b.name)
    } else {
        b.signature.to_string()
    }
}

/// Every builtin name, for completion.
pub fn names() -> impl Iterator<Item = &'static str> {
    BUILTINS.iter().map(|b| b.name)
}

/// Edit distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest known name to `name` among builtins and `extra`, if close enough.
pub fn suggest(name: &str, extra: &[String]) -> Option<String> {
    if name.chars().count() < 3 {
        return None;
    }
    let lower = name.to_lowercase();
    names()
        .map(str::to_string)
        .chain(extra.iter().cloned())
        .map(|c| (distance(&lower, &c.to_lowercase()), c))
        // Two edits only when both names are long: `foo` is not a misspelt `floor`.
        .filter(|(d, c)| {
            *d <= if c.chars().count().min(lower.chars().count()) <= 4 {
                1
            } else {
                2
            }
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The error for a call of an unknown function.
pub fn unknown_function(name: &str, span: Span, known: &[String]) -> EvalError {
    let err = EvalError::new(format!("unknown function `{name}`"), span)
        .with_label("not a builtin or a defined function");
    match suggest(name, known) {
        Some(s) => err.with_help(format!("did you mean `{s}`?")),
        None => err.with_help(format!(
            "define it first, e.g. `{name}(x) = x^2`, or see :help for the builtins"
        )),
    }
}
