#!/usr/bin/env bash
# Fuzzes every target in fuzz/ (`cargo fuzz list`): the extractor with fixed and with varied
# dates and metadata, the dossier reader (JSON, JSON Lines), the scenario parsers, gRPC request
# decoding, and any target added since. Installs cargo-fuzz from crates.io when it is missing and
# uses the nightly toolchain when one is installed (else RUSTC_BOOTSTRAP=1 on stable).
#
#   scripts/fuzz.sh            bounded run for CI: FUZZ_SECONDS in total (default 120), shared
#                              equally among the targets
#   scripts/fuzz.sh --hour     one hour in total (what docs/fuzzing.md records)
#   FUZZ_TARGETS="dossier scenario" scripts/fuzz.sh   only these targets
#
# Fails on the first crash; libFuzzer leaves the input under fuzz/artifacts/TARGET/. Prints one
# line of figures per target (executions, coverage, corpus) and appends them to
# fuzz/results.txt (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

total=${FUZZ_SECONDS:-120}
if [[ "${1:-}" == "--hour" ]]; then
  total=3600
fi

if ! cargo fuzz --help >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz from crates.io"
  cargo install cargo-fuzz --locked
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
echo "fuzz: ${#list[@]} targets, ${per}s each (${total}s in total)"

# Build all first, so the time budget is spent fuzzing.
for t in "${list[@]}"; do
  fuzz build --fuzz-dir fuzz "$t"
done

for t in "${list[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  log=$(mktemp)
  if ! fuzz run --fuzz-dir fuzz "$t" "fuzz/corpus/$t" -- \
      -max_total_time="$per" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
      >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $t FAILED (crash input under fuzz/artifacts/$t/)"
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')
  corpus=$(find "fuzz/corpus/$t" -type f | wc -l)
  line="$(date -u +%Y-%m-%dT%H:%MZ) $t: ${per}s, $runs executions, cov $cov, ft $ft, corpus $corpus, crashes 0"
  echo "fuzz: $line"
  echo "$line" >> fuzz/results.txt
  rm -f "$log"
done
echo "fuzz: all targets ran without a crash"
