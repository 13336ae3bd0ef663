// Splits a post file into its YAML frontmatter and its Markdown body.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace stills {

struct FrontmatterSplit {
  std::optional<std::string_view> yaml;  // between the fences; absent when the file has no frontmatter
  std::size_t yaml_offset = 0;           // of `yaml` in the file
  std::string_view body;
  bool unclosed = false;  // an opening fence without a closing one: the whole file is the body
};

// The frontmatter opens with a first line "---" and closes at the next line "---" or "..."
// (trailing blanks allowed, LF or CRLF).
FrontmatterSplit split_frontmatter(std::string_view file);

}  // namespace stills
