#include "post/yaml_json.h"

#include <cstdlib>
#include <optional>

#include "base/line_index.h"
#include "base/utf8.h"

namespace stills {
namespace {

bool is_quoted(const YAML::Node& node) { return node.Tag() == "!"; }

std::optional<double> plain_number(const std::string& text) {
  char first = text[0];
  if (!((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.')) return std::nullopt;
  const char* begin = text.c_str();
  char* end = nullptr;
  double value;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'o' || text[1] == 'x')) {
    value = static_cast<double>(std::strtoull(begin + 2, &end, text[1] == 'o' ? 8 : 16));
  } else {
    if (text.find_first_of("xXpPnN") != std::string::npos) return std::nullopt;  // no hex floats, inf, nan
    value = std::strtod(begin, &end);
  }
  if (end != begin + text.size()) return std::nullopt;
  return value;
}

void write_scalar(JsonWriter& json, const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (is_quoted(node)) return void(json.string(text));
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return void(json.null());
  if (text == "true" || text == "True" || text == "TRUE") return void(json.boolean(true));
  if (text == "false" || text == "False" || text == "FALSE") return void(json.boolean(false));
  if (auto number = plain_number(text)) return void(json.number(*number));
  json.string(text);
}

void write_node(JsonWriter& json, const YAML::Node& value, int& budget) {
  if (--budget < 0) return void(json.null());
  switch (value.Type()) {
    case YAML::NodeType::Scalar: return write_scalar(json, value);
    case YAML::NodeType::Sequence:
      json.begin_array();
      for (const auto& item : value) write_node(json, item, budget);
      json.end_array();
      return;
    case YAML::NodeType::Map:
      json.begin_object();
      for (const auto& entry : value) {
        json.key(entry.first.IsScalar() ? entry.first.Scalar() : "");
        write_node(json, entry.second, budget);
      }
      json.end_object();
      return;
    default: json.null();
  }
}

}  // namespace

bool write_yaml_as_json(JsonWriter& json, const YAML::Node& value, int node_budget) {
  write_node(json, value, node_budget);
  return node_budget >= 0;
}

std::string yaml_file_to_json(std::string_view input) {
  Utf8Repair repaired = repair_utf8(input);
  JsonWriter json;
  Diagnostics diagnostics;
  json.begin_object().key("value");
  try {
    YAML::Node root = YAML::Load(repaired.text);
    if (!write_yaml_as_json(json, root)) {
      diagnostics.push_back({Severity::Warning, "the file is too large to read whole; it is cut short", 1, 1});
    }
  } catch (const YAML::Exception& error) {
    json.null();
    TextPosition at = LineIndex(repaired.text).position(error.mark.pos < 0 ? 0 : error.mark.pos);
    diagnostics.push_back({Severity::Error, "not valid YAML: " + error.msg, at.line, at.column});
  }
  json.key("diagnostics");
  write_json(json, diagnostics);
  json.end_object();
  return json.take();
}

}  // namespace stills
