//! The one diagnostics emitter for sigma: the [`Diagnostic`] value every stage reports errors
//! with, and its rendering (via codespan-reporting) into `file:line:col` text with the source
//! line, a caret under the span, notes and help.

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{Ansi, NoColor, WriteColor};
use codespan_reporting::term::{self, Config};

use crate::source::{SourceMap, Span};

/// An error report: a lowercase message, optionally pinned to a span of some source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The headline, lowercase, without trailing punctuation: `expected an expression`.
    pub message: String,
    /// Where the problem is; `None` for errors not tied to any source text.
    pub span: Option<Span>,
    /// Text printed under the caret; may be empty.
    pub label: String,
    /// Extra facts, each printed as `= note: …`.
    pub notes: Vec<String>,
    /// A suggestion, printed as `= help: …`.
    pub help: Option<String>,
    /// Other spans the message concerns, each drawn with `-` and its label.
    pub secondary: Vec<(Span, String)>,
}

impl Diagnostic {
    /// An error with `message` at `span`, with no label, notes or help yet.
    pub fn error(message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic {
            message: message.into(),
            span,
            label: String::new(),
            notes: Vec::new(),
            help: None,
            secondary: Vec::new(),
        }
    }

    /// Adds a secondary label at `span`, drawn with `-` beside the primary caret.
    pub fn with_secondary(mut self, span: Span, label: impl Into<String>) -> Self {
        self.secondary.push((span, label.into()));
        self
    }

    /// Sets the text printed under the caret.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Sets the `help:` suggestion.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Appends a `note:` line.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
}

impl std::fmt::Display for Diagnostic {
    /// The bare message (no location); use [`render`] for the full report.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

/// Renders one diagnostic as terminal text: `error: message`, then (when it has a span that
/// lies inside a registered source) `┌─ file:line:col`, the source line with a caret under
/// the span and the label, then notes and help. `color` selects ANSI escapes.
pub fn render(diag: &Diagnostic, sources: &SourceMap, color: bool) -> String {
    match with_visible_source(diag, sources) {
        Some((d, shown)) => render_quoted(&d, &shown, color),
        None => render_quoted(diag, sources, color),
    }
}

/// When the diagnostic's source holds invisible characters (a zero-width space, a NUL), the
/// same diagnostic against a copy of the sources where they are drawn as visible stand-ins
/// (`�`, `␀`), its spans moved to match, so the caret under one is seen.
fn with_visible_source(diag: &Diagnostic, sources: &SourceMap) -> Option<(Diagnostic, SourceMap)> {
    let id = diag.span?.source;
    let (text, offsets) = crate::invisible::visible(&sources.get(id)?.text)?;
    let mut shown = SourceMap::default();
    for (i, f) in sources.files().iter().enumerate() {
        if i == id {
            shown.add(f.name.clone(), text.as_str());
        } else {
            shown.add(f.name.clone(), f.text.clone());
        }
    }
    let moved = |s: Span| match s.source == id {
        true => Span::new(id, offsets.map(s.start), offsets.map(s.end)),
        false => s,
    };
    let mut d = diag.clone();
    d.span = d.span.map(moved);
    for (s, _) in &mut d.secondary {
        *s = moved(*s);
    }
    Some((d, shown))
}

/// [`render`] once the quoted sources are fit to show.
fn render_quoted(diag: &Diagnostic, sources: &SourceMap, color: bool) -> String {
    let valid = diag.span.filter(|s| span_is_valid(sources, *s));
    if let Some(out) = valid.and_then(|span| render_long_line(diag, sources, span, color)) {
        return out;
    }
    let mut files = SimpleFiles::new();
    for file in sources.files() {
        files.add(file.name.as_str(), &*file.text);
    }

    let mut notes: Vec<String> = diag.notes.iter().map(|n| format!("note: {n}")).collect();
    if let Some(help) = &diag.help {
        notes.push(format!("help: {help}"));
    }
    let plain = CsDiagnostic::error()
        .with_message(diag.message.as_str())
        .with_notes(notes);

    let labelled = match valid {
        Some(span) => {
            let mut labels =
                vec![Label::primary(span.source, span.start..span.end)
                    .with_message(diag.label.as_str())];
            labels.extend(
                diag.secondary
                    .iter()
                    .filter(|(s, _)| span_is_valid(sources, *s))
                    .map(|(s, l)| Label::secondary(s.source, s.start..s.end).with_message(l)),
            );
            plain.clone().with_labels(labels)
        }
        None => plain.clone(),
    };

    emit(&labelled, &files, color)
        .or_else(|| emit(&plain, &files, color))
        .unwrap_or_else(|| format!("error: {}\n", diag.message))
}

/// Source lines longer than this many characters are shown as an excerpt around the span.
const LONG_LINE: usize = 160;
/// Characters of context kept before the span in an excerpt, and the excerpt's length.
const BEFORE: usize = 40;
const WINDOW: usize = 140;

/// A diagnostic whose span sits on a very long line (a 200 × 200 matrix typed on one line),
/// rendered with an excerpt of that line marked by `…` at the cut ends, and the caret clipped
/// to the excerpt; the `file:line:col` header keeps the real position. `None` for short lines.
fn render_long_line(
    diag: &Diagnostic,
    sources: &SourceMap,
    span: Span,
    color: bool,
) -> Option<String> {
    let file = sources.get(span.source)?;
    let text = &*file.text;
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.start..]
        .find('\n')
        .map_or(text.len(), |i| span.start + i);
    let line = &text[line_start..line_end];
    if line.chars().count() <= LONG_LINE {
        return None;
    }
    // Character positions within the line.
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let at = |byte: usize| chars.partition_point(|&(b, _)| b < byte);
    let (s, e) = (
        at(span.start - line_start),
        at(span.end.min(line_end) - line_start),
    );
    let ws = s.saturating_sub(BEFORE);
    let we = (ws + WINDOW).min(chars.len());
    let byte = |c: usize| chars.get(c).map_or(line.len(), |&(b, _)| b);
    let prefix = if ws > 0 { "…" } else { "" };
    let suffix = if we < chars.len() { "…" } else { "" };
    let excerpt = format!("{prefix}{}{suffix}", &line[byte(ws)..byte(we)]);
    let (line_no, col) = line_col(sources, span)?;
    let padding = "\n".repeat(line_no - 1);
    let lo = padding.len() + prefix.len() + byte(s) - byte(ws);
    let hi = padding.len() + prefix.len() + byte(e.clamp(s, we)) - byte(ws);
    let synthetic = format!("{padding}{excerpt}");
    let mut files = SimpleFiles::new();
    files.add(file.name.as_str(), synthetic.as_str());
    let mut notes: Vec<String> = diag.notes.iter().map(|n| format!("note: {n}")).collect();
    if let Some(help) = &diag.help {
        notes.push(format!("help: {help}"));
    }
    let cs = CsDiagnostic::error()
        .with_message(diag.message.as_str())
        .with_notes(notes)
        .with_labels(vec![
            Label::primary(0, lo..hi.max(lo)).with_message(diag.label.as_str())
        ]);
    let out = emit(&cs, &files, color)?;
    let shown = 1 + prefix.chars().count() + (s - ws);
    Some(out.replacen(
        &format!("{}:{line_no}:{shown}", file.name),
        &format!("{}:{line_no}:{col}", file.name),
        1,
    ))
}

