#!/usr/bin/env bash
# Checks the benchmark corpus (ordinary news and report prose, where a finding is almost
# always a false alarm) and prints findings per 1,000 documents, by rule and severity.
#
#   scripts/corpus-false-alarms.sh [CORPUS_DIR]     (default: ../shared/corpus beside the repo)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
if ! ls "$corpus"/*.jsonl >/dev/null 2>&1; then
  echo "no .jsonl files in $corpus: pass the corpus folder as the first argument" >&2
  exit 2
fi
cargo build --release --quiet -p claimcheck
docs=$(cat "$corpus"/*.jsonl | grep -c .)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
target/release/claimcheck check --format csv --exit-zero "$corpus"/*.jsonl > "$out"
findings=$(($(wc -l < "$out") - 1))
echo "documents: $docs"
echo "findings:  $findings"
python3 - "$out" "$docs" <<'PY'
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
docs = int(sys.argv[2])
count = collections.Counter((r["severity"], r["rule"]) for r in rows)
errors = sum(n for (sev, _), n in count.items() if sev == "error")
print(f"errors per 1,000 documents: {1000 * errors / docs:.2f}")
for (sev, rule), n in sorted(count.items()):
    print(f"  {sev:8} {rule:24} {n:6}  ({1000 * n / docs:.2f} per 1,000)")
PY
