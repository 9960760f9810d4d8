"""Series with symbolic coefficients in SymPy's ring_series (issue 15's peer), in the
INPROC/DIGEST protocol of ../shared/bench.

    python3 symbolic_sympy.py expsin|pisqrt2 N

expsin is exp(a*x)*sin(x); pisqrt2 is exp(sqrt(2)*x)*sin(pi*x) with pi a free generator p and
sqrt(2) a generator r reduced by r^2 = 2 after the product. Digest: the coefficient of x^N with
a = 2 (pi = 2), written u + v*sqrt(2).
"""
import os
import sys
import time

sys.path.insert(0, os.environ.get("SHARED_BENCH", "../shared/bench"))
from common import q_digest  # noqa: E402

from sympy import QQ  # noqa: E402
from sympy.polys.rings import ring  # noqa: E402
from sympy.polys.ring_series import rs_exp, rs_mul, rs_sin  # noqa: E402

case, n = sys.argv[1], int(sys.argv[2])
prec = n + 1
if case == "expsin":
    R, x, a = ring("x, a", QQ)
    t0 = time.perf_counter()
    s = rs_mul(rs_exp(a * x, x, prec), rs_sin(x, x, prec), x, prec)
    dt = time.perf_counter() - t0
    c = sum((coef * 2 ** m[1] for m, coef in s.terms() if m[0] == n), QQ(0))
    u, v = c, QQ(0)
elif case == "pisqrt2":
    R, x, p, r = ring("x, p, r", QQ)
    t0 = time.perf_counter()
    s = rs_mul(rs_exp(r * x, x, prec), rs_sin(p * x, x, prec), x, prec)
    # r^k = 2^(k//2) r^(k%2)
    u, v = QQ(0), QQ(0)
    for m, coef in s.terms():
        if m[0] == n:
            w = coef * 2 ** m[1] * 2 ** (m[2] // 2)
            if m[2] % 2:
                v += w
            else:
                u += w
    dt = time.perf_counter() - t0
else:
    sys.exit("unknown case " + case)
print("INPROC %.6f" % dt)
print("DIGEST c[%d] = %s + %s*sqrt2" % (n, q_digest(u.numerator, u.denominator), q_digest(v.numerator, v.denominator)))
