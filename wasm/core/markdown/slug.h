// Heading ids: readable, Unicode-aware slugs, unique within one post.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace stills {

// "Летят журавли (1957)!" -> "летят-журавли-1957": lower-cased, letters and digits of any script kept,
// punctuation dropped, runs of spaces and dashes joined by one '-'.
std::string slugify(std::string_view text);

class Slugger {
 public:
  // Ids already taken on the page (gallery ids) that headings must not repeat.
  void reserve(std::string id) { used_.insert(std::move(id)); }
  // The slug of `text`, suffixed "-1", "-2", ... when taken; "section" when the text has no letters.
  std::string unique(std::string_view text);

 private:
  std::unordered_set<std::string> used_;
  std::unordered_map<std::string, int> next_suffix_;  // by base: the last suffix given
};

}  // namespace stills
