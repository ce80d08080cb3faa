#!/usr/bin/env bash
# Measures `polemos extract` and `polemos ingest` on the benchmark corpus at 1×, 4× and 16×
# (2 MB of generated articles a unit, crates/polemos-extract/benches/support/corpus.rs): CPU
# (user + sys), wall, peak memory (max RSS) and cores used, from GNU time. The figures are in
# docs/benchmarks.md. Release build; needs /usr/bin/time. Not part of the test suite.
#
#   scripts/bench-corpus.sh [SCALES...]        (default: 1 4 16)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-$(pwd)/target}
work=${BENCH_DIR:-/tmp/polemos-bench-corpus}
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1 4 16)

# `--example` alone would limit the build to the example, so the binary is named too.
cargo build --release -q -p polemos-cli --bin polemos
cargo build --release -q -p polemos-extract --example write_corpus
bin=$target/release/polemos
mkdir -p "$work"

# One measured run: label, then the command. Prints one table row.
measure() {
  local label=$1
  shift
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || { tail -n 5 "$log" >&2; }
  awk -v label="$label" -F': ' '
    /User time/ {u = $2} /System time/ {s = $2} /Maximum resident/ {m = $2}
    /Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i]
    }
    END {
      cpu = u + s
      printf "| %s | %.1f s | %.1f s | %.2f | %d MB |\n", label, cpu, w, cpu / w, m / 1024
    }' "$log"
  rm -f "$log"
}

echo "| run | CPU (user+sys) | wall | cores used | peak RSS |"
echo "| --- | --- | --- | --- | --- |"
for scale in "${scales[@]}"; do
  dir=$work/x$scale
  [ -d "$dir" ] || "$target/release/examples/write_corpus" "$dir" "$scale" 2> /dev/null
  files=$(find "$dir" -name '*.txt' | wc -l)
  measure "extract ${scale}× ($files files), tables" \
    sh -c "find '$dir' -name '*.txt' | sort | '$bin' extract --published 2020-01-01 --files-from -"
  measure "extract ${scale}×, --json" \
    sh -c "find '$dir' -name '*.txt' | sort | '$bin' --json extract --published 2020-01-01 --files-from -"
  rm -f "$work/x$scale.db"*
  measure "ingest ${scale}×" \
    sh -c "find '$dir' -name '*.txt' | sort | '$bin' --db '$work/x$scale.db' ingest --published 2020-01-01 --files-from -"
  if [ "${BENCH_ONE_CORE:-}" = "$scale" ]; then
    rm -f "$work/x$scale.db"*
    measure "ingest ${scale}×, one core (taskset -c 0)" \
      sh -c "find '$dir' -name '*.txt' | sort | taskset -c 0 '$bin' --db '$work/x$scale.db' ingest --published 2020-01-01 --files-from -"
    rm -f "$work/x$scale.db"*
    measure "extract ${scale}×, tables, one core (taskset -c 0)" \
      sh -c "find '$dir' -name '*.txt' | sort | taskset -c 0 '$bin' extract --published 2020-01-01 --files-from -"
  fi
done
