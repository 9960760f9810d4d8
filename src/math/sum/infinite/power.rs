//! Infinite sums of powers of linear terms and of rational terms: ρ^n·(k·n + j)^(−s) as zeta,
//! eta and beta values, −ln(1 − ρ), atanh and atan; rational terms by partial fractions, with
//! the simple poles grouped through digamma differences (harmonic numbers and ln 2).

use super::*;

/// ρ^n·(k·n + j)^(−s): zeta, eta and beta values, −ln(1 − ρ), atanh and atan.
pub(super) fn by_power(g: &Geo, n: &str, kind: Rho) -> MResult<Found> {
    let (base, s) = match &g.rest {
        Expr::Pow(b, e) if !e.depends_on(n) => ((**b).clone(), expr::neg((**e).clone())?),
        Expr::Sym(_) => return Ok(None),
        _ => return Ok(None),
    };
    power_family(&g.coeff, &g.rho, &g.parts, &base, &s, n, kind)
}

/// Σ ρ^n·c·(base)^(−s) from its natural start, `base` linear in n.
#[allow(clippy::too_many_arguments)]
fn power_family(
    coeff: &Expr,
    rho: &Expr,
    parts: &[(Expr, Q)],
    base: &Expr,
    s: &Expr,
    n: &str,
    kind: Rho,
) -> MResult<Found> {
    let Some((a, b)) = linear(base, n) else {
        return Ok(None);
    };
    if !a.is_positive() {
        return Ok(None);
    }
    let j = b.div(&a)?;
    let mut d = Derivation::new();
    // (a n + b)^(−s) = a^(−s)·(n + j)^(−s); for half-integer j, = (a/2)^(−s)·(2n + 2j)^(−s).
    let (scale, odd) = if j.is_integer() {
        (a.clone(), false)
    } else if j.mul(&Q::int(2)).is_integer() {
        (a.div(&Q::int(2))?, true)
    } else {
        return Ok(None);
    };
    let c = expr::mul(vec![
        coeff.clone(),
        expr::pow(Expr::Num(scale), expr::neg(s.clone())?)?,
    ])?;
    let zeta = |x: Expr| expr::func(Func::Zeta, vec![x]);
    let two = Expr::int(2);
    // Natural start and the substitution m = n + j (or 2m+1 = 2n + 2j).
    let (n0, m_shift) = if odd {
        let jj = j.sub(&Q::frac(1, 2)); // 2n + 2j = 2(n + jj) + 1
        (int(&jj.neg()), jj)
    } else {
        (int(&Q::one().sub(&j)), j.clone())
    };
    let Some(n0) = n0 else {
        return Ok(None);
    };
    let m_shift = int(&m_shift).unwrap_or_default();
    // ρ^n = ρ^(m − shift)
    let rho_shift = expr::pow(
        rho.clone(),
        Expr::Num(Q::from_integer(Integer::from(-&m_shift))),
    )?;
    let (v, why) = match (kind, odd) {
        (Rho::One, false) => (
            zeta(s.clone())?,
            rich![
                "the p-series: ",
                Notation::new("Σ_{m≥1} m^(−s) = ζ(s)", r"\sum_{m\ge 1} m^{-s} = \zeta(s)")
            ],
        ),
        (Rho::One, true) => (
            expr::mul(vec![
                expr::sub(Expr::one(), expr::pow(two.clone(), expr::neg(s.clone())?)?)?,
                zeta(s.clone())?,
            ])?,
            rich![
                "odd terms of the p-series: ",
                Notation::new(
                    "Σ_{m≥0} (2m+1)^(−s) = (1 − 2^(−s))·ζ(s)",
                    r"\sum_{m\ge 0} (2m+1)^{-s} = (1 - 2^{-s})\,\zeta(s)"
                )
            ],
        ),
        (Rho::MinusOne, false) => {
            let eta = if s.is_one() {
                expr::func(Func::Ln, vec![two.clone()])?
            } else {
                expr::mul(vec![
                    expr::sub(
                        Expr::one(),
                        expr::pow(two.clone(), expr::sub(Expr::one(), s.clone())?)?,
                    )?,
                    zeta(s.clone())?,
                ])?
            };
            (
                expr::neg(eta)?,
                rich![
                    Notation::new(
                        "Σ_{m≥1} (−1)^m m^(−s) = −η(s) = −(1 − 2^(1−s))·ζ(s)",
                        r"\sum_{m\ge 1} (-1)^m m^{-s} = -\eta(s) = -(1 - 2^{1-s})\,\zeta(s)"
                    ),
                    " (",
                    Notation::new("η(1) = ln 2", r"\eta(1) = \ln 2"),
                    ")"
                ],
            )
        }
        (Rho::MinusOne, true) => {
            let beta = if s.is_one() {
                expr::div(Expr::pi(), Expr::int(4))?
            } else if *s == Expr::int(3) {
                expr::div(expr::pow(Expr::pi(), Expr::int(3))?, Expr::int(32))?
            } else {
                return Ok(None);
            };
            (
                beta,
                rich![
                    "Dirichlet's beta: ",
                    Notation::new(
                        "Σ_{m≥0} (−1)^m/(2m+1) = π/4",
                        r"\sum_{m\ge 0} \frac{(-1)^m}{2m+1} = \frac{\pi}{4}"
                    ),
                    " (Leibniz), ",
                    Notation::new("β(3) = π³/32", r"\beta(3) = \frac{\pi^3}{32}")
                ],
            )
        }
        (Rho::Inside | Rho::Symbolic, false) if s.is_one() => (
            expr::neg(expr::func(
                Func::Ln,
                vec![expr::sub(Expr::one(), rho.clone())?],
            )?)?,
            rich![
                Notation::new(
                    "Σ_{m≥1} ρ^m/m = −ln(1 − ρ)",
                    r"\sum_{m\ge 1} \frac{\rho^m}{m} = -\ln(1 - \rho)"
                ),
                " for ",
                Notation::new("|ρ| < 1", r"|\rho| < 1"),
                " (",
                Notation::new("ρ", r"\rho"),
                Op::Eq,
                rho,
                ")"
            ],
        ),
        (Rho::Inside | Rho::Symbolic, true) if s.is_one() => {
            let Some((tau, negative)) = sqrt_rho(parts)? else {
                return Ok(None);
            };
            let f = if negative { Func::Atan } else { Func::Atanh };
            (
                expr::div(expr::func(f, vec![tau.clone()])?, tau)?,
                rich![
                    Notation::new(
                        "Σ_{m≥0} τ^(2m)/(2m+1) = atanh(τ)/τ",
                        r"\sum_{m\ge 0} \frac{\tau^{2m}}{2m+1} = \frac{\operatorname{artanh}\tau}{\tau}"
                    ),
                    ", ",
                    Notation::new(
                        "Σ (−1)^m τ^(2m)/(2m+1) = atan(τ)/τ",
                        r"\sum (-1)^m \frac{\tau^{2m}}{2m+1} = \frac{\arctan\tau}{\tau}"
                    ),
                    " for ",
                    Notation::new("|τ| < 1", r"|\tau| < 1")
                ],
            )
        }
        _ => return Ok(None),
    };
    if !s.is_constant() && matches!(kind, Rho::One | Rho::MinusOne) {
        d.push_condition(
            rich![s, Op::Gt, Expr::int(if kind == Rho::One { 1 } else { 0 })],
            "the series converges only there",
        );
    }
    if kind == Rho::Symbolic {
        d.push_condition(
            names::abs_below_one(rho),
            "the series converges for |ρ| < 1 (and diverges for |ρ| > 1)",
        );
    }
    let v = expr::mul(vec![c, rho_shift, v])?;
    d.push_expr(
        rich![
            names::sigma_from(n, &n0.to_string()),
            Notation::new(" =", " =")
        ],
        v.clone(),
        why,
    );
    Ok(Some((v, n0, d)))
}

