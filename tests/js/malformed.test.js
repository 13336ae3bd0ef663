// Broken and hostile posts through the JS API: each renders what it can, says what is wrong and where,
// and leaves the module healthy (no throw, no trap, no growing memory).
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadStills, readSamplePost } from "./helpers.js";

const stills = await loadStills();
const sample = await readSamplePost();

const htmlOf = (post) => post.blocks.filter((b) => b.type === "html").map((b) => b.html).join("");
const errors = (post) => post.diagnostics.filter((d) => d.severity === "error");

test("malformed YAML: an error at its line and column; the body renders", () => {
  const post = stills.parsePost("---\ntitle: fine\ntags: [a, b\ndate: 2026-01-01\n---\n# Body\n");
  const [error] = errors(post);
  assert.ok(error, "an error diagnostic");
  assert.match(error.message, /not valid YAML/);
  assert.deepEqual([error.line, error.column], [4, 5]);
  assert.equal(htmlOf(post), '<h1 id="body">Body</h1>\n');
});

test("the sample post with a broken line reports that line", () => {
  const lines = sample.split("\n");
  lines[14] = lines[14].replace('img: "', "img: @");  // line 15 of the file
  const post = stills.parsePost(lines.join("\n"));
  const [error] = errors(post);
  assert.deepEqual([error.line, error.column], [15, 22]);
  assert.match(htmlOf(post), /Kalatozov was a visionary/);
  assert.equal(post.blocks.filter((b) => b.type === "notice").length, 3, "each {{gallery}} shows a notice");
});

test("a frontmatter that never closes: an error on line 1, the whole file as text", () => {
  const post = stills.parsePost("---\ntitle: Open\n\nThe text.\n");
  assert.deepEqual(errors(post).map((e) => [e.line, e.column]), [[1, 1]]);
  assert.match(errors(post)[0].message, /never closed/);
  assert.match(htmlOf(post), /The text\./);
});

test("tabs in indentation: an error on the tab's line", () => {
  const post = stills.parsePost("---\ntitle: t\ngalleries:\n\t- images: [a.avif]\n---\ntext\n");
  assert.equal(errors(post)[0].line, 4);
  assert.equal(htmlOf(post), "<p>text</p>\n");
});

test("schema problems are located at the offending node", () => {
  const post = stills.parsePost("---\ndate: yesterday\ngalleries:\n  - id: a\n    images:\n      - alt: no file\n---\n");
  const byLine = Object.fromEntries(post.diagnostics.map((d) => [d.line, d]));
  assert.match(byLine[2].message, /ISO-8601/);
  assert.equal(byLine[2].severity, "warning");
  assert.match(byLine[6].message, /no 'img'/);
  assert.equal(byLine[6].severity, "error");
});

test("a gallery with no images: a warning, and the slot still holds it", () => {
  const post = stills.parsePost("---\ngalleries:\n  - {id: empty, images: []}\n---\n{{gallery}}\n");
  assert.equal(post.diagnostics.length, 1);
  assert.equal(post.diagnostics[0].severity, "warning");
  assert.match(post.diagnostics[0].message, /no images/);
  assert.deepEqual(post.blocks, [{ type: "gallery", gallery: 0 }]);
});

test("more shortcodes than galleries: a warning with the line, and a notice in the slot", () => {
  const post = stills.parsePost("---\ngalleries: [{images: [a.avif]}]\n---\n{{gallery}}\n\n{{gallery}}\n");
  assert.deepEqual(post.diagnostics.map((d) => [d.severity, d.line]), [["warning", 6]]);
  assert.equal(post.blocks[1].type, "notice");
});

test("invalid UTF-8 and NUL bytes: replaced, located, rest intact", () => {
  const bytes = new Uint8Array([...new TextEncoder().encode("---\ntitle: ok\n---\nab"), 0xff, 0x00, 0x43]);
  const post = stills.parsePost(bytes);
  assert.equal(post.meta.title, "ok");
  assert.deepEqual(post.diagnostics.map((d) => [d.severity, d.line, d.column]), [["warning", 4, 3]]);
  assert.equal(htmlOf(post), "<p>ab\uFFFD\uFFFDC</p>\n");
  const fromString = stills.parsePost("a\u0000b");
  assert.equal(htmlOf(fromString), "<p>a\uFFFDb</p>\n");
});

test("10,000 nested blockquotes and list levels render, flattened 32 deep, with a warning", () => {
  const quotes = stills.parsePost(">".repeat(10000) + " deep\n");
  assert.match(htmlOf(quotes), /<p>deep<\/p>/);
  assert.equal((htmlOf(quotes).match(/<blockquote>/g) ?? []).length, 32);
  assert.deepEqual(quotes.diagnostics.map((d) => d.message), ["quotes and lists nested more than 32 deep are flattened"]);
  const lists = stills.parsePost("- ".repeat(10000) + "level\n");  // each marker opens a list in the last item
  assert.equal((htmlOf(lists).match(/<ul>/g) ?? []).length, 16);  // 16 lists, 16 items: 32 levels
  assert.match(htmlOf(lists), /level/);
});

