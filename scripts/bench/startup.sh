#!/usr/bin/env bash
# Start-up and idle memory of the packaged service (issue 15: goal start-up < 3 s, idle RSS < 300 MB).
#
# Usage: scripts/bench/startup.sh [--runs N] [--port N] [--idle S]
#   --runs N   launches timed (default 3); the first migrates an empty scratch database
#   --port N   port of the service (default 18097, 127.0.0.1 only)
#   --idle S   seconds idle before RSS is read (default 20)
#
# Builds the application if missing or stale, creates the scratch database lumbung_bench_startup
# (as role lumbung), then for each run launches target/quarkus-app/quarkus-run.jar with the dev
# profile, times launch → GET /q/health/ready = 200, reads VmRSS after --idle seconds, prints
# Quarkus's own "started in", stops it. Drops the database at exit (also on Ctrl-C).
# Needs: curl, psql, a JDK 21+. PostgreSQL: 127.0.0.1:5432, role lumbung/lumbung with CREATEDB.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo_root"
# shellcheck source=scripts/lib/java.sh
. scripts/lib/java.sh
# shellcheck source=scripts/lib/build.sh
. scripts/lib/build.sh

runs=3 port=18097 idle=20
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

db=lumbung_bench_startup
export PGPASSWORD=lumbung
psql_lumbung() { psql -h 127.0.0.1 -U lumbung -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql_lumbung -c "DROP DATABASE IF EXISTS $db" 2>/dev/null || true
}
trap cleanup EXIT

lumbung_find_java
if lumbung_build_stale; then
  lumbung_build
fi
psql_lumbung -c "DROP DATABASE IF EXISTS $db" 2>/dev/null
psql_lumbung -c "CREATE DATABASE $db"
mkdir -p target/bench

for run in $(seq 1 "$runs"); do
  log=target/bench/startup-$run.log
  start=$(date +%s%N)
  QUARKUS_PROFILE=dev QUARKUS_HTTP_PORT=$port QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db \
    QUARKUS_DATASOURCE_USERNAME=lumbung QUARKUS_DATASOURCE_PASSWORD=lumbung \
    java -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
  pid=$!
  deadline=$((SECONDS + 120))
  until curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "run $run: not ready within 120 s (see $log)" >&2
      exit 1
    fi
    sleep 0.05
  done
  ready_ms=$((($(date +%s%N) - start) / 1000000))
  sleep "$idle"
  rss_kb=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
  started=$(grep -o 'started in [0-9.]*s' "$log" | head -1)
  printf 'run %d: ready after %d.%03d s, idle RSS %d MB (Quarkus: %s)\n' "$run" $((ready_ms / 1000)) \
    $((ready_ms % 1000)) $((rss_kb / 1024)) "$started"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
done
