#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium loads the report of the example
# articles, of hostile articles and of a large (paged) input, and checks what a reader sees
# (tests/browser/report.test.mjs). Screenshots and a printed PDF go to target/browser/.
# Skipped, with a message, only where no Chromium can be installed (.ci/setup.d/chromium.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."

chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "browser suite SKIPPED: no Chromium at $chromium (install it with .ci/setup.d/chromium.sh, which needs apt-get)"
  exit 0
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "browser suite SKIPPED: node and npm are needed to drive Chromium"
  exit 0
fi
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
fi

cargo build --quiet -p claimcheck
bin=target/debug/claimcheck
out=target/browser
rm -rf "$out"
mkdir -p "$out/examples" "$out/paged"

# The example articles: the report, and what extract and check say, to compare with.
"$bin" report --html --exit-zero --out "$out/examples" data/examples/ >/dev/null 2>&1
"$bin" extract --format json data/examples/ >"$out/examples/extract.json"
"$bin" check --format json data/examples/ >"$out/examples/check.json" || [ $? -eq 1 ]

# Hostile articles and a hostile registry.
"$bin" check --format html --studies tests/fixtures/html/hostile-studies.csv \
  tests/fixtures/html/hostile.jsonl >"$out/hostile.html" || [ $? -eq 1 ]

# More articles than fit on one page: an index and a page per article.
for i in $(seq 1 210); do
  printf '{"id":"doc-%03d","text":"Report %d\\n\\nSome %d,000 workers were paid late, and 12 percent of them were never paid.\\n"}\n' "$i" "$i" "$i"
done >"$out/paged/input.jsonl"
"$bin" report --html --exit-zero --out "$out/paged" "$out/paged/input.jsonl" >/dev/null 2>&1

timeout 120 node tests/browser/report.test.mjs "$out"
