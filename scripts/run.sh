#!/usr/bin/env bash
# Runs Lumbung on this machine against PostgreSQL: the README's run command.
#
# Usage: scripts/run.sh [extra arguments for the application]
#
# Makes sure PostgreSQL, the service role and the database exist (scripts/ensure-postgres.sh),
# builds the application when a source file is newer than the build, and starts it with the
# dev profile (development JWT key, readable logs). Flyway migrates the schema at start.
#
# Environment (all optional):
#   QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD  database (default
#                                   jdbc:postgresql://127.0.0.1:5432/lumbung, lumbung/lumbung)
#   LUMBUNG_DB_HOST/_PORT/_NAME/_USER/_PASSWORD        the same, piecewise
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

lumbung_find_java
bash scripts/ensure-postgres.sh

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

exec java -Dquarkus.profile="${QUARKUS_PROFILE:-dev}" -jar "$LUMBUNG_APP_JAR" "$@"
