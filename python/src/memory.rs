//! The memory budget from Python: the engine's counting allocator (the same file the `sigma`
//! binary uses) is this extension's global allocator, GMP's and MPFR's memory is routed
//! through it when the module loads, and `sigma.set_max_memory` sets the budget a statement
//! may use before it stops with a `SigmaError` (the session survives, as with Ctrl-C). The
//! default budget is the command line's: half the physical memory, at most 4 GiB.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use sigma::eval::memory;

#[allow(unsafe_code)]
#[path = "../../src/counting_alloc.rs"]
mod counting_alloc;

#[global_allocator]
static ALLOC: counting_alloc::Counting = counting_alloc::Counting;

/// Called once, when the module loads (before any GMP number exists): counts GMP's memory
/// and sets the default budget.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        counting_alloc::route_gmp();
        memory::set_surface(memory::Surface::Python);
        memory::set_budget(Some(memory::default_budget()));
    });
}

/// Sets the memory budget of every session in this process: a size such as `"512M"`,
/// `"2G"` or `"1.5G"`, a number of bytes, or `None` (or `"off"`) for no budget. A statement
/// that needs more stops with `SigmaError` ("stopped: memory budget of … exceeded"); one
/// that allocates past twice the budget (at least 1 GiB above it) in a single step ends the
/// process, rather than let the operating system kill it.
#[pyfunction]
#[pyo3(signature = (size))]
pub fn set_max_memory(size: Option<Bound<'_, PyAny>>) -> PyResult<()> {
    let bytes = match size {
        None => None,
        Some(s) => {
            if let Ok(n) = s.extract::<usize>() {
                if n == 0 {
                    return Err(PyValueError::new_err("a memory budget must be positive"));
                }
                Some(n)
            } else {
                let text: String = s.extract().map_err(|_| {
                    PyValueError::new_err(
                        "a memory budget is a size such as \"2G\", a number of bytes or None",
                    )
                })?;
                memory::parse_size(&text).map_err(PyValueError::new_err)?
            }
        }
    };
    memory::set_budget(bytes);
    Ok(())
}

/// The memory budget in bytes, or `None` when there is none.
#[pyfunction]
pub fn max_memory() -> Option<usize> {
    memory::budget()
}

/// The bytes sigma has allocated and not yet freed (its own and GMP's, not Python's).
#[pyfunction]
pub fn memory_in_use() -> usize {
    memory::live()
}

/// Makes messages about the budget name the Jupyter kernel's `:memory` command (the kernel
/// calls it when it starts).
#[pyfunction]
pub fn _use_kernel_memory_messages() {
    memory::set_surface(memory::Surface::Kernel);
}
