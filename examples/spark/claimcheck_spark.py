#!/usr/bin/env python3
"""Check an archive of articles with Spark: claims, estimates and findings as Parquet, and
the four CSV tables of ``claimcheck report``.

    spark-submit claimcheck_spark.py CORPUS... --out DIR [--studies FILE]... [--config FILE]
                 [--select RULE]... [--extend-select RULE]... [--ignore RULE]...
    python claimcheck_spark.py data/*.jsonl --out out --master 'local[2]'

CORPUS is Parquet (a file or folder, ``.parquet``) or JSON Lines (anything else) with an id
column and a text column (``--id-col``, ``--text-col``; ``id`` and ``text`` by default), the
format of the command's corpora. Each executor checks its partitions with ``mapInPandas``,
reusing one ``claimcheck.Checker`` (pickled once with the job: the registry and configuration
travel inside it, so executors need no files); each article is checked once, and every record
comes out as a JSON row that Spark reads with the schema the Rust records declare
(``claimcheck.fields``), so no field is declared twice. Each record's ``file`` is its
article's id. DIR gets:

    records/      every record as JSON, partitioned by table (the one pass over the corpus)
    claims/       one row per figure          (Parquet, the fields of `extract --format json`)
    estimates/    one row per estimate        (Parquet, the fields of `derive --format json`)
    findings/     one row per finding         (Parquet, the fields of `check --format json`)
    report/claims.csv/, estimates.csv/, findings.csv/, summary.csv/
                  `claimcheck report`'s tables, same columns, as Spark CSV folders (header,
                  RFC 4180 quoting); --single-csv writes each as one part file

Counts are printed at the end, as JSON on the last line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Iterator, List

import claimcheck


def parse_args(argv: List[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+", metavar="CORPUS", help="Parquet or JSON Lines corpora")
    p.add_argument("--out", required=True, help="output folder (local path or any Hadoop URI)")
    p.add_argument("--studies", action="append", default=[], help="registry CSV files to add")
    p.add_argument("--config", help="a claimcheck.toml")
    p.add_argument("--select", action="append", default=[], help="rules to run instead of the defaults")
    p.add_argument("--extend-select", action="append", default=[], help="rules to run besides them")
    p.add_argument("--ignore", action="append", default=[], help="rules not to run")
    p.add_argument("--id-col", default="id")
    p.add_argument("--text-col", default="text")
    p.add_argument("--format", choices=["auto", "parquet", "jsonl"], default="auto")
    p.add_argument("--master", help="Spark master when run with python (local[2], ...)")
    p.add_argument("--partitions", type=int, help="repartition the corpus into N partitions")
    p.add_argument("--single-csv", action="store_true", help="one CSV part file per table")
    return p.parse_args(argv)


def read_corpus(spark, args):
    from pyspark.sql import functions as F

    fmt = args.format
    if fmt == "auto":
        fmt = "parquet" if all(i.rstrip("/").endswith(".parquet") for i in args.inputs) else "jsonl"
    if fmt == "parquet":
        df = spark.read.parquet(*args.inputs)
    else:
        schema = f"`{args.id_col}` string, `{args.text_col}` string"
        df = spark.read.schema(schema).option("mode", "FAILFAST").json(args.inputs)
    return df.select(
        F.col(args.id_col).cast("string").alias("id"),
        F.coalesce(F.col(args.text_col).cast("string"), F.lit("")).alias("text"),
    )


def analyze_partitions(checker: claimcheck.Checker):
    """The function ``mapInPandas`` runs: each batch of articles checked once, on one thread
    per task (Spark gives each task its core), every record out as a JSON row."""

    def analyze(batches: Iterator["pd.DataFrame"]) -> Iterator["pd.DataFrame"]:
        import pandas as pd

        for batch in batches:
            ids = batch["id"].tolist()
            index, table, record = checker.analyze_json(
                batch["text"].tolist(), ids, threads=1
            )
            yield pd.DataFrame(
                {"id": [ids[i] for i in index], "table": table, "record": record}
            )

    return analyze


def ddl(fields) -> str:
    return ", ".join(f"`{name}` {ty}" for name, ty in fields)


def main(argv: List[str]) -> int:
    args = parse_args(argv)
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    # Built on the driver first: a bad registry or configuration stops the job here, with
    # the command's message, before any executor starts.
    checker = claimcheck.Checker(
        studies=args.studies or None,
        config=args.config,
        select=args.select or None,
        extend_select=args.extend_select or None,
        ignore=args.ignore or None,
    )
    builder = SparkSession.builder.appName("claimcheck")
    if args.master:
        builder = builder.master(args.master)
    if args.master and args.master.startswith("local"):
        # Local workers run this interpreter (a virtual environment's, say), which has
        # claimcheck; on a cluster, spark-submit's settings choose the executors' Python.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    out = args.out.rstrip("/")

    corpus = read_corpus(spark, args)
    if args.partitions:
        corpus = corpus.repartition(args.partitions)
    started = time.perf_counter()
    rows = corpus.mapInPandas(
        analyze_partitions(checker), "id string, table string, record string"
    )
    rows.write.mode("overwrite").partitionBy("table").parquet(f"{out}/records")
    checked = time.perf_counter() - started

    records = spark.read.parquet(f"{out}/records")
    counts = {"check_seconds": round(checked, 3)}
    for table in ("claims", "estimates", "findings"):
        typed = records.where(F.col("table") == table).select(
            F.from_json("record", ddl(claimcheck.fields(table))).alias("r")
        )
        typed.select("r.*").write.mode("overwrite").parquet(f"{out}/{table}")
        counts[table] = spark.read.parquet(f"{out}/{table}").count()
    findings = spark.read.parquet(f"{out}/findings")
    counts["by_severity"] = {
        r["severity"]: r["count"] for r in findings.groupBy("severity").count().collect()
    }
    for name, columns in claimcheck.report_columns().items():
        cells = F.from_json("record", "array<string>")
        table = records.where(F.col("table") == name).select(cells.alias("c"))
        table = table.select(*[F.col("c")[i].alias(c) for i, c in enumerate(columns)])
        if args.single_csv:
            table = table.coalesce(1)
        (
            table.write.mode("overwrite")
            .option("header", True)
            .option("escape", '"')
            .option("emptyValue", "")
            # Spark trims cells when writing CSV unless told not to; a quoted figure or
            # comment keeps its spaces, as the command's tables do.
            .option("ignoreLeadingWhiteSpace", False)
            .option("ignoreTrailingWhiteSpace", False)
            .csv(f"{out}/report/{name}")
        )
    counts["documents"] = (
        records.where(F.col("table") == "summary.csv").count()
    )
    spark.stop()
    for key in ("documents", "claims", "estimates", "findings"):
        print(f"{key}: {counts[key]}", file=sys.stderr)
    print(f"checked in {checked:.2f} s", file=sys.stderr)
    print(json.dumps(counts, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
