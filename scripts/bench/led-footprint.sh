#!/usr/bin/env bash
# Measures what one typical LED costs the database: the rows and bytes a year of its work leaves in
# every table, and the writes of its evening syncs (WAL bytes, statements, transactions, rows and CPU per
# synced operation). The figures behind docs/scaling.md.
#
# Usage: scripts/bench/led-footprint.sh [options]
#   --port N         HTTP port of the service this script starts (default 18121)
#   --proxy-port N   port of the statement-counting relay between the service and PostgreSQL (default 18122)
#   --members N      members of the LED (default 150; KUB groups of 15)
#   --loans N        loans disbursed a year (default 60; monthly, 10 or 12 monthly installments)
#   --seed N         seed of the simulation's random choices (default 20261204)
#   --keep           keep the database afterwards
#   -h, --help       this text
#
# FOOTPRINT_DB (environment) names the scratch database (default lumbung_footprint).
#
# What it does:
#   1. Builds the application if missing or stale, creates the database FOOTPRINT_DB (as role lumbung;
#      an existing one is an error, never reused).
#   2. Starts the relay (scripts/bench/LedFootprint.java proxy) on 127.0.0.1:PROXY_PORT: it passes the
#      service's connections through to PostgreSQL and counts every statement and transaction they run.
#   3. Starts target/quarkus-app/quarkus-run.jar with the dev profile on 127.0.0.1:PORT against the
#      database through the relay (log in target/bench/), waits for /q/health/ready.
#   4. Runs the simulation (LedFootprint.java simulate): two years of one LED through the API, day by
#      day up to today, the second measured (it starts with the first year's loans still running) —
#      groups and members (one CSV import), two loan products, two grants a year, loans applied,
#      approved, disbursed and repaid installment by installment (one in ten a week late), weekly savings
#      at every KUB meeting and a few withdrawals, quarterly swadaya, monthly expenses, cash-to-bank
#      transfers, provisions and period closes, one training programme a year. The clerk's day is synced
#      every evening as one field batch; each batch's WAL and statements are recorded. VACUUM ANALYZE on
#      the first of every month stands in for autovacuum.
#   5. Measures every table (rows of the LED, heap, index and TOAST bytes), runs VACUUM FULL ANALYZE and
#      measures again (dense), then sends typical evening batches five times each, and a busy evening
#      three times as the LED's first write after a checkpoint began (full-page images: how 75,000 LEDs
#      syncing once an evening meet their pages), and measures them alone: WAL bytes
#      (pg_current_wal_lsn, pg_stat_wal), statements and transactions (the relay), rows written
#      (pg_stat_user_tables), CPU of the service's PostgreSQL backends and of the JVM (/proc).
#   6. Prints the report (Markdown); raw figures in target/bench/footprint-<stamp>/.
#   At exit (also on Ctrl-C) it stops the service and the relay and drops the database unless --keep.
#   Everything it talks to is on 127.0.0.1. WAL is the server's: when other databases on the same
#   server commit during a measurement, their WAL is counted too; the report says how often.
#
# Needs: psql, createdb, dropdb (postgresql-client), curl, a JDK 21+.
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
  printf 'led-footprint: ERROR: %s\n' "$*" >&2
  exit 1
}
log() { printf 'led-footprint: %s\n' "$*" >&2; }

port=18121
proxy_port=18122
members=150
loans=60
seed=20261204
keep=false

positive() {
  case $2 in
    "" | *[!0-9]* | 0*) die "$1 needs a positive whole number, not '$2'" ;;
  esac
}

while [ $# -gt 0 ]; do
  case $1 in
    --port | --proxy-port | --members | --loans | --seed)
      [ $# -ge 2 ] || die "$1 needs a value"
      positive "$1" "$2"
      case $1 in
        --port) port=$2 ;;
        --proxy-port) proxy_port=$2 ;;
        --members) members=$2 ;;
        --loans) loans=$2 ;;
        --seed) seed=$2 ;;
      esac
      shift 2
      ;;
    --keep) keep=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option '$1'" ;;
  esac
done
# Ceilings keep a typo from running for hours: the members come in by one CSV import and are listed in
# one page of 500; 600 loans a year is ten times a busy LED.
if [ "$members" -lt 15 ] || [ "$members" -gt 500 ]; then die "--members must be 15 to 500"; fi
[ "$loans" -le 600 ] || die "--loans is capped at 600"

