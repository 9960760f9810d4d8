//! `plot`: the sampled data (series, styles, labels, ranges, pieces), the SVG's structure
//! (series drawn, legend, tick labels; not its bytes), the pgfplots axis, the JSON data, the
//! files written by `sigma run`, and the errors.

mod common;

use common::{err, eval};
use sigma::eval::value::Value;
use sigma::math::plot::{Plot, Style};
use sigma::render::plot as draw;

fn plot(src: &str) -> Plot {
    match eval(src) {
        Ok(Value::Plot(p)) => *p,
        other => panic!("{src}: not a plot: {other:?}"),
    }
}

/// What an SVG draws, read from its elements: its size, the polylines and circles drawn in
/// each series colour, and every text.
fn svg_structure(svg: &str) -> String {
    let palette = [
        "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B",
    ];
    let mut out = String::new();
    let header = svg.lines().next().unwrap_or_default();
    out.push_str(&format!("{header}\n"));
    for (i, c) in palette.iter().enumerate() {
        let lines = svg
            .matches(&format!(
                "<polyline fill=\"none\" opacity=\"1\" stroke=\"{c}\""
            ))
            .count();
        let dots = svg.matches(&format!("fill=\"{c}\"")).count();
        if lines + dots > 0 {
            out.push_str(&format!(
                "series {i}: {lines} polylines, {dots} filled marks\n"
            ));
        }
    }
    let texts: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| t.split('>').nth(1))
        .map(|t| t.trim_end_matches("</text").trim())
        .collect();
    out.push_str(&format!("texts: {}\n", texts.join(" | ")));
    out
}

#[test]
fn a_function_against_its_taylor_polynomial_and_relu() {
    let p = plot("plot([gelu(x), taylor(gelu(x), x, 0, 9), (x + abs(x))/2], x, -3, 3)");
    let labels: Vec<&str> = p.series.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels,
        ["gelu(x)", "taylor(gelu(x), x, 0, 9)", "(x + abs(x))/2"]
    );
    assert!(p.series.iter().all(|s| s.style == Style::Line));
    assert!(p
        .series
        .iter()
        .all(|s| s.segments.len() == 1 && s.omitted == 0));
    assert_eq!(p.x_range, (-3.0, 3.0));
    // ReLU at 3 is exactly 3; the degree-9 polynomial at -3 is about -3.8.
    let relu_end = *p.series[2].segments[0].last().unwrap();
    assert_eq!(relu_end, (3.0, 3.0));
    assert!(p.y_range.0 < -3.8 && p.y_range.0 > -4.5, "{:?}", p.y_range);
    assert!(!p.log_y && !p.clipped);
    insta::assert_snapshot!(svg_structure(&draw::svg(&p).unwrap()));
}

#[test]
fn every_sample_is_the_double_nearest_the_exact_value() {
    let p = plot("plot(x^2/3, x, 0, 1)");
    for (x, y) in p.series[0].points() {
        // x is a grid point k/239; y must be the correctly rounded x²/3.
        let k = (x * 239.0).round() as i64;
        let exact = num_rational::Ratio::new(k * k, 239 * 239 * 3);
        let nearest = num_traits::ToPrimitive::to_f64(&exact).unwrap();
        assert_eq!(y, nearest, "at x = {k}/239");
    }
}

#[test]
fn poles_are_never_joined() {
    let p = plot("plot(tan(x), x, -5, 5)");
    // Poles at ±π/2 and ±3π/2 lie inside [-5, 5]: five pieces.
    assert_eq!(p.series[0].segments.len(), 5);
    let poles = [
        -3.0 * std::f64::consts::FRAC_PI_2,
        -std::f64::consts::FRAC_PI_2,
    ];
    for seg in &p.series[0].segments {
        let (a, b) = (seg[0].0, seg[seg.len() - 1].0);
        for pole in poles.iter().flat_map(|q| [*q, -*q]) {
            assert!(!(a < pole && pole < b), "a piece crosses the pole {pole}");
        }
    }
    // The view is not flattened by the values near the poles, and the lines are cut there.
    assert!(p.clipped);
    assert!(
        p.y_range.1 < 100.0 && p.y_range.0 > -100.0,
        "{:?}",
        p.y_range
    );
    let tex = draw::pgfplots(&p);
    assert_eq!(tex.matches(", nan)").count(), 4, "{tex}");
}

