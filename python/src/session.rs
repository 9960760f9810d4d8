//! `sigma.Session`: an engine session behind a mutex, run on a worker thread with a large
//! stack while the calling thread, the GIL released, waits in slices of 50 ms and checks for
//! Python signals between them, so that Ctrl-C (KeyboardInterrupt) stops a long computation
//! through the engine's interrupt flag and leaves the session's bindings as they were.

use crate::error;
use crate::result::PyOutcome;
use pyo3::prelude::*;
use sigma::eval::interrupt;
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

/// What one run of the engine gives back.
type Run = Result<Vec<Outcome>, Vec<Diagnostic>>;

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

    /// Runs `src` on a worker thread and waits for it, answering signals; on a signal the
    /// engine is asked to stop, the worker is awaited, and the signal's exception returned.
    fn run(&self, py: Python<'_>, src: &str) -> PyResult<Run> {
        std::thread::scope(|scope| {
            let (done, finished) = mpsc::channel::<()>();
            let worker = std::thread::Builder::new()
                .name("sigma-eval".into())
                .stack_size(STACK)
                .spawn_scoped(scope, move || {
                    let mut session = self.lock();
                    let run = session
                        .run_collect(SOURCE_NAME, src)
                        .map_err(|(_, diags)| diags)
                        .map_err(|diags| (session.render_diagnostics(&diags, false), diags));
                    let _ = done.send(());
                    run
                })
                .map_err(|e| {
                    pyo3::exceptions::PyRuntimeError::new_err(format!(
                        "sigma could not start its evaluation thread: {e}"
                    ))
                })?;
            let mut finished = finished;
            loop {
                // The receiver is moved in and out: it may not be shared with the GIL-free side.
                let over;
                (over, finished) = py.detach(move || {
                    let over = !matches!(
                        finished.recv_timeout(POLL),
                        Err(mpsc::RecvTimeoutError::Timeout)
                    );
                    (over, finished)
                });
                if over {
                    break;
                }
                if let Err(signal) = py.check_signals() {
                    // The flag is cleared before each statement: raise it until the worker
                    // is done, so a statement that starts meanwhile stops as well.
                    py.detach(|| {
                        while !worker.is_finished() {
                            interrupt::request();
                            std::thread::sleep(Duration::from_millis(5));
                        }
                    });
                    let _ = worker.join();
                    interrupt::reset();
                    return Err(signal);
                }
            }
            match worker.join() {
                Ok(Ok(outcomes)) => Ok(Ok(outcomes)),
                Ok(Err((rendered, diags))) => Err(error::sigma_error(py, &rendered, &diags)),
                Err(_) => Err(pyo3::exceptions::PyRuntimeError::new_err(
                    "sigma stopped unexpectedly (an internal error); the session is kept",
                )),
            }
        })
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
    fn eval(&self, py: Python<'_>, src: &str) -> PyResult<PyOutcome> {
        let outcomes = self.run(py, src)?.unwrap_or_default();
        match outcomes.into_iter().last() {
            Some(o) => Ok(PyOutcome::new(o)),
            None => Err(error::nothing_to_evaluate(py)),
        }
    }

    /// Runs every statement of `src` and returns all their `Result`s, in order (headings
    /// and `#'` prose lines included).
    fn run_all(&self, py: Python<'_>, src: &str) -> PyResult<Vec<PyOutcome>> {
        let outcomes = self.run(py, src)?.unwrap_or_default();
        Ok(outcomes.into_iter().map(PyOutcome::new).collect())
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
