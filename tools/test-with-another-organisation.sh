#!/usr/bin/env bash
# The test suite must not depend on what the user wrote in accounts/: users replace the default
# organisation with their own and keep the tests. This runs `npm test` in a copy of the project
# whose accounts/ holds a generated organisation instead (other buckets, users, projects and
# regions), and ends with one line `OTHER ORGANISATION: passed|FAILED (...)`.
set -uo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
copy=$work/project
mkdir -p "$copy"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' file; do
  [ -e "$file" ] && cp --parents -- "$file" "$copy/"
done
ln -s "$PWD/node_modules" "$copy/node_modules"

rm -rf "$copy/accounts" && mkdir "$copy/accounts"
node --require tsx/cjs -e '
  const fs = require("node:fs"), path = require("node:path");
  const { generateOrganisation } = require("./bench/generate-organisation");
  const org = generateOrganisation({ platformUsers: 12, buckets: 7, consumerPrincipals: 2, projectsPerUser: 2 });
  org.accounts.owner.region = "eu-central-1";
  org.accounts.platform.region = "us-west-2";
  const dir = process.argv[1];
  fs.writeFileSync(path.join(dir, "index.json"), JSON.stringify(org.index, null, 2));
  for (const [name, spec] of Object.entries(org.accounts)) fs.writeFileSync(path.join(dir, name + ".json"), JSON.stringify(spec, null, 2));
' "$copy/accounts" || { echo "OTHER ORGANISATION: FAILED (could not write the generated organisation)"; exit 1; }
echo "accounts/ of the copy: $(cd "$copy/accounts" && echo *)"
# A repository of its own, as a user's fork is: some tests list the project's files with git.
(cd "$copy" && git init -q && git add -A && git -c user.name=ci -c user.email=ci@localhost commit -qm "another organisation") ||
  { echo "OTHER ORGANISATION: FAILED (could not make the copy a git repository)"; exit 1; }

log=$work/test.log
(cd "$copy" && npm test) 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
summary=$(grep -E '^Tests:' "$log" | tail -1 | sed -E 's/^Tests: +//')
if [ "$status" -eq 0 ]; then
  echo "OTHER ORGANISATION: passed (${summary:-no jest summary}; $((SECONDS - started)) s)"
else
  echo "OTHER ORGANISATION: FAILED (${summary:-npm test failed before jest}; $((SECONDS - started)) s)"
  exit 1
fi
