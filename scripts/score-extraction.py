#!/usr/bin/env python3
"""Score `claimcheck extract` against the hand-annotated gold set in eval/extraction/.

    python3 scripts/score-extraction.py [--bin PATH] [--verbose] [--json] [FILES...]

FILES default to eval/extraction/*.jsonl (relative to the repository root); --bin defaults
to target/release/claimcheck. All gold sentences are written to one temporary corpus file
(JSON Lines with `id` and `text`) and extracted in a single run of
`BIN extract --format jsonl --input-format jsonl`.

Matching, per sentence:
  * exact: a predicted mention whose UTF-8 byte span [start, end) equals a gold span;
  * loose: exact matches first, then the remaining pairs whose spans overlap, greedily by
    largest overlap (one-to-one).
Field accuracy is computed over loose matches. Numbers are equal within a relative
tolerance of 1e-9 (both null also counts as equal); units compare case-insensitively.

Also reported: the `not_figures` strings (identifiers, dates, citations) that the tool
read as figures -- a predicted mention overlapping the string and no gold mention -- and
the gold changes ("rose from X to Y") that the tool read as one range (one predicted
mention covering both figures).

Standard library only. The exit code is 0 unless the tool could not be run (2).
"""
import argparse
import collections
import glob
import json
import math
import os
import signal
import subprocess
import sys
import tempfile

FIELDS = ["kind", "value", "endpoints", "lower", "upper", "lower_inclusive",
          "upper_inclusive", "qualifier", "unit", "per", "currency"]
NUMERIC = {"value", "lower", "upper"}
TAGS = ["change", "identifier", "fiscal_year", "verb_rate", "verb_bound", "age",
        "fraction", "notation", "counted_noun"]
REL_TOL = 1e-9
# field groups shown per sentence tag
TAG_GROUPS = {"kind": ["kind"], "value": ["value", "endpoints"],
              "bounds": ["lower", "upper", "lower_inclusive", "upper_inclusive"],
              "qualifier": ["qualifier"], "unit": ["unit"], "per": ["per"],
              "currency": ["currency"], "all": FIELDS}


def num_eq(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=1e-12)


def field_eq(field, gold, pred):
    g, p = gold.get(field), pred.get(field)
    if field in NUMERIC:
        return num_eq(g, p)
    if field == "endpoints":
        if g is None or p is None:
            return g is None and p is None
        return len(g) == len(p) and all(num_eq(x, y) for x, y in zip(g, p))
    if field == "unit":
        norm = lambda s: None if s is None else " ".join(str(s).lower().split())
        return norm(g) == norm(p)
    return g == p


def overlap(a, b):
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def byte_spans(text, needle):
    """All UTF-8 byte spans of `needle` in `text`."""
    out, i = [], text.find(needle)
    while i >= 0:
        start = len(text[:i].encode("utf-8"))
        out.append((start, start + len(needle.encode("utf-8"))))
        i = text.find(needle, i + 1)
    return out


def match(gold, pred):
    """Return (exact pairs, loose pairs) as lists of (gold index, pred index)."""
    exact, used_g, used_p = [], set(), set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used_p and g["start"] == p["start"] and g["end"] == p["end"]:
                exact.append((gi, pi))
                used_g.add(gi)
                used_p.add(pi)
                break
    cands = sorted(((overlap(g, p), gi, pi) for gi, g in enumerate(gold)
                    for pi, p in enumerate(pred)
                    if gi not in used_g and pi not in used_p and overlap(g, p) > 0),
                   reverse=True)
    loose = list(exact)
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            loose.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return exact, loose


def prf(tp_p, n_pred, tp_r, n_gold):
    p = tp_p / n_pred if n_pred else float("nan")
    r = tp_r / n_gold if n_gold else float("nan")
    f = 2 * p * r / (p + r) if n_pred and n_gold and (p + r) else float("nan")
    return p, r, f


def fmt(x):
    return "   -  " if x != x else f"{100 * x:5.1f}%"


