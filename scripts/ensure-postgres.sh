#!/usr/bin/env bash
# Makes sure the PostgreSQL that Lumbung will use is up and ready for it:
#   1. something answers on LUMBUNG_DB_HOST:LUMBUNG_DB_PORT (starting or installing a local
#      Debian/Ubuntu cluster when nothing does),
#   2. the service role exists: LOGIN with its password, CREATEDB (the tests create and drop
#      their own lumbung_test_* scratch databases), never SUPERUSER,
#   3. unless --no-database, the application database exists, owned by that role,
#   4. the service role really can log in over TCP with its password, as the app will.
#
# Usage: scripts/ensure-postgres.sh [--no-database]
#
# Target: see scripts/lib/db.sh (LUMBUNG_DB_* or QUARKUS_DATASOURCE_*; default
# lumbung/lumbung@127.0.0.1:5432/lumbung). Admin access is tried in this order:
#   - TCP as LUMBUNG_DB_ADMIN_USER (default postgres; password from LUMBUNG_DB_ADMIN_PASSWORD,
#     PGPASSWORD or ~/.pgpass if the server asks for one), which works with trust auth;
#   - for a local server only: the local socket as the postgres OS user (peer auth) via
#     runuser when root, or `sudo -n` when that needs no password.
# It never drops or alters a database, and only creates the one it is asked for. Safe to
# run any number of times. Prints one line per action.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/db.sh
. "$repo_root/scripts/lib/db.sh"

create_database=true
for arg in "$@"; do
  case $arg in
    --no-database) create_database=false ;;
    -h | --help)
      sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
      exit 0
      ;;
    *)
      echo "usage: $0 [--no-database]" >&2
      exit 2
      ;;
  esac
done

host=$LUMBUNG_DB_HOST
port=$LUMBUNG_DB_PORT
db_name=$LUMBUNG_DB_NAME
db_user=$LUMBUNG_DB_USER
db_password=$LUMBUNG_DB_PASSWORD
admin_user=${LUMBUNG_DB_ADMIN_USER:-postgres}
min_server_version=150000 # PostgreSQL 15: the version the schema and CI are built for

# A dead or firewalled host must fail in seconds, not hang CI until its own timeout.
export PGCONNECT_TIMEOUT=${PGCONNECT_TIMEOUT:-5}

log() { printf 'ensure-postgres: %s\n' "$*"; }
die() {
  printf 'ensure-postgres: ERROR: %s\n' "$1" >&2
  shift
  local line
  for line in "$@"; do printf '  %s\n' "$line" >&2; done
  exit 1
}

is_root() { [ "$(id -u)" -eq 0 ]; }
have() { command -v "$1" >/dev/null 2>&1; }

apt_install() {
  log "installing $* with apt-get (this takes a minute)"
  # Quiet-ish but not silent: a failing mirror must still be visible.
  apt-get -q update >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
  log "installed $*"
}

# Succeeds when a server accepts connections. Without pg_isready (no client installed yet)
# an open TCP port is the best evidence we have.
server_answers() {
  if have pg_isready; then
    pg_isready -q -h "$host" -p "$port" -t 2
  else
    # shellcheck disable=SC2016 # $1/$2 are expanded by the inner bash, on purpose
    timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" 2>/dev/null
  fi
}

wait_for_server() {
  local deadline=$((SECONDS + 30))
  until server_answers; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      die "PostgreSQL did not answer on $host:$port within 30 s." \
        "Look at its log, e.g. /var/log/postgresql/postgresql-*-main.log."
    fi
    sleep 1
  done
}

# pg_ctlcluster hands over to systemctl when systemd runs (so the unit tracks the server);
# in containers and CI images without systemd that redirect fails, so we skip it there.
start_cluster() {
  local version=$1 name=$2
  if ! is_root && [ "$(id -un)" != postgres ]; then
    die "the PostgreSQL $version/$name cluster on port $port is down and only root may start it." \
      "Run: sudo pg_ctlcluster $version $name start"
  fi
  if [ -d /run/systemd/system ]; then
    pg_ctlcluster "$version" "$name" start
  else
    pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start
  fi
  log "started PostgreSQL cluster $version/$name on port $port"
}

