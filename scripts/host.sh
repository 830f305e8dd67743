#!/usr/bin/env bash
# Starts the published host the one way the product is started: ./run.sh execs this, and so does every test
# that needs a real host (tests/TestSupport/HostProcess.cs), from the repository root as working directory.
# Settings come from the environment (see docs/configuration.md); exec keeps the host's pid, so Ctrl-C and
# a test's SIGTERM reach the host directly and shut the silo down gracefully.
set -euo pipefail
cd "$(dirname "$0")/.."
host=.local/publish/Skriptoteket.Silo.dll
[ -f "$host" ] || { echo "[host] no published host at $host: run scripts/publish.sh first" >&2; exit 1; }
exec dotnet "$host" "$@"
