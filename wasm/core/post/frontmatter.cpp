#include "post/frontmatter.h"

namespace stills {
namespace {

struct Line {
  std::string_view content;  // without the line break
  std::size_t next;          // offset of the following line
};

Line line_at(std::string_view text, std::size_t start) {
  std::size_t end = text.find('\n', start);
  std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
  if (end == std::string_view::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  return {text.substr(start, end - start), next};
}

bool is_fence(std::string_view line, std::string_view fence) {
  if (line.substr(0, 3) != fence) return false;
  return line.find_first_not_of(" \t", 3) == std::string_view::npos;
}

}  // namespace

FrontmatterSplit split_frontmatter(std::string_view file) {
  FrontmatterSplit split;
  split.body = file;
  Line opening = line_at(file, 0);
  if (!is_fence(opening.content, "---")) return split;
  for (std::size_t start = opening.next; start < file.size();) {
    Line line = line_at(file, start);
    if (is_fence(line.content, "---") || is_fence(line.content, "...")) {
      split.yaml = file.substr(opening.next, start - opening.next);
      split.yaml_offset = opening.next;
      split.body = file.substr(line.next);
      return split;
    }
    start = line.next;
  }
  split.unclosed = true;
  return split;
}

}  // namespace stills
