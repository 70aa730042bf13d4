#!/usr/bin/env python3
"""Score `claimcheck check` against the planted-mistake article set (eval/planted/).

Usage: python3 scripts/score-planted.py [--bin PATH] [--verbose] [--set DIR]

Every article folder `eval/planted/<NN>-<slug>/` holds `planted.md|txt` (an article with
mistakes planted on purpose), `clean.md|txt` (its twin with the mistakes corrected) and
`expected.toml` (one [[finding]] per planted mistake: kind, rule, line, text, why). Both files
of every article are checked with `check --format json --exit-zero`, then:

  FOUND        a planted finding is found when some finding on the planted file has the
               expected rule, the expected line, and a span overlapping the expected text on
               that line (the span is the finding's line/column/end_column; a finding whose
               span cannot be placed is compared by its `text`);
  via related  reported besides FOUND, not counted in it: an expected finding that no finding
               reports at its own location, but that a finding of the expected rule names in
               its `related` locations (an internal contradiction is reported at the later of
               the two figures, naming the earlier one there);
  sensitivity  FOUND / expected, per kind and overall;
  specificity  clean twins with no finding at all / clean twins.

A FOUND finding that the clean twin also raises (same rule, same line, starting at the column
where the planted text starts: markers never span lines, so the corrected figure sits at the
same place) is counted in the column "same on clean": it was not raised because of the planted
mistake.

`--verbose` lists every miss (with the findings on that line, if any) and every finding on a
clean twin. This is a report, not a test: the script exits 0 whatever the scores, and also
when the binary cannot run (it says so). Python 3.11+ standard library only (tomllib).
"""

import argparse
import json
import os
import subprocess
import sys
from collections import Counter, OrderedDict

try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None

DEFAULT_BIN = "target/release/claimcheck"
DEFAULT_SET = "eval/planted"
KINDS = ["restatement", "hedge", "stated_arithmetic", "impossible_shares", "derivable_share"]


