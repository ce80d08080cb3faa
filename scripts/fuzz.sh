#!/usr/bin/env bash
# Fuzzes the extractor for a bounded time (FUZZ_SECONDS, default 30) when cargo-fuzz is
# installed (`cargo install cargo-fuzz`); otherwise says it skipped and succeeds. cargo-fuzz needs
# nightly features: on a stable toolchain RUSTC_BOOTSTRAP=1 enables them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-30}

if ! cargo fuzz --help >/dev/null 2>&1; then
  echo "fuzz: SKIPPED: cargo-fuzz is not installed (cargo install cargo-fuzz to enable)"
  exit 0
fi

# Seed the corpus with the reference article and the test articles.
corpus=fuzz/corpus/extract
mkdir -p "$corpus"
cp tests/fixtures/kuril-2018.txt "$corpus/" 2>/dev/null || true
cp tests/fixtures/articles/*.txt "$corpus/" 2>/dev/null || true

toolchain_env=()
if ! rustc --version | grep -q nightly; then
  toolchain_env=(env RUSTC_BOOTSTRAP=1)
fi

echo "fuzz: running the extract target for ${seconds}s"
"${toolchain_env[@]}" cargo fuzz run --fuzz-dir fuzz extract "$corpus" -- \
  -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048
echo "fuzz: extract target ran ${seconds}s without a crash"
