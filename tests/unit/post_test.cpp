#include <doctest/doctest.h>

#include <algorithm>

#include "test_support.h"

using namespace stills;
using stills::test::all_html;

TEST_CASE("the sample post parses as written") {
  Post post = parse_post(test::sample_post());

  CHECK(post.diagnostics.empty());
  CHECK(post.meta.title == "Stills from my favorite Kalatozov Movies");
  CHECK(post.meta.excerpt ==
        "The Soviet director used striking imagery and compositions to capture the hearts of "
        "his audience.");
  CHECK(post.meta.card_cover == "/assets/photos/kalatozov-stills/kalatozov-stills.avif");
  CHECK(post.meta.date == "2026-01-22T05:35:07.322Z");
  CHECK(post.meta.timestamp == doctest::Approx(1769060107322.0));
  CHECK_FALSE(post.meta.location.has_value());
  CHECK(post.meta.tags == std::vector<std::string>{"cinema", "inspiration", "bnw"});

  REQUIRE(post.galleries.size() == 3);
  CHECK(post.galleries[0].title == "The Cranes are Flying");
  CHECK(post.galleries[0].id == "the-cranes-are-flying");
  CHECK(post.galleries[0].images.size() == 5);
  CHECK(post.galleries[0].images[4].img == "/assets/photos/kalatozov-stills/kalatozov-stills-6.avif");
  CHECK(post.galleries[1].id == "letter-never-sent");
  CHECK(post.galleries[1].images.size() == 3);
  CHECK(post.galleries[2].id == "i-am-cuba");
  CHECK(post.galleries[2].images.size() == 9);
  CHECK(post.galleries[2].images[8].img == "/assets/photos/kalatozov-stills/kalatozov-stills-19.avif");
}

TEST_CASE("the sample post's galleries stand under their headings, in order") {
  Post post = parse_post(test::sample_post());
  REQUIRE(post.blocks.size() == 7);
  const char* headings[] = {"The Cranes Are Flying (1957)", "Letter Never Sent (1960)", "I am Cuba (1964)"};
  for (int i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(post.blocks[2 * i].type == BlockType::Html);
    CHECK(post.blocks[2 * i].text.find(headings[i]) != std::string::npos);
    CHECK(post.blocks[2 * i + 1].type == BlockType::Gallery);
    CHECK(post.blocks[2 * i + 1].gallery == i);
  }
  CHECK(post.blocks[6].text.find("infrared sensitive film stock") != std::string::npos);
  CHECK(post.blocks[1].text.find("{{gallery}}") == std::string::npos);
  CHECK(all_html(post).find("<h3 id=\"the-cranes-are-flying-1957\">") != std::string::npos);
}

TEST_CASE("a post without frontmatter is a body") {
  Post post = parse_post("# Hello\n\nJust text.\n");
  CHECK(post.diagnostics.empty());
  CHECK_FALSE(post.meta.title.has_value());
  CHECK(all_html(post) == "<h1 id=\"hello\">Hello</h1>\n<p>Just text.</p>\n");
}

TEST_CASE("frontmatter keys beyond the known ones pass through as JSON") {
  Post post = parse_post(
      "---\ncamera: Leica M6\niso: 400\nrolls: [1, 2.5, true, null, 'x']\n"
      "lens: {focal: 35mm, f: 2}\n---\nbody\n");
  CHECK(post.diagnostics.empty());
  REQUIRE(post.meta.other.size() == 4);
  CHECK(post.meta.other[0] == std::pair<std::string, std::string>{"camera", "\"Leica M6\""});
  CHECK(post.meta.other[1].second == "400");
  CHECK(post.meta.other[2].second == "[1,2.5,true,null,\"x\"]");
  CHECK(post.meta.other[3].second == "{\"focal\":\"35mm\",\"f\":2}");
}

TEST_CASE("shortcodes pick galleries by order or by id") {
  const char* text =
      "---\ngalleries:\n  - {id: a, images: [a.avif]}\n  - {id: b, images: [b.avif]}\n"
      "  - {id: c, images: [c.avif]}\n---\n"
      "{{gallery c}}\n\n{{gallery}}\n\n{{ gallery \"b\" }}\n\n`{{gallery}}`\n\n```\n{{gallery}}\n```\n";
  Post post = parse_post(text);
  CHECK(post.diagnostics.empty());
  REQUIRE(post.blocks.size() == 4);
  CHECK(post.blocks[0].gallery == 2);
  CHECK(post.blocks[1].gallery == 0);
  CHECK(post.blocks[2].gallery == 1);
  CHECK(post.blocks[3].text == "<p><code>{{gallery}}</code></p>\n<pre><code>{{gallery}}\n</code></pre>\n");
}

