#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "avif/probe.h"

using namespace stills;

namespace {

using Bytes = std::vector<std::uint8_t>;

void put32(Bytes& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}
void put16(Bytes& out, std::uint16_t v) {
  out.push_back(static_cast<std::uint8_t>(v >> 8));
  out.push_back(static_cast<std::uint8_t>(v));
}
void put(Bytes& out, const std::string& text) { out.insert(out.end(), text.begin(), text.end()); }

Bytes box(const std::string& type, const Bytes& payload, bool full = false, std::uint8_t version = 0) {
  Bytes out;
  put32(out, static_cast<std::uint32_t>(8 + (full ? 4 : 0) + payload.size()));
  put(out, type);
  if (full) put32(out, std::uint32_t(version) << 24);
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}

Bytes concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const auto& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

// A minimal AVIF header: one 'av01' primary item with the given extra properties.
Bytes avif_header(std::uint32_t width, std::uint32_t height, const std::vector<Bytes>& extra_properties) {
  Bytes ftyp;
  put(ftyp, "avif");
  put32(ftyp, 0);
  put(ftyp, "mif1avifmiaf");
  Bytes pitm;
  put16(pitm, 1);
  Bytes infe;
  put16(infe, 1);
  put16(infe, 0);
  put(infe, "av01");
  put(infe, std::string("\0", 1));
  Bytes iinf;
  put16(iinf, 1);
  iinf = concat({iinf, box("infe", infe, true, 2)});
  Bytes ispe;
  put32(ispe, width);
  put32(ispe, height);
  Bytes av1c = {0x81, 0x00, 0x40, 0x00};  // high_bitdepth: 10-bit
  Bytes ipco = concat({box("ispe", ispe, true), box("av1C", av1c)});
  for (const auto& property : extra_properties) ipco = concat({ipco, property});
  Bytes ipma;
  put32(ipma, 1);
  put16(ipma, 1);
  ipma.push_back(static_cast<std::uint8_t>(2 + extra_properties.size()));
  for (std::size_t i = 1; i <= 2 + extra_properties.size(); ++i) ipma.push_back(static_cast<std::uint8_t>(i));
  Bytes iprp = concat({box("ipco", ipco), box("ipma", ipma, true)});
  Bytes hdlr;
  put32(hdlr, 0);
  put(hdlr, "pict");
  hdlr.resize(hdlr.size() + 13, 0);
  Bytes meta = concat({box("hdlr", hdlr, true), box("pitm", pitm, true), box("iinf", iinf, true), box("iprp", iprp)});
  return concat({box("ftyp", ftyp), box("meta", meta, true), box("mdat", Bytes(64, 0))});
}

// Two 'av01' items, the primary 1 and 2, both with one 'ispe'; 2 is named `references` times as an
// auxiliary image of 1 ('auxl'), and ipma lists item 2's 255 properties `listings` times.
Bytes header_with_references(int references, int listings) {
  Bytes ftyp;
  put(ftyp, "avif");
  put32(ftyp, 0);
  put(ftyp, "mif1avif");
  Bytes pitm;
  put16(pitm, 1);
  Bytes iinf;
  put16(iinf, 2);
  for (std::uint16_t item : {1, 2}) {
    Bytes infe;
    put16(infe, item);
    put16(infe, 0);
    put(infe, "av01");
    put(infe, std::string("\0", 1));
    iinf = concat({iinf, box("infe", infe, true, 2)});
  }
  Bytes iref;
  for (int left = references; left > 0; left -= 65535) {
    const int count = std::min(left, 65535);
    Bytes auxl;
    put16(auxl, 2);
    put16(auxl, static_cast<std::uint16_t>(count));
    for (int i = 0; i < count; ++i) put16(auxl, 1);
    iref = concat({iref, box("auxl", auxl)});
  }
  Bytes ispe;
  put32(ispe, 64);
  put32(ispe, 48);
  Bytes ipma;
  put32(ipma, static_cast<std::uint32_t>(1 + listings));
  put16(ipma, 1);
  ipma.push_back(1);
  ipma.push_back(1);
  for (int i = 0; i < listings; ++i) {
    put16(ipma, 2);
    ipma.push_back(255);
    ipma.insert(ipma.end(), 255, 1);
  }
  Bytes iprp = concat({box("ipco", box("ispe", ispe, true)), box("ipma", ipma, true)});
  Bytes meta = concat({box("pitm", pitm, true), box("iinf", iinf, true), box("iref", iref, true), box("iprp", iprp)});
  return concat({box("ftyp", ftyp), box("meta", meta, true)});
}

}  // namespace

TEST_CASE("an item whose properties ipma lists twice is malformed, as libavif has it") {
  Bytes once = header_with_references(1, 1);
  AvifProbe probe = probe_avif(once.data(), once.size(), true);
  REQUIRE(probe.status == AvifProbe::Status::Ok);
  CHECK(probe.info.width == 64);
  Bytes twice = header_with_references(1, 2);
  probe = probe_avif(twice.data(), twice.size(), true);
  CHECK(probe.status == AvifProbe::Status::Invalid);
  CHECK(probe.error == "the file's 'meta' box is malformed");
}

