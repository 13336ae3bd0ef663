// A small ISOBMFF/HEIF reader: only the boxes that describe the primary image (ISO/IEC 14496-12,
// ISO/IEC 23008-12, and the AV1 Image File Format).
#include "avif/probe.h"

#include "avif/exif.h"

#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace stills {
namespace {

constexpr std::uint32_t fourcc(const char (&name)[5]) {
  return std::uint32_t(std::uint8_t(name[0])) << 24 | std::uint32_t(std::uint8_t(name[1])) << 16 |
         std::uint32_t(std::uint8_t(name[2])) << 8 | std::uint8_t(name[3]);
}

std::string fourcc_text(std::uint32_t type) {
  std::string text;
  for (int shift = 24; shift >= 0; shift -= 8) {
    char c = static_cast<char>(type >> shift);
    text += c >= 0x20 && c < 0x7F ? c : '?';
  }
  return text;
}

// Reads big-endian fields from [pos, end); any read past the end sets `failed` and yields zeros.
class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t begin, std::size_t end) : data_(data), pos_(begin), end_(end) {}

  std::uint64_t read(int bytes) {
    if (end_ - pos_ < static_cast<std::size_t>(bytes)) {
      failed_ = true;
      pos_ = end_;
      return 0;
    }
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i) value = value << 8 | data_[pos_++];
    return value;
  }
  std::uint8_t u8() { return static_cast<std::uint8_t>(read(1)); }
  std::uint16_t u16() { return static_cast<std::uint16_t>(read(2)); }
  std::uint32_t u32() { return static_cast<std::uint32_t>(read(4)); }
  // A 16- or 32-bit field, as FullBox versions choose.
  std::uint32_t id(bool wide) { return wide ? u32() : u16(); }
  void skip(std::size_t bytes) { bytes <= end_ - pos_ ? pos_ += bytes : (failed_ = true, pos_ = end_); }

  std::size_t pos() const { return pos_; }
  std::size_t end() const { return end_; }
  bool done() const { return pos_ >= end_; }
  bool failed() const { return failed_; }

 private:
  const std::uint8_t* data_;
  std::size_t pos_;
  std::size_t end_;
  bool failed_ = false;
};

struct Box {
  std::uint32_t type = 0;
  std::size_t content = 0;  // where the payload starts
  std::size_t end = 0;
};

// The header of the box at `reader`'s position; `end` may lie beyond the bytes at hand.
std::optional<Box> box_header(Reader& reader, std::size_t available_end) {
  std::size_t start = reader.pos();
  std::uint64_t size = reader.u32();
  Box box;
  box.type = reader.u32();
  if (size == 1) size = reader.read(8);
  if (reader.failed()) return std::nullopt;
  box.content = reader.pos();
  box.end = size == 0 ? available_end : start + size;  // size 0: to the end of the file
  if (size != 0 && (size < box.content - start || size > SIZE_MAX - start)) return std::nullopt;
  return box;
}

struct Property {
  std::uint32_t type;
  std::size_t content;
  std::size_t end;
};

struct MetaBox {
  std::optional<std::uint32_t> primary;
  std::map<std::uint32_t, std::uint32_t> item_types;
  std::vector<Property> properties;                                  // 'ipco', in order (1-based in 'ipma')
  std::map<std::uint32_t, std::vector<std::uint16_t>> associations;  // item -> property indices
  struct Reference {
    std::uint32_t type, from, to;
  };
  std::vector<Reference> references;
  struct Location {
    std::uint64_t offset, length;  // in the file: items stored as one extent of the file itself
  };
  std::map<std::uint32_t, Location> locations;
};

class MetaParser {
 public:
  MetaParser(const std::uint8_t* data, MetaBox& meta) : data_(data), meta_(meta) {}

