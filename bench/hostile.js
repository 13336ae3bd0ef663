// Posts built to be expensive, each against the limit that bounds it: how long the core takes and how
// much its wasm heap grows. Then 10,000 parses of varied posts and 1,000 decodes: the heap after
// warm-up and at the end. Prints, never asserts.
//   node bench/hostile.js   (after scripts/build.sh)
import { readdir, readFile } from "node:fs/promises";
import { createStills } from "../dist/stills.js";

const root = new URL("../", import.meta.url);
const stills = await createStills();
const MiB = 2 ** 20;
const post = (yaml, body = "") => `---\n${yaml}\n---\n${body}`;
const repeat = (count, make) => Array.from({ length: count }, (_, i) => make(i));

const cases = {
  "20,000 equal headings": post("title: a", "# a\n\n".repeat(20000)),
  "100,000 nested quotes": post("title: a", `${">".repeat(100000)} x`),
  "50,000 nested lists": post("title: a", `${"- ".repeat(50000)}x`),
  "100,000 nested <div>s": post("title: a", `${"<div>".repeat(100000)}x`),
  "40,000 bad tags on one line": post(`tags: [${repeat(40000, () => "{}").join(",")}]`),
  "10,000 galleries, placed by id": post(`galleries:\n${repeat(10000, (i) => `  - { id: g${i}, images: [a.avif] }`).join("\n")}`,
    repeat(10000, (i) => `{{gallery g${i}}}`).join("\n\n")),
  "3,000 shortcodes of one 1,000-photo gallery": post(`galleries:\n  - { id: g, images: [${repeat(1000, (i) => `p${i}.avif`).join(",")}] }`,
    "{{gallery g}}\n\n".repeat(3000)),
  "3,000 unknown shortcodes, 1,000 galleries": post(`galleries:\n${repeat(1000, (i) => `  - { id: a-rather-long-gallery-id-${i}, images: [a.avif] }`).join("\n")}`,
    "{{gallery nope}}\n\n".repeat(3000)),
  "10,000 equal gallery ids": post(`galleries:\n${repeat(10000, () => "  - { id: x, images: [a.avif] }").join("\n")}`),
  "1 MiB of frontmatter: 24,000 photos": post(`galleries:\n  - images:\n${repeat(24000, (i) => `      - { img: p${i}.avif, alt: a photo }`).join("\n")}`),
  "64 MB post (read to 1 MiB)": post("title: a", "Some *text* with [a link](https://x.org) and `code`.\n\n".repeat(1.25e6)),
  "5,000 aliases of a 200 KB text": post(`a: &a "${"x".repeat(200000)}"\nb: [${repeat(5000, () => "*a").join(",")}]`),
  "YAML alias bomb (9^8)": post(`a: &a [x,x,x,x,x,x,x,x,x]\n${repeat(8, (i) => `l${i}: &l${i} [${repeat(9, () => `*${i ? `l${i - 1}` : "a"}`).join(",")}]`).join("\n")}`),
};

console.log("Expensive posts (parsePost in node, one run each):");
for (const [name, text] of Object.entries(cases)) {
  const before = await stills.memoryBytes();
  const start = performance.now();
  const result = stills.parsePost(text, { url: "https://example.org/posts/a.md", base: "https://example.org/" });
  const ms = performance.now() - start;
  const grown = ((await stills.memoryBytes()) - before) / MiB;
  const note = result.diagnostics.find((d) => d.severity !== "info")?.message ?? "no diagnostic";
  console.log(`  ${name.padEnd(44)} ${(text.length / 1024).toFixed(0).padStart(5)} KB  ${ms.toFixed(0).padStart(5)} ms` +
    `  heap +${grown.toFixed(1)} MiB  ${note.slice(0, 70)}`);
}

