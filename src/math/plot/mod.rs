//! Plots as data: the series of a `plot` (every sample certified or exact), the axes they are
//! drawn on, and the view both renderers share (ranges, clipping to the view). Sampling lives
//! in [`sample`]; drawing belongs to the renderers.

pub mod sample;

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// A curve through the samples (a function of a real variable).
    Line,
    /// Separate marks (a sequence, data).
    Points,
    /// A staircase: each value held until the next index (partial sums read as a process).
    Steps,
    /// A dashed horizontal line: a constant drawn for comparison (a limit, a bound).
    Reference,
}

impl Style {
    /// The name used in JSON and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Style::Line => "line",
            Style::Points => "points",
            Style::Steps => "steps",
            Style::Reference => "reference",
        }
    }
}

/// One series of a plot: a label for the legend and its samples, as pieces that may be joined
/// (a curve is broken at poles, jumps and points outside its domain).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub style: Style,
    pub segments: Vec<Vec<(f64, f64)>>,
    /// Samples left out: outside the function's domain, too large for a double, or (on a
    /// log scale) not positive.
    pub omitted: usize,
    /// For a curve with poles, the values of its evenly spaced samples only (not of the
    /// samples closing in on the poles), from which the vertical range is chosen.
    pub typical: Option<Vec<f64>>,
}

impl Series {
    /// Every sample, in order.
    pub fn points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.segments.iter().flatten().copied()
    }
}

/// A plot: series on one set of axes.
#[derive(Debug, Clone, PartialEq)]
pub struct Plot {
    /// The horizontal variable's name.
    pub x_label: String,
    pub series: Vec<Series>,
    /// The horizontal range shown.
    pub x_range: (f64, f64),
    /// The vertical range shown (see [`Plot::new`]).
    pub y_range: (f64, f64),
    pub log_y: bool,
    /// Whether some samples lie outside `y_range` (values near a pole): their lines are cut
    /// at the frame.
    pub clipped: bool,
}

impl Plot {
    /// A plot of `series` over `x_range`. The vertical range covers every sample, except
    /// when a few samples of a curve dwarf the rest (near a pole): then it covers the central
    /// 90% of the samples with a margin, and the lines are cut at the frame. Marks, staircases
    /// and reference lines (sequences, partial sums, limits) are always shown whole.
    pub fn new(x_label: &str, series: Vec<Series>, x_range: (f64, f64), log_y: bool) -> Plot {
        let y_range = y_range(&series, log_y);
        let clipped = series
            .iter()
            .flat_map(|s| s.points())
            .any(|(_, y)| y < y_range.0 || y > y_range.1);
        Plot {
            x_label: x_label.to_string(),
            series,
            x_range,
            y_range,
            log_y,
            clipped,
        }
    }

    /// The pieces of `s` to draw, cut where they leave the vertical range (a line crossing
    /// the frame ends at the frame; a mark outside it is left out).
    pub fn visible(&self, s: &Series) -> Vec<Vec<(f64, f64)>> {
        let (lo, hi) = self.y_range;
        let inside = |y: f64| y >= lo && y <= hi;
        if !matches!(s.style, Style::Line | Style::Steps) {
            return s
                .segments
                .iter()
                .map(|seg| seg.iter().copied().filter(|p| inside(p.1)).collect())
                .filter(|seg: &Vec<_>| !seg.is_empty())
                .collect();
        }
        let mut out = Vec::new();
        for seg in &s.segments {
            let mut cur: Vec<(f64, f64)> = Vec::new();
            for w in seg.windows(2).map(|w| (w[0], w[1])).chain(single(seg)) {
                let (p, q) = w;
                match clip(p, q, lo, hi, self.log_y) {
                    Some((a, b)) => {
                        if cur.last() != Some(&a) {
                            if !cur.is_empty() {
                                out.push(std::mem::take(&mut cur));
                            }
                            cur.push(a);
                        }
                        cur.push(b);
                    }
                    None => {
                        if !cur.is_empty() {
                            out.push(std::mem::take(&mut cur));
                        }
                    }
                }
            }
            if !cur.is_empty() {
                out.push(cur);
            }
        }
        out.into_iter()
            .map(|mut seg| {
                seg.dedup();
                seg
            })
            .collect()
    }
}

/// A one-point segment as a degenerate pair, so that it is kept when inside the frame.
fn single(seg: &[(f64, f64)]) -> Option<((f64, f64), (f64, f64))> {
    (seg.len() == 1).then(|| (seg[0], seg[0]))
}

