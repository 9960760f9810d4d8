//! The interactive REPL (`sigma` with no arguments): a rustyline editor with completion,
//! multi-line input under a continuation prompt while brackets are open, `ans` for the
//! previous result, persistent history and `:` commands. When standard input is not a
//! terminal, lines are read plainly instead, so the REPL can be driven through a pipe.

pub mod helper;

use crate::eval::interrupt;
use crate::interact::commands::{self, Flow};
use crate::interact::elide;
use crate::interact::pending::{Pending, Step};
use crate::plot_files::PlotFiles;
use crate::render::{self, Format};
use crate::session::Session;
use helper::SigmaHelper;
use rustyline::error::ReadlineError;
use rustyline::history::{FileHistory, History};
use rustyline::{CompletionType, Config, Editor};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

/// The greeting printed when the REPL starts on a terminal.
pub const WELCOME: &str = "sigma 0.1 — exact series and sequences. :help for help, :quit to leave.";

pub use crate::interact::pending::{CONTINUATION, PROMPT};

/// The width `:help` is laid out to when the terminal's is unknown (`$COLUMNS`, else 80).
fn default_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w: &usize| w >= 20)
        .unwrap_or(80)
}

/// Runs the REPL until `:quit` or end of input and returns the exit code: 0 on a terminal;
/// when reading a pipe, 0 if every line succeeded and 1 otherwise.
pub fn run(mut session: Session, format: Format, plots: PlotFiles) -> i32 {
    session.settings.ans = true;
    let mut repl = Repl {
        session,
        format,
        count: 0,
        failed: false,
        plots,
        width: default_width(),
    };
    if std::io::stdin().is_terminal() {
        interactive(&mut repl)
    } else {
        piped(&mut repl)
    }
}

/// The state of one REPL: the session and whether any line failed.
struct Repl {
    session: Session,
    format: Format,
    /// Lines run so far, numbering the sources `<repl:N>`.
    count: usize,
    failed: bool,
    /// Where plots are written (the current directory, or `--plot-dir`).
    plots: PlotFiles,
    /// The terminal's width in columns, which `:help` is laid out to.
    width: usize,
}

impl Repl {
    /// Runs one complete input: a `:` command or statements.
    fn handle(&mut self, input: &str) -> Flow {
        interrupt::reset();
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Flow::Continue;
        }
        if trimmed.starts_with(':') {
            return match commands::execute(&mut self.session, trimmed, self.width) {
                Ok((flow, out)) => {
                    if !out.is_empty() {
                        let mut stdout = std::io::stdout().lock();
                        let _ = writeln!(stdout, "{out}");
                        let _ = stdout.flush();
                    }
                    flow
                }
                Err(msg) => {
                    self.failed = true;
                    eprintln!("error: {msg}");
                    Flow::Continue
                }
            };
        }
        self.count += 1;
        let name = format!("<repl:{}>", self.count);
        let (format, steps) = (self.format, self.session.settings.steps);
        let limit = self
            .session
            .settings
            .elide
            .filter(|_| format == Format::Text);
        let mut stdout = std::io::stdout().lock();
        let plots = &mut self.plots;
        let result = self.session.run(&name, input, &mut |o| {
            let saved = plots.save(o);
            // A statement ended with `;` is quiet; a huge vector is elided (`:elide`).
            if o.printed() {
                let shown = elide::outcome(o, steps, limit)
                    .unwrap_or_else(|| render::outcome(o, format, steps));
                let _ = writeln!(stdout, "{shown}");
                if let Some(r) = &saved {
                    let _ = writeln!(stdout, "{}", crate::plot_files::report(r));
                }
            }
        });
        let _ = stdout.flush();
        drop(stdout);
        if let Err(diags) = result {
            // The session has already restored the bindings the line started with.
            self.failed = true;
            let color = std::io::stderr().is_terminal();
            eprint!("{}", self.session.render_diagnostics(&diags, color));
        }
        Flow::Continue
    }
}

/// The history file: `$SIGMA_HISTORY`, else `$HOME/.sigma_history`.
fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SIGMA_HISTORY").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty())?;
    Some(PathBuf::from(home).join(".sigma_history"))
}

/// The line-editor loop on a terminal.
///
/// The editor is made afresh for each line and dropped before the line runs: while an editor
/// exists, rustyline owns the SIGINT handler, and dropping it restores the handler of
/// [`crate::cli::install_interrupt_handler`], so Ctrl-C during an evaluation interrupts it. The history
/// is carried from one editor to the next.
fn interactive(repl: &mut Repl) -> i32 {
    let config = match Config::builder()
        .auto_add_history(false)
        .completion_type(CompletionType::List)
        .max_history_size(10_000)
    {
        Ok(b) => b.build(),
        Err(e) => {
            eprintln!("error: cannot start the line editor: {e}");
            return piped(repl);
        }
    };
    let mut history = FileHistory::with_config(&config);
    let path = history_path();
    if let Some(path) = &path {
        // A missing or unreadable history file just means an empty history.
        let _ = history.load(path);
    }
    println!("{WELCOME}");
    let mut pending = Pending::default();
    loop {
        let mut rl = match Editor::<SigmaHelper, FileHistory>::with_history(config.clone(), history)
        {
            Ok(rl) => rl,
            Err(e) => {
                eprintln!("error: cannot start the line editor: {e}");
                return 1;
            }
        };
        rl.set_helper(Some(SigmaHelper::new(repl.session.scope.names())));
        if let Some((cols, _)) = rl.dimensions() {
            repl.width = usize::from(cols).max(20);
        }
        let read = rl.readline(pending.prompt());
        let step = match &read {
            Ok(line) => Some(pending.push(line)),
            _ => None,
        };
        if let Some(Step::Run(input)) = &step {
            if !input.trim().is_empty() {
                let _ = rl.add_history_entry(input.as_str());
                if let Some(path) = &path {
                    // Failing to save the history is not worth bothering the user with.
                    let _ = rl.append_history(path);
                }
            }
        }
        history = std::mem::replace(rl.history_mut(), FileHistory::with_config(&config));
        drop(rl);
        match (read, step) {
            (Ok(_), Some(Step::Run(input))) => {
                if repl.handle(&input) == Flow::Quit {
                    break;
                }
            }
            (Ok(_), _) => {}
            // Ctrl-C discards the line being typed (and any lines pending before it); Ctrl-D
            // at the continuation prompt cancels the pending input, at the prompt it leaves.
            (Err(ReadlineError::Interrupted), _) => {
                pending.cancel();
            }
            (Err(ReadlineError::Eof), _) => {
                if !pending.cancel() {
                    break;
                }
                eprintln!("(input cancelled)");
            }
            (Err(e), _) => {
                eprintln!("error: cannot read input: {e}");
                return 1;
            }
        }
    }
    0
}

/// Reads standard input line by line, joining lines while brackets are open.
fn piped(repl: &mut Repl) -> i32 {
    let stdin = std::io::stdin();
    let mut pending = Pending::default();
    for line in stdin.lock().lines() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("error: cannot read standard input: {e}");
                repl.failed = true;
                break;
            }
        };
        if let Step::Run(input) = pending.push(&line) {
            if repl.handle(&input) == Flow::Quit {
                return exit_code(repl);
            }
        }
    }
    if let Some(rest) = pending.finish() {
        // Brackets left open at the end: running it reports where.
        repl.handle(&rest);
    }
    exit_code(repl)
}

fn exit_code(repl: &Repl) -> i32 {
    i32::from(repl.failed)
}
