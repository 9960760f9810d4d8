//! `sigma.Session`: an engine session behind a mutex, run on a worker thread with a large
//! stack while the calling thread, the GIL released, waits in slices of 50 ms and checks for
//! Python signals between them, so that Ctrl-C (KeyboardInterrupt) stops a long computation
//! through the engine's interrupt flag and leaves the session's bindings as they were.

use crate::error;
use crate::result::PyOutcome;
use pyo3::prelude::*;
use sigma::eval::interrupt;
use sigma::interact::{commands, complete};
use sigma::{Diagnostic, Outcome, Session};
use std::sync::mpsc;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// How often the waiting thread looks for a signal (KeyboardInterrupt).
const POLL: Duration = Duration::from_millis(50);

/// The stack of the evaluation thread: deeply nested expressions recurse (the command line
/// uses the same size).
const STACK: usize = 256 * 1024 * 1024;

/// The name statements are registered under; diagnostics show it (`┌─ <input>:1:5`).
const SOURCE_NAME: &str = "<input>";

/// What the worker thread tells the waiting thread.
enum Msg {
    /// A statement's outcome, as soon as it is known.
    Outcome(Box<Outcome>),
    /// The run failed: the rendered diagnostics and the diagnostics themselves.
    Failed(String, Vec<Diagnostic>),
}

/// Stops the worker: the interrupt flag is raised until the worker is done (the flag is
/// cleared before each statement, so a statement that starts meanwhile stops as well).
fn stop(py: Python<'_>, worker: &std::thread::ScopedJoinHandle<'_, ()>) {
    py.detach(|| {
        while !worker.is_finished() {
            interrupt::request();
            std::thread::sleep(Duration::from_millis(5));
        }
    });
    interrupt::reset();
}

/// A sigma session: bindings (`x = 1/2`, `f(x) = …`), assumptions and settings that persist
/// from one `eval` to the next.
///
/// `eval` releases the GIL while the engine works, and Ctrl-C interrupts it: the statement
/// stops, KeyboardInterrupt is raised, and the session keeps the bindings it had before the
/// call. The engine has one interrupt flag per process, so an interrupt stops every session
/// that is evaluating at that moment.
#[pyclass(name = "Session", module = "sigma")]
pub struct PySession {
    inner: Mutex<Session>,
}

impl PySession {
    /// The session, also after a panic in an earlier evaluation (a failed run restores the
    /// bindings it started with, so the state is whole).
    fn lock(&self) -> MutexGuard<'_, Session> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `src` on a worker thread and waits for it, handing each statement's outcome to
    /// `each` (on this thread, with the GIL) as soon as it is known and answering signals
    /// meanwhile. On a signal, or an error from `each`, the engine is asked to stop, the
    /// worker is awaited and the error returned; a failed statement is a `SigmaError` whose
    /// `results` are the outcomes before it (the same Python objects `each` received).
    fn run(
        &self,
        py: Python<'_>,
        src: &str,
        each: &mut dyn FnMut(Py<PyOutcome>) -> PyResult<()>,
    ) -> PyResult<()> {
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::channel::<Msg>();
            let worker = std::thread::Builder::new()
                .name("sigma-eval".into())
                .stack_size(STACK)
                .spawn_scoped(scope, move || {
                    let mut session = self.lock();
                    let emit = &mut |o: &Outcome| {
                        let _ = tx.send(Msg::Outcome(Box::new(o.clone())));
                    };
                    if let Err(diags) = session.run(SOURCE_NAME, src, emit) {
                        let rendered = session.render_diagnostics(&diags, false);
                        let _ = tx.send(Msg::Failed(rendered, diags));
                    }
                })
                .map_err(|e| {
                    pyo3::exceptions::PyRuntimeError::new_err(format!(
                        "sigma could not start its evaluation thread: {e}"
                    ))
                })?;
            let mut rx = rx;
            let mut delivered = Vec::new();
            loop {
                // The receiver is moved in and out: it may not be shared with the GIL-free side.
                let got;
                (got, rx) = py.detach(move || (rx.recv_timeout(POLL), rx));
                match got {
                    Ok(Msg::Outcome(o)) => {
                        let handed = Py::new(py, PyOutcome::new(*o)).and_then(|result| {
                            delivered.push(result.clone_ref(py));
                            each(result)
                        });
                        if let Err(e) = handed {
                            stop(py, &worker);
                            return Err(e);
                        }
                    }
                    Ok(Msg::Failed(rendered, diags)) => {
                        let _ = worker.join();
                        return Err(error::sigma_error(py, &rendered, &diags, delivered));
                    }
                    // The worker has finished (or stopped unexpectedly): see below.
                    Err(mpsc::RecvTimeoutError::Disconnected) => break,
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                }
                if let Err(signal) = py.check_signals() {
                    stop(py, &worker);
                    return Err(signal);
                }
            }
            worker.join().map_err(|_| {
                pyo3::exceptions::PyRuntimeError::new_err(
                    "sigma stopped unexpectedly (an internal error); the session is kept",
                )
            })
        })
    }

    /// Runs `src` and collects its outcomes.
    fn collect(&self, py: Python<'_>, src: &str) -> PyResult<Vec<Py<PyOutcome>>> {
        let mut out = Vec::new();
        self.run(py, src, &mut |o| {
            out.push(o);
            Ok(())
        })?;
        Ok(out)
    }
}