  bool parse(const Box& box) {
    Reader r(data_, box.content, box.end);
    r.skip(4);  // FullBox version and flags
    return for_each_child(r, [&](const Box& child) {
      switch (child.type) {
        case fourcc("pitm"): return parse_pitm(child);
        case fourcc("iinf"): return parse_iinf(child);
        case fourcc("iref"): return parse_iref(child);
        case fourcc("iprp"): return parse_iprp(child);
        case fourcc("iloc"): return parse_iloc(child);
        default: return true;
      }
    });
  }

 private:
  template <typename Visit>
  bool for_each_child(Reader& r, Visit&& visit) {
    while (!r.done()) {
      auto child = box_header(r, r.end());
      if (!child || child->end > r.end()) return false;
      if (!visit(*child)) return false;
      r.skip(child->end - r.pos());
    }
    return !r.failed();
  }

  bool parse_pitm(const Box& box) {
    Reader r(data_, box.content, box.end);
    int version = r.u8();
    r.skip(3);
    meta_.primary = r.id(version != 0);
    return !r.failed();
  }

  bool parse_iinf(const Box& box) {
    Reader r(data_, box.content, box.end);
    int version = r.u8();
    r.skip(3);
    r.id(version != 0);  // entry count: the boxes themselves tell
    return for_each_child(r, [&](const Box& entry) {
      if (entry.type != fourcc("infe")) return true;
      Reader e(data_, entry.content, entry.end);
      int infe_version = e.u8();
      e.skip(3);
      if (infe_version < 2) return true;  // no item type before version 2
      std::uint32_t id = e.id(infe_version >= 3);
      e.skip(2);  // protection index
      std::uint32_t type = e.u32();
      if (!e.failed()) meta_.item_types[id] = type;
      return !e.failed();
    });
  }

  bool parse_iref(const Box& box) {
    Reader r(data_, box.content, box.end);
    int version = r.u8();
    r.skip(3);
    return for_each_child(r, [&](const Box& reference) {
      Reader e(data_, reference.content, reference.end);
      std::uint32_t from = e.id(version != 0);
      std::uint16_t count = e.u16();
      for (int i = 0; i < count && !e.failed(); ++i)
        meta_.references.push_back({reference.type, from, e.id(version != 0)});
      return !e.failed();
    });
  }

  // Where items are. Only those stored as a single extent of the file (construction method 0, in this
  // file) are kept: what the probe reads (the Exif) is stored so by every encoder we know of.
  bool parse_iloc(const Box& box) {
    Reader r(data_, box.content, box.end);
    int version = r.u8();
    r.skip(3);
    std::uint8_t sizes = r.u8();
    std::uint8_t more_sizes = r.u8();
    int offset_size = sizes >> 4, length_size = sizes & 15, base_offset_size = more_sizes >> 4;
    int index_size = version == 1 || version == 2 ? more_sizes & 15 : 0;
    for (int field : {offset_size, length_size, base_offset_size, index_size}) {
      if (field != 0 && field != 4 && field != 8) return false;
    }
    std::uint32_t count = version < 2 ? r.u16() : r.u32();
    for (std::uint32_t i = 0; i < count && !r.failed(); ++i) {
      std::uint32_t item = version < 2 ? r.u16() : r.u32();
      int method = version == 1 || version == 2 ? r.u16() & 15 : 0;
      std::uint16_t data_reference = r.u16();
      std::uint64_t base = r.read(base_offset_size);
      std::uint16_t extents = r.u16();
      MetaBox::Location location{0, 0};
      for (int k = 0; k < extents && !r.failed(); ++k) {
        r.skip(static_cast<std::size_t>(index_size));
        location.offset = r.read(offset_size);
        location.length = r.read(length_size);
      }
      if (method == 0 && data_reference == 0 && extents == 1 && location.offset <= UINT64_MAX - base) {
        location.offset += base;
        meta_.locations.emplace(item, location);
      }
    }
    return !r.failed();
  }