#[test]
fn a_jump_is_not_joined_and_points_outside_the_domain_are_left_out() {
    let p = plot("plot([abs(x)/x, sqrt(x)], x, -1, 1)");
    assert_eq!(p.series[0].segments.len(), 2);
    assert_eq!(p.series[0].omitted, 0);
    assert!(p.series[0].segments[0].iter().all(|q| q.1 == -1.0));
    assert_eq!(p.series[1].segments.len(), 1);
    assert!(p.series[1].points().all(|q| q.0 >= 0.0));
    assert!(p.series[1].omitted >= 119);
}

#[test]
fn partial_sums_as_points_with_their_limit() {
    let p = plot("plot([partial_sums(sum((2/3)^n, n, 0, oo), 20), 3], k, 1, 20)");
    assert_eq!(p.series[0].style, Style::Points);
    let pts: Vec<(f64, f64)> = p.series[0].points().collect();
    assert_eq!(pts.len(), 20);
    assert_eq!(pts[0], (1.0, 1.0));
    assert_eq!(pts[1], (2.0, 5.0 / 3.0));
    assert_eq!(p.series[1].style, Style::Reference);
    assert_eq!(p.series[1].segments, vec![vec![(1.0, 3.0), (20.0, 3.0)]]);
    insta::assert_snapshot!(svg_structure(&draw::svg(&p).unwrap()));
}

#[test]
fn a_sequence_as_points_or_steps() {
    let p = plot("plot(sum(1/k^2, k, 1, n), n, 1, 10, steps)");
    assert_eq!(p.series[0].style, Style::Steps);
    let pts: Vec<(f64, f64)> = p.series[0].points().collect();
    assert_eq!(pts.len(), 10);
    assert_eq!(pts[1], (2.0, 1.25));
    let tex = draw::pgfplots(&p);
    assert!(tex.contains("const plot"), "{tex}");
}

#[test]
fn a_list_of_numbers_is_data() {
    let p = plot("plot([1, 1/2, 1/4], k, 0, 2)");
    assert_eq!(p.series.len(), 1);
    assert_eq!(p.series[0].label, "[1, 1/2, 1/4]");
    let pts: Vec<(f64, f64)> = p.series[0].points().collect();
    assert_eq!(pts, [(0.0, 1.0), (1.0, 0.5), (2.0, 0.25)]);
}

#[test]
fn a_family_over_a_parameter_is_labelled_by_its_value() {
    let p = plot("plot([1 - β^t for β in [0.9, 0.99, 0.999]], t, 1, 100)");
    let labels: Vec<&str> = p.series.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["β = 0.9", "β = 0.99", "β = 0.999"]);
    let first = p.series[0].points().next().unwrap();
    assert_eq!(first, (1.0, 0.1));
}

#[test]
fn errors_on_a_log_scale_leave_out_what_is_not_positive() {
    let p = plot("plot([1/n^2, 1/1000], n, 1, 30, points, logy)");
    assert!(p.log_y);
    assert_eq!(p.series[0].points().count(), 30);
    assert!(p.y_range.0 > 0.0 && p.y_range.0 < 1.0 / 1000.0);
    assert_eq!(p.series[1].style, Style::Reference);
    let tex = draw::pgfplots(&p);
    assert!(tex.contains("\\begin{semilogyaxis}"), "{tex}");
    let e = err("plot([1/n^2, 0], n, 1, 30, points, logy)");
    assert!(e.contains("no sample is positive"), "{e}");
}

