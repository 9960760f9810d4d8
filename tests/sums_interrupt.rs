//! Ctrl-C stops a long exact sum: with the interrupt flag raised, binary splitting returns
//! `Interrupted` instead of finishing (its own process, so no other test sees the flag).

use rug::Integer;
use sigma::math::expr::MathError;
use sigma::math::sum::exact::finite_sum;
use sigma::session::Session;

#[test]
fn a_raised_interrupt_stops_every_kind_of_sum() {
    // Parse first: a session clears the flag when it starts.
    let terms: Vec<_> = [
        ("1/n", 1_000_000),
        ("1/(n^2+1)", 1_000_000),
        ("(2/3)^n", 1_000_000),
        ("1/sqrt(n)", 50_000),
    ]
    .into_iter()
    .map(|(t, hi)| (t, Session::expr(t).unwrap(), hi))
    .collect();
    sigma::math::set_interrupted(true);
    for (term, a, hi) in terms {
        let r = finite_sum(&a, "n", &Integer::from(1), &Integer::from(hi));
        assert_eq!(r, Err(MathError::Interrupted), "{term}");
    }
    sigma::math::set_interrupted(false);
}
