#!/usr/bin/env bash
# Starts AtsParser on http://127.0.0.1:5080 with everything it needs: installs missing native dependencies
# (idempotent), then runs the service.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
exec dotnet run --project src/AtsParser.Api -c Release --urls "${ATS_URLS:-http://127.0.0.1:5080}"
