#!/bin/sh
# Rebuild the gold JSON Lines files from the annotation sources (run from anywhere).
set -e
cd "$(dirname "$0")/.."
python3 annotations/compile.py gold-public-domain.jsonl gold-wikipedia.jsonl \
    annotations/*-drafts.src annotations/fix-*.src
