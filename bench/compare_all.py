"""Every side-by-side benchmark of sigma against its peers in one run, printed as one table.

    python3 bench/compare_all.py [--reps 3] [--long] [--only SUBSTRING ...]

Builds sigma's bench binaries in release, then for each row runs sigma in-process (the bench
binaries' INPROC/DIGEST modes) and each peer in-process (the scripts of ../shared/bench and
bench/, same protocol), interleaved, REPS times, and prints a Markdown table of medians in
seconds with the ratio sigma / best peer (below 1: sigma is faster) and whether every peer's
DIGEST equals sigma's. The machine is shared and noisy: read the ratios, which come from
interleaved runs, rather than the seconds. PARI/GP's clock counts whole milliseconds, so its
sub-millisecond times show as "< 1 ms" and stay out of the ratio. --long adds the rows whose peers take more than ten
seconds (exp(sin x) at N = 4100, 5000, 6200 and 10000, ζ(3/2) at 20,000 digits). The last row, the start-up of a
whole `sigma -e 1` process, has no peer.

Needs python3 with python-flint, sympy, mpmath and numpy, and PARI/GP (`gp`); a missing peer
shows as "n/a". The λ-inequality rows time a whole `sigma -e` process (sigma has no
in-process entry for solve) against SymPy in-process. SHARED_BENCH (default ../shared/bench beside this checkout) overrides the
location of the shared scripts.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED_BENCH", os.path.join(ROOT, "..", "shared", "bench"))
SHARED = os.path.abspath(SHARED)


def bench_binaries():
    """Builds the bench targets and sigma; returns {target name: executable}."""
    env = dict(os.environ)
    env.setdefault("GMP_MPFR_SYS_CACHE", os.path.expanduser("~/.cache/gmp-mpfr"))
    subprocess.run(["cargo", "build", "--release", "--bin", "sigma"], cwd=ROOT, env=env,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = subprocess.run(["cargo", "bench", "--no-run", "--message-format=json"], cwd=ROOT,
                         env=env, check=True, capture_output=True, text=True).stdout
    bins = {}
    for line in out.splitlines():
        m = json.loads(line)
        if m.get("reason") == "compiler-artifact" and m.get("executable"):
            bins[m["target"]["name"]] = m["executable"]
    bins["sigma"] = os.path.join(ROOT, "target", "release", "sigma")
    return bins


def shared(*args, **env):
    """A peer script of ../shared/bench, run in that directory."""
    return {"argv": list(args), "cwd": SHARED, "env": env}


def ours(*args, **env):
    """A peer script of bench/, run from the checkout's root."""
    return {"argv": list(args), "cwd": ROOT, "env": env}


