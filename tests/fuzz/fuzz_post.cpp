// parsePost from bytes, with a URL context taken from the input's first line: the frontmatter reader,
// shortcodes, the URL policy, the HTML writer and the JSON hand-over together. Never crashes, never
// leaks; whatever the input, the JSON is what the page parses.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "post/post.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t newline = input.find('\n');
  std::string_view context = newline == std::string_view::npos ? std::string_view() : input.substr(0, newline);
  std::string_view text = newline == std::string_view::npos ? input : input.substr(newline + 1);
  stills::PostOptions options;
  std::size_t space = context.find(' ');
  options.urls.document_url = std::string(context.substr(0, space));
  if (space != std::string_view::npos) options.urls.site_base = std::string(context.substr(space + 1));
  options.source_lines = size % 2 == 1;
  options.frontmatter_only = size % 7 == 3;
  stills::post_to_json(stills::parse_post(text, options));
  return 0;
}
