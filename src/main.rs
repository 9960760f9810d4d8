//! The `sigma` binary: hands the command line to `cli` on a thread with a large stack.

fn main() {
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
