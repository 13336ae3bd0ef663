// YAML frontmatter -> Meta and galleries, with schema checks reported at the offending node.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "base/line_index.h"
#include "post/post.h"

namespace stills {

struct FrontmatterSource {
  std::string_view yaml;
  std::size_t offset;  // of `yaml` in the file
  std::function<TextPosition(std::size_t file_offset)> locate;
};

// Fills post.meta and post.galleries and appends to post.diagnostics.
void read_frontmatter(const FrontmatterSource& source, const UrlContext& urls, Post& post);

}  // namespace stills
