// Maps byte offsets in a text to 1-based line and column (columns count code points, as editors show them).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace stills {

struct TextPosition {
  int line;
  int column;
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  TextPosition position(std::size_t offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  mutable TextPosition last_{0, 0};  // the position asked last, at byte last_offset_
  mutable std::size_t last_offset_ = 0;
};

}  // namespace stills