newest_installed_version() {
  local dir version best=""
  for dir in /usr/lib/postgresql/*/bin/postgres; do
    [ -x "$dir" ] || continue
    version=${dir#/usr/lib/postgresql/}
    version=${version%%/*}
    if [ -z "$best" ] || [ "$version" -gt "$best" ]; then best=$version; fi
  done
  printf '%s\n' "$best"
}

# Debian/Ubuntu (postgresql-common): start whichever cluster is configured for our port.
start_local_clusters() {
  local clusters version name status started=false
  clusters=$(pg_lsclusters --no-header 2>/dev/null | awk -v p="$port" '$3 == p { print $1, $2, $4 }')
  if [ -z "$clusters" ]; then
    if [ -n "$(pg_lsclusters --no-header 2>/dev/null)" ]; then
      die "no PostgreSQL cluster listens on port $port; these exist:" \
        "$(pg_lsclusters 2>/dev/null | sed '2,$s/^/  /')" \
        "Point Lumbung at one, e.g. QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:<port>/$db_name"
    fi
    # Installed but without any cluster (e.g. the package's own cluster creation was disabled).
    version=$(newest_installed_version)
    [ -n "$version" ] || die "postgresql-common is installed but no PostgreSQL server is." \
      "Install one: apt-get install postgresql"
    is_root || die "no PostgreSQL cluster exists; create one as root:" \
      "sudo pg_createcluster -p $port $version main"
    pg_createcluster -p "$port" "$version" main >/dev/null
    log "created PostgreSQL cluster $version/main on port $port"
    clusters="$version main down"
  fi
  while read -r version name status; do
    if [ "${version%%.*}" -lt 15 ]; then
      die "the cluster on port $port is PostgreSQL $version; Lumbung needs 15 or newer."
    fi
    case $status in
      online*) ;;
      *) start_cluster "$version" "$name"; started=true ;;
    esac
  done <<<"$clusters"
  if [ "$started" = false ]; then
    log "cluster on port $port reports online; waiting for it to accept connections"
  fi
}

ensure_server() {
  if server_answers; then
    log "PostgreSQL answers on $host:$port"
  elif ! lumbung_db_is_local; then
    die "nothing answers on $host:$port, and this script only starts servers on this machine." \
      "Start that server, or unset QUARKUS_DATASOURCE_JDBC_URL / LUMBUNG_DB_HOST to use a local one."
  else
    if ! have pg_lsclusters; then
      if is_root && have apt-get; then
        apt_install postgresql postgresql-client
      else
        die "no PostgreSQL answers on $host:$port and none is installed here." \
          "Install PostgreSQL 15 or newer and start it, e.g. on Debian/Ubuntu:" \
          "  sudo apt-get install postgresql postgresql-client" \
          "or point QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME/_PASSWORD) at a running server."
      fi
    fi
    # The package usually starts its cluster itself; where it could not (no systemd), we do.
    if ! server_answers; then
      start_local_clusters
    fi
    wait_for_server
    log "PostgreSQL answers on $host:$port"
  fi
  # psql is needed from here on, even when the server itself runs elsewhere.
  if ! have psql; then
    if is_root && have apt-get; then
      apt_install postgresql-client
    else
      die "psql is not installed." "Install the PostgreSQL client, e.g.: sudo apt-get install postgresql-client"
    fi
  fi
}

# --- admin access -------------------------------------------------------------------------

admin_method=""
admin_tried="TCP as '$admin_user' on $host:$port"
# A host given as a directory is a socket directory; otherwise psql's default socket is right.
socket_args=()
case $host in
  /*) socket_args=(-h "$host") ;;
esac

# psql as the service role over TCP with its password, exactly as the application connects.
# -X: ignore ~/.psqlrc; -w: never prompt (CI has no stdin).
service_psql() {
  local database=$1
  shift
  PGPASSWORD=$db_password psql -X -w -q -v ON_ERROR_STOP=1 \
    -h "$host" -p "$port" -U "$db_user" -d "$database" "$@"
}

# Runs psql as a superuser on the maintenance database `postgres`, over whichever route
# admin_pick found; arguments go to psql, SQL comes on stdin or -c.
admin_psql() {
  case $admin_method in
    tcp)
      PGPASSWORD=${LUMBUNG_DB_ADMIN_PASSWORD:-${PGPASSWORD:-}} \
        psql -X -w -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$admin_user" -d postgres "$@"
      ;;
    runuser)
      # cd /: the postgres user may not be allowed into the caller's directory.
      (cd / && runuser -u postgres -- psql -X -w -q -v ON_ERROR_STOP=1 "${socket_args[@]}" -p "$port" -d postgres "$@")
      ;;
    sudo)
      (cd / && sudo -n -u postgres psql -X -w -q -v ON_ERROR_STOP=1 "${socket_args[@]}" -p "$port" -d postgres "$@")
      ;;
    *) return 1 ;;
  esac
}

# Picks the first admin route that connects as a superuser; leaves admin_method empty when
# none does (the role may still have been set up by someone else).
admin_pick() {
  local method candidates=(tcp)
  # Peer auth on the socket only reaches a server on this machine.
  if lumbung_db_is_local && id postgres >/dev/null 2>&1; then
    if is_root && have runuser; then
      candidates+=(runuser)
      admin_tried+=", and the local socket as OS user postgres (runuser)"
    elif have sudo; then
      candidates+=(sudo)
      admin_tried+=", and the local socket as OS user postgres (sudo -n)"
    fi
  fi
  for method in "${candidates[@]}"; do
    admin_method=$method
    if [ "$(admin_psql -Atc 'select rolsuper from pg_roles where rolname = current_user' 2>/dev/null)" = t ]; then
      return 0
    fi
  done
  admin_method=""
admin_tried="TCP as '$admin_user' on $host:$port"
# A host given as a directory is a socket directory; otherwise psql's default socket is right.
socket_args=()
case $host in
  /*) socket_args=(-h "$host") ;;
esac
  return 1
}

# SQL string literal / identifier quoting, only for the instructions we print.
sql_literal() { printf "'%s'" "${1//\'/\'\'}"; }
sql_ident() { printf '"%s"' "${1//\"/\"\"}"; }

# Tells the user exactly what to run when we cannot do it ourselves.
die_need_admin() {
  local reason=$1 role pw database_sql=""
  role=$(sql_ident "$db_user")
  pw=$(sql_literal "$db_password")
  if [ "$create_database" = true ]; then
    database_sql="CREATE DATABASE $(sql_ident "$db_name") OWNER $role;  -- unless it exists"
  fi
  die "$reason" \
    "Tried: $admin_tried." \
    "Run this as a PostgreSQL superuser (e.g. sudo -u postgres psql -p $port), then rerun this script:" \
    "  CREATE ROLE $role LOGIN PASSWORD $pw CREATEDB NOSUPERUSER;" \
    "  -- or, if the role exists: ALTER ROLE $role LOGIN PASSWORD $pw CREATEDB;" \
    ${database_sql:+"  $database_sql"} \
    "Or let this script do it: set LUMBUNG_DB_ADMIN_USER / LUMBUNG_DB_ADMIN_PASSWORD to a superuser."
}

# --- role and database ----------------------------------------------------------------------

ensure_role_as_admin() {
  local state
  state=$(admin_psql -At -v role="$db_user" <<'SQL'
SELECT rolsuper FROM pg_roles WHERE rolname = :'role';
SQL
  )
  case $state in
    "")
      admin_psql -v role="$db_user" -v pw="$db_password" <<'SQL'
CREATE ROLE :"role" WITH LOGIN PASSWORD :'pw' CREATEDB NOSUPERUSER;
SQL
      log "created role $db_user (LOGIN, CREATEDB, NOSUPERUSER)"
      ;;
    t)
      # Demoting or re-passwording a superuser (maybe postgres itself) is not ours to do.
      log "WARNING: role $db_user is a superuser; left unchanged (the service should not be one)"
      ;;
    *)
      # Re-setting the password each time is what makes a changed LUMBUNG_DB_PASSWORD work.
      admin_psql -v role="$db_user" -v pw="$db_password" <<'SQL'
ALTER ROLE :"role" WITH LOGIN PASSWORD :'pw' CREATEDB;
SQL
      log "role $db_user exists; ensured LOGIN, CREATEDB and its password"
      ;;
  esac
}

# Prints the owner of the database, or nothing when it does not exist.
database_owner() {
  "$@" -At -v db="$db_name" <<'SQL'
SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = :'db';
SQL
}

# Creates the application database unless it exists. template0 + UTF8 because template1 of
# some clusters is SQL_ASCII, which would accept and mangle member names.
create_database_with() {
  local owner
  owner=$(database_owner "$@")
  if [ -n "$owner" ]; then
    if [ "$owner" = "$db_user" ]; then
      log "database $db_name exists, owned by $db_user"
    else
      log "WARNING: database $db_name exists but is owned by $owner, not $db_user; left unchanged" \
        "(Flyway needs $db_user to be able to create objects in it)"
    fi
    return 0
  fi
  "$@" -v db="$db_name" -v role="$db_user" <<'SQL'
CREATE DATABASE :"db" WITH OWNER :"role" TEMPLATE template0 ENCODING 'UTF8';
SQL
  log "created database $db_name owned by $db_user"
}

# True when the service role logs in over TCP and may create databases.
service_role_ready() {
  [ "$(service_psql postgres -Atc 'select rolcreatedb or rolsuper from pg_roles where rolname = current_user' 2>/dev/null)" = t ]
}

ensure_role_and_database() {
  if admin_pick; then
    log "using superuser access via $admin_method"
    ensure_role_as_admin
    if [ "$create_database" = true ]; then
      create_database_with admin_psql
    fi
  elif service_role_ready; then
    # Someone (a DBA, a managed service) set the role up already; that is all we need,
    # and with CREATEDB the role can create its own database.
    log "no superuser access; role $db_user already logs in with CREATEDB"
    if [ "$create_database" = true ]; then
      create_database_with service_psql postgres
    fi
  else
    die_need_admin "cannot set up role $db_user: no superuser access, and the role cannot log in with CREATEDB yet."
  fi
}

# The end-to-end check: the app connects as the service role over TCP with its password.
verify_service_login() {
  local output version database=postgres
  if [ "$create_database" = true ]; then database=$db_name; fi
  if ! output=$(service_psql "$database" -Atc "select current_setting('server_version_num')" 2>&1); then
    die "role $db_user cannot log in to $host:$port/$database with its password:" \
      "$output" \
      "Check the password (LUMBUNG_DB_PASSWORD / QUARKUS_DATASOURCE_PASSWORD) and that pg_hba.conf" \
      "allows password logins over TCP, e.g.: host all all 127.0.0.1/32 scram-sha-256"
  fi
  version=$output
  if [ "$version" -lt "$min_server_version" ]; then
    die "the server on $host:$port runs PostgreSQL $version (server_version_num); Lumbung needs 15 or newer."
  fi
  if ! service_role_ready; then
    die "role $db_user logs in but lacks CREATEDB, which the tests need for their scratch databases." \
      "Run as a superuser: ALTER ROLE $(sql_ident "$db_user") CREATEDB;"
  fi
  log "verified: $db_user logs in to $host:$port/$database over TCP (server_version_num $version)"
}

ensure_server
ensure_role_and_database
verify_service_login
