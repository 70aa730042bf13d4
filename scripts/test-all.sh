#!/usr/bin/env bash
# Every test of the project: the Rust workspace (`cargo test --workspace`), then each extra
# suite in tests/suites/ (the Python package, the browser test of the HTML report, the
# profile-optimised release build), in name order.
# A suite that cannot run here (no browser, no Java) says so and skips itself.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace
for suite in tests/suites/*.sh; do
  [ -e "$suite" ] || continue
  echo "== ${suite}"
  bash "$suite"
done
