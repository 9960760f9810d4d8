//! Powers of a rank-one update of the identity, A = I + u·vᵀ, with symbolic entries: since
//! (u·vᵀ)² = (vᵀu)·u·vᵀ, A^k = I + ((1 + vᵀu)^k − 1)/(vᵀu) · u·vᵀ (and I + k·u·vᵀ when
//! vᵀu = 0). SEEDS B1(f): (I + p·pᵀ)^k = I + ((1 + ‖p‖²)^k − 1)/‖p‖² · p·pᵀ.

use crate::math::expr::{self, subst::expand, Expr, MResult};

/// `(u, v)` with A − I = u·vᵀ, when A is a square matrix of that form (checked exactly).
pub fn identity_plus_rank_one(a: &[Vec<Expr>]) -> MResult<Option<(Vec<Expr>, Vec<Expr>)>> {
    let n = a.len();
    if n == 0 || a.iter().any(|r| r.len() != n) {
        return Ok(None);
    }
    let mut d = Vec::with_capacity(n);
    for (i, r) in a.iter().enumerate() {
        let mut row = Vec::with_capacity(n);
        for (j, x) in r.iter().enumerate() {
            row.push(if i == j {
                expr::sub(x.clone(), Expr::one())?
            } else {
                x.clone()
            });
        }
        d.push(row);
    }
    // u: a non-zero column of A − I; v from a row where u is non-zero.
    let Some(j) = (0..n).find(|&j| d.iter().any(|r| !r[j].is_zero())) else {
        return Ok(None);
    };
    let u: Vec<Expr> = d.iter().map(|r| r[j].clone()).collect();
    let Some(i) = (0..n).find(|&i| !u[i].is_zero()) else {
        return Ok(None);
    };
    let v: Vec<Expr> = d[i]
        .iter()
        .map(|x| expr::div(x.clone(), u[i].clone()))
        .collect::<MResult<_>>()?;
    for (r, ur) in d.iter().zip(&u) {
        for (x, vc) in r.iter().zip(&v) {
            let diff = expand(&expr::sub(
                x.clone(),
                expr::mul(vec![ur.clone(), vc.clone()])?,
            )?)?;
            if !diff.is_zero() {
                return Ok(None);
            }
        }
    }
    Ok(Some((u, v)))
}

/// A^k for A = I + u·vᵀ.
pub fn power(u: &[Expr], v: &[Expr], k: &Expr) -> MResult<Vec<Vec<Expr>>> {
    let terms = u
        .iter()
        .zip(v)
        .map(|(a, b)| expr::mul(vec![a.clone(), b.clone()]))
        .collect::<MResult<Vec<_>>>()?;
    let s = expand(&expr::add(terms)?)?;
    let factor = if s.is_zero() {
        k.clone()
    } else {
        expr::div(
            expr::sub(
                expr::pow(expr::add(vec![Expr::one(), s.clone()])?, k.clone())?,
                Expr::one(),
            )?,
            s,
        )?
    };
    let n = u.len();
    let mut out = Vec::with_capacity(n);
    for (i, ui) in u.iter().enumerate() {
        let mut row = Vec::with_capacity(n);
        for (j, vj) in v.iter().enumerate() {
            let uv = expr::mul(vec![factor.clone(), ui.clone(), vj.clone()])?;
            row.push(if i == j {
                expr::add(vec![Expr::one(), uv])?
            } else {
                uv
            });
        }
        out.push(row);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::expr::subst::subs;

    #[test]
    fn identity_plus_p_p_transpose() {
        let (p1, p2) = (Expr::sym("p1"), Expr::sym("p2"));
        let sq = |x: &Expr| expr::pow(x.clone(), Expr::int(2)).unwrap();
        let pp = expr::mul(vec![p1.clone(), p2.clone()]).unwrap();
        let a = vec![
            vec![expr::add(vec![Expr::one(), sq(&p1)]).unwrap(), pp.clone()],
            vec![pp, expr::add(vec![Expr::one(), sq(&p2)]).unwrap()],
        ];
        let (u, v) = identity_plus_rank_one(&a).unwrap().expect("rank one");
        let ak = power(&u, &v, &Expr::sym("k")).unwrap();
        // At p = (2, 3) the closed form equals the repeated product for k = 0..5.
        let at = |e: &Expr, k: i64| {
            let e = subs(e, "p1", &Expr::int(2)).unwrap();
            let e = subs(&e, "p2", &Expr::int(3)).unwrap();
            subs(&e, "k", &Expr::int(k)).unwrap()
        };
        let num = crate::math::linalg::Matrix::from_i64(&[&[5, 6], &[6, 10]]).unwrap();
        let mut p = crate::math::linalg::Matrix::identity(2);
        for k in 0..6 {
            for (r, row) in ak.iter().enumerate() {
                for (c, e) in row.iter().enumerate() {
                    assert_eq!(at(e, k), Expr::Num(p.get(r, c).unwrap().clone()), "k = {k}");
                }
            }
            p = p.mul(&num).unwrap();
        }
        let not = vec![
            vec![Expr::int(2), Expr::zero()],
            vec![Expr::zero(), Expr::int(3)],
        ];
        assert!(identity_plus_rank_one(&not).unwrap().is_none());
    }
}
