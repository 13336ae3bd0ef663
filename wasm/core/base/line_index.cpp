#include "base/line_index.h"

#include <algorithm>
#include <cstring>

namespace stills {

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  const char* begin = text.data();
  const char* end = begin + text.size();
  // A lone CR ends a line too (CommonMark and YAML agree); CRLF counts once.
  for (const char* p = begin; p < end; ++p) {
    if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'))) {
      line_starts_.push_back(static_cast<std::size_t>(p + 1 - begin));
    }
  }
}

TextPosition LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  int line = static_cast<int>(next - line_starts_.begin());
  std::size_t from = *(next - 1);
  int column = 1;
  // Positions are mostly asked in order: one further along the line asked last goes on from there, so
  // thousands of diagnostics on one long line cost the line's length once, not once each.
  if (line == last_.line && offset >= last_offset_) {
    from = last_offset_;
    column = last_.column;
  }
  for (std::size_t i = from; i < offset; ++i) {
    // Count every byte that is not a UTF-8 continuation byte.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  last_ = {line, column};
  last_offset_ = offset;
  return last_;
}

}  // namespace stills
