// The {{gallery}} shortcode: "{{gallery}}", "{{ gallery id }}", "{{gallery "id"}}" or "{{gallery 'id'}}".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace stills {

struct GalleryShortcode {
  std::string id;  // empty: the next gallery in frontmatter order
  int line = 0;
  int column = 0;
};

// The shortcode when `text` (a whole paragraph, surrounding whitespace ignored) is one; nothing otherwise.
std::optional<GalleryShortcode> parse_gallery_shortcode(std::string_view text);

}  // namespace stills
