#!/usr/bin/env bash
# Checks, for real, that ./mvnw starts Maven on a JDK 21+ whatever the default `java` is, and
# fails plainly when there is none (mvnw's Lumbung block and scripts/lib/java.sh).
#
# Usage: bash scripts/test-wrapper-jdk.sh
#
# Needs a JDK 21+ installed where the search looks (e.g. /usr/lib/jvm) and the Maven wrapper's
# distribution already in ~/.m2/wrapper (or network access to fetch it once). Runs `./mvnw -B -v`
# only, a few times (well under ten seconds); no build, no download of anything else.
# The old-JAVA_HOME cases use a JDK older than 21 when one is installed (LUMBUNG_TEST_OLD_JDK,
# default /usr/lib/jvm/java-17-openjdk-amd64, else any under /usr/lib/jvm) and say SKIP otherwise.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/lib/java.sh
. scripts/lib/java.sh

failures=0
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# An empty directory to search, and a PATH with the wrapper's tools but no java at all, so
# "no JDK 21+ visible" holds on any machine, whatever /usr/bin/java is.
mkdir "$work/empty" "$work/bin"
for tool in uname dirname basename readlink awk tr cat mktemp; do
  ln -s "$(command -v "$tool")" "$work/bin/$tool"
done

# Runs ./mvnw -B -v with the environment given as arguments (env syntax, JAVA_HOME removed
# first); leaves the exit status in rc, stdout in $work/out and stderr in $work/err.
run_mvnw() {
  rc=0
  env -u JAVA_HOME "$@" ./mvnw -B -v >"$work/out" 2>"$work/err" || rc=$?
}

# Checks a successful run: Maven ran on Java 21+, the one JDK mvnw named on its single
# "mvnw: JDK <major> at <home> (...)" line; the line must contain $1 (how it was chosen).
expect_jdk21() {
  local case_name=$1 expected_reason=$2 line maven_major maven_home chosen_home
  if [ "$rc" -ne 0 ]; then
    fail "$case_name: mvnw exited $rc: $(cat "$work/err")"
    return
  fi
  if [ "$(grep -c '^mvnw: JDK ' "$work/err")" -ne 1 ]; then
    fail "$case_name: expected exactly one 'mvnw: JDK' line on stderr, got: $(cat "$work/err")"
    return
  fi
  line=$(grep '^mvnw: JDK ' "$work/err")
  # Maven's own report: "Java version: 25.0.3, vendor: ..., runtime: /usr/lib/jvm/..."
  maven_major=$(awk -F'[ .,]+' '/^Java version: / { print $3; exit }' "$work/out")
  maven_home=$(awk -F'runtime: ' '/^Java version: / { print $2; exit }' "$work/out")
  chosen_home=$(printf '%s\n' "$line" | awk '{ print $5 }')
  if ! [ "${maven_major:-0}" -ge 21 ] 2>/dev/null; then
    fail "$case_name: Maven ran on Java '${maven_major}' (want 21+): $(cat "$work/out")"
  elif [ "$maven_home" != "$chosen_home" ]; then
    fail "$case_name: Maven ran on $maven_home but mvnw said: $line"
  elif [[ $line != *"$expected_reason"* ]]; then
    fail "$case_name: expected '$expected_reason' in: $line"
  else
    echo "ok   $case_name: $line"
  fi
}

# Checks a refused run: non-zero exit, Maven never started, the plain message naming what to
# install; the message must also contain $2.
expect_refusal() {
  local case_name=$1 expected_detail=$2 err
  err=$(cat "$work/err")
  if [ "$rc" -eq 0 ]; then
    fail "$case_name: mvnw succeeded but no JDK 21+ should be visible: $err"
  elif [ -s "$work/out" ]; then
    fail "$case_name: Maven started anyway: $(cat "$work/out")"
  elif [[ $err != *"needs a JDK 21 or newer"* || $err != *"apt-get install openjdk-21-jdk-headless"* ]]; then
    fail "$case_name: the message does not say what to install: $err"
  elif [[ $err != *"$expected_detail"* ]]; then
    fail "$case_name: expected '$expected_detail' in: $err"
  else
    echo "ok   $case_name: exit $rc, $(printf '%s\n' "$err" | head -n 1)"
  fi
}

