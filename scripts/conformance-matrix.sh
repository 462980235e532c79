#!/usr/bin/env bash
# Builds the conformance matrix from every emulator report there is: the reference emulator and
# moto 5.2.1 (moto_server on a free loopback port) are run here; reports of other emulators found
# under reports/emulators/*/lambda-eic-report.json (or named in LAMBDA_EIC_MATRIX_REPORTS, space-
# separated) join them, each target once (moto 5.2.1's report from npm run test:peers under
# reports/emulators/ is left out: the run here already gives its column). Writes
# reports/conformance/matrix.{html,md}; with --docs also refreshes docs/conformance-matrix.md
# (commit it). Exit 0 when the matrix was written.
set -uo pipefail
cd "$(dirname "$0")/.."
out=reports/conformance
mkdir -p "$out"
cli=(node bin/lambda-eic.js)
reports=()
labels=() # one column per target: a report whose label is already here is left out

label_of() { node -e 'try { console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).target ?? "") } catch { console.log("") }' "$1"; }
add_report() { # file
  local label; label=$(label_of "$1")
  for seen in "${labels[@]}"; do
    if [ -n "$label" ] && [ "$seen" = "$label" ]; then echo "conformance matrix: $1 left out: '$label' already has a column"; return; fi
  done
  reports+=("$1"); labels+=("$label")
}

run_target() { # name label args...
  local name=$1 label=$2; shift 2
  "${cli[@]}" run --label "$label" --reporter console,json,html --output-dir "$out/$name" "$@" > "$out/$name.log" 2>&1
  local code=$?
  if [ "$code" -le 1 ] && [ -f "$out/$name/lambda-eic-report.json" ]; then
    add_report "$out/$name/lambda-eic-report.json"
    echo "conformance matrix: $label: $(tail -n 4 "$out/$name.log" | grep -E '^(PASS|FAIL):' || echo "exit $code")"
  else
    echo "conformance matrix: $label could not be run (exit $code):"; tail -n 5 "$out/$name.log"
  fi
}

run_target reference "lambda-eic reference emulator"

if command -v moto_server > /dev/null; then
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  moto_server -H 127.0.0.1 -p "$port" > "$out/moto_server.log" 2>&1 &
  moto=$!
  trap 'kill $moto 2>/dev/null' EXIT
  node -e 'const u=process.argv[1],t=Date.now()+20000;(async()=>{while(Date.now()<t){try{if((await fetch(u)).ok)process.exit(0)}catch{}await new Promise(r=>setTimeout(r,200))}process.exit(1)})()' "http://127.0.0.1:$port/moto-api/" \
    || echo "conformance matrix: moto_server did not answer on port $port within 20 s"
  version=$(python3 -c 'import moto; print(moto.__version__)' 2>/dev/null || echo '?')
  run_target "moto-$version" "moto $version" --target endpoint --endpoint-url "http://127.0.0.1:$port"
  kill "$moto" 2>/dev/null; wait "$moto" 2>/dev/null
else
  echo "*** conformance matrix: moto_server is not installed: no moto column (pip install 'moto[server]==5.2.1') ***"
fi

for f in reports/emulators/*/lambda-eic-report.json ${LAMBDA_EIC_MATRIX_REPORTS:-}; do
  [ -f "$f" ] && add_report "$f"
done

"${cli[@]}" matrix "${reports[@]}" --html "$out/matrix.html" --markdown "$out/matrix.md" || exit 1
if [ "${1:-}" = --docs ]; then
  mkdir -p docs
  "${cli[@]}" matrix "${reports[@]}" --markdown docs/conformance-matrix.md --title "Conformance of emulators to the AWS Lambda event-invoke-config API" > /dev/null || exit 1
  echo "conformance matrix: wrote docs/conformance-matrix.md"
fi
