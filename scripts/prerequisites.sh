#!/usr/bin/env bash
# Installs what the platform needs on a Debian machine, and only what is missing:
# PostgreSQL's server, RabbitMQ, Node.js, chromium (Debian packages), maildev (npm, pinned in AppHost/maildev),
# the OpenAPI schema validator the gateway tests use (npm, pinned in tests/tools/openapi) and the Kubernetes
# schema validator the deployment tests use (npm, pinned in tests/tools/kubernetes; kubectl renders the overlays).
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
# The dashboard's browser tests drive Debian's chromium (Playwright never downloads a browser here).
command -v chromium >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  # Debian would start its own system-wide servers; the AppHost runs private ones on other ports.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci from the lock file, only when node_modules is missing or older than the lock.
npm_install() {
  local folder=$1 what=$2
  if [ ! -f "$folder/node_modules/.package-lock.json" ] || [ "$folder/package-lock.json" -nt "$folder/node_modules/.package-lock.json" ]; then
    echo "Installing $what (npm ci)"
    npm ci --prefix "$folder" --no-audit --no-fund --loglevel=error >/dev/null
  fi
}
npm_install AppHost/maildev maildev
npm_install tests/tools/openapi "the OpenAPI validator"
npm_install tests/tools/kubernetes "the Kubernetes schema validator"

# kubectl with its Kustomize renders the Kubernetes overlays in the deployment tests. It comes with these
# machines; Debian's kubernetes-client is 1.20, whose Kustomize is too old for the generated overlays.
command -v kubectl >/dev/null || echo "kubectl is missing: the deployment tests will fail until kubectl 1.32 or newer is installed." >&2
