"""Batch calls: the same records as one call per text, in order, on any number of threads,
with the GIL released while they work."""

from __future__ import annotations

import contextlib
import gc
import threading
import time

import pytest

import claimcheck
from conftest import REPO, example_articles

ARTICLES = example_articles()
TEXTS = [a.read_text(encoding="utf-8") for a in ARTICLES]
NAMES = [str(a.relative_to(REPO)) for a in ARTICLES]


@pytest.mark.parametrize("method", ["extract", "derive", "check"])
@pytest.mark.parametrize("threads", [None, 1, 2])
def test_a_batch_is_the_calls_one_by_one(method, threads):
    checker = claimcheck.Checker()
    one_by_one = [getattr(checker, method)(t, name=n) for t, n in zip(TEXTS, NAMES)]
    batch = getattr(checker, method + "_batch")(TEXTS, NAMES, threads=threads)
    assert batch == one_by_one


def test_any_iterable_of_texts():
    checker = claimcheck.Checker()
    assert checker.check_batch(iter(TEXTS)) == checker.check_batch(tuple(TEXTS))
    assert checker.check_batch([]) == []
    assert all(r["file"] == "<text>" for rs in checker.check_batch(TEXTS) for r in rs)


def test_names_and_texts_pair_up():
    checker = claimcheck.Checker()
    with pytest.raises(ValueError, match="1 names for 2 texts"):
        checker.check_batch(["a", "b"], ["a"])
    with pytest.raises(ValueError, match="threads must be 1 or more"):
        checker.check_batch(["a"], threads=0)


def test_analyze_json_rows():
    import json

    checker = claimcheck.Checker()
    index, table, record = checker.analyze_json(TEXTS, NAMES)
    assert len(index) == len(table) == len(record)
    by_table = {}
    for i, t, r in zip(index, table, record):
        by_table.setdefault(t, []).append((i, json.loads(r)))
    assert sorted(by_table) == sorted(
        ["claims", "estimates", "findings", *claimcheck.report_columns()]
    )
    assert [r for _, r in by_table["findings"]] == [
        f for fs in checker.check_batch(TEXTS, NAMES) for f in fs
    ]
    assert len(by_table["summary.csv"]) == len(TEXTS)
    assert [i for i, _ in by_table["summary.csv"]] == list(range(len(TEXTS)))


def test_the_gil_is_released_while_a_batch_works():
    checker = claimcheck.Checker()
    # Many figures and no findings: the time goes to checking, not to building dicts.
    text = "In 2019 about 300 workers were freed, and 12 percent of them were children.\n" * 400
    texts = [text] * 40
    assert checker.check_batch(texts[:1]) == [[]]
    ticks = 0
    done = threading.Event()

    def count():
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0)

    counter = threading.Thread(target=count)
    counter.start()
    started = time.perf_counter()
    try:
        checker.check_batch(texts, threads=1)
    finally:
        elapsed = time.perf_counter() - started
        done.set()
        counter.join()
    # While the batch ran, the other thread kept counting: with the GIL held for the whole
    # call it could not have run at all.
    assert elapsed > 0.02, elapsed
    assert ticks > 1000, (ticks, elapsed)


@contextlib.contextmanager
def collections():
    """The generations of the garbage collections that start inside the block, with the
    collector enabled and collected first; the collector is left as it was."""
    seen = []

    def watch(phase, info):
        if phase == "start":
            seen.append(info["generation"])

    was = gc.isenabled()
    gc.callbacks.append(watch)
    try:
        gc.enable()
        gc.collect()
        seen.clear()
        yield seen
    finally:
        gc.callbacks.remove(watch)
        if was:
            gc.enable()
        else:
            gc.disable()


@pytest.mark.parametrize("method", ["extract_batch", "derive_batch", "check_batch"])
def test_the_garbage_collector_is_paused_while_records_are_made_and_then_as_it_was(method):
    checker = claimcheck.Checker()
    with collections() as seen:
        # Enough records that a running collector collects many times: one by one, it does.
        single = method.removesuffix("_batch")
        one_by_one = [getattr(checker, single)(t) for t in TEXTS * 20]
        assert len(seen) > 2, seen
        seen.clear()
        records = getattr(checker, method)(TEXTS * 20, threads=1)
        assert records == one_by_one
        # At most the one collection that the records made start once it is enabled again.
        assert len(seen) <= 1, seen
        assert gc.isenabled(), "enabled again after the batch"
        gc.disable()
        getattr(checker, method)(TEXTS, threads=1)
        assert not gc.isenabled(), "left disabled when it was"


def test_report_rows_are_made_with_the_garbage_collector_paused():
    checker = claimcheck.Checker()
    with collections() as seen:
        tables = checker.report_batch(TEXTS * 20, threads=1)
        during = list(seen)
        # The same rows made again as Python lists: enough containers that a running
        # collector collects many times.
        seen.clear()
        again = {name: [list(row) for row in rows] for name, rows in tables.items()}
        assert len(seen) > 2, seen
        assert again == tables
        # At most the one collection that the rows set off once it is enabled again.
        assert len(during) <= 1, during
        assert gc.isenabled()
