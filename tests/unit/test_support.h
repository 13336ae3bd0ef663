#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "post/post.h"

namespace stills::test {

inline std::string read_file(const std::string& relative_path) {
  std::ifstream in(std::string(STILLS_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::string sample_post() { return read_file("content/posts/kalatozov-stills.md"); }

// The first diagnostic whose message contains `needle`, or nullptr.
inline const Diagnostic* find_diagnostic(const Post& post, const std::string& needle) {
  for (const auto& d : post.diagnostics) {
    if (d.message.find(needle) != std::string::npos) return &d;
  }
  return nullptr;
}

inline std::string all_html(const Post& post) {
  std::string html;
  for (const auto& block : post.blocks) {
    if (block.type == BlockType::Html) html += block.text;
  }
  return html;
}

}  // namespace stills::test
