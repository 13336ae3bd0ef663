// What a URL written in a post may become in an attribute: resolved against the post's location, and
// dropped when its scheme could run script.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace stills {

struct UrlContext {
  std::string document_url;  // where the post was fetched from; relative references resolve against it
  std::string site_base;     // root-relative paths ("/assets/x.avif") resolve against it when set

  bool operator==(const UrlContext&) const = default;
};

enum class UrlUse { Link, Image };

// The URL to put in the attribute, or nothing when it must not reach the page: `javascript:`,
// `vbscript:`, and `data:` except raster images used as an image source.
std::optional<std::string> apply_url_policy(std::string_view url, UrlUse use, const UrlContext& context);

// RFC 3986 reference resolution (section 5.2); `base` may itself be relative ("posts/a.md").
std::string resolve_url(std::string_view reference, std::string_view base);

}  // namespace stills
