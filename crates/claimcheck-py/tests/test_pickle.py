"""A Checker pickles to its settings' contents, cheaply, and comes back working without
the files, once per process."""

from __future__ import annotations

import multiprocessing
import pickle

import claimcheck
from conftest import REPO

ARTICLE = (REPO / "data" / "examples" / "cambodia-migrants.txt").read_text(encoding="utf-8")
OURS = (
    "id,publisher,aliases,year,reference_year,concept,value,unit,basis,subject,place,"
    "time,quote,url,supersedes,notes\n"
)


def test_a_pickle_is_small_and_checks_the_same():
    checker = claimcheck.Checker(select=["ALL"], ignore=["CC104"])
    data = pickle.dumps(checker)
    assert len(data) < 1_000, len(data)
    again = pickle.loads(data)
    assert repr(again) == repr(checker)
    assert again.check(ARTICLE) == checker.check(ARTICLE)
    assert {f["code"] for f in again.check(ARTICLE)} == {"CC103", "CC201"}


def test_one_checker_per_process_for_the_same_state():
    data = pickle.dumps(claimcheck.Checker(select=["ALL"]))
    assert pickle.loads(data) is pickle.loads(data)
    assert pickle.loads(pickle.dumps(claimcheck.Checker())) is not pickle.loads(data)


def test_the_files_travel_inside_the_pickle(tmp_path, monkeypatch):
    config = tmp_path / "claimcheck.toml"
    config.write_text('ignore = ["base-mismatch"]\n[severity]\npopulation-mismatch = "error"\n')
    checker = claimcheck.Checker(config=config)
    expected = checker.check(ARTICLE)
    assert [(f["rule"], f["severity"]) for f in expected] == [("population-mismatch", "error")]
    data = pickle.dumps(checker)
    config.unlink()
    assert pickle.loads(data).check(ARTICLE) == expected


def _check_in_child(data):
    return pickle.loads(data).check(ARTICLE)


def test_a_checker_crosses_to_another_process():
    checker = claimcheck.Checker()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        got = pool.apply(_check_in_child, (pickle.dumps(checker),))
    assert got == checker.check(ARTICLE)
