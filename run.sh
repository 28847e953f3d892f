#!/usr/bin/env bash
# Runs the whole platform: installs what is missing, builds, and starts the Aspire AppHost
# (PostgreSQL, RabbitMQ, maildev, the four services, the gateway, the Aspire dashboard and the
# operations API). Ctrl+C (or SIGTERM) stops everything.
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh
dotnet build AppHost --nologo -v quiet -clp:ErrorsOnly
# The http profile: the dashboard on http://127.0.0.1:18888, OTLP on 18889 (gRPC) and 18890 (HTTP).
exec dotnet run --project AppHost --no-build --launch-profile http -- "$@"
