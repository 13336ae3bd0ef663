#include "post/frontmatter_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>
#include <unordered_set>

#include "markdown/slug.h"
#include "post/date.h"
#include "post/yaml_json.h"

namespace stills {
namespace {

constexpr std::size_t kNoQuote = std::string_view::npos;

// Where the quoted scalar whose opening quote is at yaml[open] closes, or kNoQuote.
std::size_t closing_quote(std::string_view yaml, std::size_t open) {
  const char quote = yaml[open];
  for (std::size_t i = open + 1; i < yaml.size(); ++i) {
    if (quote == '"' && yaml[i] == '\\') {
      ++i;  // an escaped character, perhaps a quote
    } else if (yaml[i] == quote) {
      if (quote == '\'' && i + 1 < yaml.size() && yaml[i + 1] == '\'') {
        ++i;  // '' is a quote inside single quotes
      } else {
        return i;
      }
    }
  }
  return kNoQuote;
}

// Whether a quote at yaml[at] opens a scalar rather than standing inside plain text (O'Brien):
// nothing but spaces, or an indicator that a value follows, comes before it on its line.
bool opens_scalar(std::string_view yaml, std::size_t at) {
  while (at > 0 && (yaml[at - 1] == ' ' || yaml[at - 1] == '\t')) --at;
  if (at == 0 || yaml[at - 1] == '\n') return true;
  const char before = yaml[at - 1];
  return before == ':' || before == '-' || before == '[' || before == '{' || before == ',' || before == '?';
}

// The opening quote of the last quoted scalar before `end` that does not close on its own line.
// yaml-cpp notices a missing closing quote only where the text after it stops making sense, often
// lines later; this finds the quote that most likely lost its partner.
std::size_t quote_running_across_lines(std::string_view yaml, std::size_t end) {
  std::size_t suspect = kNoQuote;
  for (std::size_t i = 0; i < end && i < yaml.size(); ++i) {
    const char c = yaml[i];
    if (c == '#' && (i == 0 || yaml[i - 1] == ' ' || yaml[i - 1] == '\t' || yaml[i - 1] == '\n')) {
      i = std::min(yaml.find('\n', i), yaml.size());  // a comment, to the end of its line
    } else if ((c == '"' || c == '\'') && opens_scalar(yaml, i)) {
      const std::size_t close = closing_quote(yaml, i);
      if (close == kNoQuote || yaml.substr(i, close - i).find('\n') != std::string_view::npos) suspect = i;
      if (close == kNoQuote) break;
      i = close;
    }
  }
  return suspect;
}

class Reader {
 public:
  Reader(const FrontmatterSource& source, const UrlContext& urls, Post& post)
      : source_(source), urls_(urls), post_(post) {}

  void read() {
    YAML::Node root;
    try {
      root = YAML::Load(std::string(source_.yaml));
    } catch (const YAML::Exception& error) {
      report(Severity::Error, "frontmatter is not valid YAML: " + error.msg + "; the text below still renders",
             error.mark);
      point_at_open_quote(error.mark);
      return;
    }
    if (!root || root.IsNull()) return;
    if (!expands_within(root, alias_budget(source_.yaml.size()))) {
      report(Severity::Error, aliases_too_large("the frontmatter"), root.Mark());
      return;
    }
    if (!root.IsMap()) {
      report(Severity::Error, "frontmatter must be a mapping of keys to values (title: …, date: …)", root.Mark());
      return;
    }
    try {
      read_root(root);
    } catch (const YAML::Exception& error) {  // yaml-cpp's accessors throw on shapes we did not foresee
      report(Severity::Error, "frontmatter could not be read: " + error.msg, error.mark);
    }
  }

 private:
  TextPosition locate(const YAML::Mark& mark) const {
    if (mark.pos < 0) return {1, 1};
    return source_.locate(source_.offset + static_cast<std::size_t>(mark.pos));
  }

  void report(Severity severity, std::string message, const YAML::Mark& mark) {
    TextPosition at = locate(mark);
    post_.diagnostics.push_back({severity, std::move(message), at.line, at.column});
  }

