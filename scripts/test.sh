#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need when it is missing, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

RESULTS_DIR="${TEST_RESULTS_DIR:-artifacts/test-results}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

scripts/install-test-deps.sh

rm -rf "$RESULTS_DIR"
dotnet restore District5News.sln
dotnet build District5News.sln -c Release --no-restore
dotnet test District5News.sln -c Release --no-build --logger trx --results-directory "$RESULTS_DIR" "$@"
