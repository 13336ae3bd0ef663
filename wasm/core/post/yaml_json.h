// YAML values as JSON, typed as a JS reader of the same file would see them (YAML 1.2 core schema:
// plain 12 is a number, '12' a string, true a boolean, ~ null).
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "base/json_writer.h"

namespace stills {

// yaml-cpp shares an aliased node rather than copying it, so a small file can stand for an exponentially
// large value ("billion laughs") or for one that contains itself (&a [*a]). Whatever walks a value
// first checks that, with every alias written out, it costs at most `budget` units (one per node and
// one per byte of text) and nests at most kMaxExpandedDepth deep.
bool expands_within(const YAML::Node& value, std::size_t budget);

// The budget for a value read from `yaml_bytes` of YAML: four times as many units and 64 Ki more. A
// file without aliases costs at most about one unit per byte, so only aliases come near it.
std::size_t alias_budget(std::size_t yaml_bytes);

// The error for a value that does not: `what` is "the frontmatter", say.
std::string aliases_too_large(std::string_view what);

// yaml-cpp's parser stops at 500 levels; aliases may stack a few such values.
inline constexpr int kMaxExpandedDepth = 2'000;

// Writes a value that expands_within its budget.
void write_yaml_as_json(JsonWriter& json, const YAML::Node& value);

// A whole YAML file (content/index.yaml, say) as {"value":…,"diagnostics":[…]}.
std::string yaml_file_to_json(std::string_view text);

}  // namespace stills
