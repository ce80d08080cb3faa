#!/usr/bin/env bash
# Fuzzes every target in fuzz/ (`cargo fuzz list`): the extractor with fixed and with varied
# dates and metadata, the dossier reader (JSON, JSON Lines), the scenario parsers, gRPC request
# decoding, and any target added since. Installs cargo-fuzz from crates.io when it is missing and
# uses the nightly toolchain when one is installed (else RUSTC_BOOTSTRAP=1 on stable).
#
#   scripts/fuzz.sh            bounded run for CI: FUZZ_SECONDS of fuzzing in total (default 120),
#                              shared equally among the targets
#   scripts/fuzz.sh --hour     one hour of fuzzing in total (what docs/fuzzing.md records)
#   FUZZ_TARGETS="dossier scenario" scripts/fuzz.sh   only these targets
#   scripts/fuzz.sh --build-only   install cargo-fuzz if needed and build the targets, no fuzzing
#                              (scripts/test.sh builds them beside the Python tests)
#
# Targets run FUZZ_JOBS at a time (default: the number of cores), each on its own core for its
# share of the time, so a target gets the same executions as when they ran one after another and
# the run takes 1/FUZZ_JOBS of the wall time. Each target's output goes to a file and is printed
# in order, so parallel runs stay readable.
#
# Fails when a target crashes; libFuzzer leaves the input under fuzz/artifacts/TARGET/. Prints one
# line of figures per target (executions, coverage, corpus) and appends them to
# fuzz/results.txt (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

total=${FUZZ_SECONDS:-120}
build_only=false
case "${1:-}" in
  --hour) total=3600 ;;
  --build-only) build_only=true ;;
  "") ;;
  *) echo "usage: scripts/fuzz.sh [--hour | --build-only]" >&2; exit 2 ;;
esac

if ! cargo fuzz --help >/dev/null 2>&1; then
  # Unoptimised: cargo-fuzz only runs cargo, and its release build costs 1.7 times the CPU.
  echo "fuzz: installing cargo-fuzz from crates.io (debug build)"
  cargo install cargo-fuzz --locked --debug
fi

toolchain=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  toolchain=(+nightly)
elif ! rustc --version | grep -q nightly; then
  echo "fuzz: no nightly toolchain installed; using stable with RUSTC_BOOTSTRAP=1"
  export RUSTC_BOOTSTRAP=1
fi
fuzz() { cargo "${toolchain[@]}" fuzz "$@"; }

# Seeds: the reference article and test articles; the reference dossier in both formats; the
# example scenarios. extract_meta inputs start with 4 bytes of date and a title length (0).
seed() { mkdir -p "fuzz/corpus/$1"; }
seed extract; cp tests/fixtures/kuril-2018.txt tests/fixtures/articles/*.txt fuzz/corpus/extract/ 2>/dev/null || true
seed extract_meta
for f in tests/fixtures/kuril-2018.txt tests/fixtures/articles/*.txt; do
  [[ -f "$f" ]] || continue
  { printf '\x0b\x00\x00\x00\x00'; cat "$f"; } > "fuzz/corpus/extract_meta/$(basename "$f")"
done
seed dossier; cp examples/dossiers/*.json fuzz/corpus/dossier/ 2>/dev/null || true
seed scenario; find examples/scenarios -type f -exec cp {} fuzz/corpus/scenario/ \; 2>/dev/null || true
seed grpc_decode

targets=${FUZZ_TARGETS:-$(fuzz list --fuzz-dir fuzz)}
read -r -a list <<<"$(echo $targets)"
per=$(( total / ${#list[@]} ))
(( per >= 5 )) || per=5
jobs=${FUZZ_JOBS:-$(nproc)}
(( jobs >= 1 )) || jobs=1
echo "fuzz: ${#list[@]} targets, ${per}s each (${total}s in total), ${jobs} at a time"

# Build first, so the time budget is spent fuzzing: every target in one cargo invocation (one
# dependency graph, its crates compiled in parallel), or the chosen ones.
if [[ -z "${FUZZ_TARGETS:-}" ]]; then
  fuzz build --fuzz-dir fuzz
else
  for t in "${list[@]}"; do
    fuzz build --fuzz-dir fuzz "$t"
  done
fi
if $build_only; then
  echo "fuzz: built ${#list[@]} targets"
  exit 0
fi

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
# One target: libFuzzer's output to $logs/T.log, its exit status to $logs/T.status. The binary
# was built above, so `fuzz run` only checks that it is current.
run_one() {
  local t=$1 status=0
  mkdir -p "fuzz/corpus/$t"
  fuzz run --fuzz-dir fuzz "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$per" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
    >"$logs/$t.log" 2>&1 || status=$?
  echo "$status" >"$logs/$t.status"
}
running=0
for t in "${list[@]}"; do
  if (( running >= jobs )); then
    wait -n || true
    running=$((running - 1))
  fi
  run_one "$t" &
  running=$((running + 1))
done
wait

failed=()
for t in "${list[@]}"; do
  log="$logs/$t.log"
  if [[ "$(cat "$logs/$t.status" 2>/dev/null || echo missing)" != 0 ]]; then
    tail -40 "$log" 2>/dev/null || true
    echo "fuzz: $t FAILED (crash input under fuzz/artifacts/$t/)"
    failed+=("$t")
    continue
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')
  corpus=$(find "fuzz/corpus/$t" -type f | wc -l)
  line="$(date -u +%Y-%m-%dT%H:%MZ) $t: ${per}s, $runs executions, cov $cov, ft $ft, corpus $corpus, crashes 0"
  echo "fuzz: $line"
  echo "$line" >> fuzz/results.txt
done
if (( ${#failed[@]} > 0 )); then
  echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}"
  exit 1
fi
echo "fuzz: all targets ran without a crash"
