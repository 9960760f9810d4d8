"""Tests of the sigma Jupyter kernel: the example notebook (SEEDS A1-A10) executed headlessly
with its exact answers as LaTeX and its plots as SVG, and the kernel protocol (displays,
`:steps on`, errors with their caret, completion, inspection, is_complete, interrupt).

They need ipykernel, jupyter_client and nbclient. Without them the tests are skipped, except
under CI (`SIGMA_REQUIRE_EXTRAS=1`, set by `.ci/run`), where a missing package fails them.
"""

import json
import os
import queue
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

if os.environ.get("SIGMA_REQUIRE_EXTRAS") != "1":
    for module in ("ipykernel", "jupyter_client", "nbclient", "nbformat"):
        pytest.importorskip(module)

import nbformat  # noqa: E402
from jupyter_client.manager import start_new_kernel  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "notebook.ipynb"
SCRIPT = ROOT / "examples" / "seeds_notebook.sigma"
TITLE = "Series and Sequences (SEEDS A1–A10) in sigma"


@pytest.fixture(scope="module")
def kernelspec(tmp_path_factory):
    """The sigma kernelspec installed under a temporary prefix found through JUPYTER_PATH,
    by the command the README gives (with --prefix instead of --user)."""
    prefix = tmp_path_factory.mktemp("jupyter")
    subprocess.run(
        [sys.executable, "-m", "sigma.kernel", "install", "--prefix", str(prefix)], check=True
    )
    spec = json.loads((prefix / "share/jupyter/kernels/sigma/kernel.json").read_text())
    assert spec["argv"][:3] == [sys.executable, "-m", "sigma.kernel"]
    assert spec["language"] == "sigma" and spec["interrupt_mode"] == "signal"
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = str(prefix / "share/jupyter")
    yield prefix
    if old is None:
        del os.environ["JUPYTER_PATH"]
    else:
        os.environ["JUPYTER_PATH"] = old


# -- the example notebook ------------------------------------------------------------------------


def test_notebook_is_the_conversion_of_its_script():
    # examples/notebook.ipynb is written by `python -m sigma.notebook` from the script that
    # `sigma run` checks; they must not drift apart.
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "sigma.notebook",
            "examples/seeds_notebook.sigma",
            "-o",
            "examples/notebook.ipynb",
            "--title",
            TITLE,
            "--check",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "sigma"
    assert all(c.get("outputs", []) == [] for c in nb.cells)


def outputs(nb):
    """Every display of every code cell, in order, as (source, data) pairs."""
    found = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.outputs:
            assert out.output_type != "error", f"{cell.source}: {out}"
            if out.output_type == "display_data":
                found.append((cell.source, out.data))
    return found


