#include "base/diagnostic.h"

#include "base/json_writer.h"

namespace stills {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "error";
}

void write_json(JsonWriter& json, const Diagnostics& diagnostics) {
  json.begin_array();
  for (const auto& d : diagnostics) {
    json.begin_object();
    json.key("severity").string(severity_name(d.severity));
    json.key("message").string(d.message);
    json.key("line").number(d.line);
    json.key("column").number(d.column);
    json.end_object();
  }
  json.end_array();
}

}  // namespace stills
