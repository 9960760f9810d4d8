#!/usr/bin/env bash
# Side-by-side wall-clock timings of workload W5 of ../shared/bench (univariate inequalities):
# the purification system of SEEDS B3(c) with λ > 0 (ridgepos, expected [1, 4]) and λ real
# (ridge, expected (-16, -1) ∪ [1, 4]), and the degree-8 polynomial p(x) > 0 (poly8), each as a
# whole `sigma -e` process (release build, start-up included) against
# `python3 w5_sympy.py CASE reduce` (whole process) and maxima's w5.mac when maxima is installed.
#
# usage: bench/compare_solve.sh [REPS=11]
# Prints the median wall-clock milliseconds of REPS fresh processes per tool and the ratio.
# The machine is shared and noisy: read the ratios, not the milliseconds.
set -euo pipefail

ROOT=${SIGMA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
REPS=${1:-11}
export GMP_MPFR_SYS_CACHE=${GMP_MPFR_SYS_CACHE:-/root/.cache/gmp-mpfr}
(cd "$ROOT" && cargo build --release --quiet)
SIGMA=$ROOT/target/release/sigma

RIDGE='all(s^2/(s^2 + λ) >= 4/5 for s in [10, 8, 4]) and all(s^2/(s^2 + λ) <= 1/2 for s in [1, 1/2, 9/25, 4/25, 1/100])'
declare -A SRC=(
  [ridgepos]="solve($RIDGE, λ, λ > 0)"
  [ridge]="solve($RIDGE, λ)"
  [poly8]='solve(expand((x+3)*(x+2)*(2*x+1)*(3*x-1)*(x-1)*(2*x-3)*(2*x-5)*(x-4)) > 0, x)'
)

# median wall-clock ms of REPS runs of the command "$@"
median_ms() {
  local times=()
  for _ in $(seq "$REPS"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}

printf '%-9s %-40s %10s %10s %8s\n' case answer sigma_ms sympy_ms ratio
for c in ridgepos ridge poly8; do
  ans=$("$SIGMA" -e "${SRC[$c]}")
  s=$(median_ms "$SIGMA" -e "${SRC[$c]}")
  p=$(cd "$SHARED" && median_ms python3 w5_sympy.py "$c" reduce)
  printf '%-9s %-40s %10s %10s %8s\n' "$c" "$ans" "$s" "$p" "$(awk -v a="$p" -v b="$s" 'BEGIN{printf "%.0fx", a/b}')"
done
if command -v maxima >/dev/null; then
  m=$(cd "$SHARED" && median_ms maxima --very-quiet -b w5.mac)
  echo "maxima w5.mac (whole file): ${m} ms"
else
  echo "maxima: not installed (w5.mac not run)"
fi
