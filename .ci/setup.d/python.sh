#!/usr/bin/env bash
# What tests/suites/python.sh needs from the system: Python 3.9+ with venv, and Java 17+
# for Spark in local mode. Its Python packages (maturin, pytest, pandas, pyarrow, pyspark)
# go into the suite's own virtual environment, not here.
set -euo pipefail

need=()
if ! python3 -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 9))' 2>/dev/null; then
  need+=(python3 python3-venv)
fi
if ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|2[0-9])'; then
  need+=(openjdk-17-jre-headless)
fi
if [ "${#need[@]}" -gt 0 ]; then
  echo "installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
python3 --version
java -version 2>&1 | head -1
