// embind surface of the encoder module: RGBA in, AVIF bytes out (copied once into a JS Uint8Array that
// the worker can transfer).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "js_bytes.h"

#include "avif/encoder.h"

namespace {

using emscripten::val;

// An option the caller gave, or the encoder's own default (EncodeOptions is the one place defaults live).
int option(const val& options, const char* key, int fallback) {
  val value = options[key];
  return value.isNumber() ? static_cast<int>(value.as<double>()) : fallback;
}

// encodeAvif(rgba, width, height, { quality?, speed?, tune?, exif? }) -> { data } | { error }
val encode_avif(const val& rgba, double width, double height, const val& given) {
  std::string pixels = bytes_from_js(rgba);
  stills::EncodeOptions options;
  options.quality = option(given, "quality", options.quality);
  options.speed = option(given, "speed", options.speed);
  if (given["tune"].isString()) options.tune = given["tune"].as<std::string>();
  val exif = given["exif"];
  if (!exif.isUndefined() && !exif.isNull()) {
    std::string block = bytes_from_js(exif);
    options.exif.assign(block.begin(), block.end());
  }
  val result = val::object();
  auto w = static_cast<std::uint32_t>(width);
  auto h = static_cast<std::uint32_t>(height);
  if (static_cast<double>(w) != width || static_cast<double>(h) != height ||
      pixels.size() != static_cast<std::size_t>(w) * h * 4) {
    result.set("error", "the pixels are not width x height RGBA");
    return result;
  }
  stills::EncodedAvif encoded =
      stills::encode_avif(reinterpret_cast<const std::uint8_t*>(pixels.data()), w, h, options);
  if (!encoded.error.empty()) {
    result.set("error", encoded.error);
    return result;
  }
  result.set("data", val::global("Uint8Array").new_(emscripten::typed_memory_view(encoded.bytes.size(), encoded.bytes.data())));
  return result;
}

}  // namespace

EMSCRIPTEN_BINDINGS(stills_encoder) { emscripten::function("encodeAvif", &encode_avif); }
