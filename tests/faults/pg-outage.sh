#!/usr/bin/env bash
# PostgreSQL stopped under load while superbill batches run, then started again. Run as root (or as a user that can
# run initdb), from anywhere:   tests/faults/pg-outage.sh [OUTAGE_SECONDS, default 30]
#
# It starts its own private cluster (tests/pg.sh), the app on it with the demo clinic (ASPNETCORE_ENVIRONMENT=Staging,
# so the production error handling is on), signs in, queues the month-end superbill batches of the last four months,
# keeps a load of page requests going, stops PostgreSQL (pg_ctl stop -m fast) for OUTAGE_SECONDS once a batch runs,
# starts it again, and checks without restarting the app:
#   - during the outage pages answer the friendly 503 page (Retry-After, no stack trace), never a 500;
#   - afterwards pages answer 200 again by themselves;
#   - every batch completes, and every superbill exists exactly once (one document per request key).
# Prints the figures (requests served, 503s, time to recover) and exits non-zero if a check fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/lib.sh
OUTAGE="${1:-30}"
WORK="$(work_dir outage)"
LOAD_PIDS=()
cleanup() {
  for p in "${LOAD_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  clean_work
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; echo "--- app log (last 30 lines)"; tail -30 "$WORK/app.log" >&2; exit 1; }

DLL="$(debug_web_dll)"
CS="$(pg_database "$WORK/pg" outage)"
PGPORT_="$(cat "$WORK/pg/port")"
psq() { psql "host=127.0.0.1 port=$PGPORT_ user=postgres dbname=outage" -tAc "$1"; }
URL="http://127.0.0.1:$(free_port)"

echo "app: starting on $URL over PostgreSQL 127.0.0.1:$PGPORT_ (demo clinic)"
ASPNETCORE_ENVIRONMENT=Staging Demo__Enabled=true Database__Provider=PostgreSql Database__ConnectionString="$CS" \
  Jobs__RetryBackoffSeconds=5 start_app "$DLL" "$URL" "$WORK/app.log" 180

JAR="$WORK/cookies"
sign_in "$URL" "$JAR" frontdesk@demo.clinic || fail "sign-in"

MONTHS=()
for i in 4 3 2 1; do MONTHS+=("$(date -u -d "$(date -u +%Y-%m-15) -$i month" +%Y-%m)"); done
for m in "${MONTHS[@]}"; do
  t="$(form_token "$URL/Superbills/Batch" "$JAR")"
  code="$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -c "$JAR" --data-urlencode "Input.Month=$m" --data-urlencode "__RequestVerificationToken=$t" "$URL/Superbills/Batch")"
  [ "$code" = 302 ] || echo "note: month $m not queued (answered $code: no paid visits?)"
done
RUNS="$(psq "SELECT count(*) FROM \"JobRuns\" WHERE \"Kind\" = 'SuperbillBatch'")"
[ "$RUNS" -gt 0 ] || fail "no batch was queued"
echo "queued $RUNS month-end batches (${MONTHS[*]})"

# Load: two clients requesting pages back to back; each line "epoch-ms code".
load() { while :; do for p in /Patients /Staff /Jobs /; do
  printf '%s %s %s\n' "$(date +%s%3N)" "$(curl -s -o "$WORK/last-$1.html" -w '%{http_code}' -m 10 -b "$JAR" "$URL$p")" "$p" >>"$WORK/load-$1.log"
  grep -q 'id="database-fault"' "$WORK/last-$1.html" 2>/dev/null && cp "$WORK/last-$1.html" "$WORK/fault-page.html"; done; done; }
load 1 & LOAD_PIDS+=($!)
load 2 & LOAD_PIDS+=($!)

for _ in $(seq 1 600); do [ "$(psq "SELECT count(*) FROM \"JobRuns\" WHERE \"Status\" = 'Running'")" -gt 0 ] && break; sleep 0.1; done
DONE_BEFORE="$(psq "SELECT count(*) FROM \"Documents\"")"
DOWN_AT="$(date +%s%3N)"
tests/pg.sh down "$WORK/pg"
echo "PostgreSQL stopped with a batch running ($DONE_BEFORE superbills stored so far); down for $OUTAGE s"
sleep "$OUTAGE"
tests/pg.sh up "$WORK/pg" 2>/dev/null
UP_AT="$(date +%s%3N)"
echo "PostgreSQL started again"

for _ in $(seq 1 600); do
  [ "$(psq "SELECT count(*) FROM \"JobRuns\" WHERE \"Kind\" = 'SuperbillBatch' AND \"Status\" NOT IN ('Succeeded','Failed','Cancelled')")" = 0 ] && break; sleep 0.5
