// The AVIF encoder (the encoder module's C++), natively under AddressSanitizer and UBSan: what it writes
// reads back through the decoder as the photo it was given, and through the probe with its Exif.
#include "avif/encoder.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "avif/decoder.h"
#include "avif/probe.h"
#include "exif_block.h"

using namespace stills;

namespace {

// Smooth gradients and a soft disc, as photos have them; `hole`: a transparent middle.
std::vector<std::uint8_t> test_card(std::uint32_t width, std::uint32_t height, bool hole = false) {
  std::vector<std::uint8_t> rgba(4u * width * height);
  for (std::uint32_t y = 0; y < height; ++y) {
    for (std::uint32_t x = 0; x < width; ++x) {
      double disc = std::hypot(x - width * 0.5, y - height * 0.5) / (height * 0.3);
      double soft = std::fmax(0, std::fmin(1, 1.5 - disc));
      std::uint8_t* pixel = &rgba[4u * (y * width + x)];
      pixel[0] = static_cast<std::uint8_t>(40 + 150 * x / width * (1 - soft) + 200 * soft);
      pixel[1] = static_cast<std::uint8_t>(60 + 150 * y / height);
      pixel[2] = static_cast<std::uint8_t>(180 - 120.0 * x / width + 40 * soft);
      pixel[3] = hole && disc < 0.5 ? 0 : 255;
    }
  }
  return rgba;
}

double psnr(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
  double squares = 0;
  std::size_t count = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (i % 4 == 3) continue;
    squares += (a[i] - b[i]) * (a[i] - b[i]);
    ++count;
  }
  return 10 * std::log10(255.0 * 255.0 / (squares / count));
}

}  // namespace

TEST_CASE("an encoded photo decodes back at its size, at 38 dB PSNR or more, opaque and 8-bit") {
  auto pixels = test_card(160, 120);
  EncodedAvif encoded = encode_avif(pixels.data(), 160, 120, {});
  REQUIRE(encoded.error.empty());
  AvifProbe probe = probe_avif(encoded.bytes.data(), encoded.bytes.size(), true);
  REQUIRE(probe.status == AvifProbe::Status::Ok);
  CHECK(probe.info.bit_depth == 8);
  CHECK_FALSE(probe.info.has_alpha);
  DecodedImage decoded = decode_avif(encoded.bytes.data(), encoded.bytes.size(), {});
  REQUIRE(decoded.error.empty());
  CHECK(decoded.width == 160);
  CHECK(decoded.height == 120);
  CHECK(psnr(pixels, decoded.rgba) >= 38);
}

TEST_CASE("a lower quality writes a smaller file; transparent pixels keep an alpha plane") {
  auto pixels = test_card(128, 96);
  EncodedAvif low = encode_avif(pixels.data(), 128, 96, {.quality = 20});
  EncodedAvif high = encode_avif(pixels.data(), 128, 96, {.quality = 90});
  CHECK(low.bytes.size() < high.bytes.size());
  auto holed = test_card(128, 96, true);
  EncodedAvif with_alpha = encode_avif(holed.data(), 128, 96, {});
  AvifProbe probe = probe_avif(with_alpha.bytes.data(), with_alpha.bytes.size(), true);
  REQUIRE(probe.status == AvifProbe::Status::Ok);
  CHECK(probe.info.has_alpha);
}

TEST_CASE("no pixels, or a tune libaom does not know, give the reason and no file") {
  EncodedAvif empty = encode_avif(nullptr, 0, 10, {});
  CHECK(empty.error == "the photo has no pixels");
  auto pixels = test_card(16, 16);
  EncodedAvif bad = encode_avif(pixels.data(), 16, 16, {.tune = "nonsense"});
  CHECK_FALSE(bad.error.empty());
  CHECK(bad.bytes.empty());
}

TEST_CASE("the Exif given is kept: the probe reads the camera's facts back once it has the bytes up to them") {
  auto pixels = test_card(64, 48);
  EncodeOptions options;
  auto exif = test_exif::leica_block(false);
  options.exif.assign(exif.begin(), exif.end());
  EncodedAvif encoded = encode_avif(pixels.data(), 64, 48, options);
  REQUIRE(encoded.error.empty());
  AvifProbe whole = probe_avif(encoded.bytes.data(), encoded.bytes.size(), true);
  REQUIRE(whole.status == AvifProbe::Status::Ok);
  CHECK(whole.info.camera.model == "LEICA M6");
  CHECK(whole.info.camera.exposure_denominator == 125);
  CHECK(whole.info.camera.focal_length == 35);
  // The size needs only the header; the Exif follows it, and is read when the bytes reach its end.
  std::size_t exif_end = static_cast<std::size_t>(whole.info.exif_end);
  CHECK(exif_end < 2048);
  AvifProbe short_of_it = probe_avif(encoded.bytes.data(), exif_end - 1);
  REQUIRE(short_of_it.status == AvifProbe::Status::Ok);
  CHECK(short_of_it.info.width == 64);
  CHECK(short_of_it.info.camera.empty());
  CHECK(probe_avif(encoded.bytes.data(), exif_end).info.camera.iso == 400);
  EncodedAvif without = encode_avif(pixels.data(), 64, 48, {});
  CHECK(probe_avif(without.bytes.data(), without.bytes.size(), true).info.camera.empty());
}
