#!/usr/bin/env bash
# Runs every test: unit and component tests (ConnectUi.Tests), then the whole browser suite (ConnectUi.E2E) once against
# scripts/cluster.sh (PostgreSQL, Redis, two published instances, nginx), with a short pass of the connect journeys on
# the embedded default (in-process app, SQLite) beside it. Installs Debian's Chromium, PostgreSQL, Redis and nginx when
# missing; only when they cannot be installed does the browser suite run in-process instead, saying why.
# Checks that the committed trimmed MudBlazor stylesheet is up to date (scripts/trim-css.sh --check, which installs Node.js if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${CONNECTUI_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    echo "Chromium not found at $chromium: installing Debian's chromium package."
    if [ "$(id -u)" -ne 0 ]; then
        echo "Installing needs root: run 'sudo apt-get install -y chromium' or set CONNECTUI_CHROMIUM." >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# The committed trimmed MudBlazor stylesheet must be what PurgeCSS makes of the current markup (installs Node.js if missing).
./scripts/trim-css.sh --check

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet build ConnectUi.sln -c Release --nologo -v quiet
dotnet test ConnectUi.Tests -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=$?

# The browser suite runs against the cluster, which needs PostgreSQL, Redis and nginx from Debian (scripts/cluster.sh starts them in a temporary folder).
cluster_missing() {
    local missing=()
    ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    command -v curl >/dev/null || missing+=(curl)
    echo "${missing[*]}"
}
missing="$(cluster_missing)"
if [ -n "$missing" ] && [ "$(id -u)" -eq 0 ]; then
    echo "Installing $missing for the cluster tests."
    apt-get update -qq >/dev/null 2>&1 || true
    # policy-rc.d keeps the packages from starting system-wide services: the tests start their own.
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null 2>&1 || true
    rm -f /usr/sbin/policy-rc.d
    missing="$(cluster_missing)"
fi
if [ -n "$missing" ]; then
    echo "Cluster tests SKIPPED: $missing could not be installed (install them, as root: apt-get install -y $missing)."
    echo "The browser journeys run on the in-process app (SQLite) instead."
    dotnet test ConnectUi.E2E -c Release --no-build --nologo --filter "Category!=Cluster" 2>&1 | tee -a "$log" || status=$?
else
    # The whole browser suite once, against two published instances on PostgreSQL and Redis behind nginx: the cluster
    # journeys and every other journey (those with a fixture of their own, such as the pseudo-locale, host their own
    # app in-process). Running it a second time in-process would take the run past 25 minutes on a 2-core machine, so
    # the embedded default (SQLite, one process) gets the connect journeys only.
    CONNECTUI_E2E_CLUSTER=1 dotnet test ConnectUi.E2E -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=$?
    dotnet test ConnectUi.E2E -c Release --no-build --nologo --filter "FullyQualifiedName~ConnectJourneyTests" 2>&1 | tee -a "$log" || status=$?
fi

# One closing line for every layer together: "N passed, N failed".
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed"
if [ "$passed" -eq 0 ]; then
    echo "No test ran." >&2
    exit 1
fi
exit "$status"
