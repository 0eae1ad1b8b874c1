#!/usr/bin/env bash
# Builds the pdfwords worker against the system's poppler (Debian/Ubuntu: g++ and libpoppler-private-dev).
#   native/pdfwords/build.sh [OUT]   (default OUT: native/pdfwords/bin/pdfwords)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/bin/pdfwords}
mkdir -p "$(dirname "$out")"
g++ -std=c++17 -O2 -Wall -Wextra $(pkg-config --cflags poppler | sed "s/-I/-isystem /g") "$here/pdfwords.cc" -o "$out" $(pkg-config --libs poppler)
echo "pdfwords: built $out"
