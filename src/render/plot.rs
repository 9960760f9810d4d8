//! Plots drawn: SVG through `plotters` (its SVG backend only, so no system fonts are needed),
//! the same data as a `pgfplots` axis for LaTeX, a one-line text summary, and the sampled
//! data as JSON. Every renderer draws what `Plot::visible` gives, on the plot's ranges.

use super::escape;
use crate::math::plot::{Plot, Style};
use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::prelude::*;
use serde_json::{json, Value as Json};

/// The SVG's displayed size in pixels.
pub const SIZE: (u32, u32) = (760, 460);
/// The drawing is made at this multiple of [`SIZE`] and scaled down by the SVG's `viewBox`:
/// plotters places points on whole pixels, so this keeps curves smooth.
const SCALE: u32 = 3;

/// The series colours (Tableau 10), shared by SVG and pgfplots.
const PALETTE: [(u8, u8, u8); 10] = [
    (31, 119, 180),
    (255, 127, 14),
    (44, 160, 44),
    (214, 39, 40),
    (148, 103, 189),
    (140, 86, 75),
    (227, 119, 194),
    (127, 127, 127),
    (188, 189, 34),
    (23, 190, 207),
];

fn colour(i: usize) -> RGBColor {
    let (r, g, b) = PALETTE[i % PALETTE.len()];
    RGBColor(r, g, b)
}

/// The plot in one line: what it draws, against what, over which range.
pub fn summary(p: &Plot) -> String {
    let labels: Vec<&str> = p.series.iter().map(|s| s.label.as_str()).collect();
    format!(
        "plot of {} against {} from {} to {}{}",
        labels.join("; "),
        p.x_label,
        short(p.x_range.0),
        short(p.x_range.1),
        if p.log_y { " (log scale)" } else { "" }
    )
}

/// A double in at most 6 significant digits, for labels and summaries.
fn short(v: f64) -> String {
    let s = format!("{:.6}", v);
    let t = if v != 0.0 && (v.abs() >= 1e6 || v.abs() < 1e-4) {
        // 1.500e-7 → 1.5e-7, 1.000e-5 → 1e-5.
        let e = format!("{v:.3e}");
        match e.split_once('e') {
            Some((m, x)) if m.contains('.') => {
                format!("{}e{x}", m.trim_end_matches('0').trim_end_matches('.'))
            }
            _ => e,
        }
    } else {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    if t == "-0" {
        "0".into()
    } else {
        t
    }
}

/// The staircase through data points: each value held until the next index.
fn staircase(seg: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(seg.len() * 2);
    for (i, &(x, y)) in seg.iter().enumerate() {
        if let Some(&(nx, _)) = seg.get(i + 1) {
            out.push((x, y));
            out.push((nx, y));
        } else {
            out.push((x, y));
        }
    }
    out
}

/// Height of one legend row, in displayed pixels.
const ROW: u32 = 22;

/// The legend's rows: indices of the series on each, entries placed left to right while
/// they fit the width (by an estimate of the label's width at the legend's font size).
fn legend_rows(p: &Plot) -> Vec<Vec<usize>> {
    let width = |i: usize| 40 + 8 * p.series[i].label.chars().count() as u32;
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut used = u32::MAX;
    for i in 0..p.series.len() {
        let w = width(i);
        if used.saturating_add(w) > SIZE.0 - 100 {
            rows.push(Vec::new());
            used = 0;
        }
        used += w;
        if let Some(r) = rows.last_mut() {
            r.push(i);
        }
    }
    rows
}

/// The plot as a standalone SVG document: the axes, then the legend below them.
pub fn svg(p: &Plot) -> Result<String, String> {
    let rows = legend_rows(p);
    let size = (SIZE.0, SIZE.1 + ROW * rows.len() as u32 + 8);
    let (w, h) = (size.0 * SCALE, size.1 * SCALE);
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (w, h)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let (axes, below) = root.split_vertically(px(SIZE.1));
        let (x0, x1) = p.x_range;
        // Marks at the ends of the range are drawn whole.
        let pad = if p.series.iter().any(|s| s.style == Style::Points) {
            (x1 - x0) * 0.02
        } else {
            0.0
        };
        let x = (x0 - pad)..(x1 + pad);
        let y = p.y_range.0..p.y_range.1;
        if p.log_y {
            draw(&axes, p, x, y.log_scale())?;
        } else {
            draw(&axes, p, x, y)?;
        }
        legend(&below, p, &rows)?;
        root.present().map_err(|e| e.to_string())?;
    }
    let from = format!("width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\"");
    let to = format!(
        "width=\"{}\" height=\"{}\" viewBox=\"0 0 {w} {h}\"",
        size.0, size.1
    );
    if !buf.contains(&from) {
        return Err("internal: unexpected SVG header from plotters".into());
    }
    Ok(buf.replacen(&from, &to, 1))
}

