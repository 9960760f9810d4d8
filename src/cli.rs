//! The command line: `sigma` (REPL), `sigma run [--echo] FILE`, `sigma -e 'EXPR'`,
//! `sigma key FILE --format md|tex|json [-o OUT]`, each with `--format`.

use crate::plot_files::{self, PlotFiles};
use crate::render::{self, Format};
use crate::session::{Outcome, OutcomeKind, Session};
use clap::{Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// sigma — exact series, sequences and sums.
#[derive(Parser, Debug)]
#[command(
    name = "sigma",
    version,
    about = "A symbolic-numeric computer algebra engine for series and sequences"
)]
pub struct Args {
    /// Evaluate these statements (`;`-separated) and exit.
    #[arg(
        short = 'e',
        long = "eval",
        value_name = "EXPR",
        allow_hyphen_values = true
    )]
    pub eval: Option<String>,
    /// Output format: text (or txt), json, latex (or tex) or markdown (or md).
    #[arg(long, short = 'f', default_value = "text", global = true)]
    pub format: Format,
    /// Show derivation steps in text output.
    #[arg(long, global = true)]
    pub steps: bool,
    /// Default significant digits of N(expr).
    #[arg(long, global = true, value_name = "D")]
    pub digits: Option<u32>,
    /// Memory budget: a computation that needs more stops with an error (sizes such as 512M,
    /// 2G; `off` for none). Default: half the physical memory, at most 4G.
    #[arg(long, global = true, value_name = "SIZE", value_parser = parse_budget)]
    pub max_memory: Option<Budget>,
    /// Write plots (SVG) to this directory instead of next to the script (or, for `-e` and
    /// the REPL, the current directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub plot_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run a script, printing each statement's result.
    Run {
        file: PathBuf,
        /// Echo each statement as `sigma> input` before its result (gp's `\e`), and its
        /// `#'` prose lines, so every answer stands under the line that asked for it.
        #[arg(long)]
        echo: bool,
    },
    /// Write an answer key for a script: its `##` headings as sections, every answer with its steps.
    Key {
        file: PathBuf,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
}

/// Entry point; returns the process exit code.
pub fn main() -> i32 {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let mut session = Session::new();
    session.settings.steps = args.steps;
    if let Some(d) = args.digits {
        if d == 0 || d > crate::math::float::MAX_DIGITS {
            eprintln!(
                "error: --digits must be between 1 and {}",
                crate::math::float::MAX_DIGITS
            );
            return 2;
        }
        session.settings.digits = d;
    }
    install_interrupt_handler();
    let budget = match args.max_memory {
        Some(Budget(b)) => b,
        None => Some(crate::eval::memory::default_budget()),
    };
    crate::eval::memory::set_budget(budget);
    match (&args.command, &args.eval) {
        (Some(Command::Run { file, echo }), _) => match read(file) {
            Ok(text) => run_source(
                &mut session,
                &file.display().to_string(),
                &text,
                Output {
                    format: args.format,
                    echo: *echo,
                },
                &mut PlotFiles::for_script(file, args.plot_dir.as_deref()),
            ),
            Err(code) => code,
        },
        (Some(Command::Key { file, output }), _) => match read(file) {
            Ok(text) => crate::answer_key::command(
                &mut session,
                file,
                &text,
                args.format,
                output.as_deref(),
            ),
            Err(code) => code,
        },
        (None, Some(src)) => run_source(
            &mut session,
            "<expr>",
            src,
            Output {
                format: args.format,
                echo: false,
            },
            &mut here(args.plot_dir.as_deref()),
        ),
        (None, None) => crate::repl::run(session, args.format, here(args.plot_dir.as_deref())),
    }
}

/// A parsed `--max-memory`: bytes, or `None` for no budget.
#[derive(Debug, Clone, Copy)]
pub struct Budget(pub Option<usize>);

fn parse_budget(text: &str) -> Result<Budget, String> {
    crate::eval::memory::parse_size(text).map(Budget)
}

/// Installs the Ctrl-C handler (once per process): Ctrl-C then requests an interrupt that
/// long computations notice, instead of ending the process.
pub fn install_interrupt_handler() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        // If a handler cannot be installed, Ctrl-C keeps its default meaning: nothing to do.
        #[cfg(unix)]
        sigint::install();
        #[cfg(not(unix))]
        let _ = ctrlc::set_handler(crate::eval::interrupt::request);
    });
}

