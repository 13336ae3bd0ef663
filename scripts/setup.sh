#!/usr/bin/env bash
# Installs what stills needs on Debian 12, each piece only when missing or out of date:
#   apt packages (pinned where they shape the build output), the npm packages of package-lock.json,
#   and the third-party C/C++ sources (scripts/fetch-sources.sh).
# Usage: scripts/setup.sh demo|test   (test adds the native toolchain, doctest and Chromium)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-test}

# Emscripten, binaryen and doctest are pinned: they decide what the build produces. Chromium and
# avifenc (libavif-bin, which makes the AVIF test corpus) get Debian's security updates, so their
# versions move: they are not pinned, and the tests check what they make, not its bytes.
# g++ is in both: meson's cross build of dav1d also looks for the build machine's compiler. clang-14
# and its runtime (libFuzzer, the sanitizers) build the fuzzers.
apt_demo=(cmake ninja-build meson g++ "patch=2.7.6-7" "emscripten=3.1.6~dfsg-5" "binaryen=108-1" xz-utils)
apt_test=("doctest-dev=2.4.9~ds-1" chromium libavif-bin "clang-14=1:14.0.6-12" "libclang-rt-14-dev=1:14.0.6-12")

packages=("${apt_demo[@]}")
[ "$mode" = test ] && packages+=("${apt_test[@]}")

missing=()
for spec in "${packages[@]}"; do
  name=${spec%%=*}
  want=${spec#*=}
  have=$(dpkg-query -W -f='${db:Status-Abbrev}${Version}' "$name" 2>/dev/null || true)
  if [[ $have != ii* ]] || { [ "$want" != "$spec" ] && [ "${have#ii }" != "$want" ]; }; then
    missing+=("$spec")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "setup: node 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

# npm packages: reinstalled exactly from the lockfile whenever it changes.
lock_sum=$(sha256sum "$root/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$root/node_modules/.stills-lock" 2>/dev/null)" != "$lock_sum" ]; then
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$root/node_modules/.stills-lock"
fi

"$root/scripts/fetch-sources.sh"
