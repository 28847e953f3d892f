#!/usr/bin/env bash
# Runs every test of the platform on real PostgreSQL, RabbitMQ and SMTP servers (started by the tests),
# after installing what is missing. Ends with one line: "Total: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh
dotnet build Platform.sln --nologo -v quiet -clp:ErrorsOnly

log=$(mktemp)
status=0
dotnet test Platform.sln --no-build --nologo "$@" 2>&1 | tee "$log" || status=$?
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") failed += $(i+1); if ($i == "Passed:") passed += $(i+1); if ($i == "Skipped:") skipped += $(i+1)
       }
     }
     END { printf "Total: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' FS='[ ,]+' "$log"
rm -f "$log"
exit $status
