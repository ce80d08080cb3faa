#!/usr/bin/env bash
# The Python gRPC client tests: makes a venv under target/ with grpcio and grpcio-tools, generates
# the stubs from proto/ into it, starts `polemos serve` on a free loopback port and runs pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/grpc-python-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check grpcio grpcio-tools grpcio-status pytest
gen=target/grpc-python-gen
rm -rf "$gen" && mkdir -p "$gen"
"$venv/bin/python" -m grpc_tools.protoc -I proto --python_out="$gen" --grpc_python_out="$gen" proto/polemos/v1/*.proto
source scripts/grpc-test-server.sh
PYTHONPATH="$gen" "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/grpc-python
