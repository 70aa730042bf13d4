#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ one after another, each for SECONDS (default 60) or for
# N executions, at the lowest CPU priority, and prints what each did and anything it found.
#
#   scripts/fuzz.sh                   # 60 s per target
#   scripts/fuzz.sh 600               # 10 minutes per target
#   scripts/fuzz.sh --runs 1000000    # a million executions per target
#   scripts/fuzz.sh 60 extract config # only these targets
#   FUZZ_WORKERS=2 scripts/fuzz.sh --runs 500000 check_pipeline
#                                     # two processes on one corpus (one per core), each
#                                     # making that many executions; the total is printed
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). The targets are
# built with optimisations, debug assertions and overflow checks, without a sanitizer: the
# workspace forbids unsafe code, so a sanitizer would only slow the search. Inputs found
# grow fuzz/corpus/TARGET (not committed); the committed seeds are read from fuzz/seeds/TARGET;
# a crash, timeout or out-of-memory input is written to fuzz/artifacts/TARGET/ and makes the
# script exit 1. A stack overflow kills the target before libFuzzer can save the input: run
# again with FUZZ_SANITIZER=address, whose handler saves it. Reproduce a saved input with
#   cargo +nightly fuzz run -O -a -s none TARGET fuzz/artifacts/TARGET/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."

limit=(-max_total_time=60)
case "${1:-}" in
  --runs) limit=(-runs="${2:?--runs needs a number}"); shift 2 ;;
  '' | -*) ;;
  *) limit=(-max_total_time="$1"); shift ;;
esac
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract check_pipeline derive_expr registry config)

dict_for() {
  case "$1" in
    extract | check_pipeline | derive_expr) echo fuzz/dict/prose.dict ;;
    config) echo fuzz/dict/config.dict ;;
    *) echo "" ;;
  esac
}

sanitizer=${FUZZ_SANITIZER:-none}
build=(cargo +nightly fuzz build -O -a -s "$sanitizer")
nice -n 19 "${build[@]}"

found=0
mkdir -p fuzz/logs
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  dict=$(dict_for "$t")
  log="fuzz/logs/$t.log"
  echo "== $t (${limit[*]}, log in $log)"
  # -timeout: a single input taking 10 s is a hang; -rss_limit_mb: 2 GB is out of memory.
  # Each worker is a process of its own over the same corpus folder, with its own log.
  workers=${FUZZ_WORKERS:-1}
  rm -f fuzz/logs/"$t".w*.log
  pids=()
  for w in $(seq "$workers"); do
    wlog=$log
    [ "$workers" = 1 ] || wlog="fuzz/logs/$t.w$w.log"
    nice -n 19 cargo +nightly fuzz run -O -a -s "$sanitizer" "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
      "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      ${dict:+-dict="$dict"} >"$wlog" 2>&1 &
    pids+=($!)
  done
  status=ok
  for pid in "${pids[@]}"; do
    if ! wait "$pid"; then
      status=FOUND
      found=1
    fi
  done
  logs=("$log")
  [ "$workers" = 1 ] || logs=(fuzz/logs/"$t".w*.log)
  runs=$(cat "${logs[@]}" | sed -n 's/^stat::number_of_executed_units: *//p' | paste -sd+ - | bc)
  speed=$(cat "${logs[@]}" | sed -n 's/^stat::average_exec_per_sec: *//p' | paste -sd+ - | bc)
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "${logs[-1]}" | tail -1)
  echo "$t: ${runs:-?} executions, ${speed:-?} exec/s, ${cov:-no coverage line}: $status"
  if [ "$status" = FOUND ]; then
    grep -hE '^(==[0-9]+== ?ERROR|thread .* panicked|SUMMARY|artifact_prefix|Test unit written|Error: Fuzz target exited)' "${logs[@]}" | head -20 || true
  fi
done
exit "$found"
