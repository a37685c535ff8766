#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for the tests.
#   tests/pg.sh start DIR   initdb + start on a free loopback port; prints the connection string
#   tests/pg.sh stop DIR    stop it (DIR can then be deleted)
#   tests/pg.sh down DIR    stop it fast, keeping the data (an outage: tests/faults/pg-outage.sh)
#   tests/pg.sh up DIR      start it again on the same port
# Installs the Debian postgresql package first if no server binaries exist and we are root.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cmd="${1:?usage: pg.sh start|stop|down|up DIR}"; dir="${2:?usage: pg.sh start|stop|down|up DIR}"

as_owner() {  # initdb/pg_ctl refuse to run as root: use the postgres user then
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {  # bin port
  # Durability off: a test cluster is thrown away, and this makes it much faster.
  as_owner "$1/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $2 -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
}

case "$cmd" in
start)
  bin="$(pg_bin)"
  if [ -z "$bin" ]; then
    apt_install postgresql >&2 || true
    bin="$(pg_bin)"
    [ -n "$bin" ] || { echo "pg.sh: no PostgreSQL server binaries, and they could not be installed" >&2; exit 1; }
  fi
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port="$(free_port)"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  pg_start "$bin" "$port"
  echo "$port" > "$dir/port"
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
  ;;
stop)
  bin="$(pg_bin)"
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  ;;
down)
  as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  ;;
up)
  pg_start "$(pg_bin)" "$(cat "$dir/port")"
  ;;
*) echo "usage: pg.sh start|stop|down|up DIR" >&2; exit 2 ;;
esac