  void read_root(const YAML::Node& root) {
    std::set<std::string> seen;
    YAML::Node galleries;
    for (const auto& entry : root) {
      if (!entry.first.IsScalar()) {
        report(Severity::Warning, "a frontmatter key must be plain text; this entry is ignored", entry.first.Mark());
        continue;
      }
      const std::string& key = entry.first.Scalar();
      if (!seen.insert(key).second) {
        report(Severity::Warning, "'" + key + "' is given twice; the first one counts", entry.first.Mark());
        continue;
      }
      const YAML::Node& value = entry.second;
      // An empty value's mark is the next token's: the key stands for it.
      TextPosition at = locate(value.IsNull() || value.Mark().pos < 0 ? entry.first.Mark() : value.Mark());
      post_.positions.push_back({key, at.line, at.column});
      if (key == "title")
        post_.meta.title = text(value, key);
      else if (key == "excerpt")
        post_.meta.excerpt = text(value, key);
      else if (key == "location")
        post_.meta.location = text(value, key);
      else if (key == "date")
        read_date(value);
      else if (key == "cardCover")
        post_.meta.card_cover = image_url(value, key);
      else if (key == "tags")
        read_tags(value);
      else if (key == "galleries")
        galleries = value;
      else if (key == "timestamp")
        report(Severity::Warning, "'timestamp' is computed from 'date'; this one is ignored", entry.first.Mark());
      else
        post_.meta.other.emplace_back(key, pass_through(value));
    }
    if (galleries) read_galleries(galleries);
  }

  // A text field: any scalar as written; null or empty is absent.
  std::optional<std::string> text(const YAML::Node& value, std::string_view name) {
    if (!value || value.IsNull()) return std::nullopt;
    if (!value.IsScalar()) {
      report(Severity::Warning, "'" + std::string(name) + "' must be text, not a " + kind(value) + "; it is ignored",
             value.Mark());
      return std::nullopt;
    }
    check_quote_closed(value);
    if (value.Scalar().empty()) return std::nullopt;
    return value.Scalar();
  }

  // yaml-cpp takes a quoted scalar whose closing quote is missing as running to the end of the
  // frontmatter, so the keys after it vanish into it without a word: say so at the opening quote.
  void check_quote_closed(const YAML::Node& value) {
    if (value.Mark().pos < 0) return;
    std::string_view yaml = source_.yaml;
    auto at = static_cast<std::size_t>(value.Mark().pos);
    if (at >= yaml.size() || (yaml[at] != '"' && yaml[at] != '\'')) return;
    if (closing_quote(yaml, at) != kNoQuote) return;
    report(Severity::Warning,
           std::string("this quoted text is never closed, so it runs to the end of the frontmatter and takes in "
                       "the lines after it: add the closing ") +
               yaml[at],
           value.Mark());
  }

  // A syntax error lines below a quote left open is reported where yaml-cpp gave up; a note at the
  // quote says where the author most likely has to look.
  void point_at_open_quote(const YAML::Mark& error) {
    if (error.pos < 0) return;
    const std::size_t quote = quote_running_across_lines(source_.yaml, static_cast<std::size_t>(error.pos));
    if (quote == kNoQuote) return;
    const TextPosition error_at = locate(error);
    const TextPosition quote_at = source_.locate(source_.offset + quote);
    if (quote_at.line >= error_at.line) return;  // the error already points at the quote's line
    post_.diagnostics.push_back(
        {Severity::Info,
         std::string("this quoted text runs on past its line, which may be why line ") +
             std::to_string(error_at.line) + " cannot be read: if its closing " + source_.yaml[quote] +
             " is missing, add it on this line",
         quote_at.line, quote_at.column});
  }

  static std::string kind(const YAML::Node& value) { return value.IsSequence() ? "list" : "mapping"; }

  std::optional<std::string> image_url(const YAML::Node& value, std::string_view name) {
    auto written = text(value, name);
    if (!written) return std::nullopt;
    auto url = apply_url_policy(*written, UrlUse::Image, urls_);
    if (!url) {
      report(Severity::Error,
             "'" + std::string(name) + "' has a URL scheme that is not allowed for images; it is dropped",
             value.Mark());
    }
    return url;
  }

