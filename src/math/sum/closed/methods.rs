//! The structural summation methods behind [`closed`](super): polynomials
//! (Faulhaber), geometric terms c·r^(αn+β) with r symbolic or numeric, polynomial × geometric
//! (arithmetic–geometric) terms, and telescoping terms f(n+s) found among the terms of a sum.
//! Each method yields a [`Piece`] that knows its antidifference and its sum over a range.
//! Imports only the expression layer and the shaping helpers of [`shape`](mod@super::shape).

use super::shape::{collect, poly_coeffs, poly_expr, shape};
use crate::math::answer::{Notation, Op};
use crate::math::expr::{self, diff::diff, subst::expand, subst::subs, Expr, MResult, MathError};
use crate::math::number::Q;
use crate::math::Derivation;
use crate::rich;

/// Largest index shift looked for between the terms of a telescoping sum.
const MAX_SHIFT: i64 = 24;
/// Largest number of terms searched for telescoping pairs.
const MAX_TERMS: usize = 40;

/// What one method found for (a part of) the summand.
#[derive(Debug, Clone)]
pub enum Piece {
    /// A value free of the index: its sum is (hi − lo + 1)·value.
    Constant(Expr),
    /// G(n) = ∏ b^(α·n + β) with ratio ρ = ∏ b^α ≠ 1 (the pairs (b, α) in `ratio`);
    /// `reverse` sums from the top (ratio 1/ρ), which reads better when every exponent
    /// decreases with n.
    Geometric {
        g: Expr,
        ratio: Vec<(Expr, Expr)>,
        reverse: bool,
    },
    /// The antidifference G(n)·N(n)/den of a polynomial times the geometric G, with N's
    /// coefficients in `poly` and `den` free of the index.
    PolyGeometric { g: Expr, poly: Vec<Expr>, den: Expr },
    /// An antidifference num(n)/den with `den` free of the index.
    Anti { num: Expr, den: Expr },
}

/// A condition a formula holds under ("r ≠ 1"), why it is needed, and, when the excluded
/// case is a symbol taking one value, that symbol and the sum's value there: a formula that
/// gives that value anyway needs no condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub text: crate::math::answer::Rich,
    pub why: String,
    pub unless: Option<(String, Expr, Expr)>,
}

/// A piece with its n-free coefficient, the steps that found it and its conditions.
#[derive(Debug, Clone)]
pub struct Found {
    pub coeff: Expr,
    pub piece: Piece,
    pub steps: Derivation,
    pub conditions: Vec<Condition>,
}

impl Found {
    fn new(piece: Piece, steps: Derivation) -> Found {
        Found {
            coeff: Expr::one(),
            piece,
            steps,
            conditions: Vec::new(),
        }
    }

    /// The antidifference z(n) with z(n+1) − z(n) = coeff·piece(n).
    pub fn antidifference(&self, n: &str) -> MResult {
        let z = match &self.piece {
            Piece::Constant(v) => expr::mul(vec![v.clone(), Expr::sym(n)])?,
            Piece::Geometric { g, ratio, .. } => {
                let rho = ratio_power(ratio, &Expr::one())?;
                expr::div(g.clone(), expr::sub(rho, Expr::one())?)?
            }
            Piece::PolyGeometric { g, poly, den } => expr::div(
                expr::mul(vec![g.clone(), poly_expr(poly, n)?])?,
                den.clone(),
            )?,
            Piece::Anti { num, den } => expr::div(num.clone(), den.clone())?,
        };
        expr::mul(vec![self.coeff.clone(), z])
    }