def load_gold(files):
    recs = []
    for fn in files:
        with open(fn, encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                if line.strip():
                    r = json.loads(line)
                    r["_file"] = fn
                    recs.append(r)
    ids = collections.Counter(r["id"] for r in recs)
    dup = [i for i, c in ids.items() if c > 1]
    if dup:
        sys.exit(f"duplicate gold ids: {dup[:5]}")
    return recs


def run_tool(binary, recs):
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "gold.jsonl")
        with open(corpus, "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
        cmd = [binary, "extract", "--format", "jsonl", "--input-format", "jsonl", corpus]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True)
        except OSError as e:
            print(f"error: cannot run {binary}: {e}", file=sys.stderr)
            sys.exit(2)
        if proc.returncode not in (0, 2) or (proc.returncode == 2 and not proc.stdout):
            print(f"error: {' '.join(cmd)} exited {proc.returncode}\n{proc.stderr}", file=sys.stderr)
            sys.exit(2)
        if proc.stderr.strip():
            print(f"note: the tool wrote to stderr:\n{proc.stderr.strip()}", file=sys.stderr)
    pred = collections.defaultdict(list)
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        p = json.loads(line)
        doc = p["file"].rsplit("#", 1)[-1]
        pred[doc].append(p)
    for v in pred.values():
        v.sort(key=lambda p: (p["start"], p["end"]))
    return pred


