#!/usr/bin/env bash
# Benchmarks posting journal entries through the service against the same double-entry transfer
# written as plain SQL, on the same PostgreSQL, and prints the ratio. See docs/benchmarks.md.
#
# Usage: scripts/bench/post-entries.sh [options]
#   --url URL            benchmark an already running service (http://127.0.0.1:PORT or
#                        http://localhost:PORT only) instead of starting one; it must accept the
#                        development tokens (dev profile)
#   --port N             port of the service this script starts (default 18080)
#   --concurrency LIST   comma-separated connection counts (default 4,16,32)
#   --duration S         seconds per measured run (default 15)
#   --rounds N           interleaved service/raw rounds; medians are over these (default 3)
#   --warmup S           seconds of unmeasured load first, for the JIT and caches (default 90: the
#                        JIT compiles the request path for over a minute under load)
#   --leds N             LEDs the load is spread over, one token each (default 16)
#   --threads N          wrk / pgbench threads (default 2: this is meant for small machines)
#   --idempotency        also run a variant that sends a fresh Idempotency-Key per request
#   --repayments N       also disburse N loans (spread over the LEDs) and run a variant that posts
#                        keyed loan repayments over them (implies --idempotency, so that keyed
#                        adjustments and the raw baseline are measured in the same rounds), and
#                        time GET of a 10-year weekly loan (520 installments) with 500 repayments
#   --batches B          with --repayments: also run a variant that syncs the same keyed
#                        repayments as field batches (POST /leds/{ledId}/batches) of B operations
#                        each, over one LED's loans per batch; its rate is operations/s (requests/s
#                        x B) and its latency that of a whole batch
#   --portfolio N        disburse N loans in one LED as KUB group loans of 100 shares (weekly,
#                        disbursed 0 to 239 days ago, every third group paying once today), then
#                        time GET /portfolio today and as of 30 days ago (1 connection, 10 s each;
#                        goal < 500 ms at 10,000 loans)
#   --portfolio-only     with --portfolio: stop after the portfolio reads (no write rounds)
#   --keep               keep the databases lumbung_bench and lumbung_bench_raw afterwards
#   -h, --help           this text
#
# BENCH_DB and BENCH_RAW_DB (environment) rename the two scratch databases (default lumbung_bench,
# lumbung_bench_raw), so that two checkouts can benchmark on one PostgreSQL at once.
# BENCH_JVM_OPTS (environment) is passed to the JVM of the service the script starts, e.g. to
# record a profile: BENCH_JVM_OPTS='-XX:StartFlightRecording=filename=/tmp/bench.jfr,settings=profile'
#
# What it does:
#   1. Unless --url: builds the application if missing or stale, creates the database
#      lumbung_bench (as role lumbung), starts target/quarkus-app/quarkus-run.jar with the dev
#      profile on 127.0.0.1:PORT (log in target/bench/), waits for /q/health/ready.
#   2. Creates a district and --leds LEDs through the API, and one led-manager token per LED.
#   3. Creates the scratch database lumbung_bench_raw with accounts, transfers and postings.
#   4. Per round and concurrency: wrk drives POST /api/v1/leds/{id}/journal-entries (balanced
#      two-posting entries, round-robin over the LEDs), then pgbench runs the raw transfer
#      (two balance updates in id order, one transfer insert, two posting inserts, durable
#      commit) with as many clients. A run with any non-2xx answer or socket error is invalid
#      and fails the benchmark.
#   5. Prints the medians: entries/s, p50, p99, raw tx/s and the service/raw ratio; per-run
#      figures are in target/bench/results-*.tsv.
#   At exit (also on Ctrl-C) it stops the service it started and drops both databases unless
#   --keep. Everything it talks to is on 127.0.0.1.
#
# Needs: wrk (Debian package wrk), pgbench and psql (postgresql-client), curl, jq, a JDK 21+;
#   when missing, the script installs those packages with apt-get if it runs as root.
# PostgreSQL: 127.0.0.1:5432, role lumbung/lumbung with CREATEDB (scripts/ensure-postgres.sh).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# The service resolves config/dev/* (the development JWT key) relative to the repository root.
cd "$repo_root"

# shellcheck source=scripts/lib/java.sh
. scripts/lib/java.sh
# shellcheck source=scripts/lib/build.sh
. scripts/lib/build.sh

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
die() {
  printf 'post-entries: ERROR: %s\n' "$*" >&2
  exit 1
}
log() { printf 'post-entries: %s\n' "$*" >&2; }

# --- options ---------------------------------------------------------------------------------

url=""
port=18080
concurrency_list=4,16,32
duration=15
rounds=3
warmup=90
led_count=16
threads=2
idempotency=false
loan_count=0
batch_size=0
portfolio_count=0
portfolio_only=false
keep=false

positive() {
  case $2 in
    "" | *[!0-9]* | 0*) die "$1 needs a positive whole number, not '$2'" ;;
  esac
}

while [ $# -gt 0 ]; do
  case $1 in
    --url | --port | --concurrency | --duration | --rounds | --warmup | --leds | --threads | --repayments | \
      --batches | --portfolio)
      [ $# -ge 2 ] || die "$1 needs a value"
      case $1 in
        --url) url=${2%/} ;;
        --port) positive "$1" "$2"; port=$2 ;;
        --concurrency) concurrency_list=$2 ;;
        --duration) positive "$1" "$2"; duration=$2 ;;
        --rounds) positive "$1" "$2"; rounds=$2 ;;
        --warmup) case $2 in "" | *[!0-9]*) die "--warmup needs a whole number of seconds" ;; esac; warmup=$2 ;;
        --leds) positive "$1" "$2"; led_count=$2 ;;
        --threads) positive "$1" "$2"; threads=$2 ;;
        --repayments) positive "$1" "$2"; loan_count=$2; idempotency=true ;;
        --batches) positive "$1" "$2"; batch_size=$2 ;;
        --portfolio) positive "$1" "$2"; portfolio_count=$2 ;;
      esac
      shift 2
      ;;
    --idempotency) idempotency=true; shift ;;
    --portfolio-only) portfolio_only=true; shift ;;
    --keep) keep=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option '$1'" ;;
  esac
