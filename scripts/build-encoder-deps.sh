#!/usr/bin/env bash
# Builds what the encoder module links, for wasm: libaom 3.14.1's encoder (single-threaded, generic C,
# 8-bit only) and a libavif of its own that encodes with it (the codec module's libavif decodes with
# dav1d and stays as small). Installs libaom.a, libavif.a and their headers into PREFIX. With --native,
# libaom alone, for this machine: the unit tests' libavif (CMakeLists.txt builds it, to decode) encodes
# with it too. Skipped when PREFIX already holds this build.
# Usage: scripts/build-encoder-deps.sh PREFIX [--native]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prefix=$1
target=wasm
[ "${2:-}" = --native ] && target=native
work="$prefix.build"
stamp="$prefix/.stills-$target-$(sha256sum "$0" | cut -c1-16)"
[ -f "$stamp" ] && exit 0
rm -rf "$work" "$prefix" && mkdir -p "$work"
export NODE_PATH=/usr/share/nodejs  # Debian's emcc runs its JS tools from the system node modules
configure() { if [ "$target" = wasm ]; then emcmake cmake "$@"; else cmake "$@"; fi; }

# AOM_TARGET_CPU=generic: no assembly (else configure looks for nasm); the decoder, threads, runtime CPU
# detection, docs, tests, examples and tools off. CONFIG_AV1_HIGHBITDEPTH=0: photos are encoded from
# 8-bit RGBA, and it saves ~80 KB.
configure -S "$root/.cache/src/aom" -B "$work/aom" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_INSTALL_PREFIX="$prefix" -DAOM_TARGET_CPU=generic -DCONFIG_AV1_DECODER=0 -DCONFIG_MULTITHREAD=0 \
  -DCONFIG_RUNTIME_CPU_DETECT=0 -DCONFIG_REALTIME_ONLY=0 -DCONFIG_AV1_HIGHBITDEPTH=0 -DENABLE_DOCS=0 \
  -DENABLE_TESTS=0 -DENABLE_EXAMPLES=0 -DENABLE_TOOLS=0 >"$work/aom-configure.log" 2>&1 ||
  { tail -30 "$work/aom-configure.log" >&2; exit 1; }
cmake --build "$work/aom" --target install >"$work/aom-build.log" 2>&1 || { tail -30 "$work/aom-build.log" >&2; exit 1; }

if [ "$target" = native ]; then
  rm -rf "$work" && touch "$stamp"
  echo "build-encoder-deps: libaom.a $(du -h "$prefix/lib/libaom.a" | cut -f1) in $prefix (native)"
  exit 0
fi
emcmake cmake -S "$root/.cache/src/libavif" -B "$work/libavif" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_INSTALL_PREFIX="$prefix" -DBUILD_SHARED_LIBS=OFF -DAVIF_CODEC_AOM=SYSTEM -DAVIF_CODEC_AOM_DECODE=OFF \
  -DAVIF_CODEC_AOM_ENCODE=ON -DAVIF_CODEC_DAV1D=OFF -DAVIF_LIBYUV=OFF -DAVIF_LIBSHARPYUV=OFF -DAVIF_ZLIBPNG=OFF \
  -DAVIF_JPEG=OFF -DAVIF_BUILD_APPS=OFF -DAVIF_BUILD_TESTS=OFF \
  -DAOM_INCLUDE_DIR="$prefix/include" -DAOM_LIBRARY="$prefix/lib/libaom.a" >"$work/avif-configure.log" 2>&1 ||
  { tail -30 "$work/avif-configure.log" >&2; exit 1; }
cmake --build "$work/libavif" --target install >"$work/avif-build.log" 2>&1 || { tail -30 "$work/avif-build.log" >&2; exit 1; }
rm -rf "$work"
touch "$stamp"
echo "build-encoder-deps: libaom.a $(du -h "$prefix/lib/libaom.a" | cut -f1), libavif.a $(du -h "$prefix/lib/libavif.a" | cut -f1) in $prefix"
