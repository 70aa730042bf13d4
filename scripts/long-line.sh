#!/usr/bin/env bash
# Builds a single line of about 100 MB (the example article repeated, line breaks removed)
# and times `extract` and `check` on it, with their peak memory.
#
#   scripts/long-line.sh [MEGABYTES]      (default 100)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
cargo build --release --quiet -p claimcheck
line=$(mktemp --suffix=.txt)
trap 'rm -f "$line"' EXIT
python3 - "$line" "$mb" <<'PY'
import sys
text = open("data/examples/cambodia-migrants.txt", encoding="utf-8").read().replace("\n", " ")
target = int(sys.argv[2]) * 1_000_000
with open(sys.argv[1], "w", encoding="utf-8") as f:
    written = 0
    while written < target:
        f.write(text)
        written += len(text.encode())
PY
printf 'one line of %s bytes\n' "$(wc -c < "$line")"
for cmd in extract check; do
  /usr/bin/time -f "$cmd: %e s, %M KB peak" target/release/claimcheck "$cmd" --format jsonl "$line" > /dev/null
done
