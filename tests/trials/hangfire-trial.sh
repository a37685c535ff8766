#!/usr/bin/env bash
# Hangfire 1.8.25 against the app's job guarantees (issue 12, "Jobs" decision); the app itself stays on Quartz.
# For SQLite (Hangfire.Storage.SQLite 0.4.3, one file) and PostgreSQL (Hangfire.PostgreSql 1.21.1, own database):
#   1. exactly once: 3 server processes x 4 workers on one storage, N jobs that each insert their key into a table
#      without a unique key; executed / distinct / duplicates, REPS times;
#      and once more with a single server process (the app's layout on SQLite);
#   2. SIGKILL one server while a batch of KILL_N jobs of 50 ms runs: does every job complete, how long do the
#      orphaned ones wait, does anything run twice; plus one 30 s job against the 20 s invisibility timeout;
#   3. cancel: delete a running job, time until it stops (IJobCancellationToken and plain CancellationToken);
#   4. DST: next occurrences of monthly crons in America/Chicago and America/Denver, Hangfire (Cronos) vs Quartz.
# Usage: tests/trials/hangfire-trial.sh   (N=2000 REPS=3 KILL_N=1200 LONG_S=30; CLINICADMIN_TEST_PG for PostgreSQL, else skipped)
# Both storages get QueuePollInterval 1 s and InvisibilityTimeout 20 s (defaults: 15 s and 30 min), PostgreSQL the
# sliding timeout. Run time is set by the enqueue rate: 19-22 min at load 20-40 on 2 cores (the kept run), under 5 min
# needs N=500 REPS=2. done_s = seconds from the first enqueue until every key has a row (-1: not within the wait,
# "missing" then counts jobs not yet run, not lost ones); the figures table ends the output (tests/trials/hangfire-trial.out.txt is a kept run).
set -uo pipefail
cd "$(dirname "$0")/../.."
. tests/lib.sh
N="${N:-2000}"; REPS="${REPS:-3}"; KILL_N="${KILL_N:-1200}"; LONG_S="${LONG_S:-30}"

WORK="$(work_dir hangfire)"
PIDS=()
cleanup() {
  local p; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  [ -n "${PGDB:-}" ] && dotnet "$WORK/bin/HangfireTrial.dll" pgdb --conn "$CLINICADMIN_TEST_PG" --name "$PGDB" --action drop >/dev/null 2>&1
  remove_work_dir "$WORK"
}
trap cleanup EXIT

dotnet build tests/trials/Hangfire -c Release -o "$WORK/bin" -nologo -v q -clp:ErrorsOnly 2>&1 | grep -v NU1603
[ -f "$WORK/bin/HangfireTrial.dll" ] || { echo "build failed" >&2; exit 1; }
T() { dotnet "$WORK/bin/HangfireTrial.dll" "$@"; }
FIG="$WORK/figures.txt"; : >"$FIG"
echo "Hangfire trial $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); N=$N REPS=$REPS KILL_N=$KILL_N"

start_servers() {  # DB CONN [WATCHER]: S1..S3 in PIDS, each up; WATCHER (a batch --phase wait) starts after S1, told its pid
  local db="$1" conn="$2" s i
  PIDS=(); rm -f "$WORK/$db"-S*.log
  for s in S1 S2 S3; do
    dotnet "$WORK/bin/HangfireTrial.dll" server --db "$db" --conn "$conn" --name "$s" >"$WORK/$db-$s.log" 2>&1 &
    PIDS+=($!)
    if [ "$s" = S1 ] && [ -n "${3:-}" ]; then eval "$3 --kill-pid ${PIDS[0]}" >"$WORK/kill.out" & WATCHER=$!; fi
    sleep 1   # one at a time: each creates the schema if missing
  done
  for i in $(seq 120); do [ "$(cat "$WORK/$db"-S*.log | grep -c ' up$')" -eq 3 ] && break; sleep 0.5; done
}

