#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for the tests.
#   tests/pg.sh start DIR   initdb + start on a free loopback port; prints the connection string
#   tests/pg.sh stop DIR    stop it (DIR can then be deleted)
#   tests/pg.sh down DIR    stop it fast, keeping the data (an outage: tests/faults/pg-outage.sh)
#   tests/pg.sh up DIR      start it again on the same port
# Installs the Debian postgresql package first if no server binaries exist and we are root.
set -euo pipefail
cmd="${1:?usage: pg.sh start|stop|down|up DIR}"; dir="${2:?usage: pg.sh start|stop|down|up DIR}"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

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
  bin="$(find_bin)"
  if [ -z "$bin" ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "pg.sh: installing the Debian postgresql package (not found)" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
      bin="$(find_bin)"
    fi
    [ -n "$bin" ] || { echo "pg.sh: no PostgreSQL server binaries and not root to install them" >&2; exit 1; }
  fi
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  pg_start "$bin" "$port"
  echo "$port" > "$dir/port"
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
  ;;
stop)
  bin="$(find_bin)"
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  ;;
down)
  as_owner "$(find_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  ;;
up)
  pg_start "$(find_bin)" "$(cat "$dir/port")"
  ;;
*) echo "usage: pg.sh start|stop|down|up DIR" >&2; exit 2 ;;
esac