/// SIGINT straight to the interrupt flag. Raising the flag is one atomic read-modify-write,
/// which is async-signal-safe, so the handler does it itself; the ctrlc crate starts a thread
/// to run it (this and reading the memory size with `sysconf` instead of /proc/meminfo saved
/// about 0.13 ms of a 2.75 ms `sigma -e 1`, interleaved runs).
#[cfg(unix)]
#[allow(unsafe_code)]
mod sigint {
    extern "C" fn on_sigint(_: libc::c_int) {
        crate::eval::interrupt::request();
    }

    pub fn install() {
        // SAFETY: the sigaction struct is zeroed (a valid value), its mask emptied by
        // sigemptyset, and the handler only raises an atomic flag. SA_RESTART keeps reads
        // (the REPL's, a script's) from failing with EINTR, as the ctrlc crate does.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
        }
    }
}

fn read(file: &std::path::Path) -> Result<String, i32> {
    std::fs::read_to_string(file).map_err(|e| {
        eprintln!("error: cannot read {}: {e}", file.display());
        1
    })
}

/// Plots of `-e` and the REPL: in `dir` if given, else the current directory.
fn here(dir: Option<&std::path::Path>) -> PlotFiles {
    PlotFiles::new(dir.unwrap_or(std::path::Path::new(".")), "sigma")
}

/// How a run prints: the format, and whether each statement's input is echoed first.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub format: Format,
    pub echo: bool,
}

/// The prompt an echoed statement stands behind, as in the REPL transcripts of the README.
pub const ECHO_PROMPT: &str = "sigma> ";

/// The echo of one outcome's input in `format` (empty when nothing is echoed): text gets
/// `sigma> input` (later lines of a multi-line input indented under it, a quiet statement
/// keeping its `;`) and prose lines as written, LaTeX the same as `%` comments. Markdown and
/// JSON already carry each input.
pub fn echo(o: &Outcome, format: Format) -> String {
    let shown = match &o.kind {
        // Headings print themselves.
        OutcomeKind::Heading(_) => return String::new(),
        OutcomeKind::Prose(p) => format!("#' {p}"),
        _ if o.quiet => format!("{ECHO_PROMPT}{};", o.input),
        _ => format!("{ECHO_PROMPT}{}", o.input),
    };
    let indent = " ".repeat(ECHO_PROMPT.len());
    let lines = shown.lines().enumerate().map(|(i, l)| match (i, format) {
        (0, Format::Latex) => format!("% {l}"),
        (0, _) => l.to_string(),
        (_, Format::Latex) => format!("% {indent}{}", l.trim_start()),
        (_, _) => format!("{indent}{}", l.trim_start()),
    });
    match format {
        Format::Text | Format::Latex => lines.map(|l| l + "\n").collect(),
        Format::Markdown | Format::Json => String::new(),
    }
}

/// Runs a script or `-e` text, printing outcomes as they come (a plot is written to its file
/// and the path printed); on the first error prints the diagnostics to stderr and returns 1.
pub fn run_source(
    session: &mut Session,
    name: &str,
    text: &str,
    out: Output,
    plots: &mut PlotFiles,
) -> i32 {
    let Output {
        format,
        echo: echoed,
    } = out;
    let steps = session.settings.steps;
    let mut stdout = crate::checked_write::Checked::new(std::io::stdout().lock());
    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut first = true;
    let result = session.run(name, text, &mut |o| {
        let saved = plots.save(o);
        if format == Format::Json {
            outcomes.push(o.clone());
            return;
        }
        if echoed {
            // A blank line before each heading but the first output, to part the sections.
            if matches!(o.kind, OutcomeKind::Heading(_)) && !first {
                let _ = writeln!(stdout);
            }
            let _ = write!(stdout, "{}", echo(o, format));
            first = false;
        }
        if o.printed() {
            let _ = writeln!(stdout, "{}", render::outcome(o, format, steps));
            if let Some(r) = &saved {
                let _ = writeln!(stdout, "{}", plot_files::report(r));
            }
            first = false;
        }
    });
    let diags = result.err().unwrap_or_default();
    if format == Format::Json {
        let doc = render::json::document(&outcomes, &diags, &session.sources);
        let _ = writeln!(stdout, "{doc}");
    }
    // Output that could not be written (a full disk, a closed pipe) fails the run.
    let unwritten = stdout
        .finish()
        .err()
        .map(|e| crate::checked_write::report(&e));
    if diags.is_empty() {
        return unwritten.unwrap_or(0);
    }
    if format != Format::Json {
        let color = std::io::stderr().is_terminal();
        eprint!("{}", session.render_diagnostics(&diags, color));
    }
    1
}
