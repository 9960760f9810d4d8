#!/usr/bin/env bash
# Side-by-side timings of sigma's exact finite sums and python-flint on workload W2 of
# ../shared/bench: H_N = Σ 1/n, Σ_{n=0}^{N} (2/3)^n and Σ_{n=1}^{N} (−1)^(n+1)/n².
#
# usage: bench/compare_sums.sh [REPS=5] [WORKLOAD:N ...]
#        (default: harm:100000 harm:1000000 geom:10000 alt:100000)
#
# Builds the `sums` bench and the sigma binary in release, then for each workload runs, in
# turn and REPS times, (1) sigma in-process (the bench binary's INPROC: the sum only),
# (2) the whole sigma process `sigma -e 'sum(…)'` (start-up, parsing and printing the
# result included) and (3) FLINT in-process (w2_flint.py: fmpq.harmonic for harm, its
# binary-splitting tree of fmpz for geom and alt; FLINT_VARIANT=loop or bsplit overrides).
# Prints the medians, the ratios sigma/FLINT and whether the result digests agree. The
# machine is shared and noisy: read the ratios, which come from interleaved runs, not the
# seconds. Needs python3 with python-flint (`pip install python-flint`). SIGMA_ROOT (default:
# this checkout) and SHARED_BENCH (default: $SIGMA_ROOT/../shared/bench) override locations.
set -euo pipefail

ROOT=${SIGMA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
REPS=${1:-5}
shift $(( $# < 1 ? $# : 1 ))
WORKLOADS=${*:-harm:100000 harm:1000000 geom:10000 alt:100000}
export GMP_MPFR_SYS_CACHE=${GMP_MPFR_SYS_CACHE:-/root/.cache/gmp-mpfr}

if ! python3 -c 'import flint' 2>/dev/null; then
    echo "python-flint is missing: pip install python-flint" >&2
    exit 1
fi
if [ ! -f "$SHARED/w2_flint.py" ]; then
    echo "cannot find $SHARED/w2_flint.py (set SHARED_BENCH)" >&2
    exit 1
fi

cd "$ROOT"
echo "building the sums bench and sigma (release)..." >&2
cargo build --release --bin sigma >/dev/null 2>&1
SIGMA="$ROOT/target/release/sigma"
BIN=$(cargo bench --bench sums --no-run --message-format=json 2>/dev/null |
    python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") \
            and m["target"]["name"] == "sums":
        print(m["executable"])' | tail -n 1)
if [ -z "$BIN" ] || [ ! -x "$BIN" ] || [ ! -x "$SIGMA" ]; then
    echo "could not build; run: cargo bench --bench sums --no-run && cargo build --release" >&2
    exit 1
fi

# median of the numbers on stdin
median() {
    sort -g | awk '{ a[NR] = $1 }
        END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
field() { sed -n "s/^$1 //p"; }
ratio() { awk -v s="$1" -v f="$2" 'BEGIN { if (f > 0) printf "%.2fx", s / f; else print "-" }'; }
now() { date +%s.%N; }

# The sigma statement for a workload.
statement() {
    case "$1" in
        harm) echo "sum(1/n, n, 1, $2)" ;;
        geom) echo "sum((2/3)^n, n, 0, $2)" ;;
        alt) echo "sum((-1)^(n+1)/n^2, n, 1, $2)" ;;
        *) echo "unknown workload $1 (harm, geom, alt)" >&2; exit 1 ;;
    esac
}

printf '%-5s %8s %10s %10s %10s %9s %9s  %-7s\n' workload N "sigma (s)" "process" "FLINT (s)" \
    "ratio" "proc/FL" "digests"
for wn in $WORKLOADS; do
    w=${wn%%:*}
    n=${wn##*:}
    variant=${FLINT_VARIANT:-$([ "$w" = harm ] && echo builtin || echo bsplit)}
    stmt=$(statement "$w" "$n")
    sig_times="" proc_times="" fl_times="" sig_digest="" fl_digest=""
    for _ in $(seq "$REPS"); do
        out=$("$BIN" --w2 "$w" "$n")
        sig_times+="$(echo "$out" | field INPROC)"$'\n'
        sig_digest=$(echo "$out" | field DIGEST)
        t0=$(now)
        "$SIGMA" -e "$stmt" >/dev/null
        t1=$(now)
        proc_times+="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')"$'\n'
        out=$(cd "$SHARED" && python3 w2_flint.py "$w" "$n" "$variant")
        fl_times+="$(echo "$out" | field INPROC)"$'\n'
        fl_digest=$(echo "$out" | field DIGEST)
    done
    s=$(printf '%s' "$sig_times" | median)
    p=$(printf '%s' "$proc_times" | median)
    f=$(printf '%s' "$fl_times" | median)
    same=$([ "$sig_digest" = "$fl_digest" ] && echo "agree" || echo "DIFFER")
    printf '%-5s %8s %10.4f %10.4f %10.4f %9s %9s  %-7s (FLINT %s)\n' "$w" "$n" "$s" "$p" "$f" \
        "$(ratio "$s" "$f")" "$(ratio "$p" "$f")" "$same" "$variant"
    if [ "$same" != agree ]; then
        echo "  sigma: $sig_digest" >&2
        echo "  FLINT: $fl_digest" >&2
    fi
done
echo "(medians of $REPS interleaved runs; ratio = sigma in-process / FLINT in-process,"
echo " proc/FL = whole sigma process / FLINT in-process)"
