#!/bin/sh
# Installs a prebuilt seloste binary from the project's GitHub releases.
#
#   curl -sSfL https://github.com/seloste/seloste/releases/latest/download/install.sh | sh
#
# Settings (environment):
#   SELOSTE_VERSION      a release such as 0.1.0 (default: the latest)
#   SELOSTE_INSTALL_DIR  where the binary goes (default: $HOME/.local/bin)
#   SELOSTE_DOWNLOAD_URL the folder holding the release files (default: the
#                        GitHub release of SELOSTE_VERSION; a mirror or a
#                        file:// folder works too)
#
# The archive is checked against the release's SHA256SUMS before anything is
# installed; a mismatch stops the script and leaves the install folder as it was.
set -eu

repo="https://github.com/seloste/seloste"
version="${SELOSTE_VERSION:-latest}"
install_dir="${SELOSTE_INSTALL_DIR:-${HOME:?}/.local/bin}"

fail() {
  echo "seloste install: $*" >&2
  exit 1
}

case "$(uname -s)" in
  Linux) os=unknown-linux-musl ;;
  Darwin) os=apple-darwin ;;
  MINGW* | MSYS* | CYGWIN* | Windows_NT) os=pc-windows-msvc ;;
  *) fail "no prebuilt binary for $(uname -s); install with: cargo install --locked seloste" ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) fail "no prebuilt binary for $(uname -m); install with: cargo install --locked seloste" ;;
esac
[ "$os" = pc-windows-msvc ] && [ "$arch" != x86_64 ] && fail "no prebuilt binary for Windows on $arch"
target="$arch-$os"

if [ -n "${SELOSTE_DOWNLOAD_URL:-}" ]; then
  base="$SELOSTE_DOWNLOAD_URL"
elif [ "$version" = latest ]; then
  base="$repo/releases/latest/download"
else
  base="$repo/releases/download/v${version#v}"
fi

if [ "$os" = pc-windows-msvc ]; then
  archive="seloste-$target.zip"
  exe=seloste.exe
else
  archive="seloste-$target.tar.gz"
  exe=seloste
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT INT TERM

fetch() {
  if command -v curl >/dev/null 2>&1; then
    curl --proto '=https,file' -sSfL -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1"
  else
    fail "needs curl or wget"
  fi
}

fetch "$base/$archive" "$tmp/$archive" || fail "could not download $base/$archive"
fetch "$base/SHA256SUMS" "$tmp/SHA256SUMS" || fail "could not download $base/SHA256SUMS"

expected="$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$tmp/SHA256SUMS")"
[ -n "$expected" ] || fail "SHA256SUMS has no line for $archive"
if command -v sha256sum >/dev/null 2>&1; then
  actual="$(sha256sum "$tmp/$archive" | awk '{ print $1 }')"
else
  actual="$(shasum -a 256 "$tmp/$archive" | awk '{ print $1 }')"
fi
[ "$actual" = "$expected" ] || fail "checksum mismatch for $archive (expected $expected, got $actual); nothing was installed"

mkdir -p "$tmp/unpacked"
if [ "$os" = pc-windows-msvc ]; then
  unzip -q "$tmp/$archive" -d "$tmp/unpacked"
else
  tar -xzf "$tmp/$archive" -C "$tmp/unpacked"
fi
binary="$(find "$tmp/unpacked" -type f -name "$exe" | head -n 1)"
[ -n "$binary" ] || fail "$archive holds no $exe"

mkdir -p "$install_dir"
# Copy beside the target, then rename: a running seloste is never half-overwritten.
cp "$binary" "$install_dir/.$exe.new"
chmod 0755 "$install_dir/.$exe.new"
mv -f "$install_dir/.$exe.new" "$install_dir/$exe"

echo "installed $("$install_dir/$exe" --version) to $install_dir/$exe"
case ":${PATH:-}:" in
  *":$install_dir:"*) ;;
  *) echo "note: $install_dir is not on PATH" ;;
esac
