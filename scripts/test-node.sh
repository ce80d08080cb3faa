#!/usr/bin/env bash
# The Node.js gRPC client tests: installs @grpc/grpc-js and @grpc/proto-loader from the lock file,
# starts `polemos serve` on a free loopback port and runs node's test runner; the client loads
# the .proto files at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null 2>&1; then
  echo "node not installed: skipping the Node.js gRPC client tests"
  exit 0
fi
(cd tests/node && npm ci --no-audit --no-fund --silent)
source scripts/grpc-test-server.sh
(cd tests/node && node --test)