def rows(b, long_rows):
    """(work, sigma command, {peer column: command}) for every row."""
    py = sys.executable
    # PARI's default stack (8 MB) is too small for H_(10^6); let it grow to 2 GB.
    gp = lambda script, **env: shared("gp", "-q", "-D", "parisizemax=2G", script, **env)  # noqa: E731
    gp_ours = lambda script, **env: ours("gp", "-q", "-D", "parisizemax=2G", script,  # noqa: E731
                                         SHARED_BENCH=SHARED, **env)
    r = []
    for name, n in [("expsin", 200), ("pisqrt2", 200)]:
        work = {"expsin": "exp(a·x)·sin x, symbolic a", "pisqrt2": "exp(√2·x)·sin(πx)"}[name]
        r.append((f"{work}, through x^{n}", ours(b["series"], "--sym", name, str(n)), {
            "PARI/GP": gp_ours("bench/symbolic.gp", F=name, N=str(n)),
            "SymPy": ours(py, "bench/symbolic_sympy.py", name, str(n), SHARED_BENCH=SHARED),
        }))
    w1 = [("expsin", 100), ("expsin", 1000), ("expsin", 1025), ("expsin", 2049),
          ("expsin", 2500), ("expsin", 3100), ("tan", 1000), ("fib", 1000), ("erf", 1000),
          ("tan", 5000)]
    if long_rows:
        w1 += [("expsin", 4100), ("expsin", 5000), ("expsin", 6200), ("expsin", 10000)]
    label = {"expsin": "exp(sin x)", "tan": "tan x", "fib": "1/(1 − x − x²)",
             "erf": "∫₀ˣ e^(−t²) dt"}
    for name, n in w1:
        peers = {"FLINT": shared(py, "w1_flint.py", name, str(n))}
        if name != "expsin" and n <= 1000:
            peers["PARI/GP"] = gp("w1.gp", F=name, N=str(n))
        r.append((f"{label[name]} through x^{n}", ours(b["series"], "--w1", name, str(n)), peers))
    for name, n, label_, fv, pv in [
        ("harm", 100000, "H_(10^5) exact", "builtin", "builtin"),
        ("harm", 1000000, "H_(10^6) exact", "builtin", "builtin"),
        ("geom", 10000, "Σ_{n≤10^4} (2/3)^n exact", "bsplit", "bsplit"),
        ("alt", 100000, "Σ_{n≤10^5} (−1)^(n+1)/n² exact", "bsplit", "builtin"),
    ]:
        r.append((label_, ours(b["sums"], "--w2", name, str(n)), {
            "FLINT": shared(py, "w2_flint.py", name, str(n), fv),
            "PARI/GP": gp("w2.gp", F=name, N=str(n), V=pv),
        }))
    for name, label_ in [("zeta32", "ζ(3/2), 1000 digits"),
                         ("ln2alt", "Σ(−1)^(n+1)/n, 1000 digits"),
                         ("erfhalf", "erf(1/2), 10⁴ digits"),
                         ("nexpn", "Σ n/eⁿ, 100 digits")]:
        r.append((label_, ours(b["core"], "--w3", name), {
            "FLINT": shared(py, "w3_flint.py", name),
            "PARI/GP": gp("w3.gp", F=name),
            # nsum's default (Richardson + Shanks) took 257 s on ln2alt; its 'alternating'
            # method 4.5 s.
            "mpmath": shared(py, "w3_mpmath.py", name,
                             *(["alternating"] if name == "ln2alt" else [])),
        }))
    r.append(("π, 10⁵ digits", ours(b["core"], "--w3", "pi"), {
        "FLINT": ours(py, "bench/w3_more_flint.py", "pi", "100000", SHARED_BENCH=SHARED),
        "PARI/GP": gp_ours("bench/w3_more.gp", F="pi", D="100000"),
    }))
    r.append(("erf(1/2), 1000 digits", ours(b["core"], "--w3", "erfhalf", "1000"), {
        "FLINT": ours(py, "bench/w3_more_flint.py", "erfhalf", "1000", SHARED_BENCH=SHARED),
        "PARI/GP": gp_ours("bench/w3_more.gp", F="erfhalf", D="1000"),
    }))
    r.append(("ζ(3/2), 10⁴ digits", ours(b["core"], "--w3", "zeta32", "10000"), {
        "FLINT": ours(py, "bench/w3_more_flint.py", "zeta32", "10000", SHARED_BENCH=SHARED),
    }))
    if long_rows:
        r.append(("Σ 1/n^(3/2) (sigma) vs ζ(3/2) (Arb), 20,000 digits",
                  ours(b["core"], "--w3", "zeta32sum", "20000"), {
                      "FLINT": ours(py, "bench/w3_more_flint.py", "zeta32", "20000",
                                    SHARED_BENCH=SHARED)}))
    r.append(("SSM kernel 2×2 exact, L = 16384", ours(b["kernel"], "--w4", "ssm2", "16384"), {
        "FLINT": shared(py, "w4_exact.py", "ssm2", "16384", "flint_int")}))
    r.append(("SSM kernel 16×16 exact, L = 256", ours(b["kernel"], "--w4", "ssm16", "256"), {
        "FLINT": shared(py, "w4_exact.py", "ssm16", "256", "flint_int"),
        "PARI/GP": gp("w4.gp", F="ssm16", L="256")}))
    for k in (256, 1024, 4096):
        r.append((f"16×16 exact A^{k}", ours(b["kernel"], "--matpow", str(k)), {
            "FLINT": ours(py, "bench/matpow_peers.py", str(k), "fmpz", SHARED_BENCH=SHARED),
            "PARI/GP": gp_ours("bench/matpow.gp", K=str(k))}))
    r.append(("SSM kernel 64×64 float64, L = 65536", ours(b["float_kernel"], "65536"), {
        "numpy": shared(py, "w4_numpy.py", "65536")}))
    ridge = ("all(s^2/(s^2 + λ) >= 4/5 for s in [10, 8, 4]) and all(s^2/(s^2 + λ) <= 1/2 "
             "for s in [1, 1/2, 9/25, 4/25, 1/100])")
    for case, src, label_ in [
        ("ridgepos", f"solve({ridge}, λ, λ > 0)", "purification system (SEEDS B3(c)), λ > 0"),
        ("ridge", f"solve({ridge}, λ)", "the same, λ real"),
        ("poly8", "solve(expand((x+3)*(x+2)*(2*x+1)*(3*x-1)*(x-1)*(2*x-3)*(2*x-5)*(x-4)) > 0, x)",
         "degree-8 p(x) > 0"),
    ]:
        # sigma has no in-process entry for solve: its whole process (start-up included) is
        # timed against SymPy's in-process reduce_inequalities, which favours SymPy.
        sig = {"argv": [b["sigma"], "-e", src], "cwd": ROOT, "env": {}, "whole": True}
        r.append((f"{label_} (sigma: whole process)", sig, {
            "SymPy": shared(py, "w5_sympy.py", case, "reduce")}))
    return r