section() {  # DB CONN
  local db="$1" conn="$2" i pid line
  echo "== $db: 3 servers x 4 workers"
  start_servers "$db" "$conn"
  T long --db "$db" --conn "$conn" --run "long-$db" --seconds "$LONG_S"
  for i in $(seq "$REPS"); do
    line="$(T batch --db "$db" --conn "$conn" --run "once-$db-$i" --n "$N" --timeout 240)"; echo "$line" | tee -a "$FIG"
  done
  # SIGKILL S1 once a third of a backlog is done: the backlog is enqueued while no server runs (enqueued live, the
  # servers outpace the client and hold next to nothing at the kill), the watcher starts with S1, S2 and S3 follow.
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done; wait 2>/dev/null
  T batch --db "$db" --conn "$conn" --run "kill-$db" --n "$KILL_N" --delay-ms 50 --phase enqueue
  start_servers "$db" "$conn" "T batch --db $db --conn '$conn' --run kill-$db --n $KILL_N --delay-ms 50 --phase wait --kill-name S1 --kill-after $((KILL_N / 3)) --timeout 240"
  wait "$WATCHER"; line="$(cat "$WORK/kill.out")"; echo "$line" | tee -a "$FIG"
  # One process only (S3 stopped, S1 killed): the app's own layout on SQLite.
  kill "${PIDS[2]}"; wait "${PIDS[2]}" 2>/dev/null
  line="$(T batch --db "$db" --conn "$conn" --run "single-$db" --n "$N" --timeout 240)"; echo "$line" | tee -a "$FIG"
  line="$(T long --db "$db" --conn "$conn" --run "long-$db" --seconds "$LONG_S" --report 1)"; echo "$line" | tee -a "$FIG"
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done; wait 2>/dev/null; PIDS=()
  grep -h -i -E 'exception|error' "$WORK/$db"-S*.log | sort | uniq -c | sort -rn | head -5 | sed 's/^/  server log: /'
  T cancel --db "$db" --conn "$conn" 2>&1 | grep '^cancel' | tee -a "$FIG"
}

section sqlite "$WORK/hangfire.db"
if [ -n "${CLINICADMIN_TEST_PG:-}" ]; then
  PGDB="hangfire_trial_$$"
  T pgdb --conn "$CLINICADMIN_TEST_PG" --name "$PGDB" --action create || exit 1
  section pg "$CLINICADMIN_TEST_PG;Database=$PGDB"
else
  echo "PostgreSQL: not run (CLINICADMIN_TEST_PG not set)"
fi
echo "== DST"
T dst | tee -a "$FIG"

echo
echo "== Figures"
kv() { sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" <<<"$1"; }
printf '%-7s %-22s %9s %9s %6s %8s %8s %s\n' db test executed distinct dups missing done_s notes
while read -r l; do
  case "$l" in
    run=once-*|run=kill-*|run=single-*)
      notes=""; t="exactly-once 3x4 #$(kv "$l" run | sed 's/.*-//')"
      [[ "$l" == run=single-* ]] && t="exactly-once 1x4"
      if [[ "$l" == run=kill-* ]]; then t="SIGKILL mid-batch 50ms"
        notes="orphans=$(kv "$l" orphans) completed=$(kv "$l" orphans_completed) pickup=$(kv "$l" pickup_min_s)-$(kv "$l" pickup_max_s)s rerun_after_done=$(kv "$l" rerun_after_done)"; fi
      printf '%-7s %-22s %9s %9s %6s %8s %8s %s\n' "$(kv "$l" db)" "$t" "$(kv "$l" executed)" "$(kv "$l" distinct)" \
        "$(kv "$l" duplicates)" "$(kv "$l" missing)" "$(kv "$l" all_done_s)" "$notes" ;;
    run=long-*)
      printf '%-7s %-22s %9s %9s %6s %8s %8s %s\n' "$(kv "$l" db)" "one ${LONG_S}s job" "$(kv "$l" completions)" 1 \
        "$(( $(kv "$l" starts) - 1 ))" - - "starts=$(kv "$l" starts) $(kv "$l" started_by) (invisibility 20s)" ;;
    cancel*)
      printf '%-7s %-22s %9s %9s %6s %8s %8s %s\n' "$(kv "$l" db)" "delete running job" - - - - - \
        "$(kv "$l" token): stopped $(kv "$l" stop_after_delete_s)s after delete, state=$(kv "$l" state)" ;;
    "dst occurrences"*) echo "dst     next occurrences: $(kv "$l" occurrences_checked) checked, $(kv "$l" as_expected) as expected (Hangfire and Quartz), $(kv "$l" differing) differing" ;;
  esac
done <"$FIG"
