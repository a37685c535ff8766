#!/usr/bin/env bash
# The SQLite default on a disk that fills up while the app runs, then gets space back. Needs root (it mounts a small
# tmpfs as the data folder):   tests/faults/sqlite-disk-full.sh
#
# Starts the app (demo clinic) with Database:DataDirectory on a 24 MB tmpfs, signs in as the practice manager, fills
# the disk, then adds staff members one after another until a save is refused, and checks: the refusal is the
# friendly 503 page ("disk ... full", "nothing was saved"), reads still answer 200, every accepted person is stored
# and the refused one is not (no partial write), then frees the space: the next save works without a restart, and
# PRAGMA integrity_check says ok.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/lib.sh
[ "$(id -u)" = 0 ] || { echo "sqlite-disk-full.sh: needs root to mount a small tmpfs (tests/ClinicAdmin.Web.Tests Operations/SqliteFaultTests simulates a full disk without root)" >&2; exit 2; }
WORK="$(mktemp -d /tmp/clinicadmin-diskfull.XXXXXX)"; DATA="$WORK/data"; mkdir -p "$DATA"
cleanup() { stop_app; umount "$DATA" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; tail -20 "$WORK/app.log" >&2; exit 1; }

DLL="$(debug_web_dll)"
mount -t tmpfs -o size=24m tmpfs "$DATA"
URL="http://127.0.0.1:$(free_port)"
ASPNETCORE_ENVIRONMENT=Staging Demo__Enabled=true Jobs__Enabled=false Database__DataDirectory="$DATA" \
  start_app "$DLL" "$URL" "$WORK/app.log" 180

JAR="$WORK/cookies"
sign_in "$URL" "$JAR" manager@demo.clinic || fail "sign-in"
BIO="$(head -c 3000 /dev/zero | tr '\0' 'b')"
add() { # n -> http code; the page is kept in $WORK/last.html
  local t; t="$(form_token "$URL/Staff/Edit" "$JAR")"
  curl -s -o "$WORK/last.html" -w '%{http_code}' -b "$JAR" -c "$JAR" --data-urlencode "__RequestVerificationToken=$t" \
    --data-urlencode "Input.FirstName=Disk" --data-urlencode "Input.LastName=Full$1" --data-urlencode "Input.Title=Test" \
    --data-urlencode "Input.Email=full$1@clinic.example" --data-urlencode "Input.IsRenderingProvider=false" \
    --data-urlencode "Input.StartDate=2026-01-01" --data-urlencode "Input.Bio=$BIO" "$URL/Staff/Edit"
}
[ "$(add 0)" = 302 ] || fail "a save before the disk filled was refused"
dd if=/dev/zero of="$DATA/filler" bs=64k 2>/dev/null || true   # until the disk is full
echo "disk full: $(df -h "$DATA" | tail -1)"
accepted=(0); refused=""
for i in $(seq 1 400); do
  code="$(add "$i")"
  if [ "$code" = 302 ]; then accepted+=("$i"); else refused="$i"; break; fi
done
[ -n "$refused" ] || fail "400 saves on a full disk were all accepted"
[ "$code" = 503 ] || fail "a save on a full disk answered $code, not 503"
grep -q 'id="database-fault"' "$WORK/last.html" && grep -q "full" "$WORK/last.html" && grep -q "nothing was saved" "$WORK/last.html" || fail "not the friendly page"
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$URL/Staff")" = 200 ] || fail "reads failed on a full disk"
echo "save $refused refused with the friendly 503 after ${#accepted[@]} accepted; reads answer 200"
rm -f "$DATA/filler"
[ "$(add 999)" = 302 ] || fail "after freeing space a save still fails"
echo "space freed: the next save works without a restart"
DB="$DATA/clinicadmin.db"
stored="$(sqlite3 "file:$DB?mode=ro" "SELECT group_concat(substr(LastName, 5), ' ') FROM (SELECT LastName FROM StaffMembers WHERE LastName LIKE 'Full%' ORDER BY CAST(substr(LastName, 5) AS INTEGER))")"
[ "$stored" = "${accepted[*]} 999" ] || fail "stored staff '$stored' differ from the accepted '${accepted[*]} 999'"
[ "$(sqlite3 "file:$DB?mode=ro" "SELECT count(*) FROM AuditEntries WHERE EntityType = 'StaffMember' AND Action = 'Created' AND EntityId IN (SELECT CAST(Id AS TEXT) FROM StaffMembers WHERE LastName LIKE 'Full%')")" = "$(( ${#accepted[@]} + 1 ))" ] || fail "audit rows differ from the accepted saves"
stop_app
[ "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok ] || fail "integrity_check"
echo "PASS: every accepted save stored with its audit row, the refused one absent, integrity_check ok"
