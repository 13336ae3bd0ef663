// YAML values as JSON, typed as a JS reader of the same file would see them (YAML 1.2 core schema:
// plain 12 is a number, '12' a string, true a boolean, ~ null).
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "base/json_writer.h"

namespace stills {

// Aliases let a small file describe an exponentially large value ("billion laughs"): the budget
// bounds how many nodes are written. Returns false when the value was cut short.
bool write_yaml_as_json(JsonWriter& json, const YAML::Node& value, int node_budget = 10000);

// A whole YAML file (content/index.yaml, say) as {"value":…,"diagnostics":[…]}.
std::string yaml_file_to_json(std::string_view text);

}  // namespace stills
