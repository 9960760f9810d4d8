#!/usr/bin/env bash
# Side-by-side timings of exact matrix powers: A^K for the 16×16 matrix of
# ../shared/bench/w4_mat16.json (entries k/10), in sigma (`cargo bench --bench kernel --
# --matpow K`: Matrix::pow_int, integer products over a common denominator), PARI/GP
# (bench/matpow.gp: t_MAT of t_FRAC) and python-flint (bench/matpow_peers.py: fmpq_mat, and
# fmpz_mat with the denominator 10^K apart).
#
# usage: bench/compare_matpow.sh [REPS=7] [K ...]   (default: 256 1024 4096)
#
# Each system runs REPS times per K in fresh processes, alternating; the table has the median
# in-process seconds (start-up excluded), sigma's ratio to each peer (below 1: sigma is
# faster) and whether the four digests (A^K[0][0] and the sum of all entries mod 2^61 − 1)
# agree. The machine is shared and noisy: read the ratios. Needs gp and python-flint.
set -euo pipefail

ROOT=${SIGMA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
REPS=${1:-7}
shift $(( $# < 1 ? $# : 1 ))
POWERS=${*:-256 1024 4096}
export GMP_MPFR_SYS_CACHE=${GMP_MPFR_SYS_CACHE:-/root/.cache/gmp-mpfr}
export SHARED_BENCH=$SHARED

command -v gp >/dev/null || { echo "PARI/GP is missing: apt-get install pari-gp" >&2; exit 1; }
python3 -c 'import flint' 2>/dev/null || { echo "python-flint is missing: pip install python-flint" >&2; exit 1; }

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
[ -x "$BIN" ] || { echo "could not build the kernel bench" >&2; exit 1; }

median() {
    sort -g | awk '{ a[NR] = $1 }
        END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
field() { sed -n "s/^$1 //p"; }
ratio() { awk -v s="$1" -v f="$2" 'BEGIN { if (f > 0) printf "%.2fx", s / f; else print "-" }'; }

printf '%6s %10s %10s %12s %12s %9s %9s %9s  %s\n' K "sigma (s)" "PARI (s)" "FLINT q (s)" \
    "FLINT z (s)" "/PARI" "/FLINT q" "/FLINT z" digests
for k in $POWERS; do
    st="" pt="" qt="" zt=""
    for _ in $(seq "$REPS"); do
        out=$("$BIN" --matpow "$k"); st+="$(echo "$out" | field INPROC)"$'\n'; sd=$(echo "$out" | field DIGEST)
        out=$(K=$k gp -q bench/matpow.gp); pt+="$(echo "$out" | field INPROC)"$'\n'; pd=$(echo "$out" | field DIGEST)
        out=$(python3 bench/matpow_peers.py "$k" fmpq); qt+="$(echo "$out" | field INPROC)"$'\n'; qd=$(echo "$out" | field DIGEST)
        out=$(python3 bench/matpow_peers.py "$k" fmpz); zt+="$(echo "$out" | field INPROC)"$'\n'; zd=$(echo "$out" | field DIGEST)
    done
    s=$(printf '%s' "$st" | median); p=$(printf '%s' "$pt" | median)
    q=$(printf '%s' "$qt" | median); z=$(printf '%s' "$zt" | median)
    same=$([ "$sd" = "$pd" ] && [ "$sd" = "$qd" ] && [ "$sd" = "$zd" ] && echo agree || echo DIFFER)
    printf '%6s %10.4f %10.4f %12.4f %12.4f %9s %9s %9s  %s\n' "$k" "$s" "$p" "$q" "$z" \
        "$(ratio "$s" "$p")" "$(ratio "$s" "$q")" "$(ratio "$s" "$z")" "$same"
    [ "$same" = agree ] || printf '  sigma: %s\n  PARI:  %s\n  FLINT: %s / %s\n' "$sd" "$pd" "$qd" "$zd" >&2
done
echo "(medians of $REPS fresh processes each, alternating; ratios are sigma / peer; PARI's clock has 1 ms resolution)"
