#!/usr/bin/env bash
# Runs every test: formatting, unit, component, integration (real PostgreSQL) and browser (Chromium) tests.
# Installs the PostgreSQL server and Chromium when missing and we may (root or sudo).
set -euo pipefail
cd "$(dirname "$0")"
source .ci/prerequisites.sh
need_dotnet
need_postgres_server
need_chromium

dotnet tool restore >/dev/null
dotnet restore CommunityPolicing.sln
dotnet build CommunityPolicing.sln --no-restore -warnaserror
dotnet format CommunityPolicing.sln --verify-no-changes --no-restore

# One closing line over all test projects: "N passed, N failed".
log=$(mktemp)
set +e
dotnet test CommunityPolicing.sln --no-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) } }
     END { printf "%d passed, %d failed\n", p, f }' FS='[ ,]+' "$log"
rm -f "$log"
exit "$status"
