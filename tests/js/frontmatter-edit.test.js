// Photos added to a gallery are written as the post already writes its images, and nothing else moves:
// the text without the insertion is the original, byte for byte.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { loadStills, root } from "./helpers.js";
import { galleryInsertion, imagesInsertion, keyReplacement, offsetAt } from "../../web/editor/frontmatter-edit.js";

const apply = (text, { at, insert }) => text.slice(0, at) + insert + text.slice(at);
const addImages = (text, post, index, images) => apply(text, imagesInsertion(text, post, index, images));

const stills = await loadStills();
const post = (name) => readFile(new URL(`content/posts/${name}.md`, root), "utf8");
const added = [{ img: "/assets/photos/new/a.avif", width: 1600, height: 1067 }, { img: "/assets/photos/new/b.avif", width: 900, height: 1200 }];

// Adds `added` to gallery `index`, checks what every such edit must keep, and returns a checker of the
// inserted text: `result` is the original with exactly that text put in at one place.
function addAndCheck(text, index) {
  const before = stills.parsePost(text);
  const result = addImages(text, before, index, added);
  const after = stills.parsePost(result);
  assert.deepEqual(after.diagnostics.map((d) => d.message), before.diagnostics.map((d) => d.message));
  const images = after.galleries[index].images;
  assert.equal(images.length, before.galleries[index].images.length + 2);
  assert.deepEqual(images.slice(-2).map(({ img, width, height }) => ({ img, width, height })), added);
  after.galleries.forEach((gallery, i) => i !== index &&
    assert.deepEqual(gallery.images.map((image) => image.img), before.galleries[i].images.map((image) => image.img)));
  return {
    inserted(expected) {
      assert.equal(result.length, text.length + expected.length, "only the new entries are added");
      for (let at = result.indexOf(expected); at >= 0; at = result.indexOf(expected, at + 1)) {
        if (result.slice(0, at) + result.slice(at + expected.length) === text) return;
      }
      assert.fail(`not inserted as:\n${expected}\ngot:\n${result}`);
    },
  };
}

test("the sample post (flow YAML, a mapping per line, trailing commas): two more entries like its others", async () => {
  addAndCheck(await post("kalatozov-stills"), 0).inserted(`
            {
                img: "/assets/photos/new/a.avif",
                width: 1600,
                height: 1067,
            },
            {
                img: "/assets/photos/new/b.avif",
                width: 900,
                height: 1200,
            },`);
  addAndCheck(await post("kalatozov-stills"), 2);
});

test("block YAML with block mappings: new `- img:` entries at the same indentation", async () => {
  addAndCheck(await post("water-and-wood"), 0).inserted(`
      - img: /assets/photos/new/a.avif
        width: 1600
        height: 1067
      - img: /assets/photos/new/b.avif
        width: 900
        height: 1200`);
  addAndCheck(await post("water-and-wood"), 1);
});

test("a block list of bare paths gets `- { img, width, height }` entries", async () => {
  addAndCheck(await post("contact-sheet"), 0).inserted(`
      - { img: /assets/photos/new/a.avif, width: 1600, height: 1067 }
      - { img: /assets/photos/new/b.avif, width: 900, height: 1200 }`);
});

const frontmatter = (galleries) => `---\ntitle: T\ngalleries:\n${galleries}---\nText\n\n{{gallery}}\n`;

test("one-line flow lists: bare paths, mappings with or without spaces, a trailing comma", () => {
  addAndCheck(frontmatter("  - images: [a.avif, 'b.avif']\n"), 0).inserted(
    ", { img: '/assets/photos/new/a.avif', width: 1600, height: 1067 }, { img: '/assets/photos/new/b.avif', width: 900, height: 1200 }");
  addAndCheck(frontmatter('  - images: [{img: "a.avif", alt: "{x}"}]\n'), 0).inserted(
    ', {img: "/assets/photos/new/a.avif", width: 1600, height: 1067}, {img: "/assets/photos/new/b.avif", width: 900, height: 1200}');
  addAndCheck(frontmatter("  - images: [{ img: a.avif },]\n"), 0).inserted(
    " { img: /assets/photos/new/a.avif, width: 1600, height: 1067 }, { img: /assets/photos/new/b.avif, width: 900, height: 1200 },");
});

