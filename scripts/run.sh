#!/usr/bin/env bash
# The main job on the embedded store: build polemos, import the reference dossier into
# ./polemos.db (idempotent) and show it.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p polemos-server
polemos=target/release/polemos
db=${POLEMOS_DB:-polemos.db}
"$polemos" --db "$db" import examples/dossiers/kuril-islands.json
"$polemos" --db "$db" show disputes
"$polemos" --db "$db" show stances --dispute kuril-islands
"$polemos" --db "$db" show events --dispute kuril-islands
