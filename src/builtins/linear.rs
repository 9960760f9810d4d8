//! Linear systems and the polynomials and norms of matrices: `linsolve` (one solution, an
//! affine family with parameters t1, t2, …, or a clear error for a contradictory system),
//! `charpoly`, `outer` and `norm` (Frobenius, 1 and ∞ norms, exact).

use super::args::{opt, req, Args, Kind};
use super::matrix::{matrix_arg, minors_det, rational, square, MAX_SYMBOLIC_DET};
use super::{Builtin, Impl};
use crate::eval::value::Value;
use crate::eval::{EResult, EvalError, Evaluator};
use crate::math::answer::{Notation, Op};
use crate::math::expr::{self, Expr};
use crate::math::linalg::{eigen, Matrix, Solution};
use crate::math::number::Q;
use crate::math::poly::Poly;
use crate::rich;
use crate::source::Span;

pub const LINSOLVE: Builtin = Builtin {
    name: "linsolve",
    signature: "linsolve(A, b)",
    summary: "the exact solutions of A x = b over Q: the solution, or every solution as a vector in the parameters t1, t2, …; a contradictory system is an error",
    example: "linsolve([[2, 1], [1, 3]], [3, 5]) → [4/5, 7/5]",
    forms: &[&[req(Kind::Value), req(Kind::Value)]],
    imp: Impl::Command(linsolve_cmd),
};

pub const CHARPOLY: Builtin = Builtin {
    name: "charpoly",
    signature: "charpoly(A, x)",
    summary: "the characteristic polynomial det(x·I − A), exact (Faddeev–LeVerrier over Q; symbolic entries up to 6 × 6)",
    example: "charpoly([[2, 1], [1, 2]], x) → 3 - 4*x + x^2",
    forms: &[&[
        req(Kind::Value),
        req(Kind::Var {
            what: "the variable of the polynomial",
            over: &[],
        }),
    ]],
    imp: Impl::Command(charpoly_cmd),
};

pub const OUTER: Builtin = Builtin {
    name: "outer",
    signature: "outer(u, v)",
    summary: "the outer product u·vᵀ of two vectors, a matrix",
    example: "outer([1, 2], [3, 4]) → [[3, 4], [6, 8]]",
    forms: &[&[req(Kind::Value), req(Kind::Value)]],
    imp: Impl::Command(outer_cmd),
};

pub const NORM: Builtin = Builtin {
    name: "norm",
    signature: "norm(A) or norm(A, kind)",
    summary: "the Frobenius norm of a matrix (the Euclidean norm of a vector), or with kind 1, 2, oo or fro its 1 (largest column sum), 2 (largest singular value sqrt(λ_max(AᵀA)): a surd or a root object with certified digits), ∞ (largest row sum) or Frobenius norm, exact",
    example: "norm([[1, 2], [3, 4]]) → sqrt(30)",
    forms: &[&[req(Kind::Value), opt(Kind::Value)]],
    imp: Impl::Command(norm_cmd),
};

fn vector_arg<'a>(args: &'a Args, i: usize, what: &str) -> EResult<&'a [Expr]> {
    match args.value(i) {
        Value::Vector(v) => Ok(v),
        other => Err(EvalError::new(
            format!(
                "{what} needs a vector, not {}",
                crate::eval::value::article(other.kind())
            ),
            args.span_of(i),
        )
        .with_help("write a vector as [a, b, c]")),
    }
}

