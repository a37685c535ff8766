#!/usr/bin/env bash
# The full hostile-input pass: every form the app shows (found from its pages) against every boundary and hostile value
# (empty, whitespace, 10,000 characters, RTL/emoji/combining Unicode, <script> and markup, SQL, spreadsheet formulas,
# negative/huge/NaN/Infinity numbers, impossible dates, control characters...), each field missing and duplicated, a
# wrong and a missing anti-forgery token, and a post by a role without the page's policy. tests/run.sh runs the same
# pass with fewer values per field.
#   tests/hostile-input.sh              SQLite, and PostgreSQL when CLINICADMIN_TEST_PG is set
#   tests/hostile-input.sh Sqlite       one provider
# Prints, per provider, "Hostile-input pass (full, P): N forms, N form × value combinations, N failures" and each failure.
set -uo pipefail
cd "$(dirname "$0")/.."
providers="${1:-Sqlite${CLINICADMIN_TEST_PG:+ PostgreSql}}"
report="$(mktemp /tmp/hostile-input.XXXXXX)"
trap 'rm -f "$report"' EXIT
status=0
for p in $providers; do
  CLINICADMIN_HOSTILE=full CLINICADMIN_HOSTILE_REPORT="$report" dotnet test tests/ClinicAdmin.Web.Tests ${ARTIFACTS:+--artifacts-path "$ARTIFACTS"} \
    --filter "FullyQualifiedName~HostileInputTests_$p" --blame-hang-timeout 30m -nologo > "$report.log" 2>&1 || status=1
  grep -q "Hostile-input pass" "$report" 2>/dev/null || { echo "hostile-input.sh: the $p pass did not run; see below" >&2; tail -30 "$report.log" >&2; }
done
cat "$report"
rm -f "$report.log"
exit $status
