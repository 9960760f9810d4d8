#!/usr/bin/env bash
# Side-by-side timings of sigma's exact SSM kernel engine and python-flint on workload W4 of
# ../shared/bench: K_ℓ = C·A^(ℓ−1)·B, ℓ = 1..L, for the 2×2 system [[7/10, 1/10], [1/5, 3/5]]
# (ssm2) and the 16×16 system of w4_mat16.json (ssm16).
#
# usage: bench/compare_kernels.sh [REPS=5] [METHOD=iterate] [CASE:L ...]   (default: ssm2:16384 ssm16:256)
#
# Builds the `kernel` bench in release, then for each workload runs sigma, FLINT with the
# denominator kept apart (`w4_exact.py CASE L flint_int`: fmpz_mat, as sigma does) alternately
# REPS times, each in a fresh process, and FLINT's fmpq_mat (`flint`, reducing every fraction:
# ~20 s for ssm2) once; prints the median in-process seconds (start-up excluded, as all report
# it), the ratio sigma / FLINT int, how many times slower fmpq_mat is than sigma, and whether
# the three digests (K_L and Σ K_ℓ mod 2^61 − 1) agree. The machine is
# shared and noisy: read the ratios, not the seconds. Needs python3 with python-flint.
# SIGMA_ROOT (default: this checkout) and SHARED_BENCH (default: $SIGMA_ROOT/../shared/bench)
# override the locations.
set -euo pipefail

ROOT=${SIGMA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
REPS=${1:-5}
METHOD=${2:-iterate}
shift $(( $# < 2 ? $# : 2 ))
WORKLOADS=${*:-ssm2:16384 ssm16:256}
export GMP_MPFR_SYS_CACHE=${GMP_MPFR_SYS_CACHE:-/root/.cache/gmp-mpfr}
export SHARED_BENCH=$SHARED

if ! python3 -c 'import flint' 2>/dev/null; then
    echo "python-flint is missing: pip install python-flint" >&2
    exit 1
fi
if [ ! -f "$SHARED/w4_exact.py" ]; then
    echo "cannot find $SHARED/w4_exact.py (set SHARED_BENCH)" >&2
    exit 1
fi

cd "$ROOT"
echo "building the kernel bench (release)..." >&2
BIN=$(cargo bench --bench kernel --no-run --message-format=json 2>/dev/null |
    python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") \
            and m["target"]["name"] == "kernel":
        print(m["executable"])' | tail -n 1)
if [ -z "$BIN" ] || [ ! -x "$BIN" ]; then
    echo "could not build the kernel bench; run: cargo bench --bench kernel --no-run" >&2
    exit 1
fi

median() {
    sort -g | awk '{ a[NR] = $1 }
        END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
field() { sed -n "s/^$1 //p"; }
ratio() { awk -v s="$1" -v f="$2" 'BEGIN { if (f > 0) printf "%.2fx", s / f; else print "-" }'; }

printf '%-6s %6s %-8s %11s %13s %8s %14s %10s  %-7s\n' case L method "sigma (s)" "FLINT int (s)" "ratio" \
    "FLINT fmpq (s)" "fmpq/sigma" "digests"
for w in $WORKLOADS; do
    case_=${w%%:*}
    L=${w##*:}
    s_t="" i_t="" q_t="" s_d="" i_d="" q_d=""
    for _ in $(seq "$REPS"); do
        out=$("$BIN" --w4 "$case_" "$L" "$METHOD")
        s_t+="$(echo "$out" | field INPROC)"$'\n'
        s_d=$(echo "$out" | field DIGEST)
        out=$(cd "$SHARED" && python3 w4_exact.py "$case_" "$L" flint_int)
        i_t+="$(echo "$out" | field INPROC)"$'\n'
        i_d=$(echo "$out" | field DIGEST)
    done
    out=$(cd "$SHARED" && python3 w4_exact.py "$case_" "$L" flint)
    q_t="$(echo "$out" | field INPROC)"
    q_d=$(echo "$out" | field DIGEST)
    s=$(printf '%s' "$s_t" | median)
    i=$(printf '%s' "$i_t" | median)
    q=$(printf '%s' "$q_t" | median)
    same=$([ "$s_d" = "$i_d" ] && [ "$s_d" = "$q_d" ] && echo agree || echo DIFFER)
    printf '%-6s %6s %-8s %11.6f %13.6f %8s %14.6f %10s  %-7s\n' "$case_" "$L" "$METHOD" "$s" "$i" \
        "$(ratio "$s" "$i")" "$q" "$(ratio "$q" "$s")" "$same"
    if [ "$same" != agree ]; then
        echo "  sigma:     $s_d" >&2
        echo "  FLINT int: $i_d" >&2
        echo "  FLINT:     $q_d" >&2
    fi
done
echo "(medians of $REPS fresh processes each, alternating; ratio = sigma / FLINT int; fmpq once)"
