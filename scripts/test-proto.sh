#!/usr/bin/env bash
# Checks the protos with buf (pinned in tools/buf/package-lock.json, installed from npm with
# `npm ci`; no other download): `buf lint` (STANDARD and COMMENTS rules) on every file under
# proto/ but the vendored proto/google, and `buf breaking` (FILE rules) against
# proto/baseline.binpb, the image of the last released protos. docs/protos.md explains both.
#
#   scripts/test-proto.sh                     # lint and breaking check
#   scripts/test-proto.sh --update-baseline   # at a release, or when a break is intended:
#                                             # rewrite proto/baseline.binpb from proto/
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not installed: skipping buf lint and buf breaking"
  exit 0
fi
(cd tools/buf && npm ci --no-audit --no-fund --silent)
buf=tools/buf/node_modules/.bin/buf
echo "buf $("$buf" --version)"

if [ "${1:-}" = "--update-baseline" ]; then
  "$buf" build --exclude-source-info -o proto/baseline.binpb
  echo "wrote proto/baseline.binpb from proto/; commit it with the change it accepts"
  exit 0
fi

"$buf" lint
echo "buf lint: clean"
"$buf" breaking --against proto/baseline.binpb
echo "buf breaking: no breaking change against proto/baseline.binpb"
