//! `sigma._sigma`, the extension module under the `sigma` Python package: the engine's
//! `Session` with results as Python objects (see `session`, `result`, `convert`), the
//! `SigmaError` exception (see `error`) and the memory budget (see `memory`). The pure-Python
//! package (`python/python/sigma`) re-exports these and adds helpers (the Jupyter kernel among
//! them); `sigma/__init__.pyi` holds the type stubs.
// Unsafe code is only the counting allocator's (`memory`), which allows it for itself.
#![deny(unsafe_code)]

mod convert;
mod error;
mod memory;
mod result;
mod session;

use pyo3::prelude::*;

/// Whether `src` ends inside open brackets, so that more lines are needed before it can
/// run (the REPL's continuation prompt; a notebook console's "incomplete").
#[pyfunction]
fn is_incomplete(src: &str) -> bool {
    sigma::syntax::is_incomplete(src)
}

/// sigma: exact answers with their steps, verdicts that name their test, certified digits.
#[pymodule]
fn _sigma(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    memory::install();
    m.add_class::<session::PySession>()?;
    m.add_class::<result::PyOutcome>()?;
    m.add_class::<convert::PyInterval>()?;
    m.add("SigmaError", py.get_type::<error::SigmaError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(is_incomplete, m)?)?;
    m.add_function(wrap_pyfunction!(memory::set_max_memory, m)?)?;
    m.add_function(wrap_pyfunction!(memory::max_memory, m)?)?;
    m.add_function(wrap_pyfunction!(memory::memory_in_use, m)?)?;
    m.add_function(wrap_pyfunction!(memory::_use_kernel_memory_messages, m)?)?;
    Ok(())
}
