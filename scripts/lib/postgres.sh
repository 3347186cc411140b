# A throwaway PostgreSQL cluster for the server tests: made in a temp folder
# on a free loopback port, stopped and removed when the calling script exits.
# Sets PG_URL. Source it, then call start_throwaway_postgres.

start_throwaway_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -n "$bin" ] || { echo "PostgreSQL server binaries not found" >&2; return 1; }
  PG_DIR=$(mktemp -d)
  # Ask the OS for a free port (node is always here; python may not be).
  local port=${PG_PORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
  local run=()
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root.
    chown postgres: "$PG_DIR"
    run=(su postgres -c)
  else
    run=(bash -c)
  fi
  "${run[@]}" "$bin/initdb -D $PG_DIR -A trust -U postgres >/dev/null && \
    $bin/pg_ctl -D $PG_DIR -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' -l $PG_DIR/log -w start >/dev/null"
  PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
  export PG_URL PG_DIR
  trap 'stop_throwaway_postgres' EXIT
  trap 'exit 130' INT TERM
}

stop_throwaway_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  if [ "$(id -u)" = 0 ]; then
    su postgres -c "$bin/pg_ctl -D $PG_DIR -m fast -w stop" >/dev/null 2>&1 || true
  else
    "$bin/pg_ctl" -D "$PG_DIR" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
  PG_DIR=
}
