#!/usr/bin/env bash
# Runs the whole platform: installs what is missing, builds, and starts the AppHost
# (PostgreSQL, RabbitMQ, maildev, the four services, the gateway and the dashboard API).
set -euo pipefail
cd "$(dirname "$0")"
scripts/prerequisites.sh
dotnet build AppHost --nologo -v quiet -clp:ErrorsOnly
exec dotnet run --project AppHost --no-build -- "$@"
