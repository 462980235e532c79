#!/usr/bin/env bash
# The conformance matrix from the emulator runs (reference emulator, moto 5.2.1, and any other
# emulator reports under reports/emulators/), as reports/conformance/matrix.{html,md}: CI artifacts
# beside the browser screenshots of the report pages (reports/browser/*.png, from npm run test:peers).
set -uo pipefail
cd "$(dirname "$0")/../.."
npm run build > /dev/null || exit 1
started=$SECONDS
bash scripts/conformance-matrix.sh || exit 1
for f in reports/conformance/matrix.html reports/conformance/matrix.md; do
  [ -s "$f" ] || { echo "50-reports: $f was not written"; exit 1; }
  echo "50-reports: $f ($(wc -c < "$f") bytes)"
done
ls reports/browser/*.png 2>/dev/null | sed 's/^/50-reports: screenshot /'
echo "50-reports: done in $((SECONDS - started)) s"
