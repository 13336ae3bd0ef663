#include "post/post.h"

#include <algorithm>
#include <unordered_map>

#include "base/file_limit.h"
#include "base/line_index.h"
#include "base/utf8.h"
#include "markdown/markdown.h"
#include "post/frontmatter.h"
#include "post/frontmatter_reader.h"

namespace stills {
namespace {

class GalleryPlacer {
 public:
  explicit GalleryPlacer(Post& post) : post_(post), placed_(post.galleries.size(), false) {
    for (std::size_t i = 0; i < post.galleries.size(); ++i) by_id_.try_emplace(post.galleries[i].id, static_cast<int>(i));
  }

  // Cuts the body's HTML at the shortcode slots and puts the galleries (or a notice) there.
  void place(RenderedMarkdown& body) {
    std::size_t html_from = 0;
    for (auto& slot : body.slots) {
      add_html(std::string_view(body.html).substr(html_from, slot.html_offset - html_from));
      html_from = slot.html_offset;
      place_one(slot.shortcode);
    }
    add_html(std::string_view(body.html).substr(html_from));
    append_unplaced();
  }

 private:
  void add_html(std::string_view html) {
    if (html.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
    post_.blocks.push_back({BlockType::Html, std::string(html)});
  }

  void place_one(const GalleryShortcode& code) {
    int index = code.id.empty() ? next_unplaced() : find(code.id);
    if (index < 0) {
      std::string message =
          !code.id.empty()          ? "{{gallery " + code.id + "}} names no gallery in the frontmatter" + known_ids()
          : post_.galleries.empty() ? std::string("{{gallery}} has no gallery to show: the frontmatter lists none")
                                    : "{{gallery}} has no gallery left to show: the frontmatter lists " +
                                          std::to_string(post_.galleries.size()) + ", all placed already";
      post_.diagnostics.push_back({Severity::Warning, message, code.line, code.column});
      post_.blocks.push_back({BlockType::Notice, std::move(message)});
      return;
    }
    if (placed_[index]) {
      // Once: a gallery's id is its element's id on the page, and a few bytes of shortcodes must not
      // multiply a large gallery.
      std::string message = "gallery '" + code.id + "' is shown above already; a gallery is placed once";
      post_.diagnostics.push_back({Severity::Warning, message, code.line, code.column});
      post_.blocks.push_back({BlockType::Notice, std::move(message)});
      return;
    }
    placed_[index] = true;
    post_.blocks.push_back({BlockType::Gallery, {}, index});
  }

  // The first gallery not placed yet. Placing only ever marks galleries, so the search goes on from
  // where it last stopped: linear over the whole post.
  int next_unplaced() {
    while (next_ < placed_.size() && placed_[next_]) ++next_;
    return next_ < placed_.size() ? static_cast<int>(next_) : -1;
  }

  int find(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? -1 : it->second;
  }

  // The ids to choose from, for a shortcode that names none of them (the first few of a long list).
  std::string known_ids() const {
    constexpr std::size_t kListed = 10;
    if (post_.galleries.empty()) return " (it lists none)";
    std::string ids = " (its ids: ";
    for (std::size_t i = 0; i < post_.galleries.size() && i < kListed; ++i) ids += (i ? ", " : "") + post_.galleries[i].id;
    if (post_.galleries.size() > kListed) ids += ", …";
    return ids + ")";
  }

  void append_unplaced() {
    for (std::size_t i = 0; i < placed_.size(); ++i) {
      if (placed_[i]) continue;
      const Gallery& gallery = post_.galleries[i];
      post_.diagnostics.push_back(
          {Severity::Info,
           "gallery '" + gallery.id + "' has no {{gallery}} shortcode in the text; it is shown after the text",
           gallery.line, gallery.column});
      post_.blocks.push_back({BlockType::Gallery, {}, static_cast<int>(i)});
    }
  }

  Post& post_;
  std::vector<bool> placed_;
  std::unordered_map<std::string, int> by_id_;
  std::size_t next_ = 0;  // no gallery before it is unplaced
};

// At most kMaxDiagnostics are listed, the most severe first (errors, then warnings, then notes), then
// in the order they stand in the file; one more says how many are not.
void limit_diagnostics(Diagnostics& diagnostics) {
  auto by_position = [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  };
  std::stable_sort(diagnostics.begin(), diagnostics.end(), by_position);
  if (diagnostics.size() <= kMaxDiagnostics) return;
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.severity < b.severity; });  // errors, warnings, notes
  std::size_t dropped = diagnostics.size() - (kMaxDiagnostics - 1);
  Diagnostic first_dropped = diagnostics[kMaxDiagnostics - 1];
  diagnostics.resize(kMaxDiagnostics - 1);
  std::stable_sort(diagnostics.begin(), diagnostics.end(), by_position);
  diagnostics.push_back({Severity::Warning,
                         std::to_string(dropped) + " more problems are not listed; fix these first",
                         first_dropped.line, first_dropped.column});
}

// The frontmatter into `post`: read, or copied from `cache` when it holds this very frontmatter.
void read_or_copy_frontmatter(const FrontmatterSource& source, const UrlContext& urls, FrontmatterCache* cache,
                              Post& post) {
  if (!cache) return read_frontmatter(source, urls, post);
  const bool same =
      cache->reads > 0 && cache->yaml == source.yaml && cache->offset == source.offset && cache->urls == urls;
  if (!same) {
    Post read;
    read_frontmatter(source, urls, read);
    *cache = {std::string(source.yaml), source.offset, urls, cache->reads + 1, std::move(read)};
  }
  const Post& read = cache->read;
  post.meta = read.meta;
  post.positions = read.positions;
  post.galleries = read.galleries;
  post.diagnostics.insert(post.diagnostics.end(), read.diagnostics.begin(), read.diagnostics.end());
}

// The Markdown body, with the galleries placed at their shortcodes.
void render_body(std::string_view file, std::string_view body_text, const PostOptions& options, Post& post) {
  MarkdownOptions markdown;
  markdown.gallery_slots = true;
  markdown.urls = options.urls;
  markdown.source_lines = options.source_lines;
  for (const auto& gallery : post.galleries) markdown.reserved_ids.push_back(gallery.id);
  RenderedMarkdown body = render_markdown(file, body_text, markdown);
  post.diagnostics.insert(post.diagnostics.end(), body.diagnostics.begin(), body.diagnostics.end());
  GalleryPlacer(post).place(body);
}

}  // namespace

