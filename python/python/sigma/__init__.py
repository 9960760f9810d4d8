"""sigma: a symbolic-numeric computer algebra engine for series and sequences.

Exact answers with their steps, verdicts that name their test, certified digits::

    >>> import sigma
    >>> s = sigma.Session()
    >>> s.eval("1/3 + 1/6").value
    Fraction(1, 2)
    >>> r = s.eval("converges(sum(n/e^n, n, 1, oo))")
    >>> r.verdict, r.test, r.quantity
    ('converges_absolutely', 'ratio', 'exp(-1)')

`Session.eval` runs sigma statements (the language of the `sigma` command line; see the
project README) and returns a `Result`; a failed statement raises `SigmaError`, and Ctrl-C
(KeyboardInterrupt) interrupts a long computation without losing the session's bindings.
A statement that needs more memory than the budget (`set_max_memory`; by default half the
physical memory, at most 4 GiB) stops with a `SigmaError`, and the session survives too.
"""

from decimal import Decimal
from fractions import Fraction
from typing import Union

from ._sigma import (
    Interval,
    Result,
    Session,
    SigmaError,
    __version__,
    is_incomplete,
    max_memory,
    memory_in_use,
    set_max_memory,
)

__all__ = [
    "Session",
    "Result",
    "Interval",
    "SigmaError",
    "to_source",
    "is_incomplete",
    "set_max_memory",
    "max_memory",
    "memory_in_use",
    "__version__",
]


def to_source(x: Union[Fraction, int, bool, Decimal, str]) -> str:
    """Writes a Python value as sigma source that evaluates to the same exact value.

    `Fraction(-1, 3)` becomes `(-1/3)`, an `int` its digits, a `bool` `true`/`false`, a
    `Decimal` its digits (sigma reads decimals exactly: `0.95` is 19/20), and a `str` is taken
    to be sigma source already (as `Result.value` gives non-rational expressions)::

        >>> s = sigma.Session()
        >>> s.eval(f"x = {sigma.to_source(Fraction(2, 3))}").value
        Fraction(2, 3)
    """
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return f"({x})" if x < 0 else str(x)
    if isinstance(x, Fraction):
        if x.denominator == 1:
            return to_source(x.numerator)
        return f"({x.numerator}/{x.denominator})"
    if isinstance(x, Decimal):
        if not x.is_finite():
            raise ValueError(f"sigma has no exact value for {x}")
        return to_source(Fraction(x))
    if isinstance(x, str):
        return f"({x})"
    raise TypeError(f"cannot write a {type(x).__name__} as sigma source")
