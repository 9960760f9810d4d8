//! Build script: links the `sigma` binary as a position-dependent executable on Linux.
//!
//! A position-independent `sigma` makes the dynamic loader apply some 6,700 relocations to
//! its read-only data at every start, about 15 page faults of a whole `sigma -e 1`; without
//! PIE the linker resolves them, and the start-up median drops by about 5% (interleaved runs,
//! see README "Start-up"). The price is that the binary's own code is not placed at a random
//! address (the libraries and the stack still are). The library, its tests and the Python
//! extension are linked as before.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bin=sigma=-no-pie");
    }
}
