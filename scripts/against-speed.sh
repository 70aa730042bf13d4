#!/usr/bin/env bash
# The timing of `check --against` and `registry draft` in the README: a study text of a few
# hundred KB (the World Factbook's 2022 country profiles, public domain, from the benchmark
# corpus, under a title line of ours) and a short article of ours that cites it right and
# wrong. Each command runs three times on one core; the best wall time is kept.
#
#   scripts/against-speed.sh [CORPUS_DIR] [KB]   (default: ../shared/corpus beside the repo, 300)
#
# BIN=path/to/claimcheck uses that binary instead of building target/release/claimcheck.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
kb=${2:-300}
if [ ! -f "$corpus/cia_world_factbook.jsonl" ]; then
  echo "no cia_world_factbook.jsonl in $corpus: pass the corpus folder as the first argument" >&2
  exit 2
fi
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet -p claimcheck
  BIN=$PWD/target/release/claimcheck
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$corpus" "$kb" "$work/factbook-2022.txt" <<'PY'
import json, sys
corpus, kb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
parts = ["The World Factbook 2022: Country Profiles\n\n"]
size = len(parts[0])
with open(f"{corpus}/cia_world_factbook.jsonl", encoding="utf-8") as f:
    for line in f:
        doc = json.loads(line)
        if not doc["id"].startswith("factbook-2022-"):
            continue
        parts.append(doc["text"].rstrip() + "\n\n")
        size += len(parts[-1].encode())
        if size >= kb * 1000:
            break
open(out, "w", encoding="utf-8").write("".join(parts))
PY

cat > "$work/article.md" <<'MD'
# Albania's economy in figures

According to the World Factbook 2022, Albania's economic growth reached 3.8% in 2017.

The World Factbook 2022 says Albania's economic growth reached 4.8% in 2017.

According to the World Factbook 2022, remittances fell to 5.8% of GDP in 2019.

The World Factbook 2022 reports that 61% of Albanians work in farming.
MD

best() {
  local best=999999
  for _ in 1 2 3; do
    local start end ms
    start=$(date +%s%N)
    taskset -c 0 "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    (( ms < best )) && best=$ms
  done
  echo "$best"
}

bytes=$(wc -c < "$work/factbook-2022.txt")
echo "source: $bytes bytes, $(grep -c '' "$work/factbook-2022.txt") lines"
echo "check without --against:      $(best "$BIN" check "$work/article.md") ms"
echo "check --against:              $(best "$BIN" check "$work/article.md" --against "$work/factbook-2022.txt") ms"
echo "registry draft:               $(best "$BIN" registry draft "$work/factbook-2022.txt") ms"
echo
"$BIN" check --format concise "$work/article.md" --against "$work/factbook-2022.txt" 2>&1 \
  | sed "s#$work/##g" || true
echo
"$BIN" registry draft "$work/factbook-2022.txt" --limit 3 --url https://www.cia.gov/the-world-factbook/ 2>/dev/null \
  | sed "s#$work/##g" | cut -c1-400
