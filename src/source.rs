//! Source texts and byte spans: every piece of input sigma reads (a file, a REPL line, a `-e`
//! string) is registered here so diagnostics can quote it. Imports nothing else from sigma.

use std::sync::Arc;

/// Identifies one registered source text inside a [`SourceMap`].
pub type SourceId = usize;

/// A half-open byte range `[start, end)` inside one source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub source: SourceId,
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span covering `start..end` of source `source`.
    pub fn new(source: SourceId, start: usize, end: usize) -> Self {
        Span { source, start, end }
    }

    /// The smallest span covering both `self` and `other` (same source assumed).
    pub fn to(self, other: Span) -> Span {
        Span {
            source: self.source,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// One named source text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: Arc<str>,
}

/// All sources seen by a session, addressed by [`SourceId`].
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// Registers a text under `name` and returns its id.
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<Arc<str>>) -> SourceId {
        self.files.push(SourceFile {
            name: name.into(),
            text: text.into(),
        });
        self.files.len() - 1
    }

    /// The source registered under `id`.
    pub fn get(&self, id: SourceId) -> Option<&SourceFile> {
        self.files.get(id)
    }

    /// The text covered by `span`, or `""` when the span is out of range.
    pub fn slice(&self, span: Span) -> &str {
        self.get(span.source)
            .and_then(|f| f.text.get(span.start..span.end))
            .unwrap_or("")
    }

    /// All registered files, in id order.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }
}
