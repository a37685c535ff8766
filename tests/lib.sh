# Shared by the scripts under tests/ (source it, do not run it):
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"        (tests/perf and tests/faults: .../../lib.sh)
# It sets ROOT (the repository) and defines functions only; it changes no option and no folder.
#   apt_install PKG...          install Debian packages (root only)           need_commands CMD...  or install, or exit 2
#   free_port                   a free loopback TCP port                      work_dir NAME / remove_work_dir DIR (KEEP=1 keeps it)
#   clean_work                  EXIT trap: stop_app, stop the cluster in $WORK/pg, remove_work_dir $WORK
#   build_web CONFIG ARTIFACTS  build the app, print its DLL                  debug_web_dll  the tests' Debug build (built if missing)
#   start_app DLL URL LOG [S]   run it in the background, wait for /health   stop_app
#   pg_bin / pg_database DIR NAME / use_test_pg DIR   PostgreSQL server binaries, a private cluster with a database, the tests' server
#   form_token URL JAR / sign_in URL JAR EMAIL / cookie_header JAR   signing in to the demo clinic with curl
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# ---- Debian packages ------------------------------------------------------------------------------------------------
apt_install() {  # PKG...: installs them with apt-get; 1 (the reason on stderr) when not root or the install failed
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "not root (or no apt-get): cannot install the Debian packages $*" >&2; return 1
  fi
  echo "installing Debian packages: $* (once per machine)" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

need_commands() {  # CMD...: each on PATH, else the Debian package of the same name installed; exits 2 when that fails
  local c missing=()
  for c in "$@"; do command -v "$c" >/dev/null || missing+=("$c"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_install "${missing[@]}" || { echo "$(basename "$0") needs ${missing[*]} (Debian packages)" >&2; exit 2; }
}

# ---- Folders, ports, the app ----------------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

work_dir() {  # NAME: prints a new /tmp/clinicadmin-NAME.XXXXXX; world-readable, as the postgres user must enter it
  local d; d="$(mktemp -d "/tmp/clinicadmin-$1.XXXXXX")" && chmod 755 "$d" && echo "$d"
}

remove_work_dir() {  # DIR: deleted, unless KEEP is set (then its path is printed)
  if [ -z "${KEEP:-}" ]; then rm -rf "$1"; else echo "kept $1"; fi
}

clean_work() {  # the usual EXIT trap: the app stopped, the private cluster in $WORK/pg stopped, $WORK removed unless KEEP
  stop_app
  if [ -d "$WORK/pg" ]; then "$ROOT/tests/pg.sh" stop "$WORK/pg" || true; fi
  remove_work_dir "$WORK"
}

build_project() {  # PROJECT CONFIG ARTIFACTS_DIR: builds src/PROJECT there and prints its DLL's path; the errors on stderr if it fails
  local log; log="$(mktemp)"
  if ! dotnet build "$ROOT/src/$1" -c "$2" --artifacts-path "$3" -nologo -v quiet -clp:ErrorsOnly >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; return 1
  fi
  rm -f "$log"
  echo "$3/bin/$1/${2,,}/$1.dll"
}

build_web() { build_project ClinicAdmin.Web "$@"; }      # CONFIG ARTIFACTS_DIR: the app
build_tools() { build_project ClinicAdmin.Tools "$@"; }  # CONFIG ARTIFACTS_DIR: the scale-data generator

debug_web_dll() {  # prints CLINICADMIN_WEB_DLL, or the tests' Debug build of the app, building it when it is missing
  local dll="${CLINICADMIN_WEB_DLL:-$ROOT/src/ClinicAdmin.Web/bin/Debug/net10.0/ClinicAdmin.Web.dll}"
  [ -f "$dll" ] || dotnet build "$ROOT/src/ClinicAdmin.Web" -c Debug -nologo -clp:ErrorsOnly -v q >&2 || return 1
  echo "$dll"
}

APP_PID=""
start_app() {  # DLL URL LOG [SECONDS=120]: the app in the background (settings from the caller's environment, e.g.
  # `ASPNETCORE_ENVIRONMENT=Staging start_app ...`), sets APP_PID and waits until URL/health answers. On failure: 1,
  # with the reason and the end of LOG on stderr.
  local dll="$1" url="$2" log="$3" secs="${4:-120}" i
  dotnet "$dll" --urls "$url" --contentRoot "$ROOT/src/ClinicAdmin.Web" >"$log" 2>&1 &
  APP_PID=$!
  for ((i = 0; i < secs * 2; i++)); do
    curl -fs "$url/health" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited before answering $url/health:" >&2; tail -50 "$log" >&2; return 1; }
    sleep 0.5
  done
  echo "the app did not answer $url/health in $secs s:" >&2; tail -50 "$log" >&2; return 1
}

stop_app() {  # ends the app start_app started, if it still runs
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; APP_PID=""; fi
  return 0
}

# ---- PostgreSQL -----------------------------------------------------------------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }  # the newest server's binaries, or nothing

pg_database() {  # DIR NAME: a private cluster in DIR (tests/pg.sh) with an empty database NAME; prints its connection string
  local cs; cs="$("$ROOT/tests/pg.sh" start "$1")" || return 1
  psql -h 127.0.0.1 -p "$(cat "$1/port")" -U postgres -qc "CREATE DATABASE \"$2\"" >&2 || return 1
  echo "$cs;Database=$2"
}

PG_STARTED=""
use_test_pg() {  # DIR: keeps CLINICADMIN_TEST_PG from the environment, or starts a private cluster in DIR, exports it
  # and sets PG_STARTED=1 (the caller stops it: tests/pg.sh stop DIR). 1 if no cluster could be started.
  if [ -n "${CLINICADMIN_TEST_PG:-}" ]; then echo "PostgreSQL: using CLINICADMIN_TEST_PG from the environment"; return 0; fi
  local cs; cs="$("$ROOT/tests/pg.sh" start "$1")" || return 1
  export CLINICADMIN_TEST_PG="$cs"; PG_STARTED=1
  echo "PostgreSQL: started a private cluster on 127.0.0.1:$(cat "$1/port") in $1"
}

# ---- Signing in to the demo clinic ----------------------------------------------------------------------------------
form_token() {  # URL JAR: the anti-forgery token of the form at URL (the cookies kept in JAR)
  curl -s -b "$2" -c "$2" "$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'
}

sign_in() {  # BASE_URL JAR EMAIL: signs in as a demo user (the demo clinic's password); 1 with the HTTP code unless redirected
  local t code
  t="$(form_token "$1/Account/Login" "$2")" || true  # none: the post below fails and says how
  code="$(curl -s -o /dev/null -w '%{http_code}' -b "$2" -c "$2" --data-urlencode "Input.Email=$3" \
    --data-urlencode "Input.Password=Demo-Clinic-2026!" --data-urlencode "__RequestVerificationToken=$t" "$1/Account/Login")"
  [ "$code" = 302 ] || { echo "sign-in as $3 failed (HTTP $code)" >&2; return 1; }
}

cookie_header() {  # JAR: the app's cookies as one Cookie header value (for wrk, which has no cookie jar)
  awk '$6 ~ /^ClinicAdmin\./ { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"
}