test("10,000 nested YAML flow lists: an error, not a crash", () => {
  const post = stills.parsePost(`---\nx: ${"[".repeat(10000)}\n---\nstill here\n`);
  assert.equal(errors(post).length, 1);
  assert.equal(htmlOf(post), "<p>still here</p>\n");
});

test("a 64 MB post shows its first MiB with an error on the first line left out, and grows the heap by a fraction of it", async () => {
  const fresh = await loadStills();  // its own heap, grown by nothing else
  const before = await fresh.memoryBytes();
  const paragraph = "A paragraph with *emphasis*, a [link](https://example.org/) and `code`.\n\n";
  const text = sample + "\n\n" + paragraph.repeat(Math.ceil(64e6 / paragraph.length));
  const post = fresh.parsePost(text);
  assert.equal(post.diagnostics.length, 1);
  const [cut] = errors(post);
  assert.match(cut.message, /a post may be at most 1 MiB \(1048576 bytes\)/);
  const keptLines = text.slice(0, 2 ** 20).lastIndexOf("\n") + 1;
  assert.equal(cut.line, text.slice(0, keptLines).split("\n").length);
  assert.equal(post.galleries.length, 3);
  const html = htmlOf(post);
  assert.ok(html.length > 0.9 * 2 ** 20 && html.length < 1.5 * 2 ** 20, `${html.length}`);
  const grownMiB = ((await fresh.memoryBytes()) - before) / 2 ** 20;
  assert.ok(grownMiB < 32, `the heap grew by ${grownMiB} MiB for a 64 MB post`);
  const settled = await fresh.memoryBytes();
  for (let i = 0; i < 3; i++) fresh.parsePost(text);
  assert.equal(await fresh.memoryBytes(), settled);
});

test("a YAML file longer than 1 MiB is read to its last line within it, with an error", () => {
  const index = `posts:\n${"  - a-post\n".repeat(200000)}`;
  const { value, diagnostics } = stills.parseYaml(index);
  assert.equal(value.posts.length, Math.floor((2 ** 20 - 7) / 11));
  assert.deepEqual(diagnostics.map((d) => d.message.slice(0, 32)), ["a YAML file may be at most 1 MiB"]);
});

test("a 215 KB post whose alias repeats a 200 KB text 5,000 times is an error on its frontmatter, not a failed core", async () => {
  const fresh = await loadStills();
  const before = await fresh.memoryBytes();
  const big = "x".repeat(200000);
  const aliases = Array(5000).fill("*a").join(", ");
  const post = fresh.parsePost(`---\ntitle: a\na: &a "${big}"\nb: [${aliases}]\n---\nbody\n`);
  assert.deepEqual(post.diagnostics.map((d) => [d.severity, d.line]), [["error", 2]]);
  assert.match(post.diagnostics[0].message, /the frontmatter is not read: its aliases/);
  assert.equal(htmlOf(post), "<p>body</p>\n");
  const index = fresh.parseYaml(`a: &a "${big}"\nposts: [${aliases}]\n`);
  assert.equal(index.value, null);
  assert.match(index.diagnostics[0].message, /the file is not read: its aliases/);
  const grownMiB = ((await fresh.memoryBytes()) - before) / 2 ** 20;
  assert.ok(grownMiB < 16, `the heap grew by ${grownMiB} MiB`);
});

test("every bad input leaves the module able to parse the sample post", () => {
  const bad = ["---", "---\n", "---\n: :\n---", "\u0000".repeat(1000), "{{gallery}}".repeat(1000), "---\n&a [*a]\n---\n",
    "---\ngalleries: {a: 1}\n---\n", "---\ngalleries: [[[]]]\n---\n", "[".repeat(100000), "*".repeat(100000)];
  for (const text of bad) {
    const post = stills.parsePost(text);
    assert.ok(Array.isArray(post.blocks) && Array.isArray(post.diagnostics), JSON.stringify(text.slice(0, 20)));
  }
  assert.equal(stills.parsePost(sample).galleries.length, 3);
});

test("input the core cannot take still gives a post with an error, not an exception", () => {
  for (const input of [42, null, Symbol("not text"), { text: "x" }]) {
    const post = stills.parsePost(input);
    assert.equal(post.diagnostics[0].severity, "error");
    assert.match(post.diagnostics[0].message, /could not be parsed/);
    assert.equal(post.blocks[0].type, "html");
  }
  assert.equal(stills.parsePost("<b>").blocks[0].html, "<b>\n");  // the module is still fine
});
