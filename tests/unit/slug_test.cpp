#include "markdown/slug.h"

#include <doctest/doctest.h>

using namespace stills;

TEST_CASE("slugs keep letters of any script and drop punctuation") {
  CHECK(slugify("The Cranes Are Flying (1957)") == "the-cranes-are-flying-1957");
  CHECK(slugify("Летят журавли — 1957") == "летят-журавли-1957");
  CHECK(slugify("Ça va? Ünter Über ŁÓDŹ") == "ça-va-ünter-über-łódź");
  CHECK(slugify("Ελλάδα") == "ελλάδα");
  CHECK(slugify("東京 «夜»") == "東京-夜");
  CHECK(slugify("  snake_case -- and   spaces ") == "snake_case-and-spaces");
}

TEST_CASE("slugs are unique in a post and avoid reserved ids") {
  Slugger slugger;
  slugger.reserve("photos");
  CHECK(slugger.unique("Intro") == "intro");
  CHECK(slugger.unique("Intro") == "intro-1");
  CHECK(slugger.unique("intro!") == "intro-2");
  CHECK(slugger.unique("Photos") == "photos-1");
  CHECK(slugger.unique("???") == "section");
}
