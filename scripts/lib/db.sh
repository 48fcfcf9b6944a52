# shellcheck shell=bash
# Sourced helper: work out which PostgreSQL database Lumbung uses, so every script
# (ensure-postgres, run, CI) agrees with what the application itself will connect to.
#
# Precedence, per value: LUMBUNG_DB_* already set by the caller > the Quarkus variables the
# application reads (QUARKUS_DATASOURCE_JDBC_URL / _USERNAME / _PASSWORD) > local defaults.
# Exports LUMBUNG_DB_HOST, LUMBUNG_DB_PORT, LUMBUNG_DB_NAME, LUMBUNG_DB_USER, LUMBUNG_DB_PASSWORD.
#
# Also defines lumbung_db_is_local, lumbung_db_answers and lumbung_db_jdbc_url for the scripts that
# source it.

# Splits a PostgreSQL JDBC URL into host, port and database (printed as three lines).
# Understands jdbc:postgresql://host:port/db?params, a missing port or path, IPv6 literals
# ([::1]:5432) and multi-host URLs (h1:5432,h2:5433/db: the first host is used), as well as
# the short forms jdbc:postgresql:db and jdbc:postgresql:/ (localhost).
lumbung_parse_jdbc_url() {
  local url=$1 rest authority host port="5432" db="" first
  case $url in
    jdbc:postgresql:*) rest=${url#jdbc:postgresql:} ;;
    *)
      echo "QUARKUS_DATASOURCE_JDBC_URL is not a PostgreSQL JDBC URL: $url" >&2
      return 1
      ;;
  esac
  rest=${rest%%\?*} # parameters (sslmode, currentSchema, ...) do not change the target
  case $rest in
    //*)
      rest=${rest#//}
      authority=${rest%%/*}
      if [ "$authority" != "$rest" ]; then db=${rest#*/}; fi
      first=${authority%%,*}
      case $first in
        \[*\]:*) host=${first%%]:*}; host=${host#\[}; port=${first##*]:} ;;
        \[*\]) host=${first#\[}; host=${host%]} ;;
        *:*) host=${first%:*}; port=${first##*:} ;;
        *) host=$first ;;
      esac
      ;;
    *) host=localhost; db=${rest#/} ;;
  esac
  # The driver's own defaults for the parts a URL may leave out.
  [ -n "$host" ] || host=localhost
  [ -n "$port" ] || port=5432
  case $port in
    *[!0-9]*)
      echo "Cannot read the port in QUARKUS_DATASOURCE_JDBC_URL: $url" >&2
      return 1
      ;;
  esac
  printf '%s\n%s\n%s\n' "$host" "$port" "$db"
}

# Succeeds when the database host is this machine, where we may start a server and use
# the postgres superuser over the local socket.
lumbung_db_is_local() {
  case ${LUMBUNG_DB_HOST:-} in
    "" | localhost | 127.* | ::1 | /*) return 0 ;;
    *) return 1 ;;
  esac
}

# Succeeds when a server accepts connections on LUMBUNG_DB_HOST:LUMBUNG_DB_PORT. Without pg_isready
# (no client installed) an open TCP port is the best evidence there is.
lumbung_db_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$LUMBUNG_DB_HOST" -p "$LUMBUNG_DB_PORT" -t 2
  else
    # shellcheck disable=SC2016 # $1/$2 are expanded by the inner bash, on purpose
    timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$LUMBUNG_DB_HOST" "$LUMBUNG_DB_PORT" 2>/dev/null
  fi
}

# Prints the JDBC URL for the computed target (brackets an IPv6 host).
lumbung_db_jdbc_url() {
  local host=$LUMBUNG_DB_HOST
  case $host in
    *:*) host="[$host]" ;;
  esac
  printf 'jdbc:postgresql://%s:%s/%s\n' "$host" "$LUMBUNG_DB_PORT" "$LUMBUNG_DB_NAME"
}

lumbung_db_target() {
  local host=127.0.0.1 port=5432 db=lumbung parsed
  if [ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
    parsed=$(lumbung_parse_jdbc_url "$QUARKUS_DATASOURCE_JDBC_URL") || exit 1
    local -a parts
    mapfile -t parts <<<"$parsed" # not `read`: it fails on the empty last line under set -e
    host=${parts[0]} port=${parts[1]} db=${parts[2]:-}
    if [ -z "$db" ]; then
      # The driver would default to the user's name; saying so beats guessing silently.
      echo "QUARKUS_DATASOURCE_JDBC_URL names no database: $QUARKUS_DATASOURCE_JDBC_URL" >&2
      exit 1
    fi
  fi
  : "${LUMBUNG_DB_HOST:=$host}"
  : "${LUMBUNG_DB_PORT:=$port}"
  : "${LUMBUNG_DB_NAME:=$db}"
  : "${LUMBUNG_DB_USER:=${QUARKUS_DATASOURCE_USERNAME:-lumbung}}"
  : "${LUMBUNG_DB_PASSWORD:=${QUARKUS_DATASOURCE_PASSWORD:-lumbung}}"
  export LUMBUNG_DB_HOST LUMBUNG_DB_PORT LUMBUNG_DB_NAME LUMBUNG_DB_USER LUMBUNG_DB_PASSWORD
}

lumbung_db_target
