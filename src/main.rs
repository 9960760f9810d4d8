//! The `sigma` binary: installs the counting allocator, routes GMP's memory through it, and
//! hands the command line to `cli` on a large stack.
//!
//! On Unix the binary has its own C `main` (`no_main`) instead of Rust's runtime start, which
//! reads /proc/self/maps to find the main thread's stack guard and installs a stack-overflow
//! handler for it: `cli` never runs on that stack (see [`sigma_main`]), and skipping the start
//! saved 0.1–0.2 ms of a 2.2 ms `sigma -e 1` (interleaved runs). What the runtime start did
//! that sigma relies on is done here: SIGPIPE ignored (a closed pipe is then an error that
//! sigma reports, see `checked_write`) and standard descriptors that were closed at start
//! opened on /dev/null (so a file sigma opens cannot become its standard output). The
//! arguments still reach `std::env::args`, which glibc hands to the standard library before
//! `main`.

#![cfg_attr(unix, no_main)]

mod counting_alloc;

#[global_allocator]
static ALLOC: counting_alloc::Counting = counting_alloc::Counting;

/// The stack `cli` runs on: deeply nested expressions recurse (the Python extension's
/// evaluation thread has the same size).
const STACK: usize = 256 * 1024 * 1024;

#[cfg(unix)]
#[no_mangle]
pub extern "C" fn main(_argc: libc::c_int, _argv: *const *const libc::c_char) -> libc::c_int {
    start::prepare();
    counting_alloc::route_gmp();
    // `exit` flushes standard output, as returning from Rust's `main` would.
    std::process::exit(sigma_main())
}

#[cfg(not(unix))]
fn main() {
    counting_alloc::route_gmp();
    std::process::exit(sigma_main());
}

fn sigma_main() -> i32 {
    // The big stack is switched to on this thread (stacker maps it and sets the limit its
    // `maybe_grow` checks see) rather than given to a new thread: a thread's creation, its
    // malloc arena and the join cost about 0.3 ms of a 2.6 ms `sigma -e 1` (interleaved runs).
    match std::panic::catch_unwind(|| stacker::grow(STACK, sigma::cli::main)) {
        Ok(code) => code,
        Err(_) => {
            eprintln!("error: sigma stopped unexpectedly");
            2
        }
    }
}

/// What Rust's runtime start does before `main` that sigma needs (see the module comment).
#[cfg(unix)]
mod start {
    pub fn prepare() {
        // SAFETY: fcntl(F_GETFD) only queries a descriptor; open is given a NUL-terminated
        // path; signal installs SIG_IGN, which runs no code of ours.
        unsafe {
            for fd in 0..3 {
                if libc::fcntl(fd, libc::F_GETFD) == -1
                    && std::io::Error::last_os_error().raw_os_error() == Some(libc::EBADF)
                {
                    // The lowest free descriptor is `fd` itself.
                    libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
                }
            }
            libc::signal(libc::SIGPIPE, libc::SIG_IGN);
        }
    }
}
