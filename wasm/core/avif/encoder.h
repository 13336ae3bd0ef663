// RGBA to AVIF through libavif (with libaom's encoder): a photo from the browser's own decoder, written
// as the stills site serves it (8-bit 4:2:0, sRGB, full range), with the original's Exif if given.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace stills {

struct EncodeOptions {
  int quality = 60;  // 0 (smallest) .. 100 (lossless), libavif's scale
  int speed = 6;     // 0 (slowest, smallest) .. 10 (fastest)
  std::string tune = "ssim";  // libaom's tune: ssim keeps photos sharper at the same size; "": its default (psnr)
  std::vector<std::uint8_t> exif;  // the original's Exif block (TIFF header on), kept in the file
};

struct EncodedAvif {
  std::vector<std::uint8_t> bytes;
  std::string error;  // set when the photo could not be encoded
};

// Encodes `width` x `height` RGBA pixels (8 bits a channel, straight alpha, rows packed). An opaque photo
// gets no alpha plane.
EncodedAvif encode_avif(const std::uint8_t* rgba, std::uint32_t width, std::uint32_t height,
                        const EncodeOptions& options);

}  // namespace stills