done

IFS=, read -r -a concurrencies <<<"$concurrency_list"
[ "${#concurrencies[@]}" -gt 0 ] || die "--concurrency needs at least one number"
for c in "${concurrencies[@]}"; do positive --concurrency "$c"; done
# Hard ceilings keep a typo from running for hours or opening hundreds of connections.
[ "$duration" -le 600 ] || die "--duration is capped at 600 s"
[ "$rounds" -le 20 ] || die "--rounds is capped at 20"
[ "$warmup" -le 600 ] || die "--warmup is capped at 600 s"
[ "$led_count" -le 200 ] || die "--leds is capped at 200"
[ "$loan_count" -le 5000 ] || die "--repayments is capped at 5000 loans"
[ "$batch_size" -le 1000 ] || die "--batches is capped at 1000 operations (the service's limit)"
[ "$batch_size" -eq 0 ] || [ "$loan_count" -gt 0 ] || die "--batches needs --repayments N (the loans it repays)"
[ "$portfolio_count" -le 20000 ] || die "--portfolio is capped at 20000 loans"
[ "$portfolio_only" = false ] || [ "$portfolio_count" -gt 0 ] || die "--portfolio-only needs --portfolio N"
for c in "${concurrencies[@]}"; do [ "$c" -le 256 ] || die "--concurrency is capped at 256 per run"; done

# Only this machine: a load generator aimed elsewhere by mistake is an incident.
if [ -n "$url" ]; then
  case $url in
    http://127.0.0.1:[0-9]* | http://localhost:[0-9]*) ;;
    *) die "--url must be http://127.0.0.1:PORT or http://localhost:PORT, not '$url'" ;;
  esac
fi

# Missing tools come from Debian's packages when we may install them (root with apt-get), as
# scripts/ensure-postgres.sh does for PostgreSQL; otherwise the message says what to install.
package_of() {
  case $1 in
    pgbench | psql | createdb | dropdb) echo postgresql-client ;;
    *) echo "$1" ;;
  esac
}
missing=()
for tool in wrk pgbench psql createdb dropdb curl jq; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$(package_of "$tool")")
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

# --- PostgreSQL ------------------------------------------------------------------------------

db_host=127.0.0.1
db_port=5432
db_user=lumbung
export PGPASSWORD=lumbung PGCONNECT_TIMEOUT=5
# BENCH_DB / BENCH_RAW_DB (environment) name them otherwise, for two benchmarks on one server.
service_db=${BENCH_DB:-lumbung_bench}
raw_db=${BENCH_RAW_DB:-lumbung_bench_raw}

