# shellcheck shell=sh
# Sourced helper: choose a JDK that can build and run Lumbung (Java 21+).
#
# Usage:  . scripts/lib/java.sh && lumbung_find_java
#
# Many machines default to an older `java` (Debian 12 ships 17) while a newer JDK sits
# in /usr/lib/jvm, so we look past the default instead of failing on it. The Maven wrapper
# and Quarkus use JAVA_HOME, the plain `java` calls use PATH; we set both so they agree.
#
# The Maven wrapper (mvnw, a /bin/sh script) sources this file too, so that `./mvnw` and the
# scripts pick the same JDK by the same search. Hence plain POSIX sh here (plus `local`, which
# dash, bash, busybox and zsh all have), safe under `set -euf`, and nothing run at source time.
#
# Environment (optional):
#   LUMBUNG_JDK_SEARCH_PATH  colon-separated directories that hold JDKs (each directory and its
#                            children are tried), searched after JAVA_HOME and `java` on PATH;
#                            default /usr/lib/jvm, ~/.sdkman/candidates/java, /opt/java, /opt
#                            and macOS's /Library/Java/JavaVirtualMachines. Empty: search none.

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

# Succeeds when DIR is a JDK (java and javac: Maven compiles) of version 21 or newer; either
# way, when DIR is a JDK its major version is left in LUMBUNG_JAVA_MAJOR.
lumbung_is_jdk21() {
  local home=$1
  LUMBUNG_JAVA_MAJOR=
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  LUMBUNG_JAVA_MAJOR=$(lumbung_java_major "$home/bin/java") || return 1
  [ "$LUMBUNG_JAVA_MAJOR" -ge 21 ]
}

# Prints the search path: LUMBUNG_JDK_SEARCH_PATH, or where package managers and installers put JDKs.
lumbung_jdk_search_path() {
  local sdkman="${HOME:-/nonexistent}/.sdkman/candidates/java" macos=/Library/Java/JavaVirtualMachines
  printf '%s\n' "${LUMBUNG_JDK_SEARCH_PATH-/usr/lib/jvm:$sdkman:/opt/java:/opt:$macos}"
}

# Finds the newest JDK 21+ in the search path (a directory or one of its children, or a
# child's Contents/Home as on macOS) and leaves it in LUMBUNG_FOUND_JDK, its major version in
# LUMBUNG_FOUND_MAJOR and the directory searched in LUMBUNG_FOUND_ROOT; returns 1 when none.
# (Globals, not output: a $(...) subshell would lose them.)
lumbung_search_jdk() {
  local rest root dir noglob=""
  LUMBUNG_FOUND_JDK="" LUMBUNG_FOUND_MAJOR=0 LUMBUNG_FOUND_ROOT=""
  # mvnw runs under `set -f`; the search needs globbing, so lift it here and restore it after.
  case $- in *f*) noglob=1 ;; esac
  set +f
  rest="$(lumbung_jdk_search_path):"
  while [ -n "$rest" ]; do
    root=${rest%%:*}
    rest=${rest#*:}
    [ -n "$root" ] && [ -d "$root" ] || continue
    for dir in "$root" "$root"/* "$root"/*/Contents/Home; do
      [ -d "$dir" ] || continue
      lumbung_is_jdk21 "$dir" || continue
      if [ "$LUMBUNG_JAVA_MAJOR" -gt "$LUMBUNG_FOUND_MAJOR" ]; then
        LUMBUNG_FOUND_JDK=$dir LUMBUNG_FOUND_MAJOR=$LUMBUNG_JAVA_MAJOR LUMBUNG_FOUND_ROOT=$root
      fi
    done
  done
  if [ -n "$noglob" ]; then set -f; fi
  [ -n "$LUMBUNG_FOUND_JDK" ]
}

# Picks a JDK 21+ and exports JAVA_HOME with its bin first on PATH. Order: $JAVA_HOME,
# then `java` on PATH, then the newest JDK in the search path (above). A JAVA_HOME older than
# 21 does not stop the search; LUMBUNG_JAVA_CHOICE says what was chosen and what was passed
# over, in one line (mvnw prints it). Exits 1 with what to install when none is found
# (callers cannot do anything useful without one).
lumbung_find_java() {
  local candidate="" major="" how="" passed="" path_java dir
  LUMBUNG_JAVA_CHOICE=

  if [ -n "${JAVA_HOME:-}" ]; then
    if lumbung_is_jdk21 "$JAVA_HOME"; then
      candidate=$JAVA_HOME major=$LUMBUNG_JAVA_MAJOR how="JAVA_HOME"
    elif [ -n "$LUMBUNG_JAVA_MAJOR" ]; then
      passed="JAVA_HOME=$JAVA_HOME is Java $LUMBUNG_JAVA_MAJOR, too old: ignored"
    else
      passed="JAVA_HOME=$JAVA_HOME is not a JDK: ignored"
    fi
  fi

  if [ -z "$candidate" ] && path_java=$(command -v java); then
    # /usr/bin/java is usually a chain of symlinks (alternatives); its JDK is two levels up
    # from the real binary. (Old macOS readlink has no -f: then take the path as it is.)
    dir=$(readlink -f "$path_java" 2>/dev/null) || dir=$path_java
    dir=${dir%/bin/java}
    if lumbung_is_jdk21 "$dir"; then
      candidate=$dir major=$LUMBUNG_JAVA_MAJOR how="'java' on PATH"
    elif [ -n "$LUMBUNG_JAVA_MAJOR" ]; then
      passed="${passed:+$passed; }'java' on PATH is Java $LUMBUNG_JAVA_MAJOR"
    fi
  fi

  if [ -z "$candidate" ] && lumbung_search_jdk; then
    candidate=$LUMBUNG_FOUND_JDK major=$LUMBUNG_FOUND_MAJOR how="newest JDK 21+ in $LUMBUNG_FOUND_ROOT"
  fi

  if [ -z "$candidate" ]; then
    dir=$(lumbung_jdk_search_path)
    {
      echo "Lumbung needs a JDK 21 or newer and found none (looked at JAVA_HOME=${JAVA_HOME:-<unset>},"
      echo "'java' on PATH and the JDKs in ${dir:-<no directory>}${passed:+; $passed})."
      echo "Install one: 'sudo apt-get install openjdk-21-jdk-headless' (Debian 13, Ubuntu 24.04),"
      echo "'sudo apt-get install temurin-21-jdk' from https://packages.adoptium.net (Debian 12),"
      echo "or 'sdk install java 21-tem' (SDKMAN); or set JAVA_HOME to a JDK 21+."
    } >&2
    exit 1
  fi

  JAVA_HOME=$(readlink -f "$candidate" 2>/dev/null) || JAVA_HOME=$candidate
  PATH="$JAVA_HOME/bin:$PATH"
  LUMBUNG_JAVA_CHOICE="JDK $major at $JAVA_HOME ($how${passed:+; $passed})"
  export JAVA_HOME PATH
}
