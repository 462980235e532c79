#!/usr/bin/env bash
# The consumer matrix (consumers/run.mjs): the packed tarball in fresh scratch projects with
# @aws-sdk/client-lambda at the floor of the peer range, the development version and the newest,
# under vitest, jest (CommonJS via ts-jest, and ESM), plain Node ESM and CommonJS; plus a minimal
# install (missing optional peers exit 2, the CLI runs, the install size), then the optional peers
# at both ends of their ranges (consumers/peers.mjs). npm downloads are cached under
# ${LAMBDA_EIC_CACHE:-~/.cache/lambda-eic}/npm. Prints `N passed, N failed`; non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
node consumers/run.mjs
