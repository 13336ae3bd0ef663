#include "base/utf8.h"

namespace stills {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence at `pos` (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF), or 0 when it is malformed.
std::size_t valid_sequence_length(std::string_view s, std::size_t pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  auto continuation = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i < s.size() && byte(i) >= lo && byte(i) <= hi;
  };
  unsigned char b = byte(pos);
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return continuation(pos + 1) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    unsigned char lo = b == 0xE0 ? 0xA0 : 0x80;
    unsigned char hi = b == 0xED ? 0x9F : 0xBF;
    return continuation(pos + 1, lo, hi) && continuation(pos + 2) ? 3 : 0;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    unsigned char lo = b == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = b == 0xF4 ? 0x8F : 0xBF;
    return continuation(pos + 1, lo, hi) && continuation(pos + 2) && continuation(pos + 3) ? 4 : 0;
  }
  return 0;
}

}  // namespace

Utf8Repair repair_utf8(std::string_view input) {
  if (input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);
  Utf8Repair result;
  result.text.reserve(input.size());
  std::size_t clean_from = 0;
  std::size_t pos = 0;
  while (pos < input.size()) {
    std::size_t length = input[pos] == '\0' ? 0 : valid_sequence_length(input, pos);
    if (length) {
      pos += length;
      continue;
    }
    result.text.append(input, clean_from, pos - clean_from);
    if (result.replaced++ == 0) result.first_bad = result.text.size();
    result.text.append(kReplacement);
    clean_from = ++pos;  // one replacement per bad byte, as the WHATWG decoder does for stray bytes
  }
  result.text.append(input, clean_from, std::string_view::npos);
  return result;
}

void append_utf8(std::string& out, char32_t c) {
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

char32_t next_code_point(std::string_view s, std::size_t& pos) {
  auto b = static_cast<unsigned char>(s[pos]);
  int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
  char32_t c = extra == 0 ? b : b & (0x3F >> extra);
  ++pos;
  for (int i = 0; i < extra && pos < s.size(); ++i) c = (c << 6) | (static_cast<unsigned char>(s[pos++]) & 0x3F);
  return c;
}

}  // namespace stills
