#!/usr/bin/env bash
# Tests the Python package: builds and installs it into a fresh venv the way a user would
# (`pip install ./python`, maturin fetched from PyPI as the build backend), checks the
# hand-written stubs against the native module (mypy stubtest), type-checks the package, runs the
# pytest suite and executes the example notebook headless. Fails on any error, and when pytest
# collects no tests.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

python=${PYTHON:-python3}
venv=${POLEMOS_PY_VENV:-$root/target/py-venv}

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
  echo "error: $python is older than 3.10; set PYTHON to a newer interpreter" >&2
  exit 1
fi

if [ ! -x "$venv/bin/python" ]; then
  echo "creating venv $venv"
  "$python" -m venv "$venv"
fi
py="$venv/bin/python"
export PIP_DISABLE_PIP_VERSION_CHECK=1

echo "installing test dependencies"
"$py" -m pip install -q \
  "pytest>=7" "mypy>=1.8" "nbclient>=0.9" "nbformat>=5.9" "ipykernel>=6" \
  "pandas>=1.5" "matplotlib>=3.6" "polars>=1.3" "pyarrow>=14" "duckdb>=1.1" "jsonschema>=4" \
  "dask[distributed]>=2024.1" "grpcio-tools==1.75.1"

echo "gRPC stubs: python/polemos/_grpc against proto/ (python/scripts/gen_grpc.py --check)"
"$py" python/scripts/gen_grpc.py --check

# Built with the dev profile, as the Rust tests are, in the same target directory: the package's
# code and what the tests check are the same as in a release build (the dev profile adds overflow
# checks and debug assertions), and it reuses the dependencies `cargo test --workspace` built
# rather than an optimised or separate build of the whole tree (docs/benchmarks.md, "CI time").
# POLEMOS_PY_PROFILE=release builds the wheel users get.
profile=${POLEMOS_PY_PROFILE:-dev}
echo "building and installing ./python[grpc] ($profile profile; maturin from PyPI)"
"$py" -m pip install -q --force-reinstall --no-deps \
  --config-settings=build-args="--profile $profile" ./python
# The grpc extra's dependencies, from the installed package's metadata (no second build).
"$py" -m pip install -q "polemos[grpc]"
"$py" -c 'import polemos, sys; print(f"polemos {polemos.__version__} on Python {sys.version.split()[0]}")'

# From a neutral directory so the installed package, not the source tree, is what is checked.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "stubtest: python/polemos/_native.pyi against the native module"
(cd "$work" && "$py" -m mypy.stubtest polemos._native)

echo "mypy: the package's own type hints"
"$py" -m mypy --python-version 3.10 --no-incremental --cache-dir "$work/mypy-cache" \
  --ignore-missing-imports python/polemos

source scripts/polemos-bin.sh
echo "pytest (the client tests start polemos serve: $POLEMOS_BIN)"
set +e
"$py" -m pytest -q -p no:cacheprovider python/tests
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "error: pytest collected no tests" >&2
  exit 1
elif [ "$status" -ne 0 ]; then
  exit "$status"
fi

echo "notebook: python/examples/kuril.ipynb, executed headless"
MPLBACKEND=Agg "$py" - <<'EOF'
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

path = Path("python/examples/kuril.ipynb")
nb = nbformat.read(path, as_version=4)
client = NotebookClient(
    nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
)
client.execute()  # raises CellExecutionError on the first failing cell
errors = [
    o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
    if o.get("output_type") == "error"
]
if errors:
    sys.exit(f"notebook produced {len(errors)} error output(s)")
code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
print(f"notebook ran {code_cells} code cells without error")
EOF
