#!/usr/bin/env bash
# Runs the full test suite: installs missing native dependencies (idempotent), builds, tests.
# Test servers (PostgreSQL+pgvector, Redis, Prometheus) are started by the test fixtures on free ports,
# unless DATABASE_URL / REDIS_URL are already set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
export ATS_CORPUS_DIR="${ATS_CORPUS_DIR:-$(cd .. && pwd)/shared/corpus}"
dotnet build AtsParser.sln -c Release
dotnet test AtsParser.sln -c Release --no-build --logger "console;verbosity=normal" "$@"
