#!/usr/bin/env bash
# Image-only "scans" of text PDFs, with their answer keys, for `extraction --only ocrdpi`:
#   bench/scripts/make-scans.sh SRC OUT [SCAN_DPI]
# SRC holds pdf/ and truth/ (the synthetic set: scripts/synth.sh DIR SEED COUNT). Each page is rendered at SCAN_DPI
# (default 150) in grey, rotated 1.3 degrees, given Gaussian noise and saved as JPEG q55, then wrapped into an
# image-only PDF by the corpus's tools/jpegs2pdf.py: the recipe of the corpus's gen_scan file
# (../shared/corpus/tools/make_derived.sh). Needs pdftoppm, ImageMagick convert, python3. Nothing goes into the repo.
set -euo pipefail
convert=$(command -v convert-im6.q16 || command -v convert)   # a stand-in `convert` may come first in PATH
src=$1; out=$2; dpi=${3:-150}
tools=${ATS_CORPUS_DIR:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/corpus}/tools
mkdir -p "$out/pdf" "$out/truth"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for pdf in "$src"/pdf/*.pdf; do
    name=$(basename "$pdf" .pdf)
    rm -f "$tmp"/p-*
    pdftoppm -r "$dpi" -gray -png "$pdf" "$tmp/p"
    jpgs=()
    for png in "$tmp"/p-*.png; do
        "$convert" "$png" -rotate 1.3 -background white -flatten -attenuate 0.5 +noise Gaussian -quality 55 "${png%.png}.jpg"
        jpgs+=("${png%.png}.jpg")
    done
    python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import jpegs2pdf; jpegs2pdf.main(sys.argv[2], sys.argv[4:], dpi=int(sys.argv[3]))' \
        "$tools" "$out/pdf/scan${dpi}_$name.pdf" "$dpi" "${jpgs[@]}"
    # The key names the file it belongs to; only the file name changes.
    python3 -c 'import json,sys; k=json.load(open(sys.argv[1])); k["file"]=sys.argv[3]; json.dump(k, open(sys.argv[2],"w"), ensure_ascii=False, indent=1)' \
        "$src/truth/$name.pdf.json" "$out/truth/scan${dpi}_$name.pdf.json" "pdf/scan${dpi}_$name.pdf"
done
ls "$out/pdf" | wc -l
