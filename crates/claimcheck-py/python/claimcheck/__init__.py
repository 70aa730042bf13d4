"""claimcheck: checks the numbers in news articles and reports.

It finds every numeric claim in a text, works out what the claims imply, and flags the ones
that contradict each other or the studies they cite. This package is the library the
``claimcheck`` command runs, compiled into one extension module:

>>> import claimcheck
>>> findings = claimcheck.check(open("article.txt").read())       # doctest: +SKIP
>>> checker = claimcheck.Checker(studies=["our-figures.csv"])      # doctest: +SKIP
>>> per_text = checker.check_batch(texts, names=ids)               # doctest: +SKIP

Records are plain dicts with exactly the fields of the command's JSON output (``extract``,
``derive`` and ``check --format json``; see the README for each field). ``fields(table)``
lists them with their types. Problems that stop the work raise :class:`ClaimcheckError` with
the command's message; a figure that cannot be read warns with :class:`ClaimcheckWarning`
(``errors="raise"`` or ``"ignore"`` to change that).

For many texts, make one :class:`Checker` and use its ``*_batch`` methods: they release the
GIL and use every core. ``claimcheck.pandas`` turns a DataFrame of articles into a DataFrame
of findings or claims; ``examples/spark/`` in the repository runs the checker over an archive
with Spark.
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from ._native import (
    Checker,
    ClaimcheckError,
    ClaimcheckWarning,
    __version__,
    _restore_native,
    fields,
    report_columns,
    rules,
)

__all__ = [
    "Checker",
    "ClaimcheckError",
    "ClaimcheckWarning",
    "__version__",
    "check",
    "derive",
    "extract",
    "fields",
    "report_columns",
    "rules",
]

PathLike = Union[str, "os.PathLike[str]"]
Record = Dict[str, Any]

_default: Optional[Checker] = None


def _checker(
    studies: Optional[Sequence[PathLike]] = None,
    config: Optional[PathLike] = None,
    select: Optional[Sequence[str]] = None,
    extend_select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
) -> Checker:
    """The default checker (built once), or a new one for other settings."""
    global _default
    if all(x is None for x in (studies, config, select, extend_select, ignore)):
        if _default is None:
            _default = Checker()
        return _default
    return Checker(
        studies=[os.fspath(s) for s in studies] if studies is not None else None,
        config=os.fspath(config) if config is not None else None,
        select=list(select) if select is not None else None,
        extend_select=list(extend_select) if extend_select is not None else None,
        ignore=list(ignore) if ignore is not None else None,
    )


def extract(
    text: str,
    *,
    name: str = "<text>",
    config: Optional[PathLike] = None,
    errors: str = "warn",
) -> List[Record]:
    """Every figure in ``text``: one dict per figure, with the fields of
    ``claimcheck extract --format json`` (``file``, ``start``, ``end``, ``line``,
    ``column``, ``text``, ``kind``, ``value``, ``lower``, ``upper``, ``unit``, ``subject``,
    ``source``, ...).

    ``name`` is the ``file`` of the records; one ending in ``.md`` or ``.html`` reads the
    text as Markdown or HTML. ``config`` is a ``claimcheck.toml`` whose ``[extraction]``
    and ``[tolerances]`` apply.
    """
    return _checker(config=config).extract(text, name=name, errors=errors)


def derive(
    text_or_expr: str,
    *,
    expr: bool = False,
    name: str = "<text>",
    config: Optional[PathLike] = None,
) -> List[Record]:
    """What the figures of a text imply: one dict per estimate, with the fields of
    ``claimcheck derive --format json`` (``expression``, ``nominal``, ``lower``, ``upper``,
    ``unit``, ``per``, ``inputs``, ``assumptions``, ...).

    With ``expr=True`` the argument is an expression, as ``derive --expr`` reads it
    (``"30% of 50,000 to 80,000 workers a year"``, ``"400,000 workers × $250 a month"``);
    one that does not parse raises :class:`ClaimcheckError`.
    """
    return _checker(config=config).derive(text_or_expr, name=name, expr=expr)


def check(
    text: str,
    studies: Optional[Sequence[PathLike]] = None,
    config: Optional[PathLike] = None,
    *,
    name: str = "<text>",
    select: Optional[Sequence[str]] = None,
    extend_select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    errors: str = "warn",
) -> List[Record]:
    """The findings in ``text``: one dict per finding, with the fields of
    ``claimcheck check --format json`` (``rule``, ``code``, ``severity``, ``line``,
    ``column``, ``message``, ``text``, ``study``, ``related``, ``notes``, ...).

    ``studies`` are registry CSV files added to the shipped registry, ``config`` a
    ``claimcheck.toml``; ``select`` (instead of the default rules), ``extend_select``
    (besides them) and ``ignore`` name rules by name or code, as the command's options do.
    Each call with any of them reads the files again: for many texts, make a
    :class:`Checker` once.
    """
    checker = _checker(studies, config, select, extend_select, ignore)
    return checker.check(text, name=name, errors=errors)


_RESTORED: Dict[Any, Checker] = {}


def _restore(state: Tuple[Any, Any, Any, Any, Any]) -> Checker:
    """Unpickles a :class:`Checker`: one per process for the same state, so that a Spark
    executor's Python worker builds it once however many tasks bring it."""
    config, studies, select, extend_select, ignore = state
    key = (
        tuple(config) if config is not None else None,
        tuple(tuple(s) for s in studies),
        tuple(select),
        tuple(extend_select),
        tuple(ignore),
    )
    checker = _RESTORED.get(key)
    if checker is None:
        if len(_RESTORED) >= 8:
            _RESTORED.clear()
        checker = _restore_native(
            config, list(studies), list(select), list(extend_select), list(ignore)
        )
        _RESTORED[key] = checker
    return checker
