#!/usr/bin/env bash
# Installs a released claimcheck binary for this machine, without compiling.
#
#   scripts/install-release.sh VERSION [BIN_DIR]
#
# VERSION is a tag (`v0.1.0`). The archive claimcheck-<target>.tar.gz (.zip on Windows) and
# its .sha256 are downloaded from $CLAIMCHECK_RELEASE_BASE/VERSION/ (default: the GitHub
# releases of $CLAIMCHECK_REPOSITORY, itself defaulting to claimcheck/claimcheck), the
# checksum verified, and the binary put in BIN_DIR (default ~/.local/bin). Exits 1 when no
# release binary exists for this machine, so that a caller (the GitHub Action) can fall back
# to `cargo install`; 2 on a checksum mismatch or a broken archive.
set -euo pipefail

version=${1:?usage: install-release.sh VERSION [BIN_DIR]}
bin_dir=${2:-"$HOME/.local/bin"}
repository=${CLAIMCHECK_REPOSITORY:-claimcheck/claimcheck}
base=${CLAIMCHECK_RELEASE_BASE:-"https://github.com/$repository/releases/download"}

os=${CLAIMCHECK_OS:-$(uname -s)}
arch=${CLAIMCHECK_ARCH:-$(uname -m)}
case "$arch" in
  x86_64 | amd64 | X64) arch=x86_64 ;;
  aarch64 | arm64 | ARM64) arch=aarch64 ;;
  *) echo "no release binary for the processor $arch" >&2; exit 1 ;;
esac
case "$os" in
  Linux) target="$arch-unknown-linux-gnu"; ext=tar.gz; exe="" ;;
  Darwin | macOS) target="$arch-apple-darwin"; ext=tar.gz; exe="" ;;
  MINGW* | MSYS* | CYGWIN* | Windows_NT | Windows) target="$arch-pc-windows-msvc"; ext=zip; exe=".exe" ;;
  *) echo "no release binary for the system $os" >&2; exit 1 ;;
esac

name="claimcheck-$target"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
url="$base/$version/$name.$ext"
if ! curl --fail --silent --show-error --location --output "$work/$name.$ext" "$url" 2>"$work/err"; then
  echo "no release binary at $url ($(head -c 200 "$work/err"))" >&2
  exit 1
fi
if ! curl --fail --silent --location --output "$work/$name.$ext.sha256" "$url.sha256"; then
  echo "no checksum at $url.sha256" >&2
  exit 1
fi
want=$(cut -d' ' -f1 < "$work/$name.$ext.sha256")
if command -v sha256sum >/dev/null; then
  got=$(sha256sum "$work/$name.$ext" | cut -d' ' -f1)
else
  got=$(shasum -a 256 "$work/$name.$ext" | cut -d' ' -f1)
fi
if [ "$want" != "$got" ]; then
  echo "checksum mismatch for $url: expected $want, got $got" >&2
  exit 2
fi
case "$ext" in
  tar.gz) tar xzf "$work/$name.$ext" -C "$work" || { echo "broken archive $url" >&2; exit 2; } ;;
  zip) unzip -q "$work/$name.$ext" -d "$work" || { echo "broken archive $url" >&2; exit 2; } ;;
esac
mkdir -p "$bin_dir"
install -m 0755 "$work/$name/claimcheck$exe" "$bin_dir/claimcheck$exe"
echo "installed claimcheck $version ($target) in $bin_dir"
