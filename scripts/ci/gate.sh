#!/usr/bin/env bash
# The lambda-eic CI gate (what action.yml runs; plain shell around the CLI, usable in any CI):
# start the emulator under test (or take an endpoint that is already up), wait until it answers,
# replay the conformance suite against it, and leave the reports in one folder.
#
# Settings (environment):
#   LAMBDA_EIC_TARGET         endpoint (default) or embedded (the reference emulator, no start needed)
#   LAMBDA_EIC_ENDPOINT_URL   the emulator's URL; with a start command and no URL, a free loopback
#                             port is picked, exported as PORT, and the URL is http://127.0.0.1:$PORT
#   LAMBDA_EIC_START_COMMAND  a shell command that runs the emulator in the foreground (it is started
#                             in the background here and stopped at the end), e.g. 'moto_server -p $PORT'
#   LAMBDA_EIC_READY_URL      polled until it answers anything over HTTP (default: the endpoint URL;
#                             a literal $PORT in it is replaced by the picked port)
#   LAMBDA_EIC_READY_TIMEOUT  seconds to wait for it (default 60)
#   LAMBDA_EIC_BASELINE, LAMBDA_EIC_SUITE, LAMBDA_EIC_LABEL, LAMBDA_EIC_CONCURRENCY: passed to run
#   LAMBDA_EIC_REPORTERS      default console,github,json,junit,markdown,html
#   LAMBDA_EIC_OUTPUT_DIR     default lambda-eic-reports
#   LAMBDA_EIC_CLI            the command to run the CLI (default: node <this checkout>/bin/lambda-eic.js)
# Exit code: the run's (0 conforms, 1 conformance failures, 2 usage error or unreachable target);
# 2 as well when the emulator does not start. Writes exit-code=N to $GITHUB_OUTPUT when set.
set -uo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
target=${LAMBDA_EIC_TARGET:-endpoint}
endpoint=${LAMBDA_EIC_ENDPOINT_URL:-}
start=${LAMBDA_EIC_START_COMMAND:-}
timeout=${LAMBDA_EIC_READY_TIMEOUT:-60}
out=${LAMBDA_EIC_OUTPUT_DIR:-lambda-eic-reports}
reporters=${LAMBDA_EIC_REPORTERS:-console,github,json,junit,markdown,html}
read -r -a cli <<< "${LAMBDA_EIC_CLI:-node $here/bin/lambda-eic.js}"
emulator_pid=

say() { echo "lambda-eic gate: $*"; }
finish() {
  local code=$1
  [ -n "${GITHUB_OUTPUT:-}" ] && echo "exit-code=$code" >> "$GITHUB_OUTPUT"
  exit "$code"
}
stop_emulator() {
  if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill -TERM -- "-$emulator_pid" 2>/dev/null || kill -TERM "$emulator_pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$emulator_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$emulator_pid" 2>/dev/null || true
  fi
}
trap stop_emulator EXIT

case $target in
  embedded) [ -n "$endpoint$start" ] && { say "LAMBDA_EIC_TARGET=embedded takes no endpoint or start command"; finish 2; } ;;
  endpoint) ;;
  *) say "LAMBDA_EIC_TARGET must be endpoint or embedded, not '$target'"; finish 2 ;;
esac

mkdir -p "$out"
if [ -n "$start" ]; then
  if [ -z "$endpoint" ]; then
    PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    export PORT
    endpoint="http://127.0.0.1:$PORT"
  fi
  say "starting the emulator: $start (log: $out/emulator.log)"
  set -m # its own process group, so stopping it stops its children too
  bash -c "$start" > "$out/emulator.log" 2>&1 &
  emulator_pid=$!
  set +m
fi
if [ "$target" = endpoint ]; then
  [ -z "$endpoint" ] && { say "set LAMBDA_EIC_ENDPOINT_URL or LAMBDA_EIC_START_COMMAND (or LAMBDA_EIC_TARGET=embedded)"; finish 2; }
  ready=${LAMBDA_EIC_READY_URL:-$endpoint}
  ready=${ready//\$PORT/${PORT:-}}
  say "waiting up to ${timeout}s for $ready"
  if ! node -e '
    const [url, seconds, pid] = process.argv.slice(1);
    const until = Date.now() + Number(seconds) * 1000;
    const alive = () => { if (!pid) return true; try { process.kill(Number(pid), 0); return true; } catch { return false; } };
    (async () => {
      while (Date.now() < until && alive()) {
        try { await fetch(url, { signal: AbortSignal.timeout(2000) }); process.exit(0); } catch {}
        await new Promise((r) => setTimeout(r, 250));
      }
      process.exit(1);
    })();' "$ready" "$timeout" "$emulator_pid"; then
    if [ -n "$emulator_pid" ] && ! kill -0 "$emulator_pid" 2>/dev/null; then say "the emulator exited before it answered"
    else say "$ready did not answer within ${timeout}s"; fi
    [ -n "$start" ] && { say "the emulator's last output:"; tail -n 20 "$out/emulator.log"; }
    finish 2
  fi
  if [ -n "$emulator_pid" ] && ! kill -0 "$emulator_pid" 2>/dev/null; then
    say "the emulator exited; its last output:"; tail -n 20 "$out/emulator.log"; finish 2
  fi
fi

args=(run --target "$target" --reporter "$reporters" --output-dir "$out")
[ "$target" = endpoint ] && args+=(--endpoint-url "$endpoint")
[ -n "${LAMBDA_EIC_BASELINE:-}" ] && args+=(--baseline "$LAMBDA_EIC_BASELINE")
[ -n "${LAMBDA_EIC_SUITE:-}" ] && args+=(--suite "$LAMBDA_EIC_SUITE")
[ -n "${LAMBDA_EIC_LABEL:-}" ] && args+=(--label "$LAMBDA_EIC_LABEL")
[ -n "${LAMBDA_EIC_CONCURRENCY:-}" ] && args+=(--concurrency "$LAMBDA_EIC_CONCURRENCY")
say "${cli[*]} ${args[*]}"
"${cli[@]}" "${args[@]}"
code=$?
say "exit code $code; reports in $out"
finish "$code"
