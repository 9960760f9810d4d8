"""W3-style certified constants at any number of digits with python-flint arb, in the
INPROC/DIGEST protocol of ../shared/bench (w3_flint.py fixes the digit counts).

    python3 bench/w3_more_flint.py {pi|zeta32|erfhalf} DIGITS

pi: arb.pi(); zeta32: arb(3/2).zeta(); erfhalf: arb(1/2).erf(). INPROC times the value and its
decimal string (sigma's figure includes its decimal conversion too). Digest: significant digits
1-12 and D-15..D-4 of the D-digit midpoint, as digits_digest in common.py.
"""
import os
import sys
import time

sys.path.insert(0, os.environ.get("SHARED_BENCH", "../shared/bench"))
from common import digits_digest, report  # noqa: E402

import flint  # noqa: E402
from flint import arb, fmpq  # noqa: E402

name, D = sys.argv[1], int(sys.argv[2])
flint.ctx.dps = D + 10
t0 = time.perf_counter()
if name == "pi":
    v = arb.pi()
elif name == "zeta32":
    v = arb(fmpq(3, 2)).zeta()
elif name == "erfhalf":
    v = arb(fmpq(1, 2)).erf()
else:
    sys.exit("unknown workload %r (pi, zeta32, erfhalf)" % name)
m = v.mid().str(D + 5, radius=False)
dt = time.perf_counter() - t0
mant = m.split("e")[0].replace(".", "").replace("-", "").lstrip("0")
report(dt, digits_digest(mant, D))