def run(cmd):
    """(seconds, digest) of one INPROC/DIGEST run, or None when the command fails."""
    env = dict(os.environ)
    env.update(cmd["env"])
    if shutil.which(cmd["argv"][0]) is None and not os.path.exists(cmd["argv"][0]):
        return None
    try:
        t0 = time.perf_counter()
        p = subprocess.run(cmd["argv"], cwd=cmd["cwd"], env=env, capture_output=True,
                           text=True, timeout=600)
        wall = time.perf_counter() - t0
    except (OSError, subprocess.TimeoutExpired):
        return None
    if cmd.get("whole"):
        # A whole process: its wall time, and its answer (not in the peers' digest format).
        return (wall, None) if p.returncode == 0 else None
    t = d = None
    for line in p.stdout.splitlines():
        if line.startswith("INPROC "):
            t = float(line.split()[1])
        elif line.startswith("DIGEST "):
            d = line[len("DIGEST "):].strip()
    if p.returncode != 0 or t is None:
        return None
    return t, d


def startup(sigma, reps):
    """Median wall time of a whole `sigma -e 1` process over max(25, reps) runs."""
    ts = []
    for _ in range(max(25, reps)):
        t0 = time.perf_counter()
        subprocess.run([sigma, "-e", "1"], check=True, stdout=subprocess.DEVNULL)
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def fmt(t):
    if t is None:
        return "n/a"
    if t == 0:
        return "< 1 ms"
    return f"{t * 1000:.3g} ms" if t < 1 else f"{t:.3g} s"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--long", action="store_true")
    ap.add_argument("--only", nargs="*", default=[])
    a = ap.parse_args()
    if not os.path.exists(os.path.join(SHARED, "common.py")):
        sys.exit(f"cannot find the shared peer scripts in {SHARED} (set SHARED_BENCH)")
    print("building the bench binaries (release)...", file=sys.stderr)
    b = bench_binaries()
    if not os.path.exists(os.path.join(ROOT, "bench", "w4_float64.json")):
        subprocess.run([sys.executable, "bench/w4_float64.py", "bench/w4_float64.json"],
                       cwd=ROOT, check=True)
    table = [r for r in rows(b, a.long) if not a.only or any(s in r[0] for s in a.only)]
    columns = ["FLINT", "PARI/GP", "SymPy", "mpmath", "numpy"]
    used = [c for c in columns if any(c in peers for _, _, peers in table)]
    print("| work | sigma | " + " | ".join(used) + " | sigma / best peer | digests |")
    print("|---" * (len(used) + 4) + "|")
    for work, sig, peers in table:
        print(f"running: {work}", file=sys.stderr)
        times = {"sigma": [], **{p: [] for p in peers}}
        digests = {}
        for _ in range(a.reps):
            for who, cmd in [("sigma", sig), *peers.items()]:
                res = run(cmd)
                if res is not None:
                    times[who].append(res[0])
                    digests[who] = res[1]
        med = {w: statistics.median(ts) if ts else None for w, ts in times.items()}
        # PARI's clock counts whole milliseconds: a 0 is "under 1 ms" and is left out of the
        # ratio rather than divided by.
        best = min((t for w, t in med.items() if w != "sigma" and t), default=None)
        if best is None or med["sigma"] is None:
            ratio = "n/a"
        else:
            r = med["sigma"] / best
            ratio = f"{r:.2g}×" if r < 0.1 else f"{r:.2f}×"
        wrong = [w for w in peers if w in digests and digests[w] != digests.get("sigma")]
        check = "agree" if not wrong else "differ: " + ", ".join(wrong)
        if "sigma" not in digests:
            check = "sigma failed"
        elif digests["sigma"] is None:
            check = "not compared (tests/solve.rs checks the set)"
        cells = [fmt(med[c]) if c in peers else "—" for c in used]
        print(f"| {work} | {fmt(med['sigma'])} | " + " | ".join(cells) + f" | {ratio} | {check} |",
              flush=True)
    if not a.only or any("start-up" in s for s in a.only):
        cells = ["—"] * len(used)
        t = startup(b["sigma"], a.reps)
        print(f"| start-up of `sigma -e 1` (whole process) | {fmt(t)} | " + " | ".join(cells)
              + " | — | — |")


if __name__ == "__main__":
    main()
