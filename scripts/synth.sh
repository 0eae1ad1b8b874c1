#!/usr/bin/env bash
# Rebuilds the synthetic development set (resumes with known answers) outside the repository:
#   scripts/synth.sh [DIR] [SEED] [COUNT]      default DIR: $ATS_SYNTH_DIR or ~/.cache/atsparser/synth
# Then: dotnet run --project src/AtsParser.Cli -c Release -- eval ../shared/corpus --synthetic DIR
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-${ATS_SYNTH_DIR:-$HOME/.cache/atsparser/synth}}"
dotnet run --project tools/AtsParser.Synth -c Release -- --out "$dir" --seed "${2:-1}" --count "${3:-40}"