def main():
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(root, "target", "release", "claimcheck"))
    ap.add_argument("--verbose", "-v", action="store_true", help="list every error")
    ap.add_argument("--json", action="store_true", help="also print the scores as one JSON object")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = args.files or sorted(glob.glob(os.path.join(root, "eval", "extraction", "*.jsonl")))
    if not files:
        sys.exit("no gold files")
    recs = load_gold(files)
    preds = run_tool(args.bin, recs)

    tot = collections.Counter()
    by_tag = collections.defaultdict(collections.Counter)
    by_kind = collections.defaultdict(collections.Counter)
    field_ok = collections.Counter()
    field_ok_kind = collections.defaultdict(collections.Counter)
    field_n_kind = collections.Counter()
    tag_fields = collections.defaultdict(collections.Counter)
    errors = []

    for r in recs:
        gold, pred, text, rid = r["mentions"], preds.get(r["id"], []), r["text"], r["id"]
        tags = r.get("kinds") or []
        exact, loose = match(gold, pred)
        ex_g = {gi for gi, _ in exact}
        lo_g = {gi for gi, _ in loose}
        ex_p = {pi for _, pi in exact}
        lo_p = {pi for _, pi in loose}
        c = collections.Counter(gold=len(gold), pred=len(pred), exact=len(exact), loose=len(loose))
        tot.update(c)
        for t in tags:
            by_tag[t].update(c)
        by_tag["(untagged)" if not tags else "(any tag)"].update(c)
        for gi, g in enumerate(gold):
            k = by_kind[g["kind"]]
            k["gold"] += 1
            k["exact_r"] += gi in ex_g
            k["loose_r"] += gi in lo_g
        for pi, p in enumerate(pred):
            k = by_kind[p["kind"]]
            k["pred"] += 1
            k["exact_p"] += pi in ex_p
            k["loose_p"] += pi in lo_p

        # field accuracy over loose matches
        for gi, pi in loose:
            g, p = gold[gi], pred[pi]
            bad = [f for f in FIELDS if not field_eq(f, g, p)]
            span_ok = (gi, pi) in exact
            tot["matched"] += 1
            field_n_kind[g["kind"]] += 1
            for f in FIELDS:
                ok = f not in bad
                field_ok[f] += ok
                field_ok_kind[g["kind"]][f] += ok
            for t in tags:
                tf = tag_fields[t]
                tf["n"] += 1
                for group, fs in TAG_GROUPS.items():
                    tf[group] += not any(f in bad for f in fs)
            if not bad:
                tot["all_fields"] += 1
                if span_ok:
                    tot["all_fields_exact_span"] += 1
            if bad or not span_ok:
                errors.append((rid, "field" if bad else "span",
                               f"gold `{g['text']}` vs predicted `{p['text']}`"
                               + "".join(f"\n      {f}: gold {json.dumps(g.get(f), ensure_ascii=False)}"
                                         f" / predicted {json.dumps(p.get(f), ensure_ascii=False)}"
                                         for f in bad)))
        for gi, g in enumerate(gold):
            if gi not in lo_g:
                errors.append((rid, "missed", f"`{g['text']}` ({g['kind']})"))
        for pi, p in enumerate(pred):
            if pi not in lo_p:
                errors.append((rid, "spurious", f"`{p['text']}` ({p['kind']}, value {p.get('value')})"))

        # identifiers and other non-figures read as figures
        for nf in r.get("not_figures") or []:
            tot["not_figures"] += 1
            hit = None
            for s, e in byte_spans(text, nf):
                span = {"start": s, "end": e}
                for p in pred:
                    if overlap(span, p) and not any(overlap(p, g) for g in gold):
                        hit = p
                        break
                if hit:
                    break
            if hit:
                tot["not_figures_read"] += 1
                errors.append((rid, "not-figure", f"`{nf}` read as {hit['kind']} `{hit['text']}`"))

        # changes read as one range
        for ch in r.get("changes") or []:
            tot["changes"] += 1
            gf = next((g for g in gold if g["text"] == ch["from"]), None)
            gt = next((g for g in gold if g["text"] == ch["to"]), None)
            if gf is None or gt is None:
                continue
            merged = [p for p in pred if overlap(p, gf) and overlap(p, gt)]
            if merged:
                tot["changes_as_range"] += 1
                errors.append((rid, "change-as-range",
                               f"`{ch['from']}` -> `{ch['to']}` read as `{merged[0]['text']}`"
                               f" endpoints {merged[0].get('endpoints')}"))
            elif any(gi in lo_g for gi, g in enumerate(gold) if g is gf) and \
                    any(gi in lo_g for gi, g in enumerate(gold) if g is gt):
                tot["changes_split"] += 1

    # ---- report ----
    out = {}
    print(f"gold: {len(recs)} sentences, {tot['gold']} mentions, {sum(len(r.get('not_figures') or []) for r in recs)} not-figures, "
          f"{tot['changes']} changes  ({', '.join(os.path.relpath(f, root) for f in files)})")
    print(f"tool: {args.bin}: {tot['pred']} mentions\n")
    ep, er, ef = prf(tot["exact"], tot["pred"], tot["exact"], tot["gold"])
    lp, lr, lf = prf(tot["loose"], tot["pred"], tot["loose"], tot["gold"])
    print("mentions                 precision  recall      F1")
    print(f"  exact span              {fmt(ep)}  {fmt(er)}  {fmt(ef)}")
    print(f"  overlapping span        {fmt(lp)}  {fmt(lr)}  {fmt(lf)}")
    out["mentions"] = {"exact": {"precision": ep, "recall": er, "f1": ef},
                       "loose": {"precision": lp, "recall": lr, "f1": lf}}

    print("\nby sentence tag (mentions in sentences with the tag)")
    print(f"  {'tag':<16}{'sent':>5}{'gold':>6}{'pred':>6}   exact P   exact R   loose P   loose R")
    out["by_tag"] = {}
    nsent = collections.Counter(t for r in recs for t in (r.get("kinds") or []))
    nsent["(untagged)"] = sum(1 for r in recs if not r.get("kinds"))
    nsent["(any tag)"] = len(recs) - nsent["(untagged)"]
    for t in TAGS + ["(any tag)", "(untagged)"]:
        c = by_tag.get(t, collections.Counter())
        e = prf(c["exact"], c["pred"], c["exact"], c["gold"])
        l = prf(c["loose"], c["pred"], c["loose"], c["gold"])
        print(f"  {t:<16}{nsent[t]:>5}{c['gold']:>6}{c['pred']:>6}    {fmt(e[0])}    {fmt(e[1])}    {fmt(l[0])}    {fmt(l[1])}")
        out["by_tag"][t] = {"sentences": nsent[t], "gold": c["gold"], "pred": c["pred"],
                            "exact_precision": e[0], "exact_recall": e[1],
                            "loose_precision": l[0], "loose_recall": l[1]}

    print("\nby mention kind (recall by gold kind, precision by predicted kind)")
    print(f"  {'kind':<10}{'gold':>6}{'pred':>6}   exact P   exact R   loose P   loose R")
    out["by_kind"] = {}
    for k in ["number", "percent", "money", "year", "ordinal"] + sorted(set(by_kind) - {"number", "percent", "money", "year", "ordinal"}):
        c = by_kind.get(k, collections.Counter())
        e = prf(c["exact_p"], c["pred"], c["exact_r"], c["gold"])
        l = prf(c["loose_p"], c["pred"], c["loose_r"], c["gold"])
        print(f"  {k:<10}{c['gold']:>6}{c['pred']:>6}    {fmt(e[0])}    {fmt(e[1])}    {fmt(l[0])}    {fmt(l[1])}")
        out["by_kind"][k] = {"gold": c["gold"], "pred": c["pred"], "exact_precision": e[0],
                             "exact_recall": e[1], "loose_precision": l[0], "loose_recall": l[1]}

    m = tot["matched"]
    print(f"\nfield accuracy over {m} matched mentions (overlapping spans)")
    kinds = ["number", "percent", "money", "year", "ordinal"]
    print(f"  {'field':<17}{'all':>7}" + "".join(f"{k:>9}" for k in kinds))
    out["fields"] = {}
    for f in FIELDS:
        acc = field_ok[f] / m if m else float("nan")
        row = f"  {f:<17}{fmt(acc):>7}"
        for k in kinds:
            n = field_n_kind[k]
            row += f"{fmt(field_ok_kind[k][f] / n) if n else '   -  ':>9}"
        print(row)
        out["fields"][f] = acc
    print(f"\nfield accuracy over matched mentions, by sentence tag")
    print(f"  {'tag':<16}{'matched':>8}" + "".join(f"{g:>10}" for g in TAG_GROUPS))
    out["fields_by_tag"] = {}
    for t in TAGS:
        tf = tag_fields.get(t, collections.Counter())
        n = tf["n"]
        print(f"  {t:<16}{n:>8}" + "".join(f"{fmt(tf[g] / n) if n else '   -  ':>10}" for g in TAG_GROUPS))
        out["fields_by_tag"][t] = {g: (tf[g] / n if n else None) for g in TAG_GROUPS}
    allf = tot["all_fields"] / m if m else float("nan")
    print(f"  {'every field':<17}{fmt(allf):>7}")
    strict = tot["all_fields_exact_span"] / tot["gold"] if tot["gold"] else float("nan")
    print(f"\ngold mentions found with the exact span and every field right: "
          f"{tot['all_fields_exact_span']}/{tot['gold']} = {fmt(strict).strip()}")
    print(f"not-figures read as figures: {tot['not_figures_read']}/{tot['not_figures']}")
    print(f"changes read as one range: {tot['changes_as_range']}/{tot['changes']}"
          f" (both figures found separately: {tot['changes_split']})")
    out.update({"every_field": allf, "strict_end_to_end": strict,
                "not_figures_read": tot["not_figures_read"], "not_figures": tot["not_figures"],
                "changes_as_range": tot["changes_as_range"], "changes": tot["changes"],
                "gold_mentions": tot["gold"], "predicted_mentions": tot["pred"],
                "sentences": len(recs)})

    if args.verbose:
        print("\nerrors")
        text = {r["id"]: r["text"] for r in recs}
        last = None
        for rid, kind, msg in errors:
            if rid != last:
                print(f"\n{rid}: {text[rid]}")
                last = rid
            print(f"  {kind}: {msg}")
    if args.json:
        def clean(x):  # NaN (no data) becomes null, so the output is strict JSON
            if isinstance(x, dict):
                return {k: clean(v) for k, v in x.items()}
            if isinstance(x, float) and x != x:
                return None
            return x
        print(json.dumps(clean(out), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
