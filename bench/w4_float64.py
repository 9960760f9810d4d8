"""Dumps the data of workload W4 float64 (../shared/bench/w4_numpy.py) to bench/w4_float64.json
so that sigma's bench (`cargo bench --bench float_kernel`) runs the same system: the same seed
and the same draws as w4_numpy.py (A then B then C from numpy.random.default_rng(20240521),
A scaled to spectral radius 0.9, D = 0). Each double is written with repr(), which Rust's
`str::parse::<f64>` reads back bit for bit.
usage: python3 bench/w4_float64.py [OUT]"""
import json
import sys

import numpy as np

SEED = 20240521
n = 64
rng = np.random.default_rng(SEED)
A = rng.standard_normal((n, n))
A *= 0.9 / max(abs(np.linalg.eigvals(A)))
B = rng.standard_normal(n)
C = rng.standard_normal(n)
out = sys.argv[1] if len(sys.argv) > 1 else "bench/w4_float64.json"
data = {
    "seed": SEED,
    "n": n,
    "A": [[repr(float(x)) for x in row] for row in A],
    "B": [repr(float(x)) for x in B],
    "C": [repr(float(x)) for x in C],
    "D": "0.0",
}
with open(out, "w") as f:
    json.dump(data, f)
    f.write("\n")
