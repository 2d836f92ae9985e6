#!/usr/bin/env bash
# The cdktf CLI (cdktf-cli 0.21) loads the native module node-pty at start. Its package ships
# builds for Node 20 and 22 only (ABI 115 and 127), so on Node 24 every `cdktf` command fails with
# "NODE_MODULE_VERSION 115 ... requires 137". `npm run synth` does not use the CLI and is not
# affected; the cdktn CLI needs no native module.
#
# This builds node-pty from its sources for the node first on the PATH, when no shipped build
# loads. It needs python3, make and a C++ compiler; it uses that node's own headers when they lie
# beside it (the registry packages of tools/install-node.sh carry them), so nothing is downloaded.
# npm itself runs no install scripts for this package (allowScripts in package.json): its script
# would try to download a prebuilt binary from outside the npm registry.
set -euo pipefail
cd "$(dirname "$0")/.."

package=node_modules/@cdktf/node-pty-prebuilt-multiarch
if [ ! -d "$package" ]; then
  echo "node-pty: not installed (no cdktf CLI here), nothing to build"
  exit 0
fi
loads() { node -e "require('./$package')" >/dev/null 2>&1; }
if loads; then
  echo "node-pty: loads on Node $(node --version), nothing to build"
  exit 0
fi

for tool in python3 make c++; do
  command -v "$tool" >/dev/null || { echo "node-pty: cannot build for Node $(node --version): $tool is missing" >&2; exit 1; }
done
gyp=${npm_config_node_gyp:-$(npm prefix -g)/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js}
# node-gyp takes npm's `nodedir` setting over its own options, so the headers are chosen there:
# those beside this node, or (without them) the matching ones node-gyp downloads.
nodedir=$(dirname "$(dirname "$(command -v node)")")
if [ -f "$nodedir/include/node/node.h" ]; then export npm_config_nodedir=$nodedir; else unset npm_config_nodedir; fi

echo "node-pty: building for Node $(node --version) with the headers of ${npm_config_nodedir:-the Node.js download site}"
log=$(mktemp)
if ! (cd "$package" && node "$gyp" rebuild) >"$log" 2>&1; then
  tail -20 "$log" >&2
  rm -f "$log"
  echo "node-pty: the build failed" >&2
  exit 1
fi
rm -f "$log"
loads || { echo "node-pty: built, but it still does not load on Node $(node --version)" >&2; exit 1; }
echo "node-pty: built for Node $(node --version); the cdktf CLI runs on it"
