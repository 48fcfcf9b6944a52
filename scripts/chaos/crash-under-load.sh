#!/usr/bin/env bash
# Crash under load: kills the service and restarts PostgreSQL while clients post money, then proves
# that nothing acknowledged was lost, nothing was posted twice and every invariant of the books
# holds. See docs/reliability.md.
#
# Usage: scripts/chaos/crash-under-load.sh [options]
#   --clients N       concurrent clients, each with its own HTTP connection (default 16)
#   --kills K         SIGKILLs of the service during the load, each followed by a restart (default 2)
#   --pg-restarts P   immediate restarts of PostgreSQL during the load (default 1)
#   --duration S      seconds of load (default 120); the events are spread over it
#   --leds N          LEDs the load is spread over (default 4)
#   --port N          HTTP port of the service this script starts (default 18090)
#   --pg-port N       port of the scratch PostgreSQL cluster (default 55433)
#   --seed N          seed of the clients' random choices and of the event times (default 20261202)
#   -h, --help        this text
#
# What it does (everything on 127.0.0.1, nothing shared is touched):
#   1. Builds the application if it is missing or older than the sources.
#   2. initdb's a scratch PostgreSQL cluster into a temporary directory (as the postgres user
#      through runuser when run as root), on --pg-port, and creates the role lumbung and the
#      database lumbung_chaos in it. The machine's own cluster is never touched.
#   3. Starts target/quarkus-app/quarkus-run.jar (dev profile) against it on 127.0.0.1:--port.
#   4. Runs the load driver (scripts/chaos/CrashLoad.java): it sets up the LEDs (cash, a grant,
#      members with savings, disbursed loans), then its clients post keyed adjustments, expenses,
#      savings deposits and withdrawals and loan repayments, some of them spends the no-negative
#      rules must refuse, retrying every unanswered request with the same key and body.
#   5. Meanwhile SIGKILLs the service K times (restarting it and waiting for /q/health/ready) and
#      stops PostgreSQL with -m immediate P times (down 3 s, then started; crash recovery).
#   6. With both up again, the driver checks the books (SQL and API) against what it was told and
#      prints the table. Exit status 0 only when nothing was lost or duplicated, no invariant is
#      broken and no 5xx other than 503 was seen.
#   At exit (also on Ctrl-C) it stops the service, the driver and the cluster it started and
#   removes the scratch directory; logs and the report are kept in target/chaos/<timestamp>/.
#   Bounded: every wait has a deadline and the driver runs under `timeout`.
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
  printf 'crash-under-load: ERROR: %s\n' "$*" >&2
  exit 1
}
log() { printf 'crash-under-load: [%s] %s\n' "$(date -u +%T)" "$*" >&2; }

clients=16
kills=2
pg_restarts=1
duration=120
led_count=4
port=18090
pg_port=55433
seed=20261202

positive() {
  case $2 in
    "" | *[!0-9]* | 0*) die "$1 needs a positive whole number, not '$2'" ;;
  esac
}
whole() {
  case $2 in
    "" | *[!0-9]*) die "$1 needs a whole number, not '$2'" ;;
  esac
}

while [ $# -gt 0 ]; do
  case $1 in
    --clients | --kills | --pg-restarts | --duration | --leds | --port | --pg-port | --seed)
      [ $# -ge 2 ] || die "$1 needs a value"
      case $1 in
        --clients) positive "$1" "$2"; clients=$2 ;;
        --kills) whole "$1" "$2"; kills=$2 ;;
        --pg-restarts) whole "$1" "$2"; pg_restarts=$2 ;;
        --duration) positive "$1" "$2"; duration=$2 ;;
        --leds) positive "$1" "$2"; led_count=$2 ;;
        --port) positive "$1" "$2"; port=$2 ;;
        --pg-port) positive "$1" "$2"; pg_port=$2 ;;
        --seed) whole "$1" "$2"; seed=$2 ;;
      esac
      shift 2
      ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option '$1'" ;;
  esac
done

# Ceilings keep a typo from running for hours or opening thousands of connections.
[ "$clients" -le 256 ] || die "--clients is capped at 256"
[ "$kills" -le 50 ] || die "--kills is capped at 50"
[ "$pg_restarts" -le 20 ] || die "--pg-restarts is capped at 20"
[ "$duration" -le 1800 ] || die "--duration is capped at 1800 s"
[ "$led_count" -le 50 ] || die "--leds is capped at 50"
[ "$port" -le 65535 ] && [ "$pg_port" -le 65535 ] || die "ports go up to 65535"
[ "$port" != "$pg_port" ] || die "--port and --pg-port must differ"
events=$((kills + pg_restarts))
# Each event takes several seconds (a restart of the JVM, crash recovery): leave them room.
[ $((duration / (events + 1))) -ge 8 ] || die "--duration $duration s is too short for $events events (>= 8 s each)"

