#!/usr/bin/env bash
# The HTML report of the benchmark corpus: its sizes, the time and memory to write it, and
# how fast Chromium opens and scrolls the index and the largest article page. With
# --one-page, also the whole corpus as one page (check --format html), for comparison.
#
#   scripts/html-corpus.sh [CORPUS_DIR] [--one-page]   (default: ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
if ! ls "$corpus"/*.jsonl >/dev/null 2>&1; then
  echo "no .jsonl files in $corpus: pass the corpus folder as the first argument" >&2
  exit 2
fi
cargo build --release --quiet -p claimcheck
bin=target/release/claimcheck
out=target/html-corpus
rm -rf "$out"
mkdir -p "$out"

echo "== claimcheck report --html over $(ls "$corpus"/*.jsonl | wc -l) files, $(cat "$corpus"/*.jsonl | wc -c) bytes"
/usr/bin/time -f "%e s, %M KB peak memory" "$bin" report --html --exit-zero --out "$out/report" "$corpus"/*.jsonl 2>&1 | grep -v '^report written'
pages="$out/report/report-articles"
echo "report.html: $(du -h "$out/report/report.html" | cut -f1)"
if [ -d "$pages" ]; then
  echo "article pages: $(ls "$pages" | wc -l), $(du -sh "$pages" | cut -f1) in all;" \
    "median $(ls -l "$pages" | awk 'NR>1{print $5}' | sort -n | awk '{a[NR]=$1}END{print a[int(NR/2)+1]}') bytes," \
    "largest $(ls -S "$pages" | sed -n 1p) ($(du -h "$pages/$(ls -S "$pages" | sed -n 1p)" | cut -f1))"
fi

largest="$pages/$(ls -S "$pages" | sed -n 1p)"
targets=("$out/report/report.html" "$largest")
if [ "${2:-}" = "--one-page" ]; then
  echo "== one page: claimcheck check --format html"
  /usr/bin/time -f "%e s, %M KB peak memory" "$bin" check --format html --exit-zero \
    --output-file "$out/one-page.html" "$corpus"/*.jsonl >/dev/null
  echo "one-page.html: $(du -h "$out/one-page.html" | cut -f1)"
  targets+=("$out/one-page.html")
fi

if [ -x /usr/bin/chromium ] && [ -d tests/browser/node_modules/playwright-core ]; then
  echo "== in Chromium (headless, $(nproc) cores)"
  node tests/browser/measure.mjs "${targets[@]}"
else
  echo "(no Chromium or playwright-core: run .ci/setup.d/chromium.sh to measure in a browser)"
fi
