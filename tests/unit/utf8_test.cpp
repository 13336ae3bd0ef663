#include "base/utf8.h"

#include <doctest/doctest.h>

#include "base/line_index.h"

using namespace stills;
using namespace std::literals;

TEST_CASE("invalid UTF-8 and NUL bytes become U+FFFD; a BOM is dropped") {
  auto repaired = repair_utf8(
      "\xEF\xBB\xBFok \xC3\xA9 \xFF\xFE x\0y \xE2\x82 \xED\xA0\x80"
      "\xF4\x90\x80\x80"sv);
  CHECK(repaired.text.substr(0, 6) == "ok \xC3\xA9 ");
  CHECK(repaired.first_bad == 6);
  CHECK(repaired.replaced == 12);
  auto clean = repair_utf8("plain \xF0\x9F\x93\xB7 text");
  CHECK(clean.replaced == 0);
  CHECK(clean.text == "plain \xF0\x9F\x93\xB7 text");
}

TEST_CASE("line index counts lines by LF, CRLF and CR and columns by code point") {
  LineIndex lines("a\r\nb\rc\n\xC3\xA9x");
  CHECK(lines.position(0).line == 1);
  CHECK(lines.position(3).line == 2);
  CHECK(lines.position(5).line == 3);
  auto last = lines.position(9);
  CHECK(last.line == 4);
  CHECK(last.column == 2);
}

TEST_CASE("line index positions asked out of order, or along one line, are the same as asked alone") {
  std::string_view text = "\xC3\xA9t\xC3\xA9 \xC3\xA0 la plage\nx";
  LineIndex along(text);
  for (std::size_t offset : {0u, 2u, 3u, 5u, 9u, 1u, 12u, 17u, 4u}) {
    CHECK(along.position(offset).column == LineIndex(text).position(offset).column);
    CHECK(along.position(offset).line == LineIndex(text).position(offset).line);
  }
  CHECK(along.position(5).column == 4);
}
