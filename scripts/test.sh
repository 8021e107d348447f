#!/usr/bin/env bash
# Runs every test: unit and component tests (ConnectUi.Tests), then browser journeys (ConnectUi.E2E).
# Installs Debian's Chromium first when it is missing (Playwright cannot download its own browser here), and checks that
# the committed trimmed MudBlazor stylesheet is up to date (scripts/trim-css.sh --check, which installs Node.js if missing).
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
for project in ConnectUi.Tests ConnectUi.E2E; do
    dotnet test "$project" -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=$?
done

# One closing line for every layer together: "N passed, N failed".
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed"
if [ "$passed" -eq 0 ]; then
    echo "No test ran." >&2
    exit 1
fi
exit "$status"
