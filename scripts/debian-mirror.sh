#!/usr/bin/env bash
# Prints the Debian archive URI this machine's apt is configured with (deb822 *.sources first, then one-line
# sources.list entries), so source packages come from the same mirror as everything else: a machine behind a
# corporate mirror is never sent to a hard-coded host. DEBIAN_MIRROR overrides. Usage: debian-mirror.sh [APT_ETC_DIR]
set -euo pipefail
etc="${1:-/etc/apt}"
if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; exit 0; fi
shopt -s nullglob
# deb822: the first stanza of type deb whose suites are the release itself (not -security) and whose URI is a Debian archive.
for f in "$etc"/sources.list.d/*.sources; do
  uri=$(awk 'BEGIN { RS = ""; FS = "\n" }
    { u = ""; s = ""; t = ""; off = 0
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^URIs:/)    { split($i, a, /[ \t]+/); u = a[2] }
        if ($i ~ /^Suites:/)  s = $i
        if ($i ~ /^Types:/)   t = $i
        if ($i ~ /^Enabled:[ \t]*no/) off = 1
      }
      if (!off && u != "" && t ~ /deb/ && s !~ /security/ && u !~ /security/ && u ~ /debian/) { print u; exit } }' "$f")
  if [ -n "$uri" ]; then echo "$uri"; exit 0; fi
done
# One-line format: deb [options] URI suite components
for f in "$etc"/sources.list "$etc"/sources.list.d/*.list; do
  [ -f "$f" ] || continue
  uri=$(sed -e 's/\[[^]]*\]//' "$f" | awk '$1 == "deb" && $2 ~ /debian/ && $2 !~ /security/ && $3 !~ /security/ { print $2; exit }')
  if [ -n "$uri" ]; then echo "$uri"; exit 0; fi
done
echo "debian-mirror: no Debian archive found in $etc/sources.list(.d); set DEBIAN_MIRROR to your mirror's URI" >&2
exit 1
