#include "post/yaml_json.h"

#include <cstdlib>
#include <optional>

#include "base/file_limit.h"
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

void write_node(JsonWriter& json, const YAML::Node& value) {
  switch (value.Type()) {
    case YAML::NodeType::Scalar: return write_scalar(json, value);
    case YAML::NodeType::Sequence:
      json.begin_array();
      for (const auto& item : value) write_node(json, item);
      json.end_array();
      return;
    case YAML::NodeType::Map:
      json.begin_object();
      for (const auto& entry : value) {
        json.key(entry.first.IsScalar() ? entry.first.Scalar() : "");
        write_node(json, entry.second);
      }
      json.end_object();
      return;
    default: json.null();
  }
}

bool expands_within(const YAML::Node& value, std::size_t& budget, int depth) {
  const std::size_t cost = 1 + (value.IsScalar() ? value.Scalar().size() : 0);
  if (cost > budget || depth > kMaxExpandedDepth) return false;
  budget -= cost;
  if (value.IsSequence()) {
    for (const auto& item : value) {
      if (!expands_within(item, budget, depth + 1)) return false;
    }
  } else if (value.IsMap()) {
    for (const auto& entry : value) {
      if (!expands_within(entry.first, budget, depth + 1) || !expands_within(entry.second, budget, depth + 1)) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

bool expands_within(const YAML::Node& value, std::size_t budget) { return expands_within(value, budget, 0); }

std::size_t alias_budget(std::size_t yaml_bytes) { return 4 * yaml_bytes + 64 * 1024; }

std::string aliases_too_large(std::string_view what) {
  return std::string(what) + " is not read: its aliases (*name) stand for more than four times its own text, "
                             "or for a value inside itself";
}

void write_yaml_as_json(JsonWriter& json, const YAML::Node& value) { write_node(json, value); }

std::string yaml_file_to_json(std::string_view input) {
  const std::size_t cut = file_cut(input);
  Utf8Repair repaired = repair_utf8(input.substr(0, cut));
  JsonWriter json;
  Diagnostics diagnostics;
  json.begin_object().key("value");
  try {
    YAML::Node root = YAML::Load(repaired.text);
    if (expands_within(root, alias_budget(repaired.text.size()))) {
      write_yaml_as_json(json, root);
    } else {
      json.null();
      diagnostics.push_back({Severity::Error, aliases_too_large("the file"), 1, 1});
    }
  } catch (const YAML::Exception& error) {
    json.null();
    TextPosition at = LineIndex(repaired.text).position(error.mark.pos < 0 ? 0 : error.mark.pos);
    diagnostics.push_back({Severity::Error, "not valid YAML: " + error.msg, at.line, at.column});
  }
  if (cut < input.size()) {  // after any parse error, which stands above it
    TextPosition at = LineIndex(repaired.text).position(repaired.text.size());
    diagnostics.push_back({Severity::Error, file_cut_message("a YAML file"), at.line, at.column});
  }
  json.key("diagnostics");
  write_json(json, diagnostics);
  json.end_object();
  return json.take();
}

}  // namespace stills
