#!/usr/bin/env python3
"""Checks data/studies.csv against its schema (data/README.md) and data/publishers.csv.

Stdlib only. Run from the repository root (or pass the two paths):

    python3 scripts/check-registry.py [data/studies.csv] [data/publishers.csv]

Errors (exit 1): a malformed row, a duplicate id, unordered bounds, a value outside an enum,
a `superseded_by` that names no row or no newer row, a publisher missing from publishers.csv.
Exceptions (reported, exit 0): a row whose URL is not on one of its publisher's domains.
Then prints the rows by series and edition.
"""
import csv
import re
import sys
from collections import Counter, defaultdict
from urllib.parse import urlparse

COLUMNS = [
    "id", "publisher", "aliases", "year", "reference_period", "reference_start",
    "reference_end", "title", "population", "population_terms", "subgroup", "scope",
    "concept", "basis", "measure", "value", "lower", "upper", "unit", "per", "value_text",
    "geography", "series", "edition", "superseded_by", "url",
]
ENUMS = {
    "scope": {"local", "national", "regional", "global"},
    "concept": {
        "modern_slavery", "forced_labour", "forced_marriage", "forced_sexual_exploitation",
        "trafficking", "detected_victims", "identified_victims", "child_labour", "profits",
        "migration", "deportation", "wage_theft", "sample", "other",
    },
    "basis": {"stock", "flow_per_year", "cumulative", "detected", "identified", "sample", "change"},
    "measure": {"count", "share", "rate", "money", "change", "ratio"},
    "unit": {"persons", "percent", "per_1000", "USD", "times"},
    "per": {"", "year"},
}
# Units each measure may take.
MEASURE_UNITS = {
    "count": {"persons"},
    "share": {"percent"},
    "rate": {"per_1000", "percent"},
    "money": {"USD"},
    "change": {"persons", "percent", "USD"},
    "ratio": {"times", "percent"},
}


def main(argv):
    studies = argv[1] if len(argv) > 1 else "data/studies.csv"
    publishers = argv[2] if len(argv) > 2 else "data/publishers.csv"
    errors, exceptions = [], []

    domains = {}
    with open(publishers, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["publisher", "domains"]:
            errors.append(f"{publishers}: header must be publisher,domains")
        for r in reader:
            name = r["publisher"].strip()
            if name in domains:
                errors.append(f"{publishers}: {name}: listed twice")
            domains[name] = [d.strip().lower() for d in r["domains"].split("|") if d.strip()]

    with open(studies, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            errors.append(f"{studies}: header differs from the schema: {reader.fieldnames}")
        rows = []
        for r in reader:
            r["_line"] = reader.line_num
            rows.append(r)

    by_id = {}
    for r in rows:
        where = f"{studies}:{r['_line']}: {r['id']}"
        if None in r or any(v is None for v in r.values()):
            errors.append(f"{where}: wrong number of fields")
            continue
        if not re.fullmatch(r"[a-z0-9_]+", r["id"]):
            errors.append(f"{where}: id must be lowercase letters, digits and _")
        if r["id"] in by_id:
            errors.append(f"{where}: duplicate id")
        by_id[r["id"]] = r
        for col, allowed in ENUMS.items():
            if r[col] not in allowed:
                errors.append(f"{where}: {col} `{r[col]}` not one of {sorted(allowed)}")
        if r["unit"] not in MEASURE_UNITS.get(r["measure"], set()):
            errors.append(f"{where}: unit `{r['unit']}` does not fit measure `{r['measure']}`")
        if r["per"] == "year" and r["basis"] != "flow_per_year":
            errors.append(f"{where}: per=year needs basis flow_per_year (basis `{r['basis']}`)")
        if r["basis"] == "flow_per_year" and r["measure"] in ("count", "money") and r["per"] != "year":
            errors.append(f"{where}: a count or sum per year needs per=year")
        try:
            year, start, end = int(r["year"]), int(r["reference_start"]), int(r["reference_end"])
            if not start <= end:
                errors.append(f"{where}: reference_start {start} after reference_end {end}")
            if end > year:
                errors.append(f"{where}: reference_end {end} after publication year {year}")
        except ValueError as e:
            errors.append(f"{where}: year fields: {e}")
        try:
            value = float(r["value"])
            lower = float(r["lower"]) if r["lower"] else None
            upper = float(r["upper"]) if r["upper"] else None
            if lower is not None and upper is not None and lower > upper:
                errors.append(f"{where}: lower {lower} above upper {upper}")
            if lower is not None and value < lower and r["measure"] != "change":
                errors.append(f"{where}: value {value} below lower {lower}")
            if upper is not None and value > upper and r["measure"] != "change":
                errors.append(f"{where}: value {value} above upper {upper}")
            if r["unit"] == "percent" and r["measure"] == "share" and not 0 <= value <= 100:
                errors.append(f"{where}: share {value} outside 0-100")
        except ValueError as e:
            errors.append(f"{where}: numeric fields: {e}")
        for col in ("publisher", "title", "population", "value_text", "series", "edition", "url"):
            if not r[col].strip():
                errors.append(f"{where}: empty {col}")
        if r["subgroup"] and not r["subgroup"].strip("|"):
            errors.append(f"{where}: empty subgroup list")
        url = urlparse(r["url"])
        if url.scheme not in ("http", "https") or not url.hostname:
            errors.append(f"{where}: url must be http(s)")
            continue
        if r["publisher"] not in domains:
            errors.append(f"{where}: publisher `{r['publisher']}` not in {publishers}")
            continue
        host = url.hostname.lower()
        if not any(host == d or host.endswith("." + d) for d in domains[r["publisher"]]):
            exceptions.append(f"{r['id']}: {host} is not a domain of {r['publisher']}")

    for r in rows:
        nxt = r.get("superseded_by") or ""
        if not nxt:
            continue
        where = f"{studies}:{r['_line']}: {r['id']}"
        target = by_id.get(nxt)
        if target is None:
            errors.append(f"{where}: superseded_by `{nxt}` names no row")
            continue
        if (int(target["year"]), target["edition"]) <= (int(r["year"]), r["edition"]):
            errors.append(f"{where}: superseded_by `{nxt}` is not a newer edition")
        if target["concept"] != r["concept"] or target["unit"] != r["unit"]:
            errors.append(f"{where}: superseded_by `{nxt}` measures something else "
                          f"({target['concept']}/{target['unit']} vs {r['concept']}/{r['unit']})")
        # Follow the chain: no cycles.
        seen, cur = {r["id"]}, target
        while cur and cur["superseded_by"]:
            if cur["superseded_by"] in seen:
                errors.append(f"{where}: superseded_by chain loops")
                break
            seen.add(cur["superseded_by"])
            cur = by_id.get(cur["superseded_by"])

    used = {r["publisher"] for r in rows}
    for name in sorted(set(domains) - used):
        exceptions.append(f"{publishers}: {name} names no row of {studies}")

    counts = defaultdict(Counter)
    for r in rows:
        counts[r["series"]][r["edition"]] += 1
    print(f"{len(rows)} rows, {len(counts)} series")
    for series in sorted(counts):
        editions = ", ".join(f"{e}: {n}" for e, n in sorted(counts[series].items()))
        print(f"  {series:28} {sum(counts[series].values()):4}  ({editions})")

    if exceptions:
        print(f"\n{len(exceptions)} exception(s): URL not on the publisher's domains")
        for e in exceptions:
            print(f"  {e}")
    if errors:
        print(f"\n{len(errors)} error(s)")
        for e in errors:
            print(f"  {e}")
        return 1
    print("\nno errors")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
