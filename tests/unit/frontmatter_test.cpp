#include "post/frontmatter.h"

#include <doctest/doctest.h>

#include "test_support.h"

using namespace stills;

TEST_CASE("the frontmatter split accepts --- and ... closers, CRLF and trailing blanks") {
  auto split = split_frontmatter("---\r\ntitle: x\r\n...  \r\nbody");
  REQUIRE(split.yaml);
  CHECK(*split.yaml == "title: x\r\n");
  CHECK(split.yaml_offset == 5);
  CHECK(split.body == "body");

  split = split_frontmatter("--- \ntitle: x\n---");
  REQUIRE(split.yaml);
  CHECK(split.body.empty());

  split = split_frontmatter("----\ntitle: x\n---\n");
  CHECK_FALSE(split.yaml);
  CHECK_FALSE(split.unclosed);
}

TEST_CASE("a BOM and CRLF line ends do not disturb parsing or positions") {
  Post post = parse_post("\xEF\xBB\xBF---\r\ntitle: Hi\r\ndate: nope\r\n---\r\nText\r\n");
  CHECK(post.meta.title == "Hi");
  REQUIRE(post.diagnostics.size() == 1);
  CHECK(post.diagnostics[0].line == 3);
  CHECK(post.diagnostics[0].column == 7);
  CHECK(test::all_html(post) == "<p>Text</p>\n");
}

TEST_CASE("YAML syntax errors are located in the file and the body still renders") {
  Post post = parse_post("---\ntitle: ok\ntags: [a, b\nnext: 1\n---\n# Still here\n");
  REQUIRE_FALSE(post.diagnostics.empty());
  CHECK(post.diagnostics[0].severity == Severity::Error);
  CHECK(post.diagnostics[0].line >= 3);
  CHECK(post.diagnostics[0].message.find("not valid YAML") != std::string::npos);
  CHECK(test::all_html(post).find("Still here") != std::string::npos);
}

TEST_CASE("tabs in indentation are a located error") {
  Post post = parse_post("---\ngalleries:\n\t- id: a\n---\nbody\n");
  REQUIRE_FALSE(post.diagnostics.empty());
  CHECK(post.diagnostics[0].severity == Severity::Error);
  CHECK(post.diagnostics[0].line == 3);
  CHECK(test::all_html(post) == "<p>body</p>\n");
}

TEST_CASE("an unclosed frontmatter keeps the whole file as text") {
  Post post = parse_post("---\ntitle: lost?\n\nSome text\n");
  REQUIRE(post.diagnostics.size() == 1);
  CHECK(post.diagnostics[0].severity == Severity::Error);
  CHECK(post.diagnostics[0].line == 1);
  CHECK(test::all_html(post).find("Some text") != std::string::npos);
  CHECK(test::all_html(post).find("title: lost?") != std::string::npos);
}

TEST_CASE("schema problems are reported at the offending node") {
  const char* text =
      "---\n"                          // 1
      "title: [not, text]\n"           // 2
      "date: 22 January\n"             // 3
      "tags: {a: b}\n"                 // 4
      "galleries:\n"                   // 5
      "  - id: dup\n"                  // 6
      "    images: [{alt: no img}]\n"  // 7
      "  - id: dup\n"                  // 8
      "    images: []\n"               // 9
      "  - just text\n"                // 10
      "---\n";
  Post post = parse_post(text);
  auto at = [&](const std::string& needle) {
    const Diagnostic* d = test::find_diagnostic(post, needle);
    REQUIRE_MESSAGE(d, needle);
    return std::pair{d->line, d->column};
  };
  CHECK(at("'title' must be text") == std::pair{2, 8});
  CHECK(at("ISO-8601") == std::pair{3, 7});
  CHECK(at("'tags' must be a list") == std::pair{4, 7});
  CHECK(at("has no 'img'") == std::pair{7, 14});
  CHECK(at("used twice") == std::pair{8, 9});
  CHECK(at("has no images") == std::pair{8, 5});
  CHECK(at("a gallery must be a mapping") == std::pair{10, 5});
  CHECK(post.meta.date == "22 January");
  CHECK_FALSE(post.meta.timestamp);
  REQUIRE(post.galleries.size() == 2);
  CHECK(post.galleries[0].images.empty());
  CHECK(post.galleries[1].id == "dup-2");
}

