//! The `:` commands of the REPL and the Jupyter kernel: help, settings, bindings and leaving.

use crate::builtins::{self, Builtin, Impl};
use crate::eval::memory;
use crate::eval::scope::Scope;
use crate::math::float::MAX_DIGITS;
use crate::render::text;
use crate::session::Session;

/// What the REPL does after a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Read the next line.
    Continue,
    /// Leave the REPL.
    Quit,
}

/// Every command: its name, its usage and what it does.
const COMMANDS: &[(&str, &str, &str)] = &[
    (
        ":help",
        ":help [NAME]",
        "list the builtins, or describe a builtin, binding or command",
    ),
    (
        ":digits",
        ":digits [D]",
        "show or set the default significant digits of N(expr)",
    ),
    (
        ":steps",
        ":steps [on|off]",
        "show or set whether derivation steps are printed",
    ),
    (
        ":elide",
        ":elide [N|off]",
        "show or set the length (1000 at start) above which a vector's or matrix's middle is left out of the output, marked; off prints every value whole",
    ),
    (
        ":memory",
        ":memory [SIZE|off]",
        "show the memory in use and the budget, or set the budget (512M, 2G, off): a statement that needs more stops with a message and the session survives",
    ),
    (":vars", ":vars", "list the bindings with their values"),
    (":clear", ":clear", "forget every binding"),
    (":quit", ":quit or :q", "leave the REPL (Ctrl-D too)"),
];

/// The named constants (and `ans`), for completion and `:help NAME`.
pub const CONSTANTS: &[(&str, &str)] = &[
    (
        "pi",
        "π = 3.14159…, exact (also written π); N(pi, 50) gives 50 digits",
    ),
    ("e", "Euler's number e = 2.71828…, exact; exp(x) is e^x"),
    (
        "EulerGamma",
        "Euler's constant γ = 0.57721…, exact: lim (harmonic(n) − ln n)",
    ),
    (
        "oo",
        "infinity (also written ∞): a bound of sums and limits, -oo below",
    ),
    ("I", "the imaginary unit, I^2 = -1"),
    (
        "ans",
        "the previous result (in the REPL; a binding named ans hides it)",
    ),
];

/// The constant `name` stands for (`π` and `∞` as `pi` and `oo`).
fn constant(name: &str) -> Option<&'static (&'static str, &'static str)> {
    let name = match name {
        "π" => "pi",
        "∞" => "oo",
        n => n,
    };
    CONSTANTS.iter().find(|c| c.0 == name)
}

/// The command names, for completion.
pub fn names() -> impl Iterator<Item = &'static str> {
    COMMANDS.iter().map(|c| c.0).chain([":q"])
}

/// Runs the command `line` (which starts with `:`). Its output is returned as text for
/// standard output; a mistake is returned as `Err` with the message for standard error.
/// `:help` is laid out to `width` columns.
pub fn execute(session: &mut Session, line: &str, width: usize) -> Result<(Flow, String), String> {
    let line = line.trim();
    let (cmd, arg) = match line.split_once(char::is_whitespace) {
        Some((c, a)) => (c, a.trim()),
        None => (line, ""),
    };
    let reply = |s: String| Ok((Flow::Continue, s));
    match cmd {
        ":quit" | ":q" | ":exit" => Ok((Flow::Quit, String::new())),
        ":help" | ":h" | ":?" if arg.is_empty() => reply(overview(width)),
        ":help" | ":h" | ":?" => describe(session, arg).map(|s| (Flow::Continue, s)),
        ":digits" => digits(session, arg).map(|s| (Flow::Continue, s)),
        ":steps" => match arg {
            "" => reply(format!("steps: {}", on_off(session.settings.steps))),
            "on" => {
                session.settings.steps = true;
                reply("steps: on".into())
            }
            "off" => {
                session.settings.steps = false;
                reply("steps: off".into())
            }
            other => Err(format!("`:steps` takes `on` or `off`, not `{other}`")),
        },
        ":elide" => elide(session, arg).map(|s| (Flow::Continue, s)),
        ":memory" => memory_budget(arg).map(|s| (Flow::Continue, s)),
        ":vars" if arg.is_empty() => reply(vars(session)),
        ":clear" if arg.is_empty() => {
            let n = session.scope.names().len();
            session.scope = Scope::default();
            reply(format!(
                "forgot {n} binding{}",
                if n == 1 { "" } else { "s" }
            ))
        }
        ":vars" | ":clear" => Err(format!("`{cmd}` takes no argument")),
        other => {
            let known: Vec<String> = names().map(str::to_string).collect();
            let hint = match closest(other, &known) {
                Some(s) => format!("; did you mean `{s}`?"),
                None => String::new(),
            };
            Err(format!(
                "unknown command `{other}`{hint} (:help lists the commands)"
            ))
        }
    }
}