    /// The sum of one piece over lo..hi (count = hi − lo + 1 terms).
    pub fn sum(
        &self,
        n: &str,
        lo: &Expr,
        hi: &Expr,
        count: &Expr,
        conditions: &mut Vec<Condition>,
    ) -> MResult {
        let f = self;
        match &f.piece {
            Piece::Constant(v) => expr::mul(vec![f.coeff.clone(), count.clone(), v.clone()]),
            Piece::Geometric { g, ratio, reverse } => {
                let sign = Expr::int(if *reverse { -1 } else { 1 });
                let start = if *reverse { hi } else { lo };
                let rho = ratio_power(ratio, &sign)?;
                // ρ here is the ratio in the direction of summation.
                let first = subs(g, n, start)?;
                if !rho.is_constant() {
                    let at_one = expr::mul(vec![f.coeff.clone(), first.clone(), count.clone()])?;
                    let (at_one, unless) = match &rho {
                        Expr::Sym(r) => {
                            let v = subs(&at_one, r, &Expr::one())?;
                            (v.clone(), Some((r.to_string(), Expr::one(), v)))
                        }
                        _ => (at_one, None),
                    };
                    conditions.push(Condition {
                        text: rich![&rho, Op::Ne, Expr::one()],
                        why: format!(
                            "the formula divides by {rho} − 1; when {rho} = 1 the sum is {at_one}"
                        ),
                        unless,
                    });
                }
                // Forward: (G(hi+1) − G(lo))/(ρ − 1); from the top: (G(lo−1) − G(hi))/(1/ρ − 1).
                let beyond = if *reverse { lo } else { hi };
                let beyond = subs(g, n, &expr::add(vec![beyond.clone(), sign])?)?;
                let s = expr::mul(vec![
                    f.coeff.clone(),
                    expr::sub(beyond, first)?,
                    expr::pow(expr::sub(rho, Expr::one())?, Expr::int(-1))?,
                ])?;
                shape(&s)
            }
            Piece::PolyGeometric { g, poly, den } => {
                let end = |at: &Expr| -> MResult {
                    let value = subs(&poly_expr(poly, n)?, n, at)?;
                    let main = at.symbols();
                    let x = (main.len() == 1).then(|| main[0].to_string());
                    shape(&expr::mul(vec![
                        subs(g, n, at)?,
                        collect(&value, x.as_deref())?,
                    ])?)
                };
                let top = end(&expr::add(vec![hi.clone(), Expr::one()])?)?;
                let diff = expr::sub(top, end(lo)?)?;
                expr::mul(vec![
                    f.coeff.clone(),
                    diff,
                    expr::pow(den.clone(), Expr::int(-1))?,
                ])
            }
            Piece::Anti { num, den } => {
                let top = subs(num, n, &expr::add(vec![hi.clone(), Expr::one()])?)?;
                let bottom = subs(num, n, lo)?;
                let diff = shape(&expr::sub(top, bottom)?)?;
                expr::mul(vec![
                    f.coeff.clone(),
                    diff,
                    expr::pow(den.clone(), Expr::int(-1))?,
                ])
            }
        }
    }
}

/// Binomial coefficients C(j, k) for j ≤ m.
fn pascal(m: usize) -> Vec<Vec<Q>> {
    let mut rows: Vec<Vec<Q>> = Vec::with_capacity(m + 1);
    for j in 0..=m {
        let mut row = vec![Q::one(); j + 1];
        for k in 1..j {
            row[k] = rows[j - 1][k - 1].add(&rows[j - 1][k]);
        }
        rows.push(row);
    }
    rows
}

/// Faulhaber: q with q(n+1) − q(n) = p(n) and q(0) = 0, from the triangular system
/// Σ_{j>k} C(j,k) q_j = p_k solved from the top degree down.
pub fn polynomial(g: &Expr, n: &str) -> MResult<Option<Found>> {
    let Some(p) = poly_coeffs(g, n) else {
        return Ok(None);
    };
    let d = p.len() - 1;
    let c = pascal(d + 1);
    let mut q = vec![Expr::zero(); d + 2];
    for k in (0..=d).rev() {
        let mut acc = vec![p[k].clone()];
        for (j, qj) in q.iter().enumerate().skip(k + 2) {
            acc.push(expr::mul(vec![Expr::Num(c[j][k].neg()), qj.clone()])?);
        }
        q[k + 1] = expr::mul(vec![expr::add(acc)?, Expr::frac(1, (k + 1) as i64)])?;
    }
    let z = poly_expr(&q, n)?;
    let mut steps = Derivation::new();
    steps.push_expr(
        rich![
            Notation::new(format!("q({n})"), format!("q({n})")),
            " with ",
            Notation::new(format!("q({n}+1) − q({n})"), format!("q({n}+1) - q({n})")),
            Op::Eq,
            g,
            ": ",
            Notation::new(format!("q({n}) ="), format!("q({n}) ="))
        ],
        z.clone(),
        rich![
            format!("polynomial of degree {d} in "),
            Expr::sym(n),
            ": Faulhaber's triangular system ",
            Notation::new(
                "Σ_(j>k) C(j,k)·q_j = p_k, q(0) = 0",
                "\\sum_{j>k} \\binom{j}{k} q_j = p_k,\\ q(0) = 0"
            )
        ],
    );
    Ok(Some(Found::new(
        Piece::Anti {
            num: z,
            den: Expr::one(),
        },
        steps,
    )))
}

