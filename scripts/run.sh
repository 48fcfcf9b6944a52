#!/usr/bin/env bash
# Runs Lumbung on this machine against PostgreSQL: the README's run command.
#
# Usage: scripts/run.sh [extra arguments for the application]
#
# Makes sure a PostgreSQL with the service role and the database runs, builds the application when a
# source file is newer than the build, and starts it with the dev profile (development JWT key,
# readable logs). Flyway migrates the schema at start.
#
# Which PostgreSQL (LUMBUNG_DB_MODE):
#   auto (default)  the configured server (default 127.0.0.1:5432) if it answers; otherwise, as root,
#                   Debian's, started or installed by scripts/ensure-postgres.sh; otherwise (an ordinary
#                   user, nothing answering on this machine) the embedded one.
#   server          scripts/ensure-postgres.sh: the configured server, as it is or set up (today's path).
#   embedded        a PostgreSQL of the user's own from the Maven Central binaries the tests use
#                   (scripts/lib/embedded-postgres.sh), on 127.0.0.1:55432 with its data under
#                   ${XDG_DATA_HOME:-~/.local/share}/lumbung/postgres, so it survives restarts. Started
#                   here, it is stopped when the application stops. PostgreSQL refuses to run as root, so
#                   root never gets it (auto) or is told why (embedded).
#
# Environment (all optional):
#   LUMBUNG_DB_MODE                                    auto, server or embedded (above)
#   QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD  database (default
#                                   jdbc:postgresql://127.0.0.1:5432/lumbung, lumbung/lumbung)
#   LUMBUNG_DB_HOST/_PORT/_NAME/_USER/_PASSWORD        the same, piecewise (the embedded server takes
#                                                      the name, user and password, not the host/port)
#   LUMBUNG_EMBEDDED_PG_PORT, LUMBUNG_EMBEDDED_PG_DATA the embedded server's port and data directory
#   QUARKUS_HTTP_PORT                                  HTTP port (default 8080)
#   QUARKUS_PROFILE                                    configuration profile (default dev)
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The application resolves config/dev/* (the development JWT keys) relative to the repo root.
cd "$repo_root"

# shellcheck source=scripts/lib/java.sh
. scripts/lib/java.sh
# shellcheck source=scripts/lib/db.sh
. scripts/lib/db.sh
# shellcheck source=scripts/lib/build.sh
. scripts/lib/build.sh
# shellcheck source=scripts/lib/embedded-postgres.sh
. scripts/lib/embedded-postgres.sh

lumbung_find_java

mode=${LUMBUNG_DB_MODE:-auto}
case $mode in
  server) ;;
  embedded) ;;
  auto)
    if [ "$(id -u)" -ne 0 ] && lumbung_db_is_local && ! lumbung_db_answers; then
      echo "Nothing answers on $LUMBUNG_DB_HOST:$LUMBUNG_DB_PORT and only root may install PostgreSQL here:" \
        "using the embedded one (LUMBUNG_DB_MODE=server insists on a server)."
      mode=embedded
    else
      mode=server
    fi
    ;;
  *)
    echo "LUMBUNG_DB_MODE=$mode is not one of auto, server, embedded" >&2
    exit 2
    ;;
esac
if [ "$mode" = embedded ]; then
  lumbung_epg_start
  # The embedded server is the database now, whatever URL the caller had in mind.
  QUARKUS_DATASOURCE_JDBC_URL=$(lumbung_db_jdbc_url)
else
  bash scripts/ensure-postgres.sh
fi

if lumbung_build_stale; then
  lumbung_build
fi

# The application reads only the QUARKUS_* variables; values the caller gave win.
: "${QUARKUS_DATASOURCE_JDBC_URL:=$(lumbung_db_jdbc_url)}"
: "${QUARKUS_DATASOURCE_USERNAME:=$LUMBUNG_DB_USER}"
: "${QUARKUS_DATASOURCE_PASSWORD:=$LUMBUNG_DB_PASSWORD}"
: "${QUARKUS_HTTP_PORT:=8080}"
export QUARKUS_DATASOURCE_JDBC_URL QUARKUS_DATASOURCE_USERNAME QUARKUS_DATASOURCE_PASSWORD QUARKUS_HTTP_PORT

base="http://localhost:$QUARKUS_HTTP_PORT"
cat <<INFO

Lumbung starting ($(java -version 2>&1 | awk -F'"' '/ version "/ { print $2; exit }'), database $QUARKUS_DATASOURCE_JDBC_URL as $QUARKUS_DATASOURCE_USERNAME)
  API          $base/api/v1
  OpenAPI      $base/q/openapi
  Health       $base/q/health
  Metrics      $base/q/metrics

Development tokens (signed with config/dev/jwt-private.pem):
  scripts/dev-token.sh admin
  scripts/dev-token.sh led-manager --led <LED_ID>
  curl -H "Authorization: Bearer \$(scripts/dev-token.sh admin)" $base/api/v1/districts

INFO

if [ "$LUMBUNG_EPG_STARTED" != true ]; then
  exec java -Dquarkus.profile="${QUARKUS_PROFILE:-dev}" -jar "$LUMBUNG_APP_JAR" "$@"
fi

# The embedded server started here stops with the application: Ctrl-C or a TERM to this script reaches
# the application as TERM (graceful shutdown), and PostgreSQL is stopped once it has exited.
java -Dquarkus.profile="${QUARKUS_PROFILE:-dev}" -jar "$LUMBUNG_APP_JAR" "$@" &
app_pid=$!
trap 'kill -TERM "$app_pid" 2>/dev/null || true' INT TERM HUP
app_status=0
while :; do
  if wait "$app_pid"; then app_status=0; else app_status=$?; fi
  # A trapped signal ends `wait` early; the application is then still shutting down.
  kill -0 "$app_pid" 2>/dev/null || break
done
trap - INT TERM HUP
lumbung_epg_stop
exit "$app_status"
