//! P-recursive (D-finite) sequences: Σ_{i=0}^{r} p_i(k) c_{k+i} = 0 with polynomial
//! coefficients of degree ≤ 3 and order ≤ 3 (plus order 4 with constant coefficients), found
//! as the nullspace of a linear system built from a prefix of the terms and verified on the rest.

use super::fit::fit_prefix;
use super::{cfinite, describe_recurrence_rich, Evidence, GeneralTerm, MIN_CHECKED};
use crate::math::linalg::primitive;
use crate::math::number::Q;
use crate::math::poly::Poly;
use crate::rich;

/// Largest order searched with polynomial coefficients.
pub(super) const MAX_ORDER: usize = 3;
/// Largest degree of the polynomial coefficients.
pub(super) const MAX_DEGREE: usize = 3;
/// Latest start tried, for sequences whose first terms are irregular.
const MAX_FROM: usize = 3;

/// The simplest recurrence (lowest order, then degree, then start) that fits `c`.
pub(super) fn find(c: &[Q]) -> Option<GeneralTerm> {
    let mut shapes: Vec<(usize, usize)> = (1..=MAX_ORDER)
        .flat_map(|r| (0..=MAX_DEGREE).map(move |d| (r, d)))
        .collect();
    shapes.push((cfinite::MAX_ORDER, 0));
    for (r, deg) in shapes {
        for from in 0..=MAX_FROM {
            if crate::math::interrupted() || from + r >= c.len() {
                return None;
            }
            let rows: Vec<Vec<Q>> = (from..c.len() - r)
                .map(|k| {
                    let kq = Q::int(k as i64);
                    let mut row = Vec::with_capacity((r + 1) * (deg + 1));
                    for i in 0..=r {
                        let mut w = c[k + i].clone();
                        for _ in 0..=deg {
                            row.push(w.clone());
                            w = w.mul(&kq);
                        }
                    }
                    row
                })
                .collect();
            let Some((v, f)) = fit_prefix(&rows, (r + 1) * (deg + 1), MIN_CHECKED) else {
                continue;
            };
            let v = primitive(&v);
            let mut polys: Vec<Vec<Q>> =
                v.chunks(deg + 1).map(|p| Poly::new(p.to_vec()).c).collect();
            let (Some(lead), false) = (polys[r].last().cloned(), polys[0].is_empty()) else {
                continue;
            };
            if lead.is_negative() {
                polys = polys
                    .iter()
                    .map(|p| p.iter().map(Q::neg).collect())
                    .collect();
            }
            let method = rich![
                "P-recursive: ",
                describe_recurrence_rich(&polys, from as u64, "k")
            ];
            return Some(GeneralTerm::Recurrence {
                order: r,
                polys,
                from: from as u64,
                evidence: Evidence {
                    fitted_on: f + r,
                    checked_on: rows.len() - f,
                    method,
                },
            });
        }
    }
    None
}
