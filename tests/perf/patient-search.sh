#!/usr/bin/env bash
# Patient search at 100,000 patients, measured end to end (HTTP, sign-in cookie, Razor page, EF Core, SQLite).
#
#   tests/perf/patient-search.sh            # build, seed, measure, clean up
#   PATIENTS=20000 DURATION=5s tests/perf/patient-search.sh
#   WEB_DLL=/path/ClinicAdmin.Web.dll tests/perf/patient-search.sh   # skip the build
#
# Steps: (1) run the app once with Demo:Enabled=true on a temp SQLite database (migrations + demo clinic and sign-ins),
# (2) bulk-insert invented patients with plain SQL (python3 sqlite3), (3) start the app on a free loopback port and sign
# in as the demo front desk user with curl (anti-forgery token + cookie jar), (4) run wrk with the session cookie
# against a common-surname search and a deep page, printing requests/s and latency percentiles. Loopback only.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
PATIENTS="${PATIENTS:-100000}"
DURATION="${DURATION:-15s}"
CONNECTIONS="${CONNECTIONS:-4}"
THREADS="${THREADS:-2}"
SURNAME="${SURNAME:-smith}"
DEEP_PAGE="${DEEP_PAGE:-2000}"
WORK="$(work_dir perf)"
trap clean_work EXIT

need_commands dotnet python3 curl wrk

if [[ -z "${WEB_DLL:-}" ]]; then
    echo "== building ClinicAdmin.Web (Release) into $WORK/art"
    WEB_DLL="$(build_web Release "$WORK/art")"
fi
[[ -f "$WEB_DLL" ]] || { echo "web app not found: $WEB_DLL" >&2; exit 2; }

BASE="http://127.0.0.1:$(free_port)"
DATA="$WORK/data"
mkdir -p "$DATA"

start_demo_app() {
    # Staging: demo data allowed (never in Production), no developer exception page.
    ASPNETCORE_ENVIRONMENT=Staging Database__Provider=Sqlite Database__DataDirectory="$DATA" Demo__Enabled=true \
    Logging__LogLevel__Default=Warning start_app "$WEB_DLL" "$BASE" "$WORK/app.log" 120
}

echo "== (1) creating the database with the demo clinic in $DATA"
start_demo_app
stop_app

echo "== (2) inserting $PATIENTS invented patients"
python3 - "$DATA/clinicadmin.db" "$PATIENTS" <<'PY'
import random, sqlite3, sys, time, uuid, datetime
path, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(20260401)
# US-census-like surnames with a long tail: the first names in the list are the most frequent.
common = ["Smith","Johnson","Williams","Brown","Jones","Garcia","Miller","Davis","Rodriguez","Martinez","Hernandez","Lopez","Gonzalez",
          "Wilson","Anderson","Thomas","Taylor","Moore","Jackson","Martin","Lee","Perez","Thompson","White","Harris","Sanchez","Clark",
          "Ramirez","Lewis","Robinson","Walker","Young","Allen","King","Wright","Scott","Torres","Nguyen","Hill","Flores","Green","Adams",
          "Nelson","Baker","Hall","Rivera","Campbell","Mitchell","Carter","Roberts"]
syll = ["an","ber","cal","dor","el","fen","gar","hol","is","jan","kel","lin","mor","nes","ol","par","quin","ros","sten","tor","ul","ven","wick","yar","zel"]
firsts = ["James","Mary","Robert","Patricia","John","Jennifer","Michael","Linda","David","Elizabeth","William","Barbara","Richard","Susan",
          "Joseph","Jessica","Thomas","Sarah","Charles","Karen","Daniel","Lisa","Matthew","Nancy","Anthony","Betty","Mark","Sandra","Zoë","José"]
def surname():
    r = rnd.random()
    if r < 0.30:  # 30% share the 50 common names, Zipf-like: Smith is about 1 in 100
        w = [1.0 / (i + 1) for i in range(len(common))]
        return rnd.choices(common, weights=w)[0]
    return "".join(rnd.choice(syll) for _ in range(rnd.randint(2, 3))).capitalize()
db = sqlite3.connect(path)
cols = [(r[1], r[3]) for r in db.execute("PRAGMA table_info(Patients)")]
names = [c for c, _ in cols if c != "Id"]
today = datetime.date.today()
def row(i):
    female = rnd.random() < 0.6
    dob = today - datetime.timedelta(days=rnd.randint(18 * 365, 90 * 365))
    v = {
        "Mrn": f"MRN-{300000 + i:06d}", "FirstName": rnd.choice(firsts), "LastName": surname(), "DateOfBirth": dob.isoformat(),
        "Sex": "F" if female else "M", "Email": None, "Phone": f"(608) 555-{rnd.randint(1000, 9999)}",
        "Address_Line1": f"{rnd.randint(1, 9999)} Lake Street", "Address_Line2": None, "Address_City": "Madison", "Address_State": "WI",
        "Address_PostalCode": "53703", "InsurancePayer": rnd.choice(["Aetna", "Cigna", None]), "InsuranceMemberId": None,
        "WeightKg": f"{rnd.randint(50, 120)}.0", "HasUncontrolledHypertension": 0, "HasPsychosisHistory": 0, "IsPregnant": 0,
        "HasSevereLiverDisease": 0, "HasSubstanceMisuse": int(rnd.random() < 0.02), "ConcurrencyStamp": str(uuid.uuid4()).upper(),
    }
    missing = [c for c, notnull in cols if c not in v and c != "Id" and notnull]
    if missing: raise SystemExit(f"Patients has NOT NULL columns this script does not fill: {missing}")
    return tuple(v.get(c) for c in names)
t = time.time()
with db:
    db.executemany(f"INSERT INTO Patients ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", (row(i) for i in range(n)))
total = db.execute("SELECT COUNT(*) FROM Patients").fetchone()[0]
smiths = db.execute("SELECT COUNT(*) FROM Patients WHERE LastName = 'Smith'").fetchone()[0]
print(f"   inserted {n} in {time.time() - t:.1f} s; {total} patients in all, {smiths} named Smith")
db.close()
PY

echo "== (3) starting the app on $BASE and signing in as the demo front desk user"
start_demo_app
JAR="$WORK/cookies.txt"
sign_in "$BASE" "$JAR" frontdesk@demo.clinic
COOKIE="$(cookie_header "$JAR")"

URLS=("$BASE/Patients/Index?q=$SURNAME" "$BASE/Patients/Index?page=$DEEP_PAGE")
for url in "${URLS[@]}"; do
    out="$(curl -s -H "Cookie: $COOKIE" -w '\n%{http_code} %{time_total}' "$url")"
    code="$(tail -n1 <<<"$out" | cut -d' ' -f1)"; secs="$(tail -n1 <<<"$out" | cut -d' ' -f2)"
    rows="$(grep -c 'href="/Patients/Details?id=' <<<"$out" || true)"
    summary="$(python3 -c 'import re,sys,html; m=re.search(r"id=\"search-summary\">(.*?)</p>", sys.stdin.read(), re.S); print(" ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split()) if m else "")' <<<"$out")"
    [[ "$code" == "200" && "$rows" -gt 0 ]] || { echo "GET $url answered $code with $rows rows" >&2; exit 1; }
    echo "   GET ${url#$BASE}: HTTP $code, $rows rows, first request ${secs}s — $summary"
done

echo "== (4) wrk: $DURATION, $CONNECTIONS connections, $THREADS threads"
for url in "${URLS[@]}"; do
    echo "-- ${url#$BASE}"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $COOKIE" "$url"
done
stop_app
echo "== done"
