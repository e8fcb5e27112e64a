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
dotnet test CommunityPolicing.sln --no-build "$@"
