// Markdown body -> HTML, through md4c's parser callbacks and our own writer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "markdown/shortcode.h"
#include "markdown/url_policy.h"

namespace stills {

// How deep the HTML may nest. Deeper quotes and lists are flattened into the deepest allowed one, and
// raw HTML that leaves more than kMaxHtmlNesting elements open is shown as text from there on, each
// with one warning: a sanitizer's and a browser's cost grows with depth times size.
inline constexpr int kMaxBlockNesting = 32;
inline constexpr int kMaxHtmlNesting = 128;

struct MarkdownOptions {
  // Plain CommonMark (no extensions) rendered as the reference renderer does: no heading ids, no added
  // attributes, URLs kept as written but for unsafe schemes, no shortcodes. For conformance tests.
  bool plain = false;
  // Top-level paragraphs that are a {{gallery}} shortcode become slots instead of text.
  bool gallery_slots = false;
  // Each top-level block with text gets data-line="N", the file line its text starts on (an editor's
  // scroll sync reads it). Off for pages.
  bool source_lines = false;
  UrlContext urls;
  std::vector<std::string> reserved_ids;  // ids on the page that heading ids must avoid
};

struct GallerySlot {
  std::size_t html_offset;  // where the shortcode's paragraph stood in `html`
  GalleryShortcode shortcode;
};

struct RenderedMarkdown {
  std::string html;
  std::vector<GallerySlot> slots;  // in document order
  Diagnostics diagnostics;
};

// `body` must be a view into `file`: positions are reported in lines of the whole file.
RenderedMarkdown render_markdown(std::string_view file, std::string_view body, const MarkdownOptions& options);

}  // namespace stills