  void read_date(const YAML::Node& value) {
    post_.meta.date = text(value, "date");
    if (!post_.meta.date) return;
    post_.meta.timestamp = parse_iso8601(*post_.meta.date);
    if (!post_.meta.timestamp) {
      report(Severity::Warning,
             "'date' is not an ISO-8601 date such as 2026-01-22 or 2026-01-22T05:35:07Z; it is shown as written",
             value.Mark());
    }
  }

  void read_tags(const YAML::Node& value) {
    if (value.IsNull()) return;
    if (value.IsScalar()) return void(post_.meta.tags.push_back(value.Scalar()));
    if (!value.IsSequence()) {
      report(Severity::Warning, "'tags' must be a list such as [cinema, bnw]; it is ignored", value.Mark());
      return;
    }
    for (const auto& tag : value) {
      if (tag.IsScalar() && !tag.Scalar().empty()) {
        post_.meta.tags.push_back(tag.Scalar());
      } else if (!tag.IsNull()) {
        report(Severity::Warning, "a tag must be text; this one is ignored", tag.Mark());
      }
    }
  }

  void read_galleries(const YAML::Node& list) {
    if (list.IsNull()) return;
    if (!list.IsSequence()) {
      report(Severity::Error, "'galleries' must be a list of galleries ([{ title: …, images: […] }]); it is ignored",
             list.Mark());
      return;
    }
    // Every id the author wrote is known before any is made up or renamed, so a made-up one never
    // takes an id a later gallery (and its shortcode) was written with.
    for (const auto& node : list) {
      const YAML::Node id = node.IsMap() ? node["id"] : YAML::Node();
      if (id && id.IsScalar() && !id.Scalar().empty()) written_gallery_ids_.insert(id.Scalar());
    }
    for (const auto& node : list) {
      if (post_.galleries.size() == kMaxGalleries) {
        report(Severity::Warning, "a post shows at most " + std::to_string(kMaxGalleries) +
                                      " galleries; this one and those after it are left out", node.Mark());
        break;
      }
      if (!node.IsMap()) {
        report(Severity::Error, "a gallery must be a mapping with 'images'; this one is ignored", node.Mark());
        continue;
      }
      read_gallery(node);
    }
  }

  void read_gallery(const YAML::Node& node) {
    Gallery gallery;
    TextPosition at = locate(node.Mark());
    gallery.line = at.line;
    gallery.column = at.column;
    gallery.title = text(node["title"], "title");
    int number = static_cast<int>(post_.galleries.size()) + 1;
    gallery.id = unique_gallery_id(node, gallery.title, number);
    for (const auto& entry : node) {
      std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
      if (key != "title" && key != "id" && key != "images") {
        report(Severity::Warning, "unknown gallery key '" + key + "' (expected title, id, images)", entry.first.Mark());
      }
    }
    const YAML::Node images = node["images"];
    if (!images || images.IsNull() || (images.IsSequence() && images.size() == 0)) {
      report(Severity::Warning, "gallery '" + gallery.id + "' has no images", node.Mark());
    } else if (!images.IsSequence()) {
      report(Severity::Error, "'images' of gallery '" + gallery.id + "' must be a list; it is ignored", images.Mark());
    } else {
      for (const auto& image : images) {
        if (images_ == kMaxImages) {
          if (!images_limited_) {
            report(Severity::Warning, "a post shows at most " + std::to_string(kMaxImages) +
                                          " photos; this one and those after it are left out", image.Mark());
          }
          images_limited_ = true;
          break;
        }
        read_image(image, gallery);
      }
    }
    post_.galleries.push_back(std::move(gallery));
  }

