// The post model and the one entry point that turns a post file into it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "markdown/url_policy.h"

namespace stills {

struct Image {
  std::string img;  // URL after the URL policy
  std::optional<std::string> alt;
  std::optional<std::string> caption;
  std::optional<std::string> camera;  // a camera line the author writes ("Leica M6 · 35 mm"), shown instead of the Exif's
  std::optional<double> width;  // intrinsic size when the author gives it: no probe needed
  std::optional<double> height;
  int line = 1;  // where the image is written in the file (its `img`)
  int column = 1;
};

struct Gallery {
  std::optional<std::string> title;
  std::string id;  // unique in the post; derived from the title when not written
  std::vector<Image> images;
  int line = 1;  // where the gallery is written in the file
  int column = 1;
};

struct Meta {
  std::optional<std::string> title;
  std::optional<std::string> excerpt;
  std::optional<std::string> card_cover;  // URL after the URL policy
  std::optional<std::string> date;        // as written
  std::optional<double> timestamp;        // `date` in milliseconds since 1970-01-01T00:00:00Z
  std::optional<std::string> location;
  std::vector<std::string> tags;
  std::vector<std::pair<std::string, std::string>> other;  // every other key, its value as JSON
};

enum class BlockType { Html, Gallery, Notice };

struct Block {
  BlockType type;
  std::string text;  // HTML, or the notice's message
  int gallery = -1;  // index into Post::galleries
};

// Where a top-level frontmatter key's value is written (the key's position when the value is empty).
struct KeyPosition {
  std::string key;
  int line = 1;
  int column = 1;
};

struct Post {
  Meta meta;
  std::vector<KeyPosition> positions;  // in the order written
  std::vector<Gallery> galleries;
  std::vector<Block> blocks;
  Diagnostics diagnostics;  // sorted by position
};

// What the last frontmatter read gave. A caller that parses one post again and again (an editor, on
// every keystroke) passes the same cache each time, and a frontmatter whose bytes, place and URL
// context did not change is copied from here instead of being read again (yaml-cpp is most of a parse).
struct FrontmatterCache {
  std::string yaml;
  std::size_t offset = 0;
  UrlContext urls;
  std::size_t reads = 0;  // frontmatters read, not copied: 0 while the cache is empty
  Post read;              // what reading it gave: meta, positions, galleries and their diagnostics
};

struct PostOptions {
  UrlContext urls;
  bool frontmatter_only = false;  // read meta and galleries, render no Markdown (blocks stay empty)
  bool source_lines = false;      // top-level blocks carry data-line (MarkdownOptions::source_lines)
  FrontmatterCache* frontmatter_cache = nullptr;
};

// Diagnostics listed for one post at most (an author fixes the first; thousands would only cost time).
inline constexpr std::size_t kMaxDiagnostics = 200;
// Galleries and photos one post may show; those past the limit are left out with a warning. A page
// lays out and paints every photo of a post at once: 5,000 take about a second in Chromium.
inline constexpr std::size_t kMaxGalleries = 1'000;
inline constexpr std::size_t kMaxImages = 5'000;

// Never fails: whatever is wrong with the text becomes a diagnostic, and the rest still renders.
Post parse_post(std::string_view text, const PostOptions& options = {});

// {"meta":…,"galleries":…,"blocks":…,"diagnostics":…}, the shape of the JS API's parsePost result.
std::string post_to_json(const Post& post);

}  // namespace stills
