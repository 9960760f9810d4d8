//! Square-free parts and square-free decompositions of polynomials over Q (Yun's algorithm):
//! repeated roots removed, or each factor collected with its multiplicity.

use super::Poly;

impl Poly {
    /// `p / gcd(p, p′)`: the same roots, each simple (the zero polynomial stays zero).
    pub fn square_free_part(&self) -> Poly {
        if self.degree() < 1 {
            return self.clone();
        }
        let g = self.gcd(&self.derivative());
        self.div_rem(&g).0
    }

    /// The square-free decomposition `p = lead(p) · Π a_i^i`: the monic, square-free, pairwise
    /// coprime factors `a_i` of positive degree with their multiplicities `i`, increasing.
    pub fn square_free_decomposition(&self) -> Vec<(Poly, usize)> {
        if self.degree() < 1 {
            return Vec::new();
        }
        // Yun: with f monic, b = f / gcd(f, f′) and d = f′ / gcd(f, f′) − b′, each step
        // splits off a_i = gcd(b, d), the product of the factors of multiplicity exactly i.
        let f = self.scale(&self.lead().recip().unwrap_or_default());
        let df = f.derivative();
        let g = f.gcd(&df);
        let mut b = f.div_rem(&g).0;
        let mut d = df.div_rem(&g).0.sub(&b.derivative());
        let mut out = Vec::new();
        let mut i = 1;
        while b.degree() >= 1 {
            let a = b.gcd(&d);
            b = b.div_rem(&a).0;
            let c = d.div_rem(&a).0;
            d = c.sub(&b.derivative());
            if a.degree() >= 1 {
                out.push((a, i));
            }
            i += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::number::Q;

    fn poly(c: &[i64]) -> Poly {
        Poly::new(c.iter().map(|&a| Q::int(a)).collect())
    }

    fn power(p: &Poly, k: usize) -> Poly {
        (0..k).fold(poly(&[1]), |acc, _| acc.mul(p))
    }

    #[test]
    fn repeated_roots_become_simple() {
        // 3 (x − 1)² (x + 2)
        let p = power(&poly(&[-1, 1]), 2)
            .mul(&poly(&[2, 1]))
            .scale(&Q::int(3));
        let s = p.square_free_part();
        assert_eq!(s.degree(), 2);
        assert!(s.eval(&Q::int(1)).is_zero() && s.eval(&Q::int(-2)).is_zero());
        assert_eq!(poly(&[5]).square_free_part(), poly(&[5]));
    }

    #[test]
    fn factors_come_with_their_multiplicities() {
        // 5 (x + 2) (x − 1)² (x² + 1)³
        let (a1, a2, a3) = (poly(&[2, 1]), poly(&[-1, 1]), poly(&[1, 0, 1]));
        let p = a1.mul(&power(&a2, 2)).mul(&power(&a3, 3)).scale(&Q::int(5));
        let dec = p.square_free_decomposition();
        assert_eq!(dec, vec![(a1, 1), (a2.clone(), 2), (a3, 3)]);
        let back = dec
            .iter()
            .fold(poly(&[1]), |acc, (f, i)| acc.mul(&power(f, *i)))
            .scale(&p.lead());
        assert_eq!(back, p);
        // A square-free polynomial is its own (monic) decomposition; a perfect square too.
        let q = Poly::new(vec![Q::int(-1), Q::zero(), Q::int(2)]);
        assert_eq!(
            q.square_free_decomposition(),
            vec![(Poly::new(vec![Q::frac(-1, 2), Q::zero(), Q::one()]), 1)]
        );
        assert_eq!(power(&a2, 4).square_free_decomposition(), vec![(a2, 4)]);
        assert!(poly(&[7]).square_free_decomposition().is_empty());
    }
}
