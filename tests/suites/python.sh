#!/usr/bin/env bash
# The Python package and the Spark example: a fresh virtual environment, the wheel built
# with maturin and pip-installed into it, then pytest over crates/claimcheck-py/tests (the
# package's contracts, errors, batches and pickling, and the Spark job in local[2] mode
# compared with the command). Nothing is cached between runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)"

python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "-- a fresh virtual environment ($("$python" --version))"
"$python" -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install --quiet --disable-pip-version-check \
  "maturin>=1.9.4,<2" "pytest>=7" pandas pyarrow pyspark

echo "-- the wheel"
nice -n 10 "$py" -m maturin build --release --quiet -m crates/claimcheck-py/Cargo.toml -o "$work/dist"
wheel="$(ls "$work"/dist/claimcheck-*-cp39-abi3-*.whl)"
echo "built $(basename "$wheel")"
"$py" -m pip install --quiet --disable-pip-version-check "$wheel"

echo "-- the command, to compare with"
nice -n 10 cargo build --release --quiet -p claimcheck

echo "-- pytest"
export CLAIMCHECK_BIN="$repo/target/release/claimcheck"
export CLAIMCHECK_REQUIRE_CLI=1 CLAIMCHECK_REQUIRE_SPARK=1
# From outside the repository, so that the installed wheel is what is imported. pytest
# exits 5 when it collects no test: that fails this script like any other failure.
cd "$work"
"$py" -m pytest "$repo/crates/claimcheck-py/tests" -p no:cacheprovider -q -rs \
  -W "ignore::FutureWarning"
