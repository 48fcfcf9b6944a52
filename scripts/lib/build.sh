# shellcheck shell=bash
# Sourced helper: build the Quarkus application (fast-jar in target/quarkus-app) on demand,
# so run.sh and dev-token.sh work on a fresh clone without a separate build step.
# Functions expect the repository root as the current directory and a JDK 21+ chosen
# (scripts/lib/java.sh: lumbung_find_java).

LUMBUNG_APP_JAR=target/quarkus-app/quarkus-run.jar

# Succeeds when there is no built application yet.
lumbung_build_missing() {
  [ ! -f "$LUMBUNG_APP_JAR" ]
}

# Succeeds when the application is missing or older than any source file or pom.xml.
lumbung_build_stale() {
  lumbung_build_missing && return 0
  # -quit: the first newer file settles it; no need to walk the whole tree.
  [ -n "$(find src pom.xml -newer "$LUMBUNG_APP_JAR" -print -quit 2>/dev/null)" ]
}

# Packages the application without tests. All output goes to stderr, so that callers whose
# stdout is the product (dev-token.sh prints only the token) stay clean.
lumbung_build() {
  echo "Building Lumbung: ./mvnw -B -q package -DskipTests" >&2
  if ! ./mvnw -B -q package -DskipTests >&2; then
    echo "The build failed; see the Maven output above." >&2
    exit 1
  fi
}
