#!/usr/bin/env bash
# Starts AtsParser on http://127.0.0.1:5080 with everything it needs: installs missing native dependencies
# (idempotent), starts local PostgreSQL+pgvector and Redis unless DATABASE_URL/REDIS_URL are set, then runs the service.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# Storage and cache: use DATABASE_URL / REDIS_URL when set, otherwise throw-away local servers with data in .data/
# (stop them with scripts/dev-servers.sh stop). Pending migrations are applied before the server listens.
if [ -z "${DATABASE_URL:-}" ] && [ -z "${REDIS_URL:-}" ] && [ "${ATS_NO_SERVERS:-}" != 1 ]; then
  eval "$(bash scripts/dev-servers.sh start)"
fi
# Two glibc malloc arenas instead of 8 per core: native allocations (tools' pipes, Npgsql, zlib) stop spreading RSS
# over arenas that are never returned (bench/RESULTS.md, "RSS flat"). The image sets the same.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export MIGRATE_ON_STARTUP="${MIGRATE_ON_STARTUP:-true}"
exec dotnet run --project src/AtsParser.Api -c Release --urls "${ATS_URLS:-http://127.0.0.1:5080}"