# Something already listening on a port would be killed by nobody and confuse everything.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_in_use "$port" && die "127.0.0.1:$port is in use; pass --port"
port_in_use "$pg_port" && die "127.0.0.1:$pg_port is in use; pass --pg-port"

command -v curl >/dev/null 2>&1 || die "curl is missing (apt-get install curl)"

# The newest PostgreSQL server binaries on the machine (Debian: /usr/lib/postgresql/<major>/bin).
pg_bin=""
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n); do
  [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/psql" ] && pg_bin=$dir
done
[ -n "$pg_bin" ] || die "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (scripts/ensure-postgres.sh installs them)"

# initdb and the server refuse to run as root: as root they run as postgres, through runuser.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root needs the postgres user for the scratch cluster"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

lumbung_find_java
if lumbung_build_stale; then
  lumbung_build
fi

# --- state and cleanup -----------------------------------------------------------------------

stamp=$(date -u +%Y%m%d-%H%M%S)
keep_dir=$repo_root/target/chaos/$stamp
mkdir -p "$keep_dir"
scratch=$(mktemp -d /tmp/lumbung-chaos.XXXXXX)
pg_data=$scratch/pgdata
pg_socket=$scratch/socket
pg_log=$scratch/postgres.log
service_log=$scratch/service.log
work=$scratch/work
mkdir -p "$pg_socket" "$work"
: >"$pg_log"
: >"$service_log"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$scratch" "$pg_socket" "$pg_log"
fi
service_pid=""
driver_pid=""
pg_started=false

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
  service_pid=""
}

