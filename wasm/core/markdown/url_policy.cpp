#include "markdown/url_policy.h"

#include <array>
#include <cctype>

namespace stills {
namespace {

bool is_scheme_char(char c, bool first) {
  return std::isalpha(static_cast<unsigned char>(c)) ||
         (!first && (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'));
}

// The scheme, lower-cased, or empty for a relative reference.
std::string scheme_of(std::string_view url) {
  std::string scheme;
  for (char c : url) {
    if (c == ':') return scheme;
    if (!is_scheme_char(c, scheme.empty())) return {};
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return {};
}

// Browsers strip leading C0 controls and spaces and ignore tabs and newlines anywhere in a URL,
// so "java&#9;script:" must be judged as "javascript:".
std::string as_browser_reads(std::string_view url) {
  std::size_t start = 0;
  while (start < url.size() && static_cast<unsigned char>(url[start]) <= 0x20) ++start;
  std::string cleaned;
  for (char c : url.substr(start)) {
    if (c != '\t' && c != '\n' && c != '\r') cleaned += c;
  }
  return cleaned;
}

bool is_raster_image_data(std::string_view url) {
  constexpr std::array<std::string_view, 5> kTypes = {"image/png", "image/jpeg", "image/gif", "image/webp",
                                                      "image/avif"};
  std::string_view rest = url.substr(5);  // after "data:"
  for (auto type : kTypes) {
    if (rest.size() > type.size() && (rest[type.size()] == ';' || rest[type.size()] == ',')) {
      bool same = true;
      for (std::size_t i = 0; i < type.size() && same; ++i) {
        same = std::tolower(static_cast<unsigned char>(rest[i])) == type[i];
      }
      if (same) return true;
    }
  }
  return false;
}

struct UrlParts {
  std::string_view scheme;     // with ':'
  std::string_view authority;  // with '//'
  std::string_view path;
  std::string_view query;     // with '?'
  std::string_view fragment;  // with '#'
};

UrlParts split_url(std::string_view url) {
  UrlParts parts;
  if (auto hash = url.find('#'); hash != std::string_view::npos) {
    parts.fragment = url.substr(hash);
    url = url.substr(0, hash);
  }
  if (auto question = url.find('?'); question != std::string_view::npos) {
    parts.query = url.substr(question);
    url = url.substr(0, question);
  }
  if (!scheme_of(url).empty()) {
    auto colon = url.find(':');
    parts.scheme = url.substr(0, colon + 1);
    url = url.substr(colon + 1);
  }
  if (url.substr(0, 2) == "//") {
    auto slash = url.find('/', 2);
    parts.authority = url.substr(0, slash);
    url = slash == std::string_view::npos ? std::string_view{} : url.substr(slash);
  }
  parts.path = url;
  return parts;
}

std::string remove_dot_segments(std::string_view path) {
  std::string out;
  while (!path.empty()) {
    if (path.substr(0, 3) == "../") {
      path.remove_prefix(3);
    } else if (path.substr(0, 2) == "./") {
      path.remove_prefix(2);
    } else if (path.substr(0, 3) == "/./") {
      path.remove_prefix(2);
    } else if (path == "/.") {
      path = "/";
    } else if (path.substr(0, 4) == "/../" || path == "/..") {
      path = path.size() == 3 ? std::string_view("/") : path.substr(3);
      auto last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (path == "." || path == "..") {
      path = {};
    } else {
      auto next = path.find('/', 1);
      out.append(path.substr(0, next));
      path = next == std::string_view::npos ? std::string_view{} : path.substr(next);
    }
  }
  return out;
}

std::string merge_paths(const UrlParts& base, std::string_view reference_path) {
  if (!base.authority.empty() && base.path.empty()) return "/" + std::string(reference_path);
  auto slash = base.path.rfind('/');
  if (slash == std::string_view::npos) return std::string(reference_path);
  return std::string(base.path.substr(0, slash + 1)) + std::string(reference_path);
}

}  // namespace

std::string resolve_url(std::string_view reference, std::string_view base) {
  UrlParts ref = split_url(reference);
  UrlParts b = split_url(base);
  std::string out;
  if (!ref.scheme.empty()) return std::string(reference);
  out += b.scheme;
  if (!ref.authority.empty()) {
    out += ref.authority;
    out += remove_dot_segments(ref.path);
    out += ref.query;
  } else {
    out += b.authority;
    if (ref.path.empty()) {
      out += b.path;
      out += ref.query.empty() ? b.query : ref.query;
    } else {
      bool base_is_relative_path = b.scheme.empty() && b.authority.empty() && b.path.substr(0, 1) != "/";
      std::string merged = ref.path[0] == '/' ? std::string(ref.path) : merge_paths(b, ref.path);
      // A relative base ("posts/a.md") keeps leading ".." segments it cannot climb above.
      out += base_is_relative_path ? merged : remove_dot_segments(merged);
      out += ref.query;
    }
  }
  out += ref.fragment;
  return out;
}

std::optional<std::string> apply_url_policy(std::string_view url, UrlUse use, const UrlContext& context) {
  std::string cleaned = as_browser_reads(url);
  std::string scheme = scheme_of(cleaned);
  if (scheme == "javascript" || scheme == "vbscript") return std::nullopt;
  if (scheme == "data") {
    if (use == UrlUse::Image && is_raster_image_data(cleaned)) return std::string(url);
    return std::nullopt;
  }
  if (!scheme.empty() || url.empty() || url[0] == '#') return std::string(url);
  bool root_relative = url[0] == '/' && url.substr(0, 2) != "//";
  if (root_relative && !context.site_base.empty()) {
    return resolve_url(url.substr(1), context.site_base);
  }
  if (context.document_url.empty()) return std::string(url);
  return resolve_url(url, context.document_url);
}

}  // namespace stills
