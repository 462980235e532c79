#!/usr/bin/env bash
# The project's own fast tests (what `npm test` runs) under Node 22 and Node 24, from the npm
# packages node@22 and node@24 (their preinstall fetches the platform binary, so it is allowed
# by name). Binaries are cached under ${LAMBDA_EIC_CACHE:-~/.cache/lambda-eic}/node-<major>.
# Prints one line per version and `node-versions: N passed, N failed`; exits 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
cache=${LAMBDA_EIC_CACHE:-$HOME/.cache/lambda-eic}
node scripts/build.mjs >/dev/null || exit 1
passed=0; failed=0; lines=()
for major in 22 24; do
  dir="$cache/node-$major"
  bin="$dir/node_modules/node/bin/node"
  if ! [ -x "$bin" ] || ! "$bin" --version | grep -q "^v$major\."; then
    rm -rf "$dir" && mkdir -p "$dir" && echo '{"private":true,"allowScripts":{"node":true}}' > "$dir/package.json"
    npm install --prefix "$dir" --cache "$cache/npm" --prefer-offline --no-audit --no-fund --loglevel error \
      "node@$major" >/dev/null 2>&1
  fi
  if ! [ -x "$bin" ]; then
    lines+=("node $major: could not install node@$major from the npm registry"); failed=$((failed + 1)); continue
  fi
  version=$("$bin" --version)
  log=$(mktemp)
  started=$SECONDS
  # vitest runs its workers with the node that started it; the json reporter of the CI config is
  # replaced so reports/vitest.json (the main run's) is left alone.
  PATH="$(dirname "$bin"):$PATH" "$bin" node_modules/vitest/vitest.mjs run --reporter=default >"$log" 2>&1
  code=$?
  totals=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ *Tests +[0-9]' | tail -1 | sed 's/^ *//; s/  */ /g')
  if [ $code -eq 0 ]; then
    passed=$((passed + 1)); lines+=("node $version: pass ($totals, $((SECONDS - started)) s)")
  else
    failed=$((failed + 1)); lines+=("node $version: FAIL ($totals)")
    echo "--- node $version output (tail)"; tail -60 "$log" | sed 's/\x1b\[[0-9;]*m//g'
  fi
  rm -f "$log"
done
printf '%s\n' "${lines[@]}"
echo "node-versions: $passed passed, $failed failed"
[ $failed -eq 0 ]
