#!/usr/bin/env bash
# npm run test:cdktn
#
# Proves that moving to CDK Terrain (cdktn, the maintained fork of cdktf) is the switch the
# README describes. In a temporary copy of the project, on Node 24 installed from the npm registry:
#   1. switch: `cdktf` -> `cdktn` in blueprints/cdk.ts, the AWS bindings' path in blueprints/aws.ts,
#      cdktf, cdktf-cli and @cdktf/provider-aws -> cdktn, cdktn-cli and the bindings in package.json,
#      constructs 10.7; then check that no other file of the copy names a cdktf package;
#   2. bindings: the published @cdktn/provider-aws when the terraform mirror holds its AWS provider
#      version, otherwise generated for the version of blueprints/aws.ts (hashicorp/aws 5.100.0) by
#      `cdktn get` against the mirror, so the terraform checks run on the switched project;
#   3. install, `cdktn synth`, and compare with this project's cdktf synthesis
#      (tools/compare-synth.ts: the same resources and documents, known differences listed);
#   4. eslint, and `npm test` in the copy (type check, every test, terraform checks where the machine
#      has them);
#   5. when step 2 generated the bindings: the published @cdktn/provider-aws (AWS provider 6.x) as
#      well, type-checked, synthesized and compared (its terraform checks need its provider mirror).
# The copy is removed afterwards. The last line says `CDKTN CHECK: passed (...)`, `FAILED (...)`,
# or `skipped (...)` (exit 0) where Node 24 cannot be installed.
#
# The versions tried are pinned below (override them from the environment).
set -uo pipefail
cd "$(dirname "$0")/.."
project=$PWD
CDKTN_VERSION=${CDKTN_VERSION:-0.24.0}
CDKTN_CONSTRUCTS_VERSION=${CDKTN_CONSTRUCTS_VERSION:-10.7.2}
CDKTN_PROVIDER_AWS_VERSION=${CDKTN_PROVIDER_AWS_VERSION:-25.7.0}
NODE_FOR_CDKTN=${NODE_FOR_CDKTN:-24}
export CHECKPOINT_DISABLE=1

