#!/usr/bin/env bash
# The Python package's speed against the command's, and Spark local[2] against local[1],
# over the benchmark corpus; prints MB/s (of JSON Lines) per core for each.
#
#   scripts/python-speed.sh [CORPUS_DIR]     (default: ../shared/corpus beside the repo)
#
# Builds the release wheel into a virtual environment (under target/python-speed, kept
# between runs, or $VENV with maturin, pandas, pyarrow and pyspark) and the release command. Each measurement is
# the best of three runs: the machine is shared, and figures vary from minute to minute.
# The command and the batch API are timed on one thread, then on two; the command's time
# includes reading the JSON Lines and writing JSON Lines, the batch API's starts from the
# texts in memory and ends with the records as Python dicts (parsing the JSON Lines with
# Python's json module is shown on its own). Spark's time is the job's one pass over the
# corpus (reading, checking, writing every record), without starting the JVM, with the
# corpus in 4 partitions for both.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
if ! ls "$corpus"/*.jsonl >/dev/null 2>&1; then
  echo "no .jsonl files in $corpus: pass the corpus folder as the first argument" >&2
  exit 2
fi
venv=${VENV:-target/python-speed/venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "maturin>=1.9.4,<2" pandas pyarrow pyspark
fi
py="$venv/bin/python"
"$py" -m maturin build --release --quiet -m crates/claimcheck-py/Cargo.toml -o target/python-speed/dist
"$py" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps \
  "$(ls -t target/python-speed/dist/claimcheck-*.whl | head -1)"
cargo build --release --quiet -p claimcheck

"$py" - "$corpus" <<'PY'
import glob, json, os, subprocess, sys, tempfile, time

import claimcheck

corpus = sys.argv[1]
files = sorted(glob.glob(os.path.join(corpus, "*.jsonl")))
mb = sum(os.path.getsize(f) for f in files) / 1e6
cli = "target/release/claimcheck"


def best(run, times=3):
    out = []
    for _ in range(times):
        t = time.perf_counter()
        run()
        out.append(time.perf_counter() - t)
    return min(out)


def show(label, seconds, threads=1):
    print(f"{label:<46} {seconds:7.3f} s  {mb / seconds:6.1f} MB/s  {mb / seconds / threads:6.1f} MB/s per core")


def command(args, threads):
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    return lambda: subprocess.run([cli, *args, *files], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)


print(f"corpus: {corpus} ({len(files)} files, {mb:.2f} MB of JSON Lines), {os.cpu_count()} cores")
t = time.perf_counter()
docs = [json.loads(line) for f in files for line in open(f, encoding="utf-8") if line.strip()]
texts = [d["text"] for d in docs]
names = [f"{d['id']}" for d in docs]
show("(reading the JSON Lines in Python)", time.perf_counter() - t)
checker = claimcheck.Checker()

rows = []
for what, args, method in (("check", ["check", "--format", "jsonl"], checker.check_batch),
                           ("extract", ["extract", "--format", "jsonl"], checker.extract_batch)):
    for threads in (1, 2):
        c = best(command(args, threads))
        p = best(lambda: method(texts, names, threads=threads))
        show(f"claimcheck {what} --format jsonl, {threads} thread{'s' * (threads > 1)}", c, threads)
        show(f"Checker.{what}_batch, {threads} thread{'s' * (threads > 1)}", p, threads)
        rows.append((what, threads, c, p))
print()
for what, threads, c, p in rows:
    print(f"{what}, {threads} thread(s): the batch API runs at {c / p:.0%} of the command's speed")

job = os.path.join("examples", "spark", "claimcheck_spark.py")
print()
spark = {}
for master in ("local[1]", "local[2]"):
    secs = []
    for _ in range(2):
        with tempfile.TemporaryDirectory() as out:
            run = subprocess.run([sys.executable, job, *files, "--out", out, "--master", master,
                                  "--partitions", "4"],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(run.stderr[-3000:])
            counts = json.loads(run.stdout.strip().splitlines()[-1])
            secs.append(counts["check_seconds"])
    spark[master] = min(secs)
    show(f"Spark {master}: one pass over the corpus", spark[master], int(master[6]))
    print(f"  counts: documents {counts['documents']}, claims {counts['claims']}, "
          f"estimates {counts['estimates']}, findings {counts['findings']}")
print(f"Spark local[2] is {spark['local[1]'] / spark['local[2]']:.2f}x local[1] (2.00x is linear)")
PY
