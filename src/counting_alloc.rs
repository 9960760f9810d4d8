//! The counting global allocator of the `sigma` binary (and of the Python extension and the
//! fuzz test, which include this file): every allocation — Rust's, and GMP's and MPFR's once
//! [`route_gmp`] sends them here — is counted in `sigma::eval::memory`, which raises the
//! engine's interrupt flag when the live bytes pass the memory budget (`--max-memory`,
//! `sigma.set_max_memory`). An allocation past the hard limit stops the process with a message
//! instead of letting the operating system kill it (or the machine).

use std::alloc::{GlobalAlloc, Layout, System};
use std::ffi::c_void;
use std::io::Write;

use sigma::eval::memory;

/// The system allocator, counted.
pub struct Counting;

/// Stops the process: an allocation of `size` bytes would pass the hard limit. Writes its
/// message straight to stderr (unbuffered: nothing here allocates).
#[cold]
fn refuse(size: usize) -> ! {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "error: sigma stopped: an allocation of {size} bytes would pass twice the memory \
         budget ({})",
        memory::control().0
    );
    std::process::abort()
}

// SAFETY: every method forwards to `System` with the caller's layout and pointer unchanged;
// the counting touches only atomics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !memory::allocated(layout.size()) {
            refuse(layout.size());
        }
        let p = System.alloc(layout);
        if p.is_null() {
            memory::freed(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if !memory::allocated(layout.size()) {
            refuse(layout.size());
        }
        let p = System.alloc_zeroed(layout);
        if p.is_null() {
            memory::freed(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        memory::freed(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = layout.size();
        if new_size > old && !memory::allocated(new_size - old) {
            refuse(new_size);
        }
        let p = System.realloc(ptr, layout, new_size);
        if p.is_null() {
            if new_size > old {
                memory::freed(new_size - old);
            }
        } else if new_size < old {
            memory::freed(old - new_size);
        }
        p
    }
}

/// GMP's blocks: aligned for its limbs (u64). Not 16: Rust's system allocator serves an
/// alignment above the size (a one-limb block of 8 bytes) through `posix_memalign`, which was
/// a quarter of the time of small-number work; with 8 every block is a plain `malloc`, which
/// is 16-aligned anyway.
const GMP_ALIGN: usize = std::mem::align_of::<u64>();

fn gmp_layout(size: usize) -> Layout {
    // A power-of-two alignment and a size GMP itself could allocate: never fails.
    Layout::from_size_align(size.max(1), GMP_ALIGN).unwrap_or(Layout::new::<u128>())
}

extern "C" fn gmp_alloc(size: usize) -> *mut c_void {
    let layout = gmp_layout(size);
    // SAFETY: the layout has a non-zero size.
    let p = unsafe { std::alloc::alloc(layout) };
    if p.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    p.cast()
}

unsafe extern "C" fn gmp_realloc(ptr: *mut c_void, old: usize, new: usize) -> *mut c_void {
    // SAFETY: GMP passes a block from `gmp_alloc`/`gmp_realloc` with the size it asked for.
    let p = unsafe { std::alloc::realloc(ptr.cast(), gmp_layout(old), new.max(1)) };
    if p.is_null() {
        std::alloc::handle_alloc_error(gmp_layout(new));
    }
    p.cast()
}

unsafe extern "C" fn gmp_free(ptr: *mut c_void, size: usize) {
    // SAFETY: as in `gmp_realloc`.
    unsafe { std::alloc::dealloc(ptr.cast(), gmp_layout(size)) }
}

/// Routes GMP's (and so MPFR's) allocations through the global allocator, so big integers and
/// floats count against the budget. Call it first thing in `main`, before any GMP number
/// exists (a block allocated by `malloc` must not reach `gmp_free`).
pub fn route_gmp() {
    // SAFETY: called before any GMP allocation; the three functions agree on layouts.
    unsafe {
        gmp_mpfr_sys::gmp::set_memory_functions(Some(gmp_alloc), Some(gmp_realloc), Some(gmp_free))
    }
}
