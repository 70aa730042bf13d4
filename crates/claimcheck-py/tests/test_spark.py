"""The Spark example over a corpus, in local mode: its findings, claims and report tables
equal the command's on the same documents.

The corpus is the shipped example articles and every rule's fixtures (texts with findings),
plus ``../shared/corpus/*.jsonl`` beside the repository when it is there. Skipped without
pyspark or Java, unless ``CLAIMCHECK_REQUIRE_SPARK`` is set (as the CI suite does).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO, example_articles, jsonl

JOB = REPO / "examples" / "spark" / "claimcheck_spark.py"
SHARED = REPO.parent / "shared" / "corpus"


def require_spark():
    required = bool(os.environ.get("CLAIMCHECK_REQUIRE_SPARK"))
    try:
        import pyspark  # noqa: F401
    except ImportError:
        if required:
            pytest.fail("pyspark is not installed")
        pytest.skip("pyspark is not installed")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        if required:
            pytest.fail("no Java for Spark")
        pytest.skip("no Java for Spark")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    path = folder / "corpus.jsonl"
    # Every rule, so that the news and reports have findings too (and the configuration
    # travels to the executors inside the pickled Checker).
    (folder / "claimcheck.toml").write_text('select = ["ALL"]\n', encoding="utf-8")
    ids = set()
    with open(path, "w", encoding="utf-8") as out:
        for a in example_articles():
            doc = {"id": str(a.relative_to(REPO)), "text": a.read_text(encoding="utf-8")}
            out.write(json.dumps(doc) + "\n")
            ids.add(doc["id"])
        for shared in sorted(SHARED.glob("*.jsonl")) if SHARED.is_dir() else []:
            with open(shared, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        doc = json.loads(line)
                        assert str(doc["id"]) not in ids, doc["id"]
                        ids.add(str(doc["id"]))
                        out.write(json.dumps({"id": doc["id"], "text": doc["text"]}) + "\n")
    return path, len(ids)


@pytest.fixture(scope="module")
def spark_run(corpus, tmp_path_factory):
    require_spark()
    path, _ = corpus
    out = tmp_path_factory.mktemp("spark") / "out"
    run = subprocess.run(
        [sys.executable, str(JOB), str(path), "--out", str(out), "--master", "local[2]",
         "--config", str(path.parent / "claimcheck.toml"), "--single-csv"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-5000:]
    counts = json.loads(run.stdout.strip().splitlines()[-1])
    print("spark counts:", counts)
    return out, counts


def unprefix(text: str) -> str:
    """The command names a corpus document `corpus.jsonl#ID`; the Spark job, `ID`."""
    return text.replace("corpus.jsonl#", "")


def parquet_records(folder: Path):
    import pyarrow.parquet as pq

    return pq.read_table(folder).to_pylist()


def canonical(records):
    return Counter(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in records)


def test_findings_and_claims_equal_the_cli(cli, corpus, spark_run):
    path, documents = corpus
    out, counts = spark_run
    assert counts["documents"] == documents
    for table, command in (
        ("findings", ["check"]),
        ("claims", ["extract"]),
        ("estimates", ["derive"]),
    ):
        run = cli([*command, "--config", "claimcheck.toml", "--format", "jsonl", path.name],
                  cwd=path.parent)
        assert run.returncode in (0, 1), run.stderr
        expected = jsonl(unprefix(run.stdout))
        got = parquet_records(out / table)
        assert counts[table] == len(got) == len(expected), table
        assert canonical(got) == canonical(expected), table
    assert counts["findings"] > 0 and counts["claims"] > 0


def test_report_tables_equal_the_cli(cli, corpus, spark_run, tmp_path):
    import claimcheck

    path, _ = corpus
    out, _ = spark_run
    run = cli(["report", "--config", "claimcheck.toml", "--out", str(tmp_path), path.name],
              cwd=path.parent)
    assert run.returncode in (0, 1), run.stderr  # 1: findings at the failing severity
    for name, columns in claimcheck.report_columns().items():
        with open(tmp_path / name, newline="", encoding="utf-8") as f:
            expected = [[unprefix(c) for c in row] for row in csv.reader(f)]
        parts = sorted((out / "report" / name).glob("part-*.csv"))
        assert len(parts) == 1, parts
        with open(parts[0], newline="", encoding="utf-8") as f:
            got = list(csv.reader(f))
        assert got[0] == expected[0] == columns, name
        assert Counter(map(tuple, got[1:])) == Counter(map(tuple, expected[1:])), name
