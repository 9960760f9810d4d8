#!/usr/bin/env bash
# Side-by-side timings of sigma's fast exact power series and python-flint (FLINT's
# fmpq_poly *_series) on workload W1 of ../shared/bench: exp(sin x), tan x, 1/(1-x-x^2) and
# the integral of exp(-x^2), through x^N.
#
# usage: bench/compare_series.sh [N=1000] [REPS=5] [WORKLOAD...]   (expsin tan fib erf)
#
# Builds the `series` bench in release, then for each workload runs sigma and FLINT
# alternately REPS times, each in a fresh process, and prints the median in-process seconds
# (start-up excluded, as both programs report it), the ratio sigma/FLINT, and whether the two
# result digests agree. The machine is shared and noisy: read the ratios, not the seconds.
# Needs python3 with python-flint (`pip install python-flint`). With WITH_PARI=1 (and `gp`
# installed: apt-get install pari-gp) PARI/GP's time for the same work is added, once per
# workload (it is slow: ~10-20 s for exp(sin x) at N = 1000). SIGMA_ROOT (default: this
# checkout) and SHARED_BENCH (default: $SIGMA_ROOT/../shared/bench) override the locations.
set -euo pipefail

ROOT=${SIGMA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
N=${1:-1000}
REPS=${2:-5}
shift $(( $# < 2 ? $# : 2 ))
WORKLOADS=${*:-expsin tan fib erf}
export GMP_MPFR_SYS_CACHE=${GMP_MPFR_SYS_CACHE:-/root/.cache/gmp-mpfr}

if ! python3 -c 'import flint' 2>/dev/null; then
    echo "python-flint is missing: pip install python-flint" >&2
    exit 1
fi
if [ ! -f "$SHARED/w1_flint.py" ]; then
    echo "cannot find $SHARED/w1_flint.py (set SHARED_BENCH)" >&2
    exit 1
fi

cd "$ROOT"
echo "building the series bench (release)..." >&2
BIN=$(cargo bench --bench series --no-run --message-format=json 2>/dev/null |
    python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") \
            and m["target"]["name"] == "series":
        print(m["executable"])' | tail -n 1)
if [ -z "$BIN" ] || [ ! -x "$BIN" ]; then
    echo "could not build the series bench; run: cargo bench --bench series --no-run" >&2
    exit 1
fi

# median of the numbers on stdin
median() {
    sort -g | awk '{ a[NR] = $1 }
        END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
field() { sed -n "s/^$1 //p"; }

PARI=${WITH_PARI:-0}
printf '%-8s %6s %12s %12s %9s  %-7s' workload N "sigma (s)" "FLINT (s)" "ratio" "digests"
[ "$PARI" = 1 ] && printf ' %12s %11s' "PARI (s)" "PARI/sigma"
printf '\n'
for w in $WORKLOADS; do
    sig_times=""
    fl_times=""
    sig_digest=""
    fl_digest=""
    for _ in $(seq "$REPS"); do
        out=$("$BIN" --w1 "$w" "$N")
        sig_times+="$(echo "$out" | field INPROC)"$'\n'
        sig_digest=$(echo "$out" | field DIGEST)
        out=$(cd "$SHARED" && python3 w1_flint.py "$w" "$N")
        fl_times+="$(echo "$out" | field INPROC)"$'\n'
        fl_digest=$(echo "$out" | field DIGEST)
    done
    s=$(printf '%s' "$sig_times" | median)
    f=$(printf '%s' "$fl_times" | median)
    ratio=$(awk -v s="$s" -v f="$f" 'BEGIN { if (f > 0) printf "%.2fx", s / f; else print "-" }')
    same=$([ "$sig_digest" = "$fl_digest" ] && echo "agree" || echo "DIFFER")
    printf '%-8s %6s %12.6f %12.6f %9s  %-7s' "$w" "$N" "$s" "$f" "$ratio" "$same"
    if [ "$PARI" = 1 ]; then
        out=$(cd "$SHARED" && F="$w" N="$N" gp -q w1.gp 2>/dev/null || true)
        p=$(echo "$out" | field INPROC)
        # A run that failed (e.g. PARI's stack overflowing) prints a wrong digest.
        if [ -n "$p" ] && [ "$(echo "$out" | field DIGEST)" = "$sig_digest" ]; then
            r=$(awk -v p="$p" -v s="$s" 'BEGIN { if (p > 0) printf "%.0fx", p / s; else print "-" }')
            printf ' %12.3f %11s' "$p" "$r"
        else
            printf ' %12s %11s' failed -
        fi
    fi
    printf '\n'
    if [ "$same" != agree ]; then
        echo "  sigma: $sig_digest" >&2
        echo "  FLINT: $fl_digest" >&2
    fi
done
echo "(medians of $REPS fresh processes each, alternating; ratio = sigma / FLINT)"
