#!/usr/bin/env bash
# The release suite (tests/suites/release-pgo.sh) builds claimcheck optimised with a profile of
# its own runs, which needs llvm-profdata of the compiler's own LLVM: a rustup component. A
# machine that cannot fetch it still runs everything else; the suite skips itself there.
set -euo pipefail

if command -v rustup >/dev/null 2>&1; then
  rustup component add llvm-tools || echo "llvm-tools.sh: could not add llvm-tools; the release suite will skip itself" >&2
else
  echo "llvm-tools.sh: no rustup here; the release suite will skip itself" >&2
fi
