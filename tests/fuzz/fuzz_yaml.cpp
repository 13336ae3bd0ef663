// The site index reader: a YAML file (content/index.yaml) to the JSON the page reads.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "post/yaml_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  stills::yaml_file_to_json(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
