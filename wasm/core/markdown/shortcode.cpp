#include "markdown/shortcode.h"

namespace stills {
namespace {

std::string_view trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n";
  auto first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

bool is_id_char(char c) {
  // Ids are slugs; any byte of a non-ASCII character is allowed too.
  return static_cast<unsigned char>(c) >= 0x80 || c == '-' || c == '_' || c == '.' || c == ':' ||
         (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::optional<GalleryShortcode> parse_gallery_shortcode(std::string_view text) {
  text = trim(text);
  if (text.size() < 4 || text.substr(0, 2) != "{{" || text.substr(text.size() - 2) != "}}") return std::nullopt;
  std::string_view inner = trim(text.substr(2, text.size() - 4));
  constexpr std::string_view kName = "gallery";
  if (inner.substr(0, kName.size()) != kName) return std::nullopt;
  std::string_view argument = inner.substr(kName.size());
  if (!argument.empty() && argument[0] != ' ' && argument[0] != '\t') return std::nullopt;
  argument = trim(argument);
  if (argument.size() >= 2 && (argument[0] == '"' || argument[0] == '\'') && argument.back() == argument[0]) {
    argument = argument.substr(1, argument.size() - 2);
  }
  for (char c : argument) {
    if (!is_id_char(c)) return std::nullopt;
  }
  return GalleryShortcode{std::string(argument)};
}

}  // namespace stills
