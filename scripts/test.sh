#!/usr/bin/env bash
# Sets up, builds everything and runs every test: doctest natively (ASan + UBSan) and as wasm under
# node (both through ctest), the fuzzers' kept reproducers and a short run of each fuzzer, the node
# test suites of the JS API, and the Chromium page tests.
# FUZZ_SECONDS (default 30) is each fuzzer's run; 0 runs only the reproducers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh test
mkdir -p build

echo "== native unit tests"
scripts/build-dav1d.sh "$root/build/native-deps/dav1d" --native
scripts/build-encoder-deps.sh "$root/build/native-deps/aom" --native
cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSTILLS_SANITIZE=ON >build/native-configure.log 2>&1 ||
  { cat build/native-configure.log; exit 1; }
cmake --build build/native
ctest --test-dir build/native --output-on-failure

echo "== fuzzers (libFuzzer, ASan + UBSan): kept reproducers, then ${FUZZ_SECONDS:-30} s each"
for target in post markdown yaml probe decode layout; do
  scripts/fuzz.sh "$target" --reproducers
  [ "${FUZZ_SECONDS:-30}" = 0 ] || scripts/fuzz.sh "$target" "${FUZZ_SECONDS:-30}"
done

echo "== wasm build and unit tests"
scripts/build.sh --with-tests
ctest --test-dir build/wasm --output-on-failure

echo "== JSDoc types (tsc --checkJs)"
node_modules/.bin/tsc -p .
echo "tsc: no type errors in web/"

echo "== JS API and browser tests"
node --test --test-timeout=180000 --test-reporter=spec tests/js/ tests/e2e/
