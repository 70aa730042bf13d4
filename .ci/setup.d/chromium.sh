#!/usr/bin/env bash
# The browser suite (tests/suites/browser.sh) loads the HTML report in Debian's Chromium,
# driven by playwright-core (tests/browser/package.json; it never downloads a browser).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver
  else
    echo "chromium.sh: no apt-get here; the browser suite will skip itself" >&2
  fi
fi

if [ -f tests/browser/package-lock.json ] && command -v npm >/dev/null 2>&1; then
  # playwright-core has no install script and downloads nothing; the variable makes sure.
  (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