fn on_off(b: bool) -> &'static str {
    if b {
        "on"
    } else {
        "off"
    }
}

/// The closest command to a mistyped one, by the builtins' did-you-mean rule.
fn closest(cmd: &str, known: &[String]) -> Option<String> {
    let s = builtins::suggest(cmd, known)?;
    s.starts_with(':').then_some(s)
}

fn elide(session: &mut Session, arg: &str) -> Result<String, String> {
    let show = |e: Option<usize>| match e {
        Some(n) => format!("elide: past {n} entries (or rows)"),
        None => "elide: off".to_string(),
    };
    match arg {
        "" => return Ok(show(session.settings.elide)),
        "off" => session.settings.elide = None,
        n => match n.parse::<usize>() {
            Ok(n) if n >= super::elide::MIN_LIMIT => session.settings.elide = Some(n),
            _ => {
                return Err(format!(
                    "`:elide` takes a whole number of at least {} or `off`, not `{arg}`",
                    super::elide::MIN_LIMIT
                ))
            }
        },
    }
    Ok(show(session.settings.elide))
}

/// `:memory`: the live bytes and the budget; `:memory SIZE` or `:memory off` sets the budget
/// (of the process: every session shares it). Without the counting allocator (the library
/// used alone) nothing is counted, and the command says so.
fn memory_budget(arg: &str) -> Result<String, String> {
    if !memory::counting() {
        return Err(
            "`:memory` needs sigma's counting allocator (the sigma binary or the Python package)"
                .into(),
        );
    }
    if !arg.is_empty() {
        let bytes = memory::parse_size(arg).map_err(|e| format!("`:memory`: {e}"))?;
        memory::set_budget(bytes);
    }
    let budget = match memory::budget() {
        Some(b) => format!("budget {}", memory::format_size(b)),
        None => "no budget".into(),
    };
    Ok(format!(
        "memory: {} in use, {budget}",
        memory::format_size(memory::live())
    ))
}

fn digits(session: &mut Session, arg: &str) -> Result<String, String> {
    if arg.is_empty() {
        return Ok(format!("digits: {}", session.settings.digits));
    }
    match arg.parse::<u32>() {
        Ok(d) if (1..=MAX_DIGITS).contains(&d) => {
            session.settings.digits = d;
            Ok(format!("digits: {d}"))
        }
        _ => Err(format!(
            "`:digits` takes a whole number from 1 to {MAX_DIGITS}, not `{arg}`"
        )),
    }
}

/// `words` filled into lines of at most `width` columns (a longer word stands alone).
fn fill(words: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for w in words.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + w.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(w);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lines `signature — summary` laid out to `width` columns: signatures padded to one column
/// (one too long for it stands on its own line), summaries wrapped under their first line.
fn table(rows: &[(String, &str)], width: usize) -> String {
    let widest = rows
        .iter()
        .map(|(s, _)| s.chars().count())
        .max()
        .unwrap_or(0);
    let col = widest.min(width * 2 / 5);
    let mut indent = 2 + col + 3;
    if width < indent + 20 {
        indent = 6;
    }
    let room = width.saturating_sub(indent).max(20);
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for (sig, summary) in rows {
        let n = sig.chars().count();
        let lines = fill(summary, room);
        let mut rest = lines.iter();
        if n <= col && indent == 2 + col + 3 {
            let first = rest.next().map_or("", |l| l.as_str());
            out.push_str(&format!("  {sig}{} — {first}\n", " ".repeat(col - n)));
        } else {
            // A signature wider than the column stands on its own lines.
            for (i, l) in fill(sig, width.saturating_sub(4).max(20))
                .iter()
                .enumerate()
            {
                out.push_str(&format!("{}{l}\n", if i == 0 { "  " } else { "    " }));
            }
        }
        for l in rest {
            out.push_str(&format!("{pad}{l}\n"));
        }
    }
    out
}

/// One index line: `label` then the names, wrapped to `width` under the first name.
fn index_line(label: &str, names: &[&str], width: usize) -> String {
    let indent = 2 + 11;
    let lines = fill(&names.join(" "), width.saturating_sub(indent).max(20));
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        match i {
            0 => out.push_str(&format!("  {label:<11}{l}\n")),
            _ => out.push_str(&format!("{pad}{l}\n")),
        }
    }
    out
}

