// The publish step on the sample content: a page per post with what crawlers and link previews read,
// the article and every photo at its size, an Atom feed and a sitemap that a maintained XML parser
// accepts, the same bytes on a second run, and a post with an error stopping it with file, line and column.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { JSDOM } from "jsdom";
import { root } from "./helpers.js";
import { PublishError, publish } from "../../scripts/publish/publish.mjs";

const dist = fileURLToPath(new URL("dist", root));
const SITE = "https://photos.example/blog/";

// A copy of content/ whose index.yaml gives the site's address and author, and with a link between posts.
async function sampleContent() {
  const folder = await mkdtemp(join(tmpdir(), "stills-content-"));
  await cp(fileURLToPath(new URL("content", root)), folder, { recursive: true });
  const index = await readFile(join(folder, "index.yaml"), "utf8");
  await writeFile(join(folder, "index.yaml"), `url: ${SITE}\nauthor: "Ana Petrova"\n${index}`);
  const notes = join(folder, "posts/notes-on-black-and-white.md");
  await writeFile(notes, `${await readFile(notes, "utf8")}\nSee also [the Kalatozov stills](kalatozov-stills.md).\n`);
  return folder;
}

const published = async (content) => {
  const out = await mkdtemp(join(tmpdir(), "stills-published-"));
  const warnings = [];
  const result = await publish({ dist, content, out, warn: (line) => warnings.push(line) });
  return { out, warnings, result };
};

const content = await sampleContent();
const first = await published(content);
const page = async (slug) => new JSDOM(await readFile(join(first.out, "posts", slug, "index.html"), "utf8")).window.document;
const meta = (document, key) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");

test("every listed post gets a page whose head has title, description, canonical, Open Graph, Twitter card and JSON-LD", async () => {
  assert.equal(first.result.pages, 4);
  const document = await page("kalatozov-stills");
  assert.equal(document.title, "Stills from my favorite Kalatozov Movies · stills");
  assert.equal(meta(document, "description"), "The Soviet director used striking imagery and compositions to capture the hearts of his audience.");
  assert.equal(document.querySelector('link[rel="canonical"]').getAttribute("href"), `${SITE}posts/kalatozov-stills/`);
  assert.equal(meta(document, "og:image"), `${SITE}assets/photos/kalatozov-stills/kalatozov-stills.avif`);
  assert.equal(meta(document, "og:title"), "Stills from my favorite Kalatozov Movies");
  assert.equal(meta(document, "twitter:card"), "summary_large_image");
  assert.equal(document.querySelector('link[rel="alternate"][type="application/atom+xml"]').getAttribute("href"), "feed.xml");
  const posting = JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent);
  assert.deepEqual([posting["@type"], posting.headline, posting.datePublished, posting.author.name, posting.image],
    ["BlogPosting", "Stills from my favorite Kalatozov Movies", "2026-01-22T05:35:07.322Z", "Ana Petrova",
      `${SITE}assets/photos/kalatozov-stills/kalatozov-stills.avif`]);
});

test("each of the four pages names its own post in title, og:title, JSON-LD and its oEmbed, whose discovery link it has", async () => {
  const titles = { "kalatozov-stills": "Stills from my favorite Kalatozov Movies", "contact-sheet": "A Year in Frames",
    "water-and-wood": "Water and Wood", "notes-on-black-and-white": "Notes on Black and White" };
  for (const [slug, title] of Object.entries(titles)) {
    const document = await page(slug);
    assert.equal(document.title, `${title} · stills`);
    assert.equal(meta(document, "og:title"), title);
    assert.ok(meta(document, "description"), `${slug} has a description`);
    assert.equal(JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent).headline, title);
    const discovery = document.querySelector('link[type="application/json+oembed"]').getAttribute("href");
    assert.equal(discovery, `${SITE}posts/${slug}/oembed.json`);
    const card = JSON.parse(await readFile(join(first.out, "posts", slug, "oembed.json"), "utf8"));
    assert.deepEqual([card.version, card.type, card.title, card.author_name, card.provider_url], ["1.0", "link", title, "Ana Petrova", SITE]);
  }
  const cover = JSON.parse(await readFile(join(first.out, "posts/kalatozov-stills/oembed.json"), "utf8"));
  assert.equal(cover.thumbnail_url, `${SITE}assets/photos/kalatozov-stills/kalatozov-stills.avif`);
  assert.ok(cover.thumbnail_width > 0 && cover.thumbnail_height > 0);
});

