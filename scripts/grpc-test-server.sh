# Sourced by the gRPC client test scripts: finds or builds polemos (scripts/polemos-bin.sh),
# creates an admin and a reader key in a temporary directory, starts `polemos serve` on a free
# loopback port over an in-memory store and exports POLEMOS_TEST_ADDR, POLEMOS_TEST_ADMIN_KEY and
# POLEMOS_TEST_READER_KEY. The server is stopped (SIGTERM, graceful) when the sourcing script exits.
source scripts/polemos-bin.sh
grpc_tmp=$(mktemp -d)
keys="$grpc_tmp/keys.json"
POLEMOS_TEST_ADMIN_KEY=$("$POLEMOS_BIN" keys --keys-file "$keys" create --role admin 2>/dev/null)
POLEMOS_TEST_READER_KEY=$("$POLEMOS_BIN" keys --keys-file "$keys" create --role reader 2>/dev/null)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
POLEMOS_TEST_ADDR="127.0.0.1:$port"
export POLEMOS_TEST_ADDR POLEMOS_TEST_ADMIN_KEY POLEMOS_TEST_READER_KEY
"$POLEMOS_BIN" --db memory: serve --listen "$POLEMOS_TEST_ADDR" --keys-file "$keys" \
  --metrics-listen off --poll-interval-ms 100 >"$grpc_tmp/server.log" 2>&1 &
grpc_server_pid=$!
stop_grpc_server() {
  kill -TERM "$grpc_server_pid" 2>/dev/null || true
  wait "$grpc_server_pid" 2>/dev/null || true
  rm -rf "$grpc_tmp"
}
trap stop_grpc_server EXIT
for _ in $(seq 1 100); do
  if grep -q "polemos gRPC serving" "$grpc_tmp/server.log" 2>/dev/null; then break; fi
  if ! kill -0 "$grpc_server_pid" 2>/dev/null; then cat "$grpc_tmp/server.log"; exit 1; fi
  sleep 0.1
done
