//! The float64 SSM kernel (`ssm_kernel` with a float64 A: K_0 = D, K_ℓ = C·A^(ℓ−1)·B by
//! mat-vec iteration in machine doubles) and `conv`, the causal convolution y = K * u of a
//! kernel with an input sequence: exact and term by term for exact data, float64 for float
//! data, through the FFT once the direct sum would cost more than 2^16 products.

use super::args::{req, Args, Kind};
use super::{Builtin, Impl};
use crate::eval::float_ops::to_float64;
use crate::eval::value::{article, Value};
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::Notation;
use crate::math::expr::{self, Expr};
use crate::math::linalg::float64::{signal, Float64};
use crate::render::float::number;
use crate::source::Span;

/// Most float64 kernel terms (8 bytes each).
const MAX_TERMS: u64 = 1 << 22;
/// Most products of an exact convolution.
const MAX_EXACT_PRODUCTS: usize = 4_000_000;
/// Longest float64 convolution input.
const MAX_FLOAT_LEN: usize = 1 << 22;

pub const CONV: Builtin = Builtin {
    name: "conv",
    signature: "conv(K, u)",
    summary: "the causal convolution y_k = Σ_(ℓ=0..k) K_ℓ u_(k−ℓ), k = 0..len(u)−1 (an SSM's output for input u and kernel K): exact for exact data, float64 for float data (by FFT when long)",
    example: "conv([1, 1/2, 1/4], [1, 0, 0, 2]) → [1, 1/2, 1/4, 2]",
    forms: &[&[req(Kind::Value), req(Kind::Value)]],
    imp: Impl::Command(conv_cmd),
};

/// Argument `i` as a float64 vector of `n` entries (`n × 1` and `1 × n` matrices too).
fn fvector(args: &Args, i: usize, n: Option<usize>, what: &str) -> EResult<Vec<f64>> {
    let v = match to_float64(args.value(i), args.span_of(i))? {
        Float64::Vector(v) => v,
        Float64::Matrix(m) if m.ncols() == 1 || m.nrows() == 1 => m.iter().copied().collect(),
        Float64::Scalar(x) if n == Some(1) => vec![x],
        other => {
            return Err(EvalError::new(
                format!("{what} must be a vector, not {}", article(other.kind())),
                args.span_of(i),
            ))
        }
    };
    match n {
        Some(n) if v.len() != n => Err(EvalError::new(
            format!("{what} has {} entries, but A is {n} × {n}", v.len()),
            args.span_of(i),
        )),
        _ => Ok(v),
    }
}

/// `ssm_kernel(A, B, C, D, L)` for a float64 A.
pub fn kernel(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let Value::Float(Float64::Matrix(a)) = args.value(0) else {
        return Err(EvalError::new(
            "A must be a float64 matrix",
            args.span_of(0),
        ));
    };
    if !a.is_square() {
        return Err(EvalError::new(
            format!(
                "A must be square, not {}",
                crate::math::linalg::float64::shape(a)
            ),
            args.span_of(0),
        ));
    }
    let n = a.nrows();
    let b = fvector(args, 1, Some(n), "B")?;
    let c = fvector(args, 2, Some(n), "C")?;
    let d = match to_float64(args.value(3), args.span_of(3))? {
        Float64::Scalar(d) => d,
        other => {
            return Err(EvalError::new(
                format!("D must be a number, not {}", article(other.kind())),
                args.span_of(3),
            ))
        }
    };
    let l = match args.value(4) {
        Value::Expr(Expr::Num(q)) if q.is_integer() && !q.is_negative() => q.numer().to_u64(),
        _ => None,
    };
    let l = match l {
        Some(l) if l <= MAX_TERMS => l as usize,
        _ => {
            return Err(EvalError::new(
                format!("with a float64 A, L must be an integer from 0 to {MAX_TERMS}"),
                args.span_of(4),
            )
            .with_help("a closed form for a symbolic L needs an exact A"))
        }
    };
    let k = signal::kernel(a, &b, &c, d, l).map_err(|e| EvalError::math(e, args.span()))?;
    if k.iter().any(|x| !x.is_finite()) {
        return Err(EvalError::new(
            "the float64 kernel overflowed (is the spectral radius of A above 1?)",
            args.span(),
        ));
    }
    ev.steps.push(
        Notation::new(
            "K_0 = D, K_ℓ = C·v_ℓ with v_1 = B, v_(ℓ+1) = A·v_ℓ (ℓ = 1..L)",
            "K_0 = D,\\ K_\\ell = C v_\\ell,\\ v_1 = B,\\ v_{\\ell+1} = A v_\\ell\\ (\\ell = 1, \\dots, L)",
        ),
        "the kernel of x_(k+1) = A x_k + B u_k, y_k = C x_k + D u_k, x_0 = 0, whose output is the convolution of K with u",
    );
    ev.steps.push(
        format!(
            "{l} terms: {} mat-vec products of {n}×{n}, {} multiply–adds",
            l.saturating_sub(1),
            l.saturating_sub(1) * n * n + l * n
        ),
        "mat-vec iteration in float64: O(L·n²) time, O(n) memory besides the output; machine rounding, approximate",
    );
    if l >= 1 {
        ev.steps.push(
            format!("K_1 ≈ {}, K_{l} ≈ {}", number(k[1]), number(k[l])),
            "float64",
        );
    }
    Ok(Value::Float(Float64::Vector(k)))
}