# Exact answers of SEEDS A1-A10 (../shared/problems/SEEDS.md), as text and as LaTeX.
EXPECTED = [
    ("3", r"$$3$$"),  # A1(a)
    (
        "S100 = 1546132562196033990574082188840405015112916155251/"
        "515377520732011331036461129765621272702107522001",
        r"$$S_{100} = \frac{1546132562196033990574082188840405015112916155251}"
        r"{515377520732011331036461129765621272702107522001}$$",
    ),  # A1(b): 3(1 - (2/3)^101)
    ("≈ 4.919e-18", r"$$\approx 4.919 \times 10^{-18}$$"),  # A1(b): 3 - S_100
    ("20", r"$$20$$"),  # A1(c)
    ("4/5", r"$$\frac{4}{5}$$"),  # A1(d)
    (
        "converges absolutely — p-series with p = 3/2 > 1",
        r"$$\text{converges absolutely — p-series with p = }\frac{3}{2} > 1$$",
    ),  # A2(a)
    (
        "converges absolutely — ratio test: lim |a(n+1)/a(n)| = exp(-1) < 1",
        r"$$\text{converges absolutely — ratio test: }\lim_{n\to\infty} "
        r"\left|\frac{a(n+1)}{a(n)}\right| = e^{-1} < 1$$",
    ),  # A2(b)
    ("≈ 2.6123753486854883433", r"$$\approx 2.6123753486854883433$$"),  # A2(a): ζ(3/2)
    ("0", r"$$0$$"),  # A3(c)
    ("(-1)^n*x^n/n!", r"$$\frac{\left(-1\right)^{n} x^{n}}{n!}$$"),  # A4(a)
    ("x^(2*n)/n!", r"$$\frac{x^{2 n}}{n!}$$"),  # A4(b)
    (
        "(-1)^n*x^(1 + 2*n)/(n!*(1 + 2*n))",
        r"$$\frac{\left(-1\right)^{n} x^{1 + 2 n}}{n! \left(1 + 2 n\right)}$$",
    ),  # A4(c)
    ("7", r"$$7$$"),  # A4(d)
    (
        "T4 = x - x^2/2 + x^3/3 - x^4/4",
        r"$$T_{4} = x - \frac{x^{2}}{2} + \frac{x^{3}}{3} - \frac{x^{4}}{4}$$",
    ),  # A5(a)
    ("B = 1/15625", r"$$B = \frac{1}{15625}$$"),  # A5(b)
    ("9", r"$$9$$"),  # A5(d)
    ("1 - b^t", r"$$1 - b^{t}$$"),  # A8(a)
    ("40951/100000", r"$$\frac{40951}{100000}$$"),  # A8(b)
    ("6513215599/10000000000", r"$$\frac{6513215599}{10000000000}$$"),  # A8(b)
    (
        "E = [[170/137, 10/137], [-20/137, 160/137]]",
        r"$$E = \begin{bmatrix} \frac{170}{137} & \frac{10}{137} \\ "
        r"-\frac{20}{137} & \frac{160}{137} \end{bmatrix}$$",
    ),  # A9: (I - A)^-1
    ("sqrt(14)/20", r"$$\frac{\sqrt{14}}{20}$$"),  # A9: ρ(A) = √(7/200)
]


def check_executed(nb):
    """The executed notebook shows every exact answer as LaTeX beside its text, the
    conditionally convergent and divergent verdicts and the A3 intervals, and one SVG per
    plot statement of the script."""
    shown = outputs(nb)
    pairs = [(d.get("text/plain"), d.get("text/latex")) for _, d in shown]
    for text, latex in EXPECTED:
        assert (text, latex) in pairs, f"missing {text!r} / {latex!r}"
    texts = [t for t, _ in pairs]
    assert any(t.startswith("converges conditionally — alternating series test") for t in texts)
    assert any(t.startswith("diverges — ratio test: lim |a(n+1)/a(n)| = oo > 1") for t in texts)
    assert any(t.startswith("(-3, 3); x = -3: diverges") for t in texts)
    assert any(t.startswith("(-1, 1]; x = -1: diverges") for t in texts)
    # Every result that is not a plot has LaTeX.
    for source, data in shown:
        assert "text/latex" in data or "image/svg+xml" in data, f"{source}: {data}"
    plots = [d["image/svg+xml"] for _, d in shown if "image/svg+xml" in d]
    expected_plots = sum(" = plot(" in line for line in SCRIPT.read_text().splitlines())
    assert expected_plots == 7 and len(plots) == expected_plots
    for svg in plots:
        root = ET.fromstring(svg)
        assert root.tag.endswith("svg")
        # Each plot draws curves or points, not just its frame.
        drawn = [e for e in root.iter() if e.tag.split("}")[-1] in ("polyline", "path", "circle")]
        assert len(drawn) >= 2


def test_notebook_executes_with_latex_and_svg(kernelspec):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, kernel_name="sigma", timeout=300, resources={"metadata": {}}).execute()
    check_executed(nb)


def test_nbconvert_output_when_given():
    # `.ci/run` executes the notebook with `jupyter nbconvert --execute` (the command the
    # README gives) and points SIGMA_EXECUTED_NOTEBOOK at the result.
    path = os.environ.get("SIGMA_EXECUTED_NOTEBOOK")
    if not path:
        pytest.skip("SIGMA_EXECUTED_NOTEBOOK is not set")
    check_executed(nbformat.read(path, as_version=4))