def load_expected(path):
    with open(path, "rb") as f:
        data = f.read()
    if tomllib is not None:
        return tomllib.loads(data.decode("utf-8")).get("finding", [])
    # Minimal reader for the generated files: [[finding]] tables of key = "string" | int.
    findings, cur = [], None
    for raw in data.decode("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line == "[[finding]]":
            cur = {}
            findings.append(cur)
            continue
        key, _, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if value.startswith('"'):
            value = json.loads(value)
        else:
            value = int(value)
        if cur is not None:
            cur[key] = value
    return findings


def articles(root):
    out = []
    for name in sorted(os.listdir(root)):
        d = os.path.join(root, name)
        if not os.path.isdir(d) or not os.path.exists(os.path.join(d, "expected.toml")):
            continue
        planted = clean = None
        for f in sorted(os.listdir(d)):
            if f.startswith("planted."):
                planted = os.path.join(d, f)
            elif f.startswith("clean."):
                clean = os.path.join(d, f)
        if planted and clean:
            out.append((name, planted, clean, load_expected(os.path.join(d, "expected.toml"))))
        else:
            print(f"{d}: no planted/clean pair; skipped", file=sys.stderr)
    return out


def run(binary, paths):
    """Findings by file path, or None when the binary cannot run."""
    cmd = [binary, "check", "--format", "json", "--exit-zero", *paths]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    except OSError as e:
        print(f"cannot run {binary}: {e}", file=sys.stderr)
        return None
    if p.returncode != 0 and not p.stdout.strip():
        print(f"{binary} exited {p.returncode}: {p.stderr.strip()[:500]}", file=sys.stderr)
        return None
    try:
        findings = json.loads(p.stdout or "[]")
    except json.JSONDecodeError as e:
        print(f"{binary}: output is not JSON ({e})", file=sys.stderr)
        return None
    by_file = {os.path.normpath(x): [] for x in paths}
    for f in findings:
        by_file.setdefault(os.path.normpath(f.get("file", "")), []).append(f)
    return by_file


def expected_spans(lines, exp):
    """Column ranges [start, end) (1-based, Unicode scalars) of exp's text on its line."""
    n = exp["line"]
    if n < 1 or n > len(lines):
        return []
    line, text, spans, i = lines[n - 1], exp["text"], [], 0
    while True:
        i = line.find(text, i)
        if i < 0:
            return spans
        spans.append((i + 1, i + 1 + len(text)))
        i += 1


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def texts_overlap(a, b):
    a, b = a.lower(), b.lower()
    return bool(a) and bool(b) and (a in b or b in a)


def finding_span(f, lines):
    line, col = f.get("line"), f.get("column")
    if not line or not col:
        return None
    if f.get("end_line") == line and f.get("end_column"):
        return (col, f["end_column"])
    if 1 <= line <= len(lines):
        return (col, len(lines[line - 1]) + 1)
    return None


def at(loc_line, loc_span, loc_text, exp, spans):
    if loc_line != exp["line"]:
        return False
    if loc_span is not None and spans:
        return any(overlaps(loc_span, s) for s in spans)
    return texts_overlap(loc_text or "", exp["text"])


def found(exp, findings, lines):
    spans = expected_spans(lines, exp)
    for f in findings:
        if f.get("rule") == exp["rule"] and at(f.get("line"), finding_span(f, lines),
                                               f.get("text"), exp, spans):
            return "found"
    for f in findings:
        if f.get("rule") != exp["rule"]:
            continue
        for r in f.get("related") or []:
            col, text = r.get("column"), r.get("text") or ""
            span = (col, col + len(text)) if col else None
            if at(r.get("line"), span, text, exp, spans):
                return "related"
    return None


def pct(a, b):
    return f"{100.0 * a / b:5.1f}%" if b else "    -"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=DEFAULT_BIN, help=f"claimcheck binary (default {DEFAULT_BIN})")
    ap.add_argument("--set", default=DEFAULT_SET, help=f"article folder (default {DEFAULT_SET})")
    ap.add_argument("--verbose", action="store_true", help="list every miss and false finding")
    args = ap.parse_args()

    items = articles(args.set)
    if not items:
        print(f"no articles under {args.set}")
        return 0
    paths = [p for _, planted, clean, _ in items for p in (planted, clean)]
    results = run(args.bin, paths)
    if results is None:
        print("claimcheck could not run; no scores")
        return 0

    stats = OrderedDict((k, Counter()) for k in KINDS)
    misses, false_findings, clean_ok, same_on_clean = [], [], 0, []
    for name, planted, clean, expected in items:
        with open(planted, encoding="utf-8") as f:
            plines = f.read().split("\n")
        pf = results.get(os.path.normpath(planted), [])
        with open(clean, encoding="utf-8") as f:
            clines = f.read().split("\n")
        cf = results.get(os.path.normpath(clean), [])
        for exp in expected:
            s = stats.setdefault(exp["kind"], Counter())
            s["expected"] += 1
            how = found(exp, pf, plines)
            if how == "found":
                s["found"] += 1
                starts = {a for a, _ in expected_spans(plines, exp)}
                same = [f for f in cf if f.get("rule") == exp["rule"]
                        and f.get("line") == exp["line"] and f.get("column") in starts]
                if same:
                    s["same"] += 1
                    if args.verbose:
                        same_on_clean.append((planted, exp, same))
            else:
                if how == "related":
                    s["related"] += 1
                on_line = [f for f in pf if f.get("line") == exp["line"]]
                misses.append((name, planted, exp, how, on_line))
        if cf:
            false_findings.extend((name, f) for f in cf)
        else:
            clean_ok += 1

    print(f"planted-mistake set: {len(items)} articles, binary {args.bin}")
    print()
    print(f"{'kind':<20} {'found/expected':>14} {'sensitivity':>12}   same on clean"
          "   via related only")
    tf = te = tr = ts = 0
    for kind, s in stats.items():
        tf, te, tr, ts = tf + s["found"], te + s["expected"], tr + s["related"], ts + s["same"]
        print(f"{kind:<20} {s['found']:>6}/{s['expected']:<7} {pct(s['found'], s['expected']):>12}"
              f"   {s['same']:>13}   {s['related']:>16}")
    print(f"{'all':<20} {tf:>6}/{te:<7} {pct(tf, te):>12}   {ts:>13}   {tr:>16}")
    print()
    print(f"specificity: clean twins with no finding at all {clean_ok}/{len(items)} "
          f"({pct(clean_ok, len(items)).strip()})")
    if false_findings:
        by_rule = Counter(f["rule"] for _, f in false_findings)
        print(f"findings on clean twins: {len(false_findings)} ("
              + ", ".join(f"{r} {n}" for r, n in by_rule.most_common()) + ")")

    if args.verbose:
        print()
        print(f"misses ({len(misses)}):")
        for name, planted, exp, how, on_line in misses:
            note = " [reported only as a related location]" if how == "related" else ""
            print(f"  {planted}:{exp['line']}: {exp['kind']} / {exp['rule']} "
                  f"\u201c{exp['text']}\u201d{note}")
            print(f"      why: {exp['why']}")
            for f in on_line:
                print(f"      on that line: {f['rule']} {f.get('column')}: "
                      f"\u201c{f.get('text')}\u201d")
        print()
        print(f"found, but raised on the clean twin too ({len(same_on_clean)}):")
        for planted, exp, same in same_on_clean:
            print(f"  {planted}:{exp['line']}: {exp['kind']} \u201c{exp['text']}\u201d; clean: "
                  + "; ".join(f"\u201c{f.get('text')}\u201d {f.get('message')}" for f in same))
        print()
        print(f"false findings on clean twins ({len(false_findings)}):")
        for name, f in false_findings:
            print(f"  {f['file']}:{f['line']}:{f['column']}: {f['rule']} "
                  f"\u201c{f.get('text')}\u201d: {f.get('message')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
