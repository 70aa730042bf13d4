#!/usr/bin/env bash
# Whether two builds of claimcheck give the same bytes: the outputs are the contract, so a
# change made for speed must not change them. Runs `check --format json`, `extract --format
# jsonl`, `report --html` (whose page shows each figure's registry readings), `derive` and
# `explain` (at every line of the examples and the fixture articles) with
# both binaries on the shipped examples, the test fixtures, the planted-mistake articles, the
# development set's sentences and (when it is beside the repo) a slice of ../shared/corpus,
# also joined into one long file (read a window at a time), and prints each difference.
#
#   scripts/same-output.sh OLD_BINARY [NEW_BINARY]   (NEW defaults to a fresh release build)
#
# Exits 0 when every output is the same, 1 when any differs.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: scripts/same-output.sh OLD_BINARY [NEW_BINARY]}
new=${2:-}
if [ -z "$new" ]; then
  cargo build --release --quiet -p claimcheck
  new=target/release/claimcheck
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The inputs: files as they are, the development set's sentences as one article each.
inputs=(data/examples eval/planted tests/fixtures/articles tests/fixtures/corpus.jsonl)
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
os.makedirs(os.path.join(work, "devset"))
with open("eval/devset/sentences.jsonl", encoding="utf-8") as f, \
     open(os.path.join(work, "devset", "sentences.jsonl"), "w", encoding="utf-8") as out:
    for line in f:
        s = json.loads(line)
        text = (s["context"] + "\n\n" if s["context"] else "") + s["text"]
        out.write(json.dumps({"id": s["id"], "text": text, "date": s["article_date"]}) + "\n")
PY
inputs+=("$work/devset/sentences.jsonl")
if [ -d ../shared/corpus ]; then
  mkdir -p "$work/corpus"
  for f in ../shared/corpus/*.jsonl; do head -n 400 "$f" > "$work/corpus/$(basename "$f")"; done
  inputs+=("$work/corpus")
  python3 - "$work" <<'PY'
import glob, json, os, sys
work = sys.argv[1]
with open(os.path.join(work, "long.txt"), "w", encoding="utf-8") as out:
    for path in sorted(glob.glob(os.path.join(work, "corpus", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            out.writelines(json.loads(line)["text"] + "\n\n" for line in f if line.strip())
PY
  inputs+=("$work/long.txt")
fi

status=0
# The report's tables and page: the page carries each figure's registry readings, which a
# `check` with no finding does not show.
compare_report() {
  local label=$1; shift
  rm -rf "$work/old-report" "$work/new-report"
  "$old" report --html --out "$work/old-report" "$@" > /dev/null 2>&1 || true
  "$new" report --html --out "$work/new-report" "$@" > /dev/null 2>&1 || true
  if diff -rq "$work/old-report" "$work/new-report" > /dev/null; then
    echo "same       $label ($(find "$work/new-report" -type f -exec cat {} + | wc -c) bytes)"
  else
    echo "DIFFERENT  $label"
    diff -r "$work/old-report" "$work/new-report" | head -20 || true
    status=1
  fi
}
compare() {
  local label=$1; shift
  "$old" "$@" > "$work/old.out" 2> "$work/old.err" || true
  "$new" "$@" > "$work/new.out" 2> "$work/new.err" || true
  if cmp -s "$work/old.out" "$work/new.out" && cmp -s "$work/old.err" "$work/new.err"; then
    echo "same       $label ($(wc -c < "$work/new.out") bytes)"
  else
    echo "DIFFERENT  $label"
    diff <(head -c 20000 "$work/old.out") <(head -c 20000 "$work/new.out") | head -20 || true
    status=1
  fi
}
for input in "${inputs[@]}"; do
  name=${input#"$work/"}
  compare "check $name" check --format json --exit-zero "$input"
  compare "extract $name" extract --format jsonl "$input"
  compare_report "report $name" "$input"
done
compare "derive example" derive data/examples/cambodia-migrants.txt
# `explain`, which prints every registry row considered with its evidence, at every line of
# the examples and the fixture articles.
explained=0
for f in data/examples/*.txt tests/fixtures/articles/*; do
  [ -f "$f" ] || continue
  for line in $(seq 1 "$(wc -l < "$f")"); do
    compare "explain $f:$line" explain --all "$f:$line" >> "$work/explain.log"
    explained=$((explained + 1))
  done
done
grep -v '^same' "$work/explain.log" ||
  echo "same       explain at $explained lines of the examples and fixture articles"
exit $status
