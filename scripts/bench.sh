#!/usr/bin/env bash
# The speed table of the README: extract and check MB/s and peak memory on news text, beside
# GNU grep pulling every digit run out of the same bytes, in one run.
#
#   scripts/bench.sh [CORPUS_DIR] [MB]     (default: ../shared/corpus beside the repo, 100 MB)
#
# The corpus's texts are concatenated (repeated as needed) into one plain-text file of at
# least MB megabytes, and into a JSON Lines corpus of the same documents; each command runs
# three times on one core (taskset, RAYON_NUM_THREADS=1) and the best time is kept; peak
# resident memory comes from GNU time. The folder runs, and one run of each command on the
# one file, use two threads.
#
# Two more rows time the development set's real sentences (eval/devset/sentences.jsonl)
# repeated as a 3 MB corpus, on one core: the text of the field, far denser in claims.
#
# With BENCH_BIG_GB=N set, the file is also repeated to N gigabytes (it needs that much free
# disk) and each command runs once over it, for peak memory on one very large file: a long
# file is read a window at a time, so memory should not grow with it.
#
# BENCH_BIN=PATH times that binary (the profile-optimised build of scripts/build-pgo.sh, an
# older build) instead of building target/release/claimcheck.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
mb=${2:-100}
if ! ls "$corpus"/*.jsonl >/dev/null 2>&1; then
  echo "no .jsonl files in $corpus: pass the corpus folder as the first argument" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "GNU time (/usr/bin/time) is needed for peak memory: apt-get install time" >&2
  exit 2
fi
if [ -n "${BENCH_BIN:-}" ]; then
  [ -x "$BENCH_BIN" ] || { echo "BENCH_BIN=$BENCH_BIN: not an executable" >&2; exit 2; }
  bin=$(cd "$(dirname "$BENCH_BIN")" && pwd)/$(basename "$BENCH_BIN")
else
  cargo build --release --quiet -p claimcheck
  bin=$PWD/target/release/claimcheck
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$corpus" "$mb" "$work" <<'PY'
import glob, json, os, sys
corpus, mb, work = sys.argv[1], float(sys.argv[2]), sys.argv[3]
texts = []
for path in sorted(glob.glob(os.path.join(corpus, "*.jsonl"))):
    with open(path, encoding="utf-8") as f:
        texts.extend(json.loads(line)["text"] for line in f if line.strip())
target = int(mb * 1_000_000)
size, i = 0, 0
with open(os.path.join(work, "news.txt"), "w", encoding="utf-8") as txt, \
     open(os.path.join(work, "news.jsonl"), "w", encoding="utf-8") as jl:
    while size < target:
        t = texts[i % len(texts)]
        txt.write(t + "\n\n")
        jl.write(json.dumps({"id": f"doc-{i}", "text": t}) + "\n")
        size += len(t.encode()) + 2
        i += 1
print(f"{size / 1e6:.1f} MB of text in {i} documents (from {len(texts)} corpus documents)")
PY
bytes=$(wc -c < "$work/news.txt")
cat "$work/news.txt" "$work/news.jsonl" > /dev/null
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)

measure() {
  local label=$1; shift
  local best="" rss=""
  for _ in 1 2 3; do
    local t0 t1 dt
    t0=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$work/rss" "$@" > "$work/out" 2>/dev/null || true
    t1=$(date +%s.%N)
    dt=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$dt < $best" | bc -l)" = 1 ]; then
      best=$dt
      rss=$(tail -n 1 "$work/rss")
    fi
  done
  printf '| %-40s | %7.2f s | %7.1f MB/s | %6.0f MB |\n' "$label" "$best" \
    "$(echo "$bytes / 1000000 / $best" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}

echo "| command | time | speed | peak RSS |"
echo "|---|---:|---:|---:|"
measure "grep -oE '[0-9][0-9,.]*' (the floor)" "${pin[@]}" grep -oE '[0-9][0-9,.]*' "$work/news.txt"
measure "extract --format jsonl (1 core)" env RAYON_NUM_THREADS=1 "${pin[@]}" "$bin" extract --format jsonl "$work/news.txt"
measure "check --format jsonl (1 core)" env RAYON_NUM_THREADS=1 "${pin[@]}" "$bin" check --format jsonl --exit-zero "$work/news.txt"
measure "extract --format jsonl (2 threads)" env RAYON_NUM_THREADS=2 "$bin" extract --format jsonl "$work/news.txt"
measure "check --format jsonl (2 threads)" env RAYON_NUM_THREADS=2 "$bin" check --format jsonl --exit-zero "$work/news.txt"
measure "extract, corpus (2 threads)" env RAYON_NUM_THREADS=2 "$bin" extract --format jsonl "$work/news.jsonl"
measure "check, corpus (2 threads)" env RAYON_NUM_THREADS=2 "$bin" check --format jsonl --exit-zero "$work/news.jsonl"

# The field's own sentences: the development set's published sentences (eval/devset),
# repeated as a 3 MB corpus. Nearly every one holds a figure on a registry row's topic, which
# costs several times what the benchmark corpus's prose does per byte.
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
with open("eval/devset/sentences.jsonl", encoding="utf-8") as f:
    texts = [json.loads(line)["text"] for line in f if line.strip()]
size, i = 0, 0
with open(os.path.join(work, "field.jsonl"), "w", encoding="utf-8") as out:
    while size < 3_000_000:
        t = texts[i % len(texts)]
        out.write(json.dumps({"id": f"s-{i}", "text": t}) + "\n")
        size += len(t.encode())
        i += 1
PY
bytes_news=$bytes
bytes=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8')))" "$work/field.jsonl")
measure "extract, the field's sentences (1 core)" env RAYON_NUM_THREADS=1 "${pin[@]}" "$bin" extract --format jsonl "$work/field.jsonl"
measure "check, the field's sentences (1 core)" env RAYON_NUM_THREADS=1 "${pin[@]}" "$bin" check --format jsonl --exit-zero "$work/field.jsonl"
bytes=$bytes_news

big=${BENCH_BIG_GB:-0}
if [ "$big" != 0 ]; then
  copies=$(echo "($big * 1000000000 + $bytes - 1) / $bytes" | bc)
  for _ in $(seq "$copies"); do cat "$work/news.txt"; done > "$work/big.txt"
  rm -f "$work/news.jsonl"
  bytes=$(wc -c < "$work/big.txt")
  echo
  echo "One file of $(echo "$bytes / 1000000" | bc) MB, each command once (2 threads):"
  echo
  echo "| command | time | speed | peak RSS |"
  echo "|---|---:|---:|---:|"
  once() {
    local label=$1; shift
    local t0 t1 dt
    t0=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$work/rss" "$@" > /dev/null 2>/dev/null || true
    t1=$(date +%s.%N)
    dt=$(echo "$t1 - $t0" | bc -l)
    printf '| %-40s | %7.2f s | %7.1f MB/s | %6.0f MB |\n' "$label" "$dt" \
      "$(echo "$bytes / 1000000 / $dt" | bc -l)" "$(echo "$(tail -n 1 "$work/rss") / 1024" | bc -l)"
  }
  once "extract --format jsonl" env RAYON_NUM_THREADS=2 "$bin" extract --format jsonl "$work/big.txt"
  once "check --format jsonl" env RAYON_NUM_THREADS=2 "$bin" check --format jsonl --exit-zero "$work/big.txt"
fi
