#include "post/yaml_json.h"

#include "base/file_limit.h"

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

TEST_CASE("a YAML file longer than kMaxFileBytes is read to its last line within the limit, with an error") {
  std::string text = "posts:\n";
  while (text.size() < kMaxFileBytes + 100) text += "  - a-post\n";  // after 7 bytes, 11 a line
  std::string json = yaml_file_to_json(text);
  CHECK(json.find("\"a-post\",\"a-post\"") != std::string::npos);
  CHECK(json.find("a YAML file may be at most 1 MiB") != std::string::npos);
  CHECK(json.find("\"line\":" + std::to_string(1 + (kMaxFileBytes - 7) / 11 + 1)) != std::string::npos);
}

TEST_CASE("a YAML file whose aliases stand for a value inside itself, or far more than its text, is an error") {
  for (const char* yaml : {"posts: &p [a, *p]\n", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                                  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                                                  "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"}) {  // 10^5 x's
    std::string json = yaml_file_to_json(yaml);
    CHECK(json.find("\"value\":null") != std::string::npos);
    CHECK(json.find("the file is not read: its aliases (*name)") != std::string::npos);
  }
  CHECK(yaml_file_to_json("x: &x [1, 2]\ny: *x\n") == "{\"value\":{\"x\":[1,2],\"y\":[1,2]},\"diagnostics\":[]}");
}
