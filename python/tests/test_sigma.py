"""Tests of the sigma Python package: every typed result kind, the error path, bindings,
round trips between Fraction and sigma rationals, JSON and LaTeX, and Ctrl-C."""

import json
import os
import signal
import threading
import time
from decimal import Decimal
from fractions import Fraction

import pytest

import sigma


@pytest.fixture
def s():
    return sigma.Session()


def test_exact_arithmetic(s):
    r = s.eval("1/3 + 1/6")
    assert r.value == Fraction(1, 2)
    assert isinstance(r.value, Fraction)
    assert r.kind == "number"
    assert r.text == "1/2"
    assert str(r) == repr(r) == "1/2"
    assert r.latex == r"\frac{1}{2}"
    assert r.approximate is False
    assert r.conditions == []


def test_large_integers_are_exact(s):
    # More than Python's 4300-digit limit on decimal string conversion.
    r = s.eval("3000!")
    import math

    assert r.value == Fraction(math.factorial(3000))


def test_symbolic_value_is_its_exact_text(s):
    r = s.eval("sqrt(8) + 1/4")
    assert r.kind == "expression"
    assert r.value == "1/4 + 2*sqrt(2)"
    # The text reads back to the same value.
    assert s.eval(r.value).value == r.value


def test_bindings_persist(s):
    r = s.eval("x = 1/3 + 1/6")
    assert r.name == "x" and r.text == "x = 1/2" and r.value == Fraction(1, 2)
    assert s.eval("x/3").value == Fraction(1, 6)
    s.eval("f(t) = t^2 + 1")
    assert s.eval("f(x)").value == Fraction(5, 4)
    assert s.names() == ["f", "x"]
    # Several statements: the last one's result.
    assert s.eval("a = 2\nb = 3\na*b + x").value == Fraction(13, 2)


def test_fraction_round_trip(s):
    for q in [Fraction(1, 3), Fraction(-22, 7), Fraction(10**40 + 1, 3**50), Fraction(5)]:
        r = s.eval(f"q = {sigma.to_source(q)}")
        assert r.value == q
        assert s.eval("q").value == q
        # and back through sigma's own text
        assert s.eval(sigma.to_source(Fraction(r.value))).value == q
    assert s.eval(f"{sigma.to_source(Decimal('0.95'))}^2").value == Fraction(361, 400)


def test_booleans(s):
    r = s.eval("pi > 3 and pi < 22/7")
    assert r.value is True and r.kind == "boolean"


def test_vectors_and_matrices(s):
    s.eval("A = [[0.7, 0.1], [0.2, 0.6]]")
    assert s.eval("A").value == [
        [Fraction(7, 10), Fraction(1, 10)],
        [Fraction(1, 5), Fraction(3, 5)],
    ]
    r = s.eval("A^2 * [1, 0]")
    assert r.kind == "vector"
    assert r.value == [Fraction(51, 100), Fraction(13, 50)]
    assert s.eval("[1, sqrt(2)]").value == [Fraction(1), "sqrt(2)"]


def test_series_and_coefficients(s):
    r = s.eval("maclaurin(sin(x)/x, x, 4)")
    assert r.kind == "series"
    assert r.text == "1 - x^2/6 + x^4/120 + O(x^5)"
    assert r.coefficients == [1, 0, Fraction(-1, 6), 0, Fraction(1, 120)]
    assert all(isinstance(c, Fraction) for c in r.coefficients)
    assert r.variable == "x" and r.center == 0
    r = s.eval("taylor(ln(x), x, 1, 3)")
    assert r.center == 1
    assert r.coefficients == [0, 1, Fraction(-1, 2), Fraction(1, 3)]
    r = s.eval("maclaurin(exp(a*x), x, 3)")
    assert r.coefficients == [1, "a", "a^2/2", "a^3/6"]


def test_convergence_verdict(s):
    r = s.eval("converges(sum(n/e^n, n, 1, oo))")
    assert r.kind == "verdict"
    assert r.verdict == "converges_absolutely"
    assert r.test == "ratio"
    assert r.quantity == "exp(-1)"
    assert r.quantity_name == "lim |a(n+1)/a(n)|"
    r = s.eval("converges(sum((-1)^n/n, n, 1, oo))")
    assert r.verdict == "converges_conditionally"
    r = s.eval("converges(sum(1/n, n, 1, oo))")
    assert r.verdict == "diverges"
    assert s.eval("1 + 1").verdict is None


def test_interval_of_convergence(s):
    r = s.eval("interval(sum((-1)^n*x^n/n, n, 1, oo), x)")
    assert r.kind == "interval_set"
    assert r.variable == "x"
    [i] = r.intervals
    assert (i.lo, i.hi) == ("-1", "1")
    assert (i.lo_value, i.hi_value) == (-1, 1)
    assert i.lo_closed is False and i.hi_closed is True
    assert i.lo_verdict == "diverges"
    assert i.hi_verdict == "converges_conditionally"
    assert repr(i) == "Interval((-1, 1])"


