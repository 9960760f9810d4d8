//! Summation: exact finite sums (binary splitting), closed forms for symbolic bounds
//! (polynomial, geometric, telescoping, Gosper), exact infinite sums, and certified numeric
//! values of infinite sums with the tail bound that proves them.

pub mod closed;
pub mod exact;
pub mod gosper;
pub mod hyper;
pub mod infinite;
pub mod numeric;
pub mod numeric_alt;
pub mod numeric_cm;
pub mod numeric_em;
pub mod numeric_need;
pub mod numeric_tail;
