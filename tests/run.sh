#!/usr/bin/env bash
# Runs every test of ClinicAdmin, provisioning what the tests need when it is missing:
#   - Debian packages (chromium for browser tests, poppler-utils/qpdf for PDFs, python3-openpyxl for workbooks),
#     installed with apt-get when missing and we are root;
#   - a private PostgreSQL cluster (initdb + pg_ctl on a free loopback port in a temp folder), stopped at the end.
#     Set CLINICADMIN_TEST_PG to use an existing server instead.
# Prints the number of tests per kind (unit, SQLite, PostgreSQL, SQL Server, browser, app process, the log search) and ends with "N passed, N failed".
# SQL Server runs only when CLINICADMIN_TEST_MSSQL holds a connection string; otherwise the summary says it was not run.
# Exits non-zero if a test fails, or (with CI=true) if a required part could not be provisioned.
set -uo pipefail
cd "$(dirname "$0")/.."
. tests/lib.sh
CI="${CI:-false}"
say() { printf '\n== %s\n' "$*"; }
fail() { echo "tests/run.sh: $*" >&2; exit 1; }

WORK="$(work_dir run)"
cleanup() {
  if [ -n "$PG_STARTED" ]; then tests/pg.sh stop "$WORK/pg"; echo "tests/run.sh: stopped the private PostgreSQL cluster"; fi
  rm -rf "$WORK" 2>/dev/null || true
}
trap cleanup EXIT

# ---- 1. Debian packages ---------------------------------------------------------------------------------------
say "Provisioning"
declare -A NEED=( [chromium]=/usr/bin/chromium [poppler-utils]=/usr/bin/pdftotext [qpdf]=/usr/bin/qpdf [python3-openpyxl]=/usr/lib/python3/dist-packages/openpyxl
  [fonts-dejavu-core]=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf [fonts-liberation2]=/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf )
missing=()
for pkg in "${!NEED[@]}"; do [ -e "${NEED[$pkg]}" ] || missing+=("$pkg"); done
if [ -z "$(pg_bin)" ] && [ -z "${CLINICADMIN_TEST_PG:-}" ]; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}" \
    || { [ "$CI" = true ] && fail "could not install ${missing[*]}"; echo "WARNING: missing ${missing[*]}; tests that need them will fail"; }
else
  echo "Debian packages present: ${!NEED[*]}"
fi

# ---- 2. PostgreSQL ----------------------------------------------------------------------------------------------
if ! use_test_pg "$WORK/pg"; then
  [ "$CI" = true ] && fail "could not start a PostgreSQL cluster (required in CI)"
  echo "WARNING: no PostgreSQL; the PostgreSQL tests will be skipped"
fi

# ---- 3. Build once ---------------------------------------------------------------------------------------------
say "Building"
dotnet build ClinicAdmin.sln -c Debug -nologo -clp:ErrorsOnly -v q || fail "build failed"

# The apps the tests start write their logs here; the "logs" kind searches them for patient data at the end.
export CLINICADMIN_SUITE_LOGS="$WORK/app-logs"
mkdir -p "$CLINICADMIN_SUITE_LOGS"

# ---- 4. Run each kind ------------------------------------------------------------------------------------------
declare -A PASSED FAILED
TOTAL_P=0; TOTAL_F=0; STATUS=0
run_kind() { # name filter
  local name="$1" filter="$2" log="$WORK/$1.log"
  say "Tests: $name"
  dotnet test ClinicAdmin.sln --no-build -c Debug --filter "$filter" --blame-hang-timeout 10m -nologo 2>&1 | tee "$log" \
    | grep -vE '^\s*$|Data collector .Blame. message|No test matches the given testcase filter|^Test run for|^VSTest version|^Starting test execution|^A total of|test files matched'
  local rc=${PIPESTATUS[0]}
  local p f
  p=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  f=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  PASSED[$name]=$p; FAILED[$name]=$f
  TOTAL_P=$((TOTAL_P + p)); TOTAL_F=$((TOTAL_F + f))
  if [ "$rc" != 0 ]; then STATUS=1; fi
  if [ "$f" != 0 ]; then STATUS=1; fi
}
run_kind unit "Category=Unit"
run_kind sqlite "Database=Sqlite"
if [ -n "${CLINICADMIN_TEST_PG:-}" ]; then run_kind postgresql "Database=PostgreSql"; else PASSED[postgresql]=0; FAILED[postgresql]=0; fi
# No SQL Server engine can be installed here; CLINICADMIN_TEST_MSSQL names one to run the page and data suite against.
if [ -n "${CLINICADMIN_TEST_MSSQL:-}" ]; then run_kind sqlserver "Database=SqlServer"; else PASSED[sqlserver]=0; FAILED[sqlserver]=0; fi
run_kind browser "Category=Browser"
run_kind process "Category=Process"
# Anything not labelled with a kind still runs, so no test can be skipped by the grouping.
# (Category=Perf marks measurements run on purpose, e.g. tests/perf/*.sh; they are not pass/fail checks.)
run_kind other "Category!=Unit&Category!=Browser&Category!=Process&Category!=Perf&Category!=SuiteLogs&Database!=Sqlite&Database!=PostgreSql&Database!=SqlServer"
# Last: every app above logged into $CLINICADMIN_SUITE_LOGS; search it all for the demo patients' data.
echo; echo "App logs to search: $(find "$CLINICADMIN_SUITE_LOGS" -name '*.log' | wc -l) files, $(cat "$CLINICADMIN_SUITE_LOGS"/*.log 2>/dev/null | wc -l) lines"
run_kind logs "Category=SuiteLogs"

if [ "$CI" = true ] && [ "${PASSED[postgresql]}" = 0 ]; then echo "tests/run.sh: no PostgreSQL test ran (required in CI)" >&2; STATUS=1; fi

say "Summary"
printf '%-12s %8s %8s\n' kind passed failed
for k in unit sqlite postgresql sqlserver browser process other logs; do printf '%-12s %8s %8s\n' "$k" "${PASSED[$k]}" "${FAILED[$k]}"; done
if [ -z "${CLINICADMIN_TEST_MSSQL:-}" ]; then echo "SQL Server: not run (no server given); the unit kind parsed every SQL Server migration script with ScriptDom"; fi
echo
echo "$TOTAL_P passed, $TOTAL_F failed"
exit $STATUS