  std::string unique_gallery_id(const YAML::Node& node, const std::optional<std::string>& title, int number) {
    const YAML::Node written = node["id"];
    std::string id;
    if (written && written.IsScalar() && !written.Scalar().empty()) {
      id = written.Scalar();
      if (gallery_ids_.insert(id).second) return id;
      std::string renamed = free_gallery_id(id);
      report(Severity::Warning, "gallery id '" + id + "' is used twice; this gallery is '" + renamed + "'",
             written.Mark());
      return renamed;
    }
    if (written && !written.IsNull()) report(Severity::Warning, "a gallery 'id' must be text", written.Mark());
    id = title ? slugify(*title) : "";
    if (id.empty()) return free_gallery_id("gallery", number);
    if (!written_gallery_ids_.count(id) && gallery_ids_.insert(id).second) return id;
    return free_gallery_id(id);
  }

  // `base` + "-N" for the first N from `from` (or from where `base` last stopped) that no gallery has
  // and no author wrote; taken.
  std::string free_gallery_id(const std::string& base, int from = 2) {
    int& next = next_gallery_suffix_.try_emplace(base, from - 1).first->second;
    std::string id;
    do id = base + "-" + std::to_string(++next);
    while (written_gallery_ids_.count(id) || !gallery_ids_.insert(id).second);
    return id;
  }

  void read_image(const YAML::Node& node, Gallery& gallery) {
    Image image;
    YAML::Node img = node.IsScalar() ? node : node.IsMap() ? node["img"] : YAML::Node();
    if (!node.IsScalar() && !node.IsMap()) {
      report(Severity::Error, "an image must be a mapping such as { img: photo.avif, alt: … }; it is skipped",
             node.Mark());
      return;
    }
    if (!img || !img.IsScalar() || img.Scalar().empty()) {
      report(Severity::Error, "an image in gallery '" + gallery.id + "' has no 'img'; it is skipped", node.Mark());
      return;
    }
    auto url = image_url(img, "img");
    if (!url) return;
    image.img = std::move(*url);
    TextPosition at = locate(img.Mark());
    image.line = at.line;
    image.column = at.column;
    if (node.IsMap()) read_image_fields(node, image);
    gallery.images.push_back(std::move(image));
    ++images_;
  }

  void read_image_fields(const YAML::Node& node, Image& image) {
    for (const auto& entry : node) {
      std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
      const YAML::Node& value = entry.second;
      if (key == "img") continue;
      if (key == "alt")
        image.alt = text(value, key);
      else if (key == "caption")
        image.caption = text(value, key);
      else if (key == "camera")
        image.camera = text(value, key);
      else if (key == "width")
        image.width = dimension(value, key);
      else if (key == "height")
        image.height = dimension(value, key);
      else
        report(Severity::Warning, "unknown image key '" + key + "' (expected img, alt, caption, camera, width, height)",
               entry.first.Mark());
    }
  }

  std::optional<double> dimension(const YAML::Node& value, std::string_view name) {
    if (!value || value.IsNull()) return std::nullopt;
    if (value.IsScalar()) {
      char* end = nullptr;
      double number = std::strtod(value.Scalar().c_str(), &end);
      if (end == value.Scalar().c_str() + value.Scalar().size() && std::isfinite(number) && number > 0) return number;
    }
    report(Severity::Warning, "'" + std::string(name) + "' must be a positive number of pixels; it is ignored",
           value.Mark());
    return std::nullopt;
  }

  static std::string pass_through(const YAML::Node& value) {
    JsonWriter json;
    write_yaml_as_json(json, value);  // read() checked that the whole frontmatter expands within its budget
    return json.take();
  }

  const FrontmatterSource& source_;
  const UrlContext& urls_;
  Post& post_;
  std::size_t images_ = 0;                               // the post's photos so far, in all galleries
  bool images_limited_ = false;                          // kMaxImages was reached (and said)
  std::unordered_set<std::string> gallery_ids_;          // the galleries' ids so far
  std::unordered_set<std::string> written_gallery_ids_;  // every id the author wrote, in all galleries
  std::unordered_map<std::string, int> next_gallery_suffix_;  // by base: the last suffix tried
};

}  // namespace

void read_frontmatter(const FrontmatterSource& source, const UrlContext& urls, Post& post) {
  Reader(source, urls, post).read();
}

}  // namespace stills
