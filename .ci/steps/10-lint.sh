#!/usr/bin/env bash
# Lint and format check with Biome (biome.json): the same `npm run lint` a contributor runs. A lint
# finding, or a file that `npm run format` would change, fails the step. It only reads.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS
if npm run --silent lint; then
  echo "10-lint: clean ($((SECONDS - started)) s)"
else
  echo "10-lint: FAILED: run npm run format for the formatting, then fix what npm run lint still reports"
  exit 1
fi
