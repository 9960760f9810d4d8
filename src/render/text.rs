//! Plain-text rendering of values in the syntax sigma reads back; expressions print through
//! `Expr`'s `Display` (math/expr/display.rs), so printed exact results round-trip.

use crate::eval::value::Value;
pub use crate::math::expr::display::expr;
use crate::math::expr::display::in_product;

/// The text form of a value: expressions as above, approximations as `≈ digits`.
pub fn value(v: &Value) -> String {
    match v {
        Value::Expr(e) => expr(e),
        Value::Approx(a) => format!("≈ {}", a.value.text),
        Value::Bool(b) => b.to_string(),
        Value::Formula(f) => f.render(
            &expr,
            &|r| r.symbol().to_string(),
            ["and", "or", "not"],
            ["(", ")"],
        ),
        Value::Vector(xs) => format!("[{}]", xs.iter().map(expr).collect::<Vec<_>>().join(", ")),
        Value::ApproxVector(xs) => format!(
            "≈ [{}]",
            xs.iter()
                .map(|a| a.value.text.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Float(f) => super::float::text(f),
        Value::Plot(p) => super::plot::summary(p),
        Value::Verdict(v) => v.to_string(),
        Value::TestReport(r) => r.to_string(),
        Value::Limit(l) => l.describe(),
        Value::IntervalSet(s) => s.to_string(),
        Value::Term(t) => t.to_string(),
        Value::Series(sv) => {
            let (ts, order) = super::series::terms(sv);
            let ts: Vec<(bool, String)> = ts
                .iter()
                // A leading minus binds looser than a product: -(…) only for sums.
                .map(|(n, t)| (*n, if *n { in_product(t) } else { expr(t) }))
                .collect();
            super::series::join(&ts, &format!("O({})", expr(&order)))
        }
        Value::Matrix(rows) => format!(
            "[{}]",
            rows.iter()
                .map(|r| format!("[{}]", r.iter().map(expr).collect::<Vec<_>>().join(", ")))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A rational whose decimal expansion terminates within 12 significant digits, as that
/// decimal (`9/10` → `0.9`, `-5/4` → `-1.25`); `None` otherwise. Exact, not rounded.
pub fn short_decimal(q: &crate::math::Q) -> Option<String> {
    use rug::Integer;
    let d = q.denom().clone();
    let (mut twos, mut fives, mut rest) = (0u32, 0u32, d);
    while rest.is_divisible_u(2) {
        rest /= 2;
        twos += 1;
    }
    while rest.is_divisible_u(5) {
        rest /= 5;
        fives += 1;
    }
    if rest != 1 {
        return None;
    }
    let places = twos.max(fives);
    let scaled = (q.numer() * Integer::from(Integer::u_pow_u(10, places))) / q.denom();
    let digits = scaled.clone().abs().to_string();
    if digits.len() > 12 {
        return None;
    }
    let sign = if scaled < 0 { "-" } else { "" };
    if places == 0 {
        return Some(format!("{sign}{digits}"));
    }
    let p = places as usize;
    let padded = format!("{digits:0>width$}", width = p + 1);
    let (int, frac) = padded.split_at(padded.len() - p);
    Some(format!("{sign}{int}.{frac}"))
}
