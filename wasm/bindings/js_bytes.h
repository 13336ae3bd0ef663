// Bytes from JS, for the bindings of both modules: a Uint8Array copied into wasm memory in one native
// TypedArray.set. (embind's own std::string argument copies a byte at a time in a JS loop: it was
// half the time of rendering a 100 KB post.)
#pragma once

#include <emscripten/val.h>

#include <string>

inline std::string bytes_from_js(const emscripten::val& array) {
  std::string bytes(array["length"].as<std::size_t>(), '\0');
  emscripten::val(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<unsigned char*>(bytes.data())))
      .call<void>("set", array);
  return bytes;
}
