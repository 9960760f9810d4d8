//! What every interactive front end shares (the REPL and the Jupyter kernel): the `:`
//! commands, completion of names, input that continues while brackets are open, and the
//! eliding of long values in printed output.

pub mod commands;
pub mod complete;
pub mod elide;
pub mod pending;
