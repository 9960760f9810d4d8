"""Exact power A^K of the 16x16 matrix of ../shared/bench/w4_mat16.json (entries k/10) with
python-flint, in the peers' protocol (INPROC, DIGEST; see ../shared/bench/README.md).

usage: python3 bench/matpow_peers.py K [fmpq|fmpz]
  fmpq  fmpq_mat ** K (rational entries, reduced by FLINT as it goes)
  fmpz  fmpz_mat ** K over the denominator 10^K kept apart, reduced once at the end
DIGEST: A^K[0][0], and the sum of all entries mod 2^61 - 1 (as sigma's --matpow prints).
"""
import json
import os
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
shared = os.environ.get("SHARED_BENCH", os.path.join(here, "..", "..", "shared", "bench"))
sys.path.insert(0, shared)
from common import P61, q_digest, q_mod  # noqa: E402

import flint  # noqa: E402

k = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
variant = sys.argv[2] if len(sys.argv) > 2 else "fmpq"
with open(os.path.join(shared, "w4_mat16.json")) as f:
    rows = json.load(f)["A_num_over_10"]
n = len(rows)

if variant == "fmpq":
    a = flint.fmpq_mat([[flint.fmpq(x, 10) for x in r] for r in rows])
    t = time.perf_counter()
    p = a**k
    dt = time.perf_counter() - t
    entries = [(int(p[i, j].p), int(p[i, j].q)) for i in range(n) for j in range(n)]
elif variant == "fmpz":
    a = flint.fmpz_mat(rows)
    t = time.perf_counter()
    p = a**k
    den = flint.fmpz(10) ** k
    reduced = []
    for i in range(n):
        for j in range(n):
            q = flint.fmpq(p[i, j], den)
            reduced.append((int(q.p), int(q.q)))
    dt = time.perf_counter() - t
    entries = reduced
else:
    sys.exit(f"unknown variant {variant!r} (fmpq, fmpz)")

total = 0
for num, den in entries:
    total = (total + q_mod(num, den)) % P61
print("INPROC %.6f" % dt)
print("DIGEST P[0][0] = %s; sum P mod 2^61-1 = %d" % (q_digest(*entries[0]), total))
