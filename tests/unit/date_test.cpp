#include "post/date.h"

#include <doctest/doctest.h>

using stills::parse_iso8601;

TEST_CASE("ISO-8601 dates become UTC milliseconds") {
  CHECK(parse_iso8601("1970-01-01") == 0.0);
  CHECK(parse_iso8601("2026-01-22T05:35:07.322Z") == 1769060107322.0);
  CHECK(parse_iso8601("2026-01-22 05:35") == 1769060100000.0);
  CHECK(parse_iso8601("2026-01-22T07:35:07+02:00") == 1769060107000.0);
  CHECK(parse_iso8601("2026-01-22T00:35:07-0500") == 1769060107000.0);
  CHECK(parse_iso8601("2024-02-29") == 1709164800000.0);
  CHECK(parse_iso8601("1969-12-31T23:59:59Z") == -1000.0);
}

TEST_CASE("text that is not an ISO-8601 date is refused") {
  for (const char* bad : {"", "2026", "2026-1-22", "2026-13-01", "2023-02-29", "2026-01-22T25:00", "2026-01-22T05",
                          "2026-01-22T05:35:07.Z", "2026-01-22T05:35Zjunk", "22 January 2026", "2026-01-22x"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_iso8601(bad));
  }
}
