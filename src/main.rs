//! The `sigma` binary: installs the counting allocator, routes GMP's memory through it, and
//! hands the command line to `cli` on a large stack.

mod counting_alloc;

#[global_allocator]
static ALLOC: counting_alloc::Counting = counting_alloc::Counting;

/// The stack `cli` runs on: deeply nested expressions recurse (the Python extension's
/// evaluation thread has the same size).
const STACK: usize = 256 * 1024 * 1024;

fn main() {
    counting_alloc::route_gmp();
    std::process::exit(sigma_main());
}

fn sigma_main() -> i32 {
    // The big stack is switched to on this thread (stacker maps it and sets the limit its
    // `maybe_grow` checks see) rather than given to a new thread: a thread's creation, its
    // malloc arena and the join were a fifth of the start-up of a whole `sigma -e 1`.
    match std::panic::catch_unwind(|| stacker::grow(STACK, sigma::cli::main)) {
        Ok(code) => code,
        Err(_) => {
            eprintln!("error: sigma stopped unexpectedly");
            2
        }
    }
}
