#!/usr/bin/env bash
# The profile-optimised release build, as the release workflow makes it (scripts/build-pgo.sh):
# it builds, and it reads the repository's prose exactly as a plain release build does (the
# same records from `extract`, the same findings from `check`, byte for byte). Optimisation
# must never change what the tool says. Skips itself where llvm-profdata cannot be had
# (`rustup component add llvm-tools`, which .ci/setup.d/llvm-tools.sh runs).
set -euo pipefail
cd "$(dirname "$0")/../.."

profdata=${LLVM_PROFDATA:-"$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/llvm-profdata"}
if [ ! -x "$profdata" ]; then
  echo "skipped: no llvm-profdata (rustup component add llvm-tools)"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "-- the plain release build"
nice -n 10 cargo build --release --locked --quiet -p claimcheck
plain=target/release/claimcheck

echo "-- the profile-optimised build"
nice -n 10 scripts/build-pgo.sh "$work/claimcheck-pgo"
optimised="$work/claimcheck-pgo"

inputs=(eval data/examples tests/fixtures/articles)
compared=0
for command in "extract --format jsonl" "check --format jsonl --exit-zero" "derive --format jsonl"; do
  for build in plain optimised; do
    binary=$plain
    [ "$build" = optimised ] && binary=$optimised
    # shellcheck disable=SC2086 # the command's words are meant to split
    if ! "$binary" $command "${inputs[@]}" > "$work/$build.out" 2> "$work/$build.err"; then
      echo "FAILED: the $build build's claimcheck $command exited with an error:" >&2
      tail -n 20 "$work/$build.err" >&2
      exit 1
    fi
  done
  lines=$(wc -l < "$work/plain.out")
  if [ "$lines" -lt 10 ]; then
    echo "FAILED: claimcheck $command wrote only $lines lines: nothing was compared" >&2
    exit 1
  fi
  if ! cmp -s "$work/plain.out" "$work/optimised.out"; then
    echo "FAILED: claimcheck $command differs between the plain and the optimised build:" >&2
    diff "$work/plain.out" "$work/optimised.out" | head -20 >&2
    exit 1
  fi
  compared=$((compared + lines))
  echo "same output: claimcheck $command ($lines lines)"
done
echo "ok: $compared lines the same from both builds"
