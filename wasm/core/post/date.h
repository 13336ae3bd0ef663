// ISO-8601 dates as authors write them in frontmatter.
#pragma once

#include <optional>
#include <string_view>

namespace stills {

// Milliseconds since the Unix epoch for "2026-01-22", "2026-01-22T05:35:07.322Z", "2026-01-22 05:35",
// "2026-01-22T05:35:07+02:00" and the like. A date or time without an offset is read as UTC, so every
// reader of the post gets the same instant. Nothing for text that is not such a date.
std::optional<double> parse_iso8601(std::string_view text);

}  // namespace stills
