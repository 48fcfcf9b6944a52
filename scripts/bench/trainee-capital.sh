#!/usr/bin/env bash
# Times GET /trainees/{traineeId}/capital for one trainee in an LED with a large programme: 5,000
# trainees (every one a member) and 3,000 disbursed loans. Goal (issue 11): < 50 ms. Then times the
# programme's indicators over 20,000 attendance rows (4 sessions, everyone present). Goal: < 1 s. See
# notes/training.md (figures for docs/benchmarks.md).
#
# Usage: scripts/bench/trainee-capital.sh [options]
#   --url URL        an already running service (http://127.0.0.1:PORT or http://localhost:PORT only)
#                    that accepts the development tokens (dev profile), instead of starting one
#   --port N         port of the service this script starts (default 18090)
#   --trainees N     members imported and enrolled in one programme (default 5000, at most 20000)
#   --loans N        loans disbursed, as KUB group loans of 100 shares over the first N members
#                    (default 3000, at most --trainees); the measured trainee holds one of them
#   --duration S     seconds of each timed read (default 10)
#   --keep           keep the database lumbung_bench_training afterwards
#   -h, --help       this text
#
# What it does:
#   1. Unless --url: builds the application if missing or stale, creates the database
#      lumbung_bench_training (as role lumbung), starts target/quarkus-app/quarkus-run.jar with the
#      dev profile on 127.0.0.1:PORT (log in target/bench/), waits for /q/health/ready.
#   2. Through the API: a district, an LED, a grant, a weekly FLAT product, --trainees/100 KUB
#      groups and as many members (one CSV import), a programme, every member enrolled (8 at a
#      time), --loans/100 group loans of 100 shares disbursed 0 to 239 days ago (every third group
#      paying once today); the measured trainee also gets two loans of their own (one repaid once)
#      and two capital assistances (one paid by the LED, one by a sponsor).
#   3. ANALYZE, then wrk with one connection reads the trainee's capital today and as of 30 days
#      ago for --duration seconds each, after a 10 s warm-up; any non-2xx answer fails the run.
#   At exit (also on Ctrl-C) it stops the service it started and drops the database unless --keep.
#
# Needs: wrk, psql (postgresql-client), curl, jq, a JDK 21+ (installed with apt-get when root).
# PostgreSQL: 127.0.0.1:5432, role lumbung/lumbung with CREATEDB (scripts/ensure-postgres.sh).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo_root"

# shellcheck source=scripts/lib/java.sh
. scripts/lib/java.sh
# shellcheck source=scripts/lib/build.sh
. scripts/lib/build.sh

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
die() {
  printf 'trainee-capital: ERROR: %s\n' "$*" >&2
  exit 1
}
log() { printf 'trainee-capital: %s\n' "$*" >&2; }
positive() {
  case $2 in
    "" | *[!0-9]* | 0*) die "$1 needs a positive whole number, not '$2'" ;;
  esac
}

url=""
port=18090
trainee_count=5000
loan_count=3000
duration=10
keep=false
while [ $# -gt 0 ]; do
  case $1 in
    --url | --port | --trainees | --loans | --duration)
      [ $# -ge 2 ] || die "$1 needs a value"
      case $1 in
        --url) url=${2%/} ;;
        --port) positive "$1" "$2"; port=$2 ;;
        --trainees) positive "$1" "$2"; trainee_count=$2 ;;
        --loans) positive "$1" "$2"; loan_count=$2 ;;
        --duration) positive "$1" "$2"; duration=$2 ;;
      esac
      shift 2
      ;;
    --keep) keep=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option '$1'" ;;
  esac
done
[ "$trainee_count" -le 20000 ] || die "--trainees is capped at 20000"
[ "$loan_count" -le "$trainee_count" ] || die "--loans is at most --trainees (one share a member)"
[ "$duration" -le 600 ] || die "--duration is capped at 600 s"
if [ -n "$url" ]; then
  case $url in
    http://127.0.0.1:[0-9]* | http://localhost:[0-9]*) ;;
    *) die "--url must be http://127.0.0.1:PORT or http://localhost:PORT, not '$url'" ;;
  esac
