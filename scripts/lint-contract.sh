#!/usr/bin/env bash
# Lints the contract openapi.yaml with a third-party linter, Redocly CLI (redocly.yaml holds the
# rules), and fails on any error. The CLI comes from the npm registry into target/tools (ignored by
# git, reused while target/ lives). Needs Node.js and npm; as root with apt they are installed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

REDOCLY_VERSION=2.77.0
TOOLS=target/tools

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "lint-contract: installing nodejs and npm with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "lint-contract: Node.js and npm are needed (apt-get install nodejs npm)" >&2
    exit 1
  fi
fi

REDOCLY="$TOOLS/node_modules/.bin/redocly"
if [ ! -x "$REDOCLY" ] || [ "$("$REDOCLY" --version 2>/dev/null)" != "$REDOCLY_VERSION" ]; then
  echo "lint-contract: npm install @redocly/cli@$REDOCLY_VERSION into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --no-save --loglevel=error \
    "@redocly/cli@$REDOCLY_VERSION" </dev/null
fi

echo "+ redocly lint openapi.yaml"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true "$REDOCLY" lint openapi.yaml --config redocly.yaml \
  </dev/null