/// ∏ b^(α·k) over the pairs (b, α): the ratio ρ raised to the power k, written so that
/// (x^2)^(1 + n) comes out as x^(2 + 2*n).
pub fn ratio_power(ratio: &[(Expr, Expr)], k: &Expr) -> MResult {
    let parts = ratio
        .iter()
        .map(|(b, a)| expr::pow(b.clone(), expr::mul(vec![a.clone(), k.clone()])?))
        .collect::<MResult<Vec<_>>>()?;
    expr::mul(parts)
}

/// For a factor b^(α·n + β) with b and α free of n: (b, α).
fn geometric_factor(f: &Expr, n: &str) -> MResult<Option<(Expr, Expr)>> {
    let Expr::Pow(b, e) = f else {
        return Ok(None);
    };
    if b.depends_on(n) || !e.depends_on(n) {
        return Ok(None);
    }
    let alpha = diff(e, n)?;
    if alpha.depends_on(n) {
        return Ok(None);
    }
    let rest = expand(&expr::sub(
        (**e).clone(),
        expr::mul(vec![alpha.clone(), Expr::sym(n)])?,
    )?)?;
    if rest.depends_on(n) {
        return Ok(None);
    }
    Ok(Some(((**b).clone(), alpha)))
}

/// The geometric factors of a product (with their (base, α) pairs) and the other factors.
struct Split {
    geo: Vec<Expr>,
    ratio: Vec<(Expr, Expr)>,
    rest: Vec<Expr>,
}

impl Split {
    fn new(g: &Expr, n: &str) -> MResult<Split> {
        let factors = match g {
            Expr::Mul(fs) => fs.clone(),
            other => vec![other.clone()],
        };
        let mut s = Split {
            geo: Vec::new(),
            ratio: Vec::new(),
            rest: Vec::new(),
        };
        for f in factors {
            match geometric_factor(&f, n)? {
                Some(pair) => {
                    s.geo.push(f);
                    s.ratio.push(pair);
                }
                None => s.rest.push(f),
            }
        }
        Ok(s)
    }
    /// Whether every exponent decreases with n.
    fn decreasing(&self) -> bool {
        self.ratio
            .iter()
            .all(|(_, a)| a.as_num().is_some_and(Q::is_negative))
    }
}

/// c·r^(α·n+β) (a product of such factors): a geometric term.
pub fn geometric(g: &Expr, n: &str) -> MResult<Option<Found>> {
    let split = Split::new(g, n)?;
    if split.geo.is_empty() || !split.rest.is_empty() {
        return Ok(None);
    }
    let rho = ratio_power(&split.ratio, &Expr::one())?;
    let mut steps = Derivation::new();
    if rho.is_one() {
        steps.push(
            rich![g, " does not change with ", Expr::sym(n)],
            "its ratio is 1",
        );
        return Ok(Some(Found::new(Piece::Constant(g.clone()), steps)));
    }
    let mut found = Found::new(
        Piece::Geometric {
            g: g.clone(),
            reverse: split.decreasing(),
            ratio: split.ratio,
        },
        steps,
    );
    found.steps.push(
        rich![g, " is geometric with ratio ", &rho],
        rich![
            Notation::new("a(n+1)/a(n)", "\\frac{a(n+1)}{a(n)}"),
            " does not depend on n"
        ],
    );
    Ok(Some(found))
}

