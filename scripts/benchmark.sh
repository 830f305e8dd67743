#!/usr/bin/env bash
# Issue 12's figures in one run (docs/performance.md): latency pool on/off beside docker run and the raw engine cycle,
# throughput, tool state changes, catalog and "Mina körningar" with big tables, the staff burst, memory. Not part of ./test.sh.
# Prepares the machine like ./test.sh, publishes the host, builds in Release. Optional argument: rounds (20).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prepare.sh
# shellcheck source=/dev/null
source .local/env.sh
scripts/publish.sh
dotnet run -c Release --project tests/Benchmarks -- "$@"
