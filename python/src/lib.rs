//! `sigma._sigma`, the extension module under the `sigma` Python package: the engine's
//! `Session` with results as Python objects (see `session`, `result`, `convert`) and the
//! `SigmaError` exception (see `error`). The pure-Python package (`python/python/sigma`)
//! re-exports these and adds helpers; `sigma/__init__.pyi` holds the type stubs.
#![forbid(unsafe_code)]

mod convert;
mod error;
mod result;
mod session;

use pyo3::prelude::*;

/// sigma: exact answers with their steps, verdicts that name their test, certified digits.
#[pymodule]
fn _sigma(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<session::PySession>()?;
    m.add_class::<result::PyOutcome>()?;
    m.add_class::<convert::PyInterval>()?;
    m.add("SigmaError", py.get_type::<error::SigmaError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
