//! Summation: exact finite sums (binary splitting), closed forms for symbolic bounds
//! (polynomial, geometric, telescoping, Gosper), exact infinite sums, and certified numeric
//! values of infinite sums with the tail bound that proves them.

pub mod closed;
pub mod closed_methods;
pub mod closed_shape;
pub mod closed_verify;
pub mod exact;
pub mod gosper;
pub mod hyper;
pub mod infinite;
pub mod numeric;
