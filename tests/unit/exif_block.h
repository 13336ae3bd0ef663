// Exif blocks for the tests, written here byte by byte in either byte order: IFD0 (text tags, and a
// pointer to the Exif IFD when it has entries), then the Exif IFD.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace test_exif {

using Bytes = std::vector<std::uint8_t>;

// An entry: a tag and its value: text (ASCII), a SHORT, or a RATIONAL (numerator, denominator).
struct Value {
  std::uint16_t tag;
  int kind;  // 2 ASCII, 3 SHORT, 5 RATIONAL
  std::string text;
  std::uint32_t numerator = 0, denominator = 1;
  Value(std::uint16_t t, std::string s) : tag(t), kind(2), text(std::move(s)) {}
  Value(std::uint16_t t, std::uint16_t n) : tag(t), kind(3), numerator(n) {}
  Value(std::uint16_t t, std::uint32_t n, std::uint32_t d) : tag(t), kind(5), numerator(n), denominator(d) {}
};

class Writer {
 public:
  explicit Writer(bool little) : little_(little) {}
  void u16(Bytes& out, std::uint32_t v) const {
    std::uint8_t a = v >> 8 & 255, b = v & 255;
    out.push_back(little_ ? b : a);
    out.push_back(little_ ? a : b);
  }
  void u32(Bytes& out, std::uint32_t v) const {
    u16(out, little_ ? v & 0xffff : v >> 16);
    u16(out, little_ ? v >> 16 : v & 0xffff);
  }
  // The IFD at `at`, with values longer than 4 bytes after it.
  Bytes ifd(const std::vector<Value>& values, std::uint32_t at) const {
    Bytes head, data;
    u16(head, static_cast<std::uint32_t>(values.size()));
    std::uint32_t data_at = at + 2 + 12 * static_cast<std::uint32_t>(values.size()) + 4;
    for (const Value& v : values) {
      u16(head, v.tag);
      u16(head, static_cast<std::uint32_t>(v.kind));
      Bytes value;
      if (v.kind == 2) {
        value.assign(v.text.begin(), v.text.end());
        value.push_back(0);
      } else if (v.kind == 3) {
        u16(value, v.numerator);
        u16(value, 0);
      } else {
        u32(value, v.numerator);
        u32(value, v.denominator);
      }
      u32(head, v.kind == 2 ? static_cast<std::uint32_t>(value.size()) : 1);
      if (value.size() <= 4) {
        value.resize(4);
        head.insert(head.end(), value.begin(), value.end());
      } else {
        u32(head, data_at + static_cast<std::uint32_t>(data.size()));
        data.insert(data.end(), value.begin(), value.end());
      }
    }
    u32(head, 0);
    head.insert(head.end(), data.begin(), data.end());
    return head;
  }

 private:
  bool little_;
};

inline Bytes block(bool little, std::vector<Value> ifd0, const std::vector<Value>& exif) {
  Writer w(little);
  Bytes out{static_cast<std::uint8_t>(little ? 'I' : 'M'), static_cast<std::uint8_t>(little ? 'I' : 'M')};
  w.u16(out, 42);
  w.u32(out, 8);
  if (!exif.empty()) ifd0.push_back(Value(0x8769, std::uint16_t(0)));  // placeholder, set below
  Bytes first = w.ifd(ifd0, 8);
  if (!exif.empty()) {
    ifd0.back() = Value(0x8769, static_cast<std::uint16_t>(8 + first.size()));  // a SHORT offset: allowed, and small
    first = w.ifd(ifd0, 8);
    Bytes second = w.ifd(exif, static_cast<std::uint32_t>(8 + first.size()));
    first.insert(first.end(), second.begin(), second.end());
  }
  out.insert(out.end(), first.begin(), first.end());
  return out;
}

inline Bytes leica_block(bool little) {
  return block(little, {{0x010f, "Leica Camera AG"}, {0x0110, "LEICA M6"}},
               {{0x829a, 1u, 125u}, {0x829d, 8u, 1u}, {0x8827, std::uint16_t(400)}, {0x9003, "2024:05:01 10:00:00"},
                {0x920a, 350u, 10u}, {0xa434, "Summicron-M 1:2/35"}});
}

}  // namespace test_exif
