#!/usr/bin/env python3
"""Score `claimcheck check` against the development set of published sentences.

Usage: python3 scripts/score-devset.py [--bin PATH] [--verbose] [eval/devset/sentences.jsonl]

Each sentence is written to its own .txt file as `context + "\n\n" + text` (just the text
when there is no context), the files are checked with `check --format json`, and only the
findings whose span lies inside the sentence text are kept: the context is there to be
read, not scored. Then, overall and by kind:

  specificity  correct sentences with no finding at all / correct sentences
  sensitivity  misreported sentences with a finding whose rule is in expected_rules
               / misreported sentences
  flagged      misreported sentences with any finding / misreported sentences

`--verbose` lists the misses and the false alarms. This is a report, not a test: the script
exits 0 whatever the scores (it prints an error and exits 0 too if the binary cannot run).
Python 3 standard library only.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import OrderedDict, defaultdict

# A group's old name stands for each of its rules: the set was labelled `base-mismatch`
# before that rule was split into five (crates/claimcheck-checker/src/rules/base_mismatch.rs).
GROUPS = {
    "base-mismatch": ["stock-as-flow", "detected-as-all", "relabelled-concept",
                      "part-as-whole", "rate-times-flow"],
}

DEFAULT_BIN = "target/release/claimcheck"
DEFAULT_SET = "eval/devset/sentences.jsonl"


def load(path):
    items = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as e:
                print(f"{path}:{n}: not JSON ({e}); line skipped", file=sys.stderr)
    return items


def document(item):
    """The file's text, and the [start, end) character offsets of the sentence in it."""
    context = item.get("context") or ""
    text = item["text"]
    prefix = context + "\n\n" if context else ""
    return prefix + text, len(prefix), len(prefix) + len(text)


def offset(lines_start, line, column):
    """Character offset of a 1-based line and column (columns count Unicode scalars)."""
    if line < 1 or line > len(lines_start):
        return None
    return lines_start[line - 1] + column - 1


def line_starts(content):
    starts = [0]
    for i, ch in enumerate(content):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def supports_date(binary):
    try:
        out = subprocess.run([binary, "check", "--help"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--date" in out.stdout


def run_check(binary, paths, extra=()):
    cmd = [binary, "check", "--format", "json", *extra, *paths]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd[:4])} … exited {proc.returncode}: {proc.stderr.strip()[:500]}")
    out = proc.stdout.strip()
    return json.loads(out) if out else []


def findings_by_file(binary, tmpdir, items):
    """Run the checker; return {basename: [finding, ...]} (all findings, unfiltered)."""
    result = defaultdict(list)
    names = []
    for item in items:
        name = item["id"] + ".txt"
        content, _, _ = document(item)
        with open(os.path.join(tmpdir, name), "w", encoding="utf-8") as f:
            f.write(content)
        names.append(name)
    if supports_date(binary):
        for item, name in zip(items, names):
            extra = ["--date", str(item["article_date"])] if item.get("article_date") else []
            for fd in run_check(binary, [os.path.join(tmpdir, name)], extra):
                result[os.path.basename(fd["file"])].append(fd)
    else:
        # No date option: one run over all the files (each file is its own document).
        paths = [os.path.join(tmpdir, n) for n in names]
        for i in range(0, len(paths), 200):
            for fd in run_check(binary, paths[i:i + 200]):
                result[os.path.basename(fd["file"])].append(fd)
    return result


def inside(item, fd):
    content, start, end = document(item)
    starts = line_starts(content)
    a = offset(starts, fd.get("line", 0), fd.get("column", 0))
    b = offset(starts, fd.get("end_line", fd.get("line", 0)), fd.get("end_column", fd.get("column", 0)))
    if a is None or b is None:
        return False
    return start <= a and b <= end


def pct(n, d):
    return f"{n}/{d} = {100.0 * n / d:5.1f}%" if d else f"{n}/0 =   n/a"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=DEFAULT_BIN, help=f"the claimcheck binary (default {DEFAULT_BIN})")
    ap.add_argument("--verbose", "-v", action="store_true", help="list misses and false alarms")
    ap.add_argument("set", nargs="?", default=DEFAULT_SET, help=f"the sentences (default {DEFAULT_SET})")
    args = ap.parse_args()

    items = load(args.set)
    if not items:
        print(f"no sentences in {args.set}")
        return 0
    try:
        with tempfile.TemporaryDirectory(prefix="devset-") as tmpdir:
            raw = findings_by_file(args.bin, tmpdir, items)
    except (OSError, RuntimeError, json.JSONDecodeError) as e:
        print(f"could not run {args.bin}: {e}")
        return 0

    rows = []
    for item in items:
        kept = [fd for fd in raw.get(item["id"] + ".txt", []) if inside(item, fd)]
        rules = sorted({fd["rule"] for fd in kept})
        expected = {r for name in item.get("expected_rules") or []
                    for r in GROUPS.get(name, [name])}
        rows.append({
            "item": item,
            "findings": kept,
            "rules": rules,
            "any": bool(kept),
            "hit": bool(expected & set(rules)),
        })

    correct = [r for r in rows if r["item"]["verdict"] == "correct"]
    wrong = [r for r in rows if r["item"]["verdict"] == "misreported"]
    quiet = sum(1 for r in correct if not r["any"])
    hit = sum(1 for r in wrong if r["hit"])
    anyf = sum(1 for r in wrong if r["any"])

    print(f"claimcheck dev set: {len(rows)} sentences ({len(correct)} correct, {len(wrong)} misreported)")
    print(f"binary: {args.bin}")
    print()
    print(f"specificity (correct, no finding)             {pct(quiet, len(correct))}")
    print(f"sensitivity (misreported, an expected rule)   {pct(hit, len(wrong))}")
    print(f"flagged     (misreported, any finding)        {pct(anyf, len(wrong))}")
    print()
    by_kind = OrderedDict()
    for r in sorted(wrong, key=lambda r: r["item"]["kind"] or ""):
        by_kind.setdefault(r["item"]["kind"] or "(none)", []).append(r)
    print(f"{'kind':22} {'n':>4} {'expected rule':>18} {'any finding':>18}")
    print(f"{'correct (false alarms)':22} {len(correct):>4} {'':>18} {pct(len(correct) - quiet, len(correct)):>18}")
    for kind, rs in by_kind.items():
        print(f"{kind:22} {len(rs):>4} {pct(sum(r['hit'] for r in rs), len(rs)):>18} "
              f"{pct(sum(r['any'] for r in rs), len(rs)):>18}")
    print()
    rule_counts = defaultdict(lambda: [0, 0])
    for r in rows:
        for rule in r["rules"]:
            rule_counts[rule][0 if r["item"]["verdict"] == "misreported" else 1] += 1
    if rule_counts:
        print("sentences with each rule raised (misreported / correct):")
        for rule, (m, c) in sorted(rule_counts.items()):
            print(f"  {rule:24} {m:>4} / {c}")
        print()

    if args.verbose:
        print("misses (misreported, no expected rule raised):")
        for r in wrong:
            if not r["hit"]:
                it = r["item"]
                print(f"  {it['id']}  {it['kind']:20} expected {','.join(it.get('expected_rules') or []) or '-':40}"
                      f" raised {','.join(r['rules']) or '-'}")
        print()
        print("false alarms (correct, some finding):")
        for r in correct:
            if r["any"]:
                it = r["item"]
                print(f"  {it['id']}  raised {','.join(r['rules'])}")
                for fd in r["findings"]:
                    print(f"      {fd['rule']}: {fd.get('message', '')[:160]}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
