#!/usr/bin/env bash
# Runs CommunityPolicing on http://localhost:5080 with demo data on a private PostgreSQL cluster under .data/.
# Installs the PostgreSQL server when it is missing and we may (root or sudo); otherwise says what to run.
set -euo pipefail
cd "$(dirname "$0")"
source .ci/prerequisites.sh
need_dotnet
need_postgres_server

cat <<TXT

  CommunityPolicing  ->  http://localhost:5080
  Demo accounts (password Demo-Passw0rd!):
    admin@demo.local         Administrator
    chief.taraz@demo.local   Station chief, Taraz city police department
    officer.17@demo.local    District officer, post No. 17
    officer.30@demo.local    District officer, post No. 30
    coordinator@demo.local   Volunteer coordinator
  Ctrl+C stops the app and its database; data stays in .data/ for the next run.

TXT
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# dotnet run starts the app in the project folder: keep data and logs at the top of the checkout.
export EmbeddedDatabase__DataDirectory="${EmbeddedDatabase__DataDirectory:-$PWD/.data/postgres}"
export Logging__Directory="${Logging__Directory:-$PWD/logs}"
exec dotnet run --project src/CommunityPolicing.Web --launch-profile http "$@"