/// p(n)·G(n) with G geometric of ratio ρ: the antidifference G(n)·q(n) where
/// ρ·q(n+1) − q(n) = p(n), q of the degree of p, solved by back substitution with
/// ρ symbolic; written as G(n)·N(n)/(ρ − 1)^(d+1) with N a polynomial in n and ρ.
pub fn poly_geometric(g: &Expr, n: &str) -> MResult<Option<Found>> {
    let split = Split::new(g, n)?;
    let flip = split.decreasing();
    let Split { geo, ratio, rest } = split;
    let rho = ratio_power(&ratio, &Expr::one())?;
    if geo.is_empty() || rest.is_empty() || rho.is_one() {
        return Ok(None);
    }
    let pexpr = expr::mul(rest)?;
    let Some(p) = poly_coeffs(&pexpr, n) else {
        return Ok(None);
    };
    let d = p.len() - 1;
    let c = pascal(d);
    let rm1 = expr::sub(rho.clone(), Expr::one())?;
    let rpow = |k: usize| expr::pow(rm1.clone(), Expr::int(k as i64));
    // q_k = qh_k / (ρ−1)^(d−k+1) with qh_k = p_k (ρ−1)^(d−k) − ρ Σ_{j>k} C(j,k) qh_j (ρ−1)^(j−k−1).
    let mut qh = vec![Expr::zero(); d + 1];
    for k in (0..=d).rev() {
        let mut acc = vec![expr::mul(vec![p[k].clone(), rpow(d - k)?])?];
        for j in k + 1..=d {
            acc.push(expr::mul(vec![
                Expr::Num(c[j][k].neg()),
                rho.clone(),
                qh[j].clone(),
                rpow(j - k - 1)?,
            ])?);
        }
        qh[k] = expand(&expr::add(acc)?)?;
    }
    // With decreasing exponents (ρ = 1/σ) multiply through by σ^(d+1): the denominator
    // becomes (1 − σ)^(d+1), free of 1/σ.
    let sigma = ratio_power(&ratio, &Expr::int(-1))?;
    let (scale, den) = if flip {
        (
            expr::pow(sigma.clone(), Expr::int(d as i64 + 1))?,
            expr::pow(
                expr::sub(Expr::one(), sigma.clone())?,
                Expr::int(d as i64 + 1),
            )?,
        )
    } else {
        (Expr::one(), rpow(d + 1)?)
    };
    let coeffs = (0..=d)
        .map(|k| expand(&expr::mul(vec![qh[k].clone(), rpow(k)?, scale.clone()])?))
        .collect::<MResult<Vec<_>>>()?;
    let g_only = expr::mul(geo)?;
    let piece = Piece::PolyGeometric {
        g: g_only.clone(),
        poly: coeffs,
        den,
    };
    let mut found = Found::new(piece, Derivation::new());
    found.steps.push(
        rich![
            g,
            format!(" is a polynomial of degree {d} times the geometric "),
            &g_only,
            " of ratio ",
            &rho
        ],
        rich![
            "antidifference ",
            &g_only,
            Notation::new(format!("·q({n})"), format!(" \\cdot q({n})")),
            " with ",
            &rho,
            Notation::new(
                format!("·q({n}+1) − q({n})"),
                format!(" \\cdot q({n}+1) - q({n})")
            ),
            Op::Eq,
            &pexpr,
            ", solved by back substitution"
        ],
    );
    let shown = if flip { sigma } else { rho };
    if !shown.is_constant() {
        found.conditions.push(Condition {
            text: rich![&shown, Op::Ne, Expr::one()],
            why: format!("the formula divides by a power of {shown} − 1"),
            unless: None,
        });
    }
    Ok(Some(found))
}

/// A term c·h(n + s) of a telescoping group: (c, s, the term).
type Member = (Q, i64, Expr);

