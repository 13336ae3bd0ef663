#!/usr/bin/env bash
# Sets up, builds everything and runs every test: doctest natively (ASan + UBSan) and as wasm under
# node (both through ctest), the node test suites of the JS API, and the Chromium page tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh test
mkdir -p build

echo "== native unit tests"
scripts/build-dav1d.sh "$root/build/native-deps/dav1d" --native
cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSTILLS_SANITIZE=ON >build/native-configure.log 2>&1 ||
  { cat build/native-configure.log; exit 1; }
cmake --build build/native
ctest --test-dir build/native --output-on-failure

echo "== wasm build and unit tests"
scripts/build.sh --with-tests
ctest --test-dir build/wasm --output-on-failure

echo "== JSDoc types (tsc --checkJs)"
node_modules/.bin/tsc -p .
echo "tsc: no type errors in web/"

echo "== JS API and browser tests"
node --test --test-timeout=180000 --test-reporter=spec tests/js/ tests/e2e/