// A 1 MiB header (the most a page reads) whose primary image has 150,000 'auxl' references from one
// item and whose ipma lists that item's 255 properties 2,500 times: the probe looks at the item once.
function craftedHeader(references, listings) {
  const u32 = (v) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
  const u16 = (v) => [v >>> 8, v & 255];
  const text = (t) => [...t].map((c) => c.charCodeAt(0));
  const box = (type, payload, full = false, version = 0) =>
    [].concat(u32(8 + (full ? 4 : 0) + payload.length), text(type), full ? [version, 0, 0, 0] : [], payload);
  const infe = (item) => box("infe", [].concat(u16(item), [0, 0], text("av01"), [0]), true, 2);
  let iref = [];
  for (let left = references; left > 0; left -= 65535) {
    const count = Math.min(left, 65535);
    iref = iref.concat(box("auxl", [].concat(u16(2), u16(count), Array(2 * count).fill(0).map((_, i) => i % 2))));
  }
  const listing = [].concat(u16(2), [255], Array(255).fill(1));
  const ipma = [].concat(u32(1 + listings), u16(1), [1, 1], ...Array(listings).fill(listing));
  const ipco = box("ipco", box("ispe", [].concat(u32(64), u32(48)), true));
  const meta = [].concat(box("pitm", u16(1), true), box("iinf", [].concat(u16(2), infe(1), infe(2)), true),
    box("iref", iref, true), box("iprp", [].concat(ipco, box("ipma", ipma, true))));
  return new Uint8Array([].concat(box("ftyp", [].concat(text("avif"), [0, 0, 0, 0], text("mif1avif"))), box("meta", meta, true)));
}
const header = craftedHeader(150000, 2500);
const probeStart = performance.now();
const probed = stills.probeAvif(header, { complete: true });
console.log(`  ${"1 MiB header: 150,000 auxl refs, ipma x 2,500".padEnd(44)} ${(header.length / 1024).toFixed(0).padStart(5)} KB  ` +
  `${(performance.now() - probeStart).toFixed(0).padStart(5)} ms  ${probed.error ?? `${probed.width} x ${probed.height}`}`);

// 10,000 parses of the repository's posts and the expensive ones, in turn.
const posts = [];
for (const dir of ["content/posts", "tests/hostile"]) {
  for (const name of await readdir(new URL(dir, root))) posts.push(await readFile(new URL(`${dir}/${name}`, root), "utf8"));
}
posts.push(...Object.values(cases).filter((text) => text.length < 200_000));  // the big ones are timed above
for (let i = 0; i < 200; i++) stills.parsePost(posts[i % posts.length]);  // warm-up
const warm = await stills.memoryBytes();
for (let i = 0; i < 10000; i++) stills.parsePost(posts[i % posts.length]);
console.log(`10,000 parses of ${posts.length} posts: core heap ${(warm / MiB).toFixed(1)} MiB after warm-up, ` +
  `${((await stills.memoryBytes()) / MiB).toFixed(1)} MiB after`);

const photos = [];
for (const dir of ["content/assets/photos/kalatozov-stills", "content/assets/photos/contact-sheet"]) {
  for (const name of await readdir(new URL(dir, root))) photos.push(new Uint8Array(await readFile(new URL(`${dir}/${name}`, root))));
}
for (let i = 0; i < 20; i++) await stills.decodeAvif(photos[i % photos.length], { maxWidth: 400, maxHeight: 400 });
const decodeWarm = await stills.memoryBytes();
const start = performance.now();
for (let i = 0; i < 1000; i++) await stills.decodeAvif(photos[i % photos.length], { maxWidth: i % 2 ? 400 : 0, maxHeight: i % 2 ? 400 : 0 });
console.log(`1,000 decodes of ${photos.length} photos (${((performance.now() - start) / 1000).toFixed(1)} s): heap (core + codec) ` +
  `${(decodeWarm / MiB).toFixed(1)} MiB after warm-up, ${((await stills.memoryBytes()) / MiB).toFixed(1)} MiB after`);