TEST_CASE("200,000 references to one auxiliary image that is not alpha: no alpha, each looked at once") {
  Bytes file = header_with_references(200'000, 1);
  AvifProbe probe = probe_avif(file.data(), file.size(), true);
  REQUIRE(probe.status == AvifProbe::Status::Ok);
  CHECK_FALSE(probe.info.has_alpha);
}

TEST_CASE("a minimal header: size, depth from av1C, rotation and mirror") {
  Bytes irot = {3};
  Bytes imir = {1};
  Bytes file = avif_header(640, 480, {box("irot", irot), box("imir", imir)});
  AvifProbe probe = probe_avif(file.data(), file.size());
  REQUIRE(probe.status == AvifProbe::Status::Ok);
  CHECK(probe.info.width == 640);
  CHECK(probe.info.display_width == 480);
  CHECK(probe.info.display_height == 640);
  CHECK(probe.info.rotation == 270);
  CHECK(probe.info.mirror == 1);
  CHECK(probe.info.bit_depth == 10);
  CHECK_FALSE(probe.info.has_alpha);
}

TEST_CASE("a clean aperture that is not a whole-pixel crop inside the image is not applied") {
  auto clap = [](std::vector<std::int32_t> v) {
    Bytes payload;
    for (auto x : v) put32(payload, static_cast<std::uint32_t>(x));
    return box("clap", payload);
  };
  Bytes good = avif_header(200, 120, {clap({100, 1, 50, 1, -40, 1, -15, 1})});
  AvifProbe probe = probe_avif(good.data(), good.size());
  CHECK(probe.info.display_width == 100);
  CHECK(probe.info.display_height == 50);
  for (auto bad : {std::vector<std::int32_t>{300, 1, 50, 1, 0, 1, 0, 1},
                   {101, 2, 50, 1, 0, 1, 0, 1},
                   {100, 0, 50, 1, 0, 1, 0, 1},
                   {100, 1, 50, 1, 1, 2, 0, 1},
                   {100, 1, 50, 1, 100, 1, 0, 1}}) {
    Bytes file = avif_header(200, 120, {clap(bad)});
    probe = probe_avif(file.data(), file.size());
    CHECK(probe.info.display_width == 200);
  }
}

TEST_CASE("needMore until the meta box is whole; complete files cut short are errors") {
  Bytes file = avif_header(64, 64, {});
  std::size_t have = 0;
  AvifProbe probe = probe_avif(file.data(), have);
  for (int steps = 0; probe.status == AvifProbe::Status::NeedMore && steps < 10; ++steps) {
    CHECK(probe.need > have);
    have = static_cast<std::size_t>(std::min<std::uint64_t>(probe.need, file.size()));
    probe = probe_avif(file.data(), have);
  }
  CHECK(probe.status == AvifProbe::Status::Ok);
  CHECK(have < file.size());  // the photo's data was not needed
  probe = probe_avif(file.data(), 40, true);
  CHECK(probe.status == AvifProbe::Status::Invalid);
  CHECK(probe.error.find("ends at byte 40") != std::string::npos);
}

TEST_CASE("a box that claims to end near 4 GB asks for more than that, not for a wrapped few bytes") {
  // ftyp, then a box with a 64-bit size ending 8 bytes short of 2^32: its end + 16 wraps in a 32-bit
  // size_t (wasm), where the probe once asked for 8 bytes it already had.
  Bytes ftyp;
  put(ftyp, "avif");
  put32(ftyp, 0);
  put(ftyp, "mif1avif");
  Bytes file = box("ftyp", ftyp);
  std::uint64_t start = file.size();
  std::uint64_t large = 0x1'0000'0000ull - 8 - start;
  put32(file, 1);
  put(file, "free");
  put32(file, static_cast<std::uint32_t>(large >> 32));
  put32(file, static_cast<std::uint32_t>(large));
  file.resize(file.size() + 64, 0);
  AvifProbe probe = probe_avif(file.data(), file.size());
  REQUIRE(probe.status == AvifProbe::Status::NeedMore);
  CHECK(probe.need == 0x1'0000'0000ull + 8);
  CHECK(probe.need > file.size());
}

TEST_CASE("mutated and truncated headers never read out of bounds") {
  // Run under AddressSanitizer natively: every flipped byte and every cut must give a clean answer.
  Bytes original = avif_header(640, 480, {box("irot", {1})});
  std::mt19937 rng(11);
  int answers[3] = {};
  for (int round = 0; round < 20000; ++round) {
    Bytes file = original;
    int flips = 1 + rng() % 4;
    for (int i = 0; i < flips; ++i) file[rng() % file.size()] = static_cast<std::uint8_t>(rng());
    std::size_t size = rng() % 3 ? file.size() : rng() % file.size();
    Bytes exact(file.begin(), file.begin() + size);  // a buffer of exactly `size` bytes
    AvifProbe probe = probe_avif(exact.data(), exact.size(), rng() % 2);
    answers[static_cast<int>(probe.status)]++;
  }
  CHECK(answers[0] > 0);  // some mutations leave the header readable
  CHECK(answers[2] > 0);
}
