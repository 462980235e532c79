#!/usr/bin/env bash
# The optional peers (nock, aws-sdk-client-mock, @pact-foundation/pact, @aws-sdk/client-iam) at the
# lowest and the newest version of their stated ranges (consumers/peers.mjs): installed beside the
# packed tarball without ERESOLVE, then a smoke run of what each is for; a version whose engines
# exclude Node 20 runs on Node 22 (npm package node@22). Prints `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/../.."
node consumers/peers.mjs