def test_solve(s):
    r = s.eval("solve(x^2 - 4 > 0, x)")
    assert r.text == "(-oo, -2) ∪ (2, oo)"
    lo, hi = r.intervals
    assert (lo.lo, lo.hi, lo.lo_closed, lo.hi_closed) == ("-oo", "-2", False, False)
    assert (hi.lo, hi.hi, hi.lo_closed, hi.hi_closed) == ("2", "oo", False, False)
    r = s.eval("solve((x - 1)/(x + 2) >= 0, x)")
    assert [(i.lo, i.lo_closed, i.hi, i.hi_closed) for i in r.intervals] == [
        ("-oo", False, "-2", False),
        ("1", True, "oo", False),
    ]
    r = s.eval("solve(x^2 = 2, x)")
    assert [(i.lo, i.hi, i.lo_closed, i.hi_closed) for i in r.intervals] == [
        ("-sqrt(2)", "-sqrt(2)", True, True),
        ("sqrt(2)", "sqrt(2)", True, True),
    ]


def test_test_report(s):
    r = s.eval("test(sum(n/e^n, n, 1, oo), root)")
    assert r.kind == "test_report"
    assert (r.test, r.finding, r.quantity) == ("root", "converges_absolutely", "exp(-1)")
    r = s.eval("test(sum(1/n^2, n, 1, oo), ratio)")
    assert (r.test, r.finding, r.quantity) == ("ratio", "inconclusive", "1")
    assert r.verdict is None


def test_limits(s):
    assert s.eval("limit((1 + 1/n)^n, n, oo)").value == "e"
    r = s.eval("limit(sin(n), n, oo)")
    assert r.kind == "limit" and r.limit == "does_not_exist"
    assert r.value.startswith("does not exist: ")


def test_general_term(s):
    r = s.eval("term(lambertw(x), x, n)")
    assert r.kind == "general_term" and r.form == "formula"
    assert r.pieces == [("(-1)^(n - 1)*n^(n - 1)*x^n/n!", "n", 1)]
    assert s.eval("term(2^x*sin(x), x, n)").form == "unknown"


def test_float64_values(s):
    r = s.eval("float([[1, 2], [3, 4]])")
    assert r.approximate is True
    try:
        import numpy
    except ImportError:
        assert r.value == [[1.0, 2.0], [3.0, 4.0]]
    else:
        assert isinstance(r.value, numpy.ndarray) and r.value.shape == (2, 2)
        assert r.value.tolist() == [[1.0, 2.0], [3.0, 4.0]]
    r = s.eval("N([pi, 1/3], 10)")
    assert r.kind == "approximate_vector"
    assert r.value == [Decimal("3.141592654"), Decimal("0.3333333333")]


def test_float64_values_as_numpy_arrays(s):
    # Under CI numpy is installed and this must run (SIGMA_REQUIRE_EXTRAS=1).
    if os.environ.get("SIGMA_REQUIRE_EXTRAS") != "1":
        pytest.importorskip("numpy")
    import numpy as np

    a = s.eval("A = float([[0.7, 0.1], [0.2, 0.6]])").value
    assert a.dtype == np.float64 and a.tolist() == [[0.7, 0.1], [0.2, 0.6]]
    v = s.eval("A*[1, 2]").value
    assert v.dtype == np.float64 and np.allclose(v, [0.9, 1.4], rtol=0, atol=1e-15)
    # Eigenvalues 4/5 and 1/2 (the characteristic polynomial is (t - 4/5)(t - 1/2)).
    ev = s.eval("eigenvalues(A)").value
    assert np.allclose(sorted(ev), [0.5, 0.8], rtol=0, atol=1e-14)
    # A complex pair 7/40 ± i·√7/40 (SEEDS A9's A has the same eigenvalues).
    z = s.eval("eigenvalues(float([[7/40, -7/40], [1/40, 7/40]]))").value
    assert z.dtype == np.complex128
    assert np.allclose(sorted(z, key=lambda c: c.imag), [7 / 40 - 7**0.5 / 40 * 1j, 7 / 40 + 7**0.5 / 40 * 1j])
    # Singular values √45 and √5 of [[3, 0], [4, 5]]; least squares through (0,1), (1,2), (2,4).
    assert np.allclose(s.eval("svd([[3, 0], [4, 5]])").value, [45**0.5, 5**0.5])
    assert np.allclose(s.eval("lstsq([[1, 0], [1, 1], [1, 2]], [1, 2, 4])").value, [5 / 6, 3 / 2])
    # A scalar stays a Python float.
    assert isinstance(s.eval("norm(A, 1)").value, float)


def test_relations_and_definitions(s):
    r = s.eval("x > 2 and y < 1")
    assert r.kind == "relation" and r.value == "x > 2 and y < 1"
    r = s.eval("f(x) = x^2")
    assert (r.kind, r.name, r.value) == ("function", "f", "f(x) = x^2")


def test_approximation(s):
    r = s.eval("N(pi, 30)")
    assert r.approximate is True
    assert r.kind == "approximation"
    assert r.value == Decimal("3.14159265358979323846264338328")
    assert r.text == "≈ 3.14159265358979323846264338328"


