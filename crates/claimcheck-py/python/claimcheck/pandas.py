"""pandas helpers: a DataFrame of articles in, a DataFrame of findings, claims or estimates
out.

Each helper checks the texts once with :meth:`claimcheck.Checker.check_batch` (or
``extract_batch``, ``derive_batch``), on every core with the GIL released, and returns one
row per record: the article's id first, then the record's fields in the order of the JSON
contract (``claimcheck.fields(table)``), with nullable dtypes (``Int64``, ``Float64``,
``boolean``, ``string``; lists and nested records stay Python objects). An article with no
findings has no rows, and an empty result still has every column.

>>> import pandas as pd, claimcheck.pandas as ccpd
>>> articles = pd.DataFrame({"id": ["a1"], "text": ["One in five workers, 20 percent..."]})
>>> ccpd.check_frame(articles, text_col="text", id_col="id")   # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import claimcheck

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["check_frame", "derive_frame", "extract_frame"]

_DTYPES = {"bigint": "Int64", "double": "Float64", "boolean": "boolean", "string": "string"}


def check_frame(
    df: "pd.DataFrame",
    text_col: str = "text",
    id_col: Optional[str] = None,
    *,
    checker: Optional[claimcheck.Checker] = None,
    threads: Optional[int] = None,
    errors: str = "warn",
) -> "pd.DataFrame":
    """The findings of every article in ``df``: one row per finding, with ``id_col`` (the
    index, named ``id`` when ``id_col`` is None) then the fields of
    ``claimcheck check --format json``. Each record's ``file`` is the article's id as a
    string. ``checker`` defaults to one with the shipped registry; a missing text is read
    as empty."""
    return _frame(df, text_col, id_col, "findings", checker, threads, errors)


def extract_frame(
    df: "pd.DataFrame",
    text_col: str = "text",
    id_col: Optional[str] = None,
    *,
    checker: Optional[claimcheck.Checker] = None,
    threads: Optional[int] = None,
    errors: str = "warn",
) -> "pd.DataFrame":
    """The claims (figures) of every article in ``df``: one row per figure, with ``id_col``
    then the fields of ``claimcheck extract --format json``."""
    return _frame(df, text_col, id_col, "claims", checker, threads, errors)


def derive_frame(
    df: "pd.DataFrame",
    text_col: str = "text",
    id_col: Optional[str] = None,
    *,
    checker: Optional[claimcheck.Checker] = None,
    threads: Optional[int] = None,
    errors: str = "warn",
) -> "pd.DataFrame":
    """The estimates of every article in ``df``: one row per estimate, with ``id_col`` then
    the fields of ``claimcheck derive --format json``."""
    return _frame(df, text_col, id_col, "estimates", checker, threads, errors)


def _frame(
    df: "pd.DataFrame",
    text_col: str,
    id_col: Optional[str],
    table: str,
    checker: Optional[claimcheck.Checker],
    threads: Optional[int],
    errors: str,
) -> "pd.DataFrame":
    import pandas as pd

    if text_col not in df.columns:
        raise KeyError(f"no column {text_col!r} in the DataFrame")
    if id_col is not None and id_col not in df.columns:
        raise KeyError(f"no column {id_col!r} in the DataFrame")
    checker = checker if checker is not None else claimcheck._checker()
    ids = list(df[id_col] if id_col is not None else df.index)
    texts = [t if isinstance(t, str) else "" for t in df[text_col].tolist()]
    names = [str(i) for i in ids]
    if table == "findings":
        per_text = checker.check_batch(texts, names, threads=threads, errors=errors)
    elif table == "claims":
        per_text = checker.extract_batch(texts, names, threads=threads, errors=errors)
    else:
        per_text = checker.derive_batch(texts, names, threads=threads, errors=errors)
    id_name = id_col if id_col is not None else (df.index.name or "id")
    fields = claimcheck.fields(table)
    columns = [name for name, _ in fields]
    if id_name in columns:
        raise ValueError(f"the id column {id_name!r} has the name of a record field")
    rows = [[i, *(r[c] for c in columns)] for i, records in zip(ids, per_text) for r in records]
    out = pd.DataFrame(rows, columns=[id_name, *columns])
    id_dtype = df[id_col].dtype if id_col is not None else df.index.dtype
    out[id_name] = out[id_name].astype(id_dtype)
    for name, ty in fields:
        dtype = _DTYPES.get(ty)
        if dtype is not None:
            out[name] = out[name].astype(dtype)
    return out
