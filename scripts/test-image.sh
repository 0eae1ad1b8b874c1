#!/usr/bin/env bash
# Builds the container image from this working tree and checks it the way production runs it:
#   image    one container: read-only root, tmpfs /tmp, the image's own non-root user, auth on with a throwaway API
#            key; Docker health status, /health/ready, /metrics, one file of every format, graceful stop
#   compose  docker-compose.yml (grafana left out where its image is not here): store -> list -> search, Prometheus
#            scrapes the api; then two api replicas on the one database, one stopped mid-job: every file ends once
#   prod     docker-compose.prod.yml with throwaway env files: 401 without a key, 200 with it
# Prints one line per check ("ok" or "FAIL"), removes every container, network and volume it made (also on Ctrl-C),
# and exits 1 when a check failed (2 when it could not start). Published ports are ephemeral, on 127.0.0.1 only.
#   scripts/test-image.sh                 everything (about 4 minutes on 2 cores once the image layers are cached)
#   scripts/test-image.sh --image-only    the first part only
# Environment: ATS_IMAGE (tag built and used, default atsparser:local), ATS_CORPUS_DIR (default ../shared/corpus),
#              TEST_IMAGE_LOGS (folder that receives the containers' logs; default: a temp folder, removed).
# Needs a Docker engine, docker-compose (1.29+), curl and jq.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

only_image=0
[ "${1:-}" = --image-only ] && only_image=1
IMAGE=${ATS_IMAGE:-atsparser:local}
CORPUS=${ATS_CORPUS_DIR:-$(cd .. && pwd)/shared/corpus}
RUN=atspti$$                       # prefix of every container / compose project this run makes
WORK=$(mktemp -d -t test-image.XXXXXX)
LOGS=${TEST_IMAGE_LOGS:-$WORK/logs}
mkdir -p "$LOGS"
failures=0 checks=0
projects=() containers=()

ok()   { checks=$((checks + 1)); printf 'ok    %-44s %s\n' "$1" "${2:-}"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); printf 'FAIL  %-44s %s\n' "$1" "${2:-}"; }
# check NAME DETAIL COMMAND...: one line, ok when the command succeeds.
check() { local name=$1 detail=$2; shift 2; if "$@" >>"$WORK/checks.log" 2>&1; then ok "$name" "$detail"; else fail "$name" "$detail"; fi; }
die() { echo "test-image: $*" >&2; exit 2; }

compose() { local p=$1; shift; docker-compose -p "$p" "$@"; }

