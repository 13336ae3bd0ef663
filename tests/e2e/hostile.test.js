// Hostile input in Chromium: a post that tries to run script through every field a page shows
// (tests/hostile/every-field.md), on the site, in the editor's preview and in the widget; a hostile
// index.yaml; hostile URL hashes; crafted photos in the codec workers. A canary records any script that runs (an exposed function the
// payloads call, and dialogs): none may, and the page must show the post (or say what is wrong),
// never a blank page or an uncaught error.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { POLICY } from "../../scripts/write-page.mjs";
import { patched, withDeclaredSize } from "../avif/boxes.js";
import { startBrowser } from "./browser.js";
import { root } from "../js/helpers.js";

let browser;
before(async () => {
  browser = await startBrowser();
});
after(() => browser?.close());

const hostilePost = await readFile(new URL("tests/hostile/every-field.md", root), "utf8");
const indexYaml = await readFile(new URL("content/index.yaml", root), "utf8");
const TITLE = "<img src=x onerror=canary('title')><script>canary('title2')</script>";

// A page with the canary set, the hostile post served at posts/hostile.md and listed in index.yaml.
async function openHostile(path, { index = `${indexYaml}\n  - posts/hostile.md\n`, html } = {}) {
  const page = await browser.context.newPage();
  const ran = [];
  const errors = [];
  const offsite = [];
  await page.exposeFunction("canary", (where) => ran.push(String(where)));
  page.on("dialog", (dialog) => {
    ran.push(`dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("request", (request) => !request.url().startsWith(browser.origin) && !/^(data|blob):/.test(request.url()) && offsite.push(request.url()));
  await page.route(`${browser.origin}/posts/hostile.md`, (route) => route.fulfill({ contentType: "text/markdown", body: hostilePost }));
  await page.route(`${browser.origin}/index.yaml`, (route) => route.fulfill({ contentType: "text/yaml", body: index }));
  if (html) await page.route(`${browser.origin}/embed-test.html`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  await page.goto(`${browser.origin}${path}`);
  return { page, ran, errors, offsite };
}

// What a reader might do: click the links and the form's button, hover the tags.
async function poke(page) {
  for (const selector of ["#js-link", "#send-form", ".post-tags li"]) {
    const target = page.locator(selector).first();
    if (await target.count()) await target.click({ timeout: 2000, force: true }).catch(() => {});
  }
  await page.waitForTimeout(300);
}

const frontEnds = {
  site: { path: "/#/hostile", article: "main article.post" },
  "editor preview": { path: "/editor.html?post=posts/hostile.md", article: ".preview article.post" },
  // An embedding page's policy need not forbid forms: the sanitizer does, whatever the page says.
  widget: {
    path: "/embed-test.html", article: "stills-post article.post",
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${POLICY.replace("; form-action 'none'", "")}">` +
      '<script type="module" src="/stills-widget.js"></script></head><body><stills-post src="/posts/hostile.md"></stills-post></body></html>',
  },
};

for (const [name, { path, article, html }] of Object.entries(frontEnds)) {
  test(`${name}: a post with script in every field runs none, shows its title as text, drops the unsafe photo URLs and shows the unreadable ones as error tiles`, async () => {
    const { page, ran, errors, offsite } = await openHostile(path, { html });
    await page.locator(article).waitFor();
    const post = page.locator(article);
    await page.waitForFunction((selector) => {
      const host = document.querySelector("stills-post");
      const scope = host?.shadowRoot ?? document;
      return scope.querySelectorAll(".photo.failed").length >= 2 || !scope.querySelector(selector.replace(/^stills-post /, ""));
    }, article);
    assert.equal(await post.locator(".post-title").textContent(), TITLE);
    assert.match(await post.textContent(), /The end of the hostile post\./);
    // javascript:, data:text/html and vbscript: never reach the page: an error each, at its line. The URL
    // no parser takes and the bad percent-escape become error tiles beside the real photo.
    const box = await post.locator(".diagnostics").textContent();
    assert.equal(box.match(/'img' has a URL scheme that is not allowed for images/g)?.length, 3);
    assert.match(box, /line 4, column 12 error: 'cardCover' has a URL scheme that is not allowed/);
    assert.equal(await post.locator(".photo").count(), 3);
    assert.equal(await post.locator(".photo.failed").count(), 2);
    assert.equal(await post.locator("script, iframe, object, meta, base, [onerror], [onclick], [onload]").count(), 0);
    assert.equal(await post.locator('[href^="javascript:" i], [src^="javascript:" i]').count(), 0);
    await poke(page);  // last: a tag's link leads away from the post
    assert.deepEqual(ran, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(offsite, []);  // the form's action, the iframe, the refresh: nothing left the origin
    await page.close();
  });
}

test("site: the index with the hostile post's card, and a hostile index.yaml, run nothing and show the other posts", async () => {
  const index = `${indexYaml}
  - posts/hostile.md
  - posts/bad-cover.md
  - "../../../etc/passwd"
  - { not: a path }
  - 42
  - "posts/<img src=x onerror=canary('slug')>.md"
  - "javascript:canary('entry')"
title: "<script>canary('site title')</script>"
links:
  - { label: "<img src=x onerror=canary('link label')>", url: "javascript:canary('link')" }
`;
  const { page, ran, errors } = await openHostile("/#/", { index });
  // A cover the core lets through (http) that the browser's URL parser rejects: the card, without it.
  await page.route(`${browser.origin}/posts/bad-cover.md`, (route) => route.fulfill({ contentType: "text/markdown",
    body: "---\ntitle: Bad cover\ncardCover: \"http://[bad host/cover.avif\"\n---\nText.\n" }));
  await page.reload();
  await page.locator(".cards").waitFor();
  await page.waitForLoadState("networkidle");
  const titles = await page.locator(".card-title").allTextContents();
  assert.ok(titles.includes(TITLE), titles.join(" | "));
  assert.ok(titles.includes("Stills from my favorite Kalatozov Movies"));
  assert.ok(titles.includes("Bad cover"));
  assert.equal(await page.locator(".site-name").textContent(), "<script>canary('site title')</script>");
  await page.locator(".card-link").first().hover();
  assert.deepEqual(ran, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("site: hostile URL hashes show a page (the post, or Not found), never a blank one or an uncaught error", async () => {
  const { page, ran, errors } = await openHostile("/#/");
  await page.locator(".cards").waitFor();
  for (const hash of ["#/../../etc/passwd", "#/%", "#/%E0%A4%A", "#/<img src=x onerror=canary('hash')>", "#/tag/<script>canary('tag')</script>",
    "#/kalatozov-stills/the-cranes-are-flying/99999999999", "#/kalatozov-stills/the-cranes-are-flying/0",
    "#/kalatozov-stills/<svg onload=canary('gallery')>/1", "#/javascript:canary('route')", `#/${"a/".repeat(5000)}`]) {
    await page.evaluate((h) => (location.hash = h), hash);
    await page.waitForFunction(() => document.querySelector("main > *:not(.loading)") !== null);
    await page.waitForTimeout(50);
    const shown = await page.locator("main").textContent();
    assert.ok(shown.trim().length > 0, `${hash}: blank`);
  }
  assert.deepEqual(ran, []);
  assert.deepEqual(errors, []);
  await page.close();
});

// Posts built to be expensive: each shows, with its limit's warning, instead of freezing the tab.
const repeat = (count, make) => Array.from({ length: count }, (_, i) => make(i)).join("\n");
const expensive = {
  "100,000 nested quotes": [`---\ntitle: Deep\n---\n${">".repeat(100000)} deep`, /nested more than 32 deep are flattened/],
  "100,000 nested <div>s": [`---\ntitle: Deep\n---\n${"<div>".repeat(100000)}x`, /raw HTML nested more than 128 elements deep/],
  "3,000 shortcodes of one gallery": [`---\ntitle: Many\ngalleries:\n  - { id: g, images: [/assets/photos/kalatozov-stills/kalatozov-stills-1.avif] }\n---\n${"{{gallery g}}\n\n".repeat(3000)}`,
    /a gallery is placed once/],
  "2,000 galleries": [`---\ntitle: Many\ngalleries:\n${repeat(2000, (i) => `  - { id: g${i}, images: [{ img: /assets/photos/kalatozov-stills/kalatozov-stills-1.avif, width: 3, height: 2 }] }`)}\n---\n`,
    /at most 1000 galleries/],
};

for (const [name, [text, warning]] of Object.entries(expensive)) {
  test(`site: a post of ${name} shows with its limit's warning`, async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route(`${browser.origin}/posts/kalatozov-stills.md`, (route) => route.fulfill({ contentType: "text/markdown", body: text }));
    await page.goto(`${browser.origin}/#/kalatozov-stills`);
    await page.locator("article.post .diagnostics").waitFor();
    assert.match(await page.locator("article.post .diagnostics").textContent(), warning);
    assert.ok((await page.locator("article.post").textContent()).length > 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("site, wasm decoder: crafted photos (a 50,000 x 50,000 declared size, a box past the end, a cut file) become error tiles with reasons; the real one paints", async () => {
  const real = await readFile(new URL("content/assets/photos/kalatozov-stills/kalatozov-stills-1.avif", root));
  const photos = {
    "huge.avif": withDeclaredSize(new Uint8Array(real), 50000, 50000),
    "past-end.avif": patched(new Uint8Array(real), "meta", (view, box) => view.setUint32(box.start, 0xfffffff0)),
    "cut.avif": new Uint8Array(real).subarray(0, real.length - 200),
  };
  const images = [...Object.keys(photos).map((name) => `/assets/crafted/${name}`), "/assets/photos/kalatozov-stills/kalatozov-stills-1.avif"];
  const post = `---\ntitle: Crafted\ngalleries:\n  - { id: crafted, images: [${images.join(", ")}] }\n---\n{{gallery}}\n`;
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  for (const [name, bytes] of Object.entries(photos)) {
    await page.route(`${browser.origin}/assets/crafted/${name}`, (route) => route.fulfill({ contentType: "image/avif", body: Buffer.from(bytes) }));
  }
  await page.route(`${browser.origin}/posts/kalatozov-stills.md`, (route) => route.fulfill({ contentType: "text/markdown", body: post }));
  await page.goto(`${browser.origin}/?decoder=wasm#/kalatozov-stills`);
  await page.waitForFunction(() => document.querySelectorAll(".photo.failed").length === 3 && document.querySelector(".photo canvas"));
  const tiles = await page.locator(".photo.failed").allTextContents();
  assert.match(tiles.find((t) => t.startsWith("huge.avif")), /50000x50000/);  // libavif refuses it before our pixel limit
  assert.ok(tiles.find((t) => t.startsWith("past-end.avif")).length > "past-end.avif".length + 10);
  assert.ok(tiles.find((t) => t.startsWith("cut.avif")).length > "cut.avif".length + 10);
  assert.equal(await page.locator(".photo canvas").count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("site, wasm decoder: a worker that dies mid-decode, or whose codec fails, is replaced; those photos become error tiles, the rest paint", async () => {
  const dir = "/assets/photos/kalatozov-stills";
  const names = [1, 11, 12, 14, 15].map((n) => `kalatozov-stills-${n}.avif`);
  const sizes = await Promise.all(names.map(async (name) => (await readFile(new URL(`content${dir}/${name}`, root))).length));
  const [dies, codecFails] = sizes;
  // The real worker, with two photos sabotaged: one's worker throws where no handler catches it (as a
  // trap outside any try would), the other's codec is handed no bytes, so the real worker's own
  // handler sees its codec fail.
  const saboteur = `import "./codec-worker.js?real";
const decode = self.onmessage;
self.onmessage = (event) => {
  const size = event.data.bytes.byteLength;
  if (size === ${dies}) return setTimeout(() => { throw new Error("killed mid-decode"); });
  return decode(size === ${codecFails} ? { data: { ...event.data, bytes: null } } : event);
};`;
  const post = `---\ntitle: Workers\ngalleries:\n  - { id: w, images: [${names.map((n) => `${dir}/${n}`).join(", ")}] }\n---\n{{gallery}}\n`;
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  let started = 0;
  let ended = 0;
  let replacements = 0;  // workers started after one had ended
  page.on("worker", (worker) => {
    if (!worker.url().includes("codec-worker")) return;
    started++;
    if (ended > 0) replacements++;
    worker.on("close", () => ended++);
  });
  // A pool of two whatever the machine: four crashes then need at least two workers started anew.
  await page.addInitScript(() => Object.defineProperty(navigator, "hardwareConcurrency", { value: 2 }));
  await page.route(`${browser.origin}/runtime/codec-worker.js`, (route) => route.fulfill({ contentType: "text/javascript", body: saboteur }));
  await page.route(`${browser.origin}/posts/kalatozov-stills.md`, (route) => route.fulfill({ contentType: "text/markdown", body: post }));
  await page.goto(`${browser.origin}/?decoder=wasm#/kalatozov-stills`);
  await page.waitForFunction(() => document.querySelectorAll(".photo.failed").length === 2 && document.querySelectorAll(".photo canvas").length === 3);
  const tiles = await page.locator(".photo.failed").allTextContents();
  assert.equal(tiles.length, 2);
  assert.ok(tiles[0].startsWith(names[0]) && /killed mid-decode/.test(tiles[0]), tiles[0]);
  assert.ok(tiles[1].startsWith(names[1]) && /the decoder failed/.test(tiles[1]), tiles[1]);
  // Each sabotaged photo took down a worker twice (the first try and the one retry), and each of those
  // four ended; workers were started in their place (which photos the replacements decoded depends on
  // the order the jobs ran in).
  for (let waited = 0; ended < 4 && waited < 5000; waited += 50) await page.waitForTimeout(50);
  assert.equal(ended, 4, `${ended} of ${started} workers ended`);
  assert.ok(replacements >= 2, `${replacements} of ${started} workers started after one had ended`);
  assert.deepEqual(errors, []);
  await page.close();
});
