// embind surface of the core module. Text crosses the boundary once each way as UTF-8 bytes (the JS side
// encodes and decodes with the engine's native TextEncoder/TextDecoder, far faster than embind's
// per-character string loops); structured results travel as JSON that JS parses in one native call.
#include <emscripten/bind.h>
#include <emscripten/val.h>

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

val parse_post(const std::string& text, const std::string& document_url, const std::string& site_base) {
  return utf8_result(
      [&] { return stills::post_to_json(stills::parse_post(text, {url_context(document_url, site_base)})); });
}

val render_markdown(const std::string& text, bool plain, const std::string& document_url,
                    const std::string& site_base) {
  stills::MarkdownOptions options;
  options.plain = plain;
  options.urls = url_context(document_url, site_base);
  return utf8_result([&] { return stills::render_markdown(text, text, options).html; });
}

val parse_yaml(const std::string& text) {
  return utf8_result([&] { return stills::yaml_file_to_json(text); });
}

}  // namespace

EMSCRIPTEN_BINDINGS(stills_core) {
  emscripten::function("parsePost", &parse_post);
  emscripten::function("renderMarkdown", &render_markdown);
  emscripten::function("parseYaml", &parse_yaml);
}