TEST_CASE("too many shortcodes or an unknown id give a warning on their line and a notice") {
  const char* text =
      "---\ngalleries:\n  - {id: only, images: [a.avif]}\n---\n{{gallery}}\n\n{{gallery}}\n\n"
      "{{gallery nope}}\n";
  Post post = parse_post(text);
  REQUIRE(post.diagnostics.size() == 2);
  CHECK(post.diagnostics[0].severity == Severity::Warning);
  CHECK(post.diagnostics[0].line == 7);
  CHECK(post.diagnostics[0].column == 1);
  CHECK(post.diagnostics[1].line == 9);
  CHECK(post.diagnostics[1].message.find("nope") != std::string::npos);
  CHECK(post.diagnostics[1].message.find("only") != std::string::npos);
  REQUIRE(post.blocks.size() == 3);
  CHECK(post.blocks[1].type == BlockType::Notice);
  CHECK(post.blocks[2].type == BlockType::Notice);
}

TEST_CASE("a gallery is placed once: a second shortcode naming it gives a warning and a notice") {
  std::string text = "---\ngalleries:\n  - {id: big, images: [a.avif, b.avif]}\n---\n";
  for (int i = 0; i < 3000; ++i) text += "{{gallery big}}\n\n";
  Post post = parse_post(text);
  REQUIRE(post.blocks.size() == 3000);
  CHECK(post.blocks[0].type == BlockType::Gallery);
  CHECK(std::count_if(post.blocks.begin(), post.blocks.end(), [](const Block& b) { return b.type == BlockType::Gallery; }) == 1);
  CHECK(post.blocks[1].type == BlockType::Notice);
  CHECK(post.diagnostics[0].message == "gallery 'big' is shown above already; a gallery is placed once");
  CHECK(post.diagnostics[0].line == 7);
}

TEST_CASE("at most kMaxDiagnostics are listed, errors first, and one more says how many are not") {
  std::string text = "---\ntags: [";
  for (int i = 0; i < 1000; ++i) text += "{}, ";
  text += "{}]\ngalleries: 3\n---\n";  // 1,001 warnings, then an error
  Post post = parse_post(text);
  REQUIRE(post.diagnostics.size() == kMaxDiagnostics);
  CHECK(post.diagnostics.back().message == "803 more problems are not listed; fix these first");
  CHECK(std::any_of(post.diagnostics.begin(), post.diagnostics.end(), [](const Diagnostic& d) { return d.line == 3 && d.severity == Severity::Error; }));
  CHECK(post.diagnostics[1].line == 2);
  CHECK(post.diagnostics[1].column == 12);  // the second {} on the long line, at its code point
}

TEST_CASE("galleries no shortcode places are appended with an info diagnostic") {
  Post post = parse_post(
      "---\ngalleries:\n  - {id: a, images: [a.avif]}\n  - {id: b, images: [b.avif]}\n---\n"
      "{{gallery}}\n\nThe end.\n");
  REQUIRE(post.diagnostics.size() == 1);
  CHECK(post.diagnostics[0].severity == Severity::Info);
  CHECK(post.diagnostics[0].line == 4);
  REQUIRE(post.blocks.size() == 3);
  CHECK(post.blocks[0].gallery == 0);
  CHECK(post.blocks[1].text == "<p>The end.</p>\n");
  CHECK(post.blocks[2].gallery == 1);
}

TEST_CASE("a shortcode inside a list stays text, with a warning") {
  Post post = parse_post("---\ngalleries: [{id: a, images: [a.avif]}]\n---\n- {{gallery}}\n");
  REQUIRE(post.diagnostics.size() == 2);
  CHECK(post.diagnostics[0].line == 2);  // the unplaced gallery
  CHECK(post.diagnostics[1].line == 4);
  CHECK(post.diagnostics[1].column == 3);
  CHECK(all_html(post).find("<li>{{gallery}}</li>") != std::string::npos);
}

TEST_CASE("gallery and image URLs go through the URL policy") {
  PostOptions options;
  options.urls.document_url = "https://example.org/blog/posts/trip.md";
  options.urls.site_base = "https://example.org/blog/";
  Post post = parse_post(
      "---\ncardCover: cover.avif\ngalleries:\n  - images:\n    - /assets/a.avif\n"
      "    - img: javascript:alert(1)\n    - {img: ../b.avif, alt: A bridge, width: 1200, height: 800}\n"
      "---\n![x](pic.avif)\n",
      options);
  CHECK(post.meta.card_cover == "https://example.org/blog/posts/cover.avif");
  REQUIRE(post.galleries.size() == 1);
  CHECK(post.galleries[0].id == "gallery-1");
  REQUIRE(post.galleries[0].images.size() == 2);
  CHECK(post.galleries[0].images[0].img == "https://example.org/blog/assets/a.avif");
  CHECK(post.galleries[0].images[1].img == "https://example.org/blog/b.avif");
  CHECK(post.galleries[0].images[1].alt == "A bridge");
  CHECK(post.galleries[0].images[1].width == 1200);
  const Diagnostic* unsafe = test::find_diagnostic(post, "not allowed");
  REQUIRE(unsafe);
  CHECK(unsafe->line == 6);
  CHECK(unsafe->column == 12);
  CHECK(all_html(post).find("src=\"https://example.org/blog/posts/pic.avif\"") != std::string::npos);
}

