// The JS API in node 20, on the sample post exactly as written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, access } from "node:fs/promises";
import { loadStills, readSamplePost, root, samplePostPath } from "./helpers.js";

const stills = await loadStills();
const sample = await readSamplePost();

test("the sample post is byte-identical to the original", async (t) => {
  const original = new URL("../shared/samples/kalatozov-stills.md", root);
  try {
    await access(original);
  } catch {
    return t.skip("the original sample (../shared) is not beside this checkout");
  }
  assert.deepEqual(await readFile(samplePostPath), await readFile(original));
});

test("content/index.yaml lists the sample post", async () => {
  const index = stills.parseYaml(await readFile(new URL("content/index.yaml", root)));
  assert.deepEqual(index.diagnostics, []);
  assert.ok(index.value.posts.includes("posts/kalatozov-stills.md"));
});

test("the sample post's frontmatter", () => {
  const { meta, diagnostics } = stills.parsePost(sample);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(meta, {
    title: "Stills from my favorite Kalatozov Movies",
    excerpt: "The Soviet director used striking imagery and compositions to capture the hearts of his audience.",
    cardCover: "/assets/photos/kalatozov-stills/kalatozov-stills.avif",
    date: "2026-01-22T05:35:07.322Z",
    timestamp: Date.parse("2026-01-22T05:35:07.322Z"),
    location: null,
    tags: ["cinema", "inspiration", "bnw"],
  });
});

test("the sample post's galleries, in frontmatter order", () => {
  const { galleries } = stills.parsePost(sample);
  assert.deepEqual(
    galleries.map((g) => [g.title, g.id, g.images.length]),
    [
      ["The Cranes are Flying", "the-cranes-are-flying", 5],
      ["Letter Never Sent", "letter-never-sent", 3],
      ["I Am Cuba", "i-am-cuba", 9],
    ],
  );
  assert.deepEqual(galleries[0].images[1], {
    img: "/assets/photos/kalatozov-stills/kalatozov-stills-2.avif",
    alt: null,
    caption: null,
    camera: null,
    width: null,
    height: null,
    line: 19,
    column: 22,
  });
});

test("each {{gallery}} of the sample post stands right after its heading", () => {
  const { blocks } = stills.parsePost(sample);
  assert.deepEqual(blocks.map((b) => b.type), ["html", "gallery", "html", "gallery", "html", "gallery", "html"]);
  assert.deepEqual([1, 3, 5].map((i) => blocks[i].gallery), [0, 1, 2]);
  assert.match(blocks[0].html, /^<p>Shooting mostly black and white/);
  assert.match(blocks[0].html, /<h3 id="the-cranes-are-flying-1957">The Cranes Are Flying \(1957\)<\/h3>\n$/);
  assert.equal(blocks[2].html, '<h3 id="letter-never-sent-1960">Letter Never Sent (1960)</h3>\n');
  assert.equal(blocks[4].html, '<h3 id="i-am-cuba-1964">I am Cuba (1964)</h3>\n');
  assert.match(blocks[6].html, /^<p>From a technical perspective.*subjects\.<\/p>\n$/s);
  assert.ok(!blocks.some((b) => b.html?.includes("{{")));
});

test("URLs resolve against the post and the site base", () => {
  const { meta, galleries } = stills.parsePost(sample, {
    url: "https://example.org/blog/posts/kalatozov-stills.md",
    base: "https://example.org/blog/",
  });
  assert.equal(meta.cardCover, "https://example.org/blog/assets/photos/kalatozov-stills/kalatozov-stills.avif");
  assert.equal(galleries[2].images[8].img, "https://example.org/blog/assets/photos/kalatozov-stills/kalatozov-stills-19.avif");
});

test("parsePost takes the file's bytes as well as a string", async () => {
  const fromBytes = stills.parsePost(await readFile(samplePostPath));
  assert.deepEqual(fromBytes, stills.parsePost(sample));
});

test("other frontmatter keys pass through with their YAML types", () => {
  const { meta } = stills.parsePost("---\ntitle: t\ncamera: Leica M6\niso: 400\ndraft: false\nrolls: [1, 'two']\n---\n");
  assert.equal(meta.camera, "Leica M6");
  assert.equal(meta.iso, 400);
  assert.equal(meta.draft, false);
  assert.deepEqual(meta.rolls, [1, "two"]);
});

test("renderMarkdown: post HTML by default, plain CommonMark on request", () => {
  const text = "# Hello *world*\n\n![a](p.avif)\n\n~~x~~\n";
  assert.equal(
    stills.renderMarkdown(text, { url: "https://h.org/posts/a.md" }),
    '<h1 id="hello-world">Hello <em>world</em></h1>\n' +
      '<p><img src="https://h.org/posts/p.avif" alt="a" loading="lazy" decoding="async"></p>\n<p><del>x</del></p>\n',
  );
  assert.equal(
    stills.renderMarkdown(text, { plain: true }),
    '<h1>Hello <em>world</em></h1>\n<p><img src="p.avif" alt="a"></p>\n<p>~~x~~</p>\n',
  );
});
