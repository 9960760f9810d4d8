//! Float64 values in every format: six significant digits behind `≈` in text and LaTeX (the
//! values are machine approximations, not certified digits), and in JSON every double in full
//! (shortest round-trip form) with its shape, so a program loses nothing.

use super::latex::scientific;
use crate::math::linalg::float64::Float64;
use serde_json::{json, Value as Json};

/// Significant digits shown for a float64 number.
pub const DIGITS: usize = 6;

/// `x` to [`DIGITS`] significant digits, trailing zeros dropped: positional for exponents in
/// [−5, 6), else `d.ddde±XX` (the layout of certified approximations).
pub fn number(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    if !x.is_finite() {
        return format!("{x}");
    }
    let sci = format!("{:.*e}", DIGITS - 1, x);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    let trim = |s: String| {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if (-5..6).contains(&e) {
        let decimals = (DIGITS as i32 - 1 - e).max(0) as usize;
        return trim(format!("{:.*}", decimals, x));
    }
    let sign = if e < 0 { '-' } else { '+' };
    format!("{}e{sign}{:02}", trim(mant.to_string()), e.unsigned_abs())
}

fn complex(re: f64, im: f64) -> String {
    let imag = |v: f64| match number(v).as_str() {
        "1" => "i".to_string(),
        s => format!("{s}*i"),
    };
    match (re == 0.0, im == 0.0) {
        (_, true) => number(re),
        (true, false) if im < 0.0 => format!("-{}", imag(-im)),
        (true, false) => imag(im),
        (false, false) if im < 0.0 => format!("{} - {}", number(re), imag(-im)),
        (false, false) => format!("{} + {}", number(re), imag(im)),
    }
}

fn list(xs: impl Iterator<Item = String>) -> String {
    format!("[{}]", xs.collect::<Vec<_>>().join(", "))
}

fn rows(m: &nalgebra::DMatrix<f64>) -> Vec<Vec<f64>> {
    m.row_iter().map(|r| r.iter().copied().collect()).collect()
}

/// The terms of Σ c_k x^k, lowest degree first, as (negative, |c_k| x^k) in `style`.
fn poly_terms(var: &str, coeffs: &[f64], tex: bool) -> String {
    let mut out = String::new();
    for (k, c) in coeffs.iter().enumerate() {
        if *c == 0.0 {
            continue;
        }
        let mag = if tex {
            scientific(&number(c.abs()))
        } else {
            number(c.abs())
        };
        let term = match (k, tex) {
            (0, _) => mag,
            (_, _) if mag == "1" && k == 1 => var.to_string(),
            (_, false) if mag == "1" => format!("{var}^{k}"),
            (_, true) if mag == "1" => format!("{var}^{{{k}}}"),
            (1, false) => format!("{mag}*{var}"),
            (_, false) => format!("{mag}*{var}^{k}"),
            (1, true) => format!("{mag} {var}"),
            (_, true) => format!("{mag} {var}^{{{k}}}"),
        };
        out.push_str(&match (out.is_empty(), *c < 0.0) {
            (true, true) => format!("-{term}"),
            (true, false) => term,
            (false, true) => format!(" - {term}"),
            (false, false) => format!(" + {term}"),
        });
    }
    if out.is_empty() {
        "0".into()
    } else {
        out
    }
}

/// The text form: `≈ 0.7`, `≈ [0.7, 0.1]`, `≈ [[0.7, 0.1], [0.2, 0.6]]`, `≈ 0.5 + 0.25*x`.
pub fn text(f: &Float64) -> String {
    let body = match f {
        Float64::Scalar(x) => number(*x),
        Float64::Vector(v) => list(v.iter().map(|x| number(*x))),
        Float64::Matrix(m) => list(rows(m).iter().map(|r| list(r.iter().map(|x| number(*x))))),
        Float64::Complex(v) => list(v.iter().map(|(a, b)| complex(*a, *b))),
        Float64::Poly { var, coeffs } => poly_terms(var, coeffs, false),
    };
    format!("≈ {body}")
}

/// The LaTeX form, behind `\approx`.
pub fn latex(f: &Float64) -> String {
    let n = |x: f64| scientific(&number(x));
    let body = match f {
        Float64::Scalar(x) => n(*x),
        Float64::Vector(v) => crate::render::latex::vector(v.iter().map(|x| n(*x)).collect()),
        Float64::Matrix(m) => crate::render::latex::matrix(
            rows(m)
                .iter()
                .map(|r| r.iter().map(|x| n(*x)).collect())
                .collect(),
        ),
        Float64::Complex(v) => crate::render::latex::vector(
            v.iter()
                .map(|(a, b)| scientific(&complex(*a, *b)).replace("*i", " i"))
                .collect(),
        ),
        Float64::Poly { var, coeffs } => {
            let v = crate::render::latex::expr(&crate::math::Expr::sym(var));
            poly_terms(&v, coeffs, true)
        }
    };
    format!("\\approx {body}")
}

/// The JSON data fields: `float64` (always true), `significant_digits` shown in text, and the
/// full doubles: `value`, `values` (a list, a list of rows, or `[re, im]` pairs) or the
/// polynomial's `variable` and `coefficients` (lowest degree first), with `shape`.
pub fn json_fields(f: &Float64) -> Json {
    let base = json!({ "float64": true, "significant_digits": DIGITS });
    let data = match f {
        Float64::Scalar(x) => json!({ "value": x }),
        Float64::Vector(v) => json!({ "values": v, "shape": [v.len()] }),
        Float64::Matrix(m) => json!({ "values": rows(m), "shape": [m.nrows(), m.ncols()] }),
        Float64::Complex(v) => json!({
            "values": v.iter().map(|(a, b)| vec![*a, *b]).collect::<Vec<_>>(),
            "shape": [v.len()],
        }),
        Float64::Poly { var, coeffs } => json!({ "variable": var, "coefficients": coeffs }),
    };
    match (base, data) {
        (Json::Object(mut b), Json::Object(d)) => {
            b.extend(d);
            Json::Object(b)
        }
        (b, _) => b,
    }
}

/// A float64 value read back from its JSON fields and `kind`.
pub fn from_json(kind: &str, j: &Json) -> Option<Float64> {
    let nums = |v: &Json| -> Option<Vec<f64>> { v.as_array()?.iter().map(Json::as_f64).collect() };
    Some(match kind {
        "float64" => Float64::Scalar(j.get("value")?.as_f64()?),
        "float64_vector" => Float64::Vector(nums(j.get("values")?)?),
        "float64_matrix" => {
            let rows: Vec<Vec<f64>> = j
                .get("values")?
                .as_array()?
                .iter()
                .map(nums)
                .collect::<Option<_>>()?;
            if rows.iter().any(|r| r.len() != rows[0].len()) {
                return None;
            }
            Float64::matrix(&rows)
        }
        "float64_complex_vector" => Float64::Complex(
            j.get("values")?
                .as_array()?
                .iter()
                .map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
                .collect::<Option<_>>()?,
        ),
        "float64_polynomial" => Float64::Poly {
            var: j.get("variable")?.as_str()?.to_string(),
            coeffs: nums(j.get("coefficients")?)?,
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_show_six_significant_digits() {
        assert_eq!(number(0.7), "0.7");
        assert_eq!(number(1.0 / 3.0), "0.333333");
        assert_eq!(number(-2.0 / 3.0 * 1e-7), "-6.66667e-08");
        assert_eq!(number(123456789.0), "1.23457e+08");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(100000.0), "100000");
    }

    #[test]
    fn polynomials_read_like_expressions() {
        let p = Float64::Poly {
            var: "x".into(),
            coeffs: vec![0.5, -0.25, 0.0, 2.0, 1.0],
        };
        assert_eq!(text(&p), "≈ 0.5 - 0.25*x + 2*x^3 + x^4");
        assert_eq!(latex(&p), "\\approx 0.5 - 0.25 x + 2 x^{3} + x^{4}");
    }
}
