#!/usr/bin/env bash
# Prepares this machine exactly like run.sh (plus Chromium for browser tests), builds the solution and
# runs every test suite against the real PostgreSQL, Docker engine and browser. Non-zero exit on any failure.
set -euo pipefail
cd "$(dirname "$0")"

scripts/prepare.sh --with-browser
# shellcheck source=/dev/null
source .local/env.sh

echo "[test] building"
dotnet build Skriptoteket.sln -c Debug --nologo -v quiet
echo "[test] running every test project"
dotnet test Skriptoteket.sln -c Debug --no-build --nologo --logger "console;verbosity=normal" "$@"
