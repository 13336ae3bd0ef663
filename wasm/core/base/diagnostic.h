// A message about the input that a person can act on, located in the post file.
#pragma once

#include <string>
#include <vector>

namespace stills {

enum class Severity { Error, Warning, Info };

struct Diagnostic {
  Severity severity;
  std::string message;
  int line;    // 1-based, counted from the first line of the file
  int column;  // 1-based, in Unicode code points
};

using Diagnostics = std::vector<Diagnostic>;

const char* severity_name(Severity severity);

class JsonWriter;
// [{"severity":…,"message":…,"line":…,"column":…}, …]
void write_json(JsonWriter& json, const Diagnostics& diagnostics);

}  // namespace stills
