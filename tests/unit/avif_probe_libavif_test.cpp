// The probe against libavif itself on every AVIF file of libavif's own test data that libavif parses
// (native builds only; parsing needs no codec).
#include <avif/avif.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <vector>

#include "avif/probe.h"

using namespace stills;

namespace {

std::vector<std::uint8_t> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// What libavif says the probe must say, or nothing when libavif does not parse the file.
std::optional<AvifInfo> libavif_info(const std::vector<std::uint8_t>& bytes) {
  avifDecoder* decoder = avifDecoderCreate();
  std::optional<AvifInfo> info;
  if (avifDecoderSetIOMemory(decoder, bytes.data(), bytes.size()) == AVIF_RESULT_OK &&
      avifDecoderParse(decoder) == AVIF_RESULT_OK) {
    const avifImage* image = decoder->image;
    AvifInfo expected;
    expected.width = image->width;
    expected.height = image->height;
    expected.bit_depth = static_cast<int>(image->depth);
    expected.has_alpha = decoder->alphaPresent;
    std::uint32_t width = image->width, height = image->height;
    avifCropRect crop;
    avifDiagnostics diagnostics;
    if ((image->transformFlags & AVIF_TRANSFORM_CLAP) &&
        avifCropRectFromCleanApertureBox(&crop, &image->clap, image->width, image->height, &diagnostics)) {
      width = crop.width;
      height = crop.height;
    }
    if (image->transformFlags & AVIF_TRANSFORM_IROT) expected.rotation = image->irot.angle * 90;
    if (image->transformFlags & AVIF_TRANSFORM_IMIR) expected.mirror = image->imir.axis;
    if (expected.rotation % 180) std::swap(width, height);
    expected.display_width = width;
    expected.display_height = height;
    info = expected;
  }
  avifDecoderDestroy(decoder);
  return info;
}

}  // namespace

TEST_CASE("the probe agrees with libavif on libavif's test files") {
  std::filesystem::path data = STILLS_LIBAVIF_TEST_DATA;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(data)) {
    if (entry.path().extension() == ".avif") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 40);
  int compared = 0;
  for (const auto& file : files) {
    auto bytes = read_bytes(file);
    auto expected = libavif_info(bytes);
    if (!expected) continue;
    CAPTURE(file.filename().string());
    AvifProbe probe = probe_avif(bytes.data(), bytes.size(), true);
    REQUIRE_MESSAGE(probe.status == AvifProbe::Status::Ok, probe.error);
    CHECK(probe.info.width == expected->width);
    CHECK(probe.info.height == expected->height);
    CHECK(probe.info.display_width == expected->display_width);
    CHECK(probe.info.display_height == expected->display_height);
    CHECK(probe.info.rotation == expected->rotation);
    CHECK(probe.info.mirror == expected->mirror);
    CHECK(probe.info.bit_depth == expected->bit_depth);
    CHECK(probe.info.has_alpha == expected->has_alpha);
    ++compared;
  }
  MESSAGE(compared << " of " << files.size() << " files parsed by libavif, all compared");
  CHECK(compared >= 48);  // as many as libavif 1.4.2 parses of its own files: none silently skipped
}