/// The part of the segment `p`–`q` with `lo ≤ y ≤ hi` (interpolated in log y on a log scale).
fn clip(
    p: (f64, f64),
    q: (f64, f64),
    lo: f64,
    hi: f64,
    log: bool,
) -> Option<((f64, f64), (f64, f64))> {
    let f = |y: f64| if log { y.ln() } else { y };
    let (fp, fq, flo, fhi) = (f(p.1), f(q.1), f(lo), f(hi));
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    let d = fq - fp;
    for (bound, below) in [(flo, true), (fhi, false)] {
        // Keep the part where y ≥ lo (below = true) or y ≤ hi.
        let outside = |v: f64| if below { v < bound } else { v > bound };
        if outside(fp) && outside(fq) {
            return None;
        }
        if d == 0.0 {
            continue;
        }
        let t = (bound - fp) / d;
        if outside(fp) {
            t0 = t0.max(t);
        } else if outside(fq) {
            t1 = t1.min(t);
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| {
        let x = p.0 + (q.0 - p.0) * t;
        let fy = fp + d * t;
        (x, if log { fy.exp().clamp(lo, hi) } else { fy })
    };
    let a = if t0 == 0.0 { p } else { at(t0) };
    let b = if t1 == 1.0 { q } else { at(t1) };
    Some((a, b))
}

/// The vertical range of the series (see [`Plot::new`]).
fn y_range(series: &[Series], log: bool) -> (f64, f64) {
    let f = |y: f64| if log { y.log10() } else { y };
    let g = |v: f64| if log { 10f64.powf(v) } else { v };
    let mut ys: Vec<f64> = series
        .iter()
        .flat_map(|s| match &s.typical {
            Some(t) => t.clone(),
            None => s.points().map(|p| p.1).collect(),
        })
        .map(f)
        .filter(|v| v.is_finite())
        .collect();
    let all = series.iter().flat_map(|s| s.points()).map(|p| f(p.1));
    let (amin, amax) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
        (l.min(v), h.max(v))
    });
    if ys.is_empty() {
        return if log { (0.1, 10.0) } else { (-1.0, 1.0) };
    }
    ys.sort_by(f64::total_cmp);
    let (min, max) = (amin.min(ys[0]), amax.max(ys[ys.len() - 1]));
    let q = |t: f64| ys[((ys.len() - 1) as f64 * t).round() as usize];
    let (q5, q95) = (q(0.05), q(0.95));
    let (lo, hi) = if max - min > 8.0 * (q95 - q5) && q95 > q5 {
        let m = (q95 - q5) * 0.5;
        ((q5 - m).max(min), (q95 + m).min(max))
    } else {
        (min, max)
    };
    // Only a curve's samples near a pole may fall outside: a sequence is finite data, and a
    // reader must see every one of its terms (the first partial sums above all).
    let (lo, hi) = series
        .iter()
        .filter(|s| s.style != Style::Line)
        .flat_map(|s| s.points())
        .map(|p| f(p.1))
        .filter(|v| v.is_finite())
        .fold((lo, hi), |(l, h), v| (l.min(v), h.max(v)));
    let pad = if hi > lo {
        (hi - lo) * 0.05
    } else {
        lo.abs().max(1.0) * 0.1
    };
    let pad = if log && hi <= lo { 0.5 } else { pad };
    (g(lo - pad), g(hi + pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(points: Vec<(f64, f64)>, style: Style) -> Series {
        Series {
            label: "s".into(),
            style,
            segments: vec![points],
            omitted: 0,
            typical: None,
        }
    }

    #[test]
    fn the_range_covers_every_sample_with_a_margin() {
        let p = Plot::new(
            "x",
            vec![series(vec![(0.0, 0.0), (1.0, 10.0)], Style::Line)],
            (0.0, 1.0),
            false,
        );
        assert_eq!(p.y_range, (-0.5, 10.5));
        assert!(!p.clipped);
    }

    #[test]
    fn a_pole_does_not_flatten_the_rest() {
        let mut pts: Vec<(f64, f64)> = (0..100).map(|i| (i as f64, (i % 7) as f64)).collect();
        pts.push((100.0, 1e9));
        let p = Plot::new("x", vec![series(pts, Style::Line)], (0.0, 100.0), false);
        assert!(p.y_range.1 < 20.0, "{:?}", p.y_range);
        assert!(p.clipped);
        // The line to the huge sample ends at the frame.
        let vis = p.visible(&p.series[0]);
        let last = *vis.last().and_then(|s| s.last()).unwrap();
        assert!((last.1 - p.y_range.1).abs() < 1e-9);
        assert!(last.0 > 99.0 && last.0 < 100.0);
    }

    #[test]
    fn the_terms_of_a_sequence_are_never_clipped() {
        // The partial sums of (-1/4)^n from 1 to 10 beside their limit 4/5 drawn as a dense
        // reference line: the first two terms (1 and 3/4) lie far from the rest, and are
        // still inside the frame.
        let mut s = 0.0;
        let sums: Vec<(f64, f64)> = (0..10)
            .map(|n| {
                s += (-0.25f64).powi(n);
                (f64::from(n + 1), s)
            })
            .collect();
        let limit: Vec<(f64, f64)> = (0..=240)
            .map(|i| (1.0 + 9.0 * f64::from(i) / 240.0, 0.8))
            .collect();
        let p = Plot::new(
            "k",
            vec![series(sums, Style::Points), series(limit, Style::Reference)],
            (1.0, 10.0),
            false,
        );
        assert!(p.y_range.0 < 0.75 && p.y_range.1 > 1.0, "{:?}", p.y_range);
        assert!(!p.clipped);
        assert_eq!(p.visible(&p.series[0])[0].len(), 10);
    }

    #[test]
    fn clipping_keeps_the_inside_part() {
        assert_eq!(
            clip((0.0, 0.0), (1.0, 2.0), 0.0, 1.0, false),
            Some(((0.0, 0.0), (0.5, 1.0)))
        );
        assert_eq!(clip((0.0, 3.0), (1.0, 4.0), 0.0, 1.0, false), None);
    }
}