  bool parse_iprp(const Box& box) {
    Reader r(data_, box.content, box.end);
    return for_each_child(r, [&](const Box& child) {
      if (child.type == fourcc("ipco")) {
        Reader c(data_, child.content, child.end);
        return for_each_child(c, [&](const Box& property) {
          meta_.properties.push_back({property.type, property.content, property.end});
          return true;
        });
      }
      if (child.type == fourcc("ipma")) return parse_ipma(child);
      return true;
    });
  }

  bool parse_ipma(const Box& box) {
    Reader r(data_, box.content, box.end);
    int version = r.u8();
    std::uint32_t flags = static_cast<std::uint32_t>(r.read(3));
    std::uint32_t entries = r.u32();
    for (std::uint32_t i = 0; i < entries && !r.failed(); ++i) {
      std::uint32_t item = r.id(version >= 1);
      int count = r.u8();
      // An item's properties are listed once (as libavif requires), so at most 255 of them: lookups
      // stay short whatever the file repeats.
      auto [association, first] = meta_.associations.try_emplace(item);
      if (!first) return false;
      auto& indices = association->second;
      for (int k = 0; k < count && !r.failed(); ++k) {
        indices.push_back(flags & 1 ? r.u16() & 0x7FFF : r.u8() & 0x7F);
      }
    }
    return !r.failed();
  }

  const std::uint8_t* data_;
  MetaBox& meta_;
};

class ImageDescription {
 public:
  ImageDescription(const std::uint8_t* data, const MetaBox& meta) : data_(data), meta_(meta) {}

  // The property of `type` associated with `item`, as a reader over its payload.
  std::optional<Reader> property(std::uint32_t item, std::uint32_t type) const {
    auto found = meta_.associations.find(item);
    if (found == meta_.associations.end()) return std::nullopt;
    for (std::uint16_t index : found->second) {
      if (index == 0 || index > meta_.properties.size()) continue;
      const Property& p = meta_.properties[index - 1];
      if (p.type == type) return Reader(data_, p.content, p.end);
    }
    return std::nullopt;
  }

  std::optional<int> bit_depth(std::uint32_t item) const {
    if (auto pixi = property(item, fourcc("pixi"))) {
      pixi->skip(4);
      if (pixi->u8() > 0) {
        int bits = pixi->u8();
        if (!pixi->failed()) return bits;
      }
    }
    if (auto av1c = property(item, fourcc("av1C"))) {
      av1c->skip(2);
      std::uint8_t flags = av1c->u8();
      if (!av1c->failed()) return flags & 0x20 ? 12 : flags & 0x40 ? 10 : 8;  // twelve_bit, high_bitdepth
    }
    return std::nullopt;
  }

  // The first tile of a grid ('dimg' references from the grid to its tiles, in order).
  std::optional<std::uint32_t> first_tile(std::uint32_t grid) const {
    for (const auto& reference : meta_.references) {
      if (reference.type == fourcc("dimg") && reference.from == grid) return reference.to;
    }
    return std::nullopt;
  }

  bool has_alpha(std::uint32_t primary) const {
    constexpr std::string_view kAlpha[] = {"urn:mpeg:mpegB:cicp:systems:auxiliary:alpha", "urn:mpeg:hevc:2015:auxid:1"};
    std::set<std::uint32_t> looked_at;  // each auxiliary item once, however many references repeat it
    for (const auto& reference : meta_.references) {
      if (reference.type != fourcc("auxl") || reference.to != primary) continue;
      if (!looked_at.insert(reference.from).second) continue;
      auto aux = property(reference.from, fourcc("auxC"));
      if (!aux) continue;
      aux->skip(4);
      std::string type;
      while (!aux->done()) {
        char c = static_cast<char>(aux->u8());
        if (c == '\0') break;
        type += c;
      }
      for (auto alpha : kAlpha) {
        if (type == alpha) return true;
      }
    }
    return false;
  }

