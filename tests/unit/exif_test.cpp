// The Exif reader: a camera's facts from a TIFF block in either byte order; nothing read outside the
// block, whatever its offsets say (ASan watches).
#include "avif/exif.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "exif_block.h"

using namespace stills;

TEST_CASE("a Leica's facts read back from a little-endian block and from a big-endian one") {
  for (bool little : {true, false}) {
    auto block = test_exif::leica_block(little);
    CameraFacts facts = read_camera_facts(block.data(), block.size());
    CHECK(facts.make == "Leica Camera AG");
    CHECK(facts.model == "LEICA M6");
    CHECK(facts.lens == "Summicron-M 1:2/35");
    CHECK(facts.taken == "2024:05:01 10:00:00");
    CHECK(facts.focal_length == 35);
    CHECK(facts.f_number == 8);
    CHECK(facts.exposure_numerator == 1);
    CHECK(facts.exposure_denominator == 125);
    CHECK(facts.iso == 400);
  }
}

TEST_CASE("text is trimmed, kept printable and cut at 64 characters") {
  auto block = test_exif::block(true, {{0x010f, "  Nikon\x01 Corp  "}, {0x0110, std::string(100, 'Z')}}, {});
  CameraFacts facts = read_camera_facts(block.data(), block.size());
  CHECK(facts.make == "Nikon Corp");
  CHECK(facts.model == std::string(64, 'Z'));
}

TEST_CASE("no TIFF header, or an empty block: no facts") {
  std::vector<std::uint8_t> junk{'J', 'F', 'I', 'F', 0, 0, 0, 8};
  CHECK(read_camera_facts(junk.data(), junk.size()).empty());
  CHECK(read_camera_facts(junk.data(), 0).empty());
}

TEST_CASE("cut short or mutated anywhere, a block never makes the reader look outside it") {
  auto block = test_exif::leica_block(false);
  for (std::size_t size = 0; size <= block.size(); ++size) {
    std::vector<std::uint8_t> cut(block.begin(), block.begin() + static_cast<std::ptrdiff_t>(size));
    read_camera_facts(cut.data(), cut.size());
  }
  std::mt19937 random(13);
  for (int round = 0; round < 20000; ++round) {
    auto mutated = block;
    for (int k = 0; k < 4; ++k) mutated[random() % mutated.size()] = static_cast<std::uint8_t>(random());
    CameraFacts facts = read_camera_facts(mutated.data(), mutated.size());
    CHECK(facts.make.size() <= 64);
  }
}
