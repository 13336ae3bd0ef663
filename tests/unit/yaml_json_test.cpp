#include "post/yaml_json.h"

#include <doctest/doctest.h>

using namespace stills;

TEST_CASE("YAML files become JSON typed as JS readers expect") {
  CHECK(yaml_file_to_json("posts:\n  - posts/a.md\n  - {path: b.md, draft: true}\nn: 0x1F\nq: '12'\nz: ~\n") ==
        "{\"value\":{\"posts\":[\"posts/a.md\",{\"path\":\"b.md\",\"draft\":true}],\"n\":31,\"q\":\"12\",\"z\":null},"
        "\"diagnostics\":[]}");
  CHECK(yaml_file_to_json("x: 1.5e3\ny: .inf\nw: 1_000\n") ==
        "{\"value\":{\"x\":1500,\"y\":\".inf\",\"w\":\"1_000\"},\"diagnostics\":[]}");
}

TEST_CASE("a YAML syntax error is located") {
  std::string json = yaml_file_to_json("a: 1\nb: [2\n");
  CHECK(json.find("\"value\":null") != std::string::npos);
  CHECK(json.find("\"severity\":\"error\"") != std::string::npos);
  CHECK(json.find("\"line\":3") != std::string::npos);
}
