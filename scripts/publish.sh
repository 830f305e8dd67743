#!/usr/bin/env bash
# Publishes the all-in-one host to .local/publish: the one build of the product that ./run.sh starts and
# that every test needing a real host starts (through scripts/host.sh). Extra arguments go to dotnet publish
# (test.sh passes --no-build after building the solution in Release).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/Silo/Silo.csproj -c Release -o .local/publish --nologo -v quiet "$@"
# When this publish finished: tests compare it with src/ to refuse testing a stale product.
touch .local/publish/.published