#[test]
fn json_carries_the_samples() {
    let p = plot("plot([x, 1/2], x, 0, 1)");
    let j = draw::json_fields(&p);
    assert_eq!(j["x_range"], serde_json::json!([0.0, 1.0]));
    assert_eq!(j["series"][1]["style"], "reference");
    assert_eq!(
        j["series"][1]["segments"],
        serde_json::json!([[[0.0, 0.5], [1.0, 0.5]]])
    );
    assert_eq!(j["series"][0]["segments"][0].as_array().unwrap().len(), 240);
}

#[test]
fn bad_plots_are_refused_with_the_reason() {
    let cases = [
        ("plot(sin(x))", "give the variable and its range"),
        ("plot(y*x, x, 0, 1)", "free symbol y"),
        ("plot(x, x, 1, 0)", "from a smaller to a larger number"),
        ("plot(x, x, 0, 1, dashed)", "plot option"),
        ("plot(x, x, 0, 1, points, steps)", "one style"),
        ("plot(x, x, 0, 1/2, points)", "integer bounds"),
        (
            "plot([1, 2, 3], n, 0, 5)",
            "3 values cannot be drawn at the 6 integers",
        ),
        (
            "v = [1, 2]; plot(v, n, 0, 2)",
            "2 values cannot be drawn at the 3 integers",
        ),
        ("plot(ln(x), x, -2, -1)", "nothing to draw"),
        (
            "plot(converges(sum(1/n^2, n, 1, oo)))",
            "cannot plot a verdict",
        ),
        ("plot(x, x, 0, 10^6, points)", "at most"),
    ];
    for (src, want) in cases {
        let e = err(src);
        assert!(e.contains(want), "{src}: {e}");
    }
}

#[test]
fn sigma_run_writes_each_plot_next_to_the_script() {
    let dir = std::env::temp_dir().join(format!("sigma-plot-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("demo.sigma");
    std::fs::write(
        &script,
        "gelu_plot = plot(gelu(x), x, -3, 3)\nplot(x^2, x, 0, 1)\n",
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("sigma")
        .unwrap()
        .args(["run", script.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let named = dir.join("gelu_plot.svg");
    let counted = dir.join("demo-plot-1.svg");
    assert!(
        stdout.contains(&format!("written to {}", named.display())),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("written to {}", counted.display())),
        "{stdout}"
    );
    let svg = std::fs::read_to_string(&named).unwrap();
    assert!(svg.starts_with("<svg width=\"760\""));
    assert!(svg.contains(">\ngelu(x)\n</text>"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn keys_embed_their_plots() {
    let dir = std::env::temp_dir().join(format!("sigma-plot-key-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("demo.sigma");
    std::fs::write(
        &script,
        "## Curves\nwave = plot(sin(x), x, 0, pi)\nplot(x, x, 0, 1)\n",
    )
    .unwrap();
    let key = |format: &str, out: &str| {
        let o = assert_cmd::Command::cargo_bin("sigma")
            .unwrap()
            .args(["key", script.to_str().unwrap(), "--format", format, "-o"])
            .arg(dir.join(out))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        std::fs::read_to_string(dir.join(out)).unwrap()
    };
    // Markdown links the SVGs it writes beside the key.
    let md = key("md", "key.md");
    assert!(md.contains("](wave.svg)"), "{md}");
    assert!(md.contains("](demo-plot-1.svg)"), "{md}");
    assert!(std::fs::read_to_string(dir.join("wave.svg"))
        .unwrap()
        .contains("sin(x)"));
    assert!(dir.join("demo-plot-1.svg").exists());
    // LaTeX draws the same data with pgfplots, outside mathematics.
    let tex = key("tex", "key.tex");
    assert!(tex.contains("\\usepackage{pgfplots}"));
    assert_eq!(tex.matches("\\begin{tikzpicture}").count(), 2);
    assert!(!tex.contains("\\[ \\begin{tikzpicture}"));
    std::fs::remove_dir_all(&dir).unwrap();
}