/// Rational terms (times ±1 or ρ^n): partial fractions over Q, each piece by `power_family`;
/// with ρ = 1 the simple poles are grouped (their coefficients sum to 0) through digamma
/// differences, which are harmonic numbers and ln 2.
pub(super) fn by_partial_fractions(
    a: &Expr,
    g: &Geo,
    n: &str,
    lo: &Integer,
    kind: Rho,
) -> MResult<Option<(Expr, Derivation)>> {
    let Some((p, q)) = rational_function(&g.rest, n) else {
        return Ok(None);
    };
    if q.degree() < 1 || p.degree() >= q.degree() {
        return Ok(None);
    }
    let Some(roots) = q.linear_factors() else {
        return Ok(None);
    };
    let pieces = partial_fractions(&p, &q, &roots).terms;
    let mut d = Derivation::new();
    let listing: Vec<String> = pieces
        .iter()
        .map(|(r, k, c)| format!("({c})/({n} − {r})^{k}"))
        .collect();
    let q_tex = |q: &Q| print(&Expr::Num(q.clone()), Style::Latex);
    let listing_tex: Vec<String> = pieces
        .iter()
        .map(|(r, k, c)| {
            // n − r as an expression, so a negative root reads n + 2 rather than n − -2.
            let base = expr::add(vec![Expr::sym(n), Expr::Num(r.neg())])
                .map(|b| print(&b, Style::Latex))
                .unwrap_or_else(|_| format!("{n} - {}", q_tex(r)));
            let den = if *k == 1 {
                base
            } else {
                format!("\\left({base}\\right)^{{{k}}}")
            };
            format!("\\frac{{{}}}{{{den}}}", q_tex(c))
        })
        .collect();
    d.push(
        rich![
            &g.rest,
            Op::Eq,
            Notation::new(listing.join(" + "), listing_tex.join(" + "))
        ],
        "partial fractions over Q",
    );
    let mut total = Vec::new();
    let mut simple = Vec::new();
    for (r, k, c) in &pieces {
        let lin = Poly::new(vec![r.neg(), Q::one()]).to_expr(n)?;
        if kind == Rho::One && *k == 1 {
            simple.push((r.clone(), c.clone()));
            continue;
        }
        let coeff = expr::mul(vec![g.coeff.clone(), Expr::Num(c.clone())])?;
        let s = Expr::int(*k as i64);
        let rho_n = expr::mul(
            g.parts
                .iter()
                .map(|(b, al)| {
                    expr::pow(
                        b.clone(),
                        expr::mul(vec![Expr::Num(al.clone()), Expr::sym(n)])?,
                    )
                })
                .collect::<MResult<Vec<_>>>()?,
        )?;
        let piece_term = expr::mul(vec![
            coeff.clone(),
            rho_n,
            expr::pow(lin.clone(), expr::neg(s.clone())?)?,
        ])?;
        let Some((v0, n0, dd)) = power_family(&coeff, &g.rho, &g.parts, &lin, &s, n, kind)? else {
            return Ok(None);
        };
        d.extend(dd);
        total.push(restart(&piece_term, n, v0, &n0, lo)?);
    }
    if !simple.is_empty() {
        let sum_c = simple.iter().fold(Q::zero(), |acc, (_, c)| acc.add(c));
        if !sum_c.is_zero() {
            return Ok(None); // the harmonic part diverges; the convergence test says so
        }
        // Σ_{n≥lo} Σ c_r/(n − r) = −Σ c_r·(ψ(lo − r) + γ)
        let mut parts = Vec::new();
        for (r, c) in &simple {
            let x = Q::from_integer(lo.clone()).sub(r);
            let Some(psi) = digamma_plus_gamma(&x)? else {
                return Ok(None);
            };
            parts.push(expr::mul(vec![Expr::Num(c.neg()), psi])?);
        }
        let v = expr::mul(vec![g.coeff.clone(), expr::add(parts)?])?;
        d.push_expr(
            "the simple poles together",
            v.clone(),
            "Σ_{n≥lo} Σ_r c_r/(n − r) = −Σ_r c_r·(ψ(lo − r) + γ) when Σ_r c_r = 0; ψ(m) + γ = H_(m−1) and ψ(m + 1/2) + γ = 2·(1 + 1/3 + … + 1/(2m−1)) − 2 ln 2",
        );
        total.push(v);
    }
    let value = expr::add(total)?;
    d.push_expr(
        rich![
            names::sigma_from(n, &lo.to_string()),
            Notation::new(" ", " "),
            a,
            Notation::new(" =", " =")
        ],
        value.clone(),
        "the pieces added",
    );
    Ok(Some((value, d)))
}