# -- the kernel protocol -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kernel(kernelspec):
    km, kc = start_new_kernel(kernel_name="sigma", startup_timeout=60)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def run(kc, code, timeout=30):
    """Executes `code`; returns the reply's content and the iopub messages it caused.

    `stop_on_error=False`: after an error reply, ipykernel aborts the execute requests that
    reach it before its "stop aborting" marker does, and a request sent the moment the error
    reply arrives can win that race on a loaded machine (CI saw it once). A notebook queues
    cells ahead of time, so aborting them is right there; these tests send one at a time."""
    msg_id = kc.execute(code, stop_on_error=False)
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    msgs = []
    while True:
        try:
            msg = kc.get_iopub_msg(timeout=5)
        except queue.Empty:
            break
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        msgs.append(msg)
    return reply["content"], msgs


def displays(msgs):
    return [m["content"]["data"] for m in msgs if m["msg_type"] == "display_data"]


def test_kernel_info(kernel):
    _, kc = kernel
    kc.kernel_info()
    info = kc.get_shell_msg(timeout=10)["content"]
    assert info["implementation"] == "sigma"
    assert info["language_info"]["name"] == "sigma"
    assert info["language_info"]["file_extension"] == ".sigma"


def test_results_are_latex_and_bindings_persist(kernel):
    _, kc = kernel
    reply, msgs = run(kc, "x = 1/3 + 1/6")
    assert reply["status"] == "ok"
    assert displays(msgs) == [{"text/plain": "x = 1/2", "text/latex": r"$$x = \frac{1}{2}$$"}]
    reply, msgs = run(kc, "x + 1\ny = x^2;\ny")
    # One display per printed statement; `;` keeps one quiet.
    assert [d["text/latex"] for d in displays(msgs)] == [r"$$\frac{3}{2}$$", r"$$\frac{1}{4}$$"]


def test_steps_on_adds_the_derivation(kernel):
    _, kc = kernel
    reply, msgs = run(kc, ":steps on\nconverges(sum(n/e^n, n, 1, oo))\n:steps off")
    assert reply["status"] == "ok"
    streams = [m["content"]["text"] for m in msgs if m["msg_type"] == "stream"]
    assert streams == ["steps: on\n", "steps: off\n"]
    (data,) = displays(msgs)
    assert data["text/plain"].startswith("converges absolutely — ratio test")
    assert "1. lim a(n) = 0  [the nth-term test is inconclusive" in data["text/plain"]
    md = data["text/markdown"]
    assert md.startswith(data["text/latex"] + "\n\n1. $")
    assert "leading asymptotic behaviour" in md
    # Off again: no steps.
    _, msgs = run(kc, "converges(sum(n/e^n, n, 1, oo))")
    assert "text/markdown" not in displays(msgs)[0]


def test_plot_is_svg(kernel):
    _, kc = kernel
    _, msgs = run(kc, "plot(sin(x), x, 0, 3)")
    (data,) = displays(msgs)
    assert ET.fromstring(data["image/svg+xml"]).tag.endswith("svg")
    assert "text/latex" not in data


def test_error_shows_the_caret_and_keeps_bindings(kernel):
    _, kc = kernel
    run(kc, "z = 5")
    # A syntax error: nothing in the cell runs.
    reply, msgs = run(kc, "z = 7\nw = 1 +* 2")
    assert reply["status"] == "error" and reply["ename"] == "SigmaError"
    (err,) = [m["content"] for m in msgs if m["msg_type"] == "error"]
    assert err["traceback"][0].startswith("error")
    assert err["traceback"][0] == "error: expected an expression, found `*`"
    assert "│ w = 1 +* 2" in err["traceback"][3]
    # The caret is under the `*` (column 8 of the cell's second line).
    assert err["traceback"][4].endswith("│        ^ unexpected `*`")
    assert displays(msgs) == []
    # An error while running: the statements before it were shown, once, and the cell's
    # bindings are undone.
    reply, msgs = run(kc, "z = 7\nw = 1/0")
    assert reply["status"] == "error" and "division by zero" in reply["evalue"]
    assert displays(msgs) == [{"text/plain": "z = 7", "text/latex": "$$z = 7$$"}]
    _, msgs = run(kc, "z")
    assert displays(msgs)[0]["text/plain"] == "5"
    reply, msgs = run(kc, ":nosuch")
    assert reply["status"] == "error" and "unknown command `:nosuch`" in reply["evalue"]


