#include "markdown/url_policy.h"

#include <doctest/doctest.h>

using namespace stills;

TEST_CASE("relative references resolve as in RFC 3986") {
  const char* base = "http://a/b/c/d;p?q";
  CHECK(resolve_url("g", base) == "http://a/b/c/g");
  CHECK(resolve_url("./g", base) == "http://a/b/c/g");
  CHECK(resolve_url("g/", base) == "http://a/b/c/g/");
  CHECK(resolve_url("/g", base) == "http://a/g");
  CHECK(resolve_url("//g", base) == "http://g");
  CHECK(resolve_url("?y", base) == "http://a/b/c/d;p?y");
  CHECK(resolve_url("#s", base) == "http://a/b/c/d;p?q#s");
  CHECK(resolve_url("../g", base) == "http://a/b/g");
  CHECK(resolve_url("../../../g", base) == "http://a/g");
  CHECK(resolve_url("g?y#s", base) == "http://a/b/c/g?y#s");
  CHECK(resolve_url("posts/x.avif", "/blog/index.md") == "/blog/posts/x.avif");
  CHECK(resolve_url("x.avif", "posts/a.md") == "posts/x.avif");
}

TEST_CASE("script schemes never pass; data URLs only as raster images") {
  UrlContext none;
  for (const char* bad : {"javascript:alert(1)", "JavaScript:alert(1)", " \x01javascript:x", "java\tscript:x",
                          "jav\nascript:x", "vbscript:x", "data:text/html,<script>", "data:image/svg+xml,<svg>"}) {
    CAPTURE(bad);
    CHECK_FALSE(apply_url_policy(bad, UrlUse::Image, none));
    CHECK_FALSE(apply_url_policy(bad, UrlUse::Link, none));
  }
  CHECK(apply_url_policy("data:image/png;base64,AAAA", UrlUse::Image, none));
  CHECK_FALSE(apply_url_policy("data:image/png;base64,AAAA", UrlUse::Link, none));
  CHECK(apply_url_policy("mailto:a@b.c", UrlUse::Link, none) == "mailto:a@b.c");
  CHECK(apply_url_policy("javascript-notes.html", UrlUse::Link, none) == "javascript-notes.html");
}

TEST_CASE("the URL policy resolves against the post and the site base") {
  UrlContext context{"https://h.org/blog/posts/a.md", "https://h.org/blog/"};
  CHECK(apply_url_policy("p.avif", UrlUse::Image, context) == "https://h.org/blog/posts/p.avif");
  CHECK(apply_url_policy("/assets/p.avif", UrlUse::Image, context) == "https://h.org/blog/assets/p.avif");
  CHECK(apply_url_policy("#top", UrlUse::Link, context) == "#top");
  CHECK(apply_url_policy("https://x.org/", UrlUse::Link, context) == "https://x.org/");
  CHECK(apply_url_policy("//cdn.x.org/a", UrlUse::Link, context) == "https://cdn.x.org/a");
}
