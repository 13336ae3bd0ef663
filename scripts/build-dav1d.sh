#!/usr/bin/env bash
# Builds dav1d for wasm (single-threaded, no assembly, 8- and 10/12-bit) with meson and Emscripten,
# installing libdav1d.a and its headers into PREFIX; with --native, the same build for this machine
# (for the decoder's unit tests under the sanitizers). Skipped when PREFIX already holds this build.
# Usage: scripts/build-dav1d.sh PREFIX [--native]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prefix=$1
target=wasm
[ "${2:-}" = --native ] && target=native
source_dir="$root/.cache/src/dav1d"
work="$prefix.build"
stamp="$prefix/.stills-$target-$(sha256sum "$0" | cut -c1-16)"
[ -f "$stamp" ] && exit 0

# Meson's dependency('threads') makes emcc build for pthreads, which needs cross-origin isolation in
# browsers. dav1d run with one thread starts none, so the wasm build leaves threads out: a copy of the
# source with that one line changed (the cached tarball stays as fetched).
rm -rf "$work" "$prefix" && mkdir -p "$work"
cp -r "$source_dir" "$work/src"
sed -i "s/thread_dependency = dependency('threads')/thread_dependency = host_machine.system() == 'emscripten' ? declare_dependency() : dependency('threads')/" \
  "$work/src/meson.build"
grep -q "host_machine.system() == 'emscripten' ? declare_dependency()" "$work/src/meson.build" ||
  { echo "build-dav1d: could not take the threads dependency out of dav1d's meson.build" >&2; exit 1; }

cross=()
if [ "$target" = wasm ]; then
  cross=(--cross-file "$work/cross.ini")
  cat > "$work/cross.ini" <<CROSS
[binaries]
c = 'emcc'
cpp = 'em++'
ar = 'emar'
ranlib = 'emranlib'
pkg-config = 'false'

[host_machine]
system = 'emscripten'
cpu_family = 'wasm32'
cpu = 'wasm32'
endian = 'little'
CROSS
fi

meson setup "$work/out" "$work/src" "${cross[@]}" --prefix "$prefix" --libdir lib \
  --buildtype release --default-library static -Denable_asm=false -Dbitdepths=8,16 -Denable_tools=false \
  -Denable_tests=false -Denable_examples=false -Dlogging=false >"$work/setup.log" 2>&1 ||
  { cat "$work/setup.log" >&2; exit 1; }
ninja -C "$work/out" install >"$work/build.log" 2>&1 || { tail -30 "$work/build.log" >&2; exit 1; }
rm -rf "$work"
touch "$stamp"
echo "build-dav1d: $(du -h "$prefix/lib/libdav1d.a" | cut -f1) libdav1d.a in $prefix"
