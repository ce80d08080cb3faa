#!/usr/bin/env bash
# Runs every test of polemos. Installs what the tests need that is not part of the Rust build
# (a Python venv with maturin and pytest, npm packages) and says clearly what it skips.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

section() { printf '\n== %s\n' "$*"; }

section "Protos: buf lint and buf breaking (docs/protos.md)"
scripts/test-proto.sh

section "Rust: unit, property and end-to-end tests"
cargo test --workspace --locked

section "Extraction on the evaluation corpus (docs/evaluation.md; floors in eval/floors/)"
# The debug binary the tests above built; scoring takes a few seconds (the parse, unoptimized).
cargo run --quiet --locked -p polemos-server -- evaluate eval/news --summary --floors eval/floors/news.toml
cargo run --quiet --locked -p polemos-server -- evaluate eval/petrarch --summary --floors eval/floors/petrarch.toml
python3 scripts/convert-petrarch.py --check > /dev/null
python3 scripts/cameo-verbs.py --check
python3 scripts/phoenix_people.py ../shared/corpora/petrarch2-dictionaries \
  | cmp - crates/polemos-extract/data/people.tsv

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
  scripts/fuzz.sh
fi

section "all tests passed"