/// `:help`: a short index of every name first, then each group with its summaries, laid
/// out to `width` columns.
fn overview(width: usize) -> String {
    let is_command = |b: &&Builtin| matches!(b.imp, Impl::Command(_));
    let group = |commands: bool| -> Vec<(String, &str)> {
        builtins::BUILTINS
            .iter()
            .filter(|b| is_command(b) == commands)
            .map(|b| (builtins::signature(b), b.summary))
            .collect()
    };
    let names = |commands: bool| -> Vec<&str> {
        builtins::BUILTINS
            .iter()
            .filter(|b| is_command(b) == commands)
            .map(|b| b.name)
            .collect()
    };
    let repl: Vec<(String, &str)> = COMMANDS.iter().map(|c| (c.1.to_string(), c.2)).collect();
    let constants: Vec<(String, &str)> = CONSTANTS.iter().map(|c| (c.0.to_string(), c.1)).collect();
    let index = [
        index_line("Functions:", &names(false), width),
        index_line("Commands:", &names(true), width),
        index_line(
            "Constants:",
            &CONSTANTS.iter().map(|c| c.0).collect::<Vec<_>>(),
            width,
        ),
        index_line(
            "REPL:",
            &COMMANDS.iter().map(|c| c.0).collect::<Vec<_>>(),
            width,
        ),
    ]
    .concat();
    let hint = format!(
        ":help NAME describes one; Tab completes names; Ctrl-D at the `{}` prompt of an \
         unfinished input cancels it.",
        super::pending::CONTINUATION.trim_end()
    );
    format!(
        "{index}{}\n\nFunctions:\n{}\nCommands:\n{}\nConstants:\n{}\nREPL commands:\n{}",
        fill(&hint, width.max(20)).join("\n"),
        table(&group(false), width),
        table(&group(true), width),
        table(&constants, width),
        table(&repl, width).trim_end()
    )
}

/// `:help NAME`: a builtin, a binding or a command.
fn describe(session: &Session, name: &str) -> Result<String, String> {
    let mut parts = Vec::new();
    if let Some(b) = builtins::lookup(name) {
        parts.push(format!(
            "{}\n  {}\n  example: {}",
            builtins::signature(b),
            b.summary,
            b.example
        ));
    }
    if let Some(s) = binding(session, name) {
        parts.push(s);
    } else if let Some((c, what)) = constant(name) {
        let now = match (&session.scope.ans, *c) {
            (Some(v), "ans") => format!("\n  now: {}", text::value(v)),
            _ => String::new(),
        };
        parts.push(format!("{c}\n  {what}{now}"));
    }
    let as_command = if name.starts_with(':') {
        name.to_string()
    } else {
        format!(":{name}")
    };
    if let Some(c) = COMMANDS
        .iter()
        .find(|c| c.0 == as_command || (as_command == ":q" && c.0 == ":quit"))
    {
        if name.starts_with(':') || parts.is_empty() {
            parts.push(format!("{}\n  {}", c.1, c.2));
        }
    }
    if !parts.is_empty() {
        return Ok(parts.join("\n"));
    }
    let hint = match builtins::suggest(name, &session.scope.names()) {
        Some(s) => format!("; did you mean `{s}`?"),
        None => String::new(),
    };
    Err(format!("no builtin or binding named `{name}`{hint}"))
}

/// A binding as `name = value` or `f(x) = body`.
fn binding(session: &Session, name: &str) -> Option<String> {
    if let Some(v) = session.scope.values.get(name) {
        return Some(format!("{name} = {}", text::value(v)));
    }
    let f = session.scope.functions.get(name)?;
    let body = session.sources.slice(f.body.span).trim().to_string();
    Some(format!("{name}({}) = {body}", f.params.join(", ")))
}

/// `:vars`: every binding, one a line.
fn vars(session: &Session) -> String {
    let names = session.scope.names();
    if names.is_empty() {
        return "no bindings".into();
    }
    names
        .iter()
        .filter_map(|n| binding(session, n))
        .collect::<Vec<_>>()
        .join("\n")
}
