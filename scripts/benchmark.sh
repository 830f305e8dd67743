#!/usr/bin/env bash
# Issue 12's figures in one run (docs/performance.md): latency pool on/off beside docker run and the raw engine cycle,
# throughput, tool state changes, catalog and "Mina körningar" with big tables, the staff bursts (one host; a cluster with
# one and two runner silos), the soak, memory. Not part of ./test.sh.
# Prepares the machine like ./test.sh, publishes the host, builds in Release. Optional arguments: rounds (20), sections.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prepare.sh
# shellcheck source=/dev/null
source .local/env.sh
scripts/publish.sh
dotnet run -c Release --project tests/Benchmarks -- "$@"
