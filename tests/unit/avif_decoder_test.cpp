// The AVIF decoder (the codec module's C++), natively so that AddressSanitizer and UBSan watch it, on
// libavif's own test files: grids, sequences, alpha, 10/12-bit, gain maps and files broken on purpose.
#include "avif/decoder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
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
    std::string file = name;
    CAPTURE(file);
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

TEST_CASE("a 1 x 15 thumbnail of an opaque 400 x 7681 photo is opaque, each pixel the mean of 204,800") {
  // Found by the decode fuzzer: summed in float, such a mean's alpha came to 256.04, whose byte is 0.
  // The file's last two bytes were the fuzzer's scale target (1 x 15, as below).
  std::ifstream in(std::string(STILLS_FUZZ_REPRODUCERS) + "/decode/tall-photo-tiny-thumbnail", std::ios::binary);
  std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  REQUIRE(bytes.size() > 2);
  DecodedImage full = decode_avif(bytes.data(), bytes.size() - 2, {});
  REQUIRE(full.error.empty());
  CHECK(full.width == 400);
  CHECK(full.height == 7681);
  for (std::size_t i = 3; i < full.rgba.size(); i += 4) REQUIRE(full.rgba[i] == 255);
  DecodeOptions options;
  options.max_width = 7;
  options.max_height = 15;
  DecodedImage thumb = decode_avif(bytes.data(), bytes.size() - 2, options);
  REQUIRE(thumb.error.empty());
  CHECK(thumb.width == 1);
  CHECK(thumb.height == 15);
  for (std::size_t i = 3; i < thumb.rgba.size(); i += 4) CHECK(thumb.rgba[i] == 255);
}

TEST_CASE("a thumbnail converted strip by strip is the full photo, converted whole, averaged by area") {
  // The reference scales the full decode in doubles: each thumbnail pixel is the alpha-weighted mean of
  // the full pixels it covers, by the fraction covered. Strips that dropped, doubled or shifted a row,
  // or upsampled chroma differently at their edges, would be off by far more than rounding.
  for (const char* name : {"paris_icc_exif_xmp.avif", "sofa_grid1x5_420.avif", "seine_sdr_gainmap_srgb.avif",
                           "abc_color_irot_alpha_irot.avif"}) {
    std::string file = name;
    CAPTURE(file);
    auto bytes = read_data(name);
    DecodedImage full = decode_avif(bytes.data(), bytes.size(), {});
    REQUIRE(full.error.empty());
    DecodeOptions options;
    options.max_width = full.width / 3;
    DecodedImage thumb = decode_avif(bytes.data(), bytes.size(), options);
    REQUIRE(thumb.error.empty());
    auto covered = [](std::uint32_t i, std::uint32_t source, std::uint32_t target) {
      double scale = double(source) / target;
      std::vector<std::pair<std::uint32_t, double>> parts;
      for (auto s = std::uint32_t(i * scale); s < std::min<double>(source, std::ceil((i + 1) * scale)); ++s) {
        parts.emplace_back(s, (std::min<double>(s + 1, (i + 1) * scale) - std::max<double>(s, i * scale)) / scale);
      }
      return parts;
    };
    int worst = 0;
    for (std::uint32_t y = 0; y < thumb.height; ++y) {
      auto rows = covered(y, full.height, thumb.height);
      for (std::uint32_t x = 0; x < thumb.width; ++x) {
        double sum[4] = {0, 0, 0, 0};
        for (auto [fy, wy] : rows) {
          for (auto [fx, wx] : covered(x, full.width, thumb.width)) {
            const std::uint8_t* p = &full.rgba[(std::size_t(fy) * full.width + fx) * 4];
            double alpha = p[3] * wy * wx;
            for (int c = 0; c < 3; ++c) sum[c] += p[c] * alpha;
            sum[3] += alpha;
          }
        }
        const std::uint8_t* t = &thumb.rgba[(std::size_t(y) * thumb.width + x) * 4];
        for (int c = 0; c < 3; ++c) if (sum[3] > 0) worst = std::max(worst, int(std::abs(sum[c] / sum[3] - t[c]) + 0.5));
        worst = std::max(worst, int(std::abs(sum[3] - t[3]) + 0.5));
      }
    }
    CHECK(worst <= 1);
  }
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
    std::string file = name;
    CAPTURE(file);
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
