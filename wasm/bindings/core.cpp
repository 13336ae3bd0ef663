// embind surface of the core module. Text crosses the boundary once each way as UTF-8 bytes (the JS side
// encodes and decodes with the engine's native TextEncoder/TextDecoder, far faster than embind's
// per-character string loops); structured results travel as JSON that JS parses in one native call.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "js_bytes.h"

#include "avif/probe.h"
#include "base/file_limit.h"
#include "layout/layout.h"
#include "markdown/markdown.h"
#include "post/post.h"
#include "post/yaml_json.h"

namespace {

using emscripten::val;

// Runs `produce` and returns a view of its UTF-8 result in wasm memory. The bytes live until the next
// call, which frees them before it starts (so two results never coexist); JS decodes them at once, as a
// view into wasm memory is only valid until memory grows.
template <typename Produce>
val utf8_result(Produce&& produce) {
  static std::string last_result;
  std::string().swap(last_result);
  last_result = produce();
  return val(
      emscripten::typed_memory_view(last_result.size(), reinterpret_cast<const unsigned char*>(last_result.data())));
}

stills::UrlContext url_context(const std::string& document_url, const std::string& site_base) {
  return {document_url, site_base};
}

val parse_post(const val& bytes, const std::string& document_url, const std::string& site_base,
               bool frontmatter_only, bool source_lines) {
  // The editor parses one post on every keystroke; an index reads each post's frontmatter once, where a
  // cache would only copy.
  static stills::FrontmatterCache frontmatter_cache;
  stills::FrontmatterCache* cache = frontmatter_only ? nullptr : &frontmatter_cache;
  std::string text = bytes_from_js(bytes);
  return utf8_result([&] {
    return stills::post_to_json(
        stills::parse_post(text, {url_context(document_url, site_base), frontmatter_only, source_lines, cache}));
  });
}

val render_markdown(const val& bytes, bool plain, const std::string& document_url,
                    const std::string& site_base) {
  stills::MarkdownOptions options;
  options.plain = plain;
  options.urls = url_context(document_url, site_base);
  std::string text = bytes_from_js(bytes);
  return utf8_result([&] { return stills::render_markdown(text, text, options).html; });
}

val parse_yaml(const val& bytes) {
  std::string text = bytes_from_js(bytes);
  return utf8_result([&] { return stills::yaml_file_to_json(text); });
}

double number(const val& options, const char* key, double fallback) {
  val value = options[key];
  return value.isNumber() ? value.as<double>() : fallback;
}

template <typename T>
std::vector<T> numbers(const val& options, const char* key) {
  val value = options[key];
  if (value.isUndefined() || value.isNull()) return {};
  return emscripten::convertJSArrayToNumberVector<T>(value);
}

// One of `names` (index = enum value), the first when absent; -1 when it is none of them.
template <std::size_t N>
int choice(const val& options, const char* key, const char* const (&names)[N]) {
  val value = options[key];
  if (value.isUndefined()) return 0;
  std::string name = value.isString() ? value.as<std::string>() : "";
  for (std::size_t i = 0; i < N; ++i) {
    if (name == names[i]) return static_cast<int>(i);
  }
  return -1;
}

template <typename T>
val typed_array_copy(const char* type, const std::vector<T>& values) {
  return val::global(type).new_(emscripten::typed_memory_view(values.size(), values.data()));
}

// layout(aspectRatios, options) -> { boxes, rows, crops, height, hidden } or { error }. An option not
// given keeps LayoutOptions' default: the defaults live in layout.h only.
val layout_gallery(const val& ratios, const val& options) {
  static const char* const kModes[] = {"rows", "columns", "grid"};
  static const char* const kLastRows[] = {"left", "justify", "center", "hide"};
  stills::LayoutOptions o;
  int mode = choice(options, "mode", kModes);
  int last_row = choice(options, "lastRow", kLastRows);
  val result = val::object();
  if (mode < 0 || last_row < 0) {
    result.set("error", mode < 0 ? "mode must be \"rows\", \"columns\" or \"grid\""
                                 : "lastRow must be \"left\", \"justify\", \"center\" or \"hide\"");
    return result;
  }
  o.mode = static_cast<stills::LayoutMode>(mode);
  o.last_row = static_cast<stills::LastRow>(last_row);
  o.width = number(options, "width", o.width);
  o.row_height = number(options, "rowHeight", o.row_height);
  o.min_row_height = number(options, "minRowHeight", o.min_row_height);
  o.max_row_height = number(options, "maxRowHeight", o.max_row_height);
  double spacing = number(options, "spacing", o.spacing_x);
  o.spacing_x = number(options, "spacingX", spacing);
  o.spacing_y = number(options, "spacingY", spacing);
  o.padding = number(options, "padding", o.padding);
  o.justify_threshold = number(options, "justifyThreshold", o.justify_threshold);
  o.orphan_penalty = number(options, "orphanPenalty", o.orphan_penalty);
  o.panorama_ratio = number(options, "panoramaRatio", o.panorama_ratio);
  o.panoramas = numbers<std::uint8_t>(options, "panoramas");
  o.max_per_row = static_cast<int>(number(options, "maxPerRow", o.max_per_row));
  o.device_pixel_ratio = number(options, "devicePixelRatio", o.device_pixel_ratio);
  o.columns = static_cast<int>(number(options, "columns", o.columns));
  o.min_column_width = number(options, "minColumnWidth", o.min_column_width);
  o.cell_aspect_ratio = number(options, "cellAspectRatio", o.cell_aspect_ratio);
  o.focal_points = numbers<double>(options, "focalPoints");

  stills::LayoutResult layout = stills::layout(emscripten::convertJSArrayToNumberVector<double>(ratios), o);
  if (!layout.error.empty()) {
    result.set("error", layout.error);
    return result;
  }
  result.set("boxes", typed_array_copy("Float64Array", layout.boxes));
  result.set("rows", typed_array_copy("Int32Array", layout.rows));
  if (o.mode == stills::LayoutMode::Grid) result.set("crops", typed_array_copy("Float64Array", layout.crops));
  result.set("height", layout.height);
  result.set("hidden", layout.hidden);
  return result;
}

// The camera's facts as JS reads them: only those the file gives.
val camera_object(const stills::CameraFacts& facts) {
  val camera = val::object();
  auto text = [&](const char* key, const std::string& value) {
    if (!value.empty()) camera.set(key, value);
  };
  auto positive = [&](const char* key, double value) {
    if (value > 0) camera.set(key, value);
  };
  text("make", facts.make);
  text("model", facts.model);
  text("lens", facts.lens);
  text("taken", facts.taken);
  positive("focalLength", facts.focal_length);
  positive("fNumber", facts.f_number);
  if (facts.exposure_denominator) positive("exposureTime", double(facts.exposure_numerator) / facts.exposure_denominator);
  positive("iso", facts.iso);
  return camera;
}

// probeAvif(bytes, complete) -> info | { needMore } | { error }
val probe_avif(const val& array, bool complete) {
  std::string bytes = bytes_from_js(array);
  auto probe = stills::probe_avif(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), complete);
  val result = val::object();
  switch (probe.status) {
    case stills::AvifProbe::Status::NeedMore: result.set("needMore", static_cast<double>(probe.need)); break;
    case stills::AvifProbe::Status::Invalid: result.set("error", probe.error); break;
    case stills::AvifProbe::Status::Ok: {
      const stills::AvifInfo& info = probe.info;
      result.set("width", info.width);
      result.set("height", info.height);
      result.set("displayWidth", info.display_width);
      result.set("displayHeight", info.display_height);
      result.set("rotation", info.rotation);
      result.set("mirror", info.mirror);
      result.set("bitDepth", info.bit_depth);
      result.set("hasAlpha", info.has_alpha);
      if (!info.camera.empty()) result.set("camera", camera_object(info.camera));
      else if (info.exif_end > bytes.size()) result.set("exifEnd", static_cast<double>(info.exif_end));
    }
  }
  return result;
}

}  // namespace

EMSCRIPTEN_BINDINGS(stills_core) {
  emscripten::function("parsePost", &parse_post);
  emscripten::function("renderMarkdown", &render_markdown);
  emscripten::function("parseYaml", &parse_yaml);
  emscripten::function("layout", &layout_gallery);
  emscripten::function("probeAvif", &probe_avif);
  emscripten::constant("maxFileBytes", stills::kMaxFileBytes);
}
