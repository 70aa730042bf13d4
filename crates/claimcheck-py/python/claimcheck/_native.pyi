"""Type stubs of the compiled core, ``claimcheck._native`` (re-exported by ``claimcheck``)."""

import os
from typing import Any, Dict, Iterable, List, Literal, Optional, Sequence, Tuple, Union

__version__: str

Record = Dict[str, Any]
Errors = Literal["warn", "raise", "ignore"]
_PathLike = Union[str, "os.PathLike[str]"]

class ClaimcheckError(Exception):
    """claimcheck could not do its job: an unreadable file, a bad configuration or registry,
    an unknown rule, an expression that does not parse. ``str(e)`` is the command's message,
    ``location: what is wrong``."""

    location: str
    detail: str

class ClaimcheckWarning(UserWarning):
    """A figure in a text could not be read; the rest of the text was still checked."""

class Checker:
    """Checks texts against the registry of studies and each other, and extracts and
    derives their figures; built once, reused for any number of texts, pickled as the
    contents of its configuration and registry files."""

    def __init__(
        self,
        studies: Optional[Sequence[_PathLike]] = None,
        config: Optional[_PathLike] = None,
        select: Optional[Sequence[str]] = None,
        extend_select: Optional[Sequence[str]] = None,
        ignore: Optional[Sequence[str]] = None,
    ) -> None: ...
    def extract(self, text: str, name: str = "<text>", errors: Errors = "warn") -> List[Record]:
        """Every figure of ``text``, with the fields of ``extract --format json``."""
    def derive(self, text: str, name: str = "<text>", expr: bool = False) -> List[Record]:
        """What the figures of ``text`` (or the expression, with ``expr=True``) imply, with
        the fields of ``derive --format json``."""
    def check(self, text: str, name: str = "<text>", errors: Errors = "warn") -> List[Record]:
        """The findings in ``text``, with the fields of ``check --format json``."""
    def extract_batch(
        self,
        texts: Iterable[str],
        names: Optional[Iterable[str]] = None,
        *,
        threads: Optional[int] = None,
        errors: Errors = "warn",
    ) -> List[List[Record]]:
        """``extract`` over many texts on every core, GIL released; one list per text."""
    def derive_batch(
        self,
        texts: Iterable[str],
        names: Optional[Iterable[str]] = None,
        *,
        threads: Optional[int] = None,
        errors: Errors = "warn",
    ) -> List[List[Record]]:
        """``derive`` over many texts on every core, GIL released; one list per text."""
    def check_batch(
        self,
        texts: Iterable[str],
        names: Optional[Iterable[str]] = None,
        *,
        threads: Optional[int] = None,
        errors: Errors = "warn",
    ) -> List[List[Record]]:
        """``check`` over many texts on every core, GIL released; one list per text."""
    def report_batch(
        self,
        texts: Iterable[str],
        names: Optional[Iterable[str]] = None,
        *,
        threads: Optional[int] = None,
        errors: Errors = "warn",
    ) -> Dict[str, List[List[str]]]:
        """The rows of ``report``'s tables (``claims.csv``, ``estimates.csv``,
        ``findings.csv``, ``summary.csv``) for many texts, as CSV cells."""
    def analyze_json(
        self,
        texts: Iterable[str],
        names: Optional[Iterable[str]] = None,
        *,
        threads: Optional[int] = None,
        errors: Errors = "warn",
    ) -> Tuple[List[int], List[str], List[str]]:
        """Every record of many texts as JSON rows (text index, table, record), checked
        once each: tables ``claims``, ``estimates``, ``findings`` (JSON records) and
        ``claims.csv``, ``estimates.csv``, ``findings.csv``, ``summary.csv`` (JSON arrays
        of ``report``'s cells)."""
    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]: ...

def fields(table: Literal["claims", "estimates", "findings"]) -> List[Tuple[str, str]]:
    """A table's record fields and their types in SQL (Spark DDL) notation."""

def report_columns() -> Dict[str, List[str]]:
    """``report``'s tables: file name to CSV columns, in order."""

def rules() -> List[Record]:
    """The rules: ``code``, ``name``, ``severity``, ``summary``, ``default_on``."""

def _restore_native(
    config: Optional[Tuple[str, str]],
    studies: List[Tuple[str, str]],
    select: List[str],
    extend_select: List[str],
    ignore: List[str],
) -> Checker: ...
