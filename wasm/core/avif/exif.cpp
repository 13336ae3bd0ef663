#include "avif/exif.h"

namespace stills {
namespace {

constexpr std::size_t kMaxText = 64;
constexpr std::uint16_t kExifPointer = 0x8769;

enum Type : std::uint16_t { kAscii = 2, kShort = 3, kLong = 4, kRational = 5 };

class Tiff {
 public:
  Tiff(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {
    if (size >= 8 && data[0] == 'I' && data[1] == 'I') little_ = true;
    valid_ = size >= 8 && data[0] == data[1] && (data[0] == 'I' || data[0] == 'M') && u16(2) == 42;
  }

  bool valid() const { return valid_; }
  bool fits(std::size_t at, std::size_t bytes) const { return at <= size_ && bytes <= size_ - at; }

  std::uint16_t u16(std::size_t at) const {
    if (!fits(at, 2)) return 0;
    return little_ ? std::uint16_t(data_[at] | data_[at + 1] << 8) : std::uint16_t(data_[at] << 8 | data_[at + 1]);
  }
  std::uint32_t u32(std::size_t at) const {
    if (!fits(at, 4)) return 0;
    return little_ ? std::uint32_t(u16(at)) | std::uint32_t(u16(at + 2)) << 16
                   : std::uint32_t(u16(at)) << 16 | u16(at + 2);
  }
  const std::uint8_t* bytes(std::size_t at) const { return data_ + at; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  bool little_ = false;
  bool valid_ = false;
};

// One IFD entry: its tag and type, and where its value is (inline in the entry when 4 bytes or fewer).
struct Entry {
  std::uint16_t tag, type;
  std::uint32_t count;
  std::size_t value;
};

std::size_t type_size(std::uint16_t type) {
  switch (type) {
    case kAscii: return 1;
    case kShort: return 2;
    case kLong: return 4;
    case kRational: return 8;
    default: return 0;
  }
}

// Calls `visit` for each well-formed entry of the IFD at `at`.
template <typename Visit>
void for_each_entry(const Tiff& tiff, std::size_t at, Visit&& visit) {
  std::uint16_t count = tiff.u16(at);
  if (!tiff.fits(at + 2, std::size_t(count) * 12)) return;
  for (std::size_t i = 0; i < count; ++i) {
    std::size_t entry = at + 2 + 12 * i;
    Entry e{tiff.u16(entry), tiff.u16(entry + 2), tiff.u32(entry + 4), entry + 8};
    std::size_t unit = type_size(e.type);
    if (unit == 0 || e.count == 0 || e.count > (1u << 20)) continue;
    std::size_t bytes = unit * e.count;
    if (bytes > 4) e.value = tiff.u32(entry + 8);
    if (tiff.fits(e.value, bytes)) visit(e);
  }
}

std::string text(const Tiff& tiff, const Entry& e) {
  if (e.type != kAscii) return {};
  std::string out;
  const std::uint8_t* bytes = tiff.bytes(e.value);
  for (std::uint32_t i = 0; i < e.count && bytes[i] != 0; ++i) {
    char c = static_cast<char>(bytes[i]);
    if (c >= 0x20 && c < 0x7F) out += c;
  }
  std::size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  out = out.substr(first, out.find_last_not_of(' ') - first + 1);
  return out.size() > kMaxText ? out.substr(0, kMaxText) : out;
}

double rational(const Tiff& tiff, const Entry& e) {
  if (e.type != kRational) return 0;
  std::uint32_t denominator = tiff.u32(e.value + 4);
  return denominator ? double(tiff.u32(e.value)) / denominator : 0;
}

std::uint32_t integer(const Tiff& tiff, const Entry& e) {
  if (e.type == kShort) return tiff.u16(e.value);
  if (e.type == kLong) return tiff.u32(e.value);
  return 0;
}

}  // namespace

CameraFacts read_camera_facts(const std::uint8_t* data, std::size_t size) {
  CameraFacts facts;
  Tiff tiff(data, size);
  if (!tiff.valid()) return facts;
  std::size_t exif = 0;
  for_each_entry(tiff, tiff.u32(4), [&](const Entry& e) {
    if (e.tag == 0x010f) facts.make = text(tiff, e);
    if (e.tag == 0x0110) facts.model = text(tiff, e);
    if (e.tag == kExifPointer) exif = integer(tiff, e);
  });
  if (exif == 0) return facts;
  for_each_entry(tiff, exif, [&](const Entry& e) {
    switch (e.tag) {
      case 0x829a:
        if (e.type == kRational && tiff.u32(e.value + 4) != 0) {
          facts.exposure_numerator = tiff.u32(e.value);
          facts.exposure_denominator = tiff.u32(e.value + 4);
        }
        break;
      case 0x829d: facts.f_number = rational(tiff, e); break;
      case 0x8827: facts.iso = integer(tiff, e); break;
      case 0x9003: facts.taken = text(tiff, e); break;
      case 0x920a: facts.focal_length = rational(tiff, e); break;
      case 0xa434: facts.lens = text(tiff, e); break;
      default: break;
    }
  });
  return facts;
}

}  // namespace stills
