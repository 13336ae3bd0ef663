// Hostile and broken posts: each one gives diagnostics and what output makes sense, never a crash or hang.
#include <doctest/doctest.h>

#include <algorithm>

#include "base/file_limit.h"
#include "markdown/markdown.h"
#include "test_support.h"

using namespace stills;
using namespace std::literals;

TEST_CASE("10,000 nested lists and blockquotes are flattened at kMaxBlockNesting levels, with one warning") {
  auto count = [](const std::string& html, std::string_view tag) {
    std::size_t n = 0;
    for (std::size_t at = html.find(tag); at != std::string::npos; at = html.find(tag, at + 1)) ++n;
    return n;
  };
  std::string quotes(10000, '>');
  quotes += " deep\n";
  Post post = parse_post(quotes);
  std::string html = test::all_html(post);
  CHECK(html.find("deep") != std::string::npos);
  CHECK(count(html, "<blockquote>") == kMaxBlockNesting);
  CHECK(count(html, "</blockquote>") == kMaxBlockNesting);
  REQUIRE(post.diagnostics.size() == 1);
  CHECK(post.diagnostics[0].message == "quotes and lists nested more than 32 deep are flattened");
  CHECK(post.diagnostics[0].line == 1);

  // "- - - … item": each marker opens a list inside the previous item.
  std::string lists;
  for (int i = 0; i < 10000; ++i) lists += "- ";
  post = parse_post(lists + "item\n");
  html = test::all_html(post);
  CHECK(html.find("item") != std::string::npos);
  CHECK(count(html, "<ul>") + count(html, "<li>") == kMaxBlockNesting);
  CHECK(count(html, "</ul>") + count(html, "</li>") == kMaxBlockNesting);
}

TEST_CASE("raw HTML that leaves more than kMaxHtmlNesting elements open is text from there on, with a warning") {
  std::string divs;
  for (int i = 0; i < 100000; ++i) divs += "<div>";
  Post post = parse_post("# Title\n\n" + divs + "x\n\n<p>after</p>\n");
  std::string html = test::all_html(post);
  REQUIRE(post.diagnostics.size() == 1);
  CHECK(post.diagnostics[0].message == "raw HTML nested more than 128 elements deep is shown as text from here on");
  CHECK(post.diagnostics[0].line == 3);
  CHECK(html.find("<div>") == std::string::npos);  // the block is one piece: all of it is text
  CHECK(html.find("&lt;div&gt;") != std::string::npos);
  CHECK(html.find("&lt;p&gt;after&lt;/p&gt;") != std::string::npos);
  // Balanced and void elements, however many, are not nesting.
  std::string flat;
  for (int i = 0; i < 1000; ++i) flat += "<span>a</span><br><img src=\"x.avif\"><hr/>";
  CHECK(parse_post(flat + "\n").diagnostics.empty());
}

TEST_CASE("deeply nested YAML is an error, not a stack overflow") {
  std::string yaml = "---\nx: " + std::string(10000, '[') + "\n---\nbody\n";
  Post post = parse_post(yaml);
  REQUIRE_FALSE(post.diagnostics.empty());
  CHECK(post.diagnostics[0].severity == Severity::Error);
  CHECK(test::all_html(post) == "<p>body</p>\n");
}

TEST_CASE("a frontmatter whose aliases stand for far more than its text is an error, not read, and the body renders") {
  std::string bomb = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n";  // 10^9 x's in 300 bytes
  for (int i = 0; i < 8; ++i) {
    bomb += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) bomb += (j ? ", *" : "*") + (i ? "l" + std::to_string(i - 1) : std::string("a"));
    bomb += "]\n";
  }
  const std::string big(200'000, 'x');  // one long text repeated through aliases: in tags, alt text, unknown keys
  std::string tags = "---\ntitle: &t \"" + big + "\"\ntags: [";
  std::string alts = "---\nt: &t \"" + big + "\"\ngalleries:\n  - images:\n";
  for (int i = 0; i < 5000; ++i) {
    tags += i ? ", *t" : "*t";
    alts += "      - { img: a.avif, alt: *t, *t : 1 }\n";
  }
  tags += "]\n";
  for (const std::string& yaml : {bomb, tags, alts, std::string("---\nx: &a [*a]\n"), std::string("---\n&a {k: *a}\n")}) {
    Post post = parse_post(yaml + "---\nbody\n");
    REQUIRE(post.diagnostics.size() == 1);
    CHECK(post.diagnostics[0].severity == Severity::Error);
    CHECK(post.diagnostics[0].message ==
          "the frontmatter is not read: its aliases (*name) stand for more than four times its own text, or for a "
          "value inside itself");
    CHECK(post.meta.other.empty());
    CHECK(post.meta.tags.empty());
    CHECK(post.galleries.empty());
    CHECK(test::all_html(post) == "<p>body</p>\n");
  }
}

