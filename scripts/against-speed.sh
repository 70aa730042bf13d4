#!/usr/bin/env bash
# The timing of `check --against` and `registry draft` in the README: a study text of a few
# hundred KB (the World Factbook's 2022 country profiles, public domain, from the benchmark
# corpus, under a title line of ours) and a short article of ours that cites it right and
# wrong. Each command runs three times on one core; the best wall time is kept.
#
#   scripts/against-speed.sh [CORPUS_DIR] [KB]   (default: ../shared/corpus beside the repo, 300)
#
# BIN=path/to/claimcheck uses that binary instead of building target/release/claimcheck.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
kb=${2:-300}
if [ ! -f "$corpus/cia_world_factbook.jsonl" ]; then
  echo "no cia_world_factbook.jsonl in $corpus: pass the corpus folder as the first argument" >&2
  exit 2
fi
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet -p claimcheck
  BIN=$PWD/target/release/claimcheck
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$corpus" "$kb" "$work/factbook-2022.txt" <<'PY'
import json, sys
corpus, kb, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
parts = ["The World Factbook 2022: Country Profiles\n\n"]
size = len(parts[0])
with open(f"{corpus}/cia_world_factbook.jsonl", encoding="utf-8") as f:
    for line in f:
        doc = json.loads(line)
        if not doc["id"].startswith("factbook-2022-"):
            continue
        parts.append(doc["text"].rstrip() + "\n\n")
        size += len(parts[-1].encode())
        if size >= kb * 1000:
            break
text = "".join(parts)
open(out, "w", encoding="utf-8").write(text)

# The same text as a PDF: lines wrapped at 95 characters, 60 to a page, Helvetica 9 pt.
import textwrap
lines = []
for para in text.split("\n"):
    lines.extend(textwrap.wrap(para, 95) or [""])
pages = [lines[i:i + 60] for i in range(0, len(lines), 60)]
objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
           3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}
kids = []
for k, page in enumerate(pages):
    ops = []
    for j, line in enumerate(page):
        if not line:
            continue
        esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"BT /F1 9 Tf 40 {800 - 13 * j} Td ({esc}) Tj ET")
    stream = "\n".join(ops).encode("cp1252", "replace")
    content, page_id = 4 + 2 * k, 5 + 2 * k
    objects[content] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    objects[page_id] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 3 0 R >> >> >>" % content)
    kids.append(page_id)
objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
    b" ".join(b"%d 0 R" % k for k in kids), len(kids))
pdf = bytearray(b"%PDF-1.4\n")
offsets = {}
for n in sorted(objects):
    offsets[n] = len(pdf)
    pdf += b"%d 0 obj\n" % n + objects[n] + b"\nendobj\n"
xref = len(pdf)
count = max(objects) + 1
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % count
for n in range(1, count):
    pdf += b"%010d 00000 n \n" % offsets.get(n, 0)
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, xref)
open(out.replace(".txt", ".pdf"), "wb").write(pdf)
PY

cat > "$work/article.md" <<'MD'
# Albania's economy in figures

According to the World Factbook 2022, Albania's economic growth reached 3.8% in 2017.

The World Factbook 2022 says Albania's economic growth reached 4.8% in 2017.

According to the World Factbook 2022, remittances fell to 5.8% of GDP in 2019.

The World Factbook 2022 reports that 61% of Albanians work in farming.
MD

best() {
  local best=999999
  for _ in 1 2 3; do
    local start end ms
    start=$(date +%s%N)
    taskset -c 0 "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    (( ms < best )) && best=$ms
  done
  echo "$best"
}

bytes=$(wc -c < "$work/factbook-2022.txt")
echo "source: $bytes bytes, $(grep -c '' "$work/factbook-2022.txt") lines"
echo "check without --against:      $(best "$BIN" check "$work/article.md") ms"
echo "check --against:              $(best "$BIN" check "$work/article.md" --against "$work/factbook-2022.txt") ms"
echo "registry draft:               $(best "$BIN" registry draft "$work/factbook-2022.txt") ms"
echo "PDF: $(wc -c < "$work/factbook-2022.pdf") bytes"
echo "check --against (PDF):        $(best "$BIN" check "$work/article.md" --against "$work/factbook-2022.pdf") ms"
echo
for source in factbook-2022.txt factbook-2022.pdf; do
  "$BIN" check --format concise "$work/article.md" --against "$work/$source" 2>&1 \
    | sed "s#$work/##g" || true
  echo
done
echo
"$BIN" registry draft "$work/factbook-2022.txt" --limit 3 --url https://www.cia.gov/the-world-factbook/ 2>/dev/null \
  | sed "s#$work/##g" | cut -c1-400
