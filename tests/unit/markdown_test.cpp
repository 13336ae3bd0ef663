#include "markdown/markdown.h"

#include <doctest/doctest.h>

using namespace stills;

namespace {

std::string render(std::string_view text, MarkdownOptions options = {}) {
  return render_markdown(text, text, options).html;
}

std::string plain(std::string_view text) {
  MarkdownOptions options;
  options.plain = true;
  return render(text, options);
}

}  // namespace

TEST_CASE("GitHub extensions: tables, strikethrough, task lists, permissive autolinks") {
  CHECK(render("| a | b |\n|:--|--:|\n| 1 | 2 |\n") ==
        "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"right\">b</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"right\">2</td>\n</tr>\n</tbody>\n</table>\n");
  CHECK(render("~~gone~~") == "<p><del>gone</del></p>\n");
  CHECK(render("- [x] done\n- [ ] todo\n") ==
        "<ul>\n<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled "
        "checked>done</li>\n<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" "
        "disabled>todo</li>\n</ul>\n");
  CHECK(render("see www.example.org now") == "<p>see <a href=\"http://www.example.org\">www.example.org</a> now</p>\n");
}

TEST_CASE("plain mode is CommonMark without additions") {
  CHECK(plain("# Title\n\n![a *b*](x.avif \"t\")\n\n~~no~~ www.x.org") ==
        "<h1>Title</h1>\n<p><img src=\"x.avif\" alt=\"a b\" title=\"t\"></p>\n<p>~~no~~ www.x.org</p>\n");
}

TEST_CASE("headings get unique Unicode-aware ids") {
  CHECK(render("# Café *au* lait\n## Café au lait\n### `code` &amp; more\n") ==
        "<h1 id=\"café-au-lait\">Café <em>au</em> lait</h1>\n<h2 id=\"café-au-lait-1\">Café au lait</h2>\n"
        "<h3 id=\"code-more\"><code>code</code> &amp; more</h3>\n");
}

TEST_CASE("equal headings take the next free suffix, past an id a heading wrote as its text") {
  // "a-2" is a heading's own text: the third "a" skips it.
  CHECK(render("# a\n# a\n# a 2\n# a\n") ==
        "<h1 id=\"a\">a</h1>\n<h1 id=\"a-1\">a</h1>\n<h1 id=\"a-2\">a 2</h1>\n<h1 id=\"a-3\">a</h1>\n");
  std::string many;
  for (int i = 0; i < 3000; ++i) many += "# a\n";
  std::string html = render(many);
  CHECK(html.find("<h1 id=\"a-2999\">") != std::string::npos);
  CHECK(html.find("<h1 id=\"a-3000\">") == std::string::npos);
}

TEST_CASE("images load lazily and resolve against the post") {
  MarkdownOptions options;
  options.urls.document_url = "https://h.org/blog/posts/a.md";
  CHECK(render("![A \"bridge\"](<../p/b r.avif>)", options) ==
        "<p><img src=\"https://h.org/blog/p/b%20r.avif\" alt=\"A &quot;bridge&quot;\" loading=\"lazy\" "
        "decoding=\"async\"></p>\n");
}

TEST_CASE("unsafe URLs are dropped, the text stays") {
  CHECK(render("[click](javascript:alert(1)) [x](&#106;avascript:alert(1)) ![i](vbscript:x)") ==
        "<p><a>click</a> <a>x</a> <img alt=\"i\" loading=\"lazy\" decoding=\"async\"></p>\n");
  CHECK(render("<javascript:alert(1)>") == "<p><a>javascript:alert(1)</a></p>\n");
}

TEST_CASE("attributes and text are escaped") {
  CHECK(render("[a](/x \"t\\\"><script>\") <b>raw</b> 1 < 2 & \"q\"") ==
        "<p><a href=\"/x\" title=\"t&quot;&gt;&lt;script&gt;\">a</a> <b>raw</b> 1 &lt; 2 &amp; &quot;q&quot;</p>\n");
}

TEST_CASE("shortcodes stay text unless slots are asked for") {
  CHECK(render("{{gallery}}") == "<p>{{gallery}}</p>\n");
  MarkdownOptions options;
  options.gallery_slots = true;
  // The body is a view into the file: positions count from the file's first line.
  std::string_view file = "---\ntitle: x\n---\nIntro\n\n  {{gallery}}\n\nOutro";
  auto rendered = render_markdown(file, file.substr(file.find("Intro")), options);
  CHECK(rendered.html == "<p>Intro</p>\n<p>Outro</p>\n");
  REQUIRE(rendered.slots.size() == 1);
  CHECK(rendered.slots[0].html_offset == 13);
  CHECK(rendered.slots[0].shortcode.line == 6);
  CHECK(rendered.slots[0].shortcode.column == 3);
}

TEST_CASE("raw HTML inside an image's description is escaped into alt, as cmark writes it") {
  CHECK(render("![x <a b=\" onerror=alert(1) \">](n.png)") ==
        "<p><img src=\"n.png\" alt=\"x &lt;a b=&quot; onerror=alert(1) &quot;&gt;\" loading=\"lazy\" "
        "decoding=\"async\"></p>\n");
  CHECK(plain("![<b>bold</b>](n.png) <b>kept</b>") ==
        "<p><img src=\"n.png\" alt=\"&lt;b&gt;bold&lt;/b&gt;\"> <b>kept</b></p>\n");
}

TEST_CASE("source lines: each top-level block with text carries the file line it starts on") {
  MarkdownOptions options;
  options.source_lines = true;
  options.gallery_slots = true;
  std::string_view file = "---\nt: x\n---\n# Title\n\nPara *one*\nstill one\n\n- a\n- b\n\n{{gallery}}\n\n"
                          "```\ncode\n```\n\n<div>raw</div>\n\n| h |\n|---|\n| c |\n\n---\n> quoted\n";
  auto rendered = render_markdown(file, file.substr(file.find("# Title")), options);
  CHECK(rendered.html ==
        "<h1 data-line=\"4\" id=\"title\">Title</h1>\n<p data-line=\"6\">Para <em>one</em>\nstill one</p>\n"
        "<ul data-line=\"9\">\n<li>a</li>\n<li>b</li>\n</ul>\n<pre data-line=\"15\"><code>code\n</code></pre>\n"
        "<div>raw</div>\n<table data-line=\"20\">\n<thead>\n<tr>\n<th>h</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
        "<td>c</td>\n</tr>\n</tbody>\n</table>\n<hr>\n<blockquote data-line=\"25\">\n<p>quoted</p>\n</blockquote>\n");
  REQUIRE(rendered.slots.size() == 1);
  CHECK(rendered.slots[0].shortcode.line == 12);
  options.source_lines = false;
  CHECK(render_markdown(file, file.substr(file.find("# Title")), options).html.find("data-line") == std::string::npos);
}
