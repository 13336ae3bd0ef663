// The decoder wrapper over libavif + dav1d (built natively from the same sources as the codec module),
// with small scale targets so the scaling, cropping, rotation and mirroring arithmetic runs, and a
// pixel limit small enough that a declared size costs little before it is refused.
#include <cstddef>
#include <cstdint>

#include "avif/decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  stills::DecodeOptions options;
  options.max_width = data[size - 1] % 64;  // 0: no scaling
  options.max_height = data[size - 2] % 64;
  options.pixel_limit = 1 << 22;  // 4 MP: the sample photos decode; larger declared sizes are refused
  stills::decode_avif(data, size - 2, options);
  return 0;
}
