#!/usr/bin/env bash
# The main job on the embedded store: build polemos, import the reference dossier into
# ./polemos.db (idempotent), make sure an admin API key exists (printed once when created), and
# serve the polemos.v1 gRPC API on 127.0.0.1:50051 until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p polemos-cli
polemos=${CARGO_TARGET_DIR:-target}/release/polemos
db=${POLEMOS_DB:-polemos.db}
keys=${POLEMOS_KEYS_FILE:-polemos-keys.json}
"$polemos" --db "$db" import examples/dossiers/kuril-islands.json
"$polemos" --db "$db" show disputes
if [ ! -s "$keys" ]; then
  echo "creating an admin API key (shown once; send it as 'authorization: Bearer <key>')."
  key=$("$polemos" keys --keys-file "$keys" create --role admin)
  # As a shell line, so the README's grpcurl and Python examples run as written once it is run.
  echo "keep it in your shell (only its hash is stored):"
  echo
  echo "  export POLEMOS_API_KEY=$key"
  echo
fi
exec "$polemos" --db "$db" serve --keys-file "$keys" "$@"