 private:
  const std::uint8_t* data_;
  const MetaBox& meta_;
};

// The clean aperture's size when it describes a whole-pixel crop inside the image (as libavif
// requires to apply it); nothing otherwise.
std::optional<std::pair<std::uint32_t, std::uint32_t>> clean_aperture(Reader clap, std::uint32_t width,
                                                                      std::uint32_t height) {
  std::int64_t v[8];
  for (auto& value : v) value = static_cast<std::int32_t>(clap.u32());
  if (clap.failed()) return std::nullopt;
  auto [width_n, width_d, height_n, height_d, x_n, x_d, y_n, y_d] = v;
  if (width_d <= 0 || height_d <= 0 || x_d <= 0 || y_d <= 0) return std::nullopt;
  if (width_n < 0 || height_n < 0 || width_n % width_d || height_n % height_d) return std::nullopt;
  std::int64_t crop_width = width_n / width_d, crop_height = height_n / height_d;
  // The crop's corner is at (size - crop) / 2 + offset, which must be a whole pixel inside the image.
  auto corner = [](std::int64_t size, std::int64_t crop, std::int64_t n,
                   std::int64_t d) -> std::optional<std::int64_t> {
    std::int64_t numerator = (size - crop) * d + 2 * n;
    if (numerator % (2 * d)) return std::nullopt;
    return numerator / (2 * d);
  };
  auto x = corner(width, crop_width, x_n, x_d);
  auto y = corner(height, crop_height, y_n, y_d);
  if (!x || !y || crop_width == 0 || crop_height == 0 || *x < 0 || *y < 0 || *x + crop_width > width ||
      *y + crop_height > height) {
    return std::nullopt;
  }
  return std::pair{static_cast<std::uint32_t>(crop_width), static_cast<std::uint32_t>(crop_height)};
}

AvifProbe invalid(std::string error) { return {AvifProbe::Status::Invalid, {}, 0, std::move(error)}; }

// The Exif item that describes `primary` ('cdsc'), where it lies in the file.
std::optional<MetaBox::Location> exif_location(const MetaBox& meta, std::uint32_t primary) {
  for (const auto& reference : meta.references) {
    if (reference.type != fourcc("cdsc") || reference.to != primary) continue;
    auto type = meta.item_types.find(reference.from);
    auto location = meta.locations.find(reference.from);
    if (type != meta.item_types.end() && type->second == fourcc("Exif") && location != meta.locations.end()) {
      return location->second;
    }
  }
  return std::nullopt;
}

// The camera's facts from the Exif item's payload: a 4-byte offset to the TIFF header, then the block.
CameraFacts camera_facts(const std::uint8_t* payload, std::size_t size) {
  if (size < 4) return {};
  std::uint32_t offset = std::uint32_t(payload[0]) << 24 | payload[1] << 16 | payload[2] << 8 | payload[3];
  if (offset > size - 4) return {};
  return read_camera_facts(payload + 4 + offset, size - 4 - offset);
}

