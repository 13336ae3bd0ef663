#include "base/file_limit.h"

namespace stills {

std::size_t file_cut(std::string_view text) {
  if (text.size() <= kMaxFileBytes) return text.size();
  const std::size_t line_end = text.rfind('\n', kMaxFileBytes - 1);
  if (line_end != std::string_view::npos) return line_end + 1;
  std::size_t cut = kMaxFileBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // a continuation byte
  return cut;
}

std::string file_cut_message(std::string_view what) {
  return std::string(what) + " may be at most 1 MiB (" + std::to_string(kMaxFileBytes) +
         " bytes); this file is longer, so it is read up to here and the rest is left out";
}

}  // namespace stills
