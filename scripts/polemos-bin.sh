# Sourced by the test scripts: exports POLEMOS_BIN, the debug `polemos` the tests run.
# scripts/test.sh sets it to the binary `cargo test --workspace` built; a script run alone builds
# it. Building it again with `cargo build -p polemos-cli` after the workspace tests would not be
# free: the package alone resolves other dependency features than the workspace test build and
# recompiles six crates for the same program (docs/benchmarks.md, "CI time").
if [ -z "${POLEMOS_BIN:-}" ]; then
  cargo build --locked -q -p polemos-cli
  POLEMOS_BIN="${CARGO_TARGET_DIR:-target}/debug/polemos"
fi
# Absolute, for the tests that run it from a directory of their own.
case "$POLEMOS_BIN" in
  /*) ;;
  *) POLEMOS_BIN="$PWD/$POLEMOS_BIN" ;;
esac
if [ ! -x "$POLEMOS_BIN" ]; then
  echo "error: POLEMOS_BIN=$POLEMOS_BIN is not an executable polemos binary" >&2
  exit 1
fi
export POLEMOS_BIN