def test_steps_and_conditions(s):
    r = s.eval("sum(r^n, n, 0, oo)")
    assert r.value == "-1/(r - 1)"
    assert r.conditions == ["|r| < 1"]
    assert r.text == "-1/(r - 1)  (valid for |r| < 1)"
    assert r.steps, "a geometric sum shows its derivation"
    assert all(isinstance(x, str) and x.endswith("]") for x in r.steps)


def test_to_json(s):
    r = s.eval("converges(sum(n/e^n, n, 1, oo))")
    j = json.loads(r.to_json())
    assert j["kind"] == "verdict"
    assert j["verdict"] == "converges_absolutely"
    assert j["test"] == "ratio"
    assert j["quantity"]["value"]["text"] == "exp(-1)"
    j = json.loads(s.eval("N(pi, 20)").to_json())
    assert j["approximate"] is True and j["text"] == "≈ 3.1415926535897932385"


def test_repr_latex(s):
    assert s.eval("1/3 + 1/6")._repr_latex_() == r"$$\frac{1}{2}$$"
    latex = s.eval("sum(r^n, n, 0, oo)")._repr_latex_()
    assert latex.startswith("$$") and latex.endswith("$$") and "valid for" in latex
    assert s.eval("x = 1/2")._repr_latex_() == r"$$x = \frac{1}{2}$$"


def test_plot_svg(s):
    r = s.eval("plot(sin(x), x, 0, 3)")
    assert r.kind == "plot"
    assert r._repr_latex_() is None
    assert r._repr_svg_().lstrip().startswith("<svg")
    assert s.eval("1")._repr_svg_() is None


def test_error_has_caret_and_span(s):
    with pytest.raises(sigma.SigmaError) as info:
        s.eval("1 + 1/0")
    e = info.value
    assert e.message == "division by zero"
    assert e.span == (4, 7)
    assert str(e).startswith("error: division by zero")
    assert "<input>:1:5" in str(e)
    assert "^^^" in str(e)
    assert isinstance(e, Exception)


def test_failed_statement_keeps_the_bindings(s):
    s.eval("z = 5")
    with pytest.raises(sigma.SigmaError):
        s.eval("z = 7\n1/0")
    assert s.eval("z").value == 5


def test_parse_error_and_empty_source(s):
    with pytest.raises(sigma.SigmaError) as info:
        s.eval("1 +")
    assert info.value.span is not None
    with pytest.raises(sigma.SigmaError) as info:
        s.eval("")
    assert info.value.span is None


def test_interrupt_keeps_the_session(s):
    # N(zeta(3/2), 60000) runs for minutes; Ctrl-C arrives after half a second.
    s.eval("y = 41")
    ticks = []
    stop = threading.Event()

    def tick():
        # Python code that runs while sigma computes: the GIL is released.
        while not stop.is_set():
            ticks.append(1)
            time.sleep(0.01)

    ticker = threading.Thread(target=tick)
    timer = threading.Timer(0.5, signal.raise_signal, (signal.SIGINT,))
    start = time.monotonic()
    ticker.start()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            s.eval("N(zeta(3/2), 60000)")
    finally:
        timer.cancel()
        stop.set()
        ticker.join()
    elapsed = time.monotonic() - start
    assert elapsed < 10, f"the interrupt took {elapsed:.1f} s"  # the computation runs minutes
    assert len(ticks) >= 10, f"only {len(ticks)} ticks: was the GIL held?"
    # The session survives with its bindings, and the next computation is not stopped.
    assert s.eval("1 + 1").value == 2
    assert s.eval("y + 1").value == 42
    assert s.eval("N(pi, 10)").value == Decimal("3.141592654")


def test_memory_budget_stops_a_statement_and_keeps_the_session(s):
    # The default budget is the command line's: half the physical memory, at most 4 GiB.
    default = sigma.max_memory()
    assert default is not None and 0 < default <= 4 << 30
    s.eval("kept = 7")
    try:
        sigma.set_max_memory("48M")
        assert sigma.max_memory() == 48 << 20
        with pytest.raises(sigma.SigmaError) as e:
            s.eval("coeff(exp(sin(x)), x, 6000)")
        assert e.value.message == "stopped: memory budget of 48 MiB exceeded (sigma.set_max_memory)"
        assert 'sigma.set_max_memory("8G")' in e.value.help
        # The session survives, and the memory of the stopped statement is returned.
        assert s.eval("kept + 1").value == 8
        assert sigma.memory_in_use() < 48 << 20
        with pytest.raises(ValueError):
            sigma.set_max_memory("12Q")
        with pytest.raises(ValueError):
            sigma.set_max_memory(0)
        sigma.set_max_memory(None)
        assert sigma.max_memory() is None
    finally:
        sigma.set_max_memory(default)
    assert sigma.max_memory() == default


def test_memory_in_use_counts_gmp(s):
    # 3^(10^7) has 15,849,626 bits: 1,981,204 bytes of GMP limbs, freed with the binding.
    s.eval("big = 3^(10^7)")
    held = sigma.memory_in_use()
    s.clear()
    assert 1_981_204 <= held - sigma.memory_in_use() < 2_100_000
