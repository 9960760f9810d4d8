//! The checker of the solve table: sets of reals with exact endpoints (parsed from sigma's set
//! notation or taken from an `IntervalSet`), certified rational enclosures of the endpoints,
//! and the evaluation of a relation at points through a session, independent of `solve`.

use rug::{Integer, Rational};
use sigma::eval::value::Value;
use sigma::math::answer::{Inclusion, IntervalSet};
use sigma::math::float::{self, sign::cmp_const};
use sigma::math::{Expr, Q};
use sigma::session::{OutcomeKind, Session};
use std::cmp::Ordering;

/// `text` split at `sep` outside parentheses and brackets.
pub fn split_top(text: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            c if c == sep && depth == 0 => {
                out.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

// ---------------------------------------------------------------------------------------------
// Sets of reals with exact endpoints and certified rational enclosures

/// An exact real with a certified enclosure `lo <= value <= hi` (equal for a rational).
#[derive(Debug, Clone)]
pub struct Num {
    expr: Expr,
    lo: Rational,
    hi: Rational,
}

impl Num {
    fn rational(q: Rational) -> Num {
        Num {
            expr: Expr::Num(Q(q.clone())),
            lo: q.clone(),
            hi: q,
        }
    }
    fn new(expr: Expr) -> Result<Num, String> {
        if let Some(q) = expr.as_num() {
            return Ok(Num::rational(q.0.clone()));
        }
        let a = float::evaluate(&expr, 40).map_err(|e| format!("cannot evaluate {expr}: {e}"))?;
        let mid = parse_decimal(&a.text).ok_or_else(|| format!("bad digits {}", a.text))?;
        // 40 correctly rounded significant digits: the error is below |mid|·10^-38.
        let rad = mid.clone().abs() / ten_pow(38);
        let rad = rad + Rational::from((1, 1u64 << 62)) / ten_pow(60);
        Ok(Num {
            expr,
            lo: Rational::from(&mid - &rad),
            hi: mid + rad,
        })
    }
    fn mid(&self) -> Rational {
        Rational::from(&self.lo + &self.hi) / 2
    }
}

fn ten_pow(n: u32) -> Rational {
    Rational::from(Integer::from(Integer::u_pow_u(10, n)))
}

/// `-1.25e+3` and the like, exactly.
fn parse_decimal(text: &str) -> Option<Rational> {
    let (mant, exp) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], text[i + 1..].parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (neg, mant) = match mant.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mant),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let digits: rug::Integer = format!("{int}{frac}").parse().ok()?;
    let scale = exp - frac.len() as i32;
    let mut q = Rational::from(digits);
    if scale >= 0 {
        q *= ten_pow(scale as u32);
    } else {
        q /= ten_pow((-scale) as u32);
    }
    Some(if neg { -q } else { q })
}

/// The order of two exact reals: from the enclosures when they are apart, else exactly.
fn cmp(a: &Num, b: &Num) -> Result<Ordering, String> {
    if a.hi < b.lo {
        return Ok(Ordering::Less);
    }
    if a.lo > b.hi {
        return Ok(Ordering::Greater);
    }
    if a.lo == a.hi && b.lo == b.hi {
        return Ok(a.lo.cmp(&b.lo));
    }
    cmp_const(&a.expr, &b.expr)
        .map_err(|e| format!("cannot compare {} with {}: {e}", a.expr, b.expr))
}

#[derive(Debug, Clone)]
pub enum End {
    NegInf,
    PosInf,
    Fin(Num),
}

#[derive(Debug, Clone)]
pub struct Iv {
    pub lo: End,
    pub lo_closed: bool,
    pub hi: End,
    pub hi_closed: bool,
}

fn end_of(text: &str) -> Result<End, String> {
    match text.trim() {
        "-oo" => Ok(End::NegInf),
        "oo" => Ok(End::PosInf),
        t => Ok(End::Fin(Num::new(Session::expr(t)?)?)),
    }
}

