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
scripts/build-encoder-deps.sh "$root/build/wasm-deps/encoder"
cmake -S . -B build/wasm -G Ninja -DCMAKE_TOOLCHAIN_FILE="$root/emscripten.cmake" -DCMAKE_BUILD_TYPE=Release \
  -DBUILD_TESTING=$tests >build/wasm-configure.log 2>&1 || { cat build/wasm-configure.log; exit 1; }
cmake --build build/wasm

# dist/ mirrors web/ (runtime, dom, site, editor, widget), with the public paths at its top: stills.js (the API),
# stills-widget.js (the widget), index.html (the site), editor.html and widget-demo.html; the wasm modules sit
# beside the runtime that loads them, and DOMPurify, PhotoSwipe and exifr from npm in vendor/. Served as is by any
# static host.
rm -rf dist && mkdir -p dist/vendor
cp -r web/runtime web/dom web/site web/editor web/widget web/stills.js web/stills-widget.js web/stills-elements.js dist/
mv dist/site/index.html dist/index.html
mv dist/editor/editor.html dist/editor.html
mv dist/widget/widget-demo.html dist/widget-demo.html
cp build/wasm/wasm/bindings/stills-{core,codec,encoder}.{js,wasm} dist/runtime/
cp node_modules/dompurify/dist/purify.es.mjs dist/vendor/  # DOMPurify's only ES build
cp node_modules/dompurify/LICENSE dist/vendor/purify.LICENSE
cp node_modules/photoswipe/dist/photoswipe.esm.min.js node_modules/photoswipe/dist/photoswipe.css dist/vendor/
cp node_modules/photoswipe/LICENSE dist/vendor/photoswipe.LICENSE
cp node_modules/exifr/dist/lite.esm.mjs dist/vendor/exifr.js  # exifr's JPEG/HEIC reader, self-contained
cp node_modules/exifr/LICENSE dist/vendor/exifr.LICENSE
# CodeMirror and fflate import their own packages by bare name: bundled into one module each.
node_modules/.bin/esbuild scripts/vendor/codemirror.mjs --bundle --format=esm --minify --log-level=warning \
  --outfile=dist/vendor/codemirror.js
cp node_modules/@codemirror/view/LICENSE dist/vendor/codemirror.LICENSE
node_modules/.bin/esbuild scripts/vendor/fflate.mjs --bundle --format=esm --minify --log-level=warning \
  --outfile=dist/vendor/fflate.js
cp node_modules/fflate/LICENSE dist/vendor/fflate.LICENSE
node scripts/bundle.mjs  # the widget's two modules and the site's entry, one file each
node scripts/write-page.mjs dist/index.html  # its entry is one bundled file: nothing to preload
node scripts/write-page.mjs dist/editor.html editor/main.js
node scripts/write-page.mjs dist/widget-demo.html  # one script tag, as an embedding page has
node_modules/.bin/tsc -p tsconfig.types.json  # dist/stills.d.ts, from the API's JSDoc
node scripts/write-sw.mjs dist  # dist/stills-sw.js, at the top so that its scope is the whole site
node scripts/precompress.mjs dist
echo "build: dist/ is ready ($(du -sh dist | cut -f1))"
