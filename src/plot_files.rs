//! Plot files: where the front ends write a statement's plot as SVG (next to the script, or
//! in the directory given), under which name (the binding's, `gelu = plot(…)` → `gelu.svg`,
//! else the script's name with a counter), and the writing itself.

use crate::eval::value::Value;
use crate::outcome::{Outcome, OutcomeKind};
use std::path::{Path, PathBuf};

/// Names and writes the plots of one run.
#[derive(Debug, Clone)]
pub struct PlotFiles {
    dir: PathBuf,
    stem: String,
    count: usize,
}

impl PlotFiles {
    /// Plots written to `dir`, unnamed ones as `stem-plot-1.svg`, `stem-plot-2.svg`, ….
    pub fn new(dir: impl Into<PathBuf>, stem: &str) -> Self {
        PlotFiles {
            dir: dir.into(),
            stem: stem.to_string(),
            count: 0,
        }
    }

    /// The plots of `script`: written to `dir` if given, else next to the script.
    pub fn for_script(script: &Path, dir: Option<&Path>) -> Self {
        let stem = script
            .file_stem()
            .map_or_else(|| "plot".into(), |s| s.to_string_lossy().into_owned());
        let dir = dir.map(Path::to_path_buf).unwrap_or_else(|| {
            script
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("."))
        });
        PlotFiles::new(dir, &stem)
    }

    /// The plot an outcome shows, with the binding's name when it has one.
    pub fn plot_of(o: &Outcome) -> Option<(&crate::math::plot::Plot, Option<&str>)> {
        match &o.kind {
            OutcomeKind::Value(Value::Plot(p)) => Some((p, None)),
            OutcomeKind::Binding {
                name,
                value: Value::Plot(p),
            } => Some((p, Some(name))),
            _ => None,
        }
    }

    /// The file the next plot goes to: `name.svg` for a binding whose name is a plain file
    /// name, else the next `stem-plot-N.svg`.
    pub fn next_path(&mut self, name: Option<&str>) -> PathBuf {
        let plain = |n: &&str| n.chars().all(|c| c.is_alphanumeric() || c == '_');
        match name.filter(plain) {
            Some(n) => self.dir.join(format!("{n}.svg")),
            None => {
                self.count += 1;
                self.dir
                    .join(format!("{}-plot-{}.svg", self.stem, self.count))
            }
        }
    }

    /// Writes the outcome's plot, if it has one: the path written, or why not.
    pub fn save(&mut self, o: &Outcome) -> Option<Result<PathBuf, String>> {
        let (plot, name) = Self::plot_of(o)?;
        let path = self.next_path(name);
        Some(write(plot, &path).map(|()| path))
    }
}

/// Writes `plot` as an SVG file at `path`.
pub fn write(plot: &crate::math::plot::Plot, path: &Path) -> Result<(), String> {
    let svg = crate::render::plot::svg(plot)?;
    std::fs::write(path, svg).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The line a front end prints after a plot: where it went, or why it could not be written.
pub fn report(r: &Result<PathBuf, String>) -> String {
    match r {
        Ok(p) => format!("  written to {}", p.display()),
        Err(e) => format!("  error: {e}"),
    }
}