Post parse_post(std::string_view input, const PostOptions& options) {
  Post post;
  const std::size_t cut = file_cut(input);
  Utf8Repair repaired = repair_utf8(input.substr(0, cut));
  const std::string& text = repaired.text;
  std::optional<LineIndex> lines;
  auto locate = [&](std::size_t offset) {
    if (!lines) lines.emplace(text);
    return lines->position(offset);
  };

  if (repaired.replaced) {
    auto at = locate(repaired.first_bad);
    post.diagnostics.push_back({Severity::Warning,
                                "the file has " + std::to_string(repaired.replaced) +
                                    " invalid UTF-8 byte(s) or NUL byte(s), shown as \xEF\xBF\xBD; save it as UTF-8",
                                at.line, at.column});
  }

  if (cut < input.size()) {
    auto at = locate(text.size());  // the first line left out
    post.diagnostics.push_back({Severity::Error, file_cut_message("a post"), at.line, at.column});
  }

  FrontmatterSplit split = split_frontmatter(text);
  if (split.unclosed) {
    post.diagnostics.push_back({Severity::Error,
                                "the frontmatter opened on line 1 is never closed: add a line '---' after it; "
                                "the whole file is shown as text",
                                1, 1});
  }
  if (split.yaml) {
    read_or_copy_frontmatter({*split.yaml, split.yaml_offset, locate}, options.urls, options.frontmatter_cache, post);
  }
  if (!options.frontmatter_only) render_body(text, split.body, options, post);

  limit_diagnostics(post.diagnostics);
  return post;
}

}  // namespace stills