/// Telescoping: groups the terms c_i·h(n + s_i) that are shifts of one h; a group whose
/// coefficients add up to 0 has the antidifference Σ_i c_i Σ_{0≤j<s_i} h(n+j) (shifts made
/// non-negative). Returns the telescoping groups and the terms left over.
pub fn telescoping(terms: &[Expr], n: &str) -> MResult<(Vec<Found>, Vec<Expr>)> {
    if terms.len() > MAX_TERMS {
        return Ok((Vec::new(), terms.to_vec()));
    }
    let mut classes: Vec<(Expr, Vec<Member>)> = Vec::new();
    'terms: for t in terms {
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        let (c, m) = t.split_coeff();
        if m.depends_on(n) {
            for (h, members) in classes.iter_mut() {
                for s in -MAX_SHIFT..=MAX_SHIFT {
                    let shifted = subs(h, n, &expr::add(vec![Expr::sym(n), Expr::int(s)])?)?;
                    if shifted == m {
                        members.push((c, s, t.clone()));
                        continue 'terms;
                    }
                }
            }
        }
        classes.push((m, vec![(c, 0, t.clone())]));
    }
    let (mut found, mut left) = (Vec::new(), Vec::new());
    for (h, members) in classes {
        let total = members.iter().fold(Q::zero(), |acc, m| acc.add(&m.0));
        if members.len() < 2 || !total.is_zero() || !h.depends_on(n) {
            left.extend(members.into_iter().map(|m| m.2));
            continue;
        }
        let s0 = members.iter().map(|m| m.1).min().unwrap_or(0);
        let top = members.iter().map(|m| m.1 - s0).max().unwrap_or(0);
        let at = |j: i64| subs(&h, n, &expr::add(vec![Expr::sym(n), Expr::int(j + s0)])?);
        let mut zt = Vec::new();
        for j in 0..top {
            let w = members
                .iter()
                .filter(|m| m.1 - s0 > j)
                .fold(Q::zero(), |acc, m| acc.add(&m.0));
            zt.push(expr::mul(vec![Expr::Num(w), at(j)?])?);
        }
        let z = expr::add(zt)?;
        let orig = expr::add(members.iter().map(|m| m.2.clone()).collect())?;
        let mut steps = Derivation::new();
        steps.push_expr(
            rich![&orig, " telescopes, with antidifference"],
            z.clone(),
            rich![
                "terms of the form ",
                Notation::new(format!("f({n}) − f({n}+m)"), format!("f({n}) - f({n}+m)")),
                " with ",
                Notation::new("f", "f"),
                Op::Eq,
                at(0)?,
                ": ",
                Notation::new(
                    "Σ_(k=lo)^(hi) (f(k) − f(k+m))",
                    "\\sum_{k=lo}^{hi} \\left(f(k) - f(k+m)\\right)"
                ),
                " keeps only the first and last m values of f"
            ],
        );
        found.push(Found::new(
            Piece::Anti {
                num: z,
                den: Expr::one(),
            },
            steps,
        ));
    }
    Ok((found, left))
}

/// Harmonic numbers: a(n) = 1/(α·(n + c)) with an integer c has the antidifference
/// H_(n+c−1)/α, since H_m − H_(m−1) = 1/m (DLMF 25.11.33's ψ(m+1) − ψ(m) = 1/m, with
/// H_m = ψ(m+1) + γ), so Σ_{n=lo}^{hi} a(n) = (H_(hi+c) − H_(lo+c−1))/α.
pub fn harmonic(g: &Expr, n: &str) -> MResult<Option<Found>> {
    let Some((p, q)) = crate::math::poly::rational_function(g, n) else {
        return Ok(None);
    };
    if p.degree() != 0 || q.degree() != 1 || p.is_zero() {
        return Ok(None);
    }
    // g = p0/(q1·n + q0) = (p0/q1)/(n + c) with c = q0/q1.
    let (q0, q1, p0) = (&q.c[0], &q.c[1], &p.c[0]);
    let c = q0.div(q1)?;
    if !c.is_integer() {
        return Ok(None);
    }
    let scale = p0.div(q1)?;
    let shift = c.sub(&Q::one());
    let arg = expr::add(vec![Expr::sym(n), Expr::Num(shift)])?;
    let h = expr::func(expr::Func::Harmonic, vec![arg])?;
    let z = expr::mul(vec![Expr::Num(scale), h.clone()])?;
    let mut steps = Derivation::new();
    steps.push_expr(
        rich![
            "the term is a multiple of ",
            Notation::new(format!("1/({n} + c)"), format!("\\frac{{1}}{{{n} + c}}")),
            " with an integer c: an antidifference, ",
            Notation::new(format!("z({n}) ="), format!("z({n}) ="))
        ],
        z.clone(),
        rich![
            "harmonic numbers: ",
            Notation::new("H_m − H_(m−1) = 1/m", "H_m - H_{m-1} = \\frac{1}{m}")
        ],
    );
    Ok(Some(Found::new(
        Piece::Anti {
            num: z,
            den: Expr::one(),
        },
        steps,
    )))
}