cleanup() {
  local status=$?
  set +e
  if [ -n "$driver_pid" ] && kill -0 "$driver_pid" 2>/dev/null; then
    kill -TERM "$driver_pid" 2>/dev/null
    wait "$driver_pid" 2>/dev/null
  fi
  stop_service
  if [ "$pg_started" = true ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w -t 30 stop >/dev/null 2>&1
  fi
  cp "$service_log" "$pg_log" "$keep_dir/" 2>/dev/null
  cp "$work"/report.txt "$work"/events.tsv "$keep_dir/" 2>/dev/null
  rm -rf "$scratch"
  log "logs and report kept in ${keep_dir#"$repo_root"/}"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now_ms() { date +%s%3N; }

# --- the scratch PostgreSQL cluster ---------------------------------------------------------

pg_superuser_password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$pg_superuser_password" >"$scratch/pwfile"
[ "$(id -u)" -eq 0 ] && chown postgres: "$scratch/pwfile"
log "initdb into $pg_data (PostgreSQL $("$pg_bin/pg_ctl" --version | awk '{ print $3 }'), port $pg_port)"
as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres --pwfile="$scratch/pwfile" --auth=scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >"$scratch/initdb.log" 2>&1 || { cat "$scratch/initdb.log" >&2; die "initdb failed"; }
rm -f "$scratch/pwfile"
cat >>"$pg_data/postgresql.conf" <<CONF
# scripts/chaos/crash-under-load.sh: only this machine, a socket of its own, durable commits.
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$pg_socket'
max_connections = 60
shared_buffers = 128MB
fsync = on
synchronous_commit = on
CONF

pg_start() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_log" -w -t 120 start >/dev/null
}
pg_start
pg_started=true
export PGPASSWORD=$pg_superuser_password PGCONNECT_TIMEOUT=5
"$pg_bin/psql" -X -w -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres <<SQL
CREATE ROLE lumbung LOGIN PASSWORD 'lumbung';
CREATE DATABASE lumbung_chaos OWNER lumbung TEMPLATE template0 ENCODING 'UTF8';
SQL
unset PGPASSWORD

# --- the service -----------------------------------------------------------------------------

url=http://127.0.0.1:$port
jdbc=jdbc:postgresql://127.0.0.1:$pg_port/lumbung_chaos

start_service() {
  QUARKUS_PROFILE=dev \
    QUARKUS_HTTP_PORT=$port \
    QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_DATASOURCE_JDBC_URL=$jdbc \
    QUARKUS_DATASOURCE_USERNAME=lumbung \
    QUARKUS_DATASOURCE_PASSWORD=lumbung \
    java -jar target/quarkus-app/quarkus-run.jar >>"$service_log" 2>&1 &
  service_pid=$!
  local deadline=$((SECONDS + 180))
  until curl -fs -o /dev/null --max-time 2 "$url/q/health/ready"; do
    kill -0 "$service_pid" 2>/dev/null || die "the service exited during start; see $keep_dir/service.log"
    [ "$SECONDS" -lt "$deadline" ] || die "the service was not ready within 180 s"
    sleep 0.2
  done
}
log "starting the service on $url"
start_service
log "service ready (pid $service_pid)"

# --- the load driver -------------------------------------------------------------------------

app=target/quarkus-app
# timeout: the driver stops by itself; this only catches a wedged one.
timeout $((duration + 1200)) java -cp "$app/app/*:$app/lib/main/*:$app/lib/boot/*" scripts/chaos/CrashLoad.java \
  --url "$url" --work "$work" --jdbc "$jdbc" --repo "$repo_root" --clients "$clients" --leds "$led_count" \
  --duration "$duration" --seed "$seed" >"$work/driver.out" &
driver_pid=$!

deadline=$((SECONDS + 600))
until [ -f "$work/setup-done" ]; do
  kill -0 "$driver_pid" 2>/dev/null || { wait "$driver_pid" || true; die "the load driver stopped during setup"; }
  [ "$SECONDS" -lt "$deadline" ] || die "the setup did not finish within 600 s"
  sleep 0.2
done
load_start=$(now_ms)
log "load running: $clients clients for $duration s; $kills kills and $pg_restarts PostgreSQL restarts"

# --- the chaos schedule ----------------------------------------------------------------------

# Events evenly spread over the first 85% of the load (so that load also runs against the healed
# service), each shifted by up to a quarter of the gap; the PostgreSQL restarts spread among the kills.
RANDOM=$seed
gap=$((duration * 1000 * 85 / 100 / (events + 1)))
schedule=()
declare -A pg_slot=()
for ((j = 0; j < pg_restarts; j++)); do pg_slot[$(((2 * j + 1) * events / (2 * pg_restarts) + 1))]=1; done
for ((i = 1; i <= events; i++)); do
  kind=service-kill
  [ -z "${pg_slot[$i]:-}" ] || kind=postgres-restart
  jitter=$(((RANDOM % (gap / 2 + 1)) - gap / 4))
  schedule+=("$((i * gap + jitter)) $kind")
done

: >"$work/events.tsv"
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$work/events.tsv"; }

for event in "${schedule[@]}"; do
  read -r at kind <<<"$event"
  while [ $(($(now_ms) - load_start)) -lt "$at" ]; do
    kill -0 "$driver_pid" 2>/dev/null || die "the load driver stopped during the load"
    # A service that died without being killed is a finding of its own.
    kill -0 "$service_pid" 2>/dev/null || die "the service exited by itself; see $keep_dir/service.log"
    sleep 0.1
  done
  start=$(now_ms)
  case $kind in
    service-kill)
      kill -KILL "$service_pid"
      wait "$service_pid" 2>/dev/null || true
      service_pid=""
      start_service
      ;;
    postgres-restart)
      as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w -t 60 stop >/dev/null
      sleep 3
      pg_start
      ;;
  esac
  end=$(now_ms)
  record "$kind" "$start" "$end"
  log "$(awk -v k="$kind" -v a=$((start - load_start)) -v d=$((end - start)) \
    'BEGIN { printf "%s at %.1f s, back after %.1f s", k, a / 1000, d / 1000 }')"
done

# Both up: the driver drains what is unanswered, then judges the books.
# (Readiness is DOWN while every pool connection stays busy, as in the burst after a restart: wait for it.)
deadline=$((SECONDS + 180))
until curl -fs -o /dev/null --max-time 5 "$url/q/health/ready"; do
  kill -0 "$service_pid" 2>/dev/null || die "the service exited by itself; see $keep_dir/service.log"
  [ "$SECONDS" -lt "$deadline" ] || die "the service was not ready within 180 s after the schedule"
  sleep 1
done
touch "$work/chaos-done"
status=0
wait "$driver_pid" || status=$?
driver_pid=""
cat "$work/driver.out"
[ "$status" -eq 0 ] || die "the crash-under-load run FAILED (driver exit $status); see above and $keep_dir"
log "passed"
