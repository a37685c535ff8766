#!/usr/bin/env bash
# The job-engine tests (SQLite and PostgreSQL) N times in a row on a busy machine: a Release build of a second copy
# of the solution loops beside them. No retry: a run is green only if every test passed. Prints one line per run and
# a summary (runs, green, red, tests passed/failed, durations).
#   tests/perf/job-engine-soak.sh [N=10]
# Uses CLINICADMIN_TEST_PG, or starts a private cluster with tests/pg.sh. Logs stay in the printed folder.
set -uo pipefail
cd "$(dirname "$0")/../.."
N="${1:-10}"
WORK="$(mktemp -d /tmp/job-engine-soak.XXXXXX)"
chmod 755 "$WORK"
PG_STARTED=""; LOADPID=""
cleanup() {
  [ -n "$LOADPID" ] && kill -- -"$LOADPID" 2>/dev/null
  [ -n "$PG_STARTED" ] && tests/pg.sh stop "$WORK/pg"
}
trap cleanup EXIT
if [ -z "${CLINICADMIN_TEST_PG:-}" ]; then
  CLINICADMIN_TEST_PG="$(tests/pg.sh start "$WORK/pg")" || exit 1
  export CLINICADMIN_TEST_PG; PG_STARTED=1
fi
dotnet build tests/ClinicAdmin.Web.Tests -nologo -v q -clp:ErrorsOnly || exit 1

# The load: a second copy of the committed tree, rebuilt from scratch in a loop, in its own process group.
mkdir -p "$WORK/load" && git archive HEAD | tar -x -C "$WORK/load"
setsid bash -c 'cd "$1" && i=0; while true; do i=$((i+1)); echo "build $i $(date -u +%T)";
  dotnet build -c Release ClinicAdmin.sln --no-incremental -nologo -v q -clp:ErrorsOnly -p:UseSharedCompilation=false -nr:false >/dev/null 2>&1;
  echo "built $i $(date -u +%T) rc=$?"; done' _ "$WORK/load" > "$WORK/load.log" 2>&1 &
LOADPID=$!
sleep 20  # let the build get going before the first run

green=0; red=0; tp=0; tf=0; total=0
for i in $(seq 1 "$N"); do
  t0=$(date +%s)
  dotnet test tests/ClinicAdmin.Web.Tests --no-build --filter "FullyQualifiedName~JobEngineTests" -nologo \
    --logger "console;verbosity=normal" > "$WORK/run-$i.log" 2>&1
  rc=$?; t1=$(date +%s)
  p=$(grep -oE 'Passed: +[0-9]+' "$WORK/run-$i.log" | awk '{s+=$2} END {print s+0}')
  f=$(grep -oE 'Failed: +[0-9]+' "$WORK/run-$i.log" | awk '{s+=$2} END {print s+0}')
  sq=$(grep -cE 'Passed ClinicAdmin.*_Sqlite' "$WORK/run-$i.log"); pg=$(grep -cE 'Passed ClinicAdmin.*_PostgreSql' "$WORK/run-$i.log")
  if [ "$rc" = 0 ] && [ "$f" = 0 ] && [ "$p" -gt 0 ]; then green=$((green+1)); else red=$((red+1)); fi
  tp=$((tp+p)); tf=$((tf+f)); total=$((total + t1 - t0))
  echo "run $i: rc=$rc passed=$p (sqlite $sq, postgresql $pg) failed=$f duration=$((t1-t0))s load1=$(cut -d' ' -f1 /proc/loadavg) builds-finished=$(grep -c '^built' "$WORK/load.log")"
  grep -E '^\s+Failed ClinicAdmin|Error Message' -A2 "$WORK/run-$i.log" | head -12
done
echo "runs=$N green=$green red=$red tests-passed=$tp tests-failed=$tf total=${total}s mean=$((total / N))s builds-finished-beside=$(grep -c '^built' "$WORK/load.log") logs=$WORK"
[ "$red" = 0 ]
