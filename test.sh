#!/usr/bin/env bash
# Prepares this machine exactly like run.sh (plus Chromium for browser tests), builds the solution and
# runs every test suite against the real PostgreSQL, Docker engine and browser. Non-zero exit on any failure.
#
#   ./test.sh                   every suite (what CI runs)
#   ./test.sh --fast            the quick inner loop: the suites of pure logic and components (Unit, Components,
#                               Studio), seconds instead of half an hour
#   ./test.sh Web EndToEnd      only the named suites (tests/<Name>.Tests)
#   ./test.sh Web -- --filter FullyQualifiedName~RunApiTests
#                               arguments after -- go to every `dotnet test`
set -euo pipefail
cd "$(dirname "$0")"

fast=(Unit Components Studio)
chosen=() passthrough=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) chosen+=("${fast[@]}") ;;
    --) shift; passthrough=("$@"); break ;;
    -*) echo "[test] unknown option $1 (see the top of test.sh)" >&2; exit 2 ;;
    *) [ -d "tests/$1.Tests" ] || { echo "[test] no suite tests/$1.Tests" >&2; exit 2; }; chosen+=("$1") ;;
  esac
  shift
done

began=$(date +%s)
scripts/prepare.sh --with-browser
# shellcheck source=/dev/null
source .local/env.sh

echo "[test] building"
# Release, like ./run.sh: the host the tests start is the published product (scripts/host.sh), published
# from this very build.
dotnet build Skriptoteket.sln -c Release --nologo -v quiet
scripts/publish.sh --no-build
prepared=$(( $(date +%s) - began ))
# One project at a time: the container, host and browser suites compete for the same two cores, and
# timing-sensitive tests (timeouts, queue order) should not be starved by a neighbour suite.
order=(Unit Grains Integration Runner Web EndToEnd)
for dir in tests/*.Tests; do # any suite added later runs too, after the known ones
  name=$(basename "$dir" .Tests)
  [[ " ${order[*]} " == *" $name "* ]] || order+=("$name")
done
[ ${#chosen[@]} -eq 0 ] || order=("${chosen[@]}")
failed=() timings=()
logs=.local/test-logs
rm -rf "$logs" && mkdir -p "$logs"
for project in "${order[@]}"; do
  echo "[test] ${project}.Tests"
  start=$(date +%s)
  if ! dotnet test "tests/${project}.Tests" -c Release --no-build --nologo --logger "console;verbosity=normal" \
      ${passthrough[@]+"${passthrough[@]}"} | tee "$logs/${project}.log"; then
    failed+=("$project")
  fi
  timings+=("$(printf '%-12s %5d s' "$project" $(( $(date +%s) - start )))")
  echo "[test] ${project}.Tests took $(( $(date +%s) - start )) s"
done
echo "[test] time per suite (preparation, build and publish: ${prepared} s; total: $(( $(date +%s) - began )) s):"
printf '[test]   %s\n' "${timings[@]}"
# One line summing every suite (CI reads it). A skipped test counts as failed; a suite that crashed before
# its summary counts as one failure.
passed_total=0 failed_total=0
for project in "${order[@]}"; do
  # vstest's closing block: "Total tests: T" then "Passed: P" (failed, skipped or aborted = T - P).
  counts=$(awk '/^Total tests:/ { t = $3; p = 0 } /^ +Passed:/ { p = $2 } END { if (t != "") print t, p }' \
    "$logs/${project}.log")
  if [ -z "$counts" ]; then failed_total=$((failed_total + 1)); continue; fi
  read -r total passed <<<"$counts"
  passed_total=$((passed_total + passed)) failed_total=$((failed_total + total - passed))
done
summary="${passed_total} passed, ${failed_total} failed"
if [ ${#failed[@]} -gt 0 ]; then
  # CI shows only the tail of the output: repeat each failed test's name and message here, at the end.
  for project in "${failed[@]}"; do
    echo "[test] failures in ${project}.Tests (full log: $logs/${project}.log):" >&2
    # awk stops by itself (a `| head` would end this script through pipefail before the summary line).
    blocks=$(awk '/^  Failed /{show=1} /^  (Passed|Skipped) /{show=0} show && n++ < 150' "$logs/${project}.log")
    # A crashed test host prints no "Failed" lines: show the end of its log instead.
    if [ -n "$blocks" ]; then echo "$blocks" >&2; else tail -n 40 "$logs/${project}.log" >&2; fi
  done
  echo "[test] FAILED: ${failed[*]}" >&2
  echo "$summary"
  exit 1
fi
echo "[test] all suites passed"
echo "$summary"
