// UTF-8 helpers: input repair and code point encoding.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace stills {

struct Utf8Repair {
  std::string text;           // valid UTF-8 without NUL bytes or a leading byte order mark
  std::size_t first_bad = 0;  // offset in `text` of the first replacement made
  std::size_t replaced = 0;   // how many invalid sequences or NUL bytes became U+FFFD
};

// Replaces invalid sequences and NUL bytes by U+FFFD and drops a leading BOM, so that every later stage
// (yaml-cpp, md4c, the JS string decoder) sees the same well-formed text and offsets agree between them.
Utf8Repair repair_utf8(std::string_view input);

void append_utf8(std::string& out, char32_t code_point);

// Decodes one code point at `pos` of valid UTF-8 and advances `pos`.
char32_t next_code_point(std::string_view text, std::size_t& pos);

}  // namespace stills
