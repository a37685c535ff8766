#!/usr/bin/env bash
# Load run with wrk against one app instance on PostgreSQL holding the scale data (100 locations, 20,000 patients,
# 1,000,000 visits over 10 years), signed in as the demo medical director:
#   tests/perf/load.sh                        # build, private cluster, generate, measure (about 20 minutes)
#   SCALE_ARGS="--patients 2000 --visits 50000 --locations 10" DURATION=5s SOAK=30 tests/perf/load.sh   # quick try
#   KEEP=1 tests/perf/load.sh                 # keep the work folder (cluster data, logs, results)
# Measures, for the staff roster, the price catalog, a patient page, the patient search and the outcomes dashboard, and
# for the app's trivial liveness endpoint (/health/live, the ceiling) in the same run: first the server time of every
# list page (median of 5, before any load), then requests/s and p50/p99 latency at 16 and 64 connections, each page's
# throughput as a share of the ceiling's; then a mixed soak at 64 connections (SOAK seconds, default 300) sampling the app's
# resident memory every 10 s. Results go to stdout and $WORK/results.md. Loopback only.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
DURATION="${DURATION:-20s}"
SOAK="${SOAK:-300}"
CONNS="${CONNS:-16 64}"
SCALE_ARGS="${SCALE_ARGS:-}"
WORK="$(work_dir load)"
trap clean_work EXIT

need_commands dotnet python3 curl wrk

echo "== building ClinicAdmin.Web (Release)"
DLL="$(build_web Release "$WORK/art")"
TOOLS="$(build_tools Release "$WORK/art")"

echo "== private PostgreSQL cluster"
CS="$(pg_database "$WORK/pg" clinic_load)"
PGPORT="$(cat "$WORK/pg/port")"
export Database__Provider=PostgreSql Database__ConnectionString="$CS" Logging__LogLevel__Default=Warning

echo "== generating the scale data (scale-data $SCALE_ARGS)"
# shellcheck disable=SC2086
ASPNETCORE_ENVIRONMENT=Development dotnet "$TOOLS" scale-data $SCALE_ARGS | tail -1
sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d clinic_load -Atc "$1"; }
PATIENT="$(sql 'SELECT "PatientId" FROM "Visits" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')"
SURNAME="$(sql 'SELECT "LastName" FROM "Patients" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')"
VISITS="$(sql 'SELECT count(*) FROM "Visits"')"
echo "   $VISITS visits; busiest patient #$PATIENT; most common surname $SURNAME"
# Figures over an empty database would measure nothing worth printing.
[ "$VISITS" -gt 0 ] && [ -n "$PATIENT" ] || { echo "load.sh: the scale data is missing; stopping" >&2; exit 1; }

BASE="http://127.0.0.1:$(free_port)"
echo "== starting the app on $BASE (Staging: production settings without HTTPS redirection)"
ASPNETCORE_ENVIRONMENT=Staging Demo__Enabled=false Security__TwoFactorRequiredRoles=none start_app "$DLL" "$BASE" "$WORK/app.log" 120

JAR="$WORK/cookies.txt"
sign_in "$BASE" "$JAR" director@demo.clinic
COOKIE="$(cookie_header "$JAR")"

declare -A PAGES=(
  [ceiling]="/health/live" [roster]="/Staff" [catalog]="/Pricing" [patient]="/Patients/Details?id=$PATIENT"
  [search]="/Patients?q=$SURNAME" [dashboard]="/Outcomes/Dashboard"
)
ORDER=(ceiling roster catalog patient search dashboard)
for name in "${ORDER[@]}"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE${PAGES[$name]}")"
  [[ "$code" == 200 ]] || { echo "GET ${PAGES[$name]} answered $code" >&2; exit 1; }
done

run_wrk() { # connections path [PATHS] -> RESULT line
  PATHS="${3:-}" wrk -t2 -c"$1" -d"$DURATION" -s "$ROOT/tests/perf/report.lua" -H "Cookie: $COOKIE" "$BASE$2" | grep '^RESULT'
}
field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }

OUT="$WORK/results.md"
echo "== server time of every list page (median of 5 after one warm-up)"
{ echo "| list page | median ms |"; echo "|---|---|"; } >"$OUT"
for path in /Staff /Pricing /Patients "/Patients?q=$SURNAME" "/Patients?page=200" /Incidents /Audit /Jobs /Outcomes /Outcomes/Dashboard /Locations /Superbills/Batch "/Patients/Details?id=$PATIENT"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE$path")"
  [[ "$code" == 200 ]] || { echo "   $path: HTTP $code (skipped: not a page for this role or not present)"; continue; }
  ms="$(for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $COOKIE" "$BASE$path"; done | sort -n | sed -n 3p | python3 -c 'import sys; print(f"{float(sys.stdin.read())*1000:.1f}")')"
  echo "| $path | $ms |" | tee -a "$OUT"
done

{
  echo; echo "| page | conns | req/s | share of ceiling | p50 ms | p99 ms | errors | non-2xx |"
  echo "|---|---|---|---|---|---|---|---|"
} >>"$OUT"
for c in $CONNS; do
  echo "== wrk, $c connections, $DURATION per page"
  ceiling=""
  for name in "${ORDER[@]}"; do
    sleep 2 # let the previous run's last requests finish
    r="$(run_wrk "$c" "${PAGES[$name]}")"
    rps="$(field rps "$r")"; [[ "$name" == ceiling ]] && ceiling="$rps"
    share="$(python3 -c "print(f'{100*$rps/$ceiling:.0f}%')")"
    line="| $name | $c | $rps | $share | $(field p50_ms "$r") | $(field p99_ms "$r") | $(field errors "$r") | $(field non2xx "$r") |"
    echo "$line" | tee -a "$OUT"
  done
done

echo "== mixed soak: 64 connections for ${SOAK}s, resident memory every 10 s"
MIX="$(IFS=,; for name in roster catalog patient search dashboard; do printf '%s,' "${PAGES[$name]}"; done)"
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$APP_PID/status"; }
( while kill -0 "$APP_PID" 2>/dev/null; do echo "$(date +%s) $(rss)"; sleep 10; done ) >"$WORK/rss.log" &
SAMPLER=$!
r="$(PATHS="${MIX%,}" wrk -t2 -c64 -d"${SOAK}s" -s "$ROOT/tests/perf/report.lua" -H "Cookie: $COOKIE" "$BASE/" | grep '^RESULT')"
kill "$SAMPLER" 2>/dev/null || true
python3 - "$WORK/rss.log" "$r" <<'PY' | tee -a "$OUT"
import sys, statistics
rows = [int(l.split()[1]) for l in open(sys.argv[1]) if len(l.split()) == 2]
half = len(rows) // 2
first, second = rows[:half] or rows, rows[half:] or rows
print(f"\nsoak: {sys.argv[2].replace('RESULT ', '')}")
print(f"resident memory MB: start {rows[0]}, max {max(rows)}, end {rows[-1]}; mean of first half {statistics.mean(first):.0f}, "
      f"second half {statistics.mean(second):.0f} (growth {statistics.mean(second) - statistics.mean(first):+.0f} MB)")
PY
grep -q " errors=0 non2xx=0" <<<"$r" || echo "WARNING: errors during the soak"
echo "== results in $OUT"