/// Renders several diagnostics one after another (see [`render`]).
pub fn render_all(diags: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    diags.iter().map(|d| render(d, sources, color)).collect()
}

/// The 1-based line and column of `span.start`, the column counted in characters; `None`
/// when the span does not point into a registered source.
pub fn line_col(sources: &SourceMap, span: Span) -> Option<(usize, usize)> {
    let text = &*sources.get(span.source)?.text;
    let before = text.get(..span.start)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let col = before[line_start..].chars().count() + 1;
    Some((line, col))
}

/// Whether `span` is a well-formed range on character boundaries of a registered source.
fn span_is_valid(sources: &SourceMap, span: Span) -> bool {
    sources.get(span.source).is_some_and(|f| {
        span.start <= span.end
            && f.text.is_char_boundary(span.start)
            && f.text.is_char_boundary(span.end)
    })
}

/// Emits through codespan into a string; `None` if codespan reports a failure.
fn emit(
    diag: &CsDiagnostic<usize>,
    files: &SimpleFiles<&str, &str>,
    color: bool,
) -> Option<String> {
    let config = Config::default();
    if color {
        let mut writer = Ansi::new(Vec::new());
        write_with(&mut writer, &config, files, diag)?;
        String::from_utf8(writer.into_inner()).ok()
    } else {
        let mut writer = NoColor::new(Vec::new());
        write_with(&mut writer, &config, files, diag)?;
        String::from_utf8(writer.into_inner()).ok()
    }
}

fn write_with(
    writer: &mut dyn WriteColor,
    config: &Config,
    files: &SimpleFiles<&str, &str>,
    diag: &CsDiagnostic<usize>,
) -> Option<()> {
    term::emit(writer, config, files, diag).ok()
}
