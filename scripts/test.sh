#!/usr/bin/env bash
# Runs every test of polemos. Installs what the tests need that is not part of the Rust build
# (a Python venv with maturin and pytest, npm packages) and says clearly what it skips.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

# Each section ends with its wall and CPU time, and a table of all of them ends the run.
source scripts/phases.sh
section() { phase "$@"; }

section "Protos: buf lint and buf breaking (docs/protos.md)"
scripts/test-proto.sh

section "Rust: unit, property and end-to-end tests"
cargo test --workspace --locked

section "Extraction on the evaluation corpus (docs/evaluation.md; floors in eval/floors/)"
# The debug binary the tests above built (polemos-cli's own tests run it); scoring takes a few
# seconds. The Python and Node.js sections below run the same binary (scripts/polemos-bin.sh).
POLEMOS_BIN="${CARGO_TARGET_DIR:-target}/debug/polemos"
source scripts/polemos-bin.sh
"$POLEMOS_BIN" evaluate eval/news --summary --floors eval/floors/news.toml
"$POLEMOS_BIN" evaluate eval/petrarch --summary --floors eval/floors/petrarch.toml
python3 scripts/convert-petrarch.py --check > /dev/null
python3 scripts/phoenix_orgs.py --check
python3 scripts/cameo-verbs.py --check
python3 scripts/phoenix_people.py ../shared/corpora/petrarch2-dictionaries \
  | cmp - crates/polemos-extract/data/people.tsv

# The fuzz targets' sanitizer build (its own workspace and target directory) runs beside the
# Python and Node.js sections, which mostly wait on pip, npm and single-threaded tests; its output
# is printed in the fuzzing section. On a failure before then, the trap stops it and its cargo:
# started with job control on (set -m), it is the leader of its own process group.
fuzz_build=""
if [ -x scripts/fuzz.sh ]; then
  fuzz_log=$(mktemp)
  trap '[ -z "$fuzz_build" ] || kill -- "-$fuzz_build" 2>/dev/null || true; rm -f "$fuzz_log"' EXIT
  set -m
  scripts/fuzz.sh --build-only >"$fuzz_log" 2>&1 &
  fuzz_build=$!
  set +m
fi

if [ -x scripts/test-python.sh ]; then
  section "Python package and clients"
  scripts/test-python.sh
fi

section "Python gRPC client"
scripts/test-grpc-python.sh

if [ -x scripts/test-node.sh ]; then
  section "Node.js gRPC client"
  scripts/test-node.sh
fi

if [ -x scripts/fuzz.sh ]; then
  section "Fuzzing (bounded)"
  echo "fuzz build (started before the Python section):"
  fuzz_status=0
  wait "$fuzz_build" || fuzz_status=$?
  fuzz_build=""
  cat "$fuzz_log"
  if [ "$fuzz_status" -ne 0 ]; then
    echo "error: the fuzz build failed (exit $fuzz_status)" >&2
    exit "$fuzz_status"
  fi
  scripts/fuzz.sh
fi

phases_summary
printf '\n== all tests passed\n'
