//! Ctrl-C stops a long exact kernel: with the interrupt flag raised, every method of the
//! integer engine returns `Interrupted` instead of finishing (its own process, so no other
//! test sees the flag).

use sigma::math::expr::MathError;
use sigma::math::linalg::kernel::{kernel, Method};
use sigma::math::linalg::Matrix;
use sigma::math::number::Q;

#[test]
fn a_raised_interrupt_stops_every_method() {
    let a = Matrix::new(
        vec![
            vec![Q::frac(7, 10), Q::frac(1, 10)],
            vec![Q::frac(1, 5), Q::frac(3, 5)],
        ],
        2,
    )
    .unwrap();
    let e1 = vec![Q::one(), Q::zero()];
    sigma::math::set_interrupted(true);
    for m in Method::ALL {
        if m == Method::Diagonal {
            continue; // A is not diagonal: refused before any work
        }
        let r = kernel(&a, &e1, &e1, 100_000, m, 1 << 34);
        assert!(matches!(r, Err(MathError::Interrupted)), "{m:?}");
    }
    sigma::math::set_interrupted(false);
}