test("block entries written as flow mappings, and an empty list", () => {
  addAndCheck(frontmatter('  - images:\n      - { img: "a.avif", caption: "c" }\n'), 0).inserted(
    '\n      - { img: "/assets/photos/new/a.avif", width: 1600, height: 1067 }\n      - { img: "/assets/photos/new/b.avif", width: 900, height: 1200 }');
  const empty = frontmatter("  - title: First\n    images: []\n");
  const result = addImages(empty, stills.parsePost(empty), 0, added);
  assert.match(result, /images: \[\{ img: "\/assets\/photos\/new\/a\.avif", width: 1600, height: 1067 \}, \{ img: "\/assets\/photos\/new\/b\.avif"/);
  assert.equal(stills.parsePost(result).galleries[0].images.length, 2);
});

test("offsetAt counts lines from 1 and columns in code points", () => {
  assert.equal(offsetAt("ab\n😀x\n", 2, 2), 5);
  assert.equal(offsetAt("ab\ncd", 9, 1), 5);
});

test("a new gallery follows the last one in its style, or starts the galleries key", async () => {
  const check = (text, expected) => {
    const result = apply(text, galleryInsertion(text, stills.parsePost(text), { id: "new-photos", title: "New photos", images: added }));
    assert.ok(result.includes(expected), `inserted as:\n${expected}\ngot:\n${result}`);
    assert.equal(result.replace(expected, ""), text, "the rest is byte-identical");
    const parsed = stills.parsePost(result);
    const gallery = parsed.galleries.at(-1);
    assert.deepEqual([gallery.id, gallery.title, gallery.images.map((i) => [i.img, i.width, i.height])],
      ["new-photos", "New photos", added.map((i) => [i.img, i.width, i.height])]);
    assert.equal(parsed.diagnostics.filter((d) => d.severity === "error").length, 0);
  };
  check(await post("water-and-wood"), `
  - title: "New photos"
    id: new-photos
    images:
      - { img: "/assets/photos/new/a.avif", width: 1600, height: 1067 }
      - { img: "/assets/photos/new/b.avif", width: 900, height: 1200 }`);
  // Its last gallery has no comma after it: it gets one, and the new one none.
  check(await post("kalatozov-stills"), `,
    { title: "New photos", id: "new-photos", images: [{ img: "/assets/photos/new/a.avif", width: 1600, height: 1067 }, { img: "/assets/photos/new/b.avif", width: 900, height: 1200 }] }`);
  check("---\ntitle: T\n---\nText\n", `galleries:
  - title: "New photos"
    id: new-photos
    images:
      - { img: "/assets/photos/new/a.avif", width: 1600, height: 1067 }
      - { img: "/assets/photos/new/b.avif", width: 900, height: 1200 }
`);
});

const setKey = (text, key, value) => {
  const { from, to, insert } = keyReplacement(text, stills.parsePost(text), key, value);
  return text.slice(0, from) + insert + text.slice(to);
};

test("form edits change one key's value in its own style and nothing else", async () => {
  const sample = await post("kalatozov-stills");
  const cases = [
    [sample, "title", "A new \"title\"", 'title: "A new \\"title\\""\n'],
    [sample, "location", "Moscow", "location: Moscow\n"],
    [sample, "tags", ["cinema", "film noir"], 'tags: ["cinema", "film noir"]\n'],
    [await post("water-and-wood"), "tags", ["lake", "bnw", "wood"], "tags: [lake, bnw, wood]\n"],
    [await post("water-and-wood"), "date", "2025-11-03", "date: 2025-11-03\n"],
    ["---\ntitle: 'It''s'\ntags:\n  - a\n  - b\nx: 1\n---\nText\n", "tags", ["c"], "tags:\n  - c\nx: 1\n"],
    ["---\ntitle: 'It''s'\n---\nText\n", "title", "It's mine", "title: 'It''s mine'\n"],
    ["---\ntitle: T\n---\nText\n", "excerpt", "Short: and sweet", 'title: T\nexcerpt: "Short: and sweet"\n---'],
    ["---\ntitle: plain # a comment\n---\n", "title", "yes", 'title: "yes" # a comment\n'],
  ];
  for (const [text, key, value, expected] of cases) {
    const result = setKey(text, key, value);
    assert.ok(result.includes(expected), `${key}: ${JSON.stringify(result)}`);
    const meta = stills.parsePost(result).meta;
    assert.deepEqual(meta[key], value, `${key} reads back`);
    // Everything outside the line(s) of the key is as it was.
    const other = (t) => t.split("\n").filter((line) => !line.startsWith(`${key}:`) && !/^\s+- /.test(line) && line !== `${key}:`);
    assert.deepEqual(other(result).filter((l) => !l.startsWith("excerpt:")), other(text).filter((l) => !l.startsWith("excerpt:")));
  }
});

// A drop of `added` at `offset`, applied, with where its insertions now stand and what they wrote.
async function dropped(text, offset) {
  const { photoInsertions } = await import("../../web/editor/photo-drop.js");
  const insertions = photoInsertions(text, stills.parsePost(text), offset, added);
  let result = text;
  let shift = 0;
  const spans = [...insertions].sort((a, b) => a.at - b.at).map(({ at, insert }) => {
    result = apply(result, { at: at + shift, insert });
    shift += insert.length;
    return { from: at + shift - insert.length, to: at + shift };
  });
  return { result, spans, inserted: [...insertions].sort((a, b) => a.at - b.at).map(({ insert }) => insert) };
}

for (const [where, anchor] of [["into a gallery", "### I am Cuba\n"], ["as a new gallery", "stood out for me:"]]) {
  test(`a drop ${where} taken back in part is the drop of the photos kept; taken back whole, the text before it`, async () => {
    const { dropWithout, photoInsertions } = await import("../../web/editor/photo-drop.js");
    const text = await readFile(new URL("content/posts/kalatozov-stills.md", root), "utf8");
    const offset = text.indexOf(anchor) + anchor.length;
    const { result, spans, inserted } = await dropped(text, offset);
    const parse = (t) => stills.parsePost(t);
    const none = dropWithout(result, spans, inserted, [], parse);
    assert.equal(none?.without, text);
    assert.deepEqual(none?.insertions, []);
    const one = dropWithout(result, spans, inserted, [added[1]], parse);
    assert.equal(one?.without, text);
    assert.deepEqual(one?.insertions, photoInsertions(text, stills.parsePost(text), offset, [added[1]]));
    const edited = result.slice(0, spans[0].from + 3) + "x" + result.slice(spans[0].from + 3);
    assert.equal(dropWithout(edited, spans, inserted, [], parse), null, "text the author changed is left to them");
  });
}