TEST_CASE("a renamed or made-up gallery id never takes an id the author wrote for another gallery") {
  Post post = parse_post("---\ngalleries:\n"
                         "  - { id: x, images: [a.avif] }\n"
                         "  - { id: x, images: [b.avif] }\n"
                         "  - { id: x-2, images: [c.avif] }\n"
                         "  - { title: Boats, images: [d.avif] }\n"
                         "  - { id: boats, images: [e.avif] }\n"
                         "---\n");
  std::vector<std::string> ids;
  for (const auto& gallery : post.galleries) ids.push_back(gallery.id);
  CHECK(ids == std::vector<std::string>{"x", "x-3", "x-2", "boats-2", "boats"});
  CHECK(test::find_diagnostic(post, "gallery id 'x' is used twice; this gallery is 'x-3'"));
}

TEST_CASE("galleries that are not a list are an error, not a crash") {
  Post post = parse_post("---\ngalleries: 3\n---\n{{gallery}}\n");
  CHECK(test::find_diagnostic(post, "'galleries' must be a list"));
  CHECK(test::find_diagnostic(post, "the frontmatter lists none"));
  CHECK(post.galleries.empty());
}

TEST_CASE("a frontmatter that is not a mapping is an error") {
  Post post = parse_post("---\n- a\n- b\n---\ntext\n");
  REQUIRE(post.diagnostics.size() == 1);
  CHECK(post.diagnostics[0].line == 2);
  CHECK(test::all_html(post) == "<p>text</p>\n");
}

TEST_CASE("a quoted value never closed is warned of at its opening quote") {
  Post post = parse_post("---\ntitle: \"Never closed\nexcerpt: fine\n---\nText\n");
  const Diagnostic* warning = test::find_diagnostic(post, "never closed");
  REQUIRE(warning);
  CHECK(warning->severity == Severity::Warning);
  CHECK(warning->line == 2);
  CHECK(warning->column == 8);
  CHECK(test::find_diagnostic(post, "closing \"") == warning);

  post = parse_post("---\nlocation: 'it''s open\ntags: [a]\n---\n");
  REQUIRE(test::find_diagnostic(post, "never closed"));
  CHECK(test::find_diagnostic(post, "never closed")->line == 2);

  // Closed quotes, escaped quotes inside them and quotes inside plain text are fine.
  post = parse_post("---\ntitle: \"say \\\"hi\\\"\"\nexcerpt: 'it''s'\nlocation: O'Brien's\n---\n");
  CHECK(post.diagnostics.empty());
  CHECK(post.meta.title == "say \"hi\"");
  CHECK(post.meta.excerpt == "it's");
}

TEST_CASE("a syntax error lines below a quote left open gets a note at that quote") {
  // The excerpt's quote is left open; yaml-cpp only fails at the quote after Moscow, three lines on.
  Post post = parse_post("---\ntitle: Letter\nexcerpt: \"Never sent\ndate: 2026-01-02\n"
                         "tags: [a, b]\nlocation: \"Moscow\"\n---\nBody\n");
  const Diagnostic* error = test::find_diagnostic(post, "not valid YAML");
  REQUIRE(error);
  CHECK(error->line == 6);
  const Diagnostic* note = test::find_diagnostic(post, "runs on past its line");
  REQUIRE(note);
  CHECK(note->severity == Severity::Info);
  CHECK(note->line == 3);
  CHECK(note->column == 10);
  CHECK(test::find_diagnostic(post, "why line 6 cannot be read: if its closing \" is missing"));
  CHECK(test::all_html(post) == "<p>Body</p>\n");

  // Quotes in comments and inside plain text are not suspects; a quote closed on its line is not either.
  post = parse_post("---\n# it's \"fine\ntitle: O'Brien's \"x\"\nexcerpt: 'ok'\ntags: [a\n---\n");
  REQUIRE(test::find_diagnostic(post, "not valid YAML"));
  CHECK_FALSE(test::find_diagnostic(post, "runs on past its line"));

  // An error on the quote's own line needs no note.
  post = parse_post("---\ntitle: 'a' b\n---\n");
  REQUIRE(test::find_diagnostic(post, "not valid YAML"));
  CHECK_FALSE(test::find_diagnostic(post, "runs on past its line"));
}

TEST_CASE("frontmatter only: meta, galleries and their diagnostics, no Markdown rendered") {
  PostOptions options;
  options.frontmatter_only = true;
  Post post = parse_post(test::sample_post(), options);
  CHECK(post.meta.title == "Stills from my favorite Kalatozov Movies");
  CHECK(post.galleries.size() == 3);
  CHECK(post.blocks.empty());
  CHECK(post.diagnostics.empty());
  post = parse_post("---\ntitle: [a\n---\n{{gallery nope}}\n", options);
  REQUIRE(post.diagnostics.size() == 1);
  CHECK(post.diagnostics[0].message.find("not valid YAML") != std::string::npos);
}
