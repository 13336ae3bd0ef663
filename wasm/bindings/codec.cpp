// embind surface of the codec module: AVIF bytes in, RGBA out (copied once into a JS typed array that
// the worker can transfer).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "js_bytes.h"

#include "avif/decoder.h"

namespace {

using emscripten::val;

// decodeAvif(bytes, maxWidth, maxHeight, pixelLimit) -> { width, height, data } | { error }
val decode_avif(const val& array, double max_width, double max_height, double pixel_limit) {
  stills::DecodeOptions options;
  options.max_width = max_width > 0 ? static_cast<std::uint32_t>(max_width) : 0;
  options.max_height = max_height > 0 ? static_cast<std::uint32_t>(max_height) : 0;
  if (pixel_limit > 0) options.pixel_limit = static_cast<std::uint64_t>(pixel_limit);
  std::string bytes = bytes_from_js(array);
  stills::DecodedImage image =
      stills::decode_avif(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), options);
  val result = val::object();
  if (!image.error.empty()) {
    result.set("error", image.error);
    return result;
  }
  result.set("decodeMs", image.decode_ms);
  result.set("convertMs", image.convert_ms);
  result.set("width", image.width);
  result.set("height", image.height);
  result.set(
      "data",
      val::global("Uint8ClampedArray").new_(emscripten::typed_memory_view(image.rgba.size(), image.rgba.data())));
  return result;
}

}  // namespace

EMSCRIPTEN_BINDINGS(stills_codec) { emscripten::function("decodeAvif", &decode_avif); }