fn linsolve_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let math = |e| EvalError::math(e, span);
    let a = rational(matrix_arg(args, 0, "linsolve")?, "linsolve", span)?;
    let b = vector_arg(args, 1, "linsolve")?;
    if b.len() != a.nrows() {
        return Err(EvalError::new(
            format!(
                "the right-hand side has {} entries, but the system has {} equations",
                b.len(),
                a.nrows()
            ),
            args.span_of(1),
        ));
    }
    let mut bq = Vec::with_capacity(b.len());
    for e in b {
        match e.as_num() {
            Some(q) => bq.push(q.clone()),
            None => {
                return Err(EvalError::new(
                    "linsolve with symbolic entries is not available yet",
                    args.span_of(1),
                ))
            }
        }
    }
    match a.solve(&bq).map_err(math)? {
        Solution::Unique(x) => {
            ev.steps.push(
                "Gauss–Jordan elimination on [A | b]: a pivot in every column of A",
                "so the solution is unique",
            );
            Ok(Value::Vector(x.into_iter().map(Expr::Num).collect()))
        }
        Solution::Inconsistent => {
            Err(
                EvalError::new("the system has no solution", args.span_of(1))
                    .with_label("inconsistent with the equations")
                    .with_note(format!(
            "elimination reduces an equation to 0 = c with c ≠ 0 (rank A = {}, rank [A | b] = {})",
            a.rank().map_or_else(|_| "?".into(), |r| r.to_string()),
            a.rank().map_or_else(|_| "?".into(), |r| (r + 1).to_string())
        )),
            )
        }
        Solution::Family {
            particular,
            directions,
        } => {
            let mut x: Vec<Expr> = particular.into_iter().map(Expr::Num).collect();
            for (k, d) in directions.iter().enumerate() {
                let t = Expr::sym(&format!("t{}", k + 1));
                for (xi, di) in x.iter_mut().zip(d) {
                    if !di.is_zero() {
                        *xi = expr::add(vec![
                            xi.clone(),
                            expr::mul(vec![Expr::Num(di.clone()), t.clone()]).map_err(math)?,
                        ])
                        .map_err(math)?;
                    }
                }
            }
            let k = directions.len();
            let params = if k == 1 {
                "the parameter t1".to_string()
            } else {
                format!("the parameters t1 … t{k}")
            };
            ev.steps.push(
                format!("Gauss–Jordan elimination on [A | b] leaves {k} free column(s): {params}"),
                "every solution is a particular one plus the nullspace of A",
            );
            Ok(Value::Vector(x))
        }
    }
}

