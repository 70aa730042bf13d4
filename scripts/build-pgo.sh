#!/usr/bin/env bash
# Builds a release binary of claimcheck optimised with a profile of its own runs (profile-guided
# optimisation): the compiler lays out and inlines the parser and the rules by how often each
# branch is taken on real prose.
#
#   scripts/build-pgo.sh [OUT]          (default OUT: target/pgo/claimcheck)
#
# The profile comes from the repository's own prose only (the evaluation sets under eval/, the
# shipped examples and the test articles): extract, derive, check and report run over them with
# an instrumented build. The speed benches read ../shared/corpus, which the profile never sees.
# The outputs of the optimised binary are those of a plain release build; scripts/same-output.sh
# compares the two.
#
# Needs llvm-profdata of the compiler's own LLVM: `rustup component add llvm-tools` provides it
# (or set LLVM_PROFDATA). Builds in target/pgo-build, apart from the ordinary target folder
# (CLAIMCHECK_PGO_TARGET_DIR sets another; its path may hold no space).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
out=${1:-target/pgo/claimcheck}
build_dir=${CLAIMCHECK_PGO_TARGET_DIR:-"$root/target/pgo-build"}

# RUSTFLAGS is split on spaces: the profiles' folder must have none in its path.
case "$build_dir" in
  *" "*)
    echo "build-pgo.sh: the build folder's path has a space ($build_dir);" >&2
    echo "  set CLAIMCHECK_PGO_TARGET_DIR to a path without one" >&2
    exit 2
    ;;
esac

profdata=${LLVM_PROFDATA:-}
if [ -z "$profdata" ]; then
  profdata="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/llvm-profdata"
fi
if [ ! -x "$profdata" ] && [ ! -x "$profdata.exe" ]; then
  echo "build-pgo.sh: llvm-profdata not found at $profdata" >&2
  echo "  install it with: rustup component add llvm-tools (or set LLVM_PROFDATA)" >&2
  exit 2
fi

# Building for the host named as a target keeps RUSTFLAGS off build scripts and procedural
# macros, which would otherwise write profiles of the compiler's own work.
host=$(rustc -vV | sed -n 's/^host: //p')
profiles="$build_dir/profiles"
rm -rf "$profiles"
mkdir -p "$profiles"

echo "build-pgo.sh: building the instrumented binary" >&2
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-generate=$profiles" \
  cargo build --release --locked -q -p claimcheck --target "$host" \
  --target-dir "$build_dir/instrumented"
bin="$build_dir/instrumented/$host/release/claimcheck"

# The training runs: every command a user runs, over the repository's own prose. Exit status 1
# (findings) is expected; anything above it is a broken run and stops the build.
errors="$build_dir/training-errors.txt"
run() {
  local status=0
  "$bin" "$@" >/dev/null 2>"$errors" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "build-pgo.sh: training run failed (exit $status): claimcheck $*" >&2
    tail -n 20 "$errors" >&2
    exit 2
  fi
}
inputs=(eval data/examples tests/fixtures/articles)
echo "build-pgo.sh: training on ${inputs[*]}" >&2
for format in jsonl json; do
  run extract --format "$format" "${inputs[@]}"
done
for format in jsonl full json sarif; do
  run check --format "$format" "${inputs[@]}"
done
run derive "${inputs[@]}"
report_dir=$(mktemp -d)
trap 'rm -rf "$report_dir"' EXIT
run report --html --out "$report_dir" "${inputs[@]}"

"$profdata" merge -o "$build_dir/merged.profdata" "$profiles"
# The profile's path names its content: cargo rebuilds what a new profile would change, and
# reuses an earlier build only for the very same profile.
if command -v sha256sum >/dev/null 2>&1; then
  sum=$(sha256sum "$build_dir/merged.profdata" | cut -c1-16)
else
  sum=$(shasum -a 256 "$build_dir/merged.profdata" | cut -c1-16)
fi
merged="$build_dir/merged-$sum.profdata"
mv "$build_dir/merged.profdata" "$merged"

echo "build-pgo.sh: building the optimised binary" >&2
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-use=$merged" \
  cargo build --release --locked -q -p claimcheck --target "$host" \
  --target-dir "$build_dir/optimised"
mkdir -p "$(dirname "$out")"
exe=""
[ -f "$build_dir/optimised/$host/release/claimcheck.exe" ] && exe=".exe"
cp "$build_dir/optimised/$host/release/claimcheck$exe" "$out$exe"
echo "build-pgo.sh: wrote $out$exe" >&2
