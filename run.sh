#!/usr/bin/env bash
# Starts Skriptoteket on this machine: installs and starts what is missing (PostgreSQL, Docker engine,
# runner image), builds the all-in-one host and runs it on http://127.0.0.1:${SKRIPTOTEKET_PORT:-5080}.
# Ctrl-C stops it cleanly. Safe to run again: a second run skips every install.
set -euo pipefail
cd "$(dirname "$0")"

scripts/prepare.sh
# A database given by the caller wins over the local one that env.sh names.
given_database="${ConnectionStrings__Skriptoteket:-}"
# shellcheck source=/dev/null
source .local/env.sh
if [ -n "$given_database" ]; then
  export ConnectionStrings__Skriptoteket="$given_database"
fi

export SKRIPTOTEKET_PORT="${SKRIPTOTEKET_PORT:-5080}"
echo "[run] building the host"
scripts/publish.sh
echo "[run] Skriptoteket on http://127.0.0.1:${SKRIPTOTEKET_PORT} (Ctrl-C stops it)"
exec scripts/host.sh
