//! Harmonic and Fibonacci numbers as n → ∞: H_z by its asymptotic series
//! H_z = ln z + γ + 1/(2z) − Σ B_2j/(2j·z^(2j)) (DLMF 5.11.2 with H_z = ψ(z + 1) + γ), and
//! F_z by Binet's formula F_z = (φ^z − ψ^z)/√5, φ = (1 + √5)/2, ψ = (1 − √5)/2 = −1/φ
//! (OEIS A000045), written (φ^z − (−1)^z·φ^(−z))/√5 so that the scale carries φ^n and an
//! alternating, exponentially smaller term with the same base.

use super::build::{rule, Builder};
use super::expansion::Expansion;
use super::Fail;
use crate::math::answer::Rich;
use crate::math::expr::{self, func::bernoulli, Expr};
use crate::math::number::Q;

impl Builder<'_> {
    /// `harmonic(z)` for an argument that tends to +∞.
    pub(crate) fn harmonic(&mut self, e: &Expr, z: &Expr) -> Result<Expansion, Fail> {
        let zx = self.expand(z)?;
        let (zm, m) = self.bernoulli_terms(&zx, "the asymptotic series of harmonic(z)")?;
        let mut acc = self.ln(&zx)?;
        acc = acc.add(&Expansion::constant(Expr::euler_gamma()))?;
        let zinv = self.powq(&zx, &Q::int(-1))?;
        acc = acc.add(&zinv.scale(&Expr::frac(1, 2))?)?;
        let b = bernoulli(2 * m as usize)?;
        let zinv2 = zinv.mul(&zinv, self.k)?;
        let mut p = zinv2.clone();
        for j in 1..=m {
            let c = b[2 * j as usize].div(&Q::int(2 * j))?.neg();
            acc = acc.add(&p.scale(&Expr::Num(c))?)?;
            p = p.mul(&zinv2, self.k)?;
        }
        let rem = Expansion::big_o(zm.powq(&Q::int(-2 * m - 2))?);
        let r = acc.add(&rem)?.truncate(self.k)?;
        self.note(
            Rich::math(e.clone())
                .and(crate::math::answer::Op::Eq)
                .and(r.show_rich(self.n, super::build::SHOWN)),
            rule(
                "H_z = ln z + γ + 1/(2z) − 1/(12z²) + 1/(120z⁴) − …",
                "H_z = \\ln z + \\gamma + \\tfrac{1}{2z} - \\tfrac{1}{12z^2} + \\tfrac{1}{120z^4} - \\ldots",
            )
            .and(" (DLMF 5.11.2)"),
        );
        Ok(r)
    }

    /// `fibonacci(z)` by Binet's formula (z an integer wherever the term is defined).
    pub(crate) fn fibonacci(&mut self, e: &Expr, z: &Expr) -> Result<Expansion, Fail> {
        let s5 = Expr::sqrt(Expr::int(5))?;
        let half = Expr::frac(1, 2);
        let half_s5 = expr::mul(vec![half.clone(), s5.clone()])?;
        let phi = expr::add(vec![half, half_s5])?;
        // ψ^z = (−1)^z·φ^(−z) at integers z, so both terms share the base φ.
        let psi_z = expr::mul(vec![
            expr::pow(Expr::int(-1), z.clone())?,
            expr::pow(phi.clone(), expr::neg(z.clone())?)?,
        ])?;
        let binet = expr::div(expr::sub(expr::pow(phi, z.clone())?, psi_z)?, s5)?;
        let r = self.expand(&binet)?;
        self.note(
            Rich::math(e.clone())
                .and(crate::math::answer::Op::Eq)
                .and(r.show_rich(self.n, super::build::SHOWN)),
            rule(
                "F_z = (φ^z − (−1)^z·φ^(−z))/√5, φ = (1 + √5)/2",
                "F_z = \\frac{\\varphi^z - (-1)^z \\varphi^{-z}}{\\sqrt{5}},\\ \\varphi = \\tfrac{1 + \\sqrt{5}}{2}",
            )
            .and(" (Binet's formula)"),
        );
        Ok(r)
    }
}
