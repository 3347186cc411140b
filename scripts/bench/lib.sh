# Shared by scripts/bench/load and scripts/bench/push-ratio: build the release
# server if needed, start it with demo data on a fresh SQLite file in /tmp on a
# free port, sign people in. Sourced from the repo root.

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
# BENCH_SERVER_BIN runs another build as it is (e.g. main's, for a before and
# after on the same machine minutes apart); otherwise this checkout's release
# build, built first.
SERVER_BIN="${BENCH_SERVER_BIN:-$CARGO_TARGET_DIR/release/pathway-server}"
PASSPHRASE="pathway-demo"

# Installs the tools a benchmark needs when missing, with the project's own
# apt helper (the same one the README's set-up commands use).
bench_tools() {
  # tools.sh sets -euo pipefail and PATH, as the callers already expect.
  . scripts/lib/tools.sh
  ensure_apt "$@"
}

bench_build() {
  if [ -n "${BENCH_SERVER_BIN:-}" ]; then
    echo "== using $BENCH_SERVER_BIN as it is" >&2
    return 0
  fi
  echo "== building the release server (quick when up to date)" >&2
  cargo build --release -q -p pathway-server >&2
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# What the figures were measured against, for the header of each table.
DATABASE_LABEL="SQLite (WAL, synchronous=FULL), a fresh file in /tmp"

# Starts the server; sets WORK, PORT, BASE, DB_FILE, SERVER_PID. Its log
# (one line per request, RUST_LOG as the caller sets it, default info) goes
# to $WORK/server.log.
bench_start_server() {
  WORK="$(mktemp -d /tmp/pathway-bench.XXXXXX)"
  PORT="$(free_port)"
  BASE="http://127.0.0.1:$PORT"
  DB_FILE="$WORK/pathway.db"
  mkdir -p "$WORK/dist"
  DATABASE_URL="sqlite://$DB_FILE?mode=rwc" PATHWAY_ADDR="127.0.0.1:$PORT" PATHWAY_DIST="$WORK/dist" \
    "$SERVER_BIN" serve --demo >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  trap bench_stop_server EXIT
  for _ in $(seq 1 100); do
    if curl -fsS "$BASE/api/v1/health" >/dev/null 2>&1; then
      echo "== server pid $SERVER_PID at $BASE, database $DB_FILE" >&2
      return 0
    fi
    sleep 0.1
  done
  echo "server did not start; its log:" >&2
  cat "$WORK/server.log" >&2
  exit 1
}

bench_stop_server() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ -n "${WORK:-}" ] && [ -z "${BENCH_KEEP:-}" ]; then
    rm -rf "$WORK"
  elif [ -n "${WORK:-}" ]; then
    echo "== kept $WORK (BENCH_KEEP set)" >&2
  fi
}

# Prints the session cookie's value for USERNAME.
sign_in() {
  local user="$1" jar
  jar="$(mktemp "$WORK/jar.XXXXXX")"
  curl -fsS -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"passphrase\":\"$PASSPHRASE\"}" "$BASE/api/v1/auth/login" >/dev/null \
    || { echo "sign-in as $user failed" >&2; exit 1; }
  awk '$6 == "pathway_session" { print $7 }' "$jar"
}
