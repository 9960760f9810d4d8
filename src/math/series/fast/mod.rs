//! Fast series.