pg() { psql -X -w -q -v ON_ERROR_STOP=1 -h "$db_host" -p "$db_port" -U "$db_user" "$@"; }
db_exists() { [ "$(pg -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }

# --- state and cleanup -----------------------------------------------------------------------

bench_dir=$repo_root/target/bench
mkdir -p "$bench_dir"
stamp=$(date +%Y%m%d-%H%M%S)
results=$bench_dir/results-$stamp.tsv
lua_script=$bench_dir/post-entries-$stamp.lua
raw_script=$bench_dir/raw-transfer-$stamp.sql
service_log=$bench_dir/quarkus-$stamp.log
service_pid=""
created_service_db=false
created_raw_db=false

stop_service() {
  [ -n "$service_pid" ] || return 0
  if kill -0 "$service_pid" 2>/dev/null; then
    kill -TERM "$service_pid" 2>/dev/null || true
    # Bounded: Quarkus stops in a second or two; after 30 s it gets KILL.
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
  if [ "$keep" = false ]; then
    # --force: a stray connection (psql of a curious user) must not leave the scratch db behind.
    [ "$created_service_db" = true ] && dropdb -w --force --if-exists -h "$db_host" -p "$db_port" -U "$db_user" "$service_db" && log "dropped $service_db"
    [ "$created_raw_db" = true ] && dropdb -w --force --if-exists -h "$db_host" -p "$db_port" -U "$db_user" "$raw_db" && log "dropped $raw_db"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the service -----------------------------------------------------------------------------

http_answers() { curl -s -o /dev/null --max-time 2 "$1" 2>/dev/null; }

start_service() {
  url=http://127.0.0.1:$port
  if http_answers "$url/q/health"; then
    die "something already answers on $url; stop it, pass --port, or benchmark it with --url $url"
  fi
  lumbung_find_java
  if lumbung_build_stale; then
    lumbung_build
  fi
  if ! db_exists "$service_db"; then
    createdb -w -h "$db_host" -p "$db_port" -U "$db_user" -T template0 -E UTF8 "$service_db"
    log "created database $service_db"
  else
    log "reusing database $service_db"
  fi
  created_service_db=true
  log "starting the service on $url (log: $service_log)"
  QUARKUS_PROFILE=dev \
    QUARKUS_HTTP_PORT=$port \
    QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$db_host:$db_port/$service_db \
    QUARKUS_DATASOURCE_USERNAME=$db_user \
    QUARKUS_DATASOURCE_PASSWORD=$PGPASSWORD \
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

# The service's own database, analyzed after the warm-up; unknown for a service given by --url.
service_db_for_analyze=""
if [ -n "$url" ]; then
  http_answers "$url/q/health/ready" || die "nothing answers on $url/q/health/ready"
  lumbung_find_java # dev-token.sh needs it
else
  start_service
  service_db_for_analyze=$service_db
fi

# --- fixtures: a district, LEDs and one token per LED ----------------------------------------

token() { bash scripts/dev-token.sh "$@"; }

# POSTs JSON and prints the created resource's id; anything but 201 stops the benchmark.
create() {
  local path=$1 body=$2 bearer=$3 response status
  response=$(curl -sS --max-time 30 -w '\n%{http_code}' -X POST "$url$path" \
    -H "Authorization: Bearer $bearer" -H 'Content-Type: application/json' -d "$body")
  status=${response##*$'\n'}
  [ "$status" = 201 ] || die "POST $path answered $status: ${response%$'\n'*}"
  jq -r .id <<<"${response%$'\n'*}"
}

admin_token=$(token admin --sub bench-admin)
# Unique per run so that --url against a long-lived service never collides with older runs.
district_code=bench-$(date +%s)
district_id=$(create /api/v1/districts "{\"code\":\"$district_code\",\"name\":\"Bench $district_code\"}" "$admin_token")
led_ids=()
led_tokens=()
log "creating $led_count LEDs and their tokens"
for ((i = 1; i <= led_count; i++)); do
  led_id=$(create /api/v1/leds "{\"districtId\":\"$district_id\",\"code\":\"led-$i\",\"name\":\"Bench LED $i\",\"village\":\"Bench $i\"}" "$admin_token")
  led_token=$(token led-manager --led "$led_id" --sub "bench-manager-$i")
  led_ids+=("$led_id")
  led_tokens+=("$led_token")
done

# The calendar day entries are dated in: the service refuses dates after today in Asia/Jakarta.
today=$(TZ=Asia/Jakarta date +%F)

# One probe before loading: a wrong payload should fail here with its problem, not as 100% non-2xx.
probe=$(curl -sS --max-time 30 -w '\n%{http_code}' -X POST "$url/api/v1/leds/${led_ids[0]}/journal-entries" \
  -H "Authorization: Bearer ${led_tokens[0]}" -H 'Content-Type: application/json' \
  -d "{\"effectiveDate\":\"$today\",\"description\":\"bench probe\",\"postings\":[{\"account\":\"5-1100\",\"side\":\"DEBIT\",\"amount\":\"1000.00\"},{\"account\":\"3-1200\",\"side\":\"CREDIT\",\"amount\":\"1000.00\"}]}")
[ "${probe##*$'\n'}" = 201 ] || die "probe entry answered ${probe##*$'\n'}: ${probe%$'\n'*}"

# --- the wrk script --------------------------------------------------------------------------

lua_list() {
  local item out=""
  for item in "$@"; do out+="\"$item\","; done
  printf '{%s}' "$out"
}

cat >"$lua_script" <<LUA
-- Generated by scripts/bench/post-entries.sh: posts balanced two-posting entries round-robin
-- over the LEDs, each with its own token (the service checks the leds claim).
-- wrk args: RUN_TAG THREADS IDEMPOTENCY(0|1)
local leds = $(lua_list "${led_ids[@]}")
local tokens = $(lua_list "${led_tokens[@]}")
local body = '{"effectiveDate":"$today","description":"bench","postings":[{"account":"5-1100","side":"DEBIT","amount":"1000.00"},{"account":"3-1200","side":"CREDIT","amount":"1000.00"}]}'
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  run_tag = args[1] or "run"
  stride = tonumber(args[2]) or 1
  idem = args[3] == "1"
  n = tid
  non2xx = 0
  first_bad = ""
end

function request()
  n = n + stride
  local i = (n % #leds) + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[i],
  }
  if idem then
    headers["Idempotency-Key"] = run_tag .. "-" .. tid .. "-" .. n
  end
  return wrk.format("POST", "/api/v1/leds/" .. leds[i] .. "/journal-entries", headers, body)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first_bad == "" then first_bad = status .. " " .. string.sub(body or "", 1, 300) end
  end
end

function done(summary, latency, requests)
  local bad, sample = 0, ""
  for _, t in ipairs(threads) do
    bad = bad + (tonumber(t:get("non2xx")) or 0)
    local s = t:get("first_bad")
    if sample == "" and s and s ~= "" then sample = s end
  end
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), bad,
    e.connect + e.read + e.write + e.timeout))
  if sample ~= "" then io.write("BENCH first non-2xx: " .. sample .. "\n") end
end
LUA

# --- loans for the repayment variant (--repayments) ------------------------------------------

repay_script=$bench_dir/post-repayments-$stamp.lua
if [ "$loan_count" -gt 0 ]; then
  # Loans disbursed 60 days ago, so that repayments meet installments that are due (and late):
  # each one allocates penalty, interest and principal as a clerk's repayment in the field does.
  disbursed_on=$(TZ=Asia/Jakarta date -d '60 days ago' +%F)
  granted_on=$(TZ=Asia/Jakarta date -d '90 days ago' +%F)
  led_products=()
  led_clerks=()
  for ((i = 0; i < led_count; i++)); do
    create "/api/v1/leds/${led_ids[$i]}/grants" "{\"source\":\"APBD bench\",\"decreeNumber\":\"SK $i\",\"amount\":\"900000000\",\"receivedOn\":\"$granted_on\"}" "${led_tokens[$i]}" >/dev/null
    led_products+=("$(create "/api/v1/leds/${led_ids[$i]}/loan-products" '{"name":"Bench FLAT","interestMethod":"FLAT","interestRate":"1.5","ratePeriod":"MONTH","frequency":"MONTHLY","installments":24,"graceInstallments":0,"adminFeePercent":"1","penaltyRatePerDay":"0.1"}' "${led_tokens[$i]}")")
    led_clerks+=("$(token led-clerk --led "${led_ids[$i]}" --sub "bench-clerk-$i")")
  done
  # One loan: a member applies (clerk), a manager approves and pays it out. Prints "path token".
  make_loan() {
    local k=$1 i led_path member loan
    i=$((k % led_count))
    led_path=/api/v1/leds/${led_ids[$i]}
    member=$(create "$led_path/members" "{\"name\":\"Anggota $k\",\"nik\":\"$(printf '140601450790%04d' $((k + 1)))\",\"gender\":\"F\",\"birthDate\":\"1990-07-05\"}" "${led_clerks[$i]}")
    loan=$(create "$led_path/loans" "{\"memberId\":\"$member\",\"productId\":\"${led_products[$i]}\",\"principal\":\"10000000\",\"purpose\":\"bench\"}" "${led_clerks[$i]}")
    curl -fsS --max-time 30 -o /dev/null -X POST "$url$led_path/loans/$loan/approval" -H "Authorization: Bearer ${led_tokens[$i]}" \
      -H 'Content-Type: application/json' -d '{}' || die "approving loan $loan failed"
    create "$led_path/loans/$loan/disbursement" "{\"disbursedOn\":\"$disbursed_on\"}" "${led_tokens[$i]}" >/dev/null
    printf '%s %s\n' "$led_path/loans/$loan/repayments" "${led_clerks[$i]}"
  }
  log "disbursing $loan_count loans over $led_count LEDs, 8 at a time"
  made=$bench_dir/loans-$stamp.txt
  : >"$made"
  # Waits for these jobs only: a bare `wait` would also wait for the service this script started.
  batch=()
  for ((k = 0; k < loan_count; k++)); do
    make_loan "$k" >>"$made" &
    batch+=($!)
    if [ "${#batch[@]}" -eq 8 ] || [ "$k" -eq $((loan_count - 1)) ]; then
      wait "${batch[@]}" || true
      batch=()
    fi
  done
  [ "$(wc -l <"$made")" -eq "$loan_count" ] || die "only $(wc -l <"$made") of $loan_count loans were made; see the log above"
  loan_ids=()
  loan_tokens=()
  while read -r path bearer; do
    loan_ids+=("$path")
    loan_tokens+=("$bearer")
  done <"$made"
  # The entries script's setup, init, response and done serve here too; only the requests differ.
  {
    cat <<LUA
-- Generated by scripts/bench/post-entries.sh: keyed repayments of 1,000 rupiah round-robin over
-- the disbursed loans, each with its LED's clerk token. wrk args: RUN_TAG THREADS
local paths = $(lua_list "${loan_ids[@]}")
local tokens = $(lua_list "${loan_tokens[@]}")
local body = '{"amount":"1000","paidOn":"$today"}'
local threads = {}

LUA
    sed -n '/^function setup/,/^function request/{/^function request/d;p}' "$lua_script"
    cat <<'LUA'
function request()
  n = n + stride
  local i = (n % #paths) + 1
  return wrk.format("POST", paths[i], {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[i],
    ["Idempotency-Key"] = run_tag .. "-" .. tid .. "-" .. n,
  }, body)
end

LUA
    # A non-2xx answer invalidates the run, as for the entries.
    sed -n '/^function response/,$p' "$lua_script"
  } >"$repay_script"
fi

# --- field batches of the same repayments (--batches) ------------------------------------------

batch_script=$bench_dir/post-batches-$stamp.lua
if [ "$batch_size" -gt 0 ]; then
  {
    cat <<LUA
-- Generated by scripts/bench/post-entries.sh: field batches of $batch_size keyed repayments of 1,000
-- rupiah, each batch over one LED's loans (round-robin over the LEDs, and over each LED's loans),
-- with that LED's clerk token. A batch answers 200 even when an operation is refused: any result
-- other than 201 counts as a bad answer and invalidates the run. wrk args: RUN_TAG THREADS
local paths = $(lua_list "${loan_ids[@]}")
local bearers = $(lua_list "${loan_tokens[@]}")
local size = $batch_size
local paid_on = "$today"
local threads = {}
local leds, loans, tokens = {}, {}, {}
for i, path in ipairs(paths) do
  local led, loan = path:match("/leds/([^/]+)/loans/([^/]+)/")
  if loans[led] == nil then
    table.insert(leds, led)
    loans[led] = {}
    tokens[led] = bearers[i]
  end
  table.insert(loans[led], loan)
end

LUA
    sed -n '/^function setup/,/^function request/{/^function request/d;p}' "$lua_script"
    cat <<'LUA'
function request()
  n = n + stride
  local led = leds[(n % #leds) + 1]
  local own = loans[led]
  local ops = {}
  for j = 1, size do
    local loan = own[((n * size + j) % #own) + 1]
    ops[j] = string.format('{"key":"%s-%d-%d-%d","op":"REPAYMENT","loanId":"%s","amount":"1000","paidOn":"%s"}',
      run_tag, tid, n, j, loan, paid_on)
  end
  return wrk.format("POST", "/api/v1/leds/" .. led .. "/batches", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[led],
  }, '{"operations":[' .. table.concat(ops, ",") .. ']}')
end

function response(status, headers, body)
  -- A result or its problem with a 3xx-5xx status: an operation was not written.
  local refused = body and body:find('"status":[345]%d%d')
  if status ~= 200 or refused then
    non2xx = non2xx + 1
    if first_bad == "" then first_bad = status .. " " .. string.sub(body or "", 1, 300) end
  end
end

LUA
    sed -n '/^function done/,$p' "$lua_script"
  } >"$batch_script"
fi

# --- the portfolio report (--portfolio) -----------------------------------------------------

# N loans in the first LED as KUB group loans of 100 shares (the way these funds lend): the members
# come in by one CSV import, each group's loan is applied, approved and disbursed together, the
# groups disbursed 0 to 239 days ago (so every class of the BANK table is met), every third group
# paying once today. Then the portfolio report is timed as of today and as of 30 days ago (a past
# day rebuilds the positions from the dated rows).
portfolio_reads() {
  local led_path=/api/v1/leds/${led_ids[0]} product clerk granted_on groups g k csv year members shares
  local group loan on status path out
  granted_on=$(TZ=Asia/Jakarta date -d '400 days ago' +%F)
  create "$led_path/grants" "{\"source\":\"APBD bench\",\"decreeNumber\":\"SK portfolio\",\"amount\":\"90000000000\",\"receivedOn\":\"$granted_on\"}" "${led_tokens[0]}" >/dev/null
  product=$(create "$led_path/loan-products" '{"name":"Bench weekly portfolio","interestMethod":"FLAT","interestRate":"1.5","ratePeriod":"MONTH","frequency":"WEEKLY","installments":50,"graceInstallments":0,"adminFeePercent":"1","penaltyRatePerDay":"0.1"}' "${led_tokens[0]}")
  clerk=$(token led-clerk --led "${led_ids[0]}" --sub bench-portfolio-clerk)
  groups=$(((portfolio_count + 99) / 100))
  log "creating $groups KUB groups and importing $portfolio_count members"
  for ((g = 0; g < groups; g++)); do
    create "$led_path/groups" "{\"name\":\"KUB Bench $g\"}" "$clerk" >/dev/null
  done
  csv=$bench_dir/portfolio-members-$stamp.csv
  {
    echo 'name,nik,gender,birthDate,hamlet,phone,groupName'
    for ((k = 0; k < portfolio_count; k++)); do
      # A NIK holds a 4-digit serial per birth date: the birth year moves every 9,000 members.
      year=$((60 + k / 9000))
      printf 'Anggota %d,1406014507%02d%04d,F,19%02d-07-05,Dusun 1,,KUB Bench %d\n' "$k" "$year" \
        $((k % 9000 + 1)) "$year" $((k / 100))
    done
  } >"$csv"
  status=$(curl -sS --max-time 120 -o "$bench_dir/portfolio-import-$stamp.json" -w '%{http_code}' -X POST \
    "$url$led_path/members:import" -H "Authorization: Bearer $clerk" -H 'Content-Type: text/csv' \
    --data-binary "@$csv")
  [ "$status" = 201 ] || die "importing the members answered $status: $(head -c 600 "$bench_dir/portfolio-import-$stamp.json")"
  log "applying, approving and disbursing $groups group loans of up to 100 shares"
  for ((g = 0; g < groups; g++)); do
    group=$(curl -fsS --max-time 30 "$url$led_path/groups?limit=500" -H "Authorization: Bearer $clerk" |
      jq -r --arg n "KUB Bench $g" '.items[] | select(.name == $n) | .id')
    [ -n "$group" ] || die "group KUB Bench $g not found"
    members=$(curl -fsS --max-time 30 "$url$led_path/members?groupId=$group&limit=500" -H "Authorization: Bearer $clerk")
    shares=$(jq -c '[.items[] | {memberId: .id, principal: "5000000"}]' <<<"$members")
    loan=$(create "$led_path/groups/$group/loans" "{\"productId\":\"$product\",\"purpose\":\"bench\",\"shares\":$shares}" "$clerk")
    curl -fsS --max-time 60 -o /dev/null -X POST "$url$led_path/groups/$group/loans/$loan/approval" \
      -H "Authorization: Bearer ${led_tokens[0]}" -H 'Content-Type: application/json' -d '{}' \
      || die "approving group loan $loan failed"
    on=$(TZ=Asia/Jakarta date -d "$(((g * 7) % 240)) days ago" +%F)
    create "$led_path/groups/$group/loans/$loan/disbursement" "{\"disbursedOn\":\"$on\"}" "${led_tokens[0]}" >/dev/null
    if [ $((g % 3)) -eq 0 ]; then
      create "$led_path/groups/$group/loans/$loan/repayments" "{\"amount\":\"5000000\",\"paidOn\":\"$today\"}" "$clerk" >/dev/null
    fi
  done
  [ -z "$service_db_for_analyze" ] || analyze_db "$service_db_for_analyze"
  echo
  echo "GET /portfolio over $portfolio_count loans ($groups group loans) in one LED (goal: < 500 ms):"
  for path in "$led_path/portfolio?asOf=$today" "$led_path/portfolio?asOf=$(TZ=Asia/Jakarta date -d '30 days ago' +%F)"; do
    curl -fsS --max-time 60 -o "$bench_dir/portfolio-$stamp.json" "$url$path" -H "Authorization: Bearer ${led_tokens[0]}" \
      || die "GET $path failed"
    printf '  (%s loans in the portfolio, PAR30 %s)\n' "$(jq .loans "$bench_dir/portfolio-$stamp.json")" \
      "$(jq -r .par.par30 "$bench_dir/portfolio-$stamp.json")"
    out=$bench_dir/wrk-$stamp-portfolio-$(date +%s%N).txt
    timeout 70 wrk --latency -t 1 -c 1 -d 10s -H "Authorization: Bearer ${led_tokens[0]}" "$url$path" >"$out" 2>&1 \
      || die "wrk GET failed; see $out"
    grep -q 'Non-2xx' "$out" && die "GET $path answered non-2xx; see $out"
    printf '  GET %-40s p50 %s  p99 %s  (%s requests/s)\n' "${path#"$led_path"}" \
      "$(awk '$1 == "50%" { print $2 }' "$out")" "$(awk '$1 == "99%" { print $2 }' "$out")" \
      "$(awk '/^Requests\/sec/ { print $2 }' "$out")"
  done
}

# --- the raw baseline ------------------------------------------------------------------------

if db_exists "$raw_db"; then
  dropdb -w --force -h "$db_host" -p "$db_port" -U "$db_user" "$raw_db"
fi
createdb -w -h "$db_host" -p "$db_port" -U "$db_user" -T template0 -E UTF8 "$raw_db"
created_raw_db=true
# Shaped like the service's tables (running balances on the account row, entry header, postings
# with foreign keys and the per-account index) minus the triggers and the hash chain: the floor
# of what one durable double-entry transfer costs in this PostgreSQL.
pg -d "$raw_db" <<SQL
CREATE TABLE account (
    id              integer PRIMARY KEY,
    led             integer NOT NULL,
    code            varchar(20) NOT NULL,
    debits_posted   numeric(20, 2) NOT NULL DEFAULT 0,
    credits_posted  numeric(20, 2) NOT NULL DEFAULT 0
);
CREATE TABLE transfer (
    id              bigserial PRIMARY KEY,
    led             integer NOT NULL,
    effective_date  date NOT NULL,
    recorded_at     timestamptz NOT NULL,
    description     varchar(500) NOT NULL
);
CREATE TABLE posting (
    transfer_id     bigint NOT NULL REFERENCES transfer (id),
    line            smallint NOT NULL CHECK (line > 0),
    account_id      integer NOT NULL REFERENCES account (id),
    side            varchar(6) NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
    amount          numeric(18, 2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (transfer_id, line)
);
CREATE INDEX posting_account ON posting (account_id, transfer_id);
-- Two accounts per LED, as the service's entries touch 5-1100 and 3-1200 of one LED.
INSERT INTO account (id, led, code)
SELECT 2 * l - 1 + k, l, CASE k WHEN 0 THEN '5-1100' ELSE '3-1200' END
  FROM generate_series(1, $led_count) l, generate_series(0, 1) k;
ANALYZE account, transfer, posting;
SQL

cat >"$raw_script" <<'SQL'
-- One double-entry transfer: the same rows contended as through the service (one LED's two
-- accounts), updated in id order so that concurrent transfers cannot deadlock.
\set led random(1, :leds)
\set debit 2 * :led - 1
\set credit 2 * :led
BEGIN;
UPDATE account SET debits_posted = debits_posted + 1000.00 WHERE id = :debit;
UPDATE account SET credits_posted = credits_posted + 1000.00 WHERE id = :credit;
INSERT INTO transfer (led, effective_date, recorded_at, description)
    VALUES (:led, current_date, now(), 'bench') RETURNING id AS transfer \gset
INSERT INTO posting (transfer_id, line, account_id, side, amount) VALUES (:transfer, 1, :debit, 'DEBIT', 1000.00);
INSERT INTO posting (transfer_id, line, account_id, side, amount) VALUES (:transfer, 2, :credit, 'CREDIT', 1000.00);
COMMIT;
SQL

# The comparison is only honest with durable commits on both sides.
sync_commit=$(pg -d "$raw_db" -Atc 'SHOW synchronous_commit')
fsync_setting=$(pg -d "$raw_db" -Atc 'SHOW fsync')
if [ "$sync_commit" = off ] || [ "$fsync_setting" = off ]; then
  die "the server runs with synchronous_commit=$sync_commit fsync=$fsync_setting; benchmark durable commits only"
fi

# --- runs ------------------------------------------------------------------------------------

# Prints "rate p50_ms p99_ms errors" for one wrk run; returns 1 when the run is invalid.
run_service() {
  local conns=$1 seconds=$2 tag=$3 idem=$4 script=${5:-$lua_script} out line t
  out=$bench_dir/wrk-$stamp-$tag.txt
  t=$((threads < conns ? threads : conns))
  # timeout: wrk stops by itself after -d; this only catches a wedged load generator.
  timeout $((seconds + 60)) wrk --latency -t "$t" -c "$conns" -d "${seconds}s" --timeout 10s \
    -s "$script" "$url" -- "$tag-$stamp" "$t" "$idem" >"$out" 2>&1 || {
    log "wrk failed; see $out"
    return 1
  }
  line=$(grep '^BENCH requests=' "$out") || {
    log "wrk printed no summary; see $out"
    return 1
  }
  awk -v line="$line" 'BEGIN {
      n = split(line, kv, /[ =]/)
      for (i = 2; i < n; i += 2) v[kv[i]] = kv[i + 1]
      printf "%.1f %.1f %.1f %d\n", v["requests"] * 1e6 / v["duration_us"], v["p50_us"] / 1000, v["p99_us"] / 1000,
        v["non2xx"] + v["socket_errors"]
    }'
  if grep -q 'non2xx=[1-9]\|socket_errors=[1-9]' <<<"$line"; then
    log "INVALID run ($tag): $line"
    grep '^BENCH first non-2xx' "$out" >&2 || true
    return 1
  fi
}

# Prints "tps p50_ms p99_ms errors" for one pgbench run (percentiles from its per-transaction log).
run_raw() {
  local clients=$1 seconds=$2 tag=$3 out prefix tps t
  out=$bench_dir/pgbench-$stamp-$tag.txt
  prefix=$bench_dir/pgbench-$stamp-$tag.log
  t=$((threads < clients ? threads : clients))
  # -M prepared: the service's JDBC driver uses server-side prepared statements too.
  timeout $((seconds + 60)) pgbench -n -h "$db_host" -p "$db_port" -U "$db_user" -c "$clients" -j "$t" \
    -T "$seconds" -M prepared -D leds="$led_count" -f "$raw_script" -l --log-prefix="$prefix" \
    "$raw_db" >"$out" 2>&1 || {
    log "pgbench failed; see $out"
    return 1
  }
  tps=$(awk '/^tps = / { print $3; exit }' "$out")
  [ -n "$tps" ] || {
    log "pgbench printed no tps; see $out"
    return 1
  }
  # Field 3 of pgbench's log is the transaction's latency in microseconds.
  cat "$prefix".* | awk '{ print $3 }' | sort -n | awk -v tps="$tps" '
      { v[NR] = $1 }
      END { printf "%.1f %.1f %.1f 0\n", tps, v[int(NR * 0.5) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000 }'
  rm -f "$prefix".*
}

max_c=0
for c in "${concurrencies[@]}"; do [ "$c" -gt "$max_c" ] && max_c=$c; done

if [ "$warmup" -gt 0 ]; then
  log "warming up: ${warmup}s service and ${warmup}s raw at $max_c connections (not measured)"
  run_service "$max_c" "$warmup" warmup 0 >/dev/null || die "warm-up run failed"
  if [ "$idempotency" = true ]; then
    # Fills idempotency_record before the ANALYZE below, for the same reason as the journal.
    log "warming up: ${warmup}s service with an Idempotency-Key per request (not measured)"
    run_service "$max_c" "$warmup" warmup-idem 1 >/dev/null || die "warm-up run with keys failed"
  fi
  if [ "$loan_count" -gt 0 ]; then
    log "warming up: ${warmup}s keyed repayments (not measured)"
    run_service "$max_c" "$warmup" warmup-repay 1 "$repay_script" >/dev/null || die "warm-up repayments failed"
  fi
  if [ "$batch_size" -gt 0 ]; then
    log "warming up: ${warmup}s field batches of $batch_size repayments (not measured)"
    run_service "$max_c" "$warmup" warmup-batch 1 "$batch_script" >/dev/null || die "warm-up batches failed"
  fi
  run_raw "$max_c" "$warmup" warmup >/dev/null || die "warm-up raw run failed"
fi

# Fresh statistics for both databases, as autovacuum would have gathered them by now on a default
# PostgreSQL. Some machines (this project's CI image among them) run with autovacuum = off; there,
# tables that were empty when a connection first planned its foreign-key checks and trigger
# queries keep those plans, and an empty table's plan may probe journal_entry through an index
# that only narrows by led_id — a cost that grows with every entry (docs/benchmarks.md); a
# statement prepared while idempotency_record was empty scans that table for every key looked up.
# ANALYZE replaces the stale plans in every open connection.
log "analyzing $raw_db$([ -n "$service_db_for_analyze" ] && echo " and $service_db_for_analyze")"
# (client_min_messages: the role may not analyze the shared catalogs and says so for each.)
analyze_db() { pg -d "$1" -c 'SET client_min_messages = error' -c ANALYZE; }
analyze_db "$raw_db"
[ -z "$service_db_for_analyze" ] || analyze_db "$service_db_for_analyze"

if [ "$portfolio_count" -gt 0 ]; then
  portfolio_reads
  [ "$portfolio_only" = false ] || exit 0
fi

printf 'round\tkind\tconcurrency\trate\tp50_ms\tp99_ms\terrors\n' >"$results"
kinds=(service)
[ "$idempotency" = true ] && kinds+=(service-idem)
[ "$loan_count" -gt 0 ] && kinds+=(repayment-idem)
[ "$batch_size" -gt 0 ] && kinds+=(batch-idem)
kinds+=(raw)

log "measuring: ${#concurrencies[@]} concurrencies x $rounds rounds x ${#kinds[@]} kinds x ${duration}s"
for ((round = 1; round <= rounds; round++)); do
  for c in "${concurrencies[@]}"; do
    for kind in "${kinds[@]}"; do
      case $kind in
        service) figures=$(run_service "$c" "$duration" "r$round-c$c" 0) || die "run $kind r$round c$c is invalid" ;;
        service-idem) figures=$(run_service "$c" "$duration" "r$round-c$c-idem" 1) || die "run $kind r$round c$c is invalid" ;;
        repayment-idem) figures=$(run_service "$c" "$duration" "r$round-c$c-repay" 1 "$repay_script") || die "run $kind r$round c$c is invalid" ;;
        # Operations per second: each request carries $batch_size of them.
        batch-idem) figures=$(run_service "$c" "$duration" "r$round-c$c-batch" 1 "$batch_script" |
          awk -v b="$batch_size" '{ printf "%.1f %s %s %s\n", $1 * b, $2, $3, $4 }') || die "run $kind r$round c$c is invalid"
          [ -n "$figures" ] || die "run $kind r$round c$c is invalid" ;;
        raw) figures=$(run_raw "$c" "$duration" "r$round-c$c") || die "run $kind r$round c$c failed" ;;
      esac
      read -r rate p50 p99 errors <<<"$figures"
      printf '%d\t%s\t%d\t%s\t%s\t%s\t%s\n' "$round" "$kind" "$c" "$rate" "$p50" "$p99" "$errors" >>"$results"
      log "round $round  $(printf '%-12s c=%-3d %9s/s  p50 %7s ms  p99 %7s ms' "$kind" "$c" "$rate" "$p50" "$p99")"
    done
  done
done

# Reads of one long loan: 10 years weekly (520 installments) with 500 repayments, each paying its
# installment on the day it falls due. Prints p50/p99 of GET /loans/{loanId} and of its schedule,
# one connection, 10 s each (the loan's state is kept, so neither may grow with its history).
long_loan_reads() {
  local led_path=/api/v1/leds/${led_ids[0]} member loan start product schedule k due amount path out
  start=$(TZ=Asia/Jakarta date -d '3640 days ago' +%F)
  product=$(create "$led_path/loan-products" '{"name":"Bench weekly 10 years","interestMethod":"DECLINING_BALANCE","interestRate":"18","ratePeriod":"YEAR","frequency":"WEEKLY","installments":520,"graceInstallments":0,"adminFeePercent":"0"}' "${led_tokens[0]}")
  member=$(create "$led_path/members" '{"name":"Anggota panjang","nik":"1406014507909999","gender":"F","birthDate":"1990-07-05"}' "${led_clerks[0]}")
  loan=$(create "$led_path/loans" "{\"memberId\":\"$member\",\"productId\":\"$product\",\"principal\":\"52000000\",\"purpose\":\"bench\"}" "${led_clerks[0]}")
  curl -fsS --max-time 30 -o /dev/null -X POST "$url$led_path/loans/$loan/approval" -H "Authorization: Bearer ${led_tokens[0]}" \
    -H 'Content-Type: application/json' -d '{}' || die "approving the long loan failed"
  create "$led_path/loans/$loan/disbursement" "{\"disbursedOn\":\"$start\"}" "${led_tokens[0]}" >/dev/null
  schedule=$(curl -fsS --max-time 30 "$url$led_path/loans/$loan/schedule" -H "Authorization: Bearer ${led_tokens[0]}")
  log "recording 500 repayments of the 520-installment loan"
  for ((k = 0; k < 500; k++)); do
    due=$(jq -r ".installments[$k].dueOn" <<<"$schedule")
    amount=$(jq -r ".installments[$k].total" <<<"$schedule")
    create "$led_path/loans/$loan/repayments" "{\"amount\":\"$amount\",\"paidOn\":\"$due\"}" "${led_clerks[0]}" >/dev/null
  done
  echo
  echo "Reads of a 520-installment weekly loan with 500 repayments (goal: < 30 ms):"
  for path in "$led_path/loans/$loan" "$led_path/loans/$loan/schedule"; do
    out=$bench_dir/wrk-$stamp-read-$(basename "$path").txt
    timeout 70 wrk --latency -t 1 -c 1 -d 10s -H "Authorization: Bearer ${led_tokens[0]}" "$url$path" >"$out" 2>&1 \
      || die "wrk GET failed; see $out"
    grep -q 'Non-2xx' "$out" && die "GET $path answered non-2xx; see $out"
    printf '  GET %-40s p50 %s  p99 %s  (%s requests/s)\n' "${path#"$led_path"}" \
      "$(awk '$1 == "50%" { print $2 }' "$out")" "$(awk '$1 == "99%" { print $2 }' "$out")" \
      "$(awk '/^Requests\/sec/ { print $2 }' "$out")"
  done
}

# --- medians ---------------------------------------------------------------------------------

median() { # kind concurrency column
  awk -F'\t' -v k="$1" -v c="$2" -v col="$3" 'NR > 1 && $2 == k && $3 == c { print $col }' "$results" |
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo
echo "Medians of $rounds interleaved rounds, ${duration}s each, $led_count LEDs, $(date -u +%FT%TZ):"
printf '%-11s %14s %9s %9s %11s %9s %9s %7s\n' concurrency 'service e/s' 'p50 ms' 'p99 ms' 'raw tx/s' 'raw p50' 'raw p99' ratio
for c in "${concurrencies[@]}"; do
  s=$(median service "$c" 4)
  r=$(median raw "$c" 4)
  printf '%-11s %14s %9s %9s %11s %9s %9s %7s\n' "$c" "$s" "$(median service "$c" 5)" "$(median service "$c" 6)" \
    "$r" "$(median raw "$c" 5)" "$(median raw "$c" 6)" "$(awk -v s="$s" -v r="$r" 'BEGIN { printf "%.2f", s / r }')"
done
if [ "$idempotency" = true ]; then
  echo
  echo "With an Idempotency-Key per request:"
  printf '%-11s %14s %9s %9s %7s\n' concurrency 'service e/s' 'p50 ms' 'p99 ms' ratio
  for c in "${concurrencies[@]}"; do
    s=$(median service-idem "$c" 4)
    r=$(median raw "$c" 4)
    printf '%-11s %14s %9s %9s %7s\n' "$c" "$s" "$(median service-idem "$c" 5)" "$(median service-idem "$c" 6)" \
      "$(awk -v s="$s" -v r="$r" 'BEGIN { printf "%.2f", s / r }')"
  done
fi

if [ "$loan_count" -gt 0 ]; then
  echo
  echo "Keyed loan repayments over $loan_count disbursed loans (goal at 16: >= 0.25 x raw, p99 < 50 ms):"
  printf '%-11s %14s %9s %9s %7s\n' concurrency 'repayments/s' 'p50 ms' 'p99 ms' ratio
  for c in "${concurrencies[@]}"; do
    s=$(median repayment-idem "$c" 4)
    r=$(median raw "$c" 4)
    printf '%-11s %14s %9s %9s %7s\n' "$c" "$s" "$(median repayment-idem "$c" 5)" "$(median repayment-idem "$c" 6)" \
      "$(awk -v s="$s" -v r="$r" 'BEGIN { printf "%.2f", s / r }')"
  done
  if [ "$batch_size" -gt 0 ]; then
    echo
    echo "The same repayments as field batches of $batch_size (goal at 4: >= 1.5 x raw operations/s, batch p99 < 500 ms):"
    printf '%-11s %14s %9s %9s %7s\n' concurrency 'operations/s' 'p50 ms' 'p99 ms' ratio
    for c in "${concurrencies[@]}"; do
      s=$(median batch-idem "$c" 4)
      r=$(median raw "$c" 4)
      printf '%-11s %14s %9s %9s %7s\n' "$c" "$s" "$(median batch-idem "$c" 5)" "$(median batch-idem "$c" 6)" \
        "$(awk -v s="$s" -v r="$r" 'BEGIN { printf "%.2f", s / r }')"
    done
  fi
  long_loan_reads
fi

# The issue's goal: through the service at least half the raw rate of the same run, and p99
# under 50 ms at 16 connections.
echo
if awk -F'\t' 'NR > 1 && $3 == 16 { found = 1 } END { exit !found }' "$results"; then
  s=$(median service 16 4)
  r=$(median raw 16 4)
  p99=$(median service 16 6)
  if awk -v s="$s" -v r="$r" -v p="$p99" 'BEGIN { exit !(s >= r / 2 && p < 50) }'; then
    echo "Goal at 16 connections (service >= 0.5 x raw, p99 < 50 ms): MET ($s vs $r/s, p99 $p99 ms)"
  else
    echo "Goal at 16 connections (service >= 0.5 x raw, p99 < 50 ms): NOT MET ($s vs $r/s, p99 $p99 ms)"
  fi
fi
echo "Per-run figures: $results"
