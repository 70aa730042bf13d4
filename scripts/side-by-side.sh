#!/usr/bin/env bash
# Times two builds of claimcheck side by side on the same text: the way to tell whether a
# change made a command faster, since instruction counts no longer predict time well (see the
# README's speed section).
#
#   scripts/side-by-side.sh OLD_BINARY NEW_BINARY TEXT_FILE [PAIRS]   (default: 9 pairs)
#
# Each pair runs OLD then NEW, whole processes, pinned to one core (taskset -c 0, with
# RAYON_NUM_THREADS=1), output thrown away; one run of each is a warm-up. For `check` and
# `extract` it prints each build's median wall time and MB/s, and the median of the pairs'
# NEW/OLD ratios (below 1: NEW is faster). Running the two in turn keeps the ratio fair when
# the machine's speed drifts during the call.
#
# With SIDE_BY_SIDE_THREADS=N (N > 1) the runs are not pinned and use N worker threads: the
# way to time a change in how the work is shared out.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
old=$1 new=$2 text=$3 pairs=${4:-9}
for f in "$old" "$new"; do
  [ -x "$f" ] || { echo "$f: not an executable" >&2; exit 2; }
done
[ -f "$text" ] || { echo "$text: no such file" >&2; exit 2; }
threads=${SIDE_BY_SIDE_THREADS:-1}
case "$threads" in
  '' | *[!0-9]* | 0) echo "SIDE_BY_SIDE_THREADS=$threads: not a number of threads" >&2; exit 2 ;;
esac
pin=()
if [ "$threads" = 1 ] && command -v taskset >/dev/null 2>&1; then pin=(taskset -c 0); fi

python3 - "$old" "$new" "$text" "$pairs" "$threads" "${pin[@]}" <<'PY'
import os, statistics, subprocess, sys, time

old, new, text, pairs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
threads = sys.argv[5]
pin = sys.argv[6:]
mb = os.path.getsize(text) / 1e6
env = dict(os.environ, RAYON_NUM_THREADS=threads)


def run(binary, args):
    start = time.perf_counter()
    subprocess.run(pin + [binary] + args + [text], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


for name, args in [("check", ["check", "--format", "jsonl", "--exit-zero"]),
                   ("extract", ["extract", "--format", "jsonl"])]:
    run(old, args)
    run(new, args)
    times = {"old": [], "new": []}
    ratios = []
    for _ in range(pairs):
        a = run(old, args)
        b = run(new, args)
        times["old"].append(a)
        times["new"].append(b)
        ratios.append(b / a)
    o, n = statistics.median(times["old"]), statistics.median(times["new"])
    print(f"{name:8} old {o:.3f} s ({mb / o:.1f} MB/s)   new {n:.3f} s ({mb / n:.1f} MB/s)   "
          f"new/old {statistics.median(ratios):.3f} (pairs {min(ratios):.3f}-{max(ratios):.3f})")
PY
