#!/usr/bin/env bash
# Runs claimcheck over the benchmark corpus and prints MB/s per command.
#
#   scripts/corpus-speed.sh [CORPUS_DIR]     (default: ../shared/corpus beside the repo)
#
# The corpus is read once before timing so that the disk cache is warm; each command is run
# three times on one core (taskset) and the best time is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
if ! ls "$corpus"/*.jsonl >/dev/null 2>&1; then
  echo "no .jsonl files in $corpus: pass the corpus folder as the first argument" >&2
  exit 2
fi
cargo build --release --quiet -p claimcheck
bin=target/release/claimcheck
files=("$corpus"/*.jsonl)
bytes=$(cat "${files[@]}" | wc -c)
cat "${files[@]}" >/dev/null
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)

measure() {
  local label=$1; shift
  local best=""
  for _ in 1 2 3; do
    local t0 t1 dt
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s.%N)
    dt=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$dt < $best" | bc -l)" = 1 ]; then best=$dt; fi
  done
  printf '%-34s %8.3f s  %7.1f MB/s\n' "$label" "$best" "$(echo "$bytes / 1000000 / $best" | bc -l)"
}

printf 'corpus: %s (%d files, %.2f MB of JSON Lines)\n' "$corpus" "${#files[@]}" "$(echo "$bytes / 1000000" | bc -l)"
measure "extract --format jsonl (1 core)" "${pin[@]}" "$bin" extract --format jsonl "${files[@]}"
measure "extract --format text (1 core)" "${pin[@]}" "$bin" extract --format text "${files[@]}"
measure "check --format jsonl (1 core)" env RAYON_NUM_THREADS=1 "${pin[@]}" "$bin" check --format jsonl "${files[@]}"
measure "check --format jsonl (2 cores)" env RAYON_NUM_THREADS=2 "$bin" check --format jsonl "${files[@]}"