done
# Keep the load going at least 20 s after PostgreSQL is back: the "still failing 15 s later" check needs requests then
# (batches that finish quickly used to stop the load too early, leaving that window empty).
while [ "$(date +%s%3N)" -lt $(( UP_AT + 20000 )) ]; do sleep 0.5; done
sleep 3
for p in "${LOAD_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; LOAD_PIDS=()

cat "$WORK"/load-*.log | sort -n >"$WORK/load.log"
TOTAL=$(wc -l <"$WORK/load.log")
OK=$(awk '$2==200' "$WORK/load.log" | wc -l)
S503=$(awk '$2==503' "$WORK/load.log" | wc -l)
OTHER=$(awk '$2!=200 && $2!=503' "$WORK/load.log" | wc -l)
DURING_OK=$(awk -v a="$DOWN_AT" -v b="$UP_AT" '$1>a+1000 && $1<b && $2==200' "$WORK/load.log" | wc -l)
FIRST_OK=$(awk -v b="$UP_AT" '$1>=b && $2==200 {print $1; exit}' "$WORK/load.log")
LAST_BAD=$(awk -v b="$UP_AT" '$1>=b && $2!=200 {t=$1} END {printf "%.0f", t}' "$WORK/load.log")  # printf: mawk prints big numbers as 1.8e+12
AFTER=$(awk -v b="$UP_AT" '$1>=b+15000' "$WORK/load.log" | wc -l)
AFTER_BAD=$(awk -v b="$UP_AT" '$1>=b+15000 && $2!=200' "$WORK/load.log" | wc -l)
echo
echo "requests: $TOTAL (200: $OK, 503: $S503, other: $OTHER)"
[ "$OTHER" = 0 ] || { echo "the other answers, by code and page (000 = no answer within 10 s):"; awk '$2!=200 && $2!=503 {print $2, $3}' "$WORK/load.log" | sort | uniq -c; }
echo "during the outage: $DURING_OK answered 200 (served without the database or just before it went)"
[ -n "$FIRST_OK" ] && echo "first 200 after PostgreSQL came back: $(( FIRST_OK - UP_AT )) ms; last non-200: $(( LAST_BAD > 0 ? LAST_BAD - UP_AT : 0 )) ms after"
psq "SELECT \"RequestKey\" || ': ' || \"Status\" || ', ' || \"Attempts\" || ' attempt(s), ' || coalesce(\"ProgressText\",'') FROM \"JobRuns\" WHERE \"Kind\" = 'SuperbillBatch' ORDER BY \"Id\""
DOCS=$(psq "SELECT count(*) FROM \"Documents\" WHERE \"RequestKey\" LIKE 'superbill:batch:%'")
KEYS=$(psq "SELECT count(DISTINCT \"RequestKey\") FROM \"Documents\" WHERE \"RequestKey\" LIKE 'superbill:batch:%'")
ISSUED=$(psq "SELECT coalesce(sum(split_part(\"ProgressText\", ' ', 1)::int), 0) FROM \"JobRuns\" WHERE \"Kind\" = 'SuperbillBatch' AND \"Status\" = 'Succeeded'")
echo "superbills stored: $DOCS, distinct request keys: $KEYS, reported issued by the batches: $ISSUED"

[ "$S503" -gt 0 ] || fail "no 503 page during the outage"
[ -f "$WORK/fault-page.html" ] && grep -q "not answering" "$WORK/fault-page.html" || fail "the 503 page is not the friendly database page"
grep -q "Exception\| at ClinicAdmin" "$WORK/fault-page.html" && fail "the 503 page shows internals"
[ "$OTHER" = 0 ] || fail "$OTHER responses were neither 200 nor 503 (a 500 or a timeout)"
[ -n "$FIRST_OK" ] || fail "pages did not recover"
[ "$AFTER" -gt 0 ] && [ "$AFTER_BAD" = 0 ] || fail "pages still failed 15 s after PostgreSQL came back ($AFTER_BAD of $AFTER)"
[ "$(psq "SELECT count(*) FROM \"JobRuns\" WHERE \"Kind\" = 'SuperbillBatch' AND \"Status\" <> 'Succeeded'")" = 0 ] || fail "a batch did not succeed"
[ "$DOCS" = "$KEYS" ] || fail "a superbill was stored twice"
[ "$DOCS" = "$ISSUED" ] || fail "superbills stored ($DOCS) differ from those the batches issued ($ISSUED)"
echo "PASS: friendly 503s during a ${OUTAGE}s outage, recovery without a restart, every batch done, every superbill exactly once"
