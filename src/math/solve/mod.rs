//! Solving propositions for one real variable: the exact set of values where a relation (or
//! `and`/`or`/`not` of relations) holds, as an [`IntervalSet`], with the derivation an answer
//! key shows: each relation's domain, its rearrangement (multiplying by a denominator whose
//! sign is known, and why), the critical points, the sign chart, and, for a conjunction, the
//! constraints that bind. A relation it cannot decide is an error saying why, never a guess.

pub mod chart;
pub mod domain;
pub mod order;
pub mod param;
pub mod power;
pub mod ratfun;
pub mod rational;
pub mod roots;
pub mod substitute;
pub mod transform;
pub mod trig;
pub mod trigform;

use crate::math::answer::{IntervalSet, Notation, Rich};
use crate::math::expr::{self, Expr, MResult, MathError};
use crate::math::logic::{Formula, Rel};
use crate::math::Derivation;
use chart::Chart;
use order::{Ctx, Facts, Sign};

/// Deepest nesting of domains and rewrites followed.
const MAX_DEPTH: usize = 24;

/// The set of `x` in `within` (ℝ when `None`) where `f` holds, given the assumptions `facts`
/// (which may also restrict `x`), and the steps that found it.
pub fn solve(
    f: &Formula,
    x: &str,
    facts: &Facts,
    within: Option<&Chart>,
) -> MResult<(IntervalSet, Derivation)> {
    let mut s = Solver::new(x, facts);
    let mut universe = facts.get(x).cloned().unwrap_or_else(Chart::full);
    if let Some(w) = within {
        universe = universe.intersect(w, &s.ctx())?;
    }
    if let Some(a) = facts.get(x).filter(|a| !a.is_full()) {
        s.steps.push(
            Rich::text("assumed: ").and(set_notation(&a.to_set(x))),
            "the assumption on the variable restricts every answer",
        );
    }
    let c = s.formula(f, &universe, 0)?;
    s.root_objects(&c)?;
    Ok((c.to_set(x), s.steps))
}

/// The state of one solve: the variable, the assumptions and the steps so far.
pub struct Solver {
    pub x: String,
    pub facts: Facts,
    pub steps: Derivation,
}