TEST_CASE("the JSON has the shape of the JS API") {
  Post post = parse_post(
      "---\ntitle: \"A \\\"quoted\\\" title\"\ntags: [a]\ngalleries: [{images: [x.avif]}]\n---\n"
      "Hi\n\n{{gallery}}\n");
  CHECK(post_to_json(post) ==
        "{\"meta\":{\"title\":\"A \\\"quoted\\\" title\",\"excerpt\":null,\"cardCover\":null,\"date\":null,"
        "\"timestamp\":null,\"location\":null,\"tags\":[\"a\"]},"
        "\"galleries\":[{\"title\":null,\"id\":\"gallery-1\",\"line\":4,\"column\":13,\"images\":[{\"img\":\"x.avif\",\"alt\":null,"
        "\"caption\":null,\"camera\":null,\"width\":null,\"height\":null,\"line\":4,\"column\":23}]}],"
        "\"blocks\":[{\"type\":\"html\",\"html\":\"<p>Hi</p>\\n\"},{\"type\":\"gallery\",\"gallery\":0}],"
        "\"positions\":{\"title\":{\"line\":2,\"column\":8},\"tags\":{\"line\":3,\"column\":7},"
        "\"galleries\":{\"line\":4,\"column\":12}},"
        "\"diagnostics\":[]}");
}

TEST_CASE("each image and top-level key knows where it is written") {
  Post post = parse_post(test::sample_post());
  REQUIRE(post.galleries.size() == 3);
  CHECK(post.galleries[0].images[0].line == 15);
  CHECK(post.galleries[0].images[0].column == 22);
  CHECK(post.galleries[0].images[1].line == 19);
  REQUIRE(post.positions.size() == 7);
  CHECK(post.positions[0].key == "title");
  CHECK(post.positions[0].line == 2);
  CHECK(post.positions[0].column == 8);
  CHECK(post.positions[2].key == "cardCover");
  CHECK(post.positions[2].line == 4);
  CHECK(post.positions[4].key == "location");  // no value: the key stands for it
  CHECK(post.positions[4].line == 6);
  CHECK(post.positions[4].column == 1);
  CHECK(post.positions[6].key == "galleries");
  CHECK(post.positions[6].line == 8);
  CHECK(post_to_json(post).find("\"positions\":{\"title\":{\"line\":2,\"column\":8},") != std::string::npos);
}

TEST_CASE("with a frontmatter cache, a post whose frontmatter did not change is read once and parses the same") {
  FrontmatterCache cache;
  PostOptions cached;
  cached.urls = {"https://example.org/posts/a.md", "https://example.org/"};
  cached.frontmatter_cache = &cache;
  PostOptions plain;
  plain.urls = cached.urls;
  std::string text = test::sample_post();
  const std::size_t body = text.find("\n---\n", 4) + 5;
  auto same = [](const Post& a, const Post& b) { return post_to_json(a) == post_to_json(b); };
  for (const char* typed : {"", "A", "A new", "A new paragraph.\n\n"}) {
    std::string edited = text.substr(0, body) + typed + text.substr(body);
    CHECK(same(parse_post(edited, cached), parse_post(edited, plain)));
  }
  CHECK(cache.reads == 1);

  std::string retitled = text;
  retitled.replace(retitled.find("Stills"), 6, "Frames");
  Post post = parse_post(retitled, cached);
  CHECK(cache.reads == 2);
  CHECK(same(post, parse_post(retitled, plain)));
  CHECK(post.meta.title == "Frames from my favorite Kalatozov Movies");

  PostOptions elsewhere = cached;
  elsewhere.urls.document_url = "https://example.org/drafts/a.md";  // the same bytes resolve to other URLs
  CHECK(same(parse_post(retitled, elsewhere), parse_post(retitled, {elsewhere.urls})));
  CHECK(cache.reads == 3);

  // A broken frontmatter's diagnostics come back with every copy, once each.
  std::string broken = "---\ntitle: [a\n---\nbody\n";
  CHECK(parse_post(broken, cached).diagnostics.size() == 1);
  CHECK(parse_post(broken + "more\n", cached).diagnostics.size() == 1);
  CHECK(cache.reads == 4);
}
