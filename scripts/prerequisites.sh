#!/usr/bin/env bash
# Installs what the platform needs on a Debian machine, and only what is missing:
# PostgreSQL's server, RabbitMQ, Node.js (Debian packages) and maildev (npm, pinned in AppHost/maildev).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

command -v dotnet >/dev/null || { echo "The .NET SDK is missing: install .NET 10 (see global.json) and try again." >&2; exit 1; }

missing=()
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v setpriv >/dev/null || missing+=(util-linux)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  # Debian would start its own system-wide servers; the AppHost runs private ones on other ports.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x AppHost/maildev/node_modules/.bin/maildev ] || [ AppHost/maildev/package-lock.json -nt AppHost/maildev/node_modules/.package-lock.json ]; then
  echo "Installing maildev (npm ci)"
  npm ci --prefix AppHost/maildev --no-audit --no-fund --loglevel=error >/dev/null
fi