AvifProbe describe(const std::uint8_t* data, std::size_t size, const MetaBox& meta) {
  if (!meta.primary) return invalid("the file names no primary image ('pitm')");
  std::uint32_t primary = *meta.primary;
  auto type = meta.item_types.find(primary);
  if (type == meta.item_types.end()) return invalid("the primary image is not described ('infe')");
  if (type->second != fourcc("av01") && type->second != fourcc("grid")) {
    return invalid("the primary image is '" + fourcc_text(type->second) + "', not AV1");
  }
  ImageDescription image(data, meta);
  auto ispe = image.property(primary, fourcc("ispe"));
  if (!ispe) return invalid("the primary image has no size ('ispe')");
  ispe->skip(4);
  AvifInfo info;
  info.width = ispe->u32();
  info.height = ispe->u32();
  if (ispe->failed() || info.width == 0 || info.height == 0) return invalid("the primary image's size is empty");

  std::uint32_t display_width = info.width, display_height = info.height;
  if (auto clap = image.property(primary, fourcc("clap"))) {
    if (auto crop = clean_aperture(*clap, info.width, info.height)) std::tie(display_width, display_height) = *crop;
  }
  if (auto irot = image.property(primary, fourcc("irot"))) info.rotation = (irot->u8() & 3) * 90;
  if (auto imir = image.property(primary, fourcc("imir"))) info.mirror = imir->u8() & 1;
  if (info.rotation % 180) std::swap(display_width, display_height);
  info.display_width = display_width;
  info.display_height = display_height;

  auto depth = image.bit_depth(primary);
  if (!depth && type->second == fourcc("grid")) {
    if (auto tile = image.first_tile(primary)) depth = image.bit_depth(*tile);
  }
  info.bit_depth = depth.value_or(8);
  info.has_alpha = image.has_alpha(primary);
  if (!info.has_alpha && type->second == fourcc("grid")) {
    // A grid may carry alpha per tile instead of an alpha grid of its own (as libavif accepts).
    if (auto tile = image.first_tile(primary)) info.has_alpha = image.has_alpha(*tile);
  }
  if (auto exif = exif_location(meta, primary); exif && exif->length <= kExifReach && exif->offset <= kExifReach - exif->length) {
    info.exif_end = exif->offset + exif->length;
    if (info.exif_end <= size) info.camera = camera_facts(data + exif->offset, static_cast<std::size_t>(exif->length));
  }
  return {AvifProbe::Status::Ok, info, 0, {}};
}

bool is_avif_brand(std::uint32_t brand) { return brand == fourcc("avif") || brand == fourcc("avis"); }

}  // namespace

AvifProbe probe_avif(const std::uint8_t* data, std::size_t size, bool complete) {
  // In 64 bits: a box that claims to end near the top of a 32-bit size_t must not wrap to a small need.
  auto need_more = [&](std::uint64_t need) {
    if (complete) {
      return invalid("the file ends at byte " + std::to_string(size) + " but its header needs " + std::to_string(need) +
                     " bytes");
    }
    return AvifProbe{AvifProbe::Status::NeedMore, {}, need, {}};
  };
  Reader reader(data, 0, size);
  bool first = true;
  while (true) {
    std::size_t start = reader.pos();
    if (size - start < 16) {
      // A header is 8 bytes, or 16 with a 64-bit size: ask for 16 (a file is never that short).
      Reader peek(data, start, size);
      if (size - start < 8 || (peek.u32() == 1 && size - start < 16)) return need_more(start + 16);
    }
    auto box = box_header(reader, size);
    if (!box) return invalid(first ? "not an AVIF file" : "a box in the file is malformed");
    if (first && box->type != fourcc("ftyp")) return invalid("not an AVIF file: it does not begin with an 'ftyp' box");
    if (box->type == fourcc("ftyp") || box->type == fourcc("meta")) {
      if (box->end > size) return need_more(box->end);
    }
    if (box->type == fourcc("ftyp")) {
      Reader ftyp(data, box->content, box->end);
      std::string brands;
      bool avif = false;
      for (int i = 0; !ftyp.done(); ++i) {
        std::uint32_t brand = ftyp.u32();
        if (i == 1) continue;  // minor version
        avif = avif || is_avif_brand(brand);
        brands += (brands.empty() ? "" : ", ") + fourcc_text(brand);
      }
      if (!avif) return invalid("not an AVIF file (its brands: " + brands + ")");
    } else if (box->type == fourcc("meta")) {
      MetaBox meta;
      if (!MetaParser(data, meta).parse(*box)) return invalid("the file's 'meta' box is malformed");
      return describe(data, size, meta);
    }
    first = false;
    if (box->end >= size) return need_more(std::uint64_t(box->end) + 16);
    reader.skip(box->end - reader.pos());
  }
}

}  // namespace stills
