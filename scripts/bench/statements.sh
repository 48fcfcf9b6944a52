#!/usr/bin/env bash
# Benchmarks the statements of issue 12 over one LED with 1,000,000 postings: trial balance and
# balance sheet as of today and of a past date, a 100-line page of the cash account's ledger (first
# page and a deep page by cursor) and the balance sheet as PDF, each beside the plain SQL a minimal
# version of it needs, timed with pgbench on the same data in the same rounds. See docs/benchmarks.md.
#
# Usage: scripts/bench/statements.sh [options]
#   --port N           port of the service this script starts (default 18190)
#   --entries N        two-line entries the generator writes (default 500000 = 1,000,000 postings)
#   --batch N          entries per append statement and transaction (default 5000)
#   --years N          years of effective dates, ending today (default 5)
#   --rounds N         interleaved service/raw rounds (default 5)
#   --requests N       timed requests per measure and round, one connection (default 20)
#   --warmup N         unmeasured requests per measure first, for the JIT and caches (default 60)
#   --reuse            measure again the LED of a database kept by an earlier --keep run: no
#                      generation; that database is left as it is
#   --keep             keep the database afterwards (for --reuse)
#   -h, --help         this text
#
# BENCH_DB (environment) renames the scratch database (default lumbung_stbench), so that two
# checkouts can benchmark on one PostgreSQL at once. BENCH_JVM_OPTS is passed to the service's JVM.
#
# What it does:
#   1. Builds the application if missing or stale, creates the database (as role lumbung), starts
#      target/quarkus-app/quarkus-run.jar with the dev profile on 127.0.0.1:PORT (log in
#      target/bench/), waits for /q/health/ready.
#   2. Creates a district and an LED through the API, and through the API the accounts an LED adds
#      itself (a petty-cash box under cash, two expense accounts, a rental income account).
#   3. Runs the generator (src/test/java/id/lumbung/ledger/BenchPostingGenerator.java): --entries
#      two-line entries through the ledger's own append statement, batches of --batch, each in one
#      transaction holding the LED's journal head, every trigger and check in force. Then checks that
#      the books tie (postings = running totals = daily movements, per account) and that the chain
#      links, runs VACUUM ANALYZE, and asks the service to verify every hash (GET
#      /journal/verification; a failure there is reported, not fatal).
#   4. Warms up, then per round and measure: --requests sequential GETs over one kept-alive curl
#      connection (an auditor token), then the raw baseline's pgbench (-c 1, -M prepared) with as
#      many transactions. Any non-2xx answer stops the benchmark.
#   5. Prints median and p95 per measure (all rounds' requests together), the goal, the raw median
#      and the ratio; per-request times are in target/bench/statements-*-samples.tsv, per-round
#      medians in target/bench/statements-*-rounds.tsv.
#   At exit (also on Ctrl-C) it stops the service and drops the database unless --keep.
#   Everything it talks to is on 127.0.0.1.
#
# Needs: pgbench and psql (postgresql-client), curl, jq, a JDK 21+.
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
  printf 'statements: ERROR: %s\n' "$*" >&2
  exit 1
}
log() { printf 'statements: %s\n' "$*" >&2; }

# --- options ---------------------------------------------------------------------------------

port=18190
entries=500000
batch=5000
years=5
rounds=5
requests=20
warmup=60
reuse=false
keep=false

positive() {
  case $2 in
    "" | *[!0-9]* | 0*) die "$1 needs a positive whole number, not '$2'" ;;
  esac
}

while [ $# -gt 0 ]; do
  case $1 in
    --port | --entries | --batch | --years | --rounds | --requests | --warmup)
      [ $# -ge 2 ] || die "$1 needs a value"
      case $1 in
        --warmup) case $2 in "" | *[!0-9]*) die "--warmup needs a whole number" ;; esac ;;
        *) positive "$1" "$2" ;;
      esac
      case $1 in
        --port) port=$2 ;;
        --entries) entries=$2 ;;
        --batch) batch=$2 ;;
        --years) years=$2 ;;
        --rounds) rounds=$2 ;;
        --requests) requests=$2 ;;
        --warmup) warmup=$2 ;;
      esac
      shift 2
      ;;
    --reuse) reuse=true; shift ;;
    --keep) keep=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option '$1'" ;;
  esac
