#include "base/json_writer.h"
#include "post/post.h"

namespace stills {
namespace {

void optional_string(JsonWriter& json, std::string_view key, const std::optional<std::string>& value) {
  json.key(key);
  value ? json.string(*value) : json.null();
}

void optional_number(JsonWriter& json, std::string_view key, const std::optional<double>& value) {
  json.key(key);
  value ? json.number(*value) : json.null();
}

void write_meta(JsonWriter& json, const Meta& meta) {
  json.begin_object();
  optional_string(json, "title", meta.title);
  optional_string(json, "excerpt", meta.excerpt);
  optional_string(json, "cardCover", meta.card_cover);
  optional_string(json, "date", meta.date);
  optional_number(json, "timestamp", meta.timestamp);
  optional_string(json, "location", meta.location);
  json.key("tags").begin_array();
  for (const auto& tag : meta.tags) json.string(tag);
  json.end_array();
  for (const auto& [key, value] : meta.other) json.key(key).raw(value);
  json.end_object();
}

void write_gallery(JsonWriter& json, const Gallery& gallery) {
  json.begin_object();
  optional_string(json, "title", gallery.title);
  json.key("id").string(gallery.id);
  json.key("line").number(gallery.line);
  json.key("column").number(gallery.column);
  json.key("images").begin_array();
  for (const auto& image : gallery.images) {
    json.begin_object();
    json.key("img").string(image.img);
    optional_string(json, "alt", image.alt);
    optional_string(json, "caption", image.caption);
    optional_string(json, "camera", image.camera);
    optional_number(json, "width", image.width);
    optional_number(json, "height", image.height);
    json.key("line").number(image.line);
    json.key("column").number(image.column);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

void write_block(JsonWriter& json, const Block& block) {
  json.begin_object();
  switch (block.type) {
    case BlockType::Html: json.key("type").string("html").key("html").string(block.text); break;
    case BlockType::Gallery: json.key("type").string("gallery").key("gallery").number(block.gallery); break;
    case BlockType::Notice: json.key("type").string("notice").key("message").string(block.text); break;
  }
  json.end_object();
}

}  // namespace

std::string post_to_json(const Post& post) {
  JsonWriter json;
  json.begin_object();
  json.key("meta");
  write_meta(json, post.meta);
  json.key("galleries").begin_array();
  for (const auto& gallery : post.galleries) write_gallery(json, gallery);
  json.end_array();
  json.key("blocks").begin_array();
  for (const auto& block : post.blocks) write_block(json, block);
  json.end_array();
  json.key("positions").begin_object();
  for (const auto& [key, line, column] : post.positions) {
    json.key(key).begin_object().key("line").number(line).key("column").number(column).end_object();
  }
  json.end_object();
  json.key("diagnostics");
  write_json(json, post.diagnostics);
  json.end_object();
  return json.take();
}

}  // namespace stills