/// y_k = Σ_(ℓ=0..min(k, L)) K_ℓ u_(k−ℓ), in text and LaTeX.
fn conv_formula() -> Notation {
    Notation::new(
        "y_k = Σ_(ℓ=0..min(k, L)) K_ℓ u_(k−ℓ), k = 0..len(u)−1",
        "y_k = \\sum_{\\ell=0}^{\\min(k, L)} K_\\ell u_{k-\\ell},\\ k = 0, \\dots, \\operatorname{len}(u)-1",
    )
}

fn exact_vector(v: &Value) -> Option<&[Expr]> {
    match v {
        Value::Vector(xs) => Some(xs),
        _ => None,
    }
}

fn conv_exact(ev: &mut Evaluator, k: &[Expr], u: &[Expr], span: Span) -> EResult<Value> {
    let math = |e| EvalError::math(e, span);
    let products: usize = (0..u.len())
        .map(|i| i.min(k.len().saturating_sub(1)) + 1)
        .sum();
    if products > MAX_EXACT_PRODUCTS {
        return Err(EvalError::new(
            format!("an exact convolution of {products} products is too large (at most {MAX_EXACT_PRODUCTS})"),
            span,
        )
        .with_help("convert the data with float(…) for an FFT convolution"));
    }
    let mut y = Vec::with_capacity(u.len());
    for i in 0..u.len() {
        ev.check_interrupt(span)?;
        let top = i.min(k.len().saturating_sub(1));
        let terms = (0..=top)
            .map(|l| expr::mul(vec![k[l].clone(), u[i - l].clone()]))
            .collect::<Result<Vec<_>, _>>()
            .map_err(math)?;
        y.push(expr::add(terms).map_err(math)?);
    }
    ev.steps.push(
        conv_formula(),
        format!("direct, exact: {products} products"),
    );
    Ok(Value::Vector(y))
}

fn conv_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    if let (Some(k), Some(u)) = (exact_vector(args.value(0)), exact_vector(args.value(1))) {
        return conv_exact(ev, k, u, span);
    }
    let k = fvector(args, 0, None, "K")?;
    let u = fvector(args, 1, None, "u")?;
    if k.len().max(u.len()) > MAX_FLOAT_LEN {
        return Err(EvalError::new(
            format!("a convolution of sequences longer than {MAX_FLOAT_LEN} is too large"),
            span,
        ));
    }
    let fft = signal::uses_fft(k.len(), u.len());
    let y = signal::convolve(&k, &u);
    ev.steps.push(
        conv_formula(),
        "the causal convolution: the SSM's output for the input u",
    );
    ev.steps.push(
        if fft {
            let size = (k.len().min(u.len()) + u.len() - 1).next_power_of_two();
            format!("by FFT: zero-padded to N = {size}, three radix-2 transforms, O(N log N)")
        } else {
            format!("direct: at most {} products", k.len() * u.len())
        },
        format!(
            "float64, approximate (the FFT once len(K)·len(u) > {})",
            signal::DIRECT_MAX
        ),
    );
    if y.iter().any(|x| !x.is_finite()) {
        return Err(EvalError::new("the float64 convolution overflowed", span));
    }
    Ok(Value::Float(Float64::Vector(y)))
}
