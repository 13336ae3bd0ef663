// embind surface of the core module. Strings cross the boundary once each way; results travel as
// JSON that the JS side parses in one native call.
#include <emscripten/bind.h>

#include "markdown/markdown.h"
#include "post/post.h"
#include "post/yaml_json.h"

namespace {

stills::UrlContext url_context(const std::string& document_url, const std::string& site_base) {
  return {document_url, site_base};
}

std::string parse_post(const std::string& text, const std::string& document_url, const std::string& site_base) {
  return stills::post_to_json(stills::parse_post(text, {url_context(document_url, site_base)}));
}

std::string render_markdown(const std::string& text, bool plain, const std::string& document_url,
                            const std::string& site_base) {
  stills::MarkdownOptions options;
  options.plain = plain;
  options.urls = url_context(document_url, site_base);
  return stills::render_markdown(text, text, options).html;
}

std::string parse_yaml(const std::string& text) { return stills::yaml_file_to_json(text); }

}  // namespace

EMSCRIPTEN_BINDINGS(stills_core) {
  emscripten::function("parsePost", &parse_post);
  emscripten::function("renderMarkdown", &render_markdown);
  emscripten::function("parseYaml", &parse_yaml);
}
