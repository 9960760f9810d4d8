//! Division that is exact or reports that it is not, in one Hensel division: the quotient
//! and the proof of divisibility come from the same pass (GMP's `mpn_bdiv_qr`), where a
//! division followed by a product to check it costs about twice as much. Content removal
//! ([`super::canonical`]) divides every numerator by a candidate content that is only
//! probably a divisor. Imports `rug` and GMP's internal `mpn_bdiv_qr`.

use rug::{integer::Order, Assign, Integer};

// GMP's Hensel division (bdiv_qr.c), internal to GMP but exported by the static library
// that gmp-mpfr-sys builds (a pinned GMP version), like `mpn_mul_fft` in `fermat`. For an
// odd D of dn limbs and nn > dn: Q = −N·D^(−1) mod B^(nn−dn), R = (N + Q·D)·B^(dn−nn)
// (dn limbs, the carry returned). D divides N ≠ 0 exactly when R = D, and then the
// quotient is B^(nn−dn) − Q (see GMP's mpn_divisible_p, which makes the same test).
#[cfg(all(target_pointer_width = "64", not(windows)))]
extern "C" {
    fn __gmpn_bdiv_qr(
        qp: *mut u64,
        rp: *mut u64,
        np: *const u64,
        nn: std::ffi::c_long,
        dp: *const u64,
        dn: std::ffi::c_long,
        tp: *mut u64,
    ) -> u64;
    fn __gmpn_bdiv_qr_itch(nn: std::ffi::c_long, dn: std::ffi::c_long) -> std::ffi::c_long;
}

/// `x ← x >> bits` in place for `0 < bits < 64`, by GMP's `mpn_rshift`.
#[allow(unsafe_code)]
fn shift_right(x: &mut [u64], bits: u32) {
    debug_assert!((1..64).contains(&bits));
    let p = x.as_mut_ptr();
    // SAFETY: x is a live, nonempty slice (c ≠ 0 has limbs past its twos); GMP allows the
    // result in place of the input; the shift is within 1..=63.
    unsafe {
        gmp_mpfr_sys::gmp::mpn_rshift(p, p, x.len() as gmp_mpfr_sys::gmp::size_t, bits);
    }
}

/// A positive divisor `g = odd·2^twos`, prepared for many exact divisions, with the
/// buffers they reuse.
pub(super) struct Divisor {
    g: Integer,
    odd: Vec<u64>,
    twos: u32,
    shifted: Vec<u64>,
    quotient: Vec<u64>,
    remainder: Vec<u64>,
    scratch: Vec<u64>,
}

impl Divisor {
    /// Prepares `g > 0`.
    pub(super) fn new(g: &Integer) -> Divisor {
        debug_assert!(g.cmp0() == std::cmp::Ordering::Greater);
        let twos = g.find_one(0).unwrap_or(0);
        let odd = Integer::from(g >> twos).to_digits::<u64>(Order::Lsf);
        Divisor {
            g: g.clone(),
            odd,
            twos,
            shifted: Vec::new(),
            quotient: Vec::new(),
            remainder: Vec::new(),
            scratch: Vec::new(),
        }
    }

    /// The divisor.
    pub(super) fn value(&self) -> &Integer {
        &self.g
    }

    /// `q ← c/g` and `true` when `g` divides `c ≠ 0`; `false` (and `q` unspecified)
    /// otherwise.
    pub(super) fn divide(&mut self, q: &mut Integer, c: &Integer) -> bool {
        if self.odd.len() <= 2 || !cfg!(all(target_pointer_width = "64", not(windows))) {
            // A divisor of one or two limbs: the check costs a linear product.
            q.assign(c.div_exact_ref(&self.g));
            return Integer::from(&*q * &self.g) == *c;
        }
        if c.find_one(0).is_none_or(|tz| tz < self.twos) {
            return false;
        }
        // |c| >> twos, with room for one more limb.
        let limbs = c.as_limbs();
        let (skip, bits) = ((self.twos / 64) as usize, self.twos % 64);
        let src = &limbs[skip..];
        self.shifted.clear();
        self.shifted.extend_from_slice(src);
        if bits != 0 {
            shift_right(&mut self.shifted, bits);
        }
        while self.shifted.last() == Some(&0) {
            self.shifted.pop();
        }
        let dn = self.odd.len();
        let mut nn = self.shifted.len();
        if nn < dn {
            return false;
        }
        if self.shifted[nn - 1] >= self.odd[dn - 1] {
            // The quotient may need nn − dn + 1 limbs.
            self.shifted.push(0);
            nn += 1;
        } else if nn == dn {
            // 0 < c/2^twos < odd.
            return false;
        }
        let qn = nn - dn;
        self.quotient.resize(qn, 0);
        self.remainder.resize(dn, 0);
        self.bdiv_qr(nn);
        if self.remainder != self.odd {
            return false;
        }
        // The quotient is B^qn − Q: the two's complement of Q (Q ≠ 0, since c ≠ 0).
        super::fermat::neg_limbs(&mut self.quotient);
        q.assign_digits(&self.quotient, Order::Lsf);
        if c.cmp0() == std::cmp::Ordering::Less {
            *q = -std::mem::take(q);
        }
        true
    }

