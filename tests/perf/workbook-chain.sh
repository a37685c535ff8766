#!/usr/bin/env bash
# The monthly outcome workbook of a 100-location chain's busiest month, end to end (EF queries on PostgreSQL, figures,
# streaming writer), measured as the app computes it:
#   tests/perf/workbook-chain.sh            # build (Release), private cluster, generate the month, 3 timed runs
#   RUNS=5 MONTH=2026-10 tests/perf/workbook-chain.sh
# The month holds 100,000 sessions, 20,000 patients and 5,000 incidents (scale-data --month). Each run is a fresh
# process (`workbook --month`), so the peak resident memory printed includes the app's own start-up.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
RUNS="${RUNS:-3}"
MONTH="${MONTH:-$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)}"
WORK="$(work_dir wb)"
trap clean_work EXIT
echo "== building ClinicAdmin.Web (Release)"
DLL="$(build_web Release "$WORK/art")"
TOOLS="$(build_tools Release "$WORK/art")"
CS="$(pg_database "$WORK/pg" clinic_wb)"
export Database__Provider=PostgreSql Database__ConnectionString="$CS" Logging__LogLevel__Default=Warning
echo "== generating $MONTH for a 100-location chain"
ASPNETCORE_ENVIRONMENT=Development dotnet "$TOOLS" scale-data --month "$MONTH" | tail -1
for i in $(seq 1 "$RUNS"); do
  ASPNETCORE_ENVIRONMENT=Development Demo__Enabled=false /usr/bin/time -f "max_rss_mb=%M" dotnet "$DLL" workbook --month "$MONTH" --out "$WORK/outcomes.xlsx" 2>&1 \
    | grep -E "^workbook|_ms|max_rss" | tr '\n' ' ' | sed -E 's/max_rss_mb=([0-9]+)/max_rss_kb=\1/'; echo
done
