#!/usr/bin/env bash
# Sets up, builds, and serves the demo site with the sample post at http://127.0.0.1:8080
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" demo
"$root/scripts/build.sh"
exec node "$root/scripts/serve.mjs" --port "${PORT:-8080}"
