#!/usr/bin/env bash
# The monthly outcome workbook of a 100-location chain's busiest month, end to end (EF queries on PostgreSQL, figures,
# streaming writer), measured as the app computes it:
#   tests/perf/workbook-chain.sh            # build (Release), private cluster, generate the month, 3 timed runs
#   RUNS=5 MONTH=2026-10 tests/perf/workbook-chain.sh
# The month holds 100,000 sessions, 20,000 patients and 5,000 incidents (scale-data --month). Each run is a fresh
# process (`workbook --month`), so the peak resident memory printed includes the app's own start-up.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${RUNS:-3}"
MONTH="${MONTH:-$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)}"
WORK="$(mktemp -d /tmp/clinicadmin-wb.XXXXXX)"; chmod 755 "$WORK"
trap '"$ROOT/tests/pg.sh" stop "$WORK/pg" || true; rm -rf "$WORK"' EXIT
echo "== building ClinicAdmin.Web (Release)"
dotnet build "$ROOT/src/ClinicAdmin.Web" -c Release --artifacts-path "$WORK/art" -nologo -v quiet -clp:ErrorsOnly >/dev/null
DLL="$WORK/art/bin/ClinicAdmin.Web/release/ClinicAdmin.Web.dll"
CS="$("$ROOT/tests/pg.sh" start "$WORK/pg");Database=clinic_wb"
psql -h 127.0.0.1 -p "$(cat "$WORK/pg/port")" -U postgres -qc "CREATE DATABASE clinic_wb"
export Database__Provider=PostgreSql Database__ConnectionString="$CS" Logging__LogLevel__Default=Warning
echo "== generating $MONTH for a 100-location chain"
ASPNETCORE_ENVIRONMENT=Development dotnet "$DLL" scale-data --month "$MONTH" | tail -1
for i in $(seq 1 "$RUNS"); do
  ASPNETCORE_ENVIRONMENT=Development Demo__Enabled=false /usr/bin/time -f "max_rss_mb=%M" dotnet "$DLL" workbook --month "$MONTH" --out "$WORK/outcomes.xlsx" 2>&1 \
    | grep -E "^workbook|_ms|max_rss" | tr '\n' ' ' | sed -E 's/max_rss_mb=([0-9]+)/max_rss_kb=\1/'; echo
done
