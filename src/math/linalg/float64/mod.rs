//! Float64 linear algebra: machine-double matrices and vectors for speed, never certified and
//! always printed as approximate. Arithmetic here, decompositions through `nalgebra` in
//! [`decomp`], the SSM kernel by mat-vec iteration and convolution (direct or by FFT) in
//! [`signal`]. Errors are shape mismatches in words; the caller attaches the span.

pub mod decomp;
pub mod signal;

use nalgebra::DMatrix;

/// A float64 value.
#[derive(Debug, Clone, PartialEq)]
pub enum Float64 {
    Scalar(f64),
    Vector(Vec<f64>),
    /// Column-major (nalgebra's storage).
    Matrix(DMatrix<f64>),
    /// Complex numbers as (real, imaginary) pairs (eigenvalues).
    Complex(Vec<(f64, f64)>),
    /// A polynomial Σ c_k var^k with `coeffs[k] = c_k`.
    Poly {
        var: String,
        coeffs: Vec<f64>,
    },
}

/// A shape mismatch or an unsupported operation, in words.
pub type FResult<T = Float64> = Result<T, String>;

/// `r×c`, as messages write a shape.
pub fn shape(m: &DMatrix<f64>) -> String {
    format!("{}×{}", m.nrows(), m.ncols())
}

impl Float64 {
    /// The kind's name in messages and JSON (every one says float64).
    pub fn kind(&self) -> &'static str {
        match self {
            Float64::Scalar(_) => "float64",
            Float64::Vector(_) => "float64_vector",
            Float64::Matrix(_) => "float64_matrix",
            Float64::Complex(_) => "float64_complex_vector",
            Float64::Poly { .. } => "float64_polynomial",
        }
    }

    /// A row-major matrix from its rows (all of equal, non-zero length).
    pub fn matrix(rows: &[Vec<f64>]) -> Float64 {
        let (r, c) = (rows.len(), rows.first().map_or(0, Vec::len));
        Float64::Matrix(DMatrix::from_fn(r, c, |i, j| rows[i][j]))
    }

    /// Whether any entry is infinite or NaN (an overflow to report, not to print).
    pub fn is_finite(&self) -> bool {
        match self {
            Float64::Scalar(x) => x.is_finite(),
            Float64::Vector(v) => v.iter().all(|x| x.is_finite()),
            Float64::Matrix(m) => m.iter().all(|x| x.is_finite()),
            Float64::Complex(v) => v.iter().all(|(a, b)| a.is_finite() && b.is_finite()),
            Float64::Poly { coeffs, .. } => coeffs.iter().all(|x| x.is_finite()),
        }
    }
}

fn elementwise(a: &[f64], b: &[f64], f: impl Fn(f64, f64) -> f64) -> Vec<f64> {
    a.iter().zip(b).map(|(x, y)| f(*x, *y)).collect()
}

/// `a + b` (`sub`: `a − b`) for operands of one kind and shape.
pub fn add(a: &Float64, b: &Float64, sub: bool) -> FResult {
    use Float64::*;
    let f = |x: f64, y: f64| if sub { x - y } else { x + y };
    match (a, b) {
        (Scalar(x), Scalar(y)) => Ok(Scalar(f(*x, *y))),
        (Vector(x), Vector(y)) if x.len() == y.len() => Ok(Vector(elementwise(x, y, f))),
        (Vector(x), Vector(y)) => Err(format!(
            "cannot combine float64 vectors of lengths {} and {}",
            x.len(),
            y.len()
        )),
        (Matrix(x), Matrix(y)) if x.shape() == y.shape() => {
            Ok(Matrix(if sub { x - y } else { x + y }))
        }
        (Matrix(x), Matrix(y)) => Err(format!(
            "cannot combine a {} and a {} float64 matrix",
            shape(x),
            shape(y)
        )),
        _ => Err(format!("cannot add a {} and a {}", a.kind(), b.kind())),
    }
}

