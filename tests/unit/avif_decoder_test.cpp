// The AVIF decoder (the codec module's C++), natively so that AddressSanitizer and UBSan watch it, on
// libavif's own test files: grids, sequences, alpha, 10/12-bit, gain maps and files broken on purpose.
#include "avif/decoder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "avif/probe.h"

using namespace stills;

namespace {

std::vector<std::uint8_t> read_data(const std::string& name) {
  std::ifstream in(std::filesystem::path(STILLS_LIBAVIF_TEST_DATA) / name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// An error says which stage failed and why.
bool is_reason(const std::string& error) {
  for (const char* stage : {"not a readable AVIF file: ", "the photo's data could not be decoded: ", "the photo is "}) {
    if (starts_with(error, stage) && error.size() > std::string(stage).size() + 2) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every libavif test file decodes to the size the probe reads, or fails saying why") {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(STILLS_LIBAVIF_TEST_DATA)) {
    if (entry.path().extension() == ".avif") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() > 40);
  int decoded = 0;
  for (const auto& name : names) {
    CAPTURE(name);
    auto bytes = read_data(name);
    DecodedImage image = decode_avif(bytes.data(), bytes.size(), {});
    if (!image.error.empty()) {
      CHECK_MESSAGE(is_reason(image.error), image.error);
      continue;
    }
    ++decoded;
    CHECK(image.rgba.size() == std::size_t(image.width) * image.height * 4);
    AvifProbe probe = probe_avif(bytes.data(), bytes.size(), true);
    if (probe.status == AvifProbe::Status::Ok) {
      CHECK(image.width == probe.info.display_width);
      CHECK(image.height == probe.info.display_height);
    }
  }
  CHECK(decoded >= 49);  // as many as libavif 1.4.2 decodes with strict checks off
}

TEST_CASE("a thumbnail fits the box asked for, aspect kept, with no full-size result") {
  auto bytes = read_data("paris_icc_exif_xmp.avif");
  DecodedImage full = decode_avif(bytes.data(), bytes.size(), {});
  REQUIRE(full.error.empty());
  DecodeOptions options;
  options.max_width = 100;
  options.max_height = 100;
  DecodedImage thumb = decode_avif(bytes.data(), bytes.size(), options);
  REQUIRE(thumb.error.empty());
  CHECK(std::max(thumb.width, thumb.height) == 100);
  CHECK(double(thumb.width) / thumb.height == doctest::Approx(double(full.width) / full.height).epsilon(0.02));
  CHECK(thumb.rgba.size() == std::size_t(thumb.width) * thumb.height * 4);
}

TEST_CASE("a photo over the pixel limit is refused with its size") {
  auto bytes = read_data("paris_icc_exif_xmp.avif");
  DecodeOptions options;
  options.pixel_limit = 1000;
  DecodedImage image = decode_avif(bytes.data(), bytes.size(), options);
  CHECK(image.rgba.empty());
  CHECK(image.error.find("megapixels: more than the limit") != std::string::npos);
}

TEST_CASE("every cut of a file either decodes or fails with a reason, never out of bounds") {
  for (const char* name : {"white_1x1.avif", "sofa_grid1x5_420.avif", "colors-animated-8bpc.avif"}) {
    CAPTURE(name);
    auto bytes = read_data(name);
    REQUIRE(bytes.size() > 100);
    std::size_t step = std::max<std::size_t>(1, bytes.size() / 97);
    for (std::size_t size = 0; size < bytes.size(); size += step) {
      std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(size));
      DecodedImage image = decode_avif(cut.data(), cut.size(), {});
      if (!image.error.empty()) CHECK_MESSAGE(is_reason(image.error), image.error);
    }
  }
}
