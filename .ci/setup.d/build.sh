#!/usr/bin/env bash
# What building the command needs beyond Rust: a C compiler (the linker rustc calls) and
# `make`, which build jemalloc, the command's allocator on Unix (crates/claimcheck/src/main.rs).
set -euo pipefail

if command -v cc >/dev/null 2>&1 && command -v make >/dev/null 2>&1; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing build-essential (a C compiler and make)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq build-essential >/dev/null
else
  echo "build.sh: no C compiler or no make, and no apt-get to install them" >&2
  exit 1
fi