TEST_CASE("aliases used as a post's authors would (shared defaults, a repeated caption) are read") {
  Post post = parse_post(
      "---\ncredit: &credit \"Photo: Mosfilm\"\ndefaults: &d { place: Moscow, year: 1957 }\n"
      "first: *d\nsecond: *d\ngalleries:\n  - images:\n      - { img: a.avif, caption: *credit }\n"
      "      - { img: b.avif, caption: *credit }\n---\n{{gallery}}\n");
  CHECK(post.diagnostics.empty());
  REQUIRE(post.galleries.size() == 1);
  CHECK(post.galleries[0].images[1].caption == "Photo: Mosfilm");
  REQUIRE(post.meta.other.size() == 4);
  CHECK(post.meta.other[3].second == "{\"place\":\"Moscow\",\"year\":1957}");
}

TEST_CASE("a post longer than kMaxFileBytes is read to its last line within the limit, with an error on the next") {
  std::string text = "---\ntitle: Big\n---\n";
  const std::string paragraph = "Some *emphasis* and a [link](https://example.org).\n\n";  // 2 lines
  while (text.size() + paragraph.size() <= kMaxFileBytes) text += paragraph;
  const auto kept_lines = std::count(text.begin(), text.end(), '\n');
  Post post = parse_post(text);
  CHECK(post.diagnostics.empty());  // at the limit: read whole

  text += "The paragraph past the limit.\n";
  post = parse_post(text);
  REQUIRE(post.diagnostics.size() == 1);
  CHECK(post.diagnostics[0].severity == Severity::Error);
  CHECK(post.diagnostics[0].message.find("at most 1 MiB (1048576 bytes)") != std::string::npos);
  CHECK(post.diagnostics[0].line == static_cast<int>(kept_lines) + 1);
  CHECK(post.diagnostics[0].column == 1);
  CHECK(post.meta.title == "Big");
  const std::string html = test::all_html(post);
  CHECK(html.find("past the limit") == std::string::npos);
  CHECK(html.rfind("<p>Some <em>emphasis</em>") != std::string::npos);
}

TEST_CASE("a line longer than kMaxFileBytes is cut at a code point, not inside one") {
  std::string text = "---\ntitle: Long\n---\n";
  while (text.size() < kMaxFileBytes + 10) text += "\xC3\xA9";  // é, two bytes each
  Post post = parse_post(text);
  CHECK(test::find_diagnostic(post, "at most 1 MiB"));
  CHECK_FALSE(test::find_diagnostic(post, "invalid UTF-8"));
  CHECK(test::all_html(post).find("\xEF\xBF\xBD") == std::string::npos);
}

TEST_CASE("invalid UTF-8 and NUL bytes are replaced and located") {
  std::string text = "---\ntitle: caf\xC3\xA9 \xFF\n---\nline\n\nx\0y \xC0\xAF"s;
  Post post = parse_post(text);
  REQUIRE(post.diagnostics.size() == 1);
  CHECK(post.diagnostics[0].severity == Severity::Warning);
  CHECK(post.diagnostics[0].line == 2);
  CHECK(post.diagnostics[0].column == 13);
  CHECK(post.meta.title == "caf\xC3\xA9 \xEF\xBF\xBD");
  CHECK(test::all_html(post) == "<p>line</p>\n<p>x\xEF\xBF\xBDy \xEF\xBF\xBD\xEF\xBF\xBD</p>\n");
}

TEST_CASE("a gallery with no images is a warning; its slot stays") {
  Post post = parse_post("---\ngalleries:\n  - title: Empty\n    images: []\n---\n{{gallery}}\n");
  REQUIRE(post.diagnostics.size() == 1);
  CHECK(post.diagnostics[0].severity == Severity::Warning);
  CHECK(post.diagnostics[0].line == 3);
  REQUIRE(post.blocks.size() == 1);
  CHECK(post.blocks[0].type == BlockType::Gallery);
}

TEST_CASE("empty and whitespace-only posts") {
  for (const char* text : {"", "\n", "---\n---\n", "---\n...\n", "   \n\t\n"}) {
    CAPTURE(text);
    Post post = parse_post(text);
    CHECK(post.diagnostics.empty());
    CHECK(post.blocks.empty());
  }
}

TEST_CASE("a post shows at most kMaxGalleries galleries and kMaxImages photos, with one warning each") {
  std::string yaml = "---\ngalleries:\n";
  for (std::size_t i = 0; i < kMaxGalleries + 5; ++i) yaml += "  - { id: g" + std::to_string(i) + ", images: [a.avif, b.avif, c.avif, d.avif, e.avif, f.avif] }\n";
  Post post = parse_post(yaml + "---\n", {{}, true});
  REQUIRE(post.galleries.size() == kMaxGalleries);
  std::size_t photos = 0;
  for (const auto& gallery : post.galleries) photos += gallery.images.size();
  CHECK(photos == kMaxImages);
  CHECK(post.galleries[kMaxImages / 6].images.size() == kMaxImages % 6);  // the gallery where the limit falls
  REQUIRE(post.diagnostics.size() == 2);
  CHECK(post.diagnostics[0].message == "a post shows at most 5000 photos; this one and those after it are left out");
  CHECK(post.diagnostics[0].line == 3 + kMaxImages / 6);
  CHECK(post.diagnostics[1].message == "a post shows at most 1000 galleries; this one and those after it are left out");
  CHECK(post.diagnostics[1].line == 3 + kMaxGalleries);
}