def test_complete_and_inspect(kernel):
    _, kc = kernel
    run(kc, "convergents_mine = 3")
    kc.complete("converges(sum(1/n^2, n, 1, oo)) + conv", 38)
    c = kc.get_shell_msg(timeout=10)["content"]
    assert c["cursor_start"] == 34 and c["cursor_end"] == 38
    assert "converges" in c["matches"] and "convergents_mine" in c["matches"]
    # Character offsets, not bytes: `λ` is two bytes.
    kc.complete("λ + spec", 8)
    c = kc.get_shell_msg(timeout=10)["content"]
    assert c["cursor_start"] == 4 and c["matches"] == ["spectral_radius"]
    kc.complete(":ste", 4)
    assert kc.get_shell_msg(timeout=10)["content"]["matches"] == [":steps"]
    kc.inspect("converges(sum(1/n^2, n, 1, oo))", 3)
    c = kc.get_shell_msg(timeout=10)["content"]
    assert c["found"] and c["data"]["text/plain"].startswith("converges(")
    assert "example:" in c["data"]["text/plain"]
    # `name?` on a line of its own, as in IPython.
    reply, msgs = run(kc, "lambertw?")
    (out,) = [m["content"]["text"] for m in msgs if m["msg_type"] == "stream"]
    assert reply["status"] == "ok" and out.startswith("lambertw(x)\n")
    kc.inspect("1 + 2", 1)
    assert kc.get_shell_msg(timeout=10)["content"]["found"] is False


def test_is_complete(kernel):
    _, kc = kernel
    kc.is_complete("sum(1/n^2, n,")
    assert kc.get_shell_msg(timeout=10)["content"]["status"] == "incomplete"
    kc.is_complete("sum(1/n^2, n, 1, oo)")
    assert kc.get_shell_msg(timeout=10)["content"]["status"] == "complete"


def test_memory_budget_stops_a_statement_and_keeps_the_session(kernel):
    _, kc = kernel
    run(kc, "kept2 = 3")
    reply, msgs = run(kc, ":memory 48M\ncoeff(exp(sin(x)), x, 6000)", timeout=60)
    assert reply["status"] == "error"
    assert reply["evalue"] == "stopped: memory budget of 48 MiB exceeded (:memory)"
    assert any("(e.g. :memory 8G)" in line for line in reply["traceback"])
    (out,) = [m["content"]["text"] for m in msgs if m["msg_type"] == "stream"]
    assert out.startswith("memory: ") and out.endswith(" in use, budget 48 MiB\n")
    reply, msgs = run(kc, ":memory 4G\nkept2 + 1")
    assert reply["status"] == "ok"
    assert displays(msgs)[0]["text/plain"] == "4"


def test_interrupt_keeps_the_session(kernel):
    km, kc = kernel
    run(kc, "kept = 11")
    msg_id = kc.execute("N(zeta(3/2), 60000)", stop_on_error=False)  # see `run`
    # The signal must arrive while the cell runs (between cells the kernel ignores SIGINT):
    # wait until the kernel announces it (execute_input), then let the computation start.
    while True:
        msg = kc.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            break
    time.sleep(1.0)
    start = time.monotonic()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=30)
    assert time.monotonic() - start < 10
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    reply, msgs = run(kc, "kept + 1")
    assert reply["status"] == "ok"
    assert displays(msgs)[0]["text/plain"] == "12"
