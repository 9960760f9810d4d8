//! Input spread over several lines: while brackets are open the REPL keeps reading, under a
//! continuation prompt, and runs the lines joined once they close. A `:` command is always a
//! single line. Ctrl-D (or Ctrl-C) at the continuation prompt cancels the pending input.

use crate::syntax;

/// The prompt of a fresh input.
pub const PROMPT: &str = "σ> ";

/// The prompt of a continuation line, as wide as [`PROMPT`].
pub const CONTINUATION: &str = ".. ";

/// What to do after a line was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The input is complete: run it.
    Run(String),
    /// Brackets are still open: read another line.
    More,
}

/// The lines read so far of an input whose brackets are still open.
#[derive(Debug, Clone, Default)]
pub struct Pending {
    text: String,
}

impl Pending {
    /// Whether lines are waiting for their brackets to close.
    pub fn is_open(&self) -> bool {
        !self.text.is_empty()
    }

    /// The prompt for the next line.
    pub fn prompt(&self) -> &'static str {
        if self.is_open() {
            CONTINUATION
        } else {
            PROMPT
        }
    }

    /// Adds a line: the joined input when it is complete, else [`Step::More`].
    pub fn push(&mut self, line: &str) -> Step {
        if !self.is_open() && (line.trim_start().starts_with(':') || line.trim().is_empty()) {
            return Step::Run(line.to_string());
        }
        if self.is_open() {
            self.text.push('\n');
        }
        self.text.push_str(line);
        if syntax::is_incomplete(&self.text) {
            Step::More
        } else {
            Step::Run(std::mem::take(&mut self.text))
        }
    }

    /// Drops the pending lines; whether there were any.
    pub fn cancel(&mut self) -> bool {
        let open = self.is_open();
        self.text.clear();
        open
    }

    /// The pending lines at the end of input (brackets left open), if any.
    pub fn finish(&mut self) -> Option<String> {
        self.is_open().then(|| std::mem::take(&mut self.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_lines_until_the_brackets_close() {
        let mut p = Pending::default();
        assert_eq!(p.prompt(), PROMPT);
        assert_eq!(p.push("m = [[1, 2],"), Step::More);
        assert_eq!(p.prompt(), CONTINUATION);
        // A line starting with `:` inside open brackets is part of the input.
        assert_eq!(
            p.push("  [3, 4]]"),
            Step::Run("m = [[1, 2],\n  [3, 4]]".into())
        );
        assert_eq!(p.prompt(), PROMPT);
        assert_eq!(p.push("1 + 1"), Step::Run("1 + 1".into()));
        assert_eq!(p.push(":help (("), Step::Run(":help ((".into()));
        assert_eq!(p.finish(), None);
    }

    #[test]
    fn cancel_drops_the_pending_lines() {
        let mut p = Pending::default();
        assert!(!p.cancel());
        assert_eq!(p.push("sum(1/n^2,"), Step::More);
        assert_eq!(p.push(""), Step::More);
        assert!(p.cancel());
        assert_eq!(p.prompt(), PROMPT);
        assert_eq!(p.push("2"), Step::Run("2".into()));
        assert_eq!(p.push("(1 +"), Step::More);
        assert_eq!(p.finish(), Some("(1 +".into()));
    }
}
