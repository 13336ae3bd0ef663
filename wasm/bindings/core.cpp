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

// A view of the UTF-8 result in wasm memory. The bytes live until the next call, and JS decodes them
// at once (a view into wasm memory is only valid until memory grows).
val utf8_result(std::string text) {
  static std::string last_result;
  last_result = std::move(text);
  return val(emscripten::typed_memory_view(last_result.size(), reinterpret_cast<const unsigned char*>(last_result.data())));
}

stills::UrlContext url_context(const std::string& document_url, const std::string& site_base) {
  return {document_url, site_base};
}

val parse_post(const std::string& text, const std::string& document_url, const std::string& site_base) {
  return utf8_result(stills::post_to_json(stills::parse_post(text, {url_context(document_url, site_base)})));
}

val render_markdown(const std::string& text, bool plain, const std::string& document_url,
                    const std::string& site_base) {
  stills::MarkdownOptions options;
  options.plain = plain;
  options.urls = url_context(document_url, site_base);
  return utf8_result(stills::render_markdown(text, text, options).html);
}

val parse_yaml(const std::string& text) { return utf8_result(stills::yaml_file_to_json(text)); }

}  // namespace

EMSCRIPTEN_BINDINGS(stills_core) {
  emscripten::function("parsePost", &parse_post);
  emscripten::function("renderMarkdown", &render_markdown);
  emscripten::function("parseYaml", &parse_yaml);
}
