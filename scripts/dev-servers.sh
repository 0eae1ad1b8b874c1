#!/usr/bin/env bash
# Throw-away local PostgreSQL (+pgvector) and Redis for development, data under .data/ (git-ignored).
#   scripts/dev-servers.sh start    start both (idempotent) and print the export lines: eval "$(scripts/dev-servers.sh start)"
#   scripts/dev-servers.sh stop     stop both (data is kept)
#   scripts/dev-servers.sh reset    stop both and delete .data/
#   scripts/dev-servers.sh env      print the export lines
# Ports: ATS_PG_PORT (default 55433), ATS_REDIS_PORT (default 56380). PostgreSQL refuses to run as root, so as root
# it runs as the `postgres` user, in .data/pg owned by that user.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
data="$root/.data"
pg_port=${ATS_PG_PORT:-55433}
redis_port=${ATS_REDIS_PORT:-56380}
pgbin=/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -1)/bin

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

print_env() {
  echo "export DATABASE_URL='postgres://postgres@127.0.0.1:$pg_port/atsparser'"
  echo "export REDIS_URL='redis://127.0.0.1:$redis_port'"
}

start() {
  mkdir -p "$data"
  if [ ! -s "$data/pg/PG_VERSION" ]; then
    mkdir -p "$data/pg"
    # The postgres user must reach the data directory through every parent.
    [ "$(id -u)" = 0 ] && chown postgres: "$data/pg" && chmod 700 "$data/pg" && chmod o+x "$data"
    as_pg "$pgbin/initdb" -D "$data/pg" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
  fi
  if ! as_pg "$pgbin/pg_ctl" -D "$data/pg" status >/dev/null 2>&1; then
    as_pg "$pgbin/pg_ctl" -D "$data/pg" -l "$data/pg/server.log" -w -t 60 \
      -o "-p $pg_port -k $data/pg -c listen_addresses=127.0.0.1" start >/dev/null
  fi
  as_pg "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='atsparser'" | grep -q 1 \
    || as_pg "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "CREATE DATABASE atsparser" >/dev/null
  as_pg "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d atsparser -qc "CREATE EXTENSION IF NOT EXISTS vector" >/dev/null

  mkdir -p "$data/redis"
  if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
    redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
      --pidfile "$data/redis/redis.pid" --logfile "$data/redis/redis.log" --dir "$data/redis" >/dev/null
    for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  echo "dev-servers: PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port (data in .data/)" >&2
  print_env
}

stop() {
  [ -s "$data/pg/PG_VERSION" ] && as_pg "$pgbin/pg_ctl" -D "$data/pg" -m fast -w stop >/dev/null 2>&1 || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  echo "dev-servers: stopped" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  reset) stop; rm -rf "$data" ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|reset|env" >&2; exit 2 ;;
esac