/// A set written as sigma prints one: `(-oo, -3) ∪ {5} ∪ [1 + sqrt(2), oo)`, `∅`.
pub fn parse_set(text: &str) -> Result<Vec<Iv>, String> {
    let text = text.trim();
    if text == "∅" {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for piece in text.split('∪').map(str::trim) {
        if let Some(inner) = piece.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            let e = end_of(inner)?;
            out.push(Iv {
                lo: e.clone(),
                lo_closed: true,
                hi: e,
                hi_closed: true,
            });
            continue;
        }
        let lo_closed = match piece.chars().next() {
            Some('[') => true,
            Some('(') => false,
            _ => return Err(format!("`{piece}` does not open with ( or [")),
        };
        let hi_closed = match piece.chars().last() {
            Some(']') => true,
            Some(')') => false,
            _ => return Err(format!("`{piece}` does not close with ) or ]")),
        };
        let parts = split_top(&piece[1..piece.len() - 1], ',');
        if parts.len() != 2 {
            return Err(format!("`{piece}` is not an interval of two endpoints"));
        }
        out.push(Iv {
            lo: end_of(parts[0])?,
            lo_closed,
            hi: end_of(parts[1])?,
            hi_closed,
        });
    }
    Ok(out)
}

/// The set `solve` returned, in the checker's terms.
pub fn from_interval_set(set: &IntervalSet) -> Result<Vec<Iv>, String> {
    let end = |e: &Expr| -> Result<End, String> {
        if *e == Expr::infinity() {
            Ok(End::PosInf)
        } else if *e == Expr::neg_infinity() {
            Ok(End::NegInf)
        } else {
            Ok(End::Fin(Num::new(e.clone())?))
        }
    };
    let closed = |i: Inclusion| i.closed().ok_or("an undecided bracket".to_string());
    set.intervals
        .iter()
        .map(|i| {
            Ok(Iv {
                lo: end(&i.lo.value)?,
                lo_closed: closed(i.lo.inclusion)?,
                hi: end(&i.hi.value)?,
                hi_closed: closed(i.hi.inclusion)?,
            })
        })
        .collect()
}

/// The order of two endpoints, infinities included.
pub fn cmp_end(a: &End, b: &End) -> Result<Ordering, String> {
    Ok(match (a, b) {
        (End::NegInf, End::NegInf) | (End::PosInf, End::PosInf) => Ordering::Equal,
        (End::NegInf, _) | (_, End::PosInf) => Ordering::Less,
        (End::PosInf, _) | (_, End::NegInf) => Ordering::Greater,
        (End::Fin(x), End::Fin(y)) => cmp(x, y)?,
    })
}

/// The set is a canonical union: each interval non-empty (a point is `{a}`), infinite ends
/// open, intervals increasing and not touching unless both ends are open there.
fn check_canonical(set: &[Iv]) -> Result<(), String> {
    for iv in set {
        if matches!(iv.lo, End::NegInf) && iv.lo_closed
            || matches!(iv.hi, End::PosInf) && iv.hi_closed
        {
            return Err("an infinite end is closed".into());
        }
        match cmp_end(&iv.lo, &iv.hi)? {
            Ordering::Less => {}
            Ordering::Equal if iv.lo_closed && iv.hi_closed => {}
            _ => return Err("an interval is empty or reversed".into()),
        }
    }
    for w in set.windows(2) {
        match cmp_end(&w[0].hi, &w[1].lo)? {
            Ordering::Less => {}
            Ordering::Equal if !w[0].hi_closed && !w[1].lo_closed => {}
            _ => return Err("intervals overlap, touch, or are out of order".into()),
        }
    }
    Ok(())
}

