#!/usr/bin/env bash
# Counts the heap allocations `extract` and `check` make per MB of a text: the figure the
# speed issue asks for, which dhat cannot give since the command allocates with jemalloc.
#
#   scripts/allocations.sh BINARY TEXT_FILE
#
# Each allocating entry point of jemalloc in BINARY (malloc, calloc, realloc, mallocx,
# rallocx) gets a uprobe, and `perf stat` counts how often each is entered while the command
# runs on one thread over TEXT_FILE, and over an empty file (the fixed cost of start-up:
# reading the registry, building the automata), which is taken off. Frees are not counted: each
# allocation is freed once. Needs root (uprobes) and perf; the probes are removed at the end.
set -euo pipefail
if [ $# -lt 2 ]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
bin=$(realpath "$1") text=$2
[ -x "$bin" ] || { echo "$bin: not an executable" >&2; exit 2; }
[ -f "$text" ] || { echo "$text: no such file" >&2; exit 2; }
command -v perf >/dev/null || { echo "perf is needed (apt-get install linux-perf)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "uprobes need root" >&2; exit 2; }

group=ccalloc
entries=(_rjem_malloc _rjem_calloc _rjem_realloc _rjem_mallocx _rjem_rallocx)
work=$(mktemp -d)
cleanup() {
  perf probe -q --del "$group:*" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
for e in "${entries[@]}"; do
  perf probe -q -x "$bin" --add "$group:$e=$e" >/dev/null 2>&1 \
    || { echo "$bin has no $e: is it built with jemalloc?" >&2; exit 2; }
done
: > "$work/empty.txt"

# The allocations of one run: the sum over the entry points.
count() {
  RAYON_NUM_THREADS=1 perf stat -x, -e "$group:*" -o "$work/stat" "$bin" "$@" >/dev/null 2>&1 || true
  awk -F, '$1 ~ /^[0-9]+$/ {n += $1} END {print n + 0}' "$work/stat"
}

bytes=$(wc -c < "$text")
printf '%s: %.2f MB\n' "$text" "$(echo "$bytes / 1000000" | bc -l)"
printf '| command | allocations | at start-up | per MB |\n|---|---:|---:|---:|\n'
for cmd in extract check; do
  total=$(count "$cmd" --format jsonl "$text")
  setup=$(count "$cmd" --format jsonl "$work/empty.txt")
  per_mb=$(echo "($total - $setup) * 1000000 / $bytes" | bc)
  printf '| %s | %s | %s | %s |\n' "$cmd" "$total" "$setup" "$per_mb"
done
