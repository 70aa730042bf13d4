"""The records are the command's JSON records: the same fields, in the same order, with the
same values, for the same texts."""

from __future__ import annotations

import json

import pytest

import claimcheck
from conftest import REPO, example_articles, jsonl

ARTICLES = example_articles()


def rel(path):
    return str(path.relative_to(REPO))


@pytest.mark.parametrize("table", ["claims", "estimates", "findings"])
def test_fields_are_the_records_keys_in_order(table):
    checker = claimcheck.Checker(select=["ALL"])
    texts = [a.read_text(encoding="utf-8") for a in ARTICLES]
    per_text = {
        "claims": checker.extract_batch,
        "estimates": checker.derive_batch,
        "findings": checker.check_batch,
    }[table](texts)
    records = [r for rs in per_text for r in rs]
    assert records, f"the examples have {table}"
    names = [name for name, _ in claimcheck.fields(table)]
    for r in records:
        assert list(r) == names


def test_fields_have_sql_types():
    for table in ("claims", "estimates", "findings"):
        for name, ty in claimcheck.fields(table):
            assert name and ty.split("<")[0] in {"string", "bigint", "double", "boolean", "array", "struct"}
    with pytest.raises(ValueError, match="no table"):
        claimcheck.fields("nope")


def test_check_equals_the_cli(cli):
    out = cli(["check", "--format", "jsonl", "--select", "ALL", *map(rel, ARTICLES)])
    assert out.returncode == 1, out.stderr
    expected = jsonl(out.stdout)
    assert len(expected) > 10
    checker = claimcheck.Checker(select=["ALL"])
    got = []
    for a in ARTICLES:
        got += checker.check(a.read_text(encoding="utf-8"), name=rel(a))
    key = lambda r: (r["file"], r["line"], r["column"], r["code"], r["message"])
    assert sorted(got, key=key) == sorted(expected, key=key)


def test_extract_equals_the_cli(cli):
    out = cli(["extract", "--format", "jsonl", *map(rel, ARTICLES)])
    assert out.returncode == 0, out.stderr
    got = []
    for a in ARTICLES:
        got += claimcheck.extract(a.read_text(encoding="utf-8"), name=rel(a))
    assert got == jsonl(out.stdout)


def test_derive_equals_the_cli(cli):
    out = cli(["derive", "--format", "jsonl", *map(rel, ARTICLES)])
    assert out.returncode == 0, out.stderr
    got = []
    for a in ARTICLES:
        got += claimcheck.derive(a.read_text(encoding="utf-8"), name=rel(a))
    assert got == jsonl(out.stdout)
    expr = "30% of 50,000 to 80,000 workers a year"
    out = cli(["derive", "--format", "jsonl", "--expr", expr])
    assert claimcheck.derive(expr, expr=True) == jsonl(out.stdout)


def test_report_rows_equal_the_cli(cli, tmp_path):
    out = cli(["report", "--out", str(tmp_path), *map(rel, ARTICLES)])
    assert out.returncode in (0, 1), out.stderr  # 1: findings at the failing severity
    import csv

    checker = claimcheck.Checker()
    tables = checker.report_batch(
        [a.read_text(encoding="utf-8") for a in ARTICLES], [rel(a) for a in ARTICLES]
    )
    columns = claimcheck.report_columns()
    assert list(tables) == list(columns) == ["claims.csv", "estimates.csv", "findings.csv", "summary.csv"]
    for name, rows in tables.items():
        with open(tmp_path / name, newline="", encoding="utf-8") as f:
            expected = list(csv.reader(f))
        assert expected[0] == columns[name]
        assert rows == expected[1:], name


def test_a_record_for_a_reader():
    text = (REPO / "data/examples/cambodia-migrants.txt").read_text(encoding="utf-8")
    claims = claimcheck.extract(text, name="cambodia.txt")
    first = claims[0]
    assert first["file"] == "cambodia.txt"
    assert first["text"] == "More than 20 percent"
    assert (first["kind"], first["lower"], first["lower_inclusive"], first["upper"]) == ("percent", 20.0, False, None)
    assert first["source"]["name"] == "United Nations"
    assert text.encode()[first["start"]:first["end"]].decode() == first["text"]
    findings = claimcheck.check(text)
    assert {f["rule"] for f in findings} == {"population-mismatch", "rate-times-flow"}
    assert all(f["file"] == "<text>" for f in findings)
    json.dumps(findings)  # plain data: lists, dicts, str, int, float, bool, None


def test_markdown_by_name():
    text = "Figures `1,000,000` in code are not prose. About 300 workers were freed.\n"
    as_text = [r["text"] for r in claimcheck.extract(text)]
    as_markdown = [r["text"] for r in claimcheck.extract(text, name="a.md")]
    assert "1,000,000" in as_text
    assert "1,000,000" not in as_markdown and "About 300" in as_markdown


def test_rules_are_listed():
    rules = claimcheck.rules()
    assert {r["code"] for r in rules} >= {"CC001", "CC002", "CC101", "CC201"}
    assert all(set(r) == {"code", "name", "severity", "summary", "default_on"} for r in rules)
