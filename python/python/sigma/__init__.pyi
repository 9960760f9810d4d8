"""Type stubs for sigma (the extension module `sigma._sigma`, re-exported by `sigma`)."""

from decimal import Decimal
from fractions import Fraction
from typing import Any, Callable, List, Literal, Optional, Tuple, Union

__version__: str

#: What `Result.value` holds for one exact entry: a rational, or the exact expression's text.
Exact = Union[Fraction, str]

VerdictName = Literal[
    "converges_absolutely", "converges_conditionally", "diverges", "unknown"
]
TestName = Literal[
    "ratio", "root", "raabe", "gauss", "pseries", "alternating", "comparison", "integral",
    "nth_term", "telescoping", "geometric", "dirichlet",
]

class SigmaError(Exception):
    """A statement sigma could not evaluate; `str(e)` is the rendered diagnostic (caret)."""

    message: str
    """The first diagnostic's headline (`division by zero`)."""
    span: Optional[Tuple[int, int]]
    """Its (start, end) byte offsets in the evaluated source, or None."""
    help: Optional[str]
    """Its suggestion, or None."""
    messages: List[str]
    """The headlines of every diagnostic."""
    results: List["Result"]
    """The results of the statements before the failed one (their bindings are undone)."""

class Interval:
    """One interval of a set of reals (a `solve` answer, an interval of convergence)."""

    lo: str
    """The lower endpoint as sigma text (`-oo` when unbounded)."""
    hi: str
    """The upper endpoint as sigma text (`oo` when unbounded)."""
    lo_closed: Optional[bool]
    """Whether `lo` belongs to the set; None when not decided."""
    hi_closed: Optional[bool]
    """Whether `hi` belongs to the set; None when not decided."""
    lo_verdict: Optional[VerdictName]
    """For an interval of convergence: the verdict at `lo`."""
    hi_verdict: Optional[VerdictName]
    """For an interval of convergence: the verdict at `hi`."""
    lo_value: Exact
    """`lo` as a Fraction when rational, else its text."""
    hi_value: Exact
    """`hi` as a Fraction when rational, else its text."""

class Result:
    """One statement's result."""

    @property
    def value(self) -> Any:
        """Fraction (exact rational), bool, Decimal (certified digits), list (vector) or list
        of lists (matrix) of those, float / numpy array (float64), else the exact text."""
    @property
    def text(self) -> str:
        """The result as the REPL prints it."""
    @property
    def latex(self) -> str:
        """LaTeX math mode, without delimiters."""
    @property
    def steps(self) -> List[str]:
        """The derivation, one line per step: claim, then the reason in brackets."""
    @property
    def conditions(self) -> List[str]:
        """What the value holds under (e.g. `|r| < 1`)."""
    @property
    def approximate(self) -> bool:
        """Whether the value is an approximation."""
    @property
    def kind(self) -> str:
        """`number`, `expression`, `approximation`, `boolean`, `vector`, `matrix`, `series`,
        `verdict`, `test_report`, `limit`, `interval_set`, `general_term`, `plot`, …"""
    @property
    def name(self) -> Optional[str]:
        """The bound name of a binding or definition."""
    @property
    def input(self) -> str:
        """The statement as written."""
    @property
    def verdict(self) -> Optional[VerdictName]:
        """A convergence verdict's kind."""
    @property
    def test(self) -> Optional[TestName]:
        """The deciding test of a verdict, or the test a test report ran."""
    @property
    def finding(self) -> Optional[str]:
        """What a test report found."""
    @property
    def quantity(self) -> Optional[str]:
        """The quantity the test computed (the ratio test's limit), as exact text."""
    @property
    def quantity_name(self) -> Optional[str]:
        """What that quantity is (`lim |a(n+1)/a(n)|`)."""
    @property
    def intervals(self) -> Optional[List[Interval]]:
        """The intervals of an interval set, in increasing order."""
    @property
    def variable(self) -> Optional[str]:
        """The variable of an interval set or series."""
    @property
    def coefficients(self) -> Optional[List[Exact]]:
        """A series' coefficients c_0 … c_(n-1)."""
    @property
    def center(self) -> Optional[Exact]:
        """A series' centre."""
    @property
    def limit(self) -> Optional[Literal["does_not_exist", "unknown", "value"]]:
        """For a limit that is not a value: why."""
    @property
    def form(self) -> Optional[Literal["formula", "polynomial", "recurrence", "unknown"]]:
        """A general term's form."""
    @property
    def pieces(self) -> Optional[List[Tuple[str, str, int]]]:
        """A general term formula's pieces: (term, index, start)."""
    @property
    def steps_markdown(self) -> str:
        """The derivation as a numbered Markdown list ("" when there are no steps)."""
    @property
    def printed(self) -> bool:
        """False for a statement ended with `;` (the REPL does not print it)."""
    def render(
        self, format: Literal["text", "markdown", "latex", "json"] = "text", steps: bool = False
    ) -> str:
        """The result as `sigma --format FORMAT` writes it, with its steps when `steps`."""
    def to_json(self) -> str:
        """The statement object of sigma's JSON output."""
    def _repr_latex_(self) -> Optional[str]: ...
    def _repr_svg_(self) -> Optional[str]: ...

class Session:
    """A sigma session; bindings persist across `eval` calls."""

    def __init__(self) -> None: ...
    def eval(self, src: str) -> Result:
        """Runs every statement of `src`; returns the last one's result."""
    def run_all(self, src: str) -> List[Result]:
        """Runs every statement of `src`; returns all their results."""
    def stream(self, src: str, on_result: Callable[[Result], Any]) -> None:
        """Runs every statement of `src`, calling `on_result` with each result as it is known."""
    def command(self, line: str, width: int = 80) -> str:
        """Runs a REPL `:` command (`:help NAME`, `:digits D`, `:steps on`, `:vars`, …)."""
    def complete(self, code: str, cursor: int) -> Tuple[int, List[str]]:
        """Completions of the name before character offset `cursor`: (its start, candidates)."""
    def inspect(self, code: str, cursor: int) -> Optional[str]:
        """What `:help` says of the name at character offset `cursor`, or None."""
    steps: bool
    """Whether derivation steps are shown (`:steps on`)."""
    def names(self) -> List[str]:
        """The bound names, sorted."""
    def clear(self) -> None:
        """Forgets every binding and assumption."""

def is_incomplete(src: str) -> bool:
    """Whether `src` ends inside open brackets (more lines are needed)."""

def set_max_memory(size: Union[str, int, None]) -> None:
    """Sets the memory budget of every session (`"2G"`, bytes, or None for no budget)."""

def max_memory() -> Optional[int]:
    """The memory budget in bytes, or None."""

def memory_in_use() -> int:
    """The bytes sigma (with GMP and MPFR) has allocated and not yet freed."""

def to_source(x: Union[Fraction, int, bool, Decimal, str]) -> str:
    """Writes a Python value as sigma source for the same exact value."""
