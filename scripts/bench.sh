#!/usr/bin/env bash
# Runs the performance benchmark (ConnectUi.Benchmarks) and prints one Markdown table per measurement:
# page weight, prerendered-page throughput (wrk), memory per circuit, interaction latency, verification
# throughput. Takes about 8 minutes on 2 cores; installs wrk and Chromium from Debian when missing. Not part
# of the test run: timings are printed, never asserted.
#   scripts/bench.sh            full run (the figures in docs/performance.md)
#   scripts/bench.sh --quick    fewer repetitions, about 2 minutes: to try it out, not for figures
#   scripts/bench.sh --only 2,3 some sections only
set -euo pipefail
cd "$(dirname "$0")/.."

# A tool the benchmark drives, installed from Debian when missing (as test.sh does; installing needs root).
need() {
    if command -v "$1" >/dev/null 2>&1 || [ -x "${2:-}" ]; then
        return
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "$1 not found: install it (sudo apt-get install -y $3)." >&2
        exit 1
    fi
    echo "$1 not found: installing Debian's $3 package."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$3" >/dev/null
}
need wrk /usr/bin/wrk wrk
need chromium "${CONNECTUI_CHROMIUM:-/usr/bin/chromium}" chromium

# Pages are weighed and loaded from the app as it ships (publish output, Release); the rest hosts
# the Release build in the benchmark's own process so it can read the app's heap.
published=artifacts/bench/app
dotnet publish ConnectUi/ConnectUi.csproj -c Release -o "$published" --nologo -v quiet
dotnet build ConnectUi.Benchmarks/ConnectUi.Benchmarks.csproj -c Release --nologo -v quiet
dotnet ConnectUi.Benchmarks/bin/Release/net10.0/ConnectUi.Benchmarks.dll --published "$published" "$@"
