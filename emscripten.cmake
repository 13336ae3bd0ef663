# Toolchain file for the wasm build: Debian's Emscripten 3.1.6 plus the flags every target needs.
#   cmake -B build/wasm -DCMAKE_TOOLCHAIN_FILE=emscripten.cmake
set(STILLS_EMSCRIPTEN_PLATFORM /usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake)
if(NOT EXISTS ${STILLS_EMSCRIPTEN_PLATFORM})
  message(FATAL_ERROR "Emscripten is not installed (apt-get install emscripten binaryen)")
endif()

# Emscripten's default emulator adds --experimental-wasm-threads, which node 20 rejects; node 20's
# fetch() would also try to load the test binaries' .wasm as a URL.
set(CMAKE_CROSSCOMPILING_EMULATOR "/usr/bin/node;--no-experimental-fetch" CACHE STRING "")
include(${STILLS_EMSCRIPTEN_PLATFORM})

# yaml-cpp reports syntax errors by throwing: native wasm exceptions are ~20% smaller and ~2x faster
# than the JS-based ones. The flag must be on every compile and on the link.
# libc++ declares std::string's members as extern templates compiled into emscripten's prebuilt
# library, so in wasm every push_back and append is an out-of-line call; instantiating them here
# lets them inline: +40% Markdown throughput for +8 KB gzip.
set(CMAKE_CXX_FLAGS_INIT "-fwasm-exceptions -D_LIBCPP_DISABLE_EXTERN_TEMPLATE")
# -O3 (CMake's own Release flags, which it would append to any set here): at -O2 the core is 3 KB
# (gzip) larger; at -Os/-Oz ~20 KB smaller, but yaml-cpp runs 3-4x slower (see README, Benchmarks).
set(CMAKE_C_FLAGS_RELEASE_INIT "-O3 -DNDEBUG")
set(CMAKE_CXX_FLAGS_RELEASE_INIT "-O3 -DNDEBUG")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-fwasm-exceptions")

# Debian's emcc runs its JS optimiser (acorn) from the system node modules at -O2 and above.
set(CMAKE_C_LINKER_LAUNCHER env NODE_PATH=/usr/share/nodejs)
set(CMAKE_CXX_LINKER_LAUNCHER env NODE_PATH=/usr/share/nodejs)
