#!/usr/bin/env bash
# Doubles each pathological input shape from 64 KB to 8 MB, checks it, and prints the time of
# each size, the ratio to the size before (linear work doubles: about 2) and the peak memory.
# Every ratio must stay at or below 2.3; the script exits 1 when one does not.
#
# The time is the CPU time the command used (user + system), the least of --repeat runs: on a
# shared machine, wall time measures the neighbours as much as the command.
#
#   scripts/scaling.sh [--max-mb N] [--timeout SECONDS] [--repeat N] [--command check|extract]
#
# Shapes: one long "sentence" of figures and words with no full stop; chains of "from X to";
# repeated `(N "`; nested HTML without full stops; many short sentences; a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p claimcheck
exec python3 - "$@" <<'PY'
import argparse, os, subprocess, sys, tempfile, time

p = argparse.ArgumentParser()
p.add_argument("--max-mb", type=float, default=8)
p.add_argument("--timeout", type=float, default=120)
p.add_argument("--command", default="check", choices=["check", "extract"])
p.add_argument("--repeat", type=int, default=3)
args = p.parse_args()

BIN = os.path.abspath("target/release/claimcheck")
LIMIT = 2.3

def unit(i):
    return {
        "long-sentence": (".txt", f"some {i % 997} workers and {i % 89} percent of migrants earn ${i % 500} a month while "),
        "from-to-chain": (".txt", f"rose from {i % 90} to {i % 97} percent "),
        "paren-quote": (".txt", f'({i % 1000} "'),
        "nested-html": (".html", f"<div><span>{i % 900} workers</span> <b>{i % 50}%</b> "),
        "short-sentences": (".txt", f"In 2021, {i % 90} percent of {i % 900 + 100} workers were paid, the ILO said. "),
        "markdown-table": (".md", f"| {i % 900} | {i % 90} % | {i % 500} workers | $ {i % 70} million |\n"),
    }

SHAPES = list(unit(0).keys())

def make(shape, size, path):
    ext, _ = unit(0)[shape]
    parts, total, i = [], 0, 0
    if shape == "markdown-table":
        head = "| a | b | c | d |\n|---|---|---|---|\n"
        parts.append(head)
        total += len(head)
    while total < size:
        s = unit(i)[shape][1]
        parts.append(s)
        total += len(s.encode())
        i += 1
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(parts))

def run(path):
    start = time.perf_counter()
    proc = subprocess.Popen(
        [BIN, args.command, "--format", "jsonl"] + (["--exit-zero"] if args.command == "check" else []) + [path],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = start + args.timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            cpu = usage.ru_utime + usage.ru_stime
            return cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)
        if time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            return None, None, None
        time.sleep(0.005)

sizes = []
s = 64 * 1024
while s <= args.max_mb * 1024 * 1024:
    sizes.append(s)
    s *= 2

worst = 0.0
failed = False
with tempfile.TemporaryDirectory() as tmp:
    print(f"{args.command}: CPU time (s, least of {args.repeat}), ratio to the half size, peak RSS (MB)")
    for shape in SHAPES:
        ext, _ = unit(0)[shape]
        prev = None
        row = []
        for size in sizes:
            path = os.path.join(tmp, f"{shape}{ext}")
            make(shape, size, path)
            runs = [run(path) for _ in range(max(1, args.repeat))]
            if any(r[0] is None for r in runs):
                t = None
            else:
                t = min(r[0] for r in runs)
                rss = max(r[1] for r in runs)
            if t is None:
                row.append(f"{size // 1024}K: timeout")
                failed = True
                break
            ratio = t / prev if prev and prev > 0.02 else None
            if ratio is not None:
                worst = max(worst, ratio)
                if ratio > LIMIT:
                    failed = True
            row.append(f"{size // 1024}K {t:.2f}s" + (f" ×{ratio:.2f}" if ratio else "") + f" {rss:.0f}MB")
            prev = t
        print(f"{shape:16} " + " | ".join(row))
print(f"worst ratio: {worst:.2f} (limit {LIMIT}); ratios under 20 ms of run time are not counted")
sys.exit(1 if failed else 0)
PY