/// A length in drawing units for one displayed pixel.
const fn px(n: u32) -> u32 {
    n * SCALE
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

fn draw<Y>(root: &Area, p: &Plot, x: std::ops::Range<f64>, y: Y) -> Result<(), String>
where
    Y: AsRangedCoord<Value = f64>,
    Y::CoordDescType: ValueFormatter<f64>,
{
    let err = |e: &dyn std::fmt::Display| e.to_string();
    // A tick at a rounding error's distance from 0 is 0.
    let tick = |v: f64, span: f64, log: bool| {
        if !log && v.abs() < span * 1e-9 {
            "0".to_string()
        } else {
            short(v)
        }
    };
    let (xs, ys) = (p.x_range.1 - p.x_range.0, p.y_range.1 - p.y_range.0);
    let mut chart = ChartBuilder::on(root)
        .margin(px(18))
        .x_label_area_size(px(44))
        .y_label_area_size(px(72))
        .build_cartesian_2d(x, y)
        .map_err(|e| err(&e))?;
    chart
        .configure_mesh()
        .x_desc(p.x_label.as_str())
        .axis_desc_style(("sans-serif", px(16)))
        .label_style(("sans-serif", px(13)))
        .x_label_formatter(&|v| tick(*v, xs, false))
        .y_label_formatter(&|v| tick(*v, ys, p.log_y))
        .light_line_style(RGBColor(240, 240, 240).stroke_width(px(1) / 2))
        .bold_line_style(RGBColor(210, 210, 210).stroke_width(px(1)))
        .axis_style(RGBColor(60, 60, 60).stroke_width(px(1)))
        .draw()
        .map_err(|e| err(&e))?;
    for (i, s) in p.series.iter().enumerate() {
        let c = colour(i);
        for seg in p.visible(s) {
            match s.style {
                // A lone sample between gaps is a dot.
                Style::Line if seg.len() == 1 => {
                    chart.draw_series([Circle::new(seg[0], px(1), c.filled()).into_dyn()])
                }
                Style::Line => chart.draw_series(LineSeries::new(seg, c.stroke_width(px(2)))),
                Style::Steps => {
                    chart.draw_series(LineSeries::new(staircase(&seg), c.stroke_width(px(2))))
                }
                Style::Reference => chart.draw_series(DashedLineSeries::new(
                    seg,
                    px(8),
                    px(6),
                    c.stroke_width(px(2)),
                )),
                Style::Points => chart.draw_series(
                    seg.into_iter()
                        .map(|pt| Circle::new(pt, px(3), c.filled()).into_dyn()),
                ),
            }
            .map_err(|e| err(&e))?;
        }
    }
    Ok(())
}

/// The legend below the axes: for each series its mark (line, dashes or dot) and label.
fn legend(area: &Area, p: &Plot, rows: &[Vec<usize>]) -> Result<(), String> {
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let font = ("sans-serif", px(14))
        .into_font()
        .color(&RGBColor(30, 30, 30));
    for (r, row) in rows.iter().enumerate() {
        let y = px(ROW * r as u32 + ROW / 2) as i32;
        let mut x = px(90) as i32;
        for &i in row {
            let (s, c) = (&p.series[i], colour(i));
            let stroke = c.stroke_width(px(2));
            let (l, m) = (px(24) as i32, px(12) as i32);
            match s.style {
                Style::Points => area.draw(&Circle::new((x + m, y), px(3), c.filled())),
                Style::Reference => area
                    .draw(&PathElement::new(
                        vec![(x, y), (x + px(9) as i32, y)],
                        stroke,
                    ))
                    .and_then(|()| {
                        area.draw(&PathElement::new(
                            vec![(x + px(15) as i32, y), (x + l, y)],
                            stroke,
                        ))
                    }),
                _ => area.draw(&PathElement::new(vec![(x, y), (x + l, y)], stroke)),
            }
            .map_err(|e| err(&e))?;
            let at = (x + l + px(8) as i32, y - px(8) as i32);
            area.draw(&Text::new(s.label.clone(), at, font.clone()))
                .map_err(|e| err(&e))?;
            x += px(40 + 8 * s.label.chars().count() as u32) as i32;
        }
    }
    Ok(())
}

/// The plot as a `pgfplots` axis in a `tikzpicture` (the preamble needs `\usepackage{pgfplots}`
/// and [`PGF_PREAMBLE`]'s colours).
pub fn pgfplots(p: &Plot) -> String {
    let env = if p.log_y { "semilogyaxis" } else { "axis" };
    let mut s = format!(
        "\\begin{{tikzpicture}}\n\\begin{{{env}}}[width=0.92\\linewidth, height=0.55\\linewidth, \
         xlabel={{${}$}}, xmin={}, xmax={}, ymin={}, ymax={}, grid=major, \
         grid style={{gray!20}}, unbounded coords=jump, \
         legend style={{font=\\footnotesize, at={{(0.5,-0.2)}}, anchor=north, \
         draw=none}}, legend cell align=left, tick label style={{font=\\footnotesize}}]\n",
        escape::tex_math(&p.x_label),
        num(p.x_range.0),
        num(p.x_range.1),
        num(p.y_range.0),
        num(p.y_range.1),
    );
    for (i, ser) in p.series.iter().enumerate() {
        let style = match ser.style {
            Style::Line => "thick, mark=none",
            Style::Steps => "thick, mark=none, const plot",
            Style::Reference => "thick, dashed, mark=none",
            Style::Points => "only marks, mark=*, mark size=1.3pt",
        };
        s.push_str(&format!(
            "\\addplot[color=sigma{}, {style}] coordinates {{",
            i % PALETTE.len()
        ));
        for (k, seg) in p.visible(ser).iter().enumerate() {
            if k > 0 {
                // A jump in the coordinates: pgfplots leaves the gap open.
                s.push_str(&format!(" ({}, nan)", num(seg[0].0)));
            }
            for (j, (x, y)) in seg.iter().enumerate() {
                s.push_str(if j % 6 == 0 { "\n  " } else { " " });
                s.push_str(&format!("({}, {})", num(*x), num(*y)));
            }
        }
        s.push_str("\n};\n");
        s.push_str(&format!(
            "\\addlegendentry{{{}}}\n",
            escape::tex_text(&ser.label)
        ));
    }
    s.push_str(&format!("\\end{{{env}}}\n\\end{{tikzpicture}}\n"));
    s
}

/// The colour definitions and package lines a LaTeX document with plots needs.
pub fn pgf_preamble() -> String {
    let mut s = String::from("\\usepackage{pgfplots}\n\\pgfplotsset{compat=1.16}\n");
    for (i, (r, g, b)) in PALETTE.iter().enumerate() {
        s.push_str(&format!(
            "\\definecolor{{sigma{i}}}{{RGB}}{{{r},{g},{b}}}\n"
        ));
    }
    s
}

/// A double as pgfplots reads it (shortest round-trip form, exponent with `e`).
fn num(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    if v.abs() >= 1e6 || v.abs() < 1e-4 {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// The sampled data as JSON: axes, ranges, and each series' pieces of `[x, y]` pairs.
pub fn json_fields(p: &Plot) -> Json {
    json!({
        "x_label": p.x_label,
        "x_range": [p.x_range.0, p.x_range.1],
        "y_range": [p.y_range.0, p.y_range.1],
        "y_scale": if p.log_y { "log" } else { "linear" },
        "clipped": p.clipped,
        "series": p.series.iter().map(|s| json!({
            "label": s.label,
            "style": s.style.name(),
            "omitted": s.omitted,
            "segments": s.segments.iter()
                .map(|seg| seg.iter().map(|(x, y)| json!([x, y])).collect::<Vec<_>>())
                .collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_readable() {
        assert_eq!(short(3.0), "3");
        assert_eq!(short(-std::f64::consts::PI), "-3.141593");
        assert_eq!(short(1e-9), "1e-9");
        assert_eq!(short(-2.5e-7), "-2.5e-7");
        assert_eq!(num(0.25), "0.25");
        assert_eq!(num(1.5e-10), "1.5e-10");
    }

    #[test]
    fn steps_hold_each_value_until_the_next_index() {
        assert_eq!(
            staircase(&[(1.0, 2.0), (2.0, 3.0), (3.0, 1.0)]),
            vec![(1.0, 2.0), (2.0, 2.0), (2.0, 3.0), (3.0, 3.0), (3.0, 1.0)]
        );
    }
}
