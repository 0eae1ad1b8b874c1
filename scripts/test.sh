#!/usr/bin/env bash
# Runs the full test suite: installs missing native dependencies (idempotent), builds, tests.
# Test servers (PostgreSQL+pgvector, Redis, Prometheus) are started by the test fixtures on free ports,
# unless DATABASE_URL / REDIS_URL are already set.
# When a test fails, the last lines printed name every failed test with the start of its message (from TRX files),
# so a log that keeps only its tail still says what failed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
export ATS_CORPUS_DIR="${ATS_CORPUS_DIR:-$(cd .. && pwd)/shared/corpus}"
dotnet build AtsParser.sln -c Release
results="$(mktemp -d "${TMPDIR:-/tmp}/atsparser-test-results.XXXXXX")"
trap 'rm -rf "$results"' EXIT
status=0
dotnet test AtsParser.sln -c Release --no-build --logger "console;verbosity=normal" --logger trx \
  --results-directory "$results" "$@" || status=$?
if [ "$status" -ne 0 ]; then
  python3 scripts/trx-failures.py "$results" || true
fi
exit "$status"