started=$SECONDS
failures=() notes=()
step() { echo "== $* ($((SECONDS - started)) s)"; }
finish() {
  local summary
  summary=$(printf '%s; ' "${notes[@]}")
  if [ ${#failures[@]} -eq 0 ]; then
    echo "CDKTN CHECK: passed (${summary}$((SECONDS - started)) s)"
    exit 0
  fi
  echo "CDKTN CHECK: FAILED ($(printf '%s; ' "${failures[@]}")${summary}$((SECONDS - started)) s)"
  exit 1
}

if ! home=$(bash tools/install-node.sh "$NODE_FOR_CDKTN"); then
  echo "CDKTN CHECK: skipped (Node.js $NODE_FOR_CDKTN could not be installed from the npm registry; the cdktn CLI needs Node 22.19 or later)"
  exit 0
fi
export PATH="$home/bin:$PATH"
step "Node $(node --version); cdktn $CDKTN_VERSION, constructs $CDKTN_CONSTRUCTS_VERSION"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
copy=$work/project

# --- the copy (what git would commit: tracked and new files, nothing ignored) --------------------
mkdir -p "$copy"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' file; do
  [ -e "$file" ] && cp --parents -- "$file" "$copy/"
done
[ -f "$copy/package.json" ] || { failures+=("could not copy the project (is it a git work tree?)"); finish; }
# A repository of its own (some tests list the project's files with git); the switch below is left
# uncommitted, as a user's working change would be.
(cd "$copy" && git init -q && git add -A && git -c user.name=ci -c user.email=ci@localhost commit -qm "before the switch") ||
  { failures+=("could not make the copy a git repository"); finish; }

# --- the reference: this project's cdktf synthesis, on the same node ----------------------------
app=$(node -p "require('./cdktf.json').app")
step "reference: cdktf synthesis of this project"
# shellcheck disable=SC2086 # the app command is words
node ${app#node } --out "$work/cdktf.out" >"$work/cdktf-synth.log" 2>&1 || { cat "$work/cdktf-synth.log"; failures+=("cdktf synthesis"); finish; }

# --- bindings ------------------------------------------------------------------------------------
aws_version=$(sed -nE "s/^export const AWS_PROVIDER_VERSION = '([^']+)';/\1/p" blueprints/aws.ts)
published_aws=$(npm view "@cdktn/provider-aws@$CDKTN_PROVIDER_AWS_VERSION" cdktn.provider.version 2>/dev/null)
mirror=$(node --require tsx/cjs tools/provider-mirror.ts "$aws_version" 2>/dev/null)
if [ -n "$mirror" ] && [ -n "$published_aws" ] && [ -d "$mirror/registry.terraform.io/hashicorp/aws/$published_aws" ]; then
  bindings=published
elif [ -n "$mirror" ] && command -v terraform >/dev/null; then
  bindings=generated
else
  bindings=published
  notes+=("no terraform or mirror of hashicorp/aws $aws_version: published bindings, terraform checks skipped")
fi

# --- 1. the switch --------------------------------------------------------------------------------
step "switch the copy to cdktn ($bindings bindings)"
cd "$copy"
sed -i "s/from 'cdktf';/from 'cdktn';/" blueprints/cdk.ts
use_published() {
  sed -i -E "s#'(@cdktf/provider-aws|\.\./\.gen/providers/aws)/(lib/)?#'@cdktn/provider-aws/lib/#; s/^(export const AWS_PROVIDER_VERSION = )'[^']+';/\1'$published_aws';/" blueprints/aws.ts
}
if [ "$bindings" = generated ]; then
  sed -i "s#'@cdktf/provider-aws/lib/#'../.gen/providers/aws/#" blueprints/aws.ts
  node -e '
    const fs = require("fs");
    const config = JSON.parse(fs.readFileSync("cdktf.json", "utf8"));
    config.terraformProviders = [`hashicorp/aws@${process.argv[1]}`];
    fs.writeFileSync("cdktf.json", JSON.stringify(config, null, 2) + "\n");' "$aws_version"
else
  use_published
fi
# @cdktf/provider-tfe stays: no CDK Terrain build of the tfe bindings is published and no tfe provider is
# mirrored here to generate one; it runs on cdktn through the markers both libraries share (npm installs
# its cdktf peer beside it).
npm pkg delete dependencies.cdktf dependencies.@cdktf/provider-aws devDependencies.cdktf-cli allowScripts.@cdktf/node-pty-prebuilt-multiarch
npm pkg set engines.node='^22.19.0 || ^24.0.0' dependencies.cdktn="$CDKTN_VERSION" dependencies.constructs="$CDKTN_CONSTRUCTS_VERSION" devDependencies.cdktn-cli="$CDKTN_VERSION"
[ "$bindings" = published ] && npm pkg set dependencies.@cdktn/provider-aws="$CDKTN_PROVIDER_AWS_VERSION"

leftovers=$(grep -rlE "from '(cdktf|@cdktf/[^']*)'|require\('(cdktf|@cdktf/[^']*)'\)" --include='*.ts' --exclude-dir=node_modules --exclude-dir=.gen . | grep -v '^./blueprints/tfe.ts$' || true)
if [ -n "$leftovers" ]; then failures+=("files outside the seam still import cdktf: $(echo $leftovers)"); fi

# --- install, bindings, synthesis -----------------------------------------------------------------
step "npm install"
npm install --no-audit --no-fund >"$work/install.log" 2>&1 || { tail -30 "$work/install.log"; failures+=("npm install"); finish; }
touched=$(for f in $(git -C "$project" ls-files --cached --others --exclude-standard); do [ -f "$f" ] && ! cmp -s "$f" "$project/$f" && echo "$f"; done | tr '\n' ' ')
echo "   the switch changed: $touched"
notes+=("the switch changed ${touched% }")
if [ "$bindings" = generated ]; then
  step "cdktn get: bindings for hashicorp/aws $aws_version from the mirror $mirror"
  printf 'provider_installation {\n  filesystem_mirror {\n    path    = "%s"\n    include = ["registry.terraform.io/*/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/*/*"]\n  }\n}\n' "$mirror" >"$work/offline.tfrc"
  get_started=$SECONDS
  TF_CLI_CONFIG_FILE=$work/offline.tfrc npx --no-install cdktn get >"$work/get.log" 2>&1 || { tail -30 "$work/get.log"; failures+=("cdktn get"); finish; }
  notes+=("bindings generated for hashicorp/aws $aws_version in $((SECONDS - get_started)) s")
else
  notes+=("published @cdktn/provider-aws $CDKTN_PROVIDER_AWS_VERSION (hashicorp/aws $published_aws)")
fi

compare() { (cd "$project" && node --require tsx/cjs tools/compare-synth.ts "$@"); }

step "cdktn synth"
synth_started=$SECONDS
if npx --no-install cdktn synth --output "$work/cdktn.out" >"$work/cdktn-synth.log" 2>&1; then
  notes+=("cdktn synth $((SECONDS - synth_started)) s")
  step "compare with the cdktf synthesis"
  version_option=()
  [ "$bindings" = published ] && [ "$published_aws" != "$aws_version" ] && version_option=(--provider-version-may-differ)
  compare "$work/cdktf.out" "$work/cdktn.out" "${version_option[@]}" | sed "s#$work/##g" && notes+=("output equivalent") || failures+=("cdktn output differs")
else
  tail -30 "$work/cdktn-synth.log"
  failures+=("cdktn synth")
fi

# --- 4. lint and the tests ------------------------------------------------------------------------
step "eslint in the switched copy (the seam rules hold for cdktn too)"
npx --no-install eslint . >"$work/lint.log" 2>&1 && notes+=("eslint clean") || { tail -20 "$work/lint.log"; failures+=("eslint"); }

step "npm test in the switched copy"
# The HCP Terraform workspaces stack is built from the tfe bindings, which exist only for cdktf (no
# CDK Terrain build is published, and no tfe provider is mirrored here to generate one): its tests
# stay with the cdktf suite, and are named here as not run.
hcp_tests='test/hcp/|test/lint/run-role-trust|test/terraform/hcp-plan|test/analysis/differential|test/foundation/backends|test/sharding/roles-stacks|test/report/stacks|test/foundation/literals'
notes+=("not run under cdktn: the HCP Terraform workspaces stack's tests ($hcp_tests): no tfe bindings for cdktn")
# The pull-request workflow's rehearsal runs the workflow as written for this project: it installs with
# `npm ci` and has no `cdktn get` step, so with generated bindings (.gen/, ignored by git) its base and
# head commits cannot synthesize. After the move, the workflow gains that step (README, "Moving to CDK Terrain").
workflow_tests='test/report/workflow-rehearsal'
notes+=("not run under cdktn: $workflow_tests (the workflow has no cdktn get step)")
npm test -- --testPathIgnorePatterns "$hcp_tests|$workflow_tests" >"$work/test.log" 2>&1
test_status=$?
grep -E '^(Tests|Test Suites):' "$work/test.log" | sed 's/^/   /'
tests=$(grep -E '^Tests:' "$work/test.log" | tail -1 | sed -E 's/^Tests: +//')
if [ $test_status -ne 0 ]; then
  grep -E '^FAIL ' "$work/test.log" | sort -u
  grep -E '^\s+● ' "$work/test.log" | head -20
  grep -A 12 'Test suite failed to run' "$work/test.log" | head -40
  [ -z "$tests" ] && tail -30 "$work/test.log"
  failures+=("npm test: ${tests:-did not run}")
else
  notes+=("tests: $tests")
fi
if grep -q 'TERRAFORM CHECKS: ran' "$work/test.log"; then notes+=("terraform checks ran"); else notes+=("terraform checks NOT RUN"); fi

# --- 5. the published bindings too (AWS provider 6.x) -----------------------------------------------
if [ "$bindings" = generated ] && [ -n "$published_aws" ]; then
  step "published @cdktn/provider-aws $CDKTN_PROVIDER_AWS_VERSION (hashicorp/aws $published_aws): type check, synthesis, comparison"
  use_published
  if npm install --no-audit --no-fund "@cdktn/provider-aws@$CDKTN_PROVIDER_AWS_VERSION" >"$work/install-published.log" 2>&1 \
    && npm run typecheck >"$work/typecheck-published.log" 2>&1 \
    && node ${app#node } --out "$work/published.out" >"$work/synth-published.log" 2>&1; then
    compare "$work/cdktf.out" "$work/published.out" --provider-version-may-differ | tail -1 \
      && notes+=("published $published_aws bindings: type check and equivalent output") \
      || failures+=("output with the published bindings differs")
  else
    tail -20 "$work"/install-published.log "$work"/typecheck-published.log "$work"/synth-published.log 2>/dev/null
    failures+=("the published @cdktn/provider-aws $CDKTN_PROVIDER_AWS_VERSION does not type-check or synthesize")
  fi
fi

finish
