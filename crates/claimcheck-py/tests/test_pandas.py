"""claimcheck.pandas: one row per record, the article's id first, every field a column."""

from __future__ import annotations

import pytest

pd = pytest.importorskip("pandas")

import claimcheck  # noqa: E402
import claimcheck.pandas as ccpd  # noqa: E402
from conftest import REPO, example_articles  # noqa: E402

ARTICLES = example_articles()


@pytest.fixture(scope="module")
def articles():
    return pd.DataFrame(
        {
            "doc": [str(a.relative_to(REPO)) for a in ARTICLES],
            "body": [a.read_text(encoding="utf-8") for a in ARTICLES],
        }
    )


def test_check_frame(articles):
    findings = ccpd.check_frame(articles, text_col="body", id_col="doc")
    names = [n for n, _ in claimcheck.fields("findings")]
    assert list(findings.columns) == ["doc", *names]
    checker = claimcheck.Checker()
    expected = [
        f for d, t in zip(articles.doc, articles.body) for f in checker.check(t, name=d)
    ]
    assert len(findings) == len(expected) > 0
    assert list(findings["message"]) == [f["message"] for f in expected]
    assert (findings["doc"] == findings["file"]).all()
    assert str(findings["line"].dtype) == "Int64"
    assert str(findings["severity"].dtype) == "string"
    assert findings["notes"].map(type).eq(list).all()


def test_extract_and_derive_frames(articles):
    claims = ccpd.extract_frame(articles, "body", "doc")
    assert len(claims) == sum(len(claimcheck.extract(t)) for t in articles.body)
    assert str(claims["value"].dtype) == "Float64"
    assert str(claims["approximate"].dtype) == "boolean"
    estimates = ccpd.derive_frame(articles, "body", "doc")
    assert list(estimates.columns)[1:] == [n for n, _ in claimcheck.fields("estimates")]
    assert len(estimates) > 0


def test_an_empty_result_keeps_every_column():
    df = pd.DataFrame({"text": ["No figures here.", None]}, index=pd.Index([7, 8], name="n"))
    findings = ccpd.check_frame(df)
    assert findings.empty
    assert list(findings.columns) == ["n", *[n for n, _ in claimcheck.fields("findings")]]
    claims = ccpd.extract_frame(pd.DataFrame({"text": ["About 300 workers."]}))
    assert list(claims["id"]) == [0] and list(claims["file"]) == ["0"]


def test_missing_columns_say_so(articles):
    with pytest.raises(KeyError, match="no column 'text'"):
        ccpd.check_frame(articles)
    with pytest.raises(KeyError, match="no column 'nope'"):
        ccpd.check_frame(articles, "body", "nope")
