#!/usr/bin/env bash
# Runs the generated-client scenario (GeneratedClientScenarioTest) through Stoplight Prism's
# validating proxy in front of the service, so that a third-party validator, not our own test
# code, judges every request and answer against openapi.yaml. With --errors Prism turns any
# violation into an error answer, which fails the scenario.
#
# Usage: scripts/prism-check.sh        (needs Node.js/npm, a JDK 21+, PostgreSQL as for the tests)
# Prism comes from the npm registry into target/tools (ignored by git). It listens on 127.0.0.1:4010
# and forwards to the Quarkus test instance on 127.0.0.1:8081, which the test run starts.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PRISM_VERSION=5.16.0
TOOLS=target/tools
PRISM="$TOOLS/node_modules/.bin/prism"
LOG=target/prism-check.log

# shellcheck source=scripts/lib/java.sh
. scripts/lib/java.sh
lumbung_find_java

if [ ! -x "$PRISM" ] || [ "$("$PRISM" --version 2>/dev/null)" != "$PRISM_VERSION" ]; then
  echo "prism-check: npm install @stoplight/prism-cli@$PRISM_VERSION into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --no-save --loglevel=error \
    "@stoplight/prism-cli@$PRISM_VERSION" </dev/null
fi

mkdir -p target
"$PRISM" proxy openapi.yaml http://127.0.0.1:8081 --errors --host 127.0.0.1 --port 4010 >"$LOG" 2>&1 &
prism_pid=$!
trap 'kill "$prism_pid" 2>/dev/null || true; wait "$prism_pid" 2>/dev/null || true' EXIT
# Prism is up once it answers at all (its "no path matched" for / is the readiness probe, not a finding).
for _ in $(seq 1 60); do
  curl -s -o /dev/null --max-time 1 http://127.0.0.1:4010/ && break
  sleep 1
done

echo "+ ./mvnw -B test -Dtest=GeneratedClientScenarioTest -Dlumbung.contract.proxy=http://127.0.0.1:4010"
./mvnw -B test -Dtest=GeneratedClientScenarioTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dlumbung.contract.proxy=http://127.0.0.1:4010
# Prism logs each violation it found; none may be there even where the answer still passed.
if grep -E "Violation|violation" "$LOG" | grep -qv " 0 violation"; then
  echo "prism-check: Prism reported contract violations (see $LOG):" >&2
  grep -E "Violation|violation" "$LOG" >&2
  exit 1
fi
echo "prism-check: no violation reported by Prism $PRISM_VERSION ($LOG)"
