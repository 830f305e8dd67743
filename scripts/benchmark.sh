#!/usr/bin/env bash
# Time to first result of a trivial script, layer by layer (SPEC §9). Prepares the machine like ./test.sh,
# builds in Release and prints a table; docs/execution.md quotes its output. Optional argument: rounds (15).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prepare.sh
# shellcheck source=/dev/null
source .local/env.sh
dotnet run -c Release --project tests/Benchmarks -- "$@"
