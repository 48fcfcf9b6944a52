#!/usr/bin/env bash
# Prints a signed development JWT, alone on stdout, for calling a locally running Lumbung.
#
# Usage: scripts/dev-token.sh ROLE [--district ID]... [--led ID]... [--sub NAME] [--ttl SECONDS]
#   ROLE: admin | district-officer | led-manager | led-clerk | trainer | auditor
#
#   curl -H "Authorization: Bearer $(scripts/dev-token.sh led-manager --led <LED_ID>)" ...
#
# Signing is done by the application's own DevTokenCli (same claims code and key handling as
# the service expects), never by hand in shell. The key is config/dev/jwt-private.pem: a
# development key, committed on purpose, that no deployed configuration trusts.
set -euo pipefail

roles="admin district-officer led-manager led-clerk trainer auditor"

usage() {
  cat <<USAGE
usage: scripts/dev-token.sh ROLE [--district ID]... [--led ID]... [--sub NAME] [--ttl SECONDS]
  ROLE is one of: ${roles// /, }
  --district ID   a district in the caller's scope (repeatable; district-officer)
  --led ID        an LED in the caller's scope (repeatable; led-manager, led-clerk, trainer, auditor)
  --sub NAME      the subject (who the caller is)
  --ttl SECONDS   lifetime of the token
Prints the signed JWT alone on stdout.
USAGE
}

fail_usage() {
  echo "dev-token: $1" >&2
  usage >&2
  exit 2
}

[ $# -ge 1 ] || fail_usage "missing ROLE"
case $1 in
  -h | --help)
    usage
    exit 0
    ;;
esac
case " $roles " in
  *" $1 "*) ;;
  *) fail_usage "unknown role '$1'" ;;
esac

# Check the options here so that a typo gets a usage message, not a build and a Java trace.
args=("$@")
i=1
while [ "$i" -lt "${#args[@]}" ]; do
  option=${args[$i]}
  case $option in
    --district | --led | --sub | --ttl) ;;
    *) fail_usage "unknown option '$option'" ;;
  esac
  [ $((i + 1)) -lt "${#args[@]}" ] || fail_usage "$option needs a value"
  value=${args[$((i + 1))]}
  [ -n "$value" ] || fail_usage "$option needs a non-empty value"
  if [ "$option" = --ttl ]; then
    case $value in
      "" | *[!0-9]* | 0) fail_usage "--ttl needs a positive number of seconds, not '$value'" ;;
    esac
  fi
  i=$((i + 2))
done

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

# shellcheck source=scripts/lib/java.sh
. scripts/lib/java.sh
# shellcheck source=scripts/lib/build.sh
. scripts/lib/build.sh

if [ ! -f config/dev/jwt-private.pem ]; then
  echo "dev-token: $repo_root/config/dev/jwt-private.pem is missing; it is the development signing key." >&2
  exit 1
fi

lumbung_find_java
# Only a missing build triggers one: rebuilding on every token while someone edits src/
# would make each call take a minute (run.sh rebuilds stale builds).
if lumbung_build_missing; then
  lumbung_build
fi

app=target/quarkus-app
exec java -Dlumbung.repo="$repo_root" \
  -cp "$app/app/*:$app/lib/main/*:$app/lib/boot/*" \
  id.lumbung.platform.security.DevTokenCli "$@"