fn charpoly_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let math = |e| EvalError::math(e, span);
    let rows = square(args, "the characteristic polynomial")?;
    let x = args.var(1);
    let p = if let Some(m) = Matrix::from_exprs(rows) {
        let c = m.charpoly().map_err(math)?;
        ev.steps.push(
            rich![
                Notation::new(format!("det({x}·I − A)"), format!("\\det({x} I - A)")),
                " by the Faddeev–LeVerrier recurrence"
            ],
            "M_k = A·M_(k−1) + c_(n−k+1)·I, c_(n−k) = −tr(A·M_k)/k, exactly over Q",
        );
        Poly::new(c).to_expr(x).map_err(math)?
    } else {
        if rows.len() > MAX_SYMBOLIC_DET {
            return Err(EvalError::new(
                "the characteristic polynomial of a matrix this large with symbolic entries is not available yet",
                span,
            ));
        }
        let xi: Vec<Vec<Expr>> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                r.iter()
                    .enumerate()
                    .map(|(j, a)| {
                        let d = if i == j { Expr::sym(x) } else { Expr::zero() };
                        expr::sub(d, a.clone())
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<_, _>>()
            .map_err(math)?;
        ev.steps.push(
            rich![
                Notation::new(format!("det({x}·I − A)"), format!("\\det({x} I - A)")),
                " by minors"
            ],
            "expansion along the first row, expanded",
        );
        minors_det(&xi, ev, span)?
    };
    Ok(Value::Expr(p))
}

fn outer_cmd(_: &mut Evaluator, args: &Args) -> EResult<Value> {
    let (u, v) = (vector_arg(args, 0, "outer")?, vector_arg(args, 1, "outer")?);
    // A matrix value has at least one row and one column; every matrix operation relies on it.
    for (i, w) in [(0, u), (1, v)] {
        if w.is_empty() {
            return Err(EvalError::new(
                "outer needs non-empty vectors: a matrix has at least one row and one column",
                args.span_of(i),
            ));
        }
    }
    let math = |e| EvalError::math(e, args.span());
    let rows = u
        .iter()
        .map(|a| {
            v.iter()
                .map(|b| expr::mul(vec![a.clone(), b.clone()]))
                .collect::<Result<Vec<_>, _>>()
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(math)?;
    Ok(Value::Matrix(rows))
}

/// The largest of exact rational values.
fn max_q(xs: impl Iterator<Item = Q>) -> Q {
    xs.fold(Q::zero(), |m, x| if x.0 > m.0 { x } else { m })
}

fn norm_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    if let Value::Float(_) = args.value(0) {
        return super::float::norm_cmd(ev, args);
    }
    let span = args.span();
    let math = |e| EvalError::math(e, span);
    let rows: Vec<Vec<Expr>> = match args.value(0) {
        Value::Matrix(rows) => rows.clone(),
        Value::Vector(v) => v.iter().map(|e| vec![e.clone()]).collect(),
        other => {
            return Err(EvalError::new(
                format!(
                    "norm needs a matrix or a vector, not {}",
                    crate::eval::value::article(other.kind())
                ),
                args.span_of(0),
            ))
        }
    };
    let kind = if args.count() > 1 {
        match args.value(1) {
            Value::Expr(e) if e.is_one() => "1",
            Value::Expr(e) if *e == Expr::infinity() => "oo",
            Value::Expr(Expr::Sym(s)) if &**s == "fro" => "fro",
            Value::Expr(e) if *e == Expr::int(2) => "2",
            _ => {
                return Err(EvalError::new("unknown norm", args.span_of(1))
                    .with_help("write norm(A, 1), norm(A, 2), norm(A, oo) or norm(A, fro)"))
            }
        }
    } else {
        "fro"
    };
    if kind == "fro" {
        let squares = rows
            .iter()
            .flatten()
            .map(|e| expr::pow(e.clone(), Expr::int(2)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(math)?;
        let n = Expr::sqrt(expr::add(squares).map_err(math)?).map_err(math)?;
        ev.steps.push(
            rich![Notation::new("‖A‖_F", "\\|A\\|_F"), Op::Eq, &n],
            "the square root of the sum of the squares of the entries",
        );
        return Ok(Value::Expr(n));
    }
    let m = rational(&rows, "this norm", span)?;
    if kind == "2" {
        return super::algebraic::two_norm(ev, &m, span);
    }
    let abs_sum = |xs: Vec<&Q>| xs.into_iter().fold(Q::zero(), |s, x| s.add(&x.abs()));
    let (value, what) = if kind == "1" {
        let t = m.transpose();
        (
            max_q(t.rows().iter().map(|c| abs_sum(c.iter().collect()))),
            "the largest sum of absolute values down a column",
        )
    } else {
        (
            max_q(m.rows().iter().map(|r| abs_sum(r.iter().collect()))),
            "the largest sum of absolute values along a row",
        )
    };
    ev.steps.push(
        rich![
            Notation::new(
                format!("‖A‖_{kind}"),
                format!("\\|A\\|_{{{}}}", if kind == "oo" { "\\infty" } else { "1" })
            ),
            Op::Eq,
            Expr::Num(value.clone())
        ],
        what,
    );
    Ok(Value::Expr(Expr::Num(value)))
}

pub const EIGENVALUES: Builtin = Builtin {
    name: "eigenvalues",
    signature: "eigenvalues(A)",
    summary: "the exact eigenvalues of a rational matrix, repeated by multiplicity: the real ones increasing (rationals, surds, and root objects root(f, λ, k) for factors f of degree ≥ 3, with certified digits in the steps), then the complex pairs a ± b*I of quadratic factors; non-real roots of higher factors are counted and refused",
    example: "eigenvalues([[2, 1], [1, 2]]) → [1, 3]",
    forms: super::matrix::MATRIX,
    imp: Impl::Command(eigenvalues_cmd),
};

pub const SPECTRAL_RADIUS: Builtin = Builtin {
    name: "spectral_radius",
    signature: "spectral_radius(A)",
    summary: "max |λ| over the eigenvalues, exact (complex pairs by their modulus, a root object when a real root of a cubic or higher factor dominates)",
    example: "spectral_radius([[0.2, 0.05], [-0.1, 0.15]]) → sqrt(14)/20",
    forms: super::matrix::MATRIX,
    imp: Impl::Command(spectral_radius_cmd),
};

/// The eigenvalues of argument 0, with the characteristic polynomial in the steps.
fn eigen_of(ev: &mut Evaluator, args: &Args, what: &str) -> EResult<(Matrix, Vec<eigen::Eigen>)> {
    let span = args.span();
    let math = |e| EvalError::math(e, span);
    let m = rational(square(args, what)?, what, span)?;
    let p = Poly::new(m.charpoly().map_err(math)?);
    let px = p.to_expr("λ").map_err(math)?;
    let Some(e) = eigen::from_charpoly(&p).map_err(math)? else {
        return Err(EvalError::new(
            format!("sigma cannot find {what} of this matrix exactly yet"),
            args.span_of(0),
        )
        .with_note(format!(
            "the coefficients of its characteristic polynomial {px} are too large to search for rational roots"
        )));
    };
    ev.steps.push(
        rich![
            Notation::new("det(λ·I − A)", "\\det(\\lambda I - A)"),
            Op::Eq,
            &px
        ],
        "the characteristic polynomial (Faddeev–LeVerrier over Q)",
    );
    let higher = e.iter().any(|x| match x {
        eigen::Eigen::Real(r, _) => matches!(r, Expr::Func(expr::Func::Root, _)),
        eigen::Eigen::Unwritten { .. } => true,
        eigen::Eigen::Complex { .. } => false,
    });
    let how = if higher {
        "its rational roots, the quadratic formula for a quadratic factor, and Sturm sequences isolating the real roots of a factor of degree ≥ 3 (root objects)"
    } else {
        "its rational roots, then the quadratic formula for the remaining factor"
    };
    ev.steps
        .push(how, "exact roots of the characteristic polynomial");
    for x in &e {
        if let eigen::Eigen::Real(r, _) = x {
            if let Some(d) = certified_decimals(r) {
                ev.steps.push(
                    rich![r, Notation::new(" ≈ ", " \\approx "), d, " (certified digits; the value is the exact root object)"],
                    "a root object: its isolating interval, refined by Sturm bisection, certifies these digits",
                );
            }
        }
    }
    Ok((m, e))
}

/// Certified decimals of a root object, `None` for other values.
fn certified_decimals(r: &Expr) -> Option<String> {
    matches!(r, Expr::Func(expr::Func::Root, _))
        .then(|| super::algebraic::certified_decimals(r))
        .flatten()
}

/// The eigenvalues, each `multiplicity` times or once: the real ones in increasing order,
/// then each complex pair as re − im·I, re + im·I.
fn all_eigenvalues(e: &[eigen::Eigen], span: Span, repeat: bool) -> EResult<Vec<Expr>> {
    let mut real = Vec::new();
    let mut pairs = Vec::new();
    for x in e {
        let times = |k: usize| if repeat { k } else { 1 };
        match x {
            eigen::Eigen::Unwritten { poly, count, .. } => {
                let px = poly
                    .to_expr("λ")
                    .map_err(|err| EvalError::math(err, span))?;
                return Err(EvalError::new(
                    format!("this matrix has {count} non-real eigenvalues that sigma cannot write exactly yet"),
                    span,
                )
                .with_note(format!(
                    "they are the non-real roots of {px}, a factor of the characteristic polynomial of degree {} with {} real root(s)",
                    poly.degree(),
                    poly.degree() as usize - count
                ))
                .with_help("spectral_radius(A) still decides ρ(A) when the factor is a cubic"));
            }
            eigen::Eigen::Real(v, k) => real.extend(std::iter::repeat_n(v.clone(), times(*k))),
            eigen::Eigen::Complex { mult, .. } => {
                let (lo, hi) = x.conjugates().map_err(|err| EvalError::math(err, span))?;
                for _ in 0..times(*mult) {
                    pairs.push(lo.clone());
                    pairs.push(hi.clone());
                }
            }
        }
    }
    real.sort_by(|a, b| {
        crate::math::float::sign::cmp_const(a, b).unwrap_or(std::cmp::Ordering::Equal)
    });
    real.extend(pairs);
    Ok(real)
}

fn eigenvalues_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    if let Value::Float(_) = args.value(0) {
        return super::float::eigenvalues_cmd(ev, args);
    }
    let (_, e) = eigen_of(ev, args, "the eigenvalues")?;
    if e.iter().any(|x| matches!(x, eigen::Eigen::Complex { .. })) {
        ev.steps.push(
            rich![
                "a quadratic factor with negative discriminant gives a conjugate pair ",
                Notation::new("a ± b·I", "a \\pm b\\mathrm{i}")
            ],
            "the quadratic formula, with I² = −1",
        );
    }
    Ok(Value::Vector(all_eigenvalues(&e, args.span(), true)?))
}

fn spectral_radius_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let (m, e) = eigen_of(ev, args, "the spectral radius")?;
    let rho = eigen::spectral_radius(&e).map_err(|err| EvalError::math(err, args.span()))?;
    let shown: Vec<String> = e
        .iter()
        .map(|x| match x {
            eigen::Eigen::Real(v, _) => v.to_string(),
            eigen::Eigen::Complex { re, im, .. } => format!("{re} ± ({im})·I"),
            eigen::Eigen::Unwritten { poly, count, .. } => {
                let px = poly.to_expr("λ").map(|p| p.to_string()).unwrap_or_default();
                format!("the {count} non-real roots of {px} (modulus sqrt(|f(0)/(lead·r)|) for a cubic f with real root r)")
            }
        })
        .collect();
    ev.steps.push(
        rich![
            Notation::new("ρ(A) = max |λ|", "\\rho(A) = \\max |\\lambda|"),
            format!(" over {}", shown.join(", ")),
            Op::Eq,
            &rho
        ],
        "a complex pair a ± b·I has modulus sqrt(a² + b²)",
    );
    if m.nrows() == 2 && e.iter().any(|x| matches!(x, eigen::Eigen::Complex { .. })) {
        let det = m.det().map_err(|err| EvalError::math(err, args.span()))?;
        ev.steps.push(
            rich![
                Notation::new("|λ|² = λ·λ̄ = det A", "|\\lambda|^2 = \\lambda\\bar\\lambda = \\det A"),
                Op::Eq,
                &Expr::Num(det)
            ],
            "the two eigenvalues of a 2 × 2 matrix multiply to its determinant, and a conjugate pair has one modulus",
        );
    }
    Ok(Value::Expr(rho))
}

pub const EIGENVECTORS: Builtin = Builtin {
    name: "eigenvectors",
    signature: "eigenvectors(A)",
    summary: "a basis of eigenvectors as the columns of a matrix, in the order of eigenvalues(A), exact: the nullspace of A − λI for rational λ, and for a simple irrational, complex or root-object λ a column of p(A)/(A − λI) computed in Q[λ]",
    example: "eigenvectors([[2, 1], [1, 2]]) → [[-1, 1], [1, 1]]",
    forms: super::matrix::MATRIX,
    imp: Impl::Command(eigenvectors_cmd),
};

fn eigenvectors_cmd(ev: &mut Evaluator, args: &Args) -> EResult<Value> {
    let span = args.span();
    let math = |e| EvalError::math(e, span);
    let (m, e) = eigen_of(ev, args, "the eigenvectors")?;
    let n = m.nrows();
    let values = all_eigenvalues(&e, span, false)?;
    let mut columns: Vec<Vec<Expr>> = Vec::new();
    for lambda in &values {
        if let Some(q) = lambda.as_num() {
            let mut shifted = m.rows().to_vec();
            for (i, row) in shifted.iter_mut().enumerate() {
                row[i] = row[i].sub(q);
            }
            let basis = Matrix::new(shifted, n)
                .ok_or_else(|| EvalError::new("the rows differ in length", span))?
                .nullspace()
                .map_err(math)?;
            for v in basis {
                columns.push(v.into_iter().map(Expr::Num).collect());
            }
        } else if n == 2 {
            // (A − λI)v = 0 for 2 × 2: v = (b, λ − a) when b ≠ 0, else (λ − d, c).
            let e = |i: usize, j: usize| Expr::Num(m.rows()[i][j].clone());
            let (a, b, c, d) = (&e(0, 0), &e(0, 1), &e(1, 0), &e(1, 1));
            let v = if !b.is_zero() {
                vec![
                    b.clone(),
                    expr::sub(lambda.clone(), a.clone()).map_err(math)?,
                ]
            } else {
                vec![
                    expr::sub(lambda.clone(), d.clone()).map_err(math)?,
                    c.clone(),
                ]
            };
            columns.push(v);
        } else {
            columns.push(super::algebraic::algebraic_eigenvector(&m, lambda, args)?);
        }
    }
    ev.steps.push(
        rich![
            "for each eigenvalue ",
            Notation::new("λ", "\\lambda"),
            ", a basis of the nullspace of ",
            Notation::new("A − λ·I", "A - \\lambda I")
        ],
        "eigenvectors are the non-zero solutions of (A − λI)v = 0",
    );
    if columns.len() < n {
        ev.steps.push(
            format!(
                "only {} independent eigenvector(s) for a {n} × {n} matrix: it is not diagonalisable",
                columns.len()
            ),
            "a repeated eigenvalue with fewer eigenvectors than its multiplicity",
        );
    }
    Ok(Value::Matrix(
        (0..n)
            .map(|i| columns.iter().map(|c| c[i].clone()).collect())
            .collect(),
    ))
}