old_jdk=${LUMBUNG_TEST_OLD_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}
if ! { [ -x "$old_jdk/bin/javac" ] && major=$(lumbung_java_major "$old_jdk/bin/java") && [ "$major" -lt 21 ]; }; then
  old_jdk=""
  for dir in /usr/lib/jvm/*; do
    if [ -x "$dir/bin/javac" ] && major=$(lumbung_java_major "$dir/bin/java") && [ "$major" -lt 21 ]; then
      old_jdk=$dir
      break
    fi
  done
fi

# 1. The README's case: JAVA_HOME unset, the system PATH (Debian 12: java is 17).
run_mvnw PATH=/usr/bin:/bin
expect_jdk21 "JAVA_HOME unset, PATH=/usr/bin:/bin" "JDK "
jdk21=$(awk '/^mvnw: JDK / { print $5; exit }' "$work/err")

# 2. A JAVA_HOME older than 21 does not win over a JDK 21+ found elsewhere, and the line says so.
if [ -n "$old_jdk" ]; then
  run_mvnw PATH=/usr/bin:/bin JAVA_HOME="$old_jdk"
  expect_jdk21 "JAVA_HOME=$old_jdk" "JAVA_HOME=$old_jdk is Java $major, too old: ignored"
else
  echo "SKIP JAVA_HOME older than 21: no JDK older than 21 installed"
fi

if [ -n "$jdk21" ]; then
  # 3. A JAVA_HOME of 21+ is taken as it is, even with nothing to search.
  run_mvnw PATH="$work/bin" LUMBUNG_JDK_SEARCH_PATH="$work/empty" JAVA_HOME="$jdk21"
  expect_jdk21 "JAVA_HOME=$jdk21, nothing else" "(JAVA_HOME)"

  # 4. Without JAVA_HOME, a java 21+ on PATH is taken before any search.
  run_mvnw PATH="$jdk21/bin:$work/bin" LUMBUNG_JDK_SEARCH_PATH="$work/empty"
  expect_jdk21 "java 21+ on PATH, nothing else" "('java' on PATH)"

  # 5. The search path is honoured: a JDK 21+ only there is found.
  run_mvnw PATH="$work/bin" LUMBUNG_JDK_SEARCH_PATH="$work/empty:$(dirname "$jdk21")"
  expect_jdk21 "only LUMBUNG_JDK_SEARCH_PATH" "newest JDK 21+ in $(dirname "$jdk21")"
fi

# 6. No JDK 21+ visible at all: a plain refusal naming what to install, before Maven starts.
run_mvnw PATH="$work/bin" LUMBUNG_JDK_SEARCH_PATH="$work/empty"
expect_refusal "no JDK 21+ visible" "JAVA_HOME=<unset>"

# 7. The same with an old JAVA_HOME: the refusal says why it was not used.
if [ -n "$old_jdk" ]; then
  run_mvnw PATH="$work/bin" LUMBUNG_JDK_SEARCH_PATH="$work/empty" JAVA_HOME="$old_jdk"
  expect_refusal "no JDK 21+ visible, JAVA_HOME=$old_jdk" "is Java $major, too old: ignored"
fi

# 8. The scripts (bash, set -euo pipefail) share the search and choose the same JDK as mvnw.
scripts_jdk=$(env -u JAVA_HOME PATH=/usr/bin:/bin bash -c \
  'set -euo pipefail; . scripts/lib/java.sh; lumbung_find_java; printf "%s\n" "$JAVA_HOME"') || scripts_jdk=""
if [ -n "$jdk21" ] && [ "$scripts_jdk" = "$jdk21" ]; then
  echo "ok   scripts/lib/java.sh in bash chooses $scripts_jdk, as mvnw does"
else
  fail "scripts/lib/java.sh in bash chose '$scripts_jdk', mvnw '$jdk21'"
fi

if [ "$failures" -ne 0 ]; then
  echo "test-wrapper-jdk: $failures failure(s)" >&2
  exit 1
fi
echo "test-wrapper-jdk: all passed"
