#!/usr/bin/env bash
# npm run test:node -- <version>   (24, 22, 20, or an exact release such as 24.1.0)
#
# Runs the project on another Node.js release, installed from the npm registry by
# tools/install-node.sh and put first on the PATH:
#   1. `npm test`: the type check and every test (terraform checks included where the machine has
#      terraform and the provider mirror);
#   2. `npm run synth`, compared byte for byte with the same synthesis on the default node;
#   3. the CLI (`cdktf synth`), after building its native node-pty where no shipped build fits.
# The last line says `NODE <version>: passed (...)` or `NODE <version>: FAILED (...)`. Where the
# release cannot be installed it says `NODE <spec>: skipped (...)` and exits 0.
set -uo pipefail
cd "$(dirname "$0")/.."
spec=${1:?usage: npm run test:node -- <major or exact version, e.g. 24>}
export CHECKPOINT_DISABLE=1

if ! home=$(bash tools/install-node.sh "$spec"); then
  echo "NODE $spec: skipped (Node.js $spec could not be installed from the npm registry)"
  exit 0
fi
default_node=$(command -v node)
default_version=$("$default_node" --version)
export PATH="$home/bin:$PATH"
version=$(node --version)
echo "== Node $version (default node: $default_version), npm $(npm --version)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=() notes=()
timed() { local started=$SECONDS; "$@"; local status=$?; echo "   ($((SECONDS - started)) s)"; return $status; }

# The cdktf CLI (which the tests run too) loads node-pty, shipped built for Node 20 and 22 only:
# build it for this node first.
cli=cdktf
[ -x node_modules/.bin/cdktn ] && cli=cdktn
pty_ok=1
if [ "$cli" = cdktf ] && ! bash tools/rebuild-node-pty.sh; then
  failures+=("node-pty for the cdktf CLI")
  pty_ok=0
fi

echo "== npm test on Node $version"
timed npm test 2>&1 | tee "$work/test.log"
[ "${PIPESTATUS[0]}" -eq 0 ] || failures+=("npm test")
grep -E '^Tests:' "$work/test.log" | tail -1 | sed 's/^/   /'
if grep -q 'TERRAFORM CHECKS: ran' "$work/test.log"; then notes+=("terraform checks ran"); else notes+=("terraform checks NOT RUN"); fi

# The app command of cdktf.json, run by the given node.
app=$(node -p "require('./cdktf.json').app")
synth_with() { local runner=$1 outdir=$2; "$runner" ${app#node } --out "$outdir" >"$outdir.log" 2>&1 || { cat "$outdir.log"; return 1; }; }

echo "== npm run synth on Node $version and on $default_version"
if timed synth_with node "$work/target" && synth_with "$default_node" "$work/default"; then
  if diff -r "$work/default" "$work/target" >"$work/synth.diff"; then
    notes+=("synthesis byte-identical to Node $default_version")
  else
    head -40 "$work/synth.diff"
    failures+=("synthesis differs from Node $default_version")
  fi
else
  failures+=("npm run synth")
fi

echo "== $cli synth (the CLI) on Node $version"
if [ "$pty_ok" -eq 0 ]; then
  echo "   skipped: node-pty does not load"
elif cli_started=$SECONDS && npx --no-install "$cli" synth --output "$work/cli" >"$work/cli.log" 2>&1 && diff -r "$work/target" "$work/cli" >/dev/null; then
  notes+=("$cli synth writes the same in $((SECONDS - cli_started)) s")
else
  tail -20 "$work/cli.log"
  failures+=("$cli synth")
fi

summary=$(IFS=,; echo "${notes[*]}" | sed 's/,/, /g')
if [ ${#failures[@]} -eq 0 ]; then
  echo "NODE $version: passed ($summary)"
else
  echo "NODE $version: FAILED ($(IFS=,; echo "${failures[*]}" | sed 's/,/, /g'); $summary)"
  exit 1
fi