fn contains(set: &[Iv], p: &Num) -> Result<bool, String> {
    for iv in set {
        let lo_ok = match &iv.lo {
            End::NegInf => true,
            End::PosInf => false,
            End::Fin(a) => match cmp(a, p)? {
                Ordering::Less => true,
                Ordering::Equal => iv.lo_closed,
                Ordering::Greater => false,
            },
        };
        let hi_ok = match &iv.hi {
            End::PosInf => true,
            End::NegInf => false,
            End::Fin(b) => match cmp(p, b)? {
                Ordering::Less => true,
                Ordering::Equal => iv.hi_closed,
                Ordering::Greater => false,
            },
        };
        if lo_ok && hi_ok {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The distinct finite endpoints, in increasing order.
fn endpoints(set: &[Iv]) -> Result<Vec<Num>, String> {
    let mut out: Vec<Num> = Vec::new();
    for iv in set {
        for e in [&iv.lo, &iv.hi] {
            if let End::Fin(n) = e {
                let dup = match out.last() {
                    Some(last) => cmp(last, n)? == Ordering::Equal,
                    None => false,
                };
                if !dup {
                    out.push(n.clone());
                }
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The relation at a point

/// How the truth of the relation at a point was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// sigma evaluated the relation to true or false.
    Exact,
    /// The point is outside the relation's domain (counts as false).
    OutsideDomain,
    /// Some comparison's two sides could not be told apart by certified numerics at sigma's
    /// precision cap and were taken as equal.
    NearZero,
}

/// A relation in the shape the checker splits it into when sigma cannot decide it whole.
#[derive(Debug, Clone)]
enum Rel {
    Or(Vec<Rel>),
    And(Vec<Rel>),
    Not(Box<Rel>),
    /// Operands and the comparisons between neighbours: `a < e <= b`.
    Chain(Vec<String>, Vec<&'static str>),
}

fn split_word<'a>(text: &'a str, word: &str) -> Vec<&'a str> {
    let pat = format!(" {word} ");
    let mut out = Vec::new();
    let (mut depth, mut start, mut i) = (0i32, 0, 0);
    let b = text.as_bytes();
    while i < b.len() {
        match b[i] {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            _ if depth == 0 && text[i..].starts_with(&pat) => {
                out.push(&text[start..i]);
                i += pat.len();
                start = i;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&text[start..]);
    out
}

const CMP_OPS: [&str; 8] = ["<=", ">=", "!=", "==", "<", ">", "=", "≤"];

fn parse_rel(text: &str) -> Rel {
    let t = text.trim();
    let ors = split_word(t, "or");
    if ors.len() > 1 {
        return Rel::Or(ors.into_iter().map(parse_rel).collect());
    }
    let ands = split_word(t, "and");
    if ands.len() > 1 {
        return Rel::And(ands.into_iter().map(parse_rel).collect());
    }
    if let Some(rest) = t.strip_prefix("not ") {
        return Rel::Not(Box::new(parse_rel(rest)));
    }
    let (mut operands, mut ops) = (Vec::new(), Vec::new());
    let (mut depth, mut start, mut i) = (0i32, 0, 0);
    while i < t.len() {
        let c = t[i..].chars().next().unwrap_or(' ');
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ if depth == 0 => {
                if let Some(op) = CMP_OPS.iter().find(|op| t[i..].starts_with(**op)) {
                    operands.push(t[start..i].trim().to_string());
                    ops.push(*op);
                    i += op.len();
                    start = i;
                    continue;
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    operands.push(t[start..].trim().to_string());
    if ops.is_empty() && t.starts_with('(') && t.ends_with(')') {
        return parse_rel(&t[1..t.len() - 1]);
    }
    Rel::Chain(operands, ops)
}

/// Whether sigma's error says the point is outside the relation's domain.
fn outside_domain(err: &str) -> bool {
    ["division by zero", "is undefined", "is not a real number"]
        .iter()
        .any(|m| err.contains(m))
}

/// The outcome of one part of a relation at a point.
enum Tri {
    Val(bool, bool),
    Outside,
}

/// A relation in a session of its own, evaluated at points through `tbl_rel`.
pub struct Probe {
    session: Session,
    var: String,
    tree: Rel,
}

impl Probe {
    pub fn new(var: &str, relation: &str) -> Result<Probe, String> {
        let mut session = Session::new();
        let def = format!("tbl_rel({var}) = {relation}");
        if let Err((_, d)) = session.run_collect("<relation>", &def) {
            return Err(session.render_diagnostics(&d, false));
        }
        Ok(Probe {
            session,
            var: var.to_string(),
            tree: parse_rel(relation),
        })
    }

    fn eval_at(&mut self, src: &str, point: &Expr) -> Result<Value, String> {
        let pt = Value::Expr(point.clone());
        self.session.scope.values.insert("tbl_pt".into(), pt);
        match self.session.run_collect("<point>", src) {
            Ok(out) => match out.last().map(|o| &o.kind) {
                Some(OutcomeKind::Value(v)) => Ok(v.clone()),
                other => Err(format!("no value: {other:?}")),
            },
            Err((_, d)) => Err(self.session.render_diagnostics(&d, false)),
        }
    }

    /// The truth of the relation at `p`.
    pub fn truth(&mut self, p: &Expr) -> Result<(bool, How), String> {
        match self.eval_at("tbl_rel(tbl_pt)", p) {
            Ok(Value::Bool(b)) => Ok((b, How::Exact)),
            Ok(v) => Err(format!("the relation at {p} is {v:?}, not true or false")),
            Err(e) if outside_domain(&e) => Ok((false, How::OutsideDomain)),
            Err(e) if e.contains("cannot decide") => {
                let tree = self.tree.clone();
                match self.by_parts(&tree, p)? {
                    Tri::Outside => Ok((false, How::OutsideDomain)),
                    Tri::Val(b, true) => Ok((b, How::NearZero)),
                    Tri::Val(b, false) => Ok((b, How::Exact)),
                }
            }
            Err(e) => Err(format!("at {} = {p}: {e}", self.var)),
        }
    }

    fn by_parts(&mut self, rel: &Rel, p: &Expr) -> Result<Tri, String> {
        let mut near = false;
        let parts = match rel {
            Rel::Not(r) => {
                return Ok(match self.by_parts(r, p)? {
                    Tri::Val(b, n) => Tri::Val(!b, n),
                    Tri::Outside => Tri::Outside,
                })
            }
            Rel::Or(rs) | Rel::And(rs) => {
                let mut vals = Vec::new();
                for r in rs {
                    match self.by_parts(r, p)? {
                        Tri::Outside => return Ok(Tri::Outside),
                        Tri::Val(b, n) => {
                            near |= n;
                            vals.push(b);
                        }
                    }
                }
                vals
            }
            Rel::Chain(xs, ops) => {
                let mut vals = Vec::new();
                for (k, op) in ops.iter().enumerate() {
                    match self.compare(&xs[k], op, &xs[k + 1], p)? {
                        Tri::Outside => return Ok(Tri::Outside),
                        Tri::Val(b, n) => {
                            near |= n;
                            vals.push(b);
                        }
                    }
                }
                if ops.is_empty() {
                    return Err(format!("`{}` is not a comparison", xs[0]));
                }
                vals
            }
        };
        let b = match rel {
            Rel::Or(_) => parts.iter().any(|b| *b),
            _ => parts.iter().all(|b| *b),
        };
        Ok(Tri::Val(b, near))
    }

    /// `l op r` at `p`, from the sign of `l - r`.
    fn compare(&mut self, l: &str, op: &str, r: &str, p: &Expr) -> Result<Tri, String> {
        let def = format!("tbl_diff({}) = ({l}) - ({r})", self.var);
        if let Err((_, d)) = self.session.run_collect("<part>", &def) {
            return Err(self.session.render_diagnostics(&d, false));
        }
        let d = match self.eval_at("tbl_diff(tbl_pt)", p) {
            Ok(Value::Expr(d)) => d,
            Ok(v) => return Err(format!("({l}) - ({r}) at {p} is {v:?}")),
            Err(e) if outside_domain(&e) => return Ok(Tri::Outside),
            Err(e) => return Err(e),
        };
        let (ord, near) = match cmp_const(&d, &Expr::zero()) {
            Ok(o) => (o, false),
            Err(e) => {
                // Certified numerics could not separate d from 0 at the cap: check that the
                // value really is tiny, and take it as 0.
                let f = float::to_float(&d, 4096).map_err(|e2| format!("{e}; {e2}"))?;
                let tiny = rug::Float::with_val(64, rug::Float::i_exp(1, -3000));
                if f.clone().abs() > tiny {
                    return Err(format!("cannot sign {d}: {e}"));
                }
                (Ordering::Equal, true)
            }
        };
        let b = match op {
            "<" => ord == Ordering::Less,
            "<=" | "≤" => ord != Ordering::Greater,
            ">" => ord == Ordering::Greater,
            ">=" => ord != Ordering::Less,
            "=" | "==" => ord == Ordering::Equal,
            "!=" => ord != Ordering::Equal,
            _ => return Err(format!("unknown comparison {op}")),
        };
        Ok(Tri::Val(b, near))
    }
}

// ---------------------------------------------------------------------------------------------
// Test points and the check

/// The rational with the smallest denominator strictly between `lo` and `hi` (`lo < hi`):
/// test points with small denominators keep sigma's exact arithmetic small (`2^(x^3 - x)` at
/// x = 1/1000 asks for a root of order 10^9).
fn simplest(lo: &Rational, hi: &Rational) -> Rational {
    if *lo < 0 && *hi > 0 {
        return Rational::new();
    }
    if *hi <= 0 {
        let (a, b) = (Rational::from(-hi), Rational::from(-lo));
        return -simplest(&a, &b);
    }
    let n = lo.clone().floor();
    if Rational::from(&n + 1) < *hi {
        return n + 1;
    }
    let (a, b) = (Rational::from(lo - &n), Rational::from(hi - &n));
    let inner = if a == 0 {
        Rational::from(1) / (Rational::from(1) / b).floor() + 1
    } else {
        let (ra, rb) = (Rational::from(1) / b, Rational::from(1) / a);
        Rational::from(1) / simplest(&ra, &rb)
    };
    n + inner
}

/// The simplest rational within `tol` of `x`.
fn simple(x: &Rational, tol: &Rational) -> Rational {
    simplest(&Rational::from(x - tol), &Rational::from(x + tol))
}

/// A deterministic stream of pseudo-random numbers (a 64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Rational points: beside each endpoint on both sides, each cell's middle, beyond the
/// outer endpoints, and `RANDOM` pseudo-random rationals over a range covering them all.
fn points(ends: &[Num], seed: u64) -> Vec<Rational> {
    const RANDOM: usize = 20;
    let milli = Rational::from((1, 1000));
    let mut out = Vec::new();
    let (lo, hi) = match (ends.first(), ends.last()) {
        (Some(a), Some(b)) => (a.mid(), b.mid()),
        _ => (Rational::from(0), Rational::from(0)),
    };
    if ends.is_empty() {
        for (n, d) in [(-10, 1), (-1, 1), (0, 1), (1, 3), (1, 1), (10, 1)] {
            out.push(Rational::from((n, d)));
        }
    } else {
        for (off, m) in [
            (&milli, -1),
            (&Rational::from(1), -1),
            (&Rational::from(7), -1),
        ] {
            out.push(simple(
                &(&lo + off * Rational::from(m)),
                &(off / Rational::from(4)),
            ));
            out.push(simple(
                &Rational::from(&hi + off),
                &(off / Rational::from(4)),
            ));
        }
    }
    for w in ends.windows(2) {
        let (a, b) = (w[0].mid(), w[1].mid());
        let gap = Rational::from(&b - &a);
        let q = Rational::from(&gap / 4);
        let delta = if q < milli { q } else { milli.clone() };
        let tol = Rational::from(&delta / 4);
        out.push(simple(&Rational::from(&a + &delta), &tol));
        out.push(simple(
            &(Rational::from(&a + &b) / 2),
            &(Rational::from(&gap) / 8),
        ));
        out.push(simple(&Rational::from(&b - &delta), &tol));
    }
    let span = Rational::from(&hi - &lo);
    let left = Rational::from(&lo - 3) - Rational::from(&span / 2);
    let width = span * 2 + 6;
    let mut rng = Lcg(seed);
    for _ in 0..RANDOM {
        let u = Rational::from((rng.next(10_000) as i64, 10_000));
        let x: Rational = &left + &width * u;
        let tol = Rational::from((1 + rng.next(50) as i64, 1000));
        out.push(simple(&x, &tol));
    }
    out
}

/// What one check found.
#[derive(Debug, Default)]
pub struct Tally {
    pub points: usize,
    /// Rational test points (never endpoints) where sigma refused the exact arithmetic as
    /// too large; each cell keeps its midpoint, so they are skipped, and printed.
    pub too_large: Vec<String>,
    pub outside: usize,
    pub near_zero: usize,
}

/// Checks `set` against the relation: canonical form, then truth equals membership at every
/// finite endpoint and at the test points. Returns the failures (empty when it passes).
/// Checks `set` against the relation at its endpoints, the points `extra` (a domain's
/// bounds), next to the endpoints and at rationals across them.
pub fn check(
    probe: &mut Probe,
    set: &[Iv],
    extra: &[&str],
    seed: u64,
    tally: &mut Tally,
) -> Vec<String> {
    let mut fails = Vec::new();
    if let Err(e) = check_canonical(set) {
        return vec![format!("the set is not canonical: {e}")];
    }
    let ends = match endpoints(set) {
        Ok(e) => e,
        Err(e) => return vec![e],
    };
    let mut at: Vec<Num> = ends.clone();
    for e in extra {
        match Session::expr(e).and_then(Num::new) {
            Ok(n) => at.push(n),
            Err(err) => return vec![format!("the point {e}: {err}")],
        }
    }
    let n_ends = at.len();
    at.extend(points(&ends, seed).into_iter().map(Num::rational));
    for (k, p) in at.iter().enumerate() {
        let member = match contains(set, p) {
            Ok(m) => m,
            Err(e) => {
                fails.push(e);
                continue;
            }
        };
        tally.points += 1;
        match probe.truth(&p.expr) {
            Ok((truth, how)) => {
                tally.outside += usize::from(how == How::OutsideDomain);
                tally.near_zero += usize::from(how == How::NearZero);
                if truth != member {
                    fails.push(format!(
                        "at {} the relation is {truth} ({how:?}) but the set says {}",
                        p.expr,
                        if member { "in" } else { "out" }
                    ));
                }
            }
            Err(e) if k >= n_ends && e.contains("too large") => {
                tally.points -= 1;
                tally.too_large.push(format!("{}", p.expr));
            }
            Err(e) => fails.push(e),
        }
    }
    fails
}
