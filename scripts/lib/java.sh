# shellcheck shell=bash
# Sourced helper: choose a JDK that can build and run Lumbung (Java 21+).
#
# Usage:  . scripts/lib/java.sh && lumbung_find_java
#
# Many machines default to an older `java` (Debian 12 ships 17) while a newer JDK sits
# in /usr/lib/jvm, so we look past the default instead of failing on it. The Maven wrapper
# and Quarkus use JAVA_HOME, the plain `java` calls use PATH; we set both so they agree.

# Prints the major version of the given java executable (8, 17, 21, 25, ...);
# returns non-zero when it cannot be run or its output is not understood.
lumbung_java_major() {
  local java_cmd=$1 version
  # -version writes to stderr; the first quoted string after "version" is the version, e.g.
  #   openjdk version "17.0.15" 2025-04-15   |   openjdk version "25" 2025-09-16
  #   java version "1.8.0_402"               |   openjdk version "26-ea" 2026-03-17
  # awk (not grep | head) so pipefail never trips on SIGPIPE; lines such as
  # "Picked up JAVA_TOOL_OPTIONS" are skipped because they carry no quoted version.
  version=$("$java_cmd" -version 2>&1 | awk -F'"' '/ version "/ { print $2; exit }') || return 1
  case $version in
    1.*) version=${version#1.} ;; # pre-9 scheme: 1.8.0 means 8
  esac
  version=${version%%[!0-9]*} # keep the leading digits: 17.0.15 -> 17, 26-ea -> 26
  [ -n "$version" ] || return 1
  printf '%s\n' "$version"
}

# Succeeds when DIR is a JDK (java and javac: Maven compiles) of version 21 or newer.
lumbung_is_jdk21() {
  local home=$1 major
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  major=$(lumbung_java_major "$home/bin/java") || return 1
  [ "$major" -ge 21 ]
}

# Picks a JDK 21+ and exports JAVA_HOME with its bin first on PATH. Order: $JAVA_HOME,
# then `java` on PATH, then the newest JDK under /usr/lib/jvm. Exits 1 when none is found
# (callers cannot do anything useful without one).
lumbung_find_java() {
  local candidate="" path_java dir major best_major=0

  if [ -n "${JAVA_HOME:-}" ] && lumbung_is_jdk21 "$JAVA_HOME"; then
    candidate=$JAVA_HOME
  fi

  if [ -z "$candidate" ] && path_java=$(command -v java); then
    # /usr/bin/java is usually a chain of symlinks (alternatives); its JDK is two levels up
    # from the real binary.
    dir=$(readlink -f "$path_java")
    dir=${dir%/bin/java}
    if lumbung_is_jdk21 "$dir"; then
      candidate=$dir
    fi
  fi

  if [ -z "$candidate" ]; then
    for dir in /usr/lib/jvm/*; do
      [ -d "$dir" ] || continue
      lumbung_is_jdk21 "$dir" || continue
      major=$(lumbung_java_major "$dir/bin/java") || continue
      if [ "$major" -gt "$best_major" ]; then
        best_major=$major
        candidate=$dir
      fi
    done
  fi

  if [ -z "$candidate" ]; then
    {
      echo "Lumbung needs a JDK 21 or newer; install e.g. openjdk-21-jdk or temurin-21"
      echo "(looked at JAVA_HOME=${JAVA_HOME:-<unset>}, 'java' on PATH and /usr/lib/jvm/*)."
    } >&2
    exit 1
  fi

  JAVA_HOME=$(readlink -f "$candidate")
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH
}
