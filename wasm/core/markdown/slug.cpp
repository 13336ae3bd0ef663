#include "markdown/slug.h"

#include "base/utf8.h"

namespace stills {
namespace {

// Simple lower-case mapping for the scripts headings are commonly written in (Latin, Greek, Cyrillic,
// Armenian); other scripts have no case or are kept as written.
char32_t to_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
  if (c == 0x178) return 0xFF;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149 && c != 0x17F) {
    bool odd_is_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    bool upper = odd_is_upper ? (c % 2 == 1) : (c % 2 == 0);
    return upper ? c + 1 : c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x4C1 && c <= 0x4CE) return c % 2 == 1 ? c + 1 : c;
  if (c >= 0x460 && c <= 0x4FF && c % 2 == 0 && !(c >= 0x482 && c <= 0x489) && c != 0x4C0) return c + 1;
  if (c >= 0x531 && c <= 0x556) return c + 48;
  return c;
}

bool is_separator(char32_t c) { return c == ' ' || c == '-' || c == '\t' || c == '\n' || c == 0xA0; }

// ASCII punctuation, Latin-1 punctuation and symbols, general punctuation, CJK punctuation,
// and the replacement character.
bool is_dropped(char32_t c) {
  if (c < 0x80) return !(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  return (c >= 0xA1 && c <= 0xBF && c != 0xAA && c != 0xB5 && c != 0xBA) || c == 0xD7 || c == 0xF7 ||
         (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) || c == 0xFFFD || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF01 && c <= 0xFF0F);
}

}  // namespace

std::string slugify(std::string_view text) {
  std::string slug;
  bool pending_dash = false;
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t c = next_code_point(text, pos);
    if (is_separator(c)) {
      pending_dash = !slug.empty();
    } else if (!is_dropped(c)) {
      if (pending_dash) slug += '-';
      pending_dash = false;
      append_utf8(slug, to_lower(c));
    }
  }
  return slug;
}

std::string Slugger::unique(std::string_view text) {
  std::string base = slugify(text);
  if (base.empty()) base = "section";
  if (used_.insert(base).second) return base;
  // Suffixes are tried from where the last heading of this base stopped: a post of thousands of equal
  // headings costs linear time, not quadratic.
  int& next = next_suffix_[base];
  std::string candidate;
  do candidate = base + "-" + std::to_string(++next);
  while (!used_.insert(candidate).second);
  return candidate;
}

}  // namespace stills