#[pymethods]
impl PySession {
    /// A new session with no bindings.
    #[new]
    fn new() -> Self {
        PySession {
            inner: Mutex::new(Session::new()),
        }
    }

    /// Runs every statement of `src` (statements are separated by newlines or `;`) and
    /// returns the last one's `Result`. Bindings persist across calls. Raises
    /// `sigma.SigmaError` when a statement fails (the bindings are then those before the
    /// call) and KeyboardInterrupt when interrupted.
    fn eval(&self, py: Python<'_>, src: &str) -> PyResult<Py<PyOutcome>> {
        match self.collect(py, src)?.pop() {
            Some(o) => Ok(o),
            None => Err(error::nothing_to_evaluate(py)),
        }
    }

    /// Runs every statement of `src` and returns all their `Result`s, in order (headings
    /// and `#'` prose lines included).
    fn run_all(&self, py: Python<'_>, src: &str) -> PyResult<Vec<Py<PyOutcome>>> {
        self.collect(py, src)
    }

    /// Runs every statement of `src`, calling `on_result(result)` with each statement's
    /// `Result` as soon as it is known (a notebook shows each one while later statements
    /// still run). An exception raised by `on_result` stops the run and propagates.
    fn stream(&self, py: Python<'_>, src: &str, on_result: Bound<'_, PyAny>) -> PyResult<()> {
        self.run(py, src, &mut |o| on_result.call1((o,)).map(drop))
    }

    /// Runs a `:` command of the REPL (`:help NAME`, `:digits 30`, `:steps on`, `:elide 20`,
    /// `:vars`, `:clear`) and returns its output; `:help` is laid out to `width` columns.
    /// A mistake raises `sigma.SigmaError`; `:quit` does nothing and returns "".
    #[pyo3(signature = (line, width = 80))]
    fn command(&self, py: Python<'_>, line: &str, width: usize) -> PyResult<String> {
        let mut session = self.lock();
        match commands::execute(&mut session, line, width.max(20)) {
            Ok((_, out)) => Ok(out),
            Err(message) => Err(error::message(py, &message)),
        }
    }

    /// Completions of the name before character offset `cursor` of `code`: the character
    /// offset where the name starts and the sorted candidates (builtins, constants, this
    /// session's bindings, and `:` commands at the start of a line).
    fn complete(&self, code: &str, cursor: usize) -> (usize, Vec<String>) {
        let names = self.names();
        let byte = char_to_byte(code, cursor);
        let (start, found) = complete::complete_word(code, byte, &names);
        (code[..start].chars().count(), found)
    }

    /// The description `:help` gives of the name at character offset `cursor` of `code` (a
    /// builtin with its signature, summary and example, a binding with its value, a
    /// constant or a command), or `None` when there is no name there.
    fn inspect(&self, code: &str, cursor: usize) -> Option<String> {
        let byte = char_to_byte(code, cursor);
        let (start, end) = complete::word_at(code, byte)?;
        let mut session = self.lock();
        let line = format!(":help {}", &code[start..end]);
        commands::execute(&mut session, &line, 80)
            .ok()
            .map(|(_, s)| s)
    }

    /// Whether derivation steps are shown (the REPL's `:steps on`); `Result.steps` is
    /// always available.
    #[getter]
    fn get_steps(&self) -> bool {
        self.lock().settings.steps
    }

    #[setter]
    fn set_steps(&self, on: bool) {
        self.lock().settings.steps = on;
    }

    /// The names bound in this session (values and functions), sorted.
    fn names(&self) -> Vec<String> {
        self.lock().scope.names()
    }

    /// Forgets every binding and assumption (settings are kept).
    fn clear(&self) {
        let mut session = self.lock();
        session.scope = Default::default();
    }

    fn __repr__(&self) -> String {
        format!("<sigma.Session with {} bindings>", self.names().len())
    }
}

/// The byte offset of character offset `chars` in `s` (Jupyter counts characters), clamped
/// to the end.
fn char_to_byte(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}
