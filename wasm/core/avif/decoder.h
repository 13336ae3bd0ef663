// AVIF to RGBA through libavif (with dav1d): the photo as a page shows it, turned, cropped and, when it
// is larger than asked, scaled down inside the decoder so no full-size copy reaches the page.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace stills {

struct DecodeOptions {
  std::uint32_t max_width = 0;  // 0: no limit; the result fits in max_width x max_height, aspect kept
  std::uint32_t max_height = 0;
  std::uint64_t pixel_limit = 64'000'000;  // refuse larger photos (decompression bombs)
};

struct DecodedImage {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::vector<std::uint8_t> rgba;  // 8 bits per channel, straight (not premultiplied) alpha
  std::string error;               // set when the photo could not be decoded
  double decode_ms = 0;            // time in AV1 decoding, and in colour conversion and the rest,
  double convert_ms = 0;           // for benchmarks
};

// Decodes the primary image (or a sequence's first frame), applies the clean aperture, rotation and
// mirroring, and scales down by area averaging to fit the limits.
DecodedImage decode_avif(const std::uint8_t* data, std::size_t size, const DecodeOptions& options);

}  // namespace stills