fi

missing=()
for tool in wrk psql createdb dropdb curl jq; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    case $tool in psql | createdb | dropdb) missing+=(postgresql-client) ;; *) missing+=("$tool") ;; esac
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${missing[*]} with apt-get"
    apt-get -q update >/dev/null || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
      || die "apt-get install ${missing[*]} failed"
  else
    die "missing tools; install them: apt-get install ${missing[*]}"
  fi
fi

db_host=127.0.0.1
db_port=5432
db_user=lumbung
export PGPASSWORD=lumbung PGCONNECT_TIMEOUT=5
service_db=lumbung_bench_training
pg() { psql -X -w -q -v ON_ERROR_STOP=1 -h "$db_host" -p "$db_port" -U "$db_user" "$@"; }
db_exists() { [ "$(pg -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }

bench_dir=$repo_root/target/bench
mkdir -p "$bench_dir"
stamp=$(date +%Y%m%d-%H%M%S)
service_log=$bench_dir/quarkus-training-$stamp.log
service_pid=""
created_service_db=false

stop_service() {
  [ -n "$service_pid" ] || return 0
  if kill -0 "$service_pid" 2>/dev/null; then
    kill -TERM "$service_pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 60; i++)); do
      kill -0 "$service_pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$service_pid" 2>/dev/null && kill -KILL "$service_pid" 2>/dev/null
  fi
  wait "$service_pid" 2>/dev/null || true
  log "stopped the service (pid $service_pid)"
  service_pid=""
}
cleanup() {
  local status=$?
  set +e
  stop_service
  if [ "$keep" = false ] && [ "$created_service_db" = true ]; then
    dropdb -w --force --if-exists -h "$db_host" -p "$db_port" -U "$db_user" "$service_db" && log "dropped $service_db"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

http_answers() { curl -s -o /dev/null --max-time 2 "$1" 2>/dev/null; }
start_service() {
  url=http://127.0.0.1:$port
  http_answers "$url/q/health" && die "something already answers on $url; stop it, pass --port, or use --url $url"
  lumbung_find_java
  if lumbung_build_stale; then
    lumbung_build
  fi
  if db_exists "$service_db"; then
    dropdb -w --force -h "$db_host" -p "$db_port" -U "$db_user" "$service_db"
  fi
  createdb -w -h "$db_host" -p "$db_port" -U "$db_user" -T template0 -E UTF8 "$service_db"
  created_service_db=true
  log "starting the service on $url (log: $service_log)"
  QUARKUS_PROFILE=dev QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$db_host:$db_port/$service_db \
    QUARKUS_DATASOURCE_USERNAME=$db_user QUARKUS_DATASOURCE_PASSWORD=$PGPASSWORD \
    java ${BENCH_JVM_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >"$service_log" 2>&1 &
  service_pid=$!
  local deadline=$((SECONDS + 180))
  until curl -fs -o /dev/null --max-time 2 "$url/q/health/ready"; do
    kill -0 "$service_pid" 2>/dev/null || die "the service exited during start; see $service_log"
    [ "$SECONDS" -lt "$deadline" ] || die "the service was not ready within 180 s; see $service_log"
    sleep 1
  done
  log "service ready (pid $service_pid)"
}
if [ -n "$url" ]; then
  http_answers "$url/q/health/ready" || die "nothing answers on $url/q/health/ready"
  lumbung_find_java
else
  start_service
fi

token() { bash scripts/dev-token.sh "$@"; }
# POSTs JSON and prints the created resource's id; anything but 201 stops the benchmark.
create() {
  local path=$1 body=$2 bearer=$3 response status
  response=$(curl -sS --max-time 60 -w '\n%{http_code}' -X POST "$url$path" \
    -H "Authorization: Bearer $bearer" -H 'Content-Type: application/json' -d "$body")
  status=${response##*$'\n'}
  [ "$status" = 201 ] || die "POST $path answered $status: ${response%$'\n'*}"
  jq -r .id <<<"${response%$'\n'*}"
}
day() { TZ=Asia/Jakarta date -d "$1 days ago" +%F; }
# Reads each path with wrk (one connection, --duration seconds) after warming up on the first for
# $1 seconds, and prints its p50, p99 and rate; any non-2xx answer fails the run.
time_reads() {
  local warmup=$1 path out
  shift
  timeout $((warmup + 50)) wrk -t 1 -c 1 -d "${warmup}s" -H "Authorization: Bearer $trainer" "$url$1" >/dev/null 2>&1 \
    || die "warm-up on $1 failed"
  for path in "$@"; do
    out=$bench_dir/wrk-training-$stamp-$(date +%s%N).txt
    timeout $((duration + 60)) wrk --latency -t 1 -c 1 -d "${duration}s" -H "Authorization: Bearer $trainer" "$url$path" \
      >"$out" 2>&1 || die "wrk GET failed; see $out"
    grep -q 'Non-2xx' "$out" && die "GET $path answered non-2xx; see $out"
    printf '  GET %-60s p50 %s  p99 %s  (%s requests/s)\n' "${path#"$led_path"}" \
      "$(awk '$1 == "50%" { print $2 }' "$out")" "$(awk '$1 == "99%" { print $2 }' "$out")" \
      "$(awk '/^Requests\/sec/ { print $2 }' "$out")"
  done
}
today=$(day 0)

admin=$(token admin --sub bench-admin)
district_code=btr-$(date +%s)
district=$(create /api/v1/districts "{\"code\":\"$district_code\",\"name\":\"Bench $district_code\"}" "$admin")
led=$(create /api/v1/leds "{\"districtId\":\"$district\",\"code\":\"duri\",\"name\":\"LED Duri Selatan\",\"village\":\"Duri Selatan\"}" "$admin")
led_path=/api/v1/leds/$led
manager=$(token led-manager --led "$led" --sub bench-manager)
clerk=$(token led-clerk --led "$led" --sub bench-clerk)
trainer=$(token trainer --led "$led" --sub bench-trainer)

create "$led_path/grants" "{\"source\":\"APBD bench\",\"decreeNumber\":\"SK training\",\"amount\":\"90000000000\",\"receivedOn\":\"$(day 400)\"}" "$manager" >/dev/null
create "$led_path/contributions" "{\"type\":\"COMMUNITY_EQUITY\",\"amount\":\"100000000\",\"receivedOn\":\"$(day 300)\"}" "$manager" >/dev/null
product=$(create "$led_path/loan-products" '{"name":"Bench weekly","interestMethod":"FLAT","interestRate":"1.5","ratePeriod":"MONTH","frequency":"WEEKLY","installments":50,"graceInstallments":0,"adminFeePercent":"1","penaltyRatePerDay":"0.1"}' "$manager")

groups=$(((trainee_count + 99) / 100))
log "creating $groups KUB groups and importing $trainee_count members"
for ((g = 0; g < groups; g++)); do
  create "$led_path/groups" "{\"name\":\"KUB Bench $g\"}" "$clerk" >/dev/null
done
csv=$bench_dir/training-members-$stamp.csv
{
  echo 'name,nik,gender,birthDate,hamlet,phone,groupName'
  for ((k = 0; k < trainee_count; k++)); do
    # A NIK holds a 4-digit serial per birth date: the birth year moves every 9,000 members; every
    # other member is a man (day without the 40 added), so the segment and gender filters have rows.
    year=$((80 + k / 9000))
    if [ $((k % 2)) -eq 0 ]; then
      printf 'Peserta %d,1406014507%02d%04d,F,19%02d-07-05,Dusun 1,,KUB Bench %d\n' "$k" "$year" $((k % 9000 + 1)) "$year" $((k / 100))
    else
      printf 'Peserta %d,1406010507%02d%04d,M,19%02d-07-05,Dusun 1,,KUB Bench %d\n' "$k" "$year" $((k % 9000 + 1)) "$year" $((k / 100))
    fi
  done
} >"$csv"
status=$(curl -sS --max-time 300 -o "$bench_dir/training-import-$stamp.json" -w '%{http_code}' -X POST \
  "$url$led_path/members:import" -H "Authorization: Bearer $clerk" -H 'Content-Type: text/csv' --data-binary "@$csv")
[ "$status" = 201 ] || die "importing the members answered $status: $(head -c 600 "$bench_dir/training-import-$stamp.json")"

programme=$(create "$led_path/programmes" "{\"name\":\"Pelatihan Kewirausahaan Digital Duri Selatan\",\"startsOn\":\"$(day 260)\",\"endsOn\":\"$(day 80)\",\"venue\":\"Balai Desa\",\"modules\":[{\"code\":\"KEU\",\"title\":\"Pengelolaan Keuangan\",\"area\":\"FINANCIAL_MANAGEMENT\"}]}" "$trainer")

log "enrolling $trainee_count members, 8 at a time"
members=$bench_dir/training-member-ids-$stamp.txt
after=""
: >"$members"
while :; do
  page=$(curl -fsS --max-time 60 "$url$led_path/members?limit=500${after:+&after=$after}" -H "Authorization: Bearer $clerk")
  jq -r '.items[].id' <<<"$page" >>"$members"
  after=$(jq -r '.next // empty' <<<"$page")
  [ -n "$after" ] || break
done
[ "$(wc -l <"$members")" -eq "$trainee_count" ] || die "expected $trainee_count members, found $(wc -l <"$members")"
# The first member first, alone: the measured trainee is then the programme's first (ids are time-ordered).
create "$led_path/programmes/$programme/trainees" "{\"memberId\":\"$(head -n 1 "$members")\"}" "$trainer" >/dev/null
export url led_path trainer programme
tail -n +2 "$members" | xargs -P 8 -I{} sh -c 'curl -fsS --max-time 60 -o /dev/null -X POST "$url$led_path/programmes/$programme/trainees" \
  -H "Authorization: Bearer $trainer" -H "Content-Type: application/json" -d "{\"memberId\":\"{}\"}" || exit 255' \
  || die "enrolling failed"

loan_groups=$(((loan_count + 99) / 100))
log "applying, approving and disbursing $loan_groups group loans of up to 100 shares ($loan_count loans)"
for ((g = 0; g < loan_groups; g++)); do
  group=$(curl -fsS --max-time 30 "$url$led_path/groups?limit=500" -H "Authorization: Bearer $clerk" |
    jq -r --arg n "KUB Bench $g" '.items[] | select(.name == $n) | .id')
  [ -n "$group" ] || die "group KUB Bench $g not found"
  shares=$(curl -fsS --max-time 30 "$url$led_path/members?groupId=$group&limit=500" -H "Authorization: Bearer $clerk" |
    jq -c --argjson n $((loan_count - g * 100)) '[.items[:$n][] | {memberId: .id, principal: "5000000"}]')
  loan=$(create "$led_path/groups/$group/loans" "{\"productId\":\"$product\",\"purpose\":\"bench\",\"shares\":$shares}" "$clerk")
  curl -fsS --max-time 60 -o /dev/null -X POST "$url$led_path/groups/$group/loans/$loan/approval" \
    -H "Authorization: Bearer $manager" -H 'Content-Type: application/json' -d '{}' || die "approving $loan failed"
  create "$led_path/groups/$group/loans/$loan/disbursement" "{\"disbursedOn\":\"$(day $(((g * 7) % 240)))\"}" "$manager" >/dev/null
  if [ $((g % 3)) -eq 0 ]; then
    create "$led_path/groups/$group/loans/$loan/repayments" "{\"amount\":\"5000000\",\"paidOn\":\"$today\"}" "$clerk" >/dev/null
  fi
done

# The measured trainee: the first member (a share of the first group loan), with two loans of
# their own and two assistances.
member=$(head -n 1 "$members")
trainee=$(curl -fsS --max-time 30 "$url$led_path/programmes/$programme/trainees?limit=1" -H "Authorization: Bearer $trainer" | jq -r '.items[0].id')
[ "$(curl -fsS "$url$led_path/trainees/$trainee" -H "Authorization: Bearer $trainer" | jq -r .trainee.memberId)" = "$member" ] \
  || die "the first trainee is not the first member"
for on in 200 100; do
  loan=$(create "$led_path/loans" "{\"memberId\":\"$member\",\"productId\":\"$product\",\"principal\":\"3000000\",\"purpose\":\"bench\"}" "$clerk")
  curl -fsS --max-time 60 -o /dev/null -X POST "$url$led_path/loans/$loan/approval" -H "Authorization: Bearer $manager" \
    -H 'Content-Type: application/json' -d '{}' || die "approving $loan failed"
  create "$led_path/loans/$loan/disbursement" "{\"disbursedOn\":\"$(day $on)\"}" "$manager" >/dev/null
done
create "$led_path/loans/$loan/repayments" "{\"amount\":\"100000\",\"paidOn\":\"$(day 50)\"}" "$clerk" >/dev/null
create "$led_path/trainees/$trainee/assistance" "{\"kind\":\"CASH\",\"description\":\"Modal kerja\",\"value\":\"1000000\",\"givenOn\":\"$(day 20)\",\"paidByLed\":true}" "$clerk" >/dev/null
create "$led_path/trainees/$trainee/assistance" "{\"kind\":\"IN_KIND\",\"description\":\"Bibit nanas\",\"value\":\"500000\",\"givenOn\":\"$(day 10)\",\"paidByLed\":false,\"sponsor\":\"CSR bench\"}" "$clerk" >/dev/null

log "4 sessions with every trainee present ($((4 * trainee_count)) attendance rows)"
trainees=$bench_dir/training-trainee-ids-$stamp.txt
after=""
: >"$trainees"
while :; do
  page=$(curl -fsS --max-time 60 "$url$led_path/programmes/$programme/trainees?limit=500${after:+&after=$after}" \
    -H "Authorization: Bearer $trainer")
  jq -r '.items[].id' <<<"$page" >>"$trainees"
  after=$(jq -r '.next // empty' <<<"$page")
  [ -n "$after" ] || break
done
present=$bench_dir/training-present-$stamp.json
jq -R . "$trainees" | jq -sc '{present: .}' >"$present"
for on in 250 200 150 100; do
  session=$(create "$led_path/programmes/$programme/sessions" "{\"heldOn\":\"$(day $on)\",\"moduleCode\":\"KEU\"}" "$trainer")
  curl -fsS --max-time 300 -o /dev/null -X PUT "$url$led_path/programmes/$programme/sessions/$session/attendance" \
    -H "Authorization: Bearer $trainer" -H 'Content-Type: application/json' --data-binary "@$present" \
    || die "recording the attendance of $session failed"
done

if [ "$created_service_db" = true ]; then
  pg -d "$service_db" -c 'SET client_min_messages = error' -c ANALYZE
fi
loans_in_led=$(curl -fsS "$url$led_path/portfolio" -H "Authorization: Bearer $manager" | jq .loans)
echo
echo "GET /trainees/{traineeId}/capital, one trainee among $trainee_count, $loans_in_led loans in the LED's portfolio (goal: < 50 ms):"
capital_path=$led_path/trainees/$trainee/capital
curl -fsS --max-time 30 -o "$bench_dir/training-capital-$stamp.json" "$url$capital_path" -H "Authorization: Bearer $trainer" \
  || die "GET capital failed"
printf '  (the trainee: %s loans, %s assistances, capital received %s, outstanding %s)\n' \
  "$(jq '.loans | length' "$bench_dir/training-capital-$stamp.json")" "$(jq '.assistance | length' "$bench_dir/training-capital-$stamp.json")" \
  "$(jq -r .totals.capitalReceived "$bench_dir/training-capital-$stamp.json")" "$(jq -r .totals.outstanding "$bench_dir/training-capital-$stamp.json")"
time_reads 10 "$capital_path" "$capital_path?asOf=$(day 30)"

echo
echo "GET /programmes/{programmeId}/indicators, $trainee_count trainees, $((4 * trainee_count)) attendance rows (goal: < 1 s):"
indicators_path=$led_path/programmes/$programme/indicators
time_reads 5 "$indicators_path" "$indicators_path?asOf=$(day 30)"
