#!/usr/bin/env bash
# Side-by-side timings of sigma's float64 SSM kernel and numpy on workload W4 float64 of
# ../shared/bench: a 64 × 64 A (spectral radius 0.9), K_ℓ = C·A^(ℓ−1)·B for ℓ = 1..L by
# mat-vec iteration, the same data (numpy's RNG, dumped by bench/w4_float64.py).
#
# usage: bench/compare_float.sh [REPS=5] [L=65536]
#
# Builds the `float_kernel` bench in release, then runs, in turn and REPS times, sigma
# in-process (the bench binary's INPROC: the kernel only) and w4_numpy.py (INPROC: its loop).
# Prints the medians, the ratio numpy/sigma and whether the digests agree. The machine is
# shared and noisy: read the ratio, which comes from interleaved runs. Needs python3 with
# numpy. SIGMA_ROOT and SHARED_BENCH override the locations.
set -euo pipefail

ROOT=${SIGMA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
REPS=${1:-5}
L=${2:-65536}
export GMP_MPFR_SYS_CACHE=${GMP_MPFR_SYS_CACHE:-/root/.cache/gmp-mpfr}

cd "$ROOT"
[ -f bench/w4_float64.json ] || python3 bench/w4_float64.py bench/w4_float64.json
BIN=$(cargo bench --bench float_kernel --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "float_kernel" and m.get("executable"):
        print(m["executable"])')
sig=(); np=(); sd=""; nd=""
for _ in $(seq "$REPS"); do
    out=$("$BIN" "$L"); sig+=("$(sed -n 's/^INPROC //p' <<<"$out")"); sd=$(sed -n 's/^DIGEST //p' <<<"$out")
    out=$(cd "$SHARED" && python3 w4_numpy.py "$L"); np+=("$(sed -n 's/^INPROC //p' <<<"$out")"); nd=$(sed -n 's/^DIGEST //p' <<<"$out")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms=$(median "${sig[@]}"); mn=$(median "${np[@]}")
echo "W4 float64 64x64, L = $L, $REPS interleaved runs (medians, in-process seconds)"
echo "sigma  $ms   (${sig[*]})"
echo "numpy  $mn   (${np[*]})"
echo "numpy/sigma = $(awk -v a="$mn" -v b="$ms" 'BEGIN {printf "%.2f", a / b}')"
echo "sigma digest: $sd"
echo "numpy digest: $nd"
[ "$sd" = "$nd" ] && echo "digests agree" || echo "DIGESTS DIFFER"