impl Solver {
    pub fn new(x: &str, facts: &Facts) -> Solver {
        Solver {
            x: x.to_string(),
            facts: facts.clone(),
            steps: Derivation::new(),
        }
    }
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx { facts: &self.facts }
    }

    /// The part of `universe` where `f` holds.
    pub fn formula(&mut self, f: &Formula, universe: &Chart, depth: usize) -> MResult<Chart> {
        if depth > MAX_DEPTH {
            return Err(MathError::Unsupported(
                "the relation nests too deeply to solve".into(),
            ));
        }
        if crate::math::interrupted() {
            return Err(MathError::Interrupted);
        }
        match f {
            Formula::Chain { operands, rels } => {
                let links = Formula::links(operands, rels);
                let mut acc = universe.clone();
                for (l, r, h) in links {
                    let c = self.relation(&l, r, &h, universe, depth)?;
                    acc = acc.intersect(&c, &self.ctx())?;
                }
                Ok(acc)
            }
            Formula::And(parts) => {
                let mut sets = Vec::with_capacity(parts.len());
                for p in parts {
                    sets.push(self.formula(p, universe, depth + 1)?);
                }
                let mut acc = universe.clone();
                for c in &sets {
                    acc = acc.intersect(c, &self.ctx())?;
                }
                if parts.len() > 1 {
                    self.binding(parts, &sets, &acc)?;
                }
                Ok(acc)
            }
            Formula::Or(parts) => {
                let mut acc = Chart::empty();
                for p in parts {
                    let c = self.formula(p, universe, depth + 1)?;
                    acc = acc.union(&c, &self.ctx())?;
                }
                Ok(acc)
            }
            Formula::Not(g) => {
                let mut dom = universe.clone();
                for e in g.exprs() {
                    dom = self.domain(e, &dom, depth + 1)?;
                }
                let c = self.formula(g, &dom, depth + 1)?;
                dom.minus(&c, &self.ctx())
            }
        }
    }

    /// `universe` restricted to where `e` is defined and real, with a step when it shrinks.
    pub fn domain(&mut self, e: &Expr, universe: &Chart, depth: usize) -> MResult<Chart> {
        let mut conds = Vec::new();
        domain::conditions(e, &self.x, &mut conds)?;
        let mut acc = universe.clone();
        for c in conds {
            let set =
                self.quiet(|s| s.relation(&c.expr, c.rel, &Expr::zero(), universe, depth + 1))?;
            let next = acc.intersect(&set, &self.ctx())?;
            if next != acc {
                self.steps.push(
                    Rich::text("domain: ")
                        .and(&c.expr)
                        .and(c.rel.op())
                        .and(Expr::zero()),
                    c.why,
                );
            }
            acc = next;
        }
        Ok(acc)
    }

    /// A step per algebraic endpoint written as a root object: its isolating interval and
    /// certified decimals.
    fn root_objects(&mut self, c: &Chart) -> MResult<()> {
        for p in &c.points {
            let Some((lo, hi)) =
                expr::rootof::certified_enclosure(p, &crate::math::Q::frac(1, 1000))
            else {
                continue;
            };
            let approx = crate::math::float::evaluate(p, 15)?;
            let claim = Rich::math(p.clone())
                .and(" ∈ ")
                .and(Notation::new(
                    format!("({}, {}]", lo, hi),
                    format!(
                        "\\left({}, {}\\right]",
                        expr::print::print(&Expr::Num(lo.clone()), expr::print::Style::Latex),
                        expr::print::print(&Expr::Num(hi.clone()), expr::print::Style::Latex)
                    ),
                ))
                .and(", ")
                .and(Notation::new(
                    format!("≈ {}", approx.text),
                    format!("\\approx {}", approx.text),
                ));
            self.steps.push(
                claim,
                "a real root of an irreducible polynomial of degree ≥ 3, isolated by Sturm's theorem; its digits are certified",
            );
        }
        Ok(())
    }

    /// A name for a substituted unknown t that occurs in none of `exprs`, is not the variable
    /// and has no assumption on it.
    pub fn fresh(&self, exprs: &[&Expr]) -> String {
        let used: Vec<String> = exprs
            .iter()
            .flat_map(|e| e.symbols())
            .map(|y| y.to_string())
            .collect();
        ["t", "s", "w", "v", "z", "τ"]
            .iter()
            .map(|n| n.to_string())
            .find(|n| !used.contains(n) && *n != self.x && self.facts.get(n).is_none())
            .unwrap_or_else(|| "τ₁".to_string())
    }

    /// Runs `f` without keeping its steps.
    fn quiet<T>(&mut self, f: impl FnOnce(&mut Solver) -> MResult<T>) -> MResult<T> {
        let saved = std::mem::take(&mut self.steps);
        let r = f(self);
        self.steps = saved;
        r
    }

    /// The part of `universe` where `lhs rel rhs`, inside both sides' domain.
    pub fn relation(
        &mut self,
        lhs: &Expr,
        rel: Rel,
        rhs: &Expr,
        universe: &Chart,
        depth: usize,
    ) -> MResult<Chart> {
        let x = self.x.clone();
        let mut dom = self.domain(lhs, universe, depth)?;
        dom = self.domain(rhs, &dom, depth)?;
        if dom.is_empty() {
            return Ok(dom);
        }
        let h = expr::sub(lhs.clone(), rhs.clone())?;
        if !h.depends_on(&x) {
            let holds = match self.ctx().sign(&h)?.strict() {
                Some(o) => rel.holds(o),
                None => {
                    return Err(MathError::Unsupported(format!(
                        "the sign of {h} does not follow from what is assumed"
                    )))
                }
            };
            return Ok(if holds { dom } else { Chart::empty() });
        }
        let relation = Rich::math(lhs.clone()).and(rel.op()).and(rhs);
        if let Some((n, d)) = ratfun::together(&h, &x)? {
            let c = self.fraction(n, d, rel, &relation, &dom)?;
            return dom.intersect(&c, &self.ctx());
        }
        if let Some((g, why)) = transform::rewrite(lhs, rel, rhs, &x)? {
            self.steps.push(
                relation
                    .and(" ⟺ ")
                    .and(Notation::new(g.to_string(), formula_tex(&g))),
                why,
            );
            let c = self.formula(&g, &dom, depth + 1)?;
            return dom.intersect(&c, &self.ctx());
        }
        // Isolated roots, products of powers, one monotone function substituted, then one
        // trigonometric function on a bounded domain; the first refusal is reported when none
        // applies.
        let saved = self.steps.steps.len();
        let mut failure = None;
        for rule in 0..4 {
            let tried = match rule {
                0 => self.isolated_root(lhs, rel, rhs, &dom, depth),
                1 => self.factored(lhs, rel, rhs, &dom, depth),
                2 => self.substituted(lhs, rel, rhs, &dom, depth),
                _ => trig::solve(self, lhs, rel, rhs, &dom, depth),
            };
            match tried {
                Ok(Some(c)) => return dom.intersect(&c, &self.ctx()),
                Ok(None) => {}
                Err(MathError::Interrupted) => return Err(MathError::Interrupted),
                Err(e) => {
                    self.steps.steps.truncate(saved);
                    failure.get_or_insert(e);
                }
            }
        }
        if let Some(e) = failure {
            return Err(e);
        }
        Err(MathError::Unsupported(format!(
            "cannot solve {lhs} {} {rhs} for {x}: it is not a rational function of {x}, and no rewriting applies",
            rel.symbol()
        )))
    }

    /// `n/d rel 0` on `dom`: multiply out a denominator of known sign, then the sign chart.
    fn fraction(
        &mut self,
        n: ratfun::PolyE,
        d: ratfun::PolyE,
        rel: Rel,
        relation: &Rich,
        dom: &Chart,
    ) -> MResult<Chart> {
        let x = self.x.clone();
        let (mut n, mut d, mut rel) = (n, d, rel);
        let mut multiplied = false;
        if d.degree() >= 1 {
            let on_dom = self.facts.with(&x, dom.clone());
            let sign = Ctx { facts: &on_dom }.sign_of(&d.to_expr(&x)?)?;
            if let Some(s @ (Sign::Pos | Sign::Neg)) = sign {
                let de = d.to_expr(&x)?;
                let why = self.why_sign(&de, s, dom);
                if s == Sign::Neg {
                    rel = rel.flip();
                }
                let mut claim = Rich::text("multiply ").and(relation).and(" by ").and(&de);
                claim.push(if s == Sign::Pos {
                    " > 0: "
                } else {
                    " < 0 (the relation turns): "
                });
                claim.push(Rich::math(n.to_expr(&x)?).and(rel.op()).and(Expr::zero()));
                self.steps.push(claim, why);
                d = ratfun::PolyE(vec![Expr::one()]);
                multiplied = true;
            }
        }
        if let (Some(p), Some(q)) = (n.to_poly(), d.to_poly()) {
            if q.degree() == 0 && p.degree() == 1 {
                return self.linear(&p, &q, rel, relation, multiplied);
            }
            let moved = rational::rearranged(&p, &q, rel, &x)?;
            if !multiplied && moved.to_string() != relation.to_string() {
                self.steps.push(
                    relation.clone().and(" ⟺ ").and(moved),
                    "everything moved to one side, over one denominator, and factored",
                );
            }
            return rational::solve(&p, &q, rel, &x, &mut self.steps);
        }
        // Symbolic coefficients.
        if d.degree() == 0 {
            let s = self.ctx().sign(&d.lead())?;
            match s {
                Sign::Pos => {}
                Sign::Neg => rel = rel.flip(),
                _ => {
                    return Err(MathError::Unsupported(format!(
                        "the sign of {} does not follow from what is assumed",
                        d.lead()
                    )))
                }
            }
            n = ratfun::PolyE(n.0);
            d = ratfun::PolyE(vec![Expr::one()]);
        }
        param::solve(self, &n, &d, rel)
    }

    /// `p/q rel 0` with `p = a·x + b` and `q` a constant: one step, `x rel' −b/a`.
    fn linear(
        &mut self,
        p: &crate::math::poly::Poly,
        q: &crate::math::poly::Poly,
        rel: Rel,
        relation: &Rich,
        multiplied: bool,
    ) -> MResult<Chart> {
        let a = p.c[1].div(&q.lead())?;
        let r = p.c[0].neg().div(&p.c[1])?;
        let turned = if a.is_negative() { rel.flip() } else { rel };
        let var = Expr::Sym(self.x.as_str().into());
        let root = Expr::Num(r);
        let mut claim = if multiplied {
            Rich::new()
        } else {
            relation.clone().and(" ⟺ ")
        };
        let solved = Rich::math(var).and(turned.op()).and(&root);
        // `x < 5` is already solved: a step restating it says nothing.
        let restates = !multiplied && relation.to_string() == solved.to_string();
        claim.push(solved);
        let why = if a.is_negative() {
            "a linear relation: divide by its negative coefficient, which turns the relation"
        } else {
            "a linear relation: divide by its positive coefficient"
        };
        if !restates {
            self.steps.push(claim, why);
        }
        let mut c = match turned {
            Rel::Lt | Rel::Le => Chart::ray(root, turned == Rel::Le, false),
            Rel::Gt | Rel::Ge => Chart::ray(root, turned == Rel::Ge, true),
            Rel::Eq => Chart::point(root),
            Rel::Ne => Chart::punctured(root),
        };
        c = c.simplified();
        Ok(c)
    }

    /// Why `e` has sign `s` on `dom`: the assumptions on its symbols.
    fn why_sign(&self, e: &Expr, s: Sign, dom: &Chart) -> Rich {
        let mut r = Rich::text(if s == Sign::Pos {
            "it is positive"
        } else {
            "it is negative"
        });
        let mut facts: Vec<Rich> = Vec::new();
        for sym in e.symbols() {
            let set = if *sym == *self.x {
                Some(dom.clone())
            } else {
                self.facts.get(&sym).cloned()
            };
            if let Some(c) = set {
                facts.push(
                    Rich::math(Expr::Sym(sym.clone()))
                        .and(" ∈ ")
                        .and(set_notation(&c.to_set(&sym))),
                );
            }
        }
        if !facts.is_empty() {
            r.push(" because ");
            for (i, f) in facts.into_iter().enumerate() {
                if i > 0 {
                    r.push(" and ");
                }
                r.push(f);
            }
        }
        r
    }

    /// For a conjunction, the constraints that give the answer's finite endpoints: "the
    /// tightest lower bound λ ≥ 1 comes from constraint 4: 1/(1 + λ) ≤ 1/2".
    fn binding(&mut self, parts: &[Formula], sets: &[Chart], result: &Chart) -> MResult<()> {
        let ctx_facts = self.facts.clone();
        let ctx = Ctx { facts: &ctx_facts };
        for (k, p) in result.points.iter().enumerate() {
            let mut from = Vec::new();
            for (j, c) in sets.iter().enumerate() {
                for q in &c.points {
                    if ctx.cmp(p, q)? == std::cmp::Ordering::Equal {
                        from.push(j);
                        break;
                    }
                }
            }
            if from.is_empty() {
                continue;
            }
            let (before, after, at) = (result.cells[k], result.cells[k + 1], result.at[k]);
            let (bound, rel) = match (before, after, at) {
                (false, true, true) => ("the tightest lower bound ", Rel::Ge),
                (false, true, false) => ("the tightest lower bound ", Rel::Gt),
                (true, false, true) => ("the tightest upper bound ", Rel::Le),
                (true, false, false) => ("the tightest upper bound ", Rel::Lt),
                (_, _, true) => ("the point ", Rel::Eq),
                _ => ("the excluded point ", Rel::Ne),
            };
            let var = Expr::Sym(self.x.as_str().into());
            let mut claim = Rich::text(bound).and(Rich::math(var).and(rel.op()).and(p));
            claim.push(" comes from ");
            for (i, j) in from.iter().enumerate() {
                if i > 0 {
                    claim.push(" and ");
                }
                claim.push(format!("constraint {}: ", j + 1));
                claim.push(formula_rich(&parts[*j]));
            }
            self.steps.push(
                claim,
                "an endpoint of an intersection is an endpoint of a constraint that binds there",
            );
        }
        Ok(())
    }
}

/// A set as notation for steps.
pub fn set_notation(s: &IntervalSet) -> Notation {
    Notation::new(s.set_text(), s.set_tex())
}

/// A proposition as rich text: its expressions and relation symbols as mathematics.
pub fn formula_rich(f: &Formula) -> Rich {
    match f {
        Formula::Chain { operands, rels } => {
            let mut r = Rich::math(operands[0].clone());
            for (rel, o) in rels.iter().zip(&operands[1..]) {
                r.push(rel.op());
                r.push(o);
            }
            r
        }
        other => Rich::from(Notation::new(other.to_string(), formula_tex(other))),
    }
}

/// A proposition in LaTeX math mode.
pub fn formula_tex(f: &Formula) -> String {
    use crate::math::expr::print::{print, Style};
    f.render(
        &|e| print(e, Style::Latex),
        &|r| r.op().tex().to_string(),
        ["\\wedge", "\\vee", "\\neg"],
        ["\\left(", "\\right)"],
    )
}