cleanup() {
  local c p
  for c in "${containers[@]}"; do
    docker logs "$c" >"$LOGS/$c.log" 2>&1 || true
    docker rm -f -v "$c" >/dev/null 2>&1 || true
  done
  for p in "${projects[@]}"; do
    local f; f=$(cat "$WORK/$p.args" 2>/dev/null) || continue
    # shellcheck disable=SC2086
    compose "$p" $f logs --no-color >"$LOGS/$p.log" 2>&1 || true
    # shellcheck disable=SC2086
    compose "$p" $f down -v --remove-orphans -t 5 >/dev/null 2>&1 || true
  done
  if [ -z "${TEST_IMAGE_LOGS:-}" ]; then rm -rf "$WORK"; else rm -rf "${WORK:?}/prod" "$WORK"/*.yml; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for t in docker docker-compose curl jq sha256sum; do command -v "$t" >/dev/null || die "missing $t"; done
docker info >/dev/null 2>&1 || die "no Docker engine answers"
[ -d "$CORPUS/pdf" ] || die "no corpus at $CORPUS (set ATS_CORPUS_DIR)"

# A throwaway API key; only its SHA-256 goes into the containers.
KEY=$(head -c 32 /dev/urandom | base64 | tr -d '=+/\n')
HASH=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)

# ---- helpers ------------------------------------------------------------------------------------------------------
host_port() { docker port "$1" "${2:-8080}/tcp" | awk -F: 'NR==1{print $NF}'; }

wait_healthy() {  # wait_healthy CONTAINER SECONDS: Docker's own health status
  local s
  for _ in $(seq "$2"); do
    s=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$1" 2>/dev/null)
    [ "$s" = healthy ] && return 0
    [ "$s" = exited ] || [ "$s" = dead ] && return 1
    sleep 1
  done
  return 1
}

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$@"; }

# /proc of a container, read with the image's bash (the image carries no ps): "pid uid state comm" per process.
procs() {
  docker exec "$1" bash -c 'for d in /proc/[0-9]*; do s=$(<"$d/stat") 2>/dev/null || continue; u=$(awk "/^Uid:/{print \$2}" "$d/status" 2>/dev/null); r=${s##*) }; c=${s#*(}; echo "${d#/proc/} $u ${r%% *} ${c%%)*}"; done' 2>/dev/null
}

# Corpus files: one of every format, with the format and the extractor each must come out with.
# The Word 6 DOC is one neither the in-process reader nor antiword can read, so LibreOffice has to; the other DOC
# keeps text in text boxes, which the in-process reader reads; the PDF scan has no text layer (OCR).
SAMPLES=(
  "pdf/soupboss_01-Accountant.pdf pdf pdftotext"
  "pdf/gen_scan_soupboss_01-Accountant.pdf pdf pdftotext+ocr|ocr"
  "docx/soupboss_01-Accountant.docx docx openxml"
  "doc/klair_resume.doc doc word"
  "hostile/public/tika_testWORD6.doc doc libreoffice"
  "rtf/gen_soupboss_01-Accountant.rtf rtf rtf"
  "odt/gen_soupboss_01-Accountant.odt odt odfxml"
  "txt/klair_resume.txt txt text"
  "@html html html"
  "image/awesomecv_resume-0.png image tesseract"
)
# The corpus holds no HTML resume: a small synthetic one stands in.
cat >"$WORK/resume.html" <<'EOF'
<!DOCTYPE html><html><head><title>Resume</title></head><body><h1>Jordan Example</h1>
<p>jordan.example@example.org | +1 555 0100 | Springfield</p><h2>Experience</h2>
<p><b>Accountant</b>, Example Ledger Ltd, 2019 - Present</p><h2>Skills</h2><p>Excel, SQL, Payroll</p></body></html>
EOF

parse_sample() {  # parse_sample BASEURL SAMPLE: one check line for one file
  local base=$1 file format want path out code got_format got_by chars
  read -r file format want <<<"$2"
  if [ "$file" = @html ]; then path=$WORK/resume.html; file=synthetic/resume.html; else path=$CORPUS/$file; fi
  out=$WORK/parse.json
  code=$(curl -s -o "$out" -w '%{http_code}' --max-time 180 -H "X-API-Key: $KEY" -F "file=@$path" "$base/api/v1/parse")
  got_format=$(jq -r '.document.format // empty' "$out" 2>/dev/null)
  got_by=$(jq -r '.extraction.extractedBy // empty' "$out" 2>/dev/null)
  chars=$(jq -r '.extraction.chars // 0' "$out" 2>/dev/null)
  local detail="$code $got_format via ${got_by:-?}, $chars chars, $(jq -r '.timingsMs.total // "?"' "$out" 2>/dev/null) ms"
  if [ "$code" = 200 ] && [ "$got_format" = "$format" ] && [[ "|$want|" == *"|$got_by|"* ]] && [ "$chars" -ge 40 ]; then
    ok "parse $format: $(basename "$file")" "$detail"
  else
    fail "parse $format: $(basename "$file")" "$detail (want 200 $format via $want); $(head -c 300 "$out" 2>/dev/null)"
  fi
}

# ---- 1. the image ---------------------------------------------------------------------------------------------------
t0=$SECONDS
if docker build -t "$IMAGE" . >"$LOGS/build.log" 2>&1; then
  size=$(docker image inspect -f '{{.Size}}' "$IMAGE")
  ok "image builds" "$IMAGE in $((SECONDS - t0)) s, $((size / 1000000)) MB"
else
  fail "image builds" "see the end of the build log:"; tail -n 30 "$LOGS/build.log"
  docker ps -aq --filter status=exited --filter status=created | head -0  # legacy builder: leftovers are reported, not guessed at
  exit 1
fi
image_user=$(docker image inspect -f '{{.Config.User}}' "$IMAGE")

C=$RUN-image
containers+=("$C")
# Production settings, except: Docker polls the health check every 2 s instead of 30 s (the check itself is the
# image's), and LibreOffice gets 180 s instead of 60 s (and the document's whole extraction budget 300 s instead of
# 60 s), so that a CI machine busy with other work does not time out: a cold soffice took 110 s here at load 60.
docker run -d --name "$C" --read-only --tmpfs /tmp:rw,size=512m -p 127.0.0.1::8080 -e "API_KEY_HASHES=$HASH" \
  -e Extraction__LibreOfficeTimeoutSeconds=180 -e Extraction__DocumentBudgetSeconds=300 --health-interval=2s --health-start-period=60s "$IMAGE" >/dev/null
t0=$SECONDS
if wait_healthy "$C" 120; then ok "container becomes healthy (Docker HEALTHCHECK)" "in $((SECONDS - t0)) s"
else fail "container becomes healthy (Docker HEALTHCHECK)" "$(docker inspect -f '{{.State.Status}} {{json .State.Health}}' "$C" | head -c 400)"; docker logs --tail 20 "$C"; exit 1; fi
B=http://127.0.0.1:$(host_port "$C")

pid1_uid=$(docker exec "$C" awk '/^Uid:/{print $2}' /proc/1/status)
pid1_cmd=$(docker exec "$C" cat /proc/1/cmdline | tr '\0' ' ')
check "runs as the image's user, not root" "image USER $image_user, uid of pid 1 ($pid1_cmd) $pid1_uid" \
  test -n "$image_user" -a "$pid1_uid" = "$image_user" -a "$pid1_uid" != 0
check "root filesystem is read-only" "writing /app fails" bash -c "! docker exec '$C' touch /app/probe"
check "/tmp is a writable tmpfs" "" docker exec "$C" bash -c 'grep -q " /tmp tmpfs " /proc/mounts && touch /tmp/probe && rm /tmp/probe'
check "/health/ready answers 200 without a key" "" test "$(status_of "$B/health/ready")" = 200
check "/api/v1/parse answers 401 without a key" "" \
  test "$(status_of -F "file=@$CORPUS/txt/klair_resume.txt" "$B/api/v1/parse")" = 401
check "/metrics answers 401 without a key" "" test "$(status_of "$B/metrics")" = 401
for s in "${SAMPLES[@]}"; do parse_sample "$B" "$s"; done
curl -s -H "X-API-Key: $KEY" "$B/metrics" >"$WORK/metrics.txt"
check "/metrics with the key counts the parses" "$(grep -c '^ats_' "$WORK/metrics.txt") ats_ series" \
  grep -q '^ats_documents_total{' "$WORK/metrics.txt"
procs "$C" >"$WORK/procs.txt"
check "no zombie and no process outside the image's user" "$(wc -l <"$WORK/procs.txt") processes" \
  awk -v u="$image_user" '$3=="Z" || $2!=u {print; bad=1} END{exit bad}' "$WORK/procs.txt"

# Graceful stop: a scanned PDF is being OCRed when SIGTERM arrives. The request ends (answered or cancelled) and
# the process exits on its own (code 0, not the 137 of Docker's SIGKILL) within Docker's default 10 s.
curl -s -o "$WORK/inflight.json" -w '%{http_code}' --max-time 60 -H "X-API-Key: $KEY" \
  -F "file=@$CORPUS/pdf/gen_scan_soupboss_01-Accountant.pdf" "$B/api/v1/parse?force=true" >"$WORK/inflight.code" 2>/dev/null &
inflight=$!
for _ in $(seq 50); do procs "$C" | grep -qE ' (tesseract|pdftoppm)$' && break; sleep 0.2; done
busy=$(procs "$C" | awk '$4 ~ /^(tesseract|pdftoppm|soffice.bin|oosplash|python3)$/{print $4}' | sort -u | tr '\n' ' ')
t0=$SECONDS
docker stop "$C" >/dev/null
stop_s=$((SECONDS - t0))
wait "$inflight"
exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$C")
check "docker stop: exits by itself within 10 s" "exit $exit_code after $stop_s s; tools running at SIGTERM: ${busy:-none}; the in-flight request got $(cat "$WORK/inflight.code")" \
  test "$exit_code" = 0

if [ "$only_image" = 1 ]; then
  echo "test-image: $checks checks, $failures failed (image only)"
  [ "$failures" = 0 ]; exit
fi

# ---- 2. docker-compose.yml ------------------------------------------------------------------------------------------
# The compose files as they are, except: published ports become ephemeral (127.0.0.1::PORT, so nothing on this host
# collides and the api can be scaled), and the api image is the one built above.
derive() {  # derive SRC DEST
  sed -E -e 's/^( +- +)"([0-9.]+:)?[0-9]+:([0-9]+)"/\1"127.0.0.1::\3"/' -e "s#^    image: atsparser:.*#    image: $IMAGE#" "$1" >"$2"
}
derive docker-compose.yml "$WORK/dev.yml"
P=${RUN}dev
projects+=("$P")
echo "-f $WORK/dev.yml --project-directory $repo" >"$WORK/$P.args"
services=(api postgres redis prometheus)
if docker image inspect grafana/grafana:11.2.0 >/dev/null 2>&1; then services+=(grafana); grafana=1; else grafana=0; fi
t0=$SECONDS
if compose "$P" -f "$WORK/dev.yml" --project-directory "$repo" up -d --no-build "${services[@]}" >"$LOGS/$P.up.log" 2>&1; then
  ok "docker-compose.yml up" "${services[*]} in $((SECONDS - t0)) s$([ "$grafana" = 0 ] && echo "; grafana left out: no grafana/grafana:11.2.0 image here")"
else
  fail "docker-compose.yml up" "$(tail -n 5 "$LOGS/$P.up.log" | tr '\n' ' ')"; exit 1
fi
api1=$(compose "$P" -f "$WORK/dev.yml" --project-directory "$repo" ps -q api)
check "compose api healthy (/health/ready probe)" "" wait_healthy "$api1" 120
A=http://127.0.0.1:$(host_port "$api1")
stored=$(curl -s --max-time 120 -F "file=@$CORPUS/pdf/soupboss_01-Accountant.pdf" "$A/api/v1/parse?store=true" | jq -r '.id // empty')
check "store: parse?store=true returns an id" "${stored:-none}" test -n "$stored"
check "list: /api/v1/resumes holds it" "" \
  bash -c "curl -s --max-time 30 '$A/api/v1/resumes' | jq -e --arg id '$stored' '[.items[].id] | index(\$id) != null'"
check "search: 'accountant' finds it" "" \
  bash -c "curl -s --max-time 30 -H 'Content-Type: application/json' -d '{\"text\":\"accountant\",\"topK\":3}' '$A/api/v1/search' | jq -e --arg id '$stored' '[.results[].id] | index(\$id) != null'"
prom=$(compose "$P" -f "$WORK/dev.yml" --project-directory "$repo" ps -q prometheus)
PR=http://127.0.0.1:$(host_port "$prom" 9090)
target=down
for _ in $(seq 60); do
  target=$(curl -s --max-time 5 "$PR/api/v1/targets" | jq -r '[.data.activeTargets[] | select(.labels.job=="atsparser") | .health] | first // "none"' 2>/dev/null)
  [ "$target" = up ] && break; sleep 1
done
check "Prometheus scrapes the api (target up)" "atsparser target: $target" test "$target" = up
check "Prometheus has ats_ series from the api" "" \
  bash -c "curl -s --max-time 10 '$PR/api/v1/query?query=count(%7B__name__%3D~%22ats_.%2B%22%7D)' | jq -e '.data.result[0].value[1] | tonumber > 0'"

# Two replicas on one database: stop the one working on a job, the other finishes it; every file ends exactly once.
compose "$P" -f "$WORK/dev.yml" --project-directory "$repo" up -d --no-build --no-recreate --scale api=2 api >>"$LOGS/$P.up.log" 2>&1
api2=$(compose "$P" -f "$WORK/dev.yml" --project-directory "$repo" ps -q api | grep -v "^$api1")
check "second api replica healthy on the same database" "" wait_healthy "$api2" 120
files=()
# OCR keeps the files in flight for seconds each; LibreOffice is left out (its cold start on a busy CI machine is
# the image checks' business, not this one's).
for f in pdf/gen_scan_soupboss_01-Accountant.pdf image/awesomecv_resume-0.png image/deedy_sample-image.png \
         image/rm_template_modern-two-column.jpg doc/klair_resume.doc pdf/klair_resume.pdf docx/soupboss_Mickey01.docx \
         odt/gen_soupboss_Mickey01.odt image/billryan_resume-en_US-zh_CN.png txt/soupboss_sample_resume.txt \
         pdf/awesomecv_resume.pdf docx/soupboss_02-Desktop_Support.docx; do files+=(-F "files=@$CORPUS/$f"); done
nfiles=$(( ${#files[@]} / 2 ))
job=$(curl -s --max-time 60 "${files[@]}" "$A/api/v1/jobs?force=true" | jq -r '.id // empty')
psql() { compose "$P" -f "$WORK/dev.yml" --project-directory "$repo" exec -T postgres psql -U atsparser -d atsparser -Atc "$1"; }
victim=""
for _ in $(seq 100); do
  owner=$(psql "SELECT lease_owner FROM job_items WHERE job_id = '$job' AND status = 'running' LIMIT 1" 2>/dev/null | tr -d '\r')
  if [ -n "$owner" ]; then
    host=${owner%%/*}
    for c in "$api1" "$api2"; do [ "$(docker inspect -f '{{.Config.Hostname}}' "$c")" = "$host" ] && victim=$c; done
    [ -n "$victim" ] && break
  fi
  sleep 0.2
done
if [ -z "$victim" ]; then
  fail "replica stop mid-job" "no item of job ${job:-?} was seen running"
else
  survivor=$([ "$victim" = "$api1" ] && echo "$api2" || echo "$api1")
  held=$(psql "SELECT count(*) FROM job_items WHERE job_id = '$job' AND status = 'running' AND lease_owner LIKE '$host/%'" | tr -d '\r')
  t0=$SECONDS
  docker stop "$victim" >/dev/null
  stop_s=$((SECONDS - t0))
  code=$(docker inspect -f '{{.State.ExitCode}}' "$victim")
  released=$(docker logs "$victim" 2>&1 | grep -c '"EventId":1704')
  check "replica stop mid-job: graceful exit" "exit $code after $stop_s s; it held $held running items, handed back $released" \
    test "$code" = 0
  st=""
  for _ in $(seq 600); do  # seconds; a transient failure waits RETRY_DELAYS (60 s) before its retry
    st=$(curl -s --max-time 10 "$A/api/v1/jobs/$job" 2>/dev/null || true)
    [ -z "$st" ] && A=http://127.0.0.1:$(host_port "$survivor") && continue
    jq -e '.counts.queued + .counts.running == 0' <<<"$st" >/dev/null 2>&1 && break
    sleep 1
  done
  A=http://127.0.0.1:$(host_port "$survivor")
  # The JSONL stream holds every finished file; a short --max-time cut it at 4 of 12 lines on a machine at load 60.
  curl -s --max-time 180 "$A/api/v1/jobs/$job/results?format=jsonl" >"$WORK/results.jsonl"
  summary=$(jq -c '.counts' <<<"$st" 2>/dev/null)
  check "every file of the job ends exactly once" "$nfiles files, counts $summary, $(wc -l <"$WORK/results.jsonl") result lines" \
    bash -c "jq -e '.counts.succeeded + .counts.failed + .counts.deadLettered == $nfiles' <<<'$st' >/dev/null && [ \"\$(jq -r .index '$WORK/results.jsonl' | sort -n | uniq | wc -l)\" = $nfiles ] && [ \"\$(wc -l <'$WORK/results.jsonl')\" = $nfiles ]"
  expired=$(psql "SELECT count(*) FROM job_items WHERE job_id = '$job' AND error_code = 'lease_expired'" | tr -d '\r')
  check "stopped replica's items were handed back, not left to expire" "$expired items re-delivered by lease expiry" test "$expired" = 0
fi
compose "$P" -f "$WORK/dev.yml" --project-directory "$repo" down -v --remove-orphans -t 10 >/dev/null 2>&1 \
  && ok "docker-compose.yml down -v" || fail "docker-compose.yml down -v"

# ---- 3. docker-compose.prod.yml -------------------------------------------------------------------------------------
derive docker-compose.prod.yml "$WORK/prod.yml"
mkdir -p "$WORK/prod/deploy/compose"
PW=$(head -c 24 /dev/urandom | base64 | tr -d '=+/\n')
printf 'DATABASE_URL=postgres://atsparser:%s@postgres:5432/atsparser\nREDIS_URL=redis://redis:6379\nAPI_KEY_HASHES=%s\n' "$PW" "$HASH" \
  >"$WORK/prod/deploy/compose/atsparser.env"
printf 'POSTGRES_USER=atsparser\nPOSTGRES_PASSWORD=%s\nPOSTGRES_DB=atsparser\n' "$PW" >"$WORK/prod/deploy/compose/postgres.env"
P=${RUN}prod
projects+=("$P")
echo "--compatibility -f $WORK/prod.yml --project-directory $WORK/prod" >"$WORK/$P.args"
t0=$SECONDS
if compose "$P" --compatibility -f "$WORK/prod.yml" --project-directory "$WORK/prod" up -d --no-build >"$LOGS/$P.up.log" 2>&1; then
  ok "docker-compose.prod.yml up (limits applied)" "in $((SECONDS - t0)) s"
  api=$(compose "$P" --compatibility -f "$WORK/prod.yml" --project-directory "$WORK/prod" ps -q api)
  check "prod api healthy" "" wait_healthy "$api" 120
  A=http://127.0.0.1:$(host_port "$api")
  check "prod: 401 without a key" "" test "$(status_of "$A/api/v1/resumes")" = 401
  check "prod: 200 with the key" "" test "$(status_of -H "X-API-Key: $KEY" "$A/api/v1/resumes")" = 200
  check "prod: parse with the key stores" "" bash -c "curl -s --max-time 120 -H 'X-API-Key: $KEY' -F 'file=@$CORPUS/docx/soupboss_01-Accountant.docx' '$A/api/v1/parse?store=true' | jq -e '.id'"
  check "prod: memory limit applied to the api" "$(docker inspect -f '{{.HostConfig.Memory}}' "$api") bytes" \
    test "$(docker inspect -f '{{.HostConfig.Memory}}' "$api")" -gt 0
else
  fail "docker-compose.prod.yml up" "$(tail -n 5 "$LOGS/$P.up.log" | tr '\n' ' ')"
fi

echo "test-image: $checks checks, $failures failed"
[ "$failures" = 0 ]
