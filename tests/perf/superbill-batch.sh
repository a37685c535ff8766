#!/usr/bin/env bash
# Month-end batch of 1,000 superbills end to end through the job engine (temp SQLite db). A measurement, not a
# pass/fail check of the normal suite: the test is Category=Perf, which tests/run.sh skips.
#   tests/perf/superbill-batch.sh            prints "SUPERBILL BATCH: 1000 superbills in N s ..."
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet test tests/ClinicAdmin.Web.Tests --artifacts-path "${ARTIFACTS:-/tmp/art-perf}" \
  --filter "FullyQualifiedName~SuperbillBatchPerfTests" --logger "console;verbosity=detailed" 2>&1 | grep -E "SUPERBILL BATCH|Passed!|Failed"
