#!/usr/bin/env bash
# Scale-out check in one command: N Production app instances (default 3) on loopback ports sharing one PostgreSQL
# database on a private, throw-away cluster (tests/pg.sh), then the multi-instance process tests:
#   - signed in on one instance = signed in on all (data-protection keys in the database);
#   - a form served by one instance is accepted by another (anti-forgery), and refused without its token;
#   - the same superbills, a month-end batch and the monthly workbook requested on several instances at the same moment
#     are each produced exactly once;
#   - an instance killed with SIGKILL during a real superbill batch: another instance (or a restart) completes it, every
#     superbill once; and the engine-check crash tests of JobRecoveryTests.
# Usage:
#   tests/multi-instance.sh [N] [--quick]   --quick: only the shared-cluster checks (about a minute), not the kill tests
# Set CLINICADMIN_TEST_PG to use an existing server instead of a private cluster; ARTIFACTS to build into that folder.
set -uo pipefail
cd "$(dirname "$0")/.."
. tests/lib.sh
N=3; QUICK=""
for a in "$@"; do
  case "$a" in
    --quick) QUICK=1 ;;
    ''|*[!0-9]*) echo "usage: tests/multi-instance.sh [N (3-8)] [--quick]" >&2; exit 2 ;;
    *) N="$a" ;;
  esac
done
[ "$N" -ge 3 ] && [ "$N" -le 8 ] || { echo "tests/multi-instance.sh: N must be 3-8" >&2; exit 2; }

WORK="$(work_dir multi)"
trap clean_work EXIT

use_test_pg "$WORK/pg" || { echo "tests/multi-instance.sh: could not start a PostgreSQL cluster" >&2; exit 1; }
export CLINICADMIN_TEST_INSTANCES="$N"

ART=(); [ -n "${ARTIFACTS:-}" ] && ART=(--artifacts-path "$ARTIFACTS")
dotnet build tests/ClinicAdmin.Browser.Tests "${ART[@]}" -c Debug -nologo -clp:ErrorsOnly -v q || { echo "build failed" >&2; exit 1; }

FILTER="FullyQualifiedName~Operations.MultiInstanceTests"
[ -z "$QUICK" ] && FILTER="$FILTER|FullyQualifiedName~Operations.SuperbillBatchRecoveryTests|FullyQualifiedName~Operations.JobRecoveryTests"
echo "Running the multi-instance checks with $N instances${QUICK:+ (quick)}"
dotnet test tests/ClinicAdmin.Browser.Tests "${ART[@]}" -c Debug --no-build --filter "$FILTER" -nologo \
  --logger "console;verbosity=detailed" 2>&1 | grep -E '^\s+(Passed|Failed) |stored at the kill|Error Message|Assert|Shouldly|^\s+at |Total tests|Passed:|Failed:|Test Run' | grep -v '^\s*at System\.' 
exit "${PIPESTATUS[0]}"
