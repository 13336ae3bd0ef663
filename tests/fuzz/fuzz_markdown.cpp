// The Markdown writer in both modes: plain CommonMark and the post renderer (GFM, ids, slots, lines).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "markdown/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  stills::MarkdownOptions plain;
  plain.plain = true;
  stills::render_markdown(text, text, plain);
  stills::MarkdownOptions post;
  post.gallery_slots = true;
  post.source_lines = true;
  post.urls.document_url = "https://example.org/blog/posts/a.md";
  post.urls.site_base = "https://example.org/blog/";
  post.reserved_ids = {"gallery", "a"};
  stills::render_markdown(text, text, post);
  return 0;
}
