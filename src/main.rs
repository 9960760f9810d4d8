//! The `sigma` binary: installs the counting allocator, routes GMP's memory through it, and
//! hands the command line to `cli` on a thread with a large stack.

mod counting_alloc;

#[global_allocator]
static ALLOC: counting_alloc::Counting = counting_alloc::Counting;

fn main() {
    counting_alloc::route_gmp();
    std::process::exit(sigma_main());
}

fn sigma_main() -> i32 {
    // Deeply nested expressions recurse; a big stack keeps them from overflowing.
    let worker = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(sigma::cli::main);
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("error: sigma stopped unexpectedly");
            2
        }
    }
}
