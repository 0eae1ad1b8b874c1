#!/usr/bin/env bash
# Installs AtsParser's native dependencies on Debian/Ubuntu. Idempotent: re-running only installs what is missing.
#   scripts/install-deps.sh            toolchain + local servers (PostgreSQL, pgvector, Redis, Prometheus) + CI validators
#   scripts/install-deps.sh --tools    only the document toolchain (what the container image needs)
#   scripts/install-deps.sh --tools --no-pandoc   the same without pandoc (172 MB, and perl with it): the image's
#                                      default, where RTF goes through LibreOffice instead (docs/DEPLOYMENT.md)
# The full mode also builds native/pdfwords (the warm poppler worker of PDF_ENABLE_WORKER) into /usr/local/bin; the
# image builds it in its own stage, so the runtime gets the binary without a compiler.
# The Dockerfile, .ci/run and the README commands all call this script.
set -euo pipefail

mode=all pandoc=1
for a in "$@"; do
  case $a in
    --tools) mode=tools ;;
    --no-pandoc) pandoc=0 ;;
    *) echo "install-deps: unknown option $a" >&2; exit 2 ;;
  esac
done

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

# TOOLS is what the service runs (the container image gets them all, pandoc aside); SERVERS adds the test servers and the tools
# only tests and scripts use (qpdf builds encrypted PDFs, procps gives ps/pkill to scripts).
TOOLS=(antiword libreoffice-writer-nogui python3-uno pandoc poppler-utils poppler-data
       tesseract-ocr tesseract-ocr-eng tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-spa tesseract-ocr-por
       ca-certificates)
# chromium + chromium-driver: the review page's browser tests (Selenium drives /usr/bin/chromium; nothing is downloaded at test time).
SERVERS=(postgresql postgresql-contrib redis-server prometheus docker-compose python3 make gcc chromium chromium-driver fonts-dejavu-core
         qpdf procps g++ pkg-config libpoppler-private-dev)

want=()
for p in "${TOOLS[@]}"; do [ "$pandoc" = 0 ] && [ "$p" = pandoc ] || want+=("$p"); done
[ "$mode" = all ] && want+=("${SERVERS[@]}")

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "install-deps: all apt packages present"
fi

# The Debian prometheus package starts a system service on :9090; tests start their own, so stop the system one.
if [ "$mode" = all ] && command -v systemctl >/dev/null 2>&1; then
  $SUDO systemctl disable --now prometheus prometheus-node-exporter redis-server >/dev/null 2>&1 || true
fi

[ "$mode" = all ] || exit 0

# pdfwords: rebuilt when missing, older than its source, or speaking another protocol than the source's version line
# (it links the system's poppler, as pdftotext does). The service reads a protocol-1 worker too, only slower.
src=$(cd "$(dirname "$0")/.." && pwd)/native/pdfwords
want=$(grep -o '"pdfwords [0-9]* (poppler' "$src/pdfwords.cc" | head -1 | cut -d' ' -f2)
have=$( { /usr/local/bin/pdfwords -v 2>/dev/null || true; } | cut -d' ' -f2)
if [ ! -x /usr/local/bin/pdfwords ] || [ "$src/pdfwords.cc" -nt /usr/local/bin/pdfwords ] || [ "$have" != "$want" ]; then
  d=$(mktemp -d)
  # A poppler this source does not compile against leaves no worker: PDFs then go to pdftotext (the service says so in /health).
  if bash "$src/build.sh" "$d/pdfwords" >/dev/null; then
    $SUDO install -m 0755 "$d/pdfwords" /usr/local/bin/pdfwords
    echo "install-deps: built /usr/local/bin/pdfwords"
  else
    echo "install-deps: pdfwords did not build against this poppler; PDFs will be read by pdftotext" >&2
  fi
  rm -rf "$d"
fi

# pgvector: the distro package where it exists, otherwise built from Debian's own source package.
pgver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
pgconfig=/usr/lib/postgresql/$pgver/bin/pg_config
if [ -f "/usr/share/postgresql/$pgver/extension/vector.control" ]; then
  echo "install-deps: pgvector present for PostgreSQL $pgver"
elif apt-cache show "postgresql-$pgver-pgvector" >/dev/null 2>&1; then
  $SUDO apt-get install -y -qq --no-install-recommends "postgresql-$pgver-pgvector" >/dev/null
else
  echo "install-deps: building pgvector from Debian's source package for PostgreSQL $pgver"
  dpkg-query -W -f='${Status}' "postgresql-server-dev-$pgver" 2>/dev/null | grep -q "install ok installed" \
    || $SUDO apt-get install -y -qq --no-install-recommends "postgresql-server-dev-$pgver" >/dev/null
  d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
  mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
  # The mirror this machine's apt already uses (never a hard-coded host); DEBIAN_MIRROR overrides.
  mirror=$("$(dirname "$0")/debian-mirror.sh")
  printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$mirror" > "$d/src.sources"
  o=(-o "Dir::Etc::sourcelist=$d/src.sources" -o Dir::Etc::sourceparts=/dev/null -o "Dir::State::Lists=$d/lists" -o "Dir::Cache=$d/cache")
  $SUDO apt-get "${o[@]}" update -qq
  (cd "$d" && apt-get "${o[@]}" source --download-only pgvector >/dev/null)
  tar -xzf "$d"/pgvector_*.orig.tar.gz -C "$d"
  make -s -C "$d"/pgvector-*/ PG_CONFIG="$pgconfig" >/dev/null
  $SUDO make -s -C "$d"/pgvector-*/ install PG_CONFIG="$pgconfig" >/dev/null
fi
echo "install-deps: done"