for tool in psql createdb dropdb curl; do
  command -v "$tool" >/dev/null 2>&1 || die "missing $tool; install postgresql-client and curl"
done

db_host=127.0.0.1
db_port=5432
db_user=lumbung
export PGPASSWORD=lumbung PGCONNECT_TIMEOUT=5
database=${FOOTPRINT_DB:-lumbung_footprint}
case $database in
  *[!a-z0-9_]*) die "FOOTPRINT_DB must be lower-case letters, digits and _" ;;
esac

pg() { psql -X -w -q -v ON_ERROR_STOP=1 -h "$db_host" -p "$db_port" -U "$db_user" "$@"; }
db_exists() { [ "$(pg -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]; }

bench_dir=$repo_root/target/bench
stamp=$(date +%Y%m%d-%H%M%S)
out_dir=$bench_dir/footprint-$stamp
mkdir -p "$out_dir"
service_log=$out_dir/quarkus.log
proxy_log=$out_dir/proxy.log
counts=$out_dir/statement-counts.txt
service_pid=""
proxy_pid=""
created_db=false

stop() { # pid name
  local pid=$1 i
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null || true
  log "stopped the $2 (pid $pid)"
}

cleanup() {
  local status=$?
  set +e
  stop "$service_pid" service
  stop "$proxy_pid" relay
  if [ "$keep" = false ] && [ "$created_db" = true ]; then
    dropdb -w --force --if-exists -h "$db_host" -p "$db_port" -U "$db_user" "$database" && log "dropped $database"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

url=http://127.0.0.1:$port
if curl -s -o /dev/null --max-time 2 "$url/q/health" 2>/dev/null; then
  die "something already answers on $url; stop it or pass --port"
fi
lumbung_find_java
if lumbung_build_stale; then
  lumbung_build
fi
app=target/quarkus-app
classpath="$app/app/*:$app/lib/main/*:$app/lib/boot/*"

if db_exists "$database"; then
  die "database $database exists; drop it or name another with FOOTPRINT_DB"
fi
createdb -w -h "$db_host" -p "$db_port" -U "$db_user" -T template0 -E UTF8 "$database"
created_db=true
log "created database $database"

java -cp "$classpath" scripts/bench/LedFootprint.java proxy --listen "127.0.0.1:$proxy_port" \
  --to "$db_host:$db_port" --counts "$counts" >"$proxy_log" 2>&1 &
proxy_pid=$!
deadline=$((SECONDS + 60))
until [ -f "$counts" ] && (exec 3<>"/dev/tcp/127.0.0.1/$proxy_port") 2>/dev/null; do
  kill -0 "$proxy_pid" 2>/dev/null || die "the relay exited during start; see $proxy_log"
  [ "$SECONDS" -lt "$deadline" ] || die "the relay did not listen within 60 s; see $proxy_log"
  sleep 0.5
done

log "starting the service on $url through the relay (log: $service_log)"
# sslmode=disable: the relay reads the protocol's messages, which TLS would hide.
QUARKUS_PROFILE=dev \
  QUARKUS_HTTP_PORT=$port \
  QUARKUS_HTTP_HOST=127.0.0.1 \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$proxy_port/$database?sslmode=disable" \
  QUARKUS_DATASOURCE_USERNAME=$db_user \
  QUARKUS_DATASOURCE_PASSWORD=$PGPASSWORD \
  java -jar "$app/quarkus-run.jar" >"$service_log" 2>&1 &
service_pid=$!
deadline=$((SECONDS + 180))
until curl -fs -o /dev/null --max-time 2 "$url/q/health/ready"; do
  kill -0 "$service_pid" 2>/dev/null || die "the service exited during start; see $service_log"
  [ "$SECONDS" -lt "$deadline" ] || die "the service was not ready within 180 s; see $service_log"
  sleep 1
done
log "service ready (pid $service_pid)"

# Two years are about 17,000 operations on one connection (10 minutes here) and the samples wait for up to
# three checkpoints (7 minutes at most each): an hour is far beyond it.
timeout 3600 java -cp "$classpath" scripts/bench/LedFootprint.java simulate --url "$url" \
  --jdbc "jdbc:postgresql://$db_host:$db_port/$database?user=$db_user&password=$PGPASSWORD" \
  --counts "$counts" --out "$out_dir" --service-pid "$service_pid" --members "$members" --loans "$loans" \
  --seed "$seed" | tee "$out_dir/report.md"
log "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), \
$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); raw figures in $out_dir"
