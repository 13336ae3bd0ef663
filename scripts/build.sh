#!/usr/bin/env bash
# Builds the wasm modules (core, and codec with libavif + dav1d) and writes the deployable site to dist/.
# Usage: scripts/build.sh [--with-tests]   (also builds the wasm unit tests)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tests=OFF
[ "${1:-}" = --with-tests ] && tests=ON
cd "$root"

mkdir -p build
scripts/build-dav1d.sh "$root/build/wasm-deps/dav1d"
cmake -S . -B build/wasm -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/emscripten.cmake" -DCMAKE_BUILD_TYPE=Release \
  -DBUILD_TESTING=$tests >build/wasm-configure.log 2>&1 || { cat build/wasm-configure.log; exit 1; }
cmake --build build/wasm

# dist/: the wasm modules, the JS API, the site, and DOMPurify and PhotoSwipe from npm; served as is by
# any static host.
rm -rf dist && mkdir -p dist/vendor
cp build/wasm/wasm/bindings/stills-{core,codec}.{js,wasm} dist/
cp web/*.html web/*.js web/*.css web/*.svg dist/
cp node_modules/dompurify/dist/purify.es.mjs dist/vendor/
cp node_modules/dompurify/LICENSE dist/vendor/purify.LICENSE
cp node_modules/photoswipe/dist/photoswipe.esm.js node_modules/photoswipe/dist/photoswipe.css dist/vendor/
cp node_modules/photoswipe/LICENSE dist/vendor/photoswipe.LICENSE
node scripts/precompress.mjs dist
echo "build: dist/ is ready ($(du -sh dist | cut -f1))"