test("the page holds the article: its header, text and every photo as an <img> with width, height and alt, in rows", async () => {
  const document = await page("kalatozov-stills");
  assert.equal(document.querySelector("base").getAttribute("href"), "../../");
  assert.equal(document.querySelector("main article.post h1.post-title").textContent, "Stills from my favorite Kalatozov Movies");
  assert.match(document.querySelector(".post-body p").textContent, /^Shooting mostly black and white/);
  const images = [...document.querySelectorAll("section.gallery .static-row .photo img")];
  assert.equal(images.length, 17);
  for (const img of images) {
    assert.match(img.getAttribute("src"), /^assets\/photos\/kalatozov-stills\/kalatozov-stills-\d+\.avif$/);
    assert.ok(Number(img.getAttribute("width")) > 0 && Number(img.getAttribute("height")) > 0, img.outerHTML);
    assert.ok(img.hasAttribute("alt"));
  }
  assert.equal(images[1].getAttribute("width"), "800");  // read from the photo's header
  assert.equal(images[1].getAttribute("height"), "1600");
  const css = await readFile(join(first.out, "posts/kalatozov-stills/photos.css"), "utf8");
  assert.match(css, /\.p0-1 \{ flex: 0\.5 1 0;/, "a photo grows by its aspect ratio");
  assert.equal(document.querySelectorAll('link[rel="stylesheet"][href="posts/kalatozov-stills/photos.css"]').length, 1);
});

test("a link to another post leads to its published page; the site's own page names the feed", async () => {
  const document = await page("notes-on-black-and-white");
  assert.equal(document.querySelector('.post-body a[href*="kalatozov"]').getAttribute("href"), "posts/kalatozov-stills/");
  const home = new JSDOM(await readFile(join(first.out, "index.html"), "utf8")).window.document;
  assert.equal(home.querySelector('link[rel="alternate"][type="application/atom+xml"]').getAttribute("href"), "feed.xml");
  const { gunzipSync } = await import("node:zlib");
  assert.ok(gunzipSync(await readFile(join(first.out, "index.html.gz"))).equals(await readFile(join(first.out, "index.html"))),
    "its precompressed copy says the same");
});

test("the feed is valid Atom: the dated posts newest first, with absolute links, summaries, dates and covers", async () => {
  const xml = await readFile(join(first.out, "feed.xml"), "utf8");
  assert.equal(XMLValidator.validate(xml), true);
  const { feed } = new XMLParser({ ignoreAttributes: false }).parse(xml);
  const entries = [feed.entry].flat();
  assert.deepEqual(entries.map((entry) => entry.title), ["Stills from my favorite Kalatozov Movies", "A Year in Frames", "Water and Wood", "Notes on Black and White"]);
  const times = entries.map((entry) => Date.parse(entry.updated));
  assert.deepEqual(times, [...times].sort((a, b) => b - a));
  assert.equal(feed.updated, entries[0].updated);
  const [latest] = entries;
  assert.equal([latest.link].flat().find((link) => link["@_rel"] === "alternate")["@_href"], `${SITE}posts/kalatozov-stills/`);
  assert.equal([latest.link].flat().find((link) => link["@_rel"] === "enclosure")["@_href"], `${SITE}assets/photos/kalatozov-stills/kalatozov-stills.avif`);
  assert.match(latest.summary, /^The Soviet director/);
  assert.equal(feed.author.name, "Ana Petrova");
});

test("the sitemap lists the site and each post with its photos as image entries", async () => {
  const xml = await readFile(join(first.out, "sitemap.xml"), "utf8");
  assert.equal(XMLValidator.validate(xml), true);
  const urls = [new XMLParser().parse(xml).urlset.url].flat();
  assert.deepEqual(urls.map((url) => url.loc), [SITE, ...["kalatozov-stills", "contact-sheet", "water-and-wood", "notes-on-black-and-white"].map((slug) => `${SITE}posts/${slug}/`)]);
  const sample = urls[1]["image:image"];
  assert.equal(sample.length, 17);
  assert.equal(sample[0]["image:loc"], `${SITE}assets/photos/kalatozov-stills/kalatozov-stills-1.avif`);
});

test("the site itself is copied beside the pages, and published again nothing is rewritten; elsewhere the bytes are the same", async () => {
  for (const path of ["index.html", "stills.js", "runtime/stills-core.wasm", "index.yaml", "posts/kalatozov-stills.md"]) {
    await readFile(join(first.out, path));  // throws if missing
  }
  const again = await publish({ dist, content, out: first.out, warn: () => {} });
  assert.deepEqual(again.written, []);
  const second = await published(content);
  const files = (await readdir(first.out, { recursive: true })).filter((path) => /\.(html|css|xml|json)$/.test(path));
  for (const path of files) assert.ok((await readFile(join(first.out, path))).equals(await readFile(join(second.out, path))), path);
  await rm(second.out, { recursive: true });
});

test("a post with an error stops the publish step, naming file, line and column, and writes nothing; an unreadable photo warns", async () => {
  const broken = await sampleContent();
  const post = join(broken, "posts/water-and-wood.md");
  await writeFile(post, (await readFile(post, "utf8")).replace("  - title: Boats\n", "  - title: Boats\n    images: [\n"));
  const out = await mkdtemp(join(tmpdir(), "stills-published-"));
  await assert.rejects(publish({ dist, content: broken, out, warn: () => {} }), (error) =>
    error instanceof PublishError && error.message.includes(`${post}:`) && /:\d+:\d+: error: /.test(error.message));
  assert.deepEqual(await readdir(out), []);
  await rm(join(broken, "assets/photos/kalatozov-stills/kalatozov-stills-2.avif"));
  await writeFile(post, await readFile(join(content, "posts/water-and-wood.md")));
  const warnings = [];
  await publish({ dist, content: broken, out, warn: (line) => warnings.push(line) });
  assert.ok(warnings.some((line) => /kalatozov-stills\.md:19:22: warning: the photo \/assets\/photos\/kalatozov-stills\/kalatozov-stills-2\.avif cannot be read: there is no such file/.test(line)), warnings.join("\n"));
  await rm(broken, { recursive: true });
  await rm(out, { recursive: true });
});
