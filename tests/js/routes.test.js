// The site's routes: a hash, or a published post's path; and the site's url setting.
import { test } from "node:test";
import assert from "node:assert/strict";
import { routeOf } from "../../web/site/routes.js";
import { readSettings } from "../../web/site/settings.js";

const base = new URL("https://photos.example/blog/");
const at = (address) => routeOf(new URL(address), base);

test("a published post's path is its post's route; a hash on it wins, as on any page", () => {
  assert.deepEqual(at("https://photos.example/blog/posts/harbour/"), { page: "post", slug: "harbour", open: null });
  assert.deepEqual(at("https://photos.example/blog/posts/harbour/index.html"), { page: "post", slug: "harbour", open: null });
  assert.deepEqual(at("https://photos.example/blog/posts/harbour/#/harbour/boats/2"),
    { page: "post", slug: "harbour", open: { gallery: "boats", index: 1 } });
  assert.deepEqual(at("https://photos.example/blog/#/tag/fog"), { page: "index", tag: "fog" });
});

test("other paths are the index's, and a path outside the site's root is no post", () => {
  assert.deepEqual(at("https://photos.example/blog/"), { page: "index", tag: null });
  assert.deepEqual(at("https://photos.example/blog/index.html"), { page: "index", tag: null });
  assert.deepEqual(at("https://photos.example/posts/harbour/"), { page: "index", tag: null });
});

test("the url setting is the site's address as a folder; anything but http(s) is a warning and no url", () => {
  const read = (url) => readSettings({ url }, `url: ${url}\n`, base);
  assert.equal(read("https://photos.example/blog").settings.url, "https://photos.example/blog/");
  const bad = read("ftp://photos.example/");
  assert.equal(bad.settings.url, null);
  assert.match(bad.diagnostics[0].message, /'url' must be the site's absolute http or https address/);
  assert.equal(readSettings({}, "", base).settings.url, null);
});