    /// Hensel division of `shifted[..nn]` by `odd` into `quotient` and `remainder`.
    #[cfg(all(target_pointer_width = "64", not(windows)))]
    #[allow(unsafe_code)]
    fn bdiv_qr(&mut self, nn: usize) {
        let dn = self.odd.len();
        // SAFETY: a pure function of its arguments.
        let itch = unsafe { __gmpn_bdiv_qr_itch(nn as std::ffi::c_long, dn as std::ffi::c_long) };
        self.scratch.resize(itch.max(1) as usize, 0);
        // SAFETY: nn > dn ≥ 3, the divisor is odd, the quotient has nn − dn limbs, the
        // remainder dn and the scratch the size GMP asks for; no buffers overlap.
        unsafe {
            __gmpn_bdiv_qr(
                self.quotient.as_mut_ptr(),
                self.remainder.as_mut_ptr(),
                self.shifted.as_ptr(),
                nn as std::ffi::c_long,
                self.odd.as_ptr(),
                dn as std::ffi::c_long,
                self.scratch.as_mut_ptr(),
            );
        }
    }

    #[cfg(not(all(target_pointer_width = "64", not(windows))))]
    fn bdiv_qr(&mut self, _nn: usize) {
        unreachable!("divide takes the generic path on this target")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(seed: &mut u64, limbs: usize) -> Integer {
        let v: Vec<u64> = (0..limbs)
            .map(|_| {
                *seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                *seed
            })
            .collect();
        Integer::from_digits(&v, Order::Lsf)
    }

    /// Divisible products (of every sign, with powers of two in the divisor, across GMP's
    /// schoolbook, divide-and-conquer and Newton thresholds) give their exact quotients;
    /// off-by-one numerators, numerators short of twos and numerators smaller than the
    /// divisor are refused.
    #[test]
    fn exact_quotients_and_refusals() {
        let mut seed = 17u64;
        let mut q = Integer::new();
        for (gl, ql) in [
            (1, 5),
            (2, 3),
            (3, 1),
            (3, 40),
            (8, 8),
            (90, 60),
            (200, 300),
            (1600, 40),
        ] {
            for twos in [0u32, 1, 63, 64, 130] {
                let g = (big(&mut seed, gl) | 1u32) << twos;
                let mut d = Divisor::new(&g);
                for neg in [false, true] {
                    let mut want = big(&mut seed, ql) + 1u32;
                    if neg {
                        want = -want;
                    }
                    let c = Integer::from(&want * &g);
                    assert!(d.divide(&mut q, &c), "{gl}/{ql}/{twos}");
                    assert_eq!(q, want, "{gl}/{ql}/{twos}");
                    assert!(!d.divide(&mut q, &Integer::from(&c + 1u32)), "c + 1");
                    if twos > 0 {
                        let half = Integer::from(&c >> 1u32) | 1u32;
                        assert!(!d.divide(&mut q, &half), "too few twos");
                    }
                    let small = Integer::from(&g - 2u32) >> 1u32;
                    if small != 0 {
                        assert!(!d.divide(&mut q, &small), "smaller than g");
                    }
                }
                // A multiple of g/3 that g does not divide (when 3 | g).
                let g3 = Integer::from(&g * 3u32);
                let mut d3 = Divisor::new(&g3);
                assert!(!d3.divide(&mut q, &Integer::from(&g * 7u32)));
                assert!(d3.divide(&mut q, &Integer::from(&g * 21u32)));
                assert_eq!(q, 7);
            }
        }
    }
}