/// `a · b`: scalings, matrix products, matrix–vector products and the dot product.
pub fn mul(a: &Float64, b: &Float64) -> FResult {
    use Float64::*;
    match (a, b) {
        (Scalar(x), Scalar(y)) => Ok(Scalar(x * y)),
        (Scalar(c), Vector(v)) | (Vector(v), Scalar(c)) => {
            Ok(Vector(v.iter().map(|x| c * x).collect()))
        }
        (Scalar(c), Matrix(m)) | (Matrix(m), Scalar(c)) => Ok(Matrix(m * *c)),
        (Matrix(x), Matrix(y)) if x.ncols() == y.nrows() => Ok(Matrix(x * y)),
        (Matrix(x), Matrix(y)) => Err(format!(
            "cannot multiply a {} by a {} float64 matrix (inner sizes {} and {} differ)",
            shape(x),
            shape(y),
            x.ncols(),
            y.nrows()
        )),
        (Matrix(m), Vector(v)) if m.ncols() == v.len() => Ok(Vector(matvec(m, v))),
        (Vector(v), Matrix(m)) if m.nrows() == v.len() => Ok(Vector(
            (0..m.ncols())
                .map(|j| m.column(j).iter().zip(v).map(|(x, y)| x * y).sum())
                .collect(),
        )),
        (Matrix(m), Vector(v)) | (Vector(v), Matrix(m)) => Err(format!(
            "cannot multiply a {} float64 matrix and a vector of length {}",
            shape(m),
            v.len()
        )),
        (Vector(x), Vector(y)) if x.len() == y.len() => Ok(Scalar(dot(x, y))),
        (Vector(x), Vector(y)) => Err(format!(
            "cannot multiply float64 vectors of lengths {} and {}",
            x.len(),
            y.len()
        )),
        _ => Err(format!("cannot multiply a {} and a {}", a.kind(), b.kind())),
    }
}

/// `a / c` for a scalar `c`.
pub fn div(a: &Float64, c: f64) -> FResult {
    if c == 0.0 {
        return Err("division of a float64 value by zero".into());
    }
    mul(a, &Float64::Scalar(1.0 / c)).map(|r| match (a, r) {
        // x / c, not x · (1/c), for scalars: correctly rounded.
        (Float64::Scalar(x), _) => Float64::Scalar(x / c),
        (_, r) => r,
    })
}

/// `−a`.
pub fn neg(a: &Float64) -> Float64 {
    use Float64::*;
    match a {
        Scalar(x) => Scalar(-x),
        Vector(v) => Vector(v.iter().map(|x| -x).collect()),
        Matrix(m) => Matrix(-m),
        Complex(v) => Complex(v.iter().map(|(x, y)| (-x, -y)).collect()),
        Poly { var, coeffs } => Poly {
            var: var.clone(),
            coeffs: coeffs.iter().map(|x| -x).collect(),
        },
    }
}

/// `a^k`: a scalar to any real power, a square matrix to a non-negative integer power (by
/// repeated squaring).
pub fn pow(a: &Float64, k: f64) -> FResult {
    match a {
        Float64::Scalar(x) => Ok(Float64::Scalar(x.powf(k))),
        Float64::Matrix(m) if m.is_square() => {
            if k < 0.0 || k.fract() != 0.0 || k > 1e15 {
                return Err("a float64 matrix power needs a non-negative integer exponent".into());
            }
            let (mut n, mut base) = (k as u64, m.clone());
            let mut acc = DMatrix::identity(m.nrows(), m.nrows());
            while n > 0 {
                if n & 1 == 1 {
                    acc = &acc * &base;
                }
                n >>= 1;
                if n > 0 {
                    base = &base * &base;
                }
            }
            Ok(Float64::Matrix(acc))
        }
        Float64::Matrix(m) => Err(format!(
            "a power needs a square matrix, not a {} one",
            shape(m)
        )),
        other => Err(format!("cannot raise a {} to a power", other.kind())),
    }
}

/// Σ a_i b_i with eight partial sums (independent chains, so the loop vectorises and does
/// not wait on one addition at a time).
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut s = [0.0f64; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            s[k] += x[k] * y[k];
        }
    }
    let tail: f64 = ra.iter().zip(rb).map(|(x, y)| x * y).sum();
    ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7])) + tail
}

/// `m · v`.
pub fn matvec(m: &DMatrix<f64>, v: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; m.nrows()];
    for (j, x) in v.iter().enumerate() {
        for (o, a) in out.iter_mut().zip(m.column(j).iter()) {
            *o += a * x;
        }
    }
    out
}

/// The value of Σ c_k x^k at `x` (Horner).
pub fn horner(coeffs: &[f64], x: f64) -> f64 {
    coeffs.iter().rev().fold(0.0, |acc, c| acc * x + c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_and_shapes() {
        let a = Float64::matrix(&[vec![1.0, 2.0], vec![3.0, 4.0]]);
        let v = Float64::Vector(vec![1.0, 1.0]);
        assert_eq!(mul(&a, &v).unwrap(), Float64::Vector(vec![3.0, 7.0]));
        assert_eq!(mul(&v, &a).unwrap(), Float64::Vector(vec![4.0, 6.0]));
        let a2 = pow(&a, 2.0).unwrap();
        assert_eq!(a2, Float64::matrix(&[vec![7.0, 10.0], vec![15.0, 22.0]]));
        let err = add(&a, &Float64::matrix(&[vec![1.0, 2.0, 3.0]]), false).unwrap_err();
        assert!(err.contains("2×2") && err.contains("1×3"), "{err}");
        assert_eq!(dot(&[1.0; 7], &[2.0; 7]), 14.0);
        assert_eq!(horner(&[1.0, 2.0, 3.0], 2.0), 17.0);
    }
}