done

# Hard ceilings keep a typo from running for hours.
[ "$entries" -ge 100 ] || die "--entries needs at least 100"
[ "$entries" -le 5000000 ] || die "--entries is capped at 5000000"
[ "$batch" -le 20000 ] || die "--batch is capped at 20000"
[ "$years" -le 20 ] || die "--years is capped at 20"
[ "$rounds" -le 20 ] || die "--rounds is capped at 20"
[ "$requests" -le 500 ] || die "--requests is capped at 500"
[ "$warmup" -le 2000 ] || die "--warmup is capped at 2000"

for tool in pgbench psql createdb dropdb curl jq base64; do
  command -v "$tool" >/dev/null 2>&1 || die "missing $tool; install postgresql-client, curl, jq, coreutils"
done

# --- PostgreSQL ------------------------------------------------------------------------------

db_host=127.0.0.1
db_port=5432
db_user=lumbung
export PGPASSWORD=lumbung PGCONNECT_TIMEOUT=5
service_db=${BENCH_DB:-lumbung_stbench}

pg() { psql -X -w -q -v ON_ERROR_STOP=1 -h "$db_host" -p "$db_port" -U "$db_user" "$@"; }
db_exists() { [ "$(pg -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }
sql() { pg -d "$service_db" -Atc "$1"; }

# --- state and cleanup -----------------------------------------------------------------------

bench_dir=$repo_root/target/bench
mkdir -p "$bench_dir"
stamp=$(date +%Y%m%d-%H%M%S)
samples=$bench_dir/statements-$stamp-samples.tsv
per_round=$bench_dir/statements-$stamp-rounds.tsv
service_log=$bench_dir/quarkus-statements-$stamp.log
service_pid=""
created_service_db=false

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
  if [ "$keep" = false ] && [ "$created_service_db" = true ]; then
    # --force: a stray connection (psql of a curious user) must not leave the scratch db behind.
    dropdb -w --force --if-exists -h "$db_host" -p "$db_port" -U "$db_user" "$service_db" && log "dropped $service_db"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the service -----------------------------------------------------------------------------

url=http://127.0.0.1:$port
if curl -s -o /dev/null --max-time 2 "$url/q/health" 2>/dev/null; then
  die "something already answers on $url; stop it or pass --port"
fi
lumbung_find_java
# The generator runs from the test classes, which the package build compiles too.
if lumbung_build_stale || [ ! -f target/test-classes/id/lumbung/ledger/BenchPostingGenerator.class ]; then
  lumbung_build
fi
if [ "$reuse" = true ]; then
  db_exists "$service_db" || die "--reuse needs the database $service_db of an earlier --keep run"
  log "reusing database $service_db"
else
  if db_exists "$service_db"; then
    die "database $service_db exists; drop it, set BENCH_DB, or pass --reuse to measure its LED again"
  fi
  createdb -w -h "$db_host" -p "$db_port" -U "$db_user" -T template0 -E UTF8 "$service_db"
  log "created database $service_db"
  created_service_db=true
fi

log "starting the service on $url (log: $service_log)"
# shellcheck disable=SC2086 # BENCH_JVM_OPTS is a list of options
QUARKUS_PROFILE=dev \
  QUARKUS_HTTP_PORT=$port \
  QUARKUS_HTTP_HOST=127.0.0.1 \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$db_host:$db_port/$service_db \
  QUARKUS_DATASOURCE_USERNAME=$db_user \
  QUARKUS_DATASOURCE_PASSWORD=$PGPASSWORD \
  java ${BENCH_JVM_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >"$service_log" 2>&1 &
service_pid=$!
deadline=$((SECONDS + 180))
until curl -fs -o /dev/null --max-time 2 "$url/q/health/ready"; do
  kill -0 "$service_pid" 2>/dev/null || die "the service exited during start; see $service_log"
  [ "$SECONDS" -lt "$deadline" ] || die "the service was not ready within 180 s; see $service_log"
  sleep 1
done
log "service ready (pid $service_pid)"

# --- fixtures: a district, the LED, its own accounts -----------------------------------------

token() { bash scripts/dev-token.sh "$@"; }

# POSTs JSON and prints the answer; anything but 201 stops the benchmark.
post() {
  local path=$1 body=$2 bearer=$3 response status
  response=$(curl -sS --max-time 30 -w '\n%{http_code}' -X POST "$url$path" \
    -H "Authorization: Bearer $bearer" -H 'Content-Type: application/json' -d "$body")
  status=${response##*$'\n'}
  [ "$status" = 201 ] || die "POST $path answered $status: ${response%$'\n'*}"
  printf '%s\n' "${response%$'\n'*}"
}

get_json() {
  curl -fsS --max-time 600 "$url$1" -H "Authorization: Bearer $2" || die "GET $1 failed"
}

led_code=stbench
if [ "$reuse" = true ]; then
  led_id=$(sql "SELECT id FROM led WHERE code = '$led_code' ORDER BY created_at DESC LIMIT 1")
  [ -n "$led_id" ] || die "no LED $led_code in $service_db to reuse"
else
  admin_token=$(token admin --sub bench-admin)
  district_id=$(post /api/v1/districts '{"code":"stbench","name":"Kabupaten Bench"}' "$admin_token" | jq -r .id)
  led_id=$(post /api/v1/leds "{\"districtId\":\"$district_id\",\"code\":\"$led_code\",\"name\":\"LED Bench Sejahtera\",\"village\":\"Desa Bench\"}" "$admin_token" | jq -r .id)
fi
manager_token=$(token led-manager --led "$led_id" --sub bench-manager)
auditor_token=$(token auditor --led "$led_id" --sub bench-auditor)
led_path=/api/v1/leds/$led_id

# The system accounts by purpose, as an integration finds them: an LED's codes may differ.
chart=$(get_json "$led_path/accounts?limit=500" "$manager_token")
code_of() { jq -r --arg p "$1" '.items[] | select(.purpose == $p) | .code' <<<"$chart"; }
cash_code=$(code_of CASH)
[ -n "$cash_code" ] || die "the LED has no CASH account"

if [ "$reuse" = false ]; then
  log "adding the LED's own accounts"
  post "$led_path/accounts" "{\"code\":\"1-1110\",\"name\":\"Kas Kecil\",\"type\":\"ASSET\",\"noNegative\":true,\"parentCode\":\"$cash_code\"}" "$manager_token" >/dev/null
  post "$led_path/accounts" "{\"code\":\"5-1110\",\"name\":\"Beban Alat Tulis Kantor\",\"type\":\"EXPENSE\",\"parentCode\":\"$(code_of OPERATING_EXPENSE)\"}" "$manager_token" >/dev/null
  post "$led_path/accounts" "{\"code\":\"5-1120\",\"name\":\"Beban Transportasi Lapangan\",\"type\":\"EXPENSE\",\"parentCode\":\"$(code_of OPERATING_EXPENSE)\"}" "$manager_token" >/dev/null
  post "$led_path/accounts" "{\"code\":\"4-1910\",\"name\":\"Pendapatan Sewa Tenda dan Kursi\",\"type\":\"INCOME\",\"parentCode\":\"$(code_of OTHER_INCOME)\"}" "$manager_token" >/dev/null

  # --- the books: the generator through the ledger's append statement ------------------------
  log "generating $entries entries ($((2 * entries)) postings) over $years years, batches of $batch"
  app=target/quarkus-app
  generation_started=$SECONDS
  java -cp "target/test-classes:target/classes:$app/lib/main/*" id.lumbung.ledger.BenchPostingGenerator \
    --jdbc "jdbc:postgresql://$db_host:$db_port/$service_db" --user "$db_user" --password "$PGPASSWORD" \
    --led "$led_id" --entries "$entries" --batch "$batch" --years "$years" \
    || die "the generator failed"
  log "generated in $((SECONDS - generation_started)) s"
fi

# The books must tie before anything is timed: per account, the postings' sums equal the running
# totals and the daily movements (one full read of the postings, once).
untied=$(sql "
  WITH p AS (SELECT account_id, sum(amount) FILTER (WHERE side = 'DEBIT') AS d,
                    sum(amount) FILTER (WHERE side = 'CREDIT') AS c
               FROM posting WHERE led_id = '$led_id' GROUP BY account_id),
       m AS (SELECT account_id, sum(debits) AS d, sum(credits) AS c
               FROM account_daily_movement WHERE led_id = '$led_id' GROUP BY account_id)
  SELECT count(*) FROM account a LEFT JOIN p ON p.account_id = a.id LEFT JOIN m ON m.account_id = a.id
   WHERE a.led_id = '$led_id'
     AND (coalesce(p.d, 0) <> a.debits_posted OR coalesce(p.c, 0) <> a.credits_posted
          OR coalesce(m.d, 0) <> a.debits_posted OR coalesce(m.c, 0) <> a.credits_posted)")
[ "$untied" = 0 ] || die "$untied accounts' postings, running totals and daily movements differ"
log "the books tie: postings = running totals = daily movements for every account"

# The chain's links and numbering in SQL (each entry names its predecessor's hash, numbers 1..N)...
broken_links=$(sql "
  SELECT count(*) FROM journal_entry e
    LEFT JOIN journal_entry p ON p.led_id = e.led_id AND p.number = e.number - 1
   WHERE e.led_id = '$led_id'
     AND e.previous_hash <> coalesce(p.hash, CASE WHEN e.number = 1 THEN repeat('0', 64) END)")
[ "$broken_links" = 0 ] || die "$broken_links entries do not link to their predecessor's hash"
log "the chain links: every entry names its predecessor's hash"
log "VACUUM ANALYZE"
pg -d "$service_db" -c 'SET client_min_messages = error' -c 'VACUUM ANALYZE'

# ...and every hash recomputed by the service, after the ANALYZE: before it the journal's tables
# have no statistics (autovacuum off, as on this project's machines) and the walk over 500,000
# entries ran out of the service's 60 s transaction timeout (8 s after it). It runs in one
# transaction under that timeout, so a failure is reported, not fatal: it says nothing about the
# statements measured here.
verify_started=$SECONDS
verify_out=$bench_dir/statements-$stamp-verification.json
verify_status=$(curl -sS --max-time 900 -o "$verify_out" -w '%{http_code}' "$url$led_path/journal/verification" \
  -H "Authorization: Bearer $manager_token") || die "GET /journal/verification failed"
if [ "$verify_status" = 200 ]; then
  [ "$(jq -r .valid "$verify_out")" = true ] || die "the hash chain does not verify: $(cat "$verify_out")"
  log "hash chain verified by the service: $(jq -r .entries "$verify_out") entries in $((SECONDS - verify_started)) s"
else
  log "WARNING: GET /journal/verification answered $verify_status after $((SECONDS - verify_started)) s" \
    "(see $service_log); the hashes were not re-verified"
fi

# --- the data's shape ------------------------------------------------------------------------

cash_id=$(sql "SELECT id FROM account WHERE led_id = '$led_id' AND code = '$cash_code'")
IFS='|' read -r entry_count first_day last_day back_dated <<<"$(sql "
  SELECT count(*), min(effective_date), max(effective_date),
         count(*) FILTER (WHERE effective_date < latest_before)
    FROM (SELECT effective_date, max(effective_date) OVER (ORDER BY number ROWS BETWEEN UNBOUNDED PRECEDING
                 AND 1 PRECEDING) AS latest_before FROM journal_entry WHERE led_id = '$led_id') e")"
posting_count=$(sql "SELECT count(*) FROM posting WHERE led_id = '$led_id'")
cash_postings=$(sql "SELECT count(*) FROM posting WHERE led_id = '$led_id' AND account_id = '$cash_id'")
movement_rows=$(sql "SELECT count(*) FROM account_daily_movement WHERE led_id = '$led_id'")
account_count=$(sql "SELECT count(*) FROM account WHERE led_id = '$led_id'")
log "data: $entry_count entries, $posting_count postings, $account_count accounts, $movement_rows daily-movement rows,"
log "      effective dates $first_day to $last_day, $back_dated back-dated; cash ($cash_code): $cash_postings postings"

# --- the measures ----------------------------------------------------------------------------

today=$(sql "SELECT (now() AT TIME ZONE 'Asia/Jakarta')::date")
# A past date in the middle of a month two years back, as an auditor's question would be.
past=$(sql "SELECT (date_trunc('month', '$today'::date - interval '2 years') + interval '14 days')::date")
past_year_end=$(sql "SELECT make_date(extract(year FROM '$past'::date)::int - 1, 12, 31)")
today_year_end=$(sql "SELECT make_date(extract(year FROM '$today'::date)::int - 1, 12, 31)")
year_start=$(sql "SELECT date_trunc('year', '$today'::date)::date")
# The deep page starts after a real posting of the cash account half-way through the history.
mid_day=$(sql "SELECT '$first_day'::date + ('$last_day'::date - '$first_day'::date) / 2")
IFS='|' read -r deep_day deep_number deep_line <<<"$(sql "
  SELECT effective_date, entry_number, line FROM posting
   WHERE led_id = '$led_id' AND account_id = '$cash_id' AND effective_date >= '$mid_day'
   ORDER BY effective_date, entry_number, line LIMIT 1")"
[ -n "$deep_number" ] || die "no cash posting on or after $mid_day"
# The cursor as the service encodes it (PostingKey.cursor): base64url of day:number:line, unpadded.
deep_cursor=$(printf '%s:%s:%s' "$deep_day" "$deep_number" "$deep_line" | base64 -w0 | tr '+/' '-_' | tr -d '=')

measures=(tb-today tb-past bs-today bs-past ledger-first ledger-deep pdf-bs-today)
declare -A goal_ms=([tb-today]=100 [tb-past]=500 [bs-today]=100 [bs-past]=500 [ledger-first]=50
  [ledger-deep]=50 [pdf-bs-today]=1000)
declare -A label=(
  [tb-today]="trial balance, today"
  [tb-past]="trial balance, $past"
  [bs-today]="balance sheet, today"
  [bs-past]="balance sheet, $past"
  [ledger-first]="ledger $cash_code, first page (100)"
  [ledger-deep]="ledger $cash_code, deep page (100)"
  [pdf-bs-today]="balance sheet PDF, today")
declare -A path=(
  [tb-today]="$led_path/statements/trial-balance?asOf=$today"
  [tb-past]="$led_path/statements/trial-balance?asOf=$past"
  [bs-today]="$led_path/statements/balance-sheet?asOf=$today"
  [bs-past]="$led_path/statements/balance-sheet?asOf=$past"
  [ledger-first]="$led_path/accounts/$cash_code/ledger?limit=100"
  [ledger-deep]="$led_path/accounts/$cash_code/ledger?from=$first_day&limit=100&after=$deep_cursor"
  [pdf-bs-today]="$led_path/statements/balance-sheet?asOf=$today")
declare -A accept=([pdf-bs-today]=application/pdf)

# One probe per measure, so that a wrong request fails here with its answer, not as a bad round.
for m in "${measures[@]}"; do
  probe=$bench_dir/statements-$stamp-probe-$m.out
  status=$(curl -sS --max-time 60 -o "$probe" -w '%{http_code}' "$url${path[$m]}" \
    -H "Authorization: Bearer $auditor_token" -H "Accept: ${accept[$m]:-application/json}")
  [ "$status" = 200 ] || die "GET ${path[$m]} answered $status: $(head -c 500 "$probe")"
done
[ "$(head -c 4 "$bench_dir/statements-$stamp-probe-pdf-bs-today.out")" = %PDF ] || die "the PDF probe is not a PDF"
tb=$bench_dir/statements-$stamp-probe-tb-today.out
[ "$(jq -r '.totals.debit == .totals.credit' "$tb")" = true ] || die "the trial balance's totals differ"
[ "$(jq -r '.chainHead.number' "$tb")" = "$entry_count" ] || die "the trial balance's head is not the last entry"
[ "$(jq '.lines | length' "$bench_dir/statements-$stamp-probe-ledger-deep.out")" = 100 ] \
  || die "the deep ledger page does not have 100 lines"

# The raw baseline: the plain SQL a minimal version of each measure needs, nothing of the service's.
# A trial balance: per account, the daily movements summed up to the day. A balance sheet: that
# twice (the day and the previous year-end, its comparative column). A ledger page: the 101 postings
# after the cursor through the V19 index, with their entries' descriptions.
raw_sums() {
  cat <<'SQL'
SELECT a.id, a.code, coalesce(m.debits, 0), coalesce(m.credits, 0)
  FROM account a
  LEFT JOIN (SELECT account_id, sum(debits) AS debits, sum(credits) AS credits
               FROM account_daily_movement WHERE led_id = :led::uuid AND day <= :asof::date
              GROUP BY account_id) m ON m.account_id = a.id
 WHERE a.led_id = :led::uuid ORDER BY a.code;
SQL
}
raw_page() {
  cat <<'SQL'
SELECT p.effective_date, p.entry_number, p.line, p.side, p.amount, e.description
  FROM posting p JOIN journal_entry e ON e.led_id = p.led_id AND e.id = p.entry_id
 WHERE p.led_id = :led::uuid AND p.account_id = :cash::uuid
   AND (p.effective_date, p.entry_number, p.line) > (:day::date, :number, :line)
   AND p.effective_date <= :to::date
 ORDER BY p.effective_date, p.entry_number, p.line LIMIT 101;
SQL
}
declare -A raw_file raw_vars
for m in "${measures[@]}"; do raw_file[$m]=$bench_dir/statements-$stamp-raw-$m.sql; done
raw_sums >"${raw_file[tb-today]}"
raw_sums >"${raw_file[tb-past]}"
{ raw_sums; sed 's/:asof::/:prev::/' <(raw_sums); } >"${raw_file[bs-today]}"
cp "${raw_file[bs-today]}" "${raw_file[bs-past]}"
cp "${raw_file[bs-today]}" "${raw_file[pdf-bs-today]}"
raw_page >"${raw_file[ledger-first]}"
raw_page >"${raw_file[ledger-deep]}"
raw_vars=(
  [tb-today]="-D asof=$today"
  [tb-past]="-D asof=$past"
  [bs-today]="-D asof=$today -D prev=$today_year_end"
  [bs-past]="-D asof=$past -D prev=$past_year_end"
  [pdf-bs-today]="-D asof=$today -D prev=$today_year_end"
  [ledger-first]="-D cash=$cash_id -D day=$year_start -D number=0 -D line=0 -D to=$today"
  [ledger-deep]="-D cash=$cash_id -D day=$deep_day -D number=$deep_number -D line=$deep_line -D to=$today")

# Times n GETs of a measure over one connection (curl reuses it for every URL of one call); prints
# one latency in ms per line. Any answer but 200 stops the benchmark.
run_service() {
  local m=$1 n=$2 args=() i out
  for ((i = 0; i < n; i++)); do args+=(-o /dev/null "$url${path[$m]}"); done
  out=$(curl -sS --max-time 600 -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $auditor_token" \
    -H "Accept: ${accept[$m]:-application/json}" "${args[@]}") || die "curl failed on $m"
  if awk '$1 != 200 { bad = 1 } END { exit !bad }' <<<"$out"; then
    die "$m answered non-2xx: $(awk '$1 != 200 { print $1 }' <<<"$out" | sort | uniq -c | tr '\n' ' ')"
  fi
  awk '{ printf "%.3f\n", $2 * 1000 }' <<<"$out"
}

# Runs n transactions of a measure's raw SQL with pgbench (-c 1, prepared); prints ms per line.
run_raw() {
  local m=$1 n=$2 prefix=$bench_dir/pgbench-statements-$stamp-$1-log out
  out=$bench_dir/pgbench-statements-$stamp-$m.txt
  # shellcheck disable=SC2086 # raw_vars holds several -D options
  timeout 600 pgbench -n -h "$db_host" -p "$db_port" -U "$db_user" -c 1 -j 1 -t "$n" -M prepared \
    -D led="$led_id" ${raw_vars[$m]} -f "${raw_file[$m]}" -l --log-prefix="$prefix" "$service_db" >"$out" 2>&1 \
    || die "pgbench failed on $m; see $out"
  # Field 3 of pgbench's per-transaction log is the latency in microseconds.
  cat "$prefix".* | awk '{ printf "%.3f\n", $3 / 1000 }'
  rm -f "$prefix".*
}

if [ "$warmup" -gt 0 ]; then
  log "warming up: $warmup requests and $warmup raw transactions per measure (not measured)"
  for m in "${measures[@]}"; do
    run_service "$m" "$warmup" >/dev/null
    run_raw "$m" "$warmup" >/dev/null
  done
fi

printf 'round\tmeasure\tkind\tms\n' >"$samples"
printf 'round\tmeasure\tkind\tn\tmedian_ms\tp95_ms\tmax_ms\n' >"$per_round"
# Prints "median p95 max" of the numbers on stdin (nearest rank).
stats() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "- - -"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    p = int(NR * 0.95 + 0.999999); if (p > NR) p = NR
    printf "%.1f %.1f %.1f\n", m, v[p], v[NR] }'
}

log "measuring: $rounds rounds x ${#measures[@]} measures x $requests requests, service then raw"
for ((round = 1; round <= rounds; round++)); do
  for m in "${measures[@]}"; do
    for kind in service raw; do
      if [ "$kind" = service ]; then times=$(run_service "$m" "$requests"); else times=$(run_raw "$m" "$requests"); fi
      awk -v r="$round" -v m="$m" -v k="$kind" '{ printf "%d\t%s\t%s\t%s\n", r, m, k, $1 }' <<<"$times" >>"$samples"
      read -r med p95 max <<<"$(stats <<<"$times")"
      printf '%d\t%s\t%s\t%d\t%s\t%s\t%s\n' "$round" "$m" "$kind" "$requests" "$med" "$p95" "$max" >>"$per_round"
    done
    log "round $round  $(printf '%-13s service median %8s ms   raw median %7s ms' "$m" \
      "$(awk -F'\t' -v r="$round" -v m="$m" '$1 == r && $2 == m && $3 == "service" { print $5 }' "$per_round")" \
      "$(awk -F'\t' -v r="$round" -v m="$m" '$1 == r && $2 == m && $3 == "raw" { print $5 }' "$per_round")")"
  done
done

# --- report ----------------------------------------------------------------------------------

pooled() { awk -F'\t' -v m="$1" -v k="$2" 'NR > 1 && $2 == m && $3 == k { print $4 }' "$samples" | stats; }

echo
echo "Statements over $posting_count postings ($entry_count entries, $first_day to $last_day) in one LED,"
echo "$rounds interleaved rounds x $requests requests per measure, 1 connection, $(date -u +%FT%TZ):"
printf '%-36s %9s %9s %9s %8s %9s %9s %7s  %s\n' measure 'median ms' 'p95 ms' 'max ms' 'goal ms' 'raw med' 'raw p95' ratio verdict
all_met=true
for m in "${measures[@]}"; do
  read -r s_med s_p95 s_max <<<"$(pooled "$m" service)"
  read -r r_med r_p95 _ <<<"$(pooled "$m" raw)"
  goal=${goal_ms[$m]}
  verdict=$(awk -v med="$s_med" -v p95="$s_p95" -v g="$goal" 'BEGIN {
    if (p95 < g) print "met"; else if (med < g) print "median only"; else print "NOT MET" }')
  [ "$verdict" = met ] || all_met=false
  printf '%-36s %9s %9s %9s %8s %9s %9s %7s  %s\n' "${label[$m]}" "$s_med" "$s_p95" "$s_max" "< $goal" "$r_med" \
    "$r_p95" "$(awk -v s="$s_med" -v r="$r_med" 'BEGIN { if (r > 0) printf "%.1f", s / r; else print "-" }')" "$verdict"
done
echo
if [ "$all_met" = true ]; then
  echo "Goals (issue 12, judged on p95): MET"
else
  echo "Goals (issue 12, judged on p95): NOT ALL MET"
fi
echo "Per-request times: $samples"
echo "Per-round medians: $per_round"
