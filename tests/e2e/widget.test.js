// The widget in Chromium: <stills-post> and <stills-gallery> on pages of their own, under strict CSPs,
// beside hostile CSS, many on a page, across origins.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { POLICY } from "../../scripts/write-page.mjs";
import { startServer } from "../../scripts/serve.mjs";
import { startBrowser } from "./browser.js";
import { root } from "../js/helpers.js";

let browser;
let other;        // a second origin, sending CORS headers
let otherNoCors;  // a third, sending none
before(async () => {
  browser = await startBrowser();
  // Our test pages are answered by page.route, so they have no address: Chromium's Local Network Access
  // takes them for public pages reaching into the loopback when they ask the other servers here.
  await browser.context.grantPermissions(["local-network-access"]);
  [other, otherNoCors] = await Promise.all([startServer({ port: 0, cors: true }), startServer({ port: 0 })]);
});
after(async () => {
  await browser?.close();
  other?.close();
  otherNoCors?.close();
});

const originOf = (server) => `http://127.0.0.1:${server.address().port}`;
const SAMPLE = "posts/kalatozov-stills.md";
const sampleText = await readFile(new URL(`content/${SAMPLE}`, root), "utf8");

// Records what a test asks about: the widgets' events, CSP violations, layout shifts.
function recorder() {
  window.__events = [];
  window.__violations = [];
  window.__cls = 0;
  for (const type of ["stills-rendered", "stills-error", "stills-photo-open", "stills-photo-close", "stills:photo-painted"]) {
    document.addEventListener(type, (event) => {
      const { detail } = event;
      window.__events.push({ type, id: event.target.id, title: detail?.meta?.title ?? null, gallery: detail?.gallery ?? null,
        index: detail?.index ?? null, url: detail?.url ?? null, message: detail?.message ?? null,
        lines: (detail?.diagnostics ?? []).map((d) => d.line) });
    });
  }
  document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
}

/**
 * A page of our own at `${origin}/embed-test.html` (served by the test), with the widget's script.
 * @param {string} body
 * @param {{ policy?: string | null, head?: string, widget?: string | null, origin?: string,
 *   files?: Record<string, string | null> }} [options] widget: the script (null: none); files: paths served
 *   with these bodies (null: never answered)
 */
async function openEmbed(body, { policy = POLICY, head = "", widget = "/stills-widget.js", origin = browser.origin, files = {} } = {}) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
  const requests = [];
  page.on("request", (request) => requests.push(request));
  await page.addInitScript(recorder);
  const meta = policy ? `<meta http-equiv="Content-Security-Policy" content="${policy}">` : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">${meta}${head}` +
    `${widget ? `<script type="module" src="${widget}"></script>` : ""}</head><body>${body}</body></html>`;
  await page.route(`${origin}/embed-test.html`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  for (const [path, text] of Object.entries(files)) {
    const contentType = path.endsWith(".css") ? "text/css" : "text/markdown";
    await page.route(`${origin}${path}`, (route) => text === null || route.fulfill({ contentType, body: text }));
  }
  await page.goto(`${origin}/embed-test.html`);
  return { page, problems, requests };
}

const rendered = (page, count) => page.waitForFunction((n) => window.__events.filter((e) => e.type === "stills-rendered").length >= n, count);
const events = (page, type) => page.evaluate((t) => window.__events.filter((e) => e.type === t), type);
const inShadow = (page, id, selector) => page.evaluate(([i, s]) => document.getElementById(i).shadowRoot.querySelectorAll(s).length, [id, selector]);
// Every photo painted (an <img> decoded or a canvas drawn) in each widget named. Photos are painted
// only near the viewport, so the page is scrolled through, waiting at each screen for those in view.
async function painted(page, ids) {
  const waitForPhotos = (inViewOnly) => page.waitForFunction(([list, inView]) => list.every((id) => {
    const root = document.getElementById(id).shadowRoot ?? document.getElementById(id);
    const photos = [...root.querySelectorAll(".photo")];
    const shown = (p) => !p.classList.contains("loading") && (p.querySelector("canvas") || p.querySelector("img")?.complete);
    const visible = (p) => { const r = p.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
    return photos.length > 0 && photos.filter((p) => !inView || visible(p)).every(shown);
  }), [ids, inViewOnly]);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await waitForPhotos(true);
    await page.mouse.wheel(0, 600);
  }
  await waitForPhotos(false);  // once painted a photo stays so
}

test("the demo page renders all three widgets under its strict CSP with one core wasm fetch and each photo's header read once", async () => {
  const page = await browser.context.newPage();
  const requests = [];
  page.on("request", (request) => requests.push(request));
  await page.addInitScript(recorder);
  await page.goto(`${browser.origin}/widget-demo.html`);
  await rendered(page, 3);
  await painted(page, ["gallery", "restyled", "post"]);
  assert.deepEqual(await Promise.all(["gallery", "restyled", "post"].map((id) => inShadow(page, id, ".photo"))), [3, 3, 17]);
  assert.equal(await inShadow(page, "gallery", ".gallery-title"), 1);
  assert.equal(await page.evaluate(() => document.getElementById("post").shadowRoot.querySelector(".post-title").textContent),
    "Stills from my favorite Kalatozov Movies");
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.equal(requests.filter((r) => r.url().endsWith("/stills-core.wasm")).length, 1);
  assert.equal(requests.filter((r) => r.url().endsWith(`/${SAMPLE}`)).length, 1);
  const probes = new Map();
  for (const r of requests.filter((r) => r.url().endsWith(".avif") && r.resourceType() === "fetch")) probes.set(r.url(), (probes.get(r.url()) ?? 0) + 1);
  assert.equal(probes.size, 17);
  assert.deepEqual([...new Set(probes.values())], [1]);
  await page.screenshot({ path: "build/widget-demo.png", fullPage: true });
  await page.close();
});

// Computed styles of everything inside a widget, and where it is relative to the widget.
function insideLook(id) {
  const host = document.getElementById(id);
  const origin = host.getBoundingClientRect();
  const properties = ["font-family", "font-size", "color", "border-top-width", "margin-top", "padding-top", "display",
    "text-transform", "letter-spacing", "box-sizing", "text-align"];
  return [...host.shadowRoot.querySelectorAll("*")].map((node) => {
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    return [node.localName, node.className, Math.round(box.left - origin.left), Math.round(box.top - origin.top),
      Math.round(box.width), Math.round(box.height), ...properties.map((p) => style.getPropertyValue(p))].join(" ");
  });
}

// A page's rules at their worst: type selectors, the views' own class names, !important, inherited text.
const HOSTILE_CSS = `* { box-sizing: content-box; color: red; font-family: monospace; text-transform: uppercase;
  letter-spacing: 0.1em; line-height: 3; text-align: justify; }
img, figure { border: 9px solid red; margin: 2em; padding: 4px; }
p, h1, h2, ul { margin: 3em; padding: 1em; }
div, section, article, header { padding: 1em; display: flex; }
.gallery, .photo, .post-title, .post-body, .diagnostics { display: none !important; }`;

test("host CSS such as img, figure { border: 9px solid red } changes nothing inside a widget", async () => {
  // The same frame for both: a widget 900 px wide. Its sizes are in rem, so they follow the page's root
  // font size (the reader's text-size setting) on purpose: the frame keeps that at 16 px in both.
  const frame = '<link rel="stylesheet" href="/widget/test-frame.css">';
  const body = `<main><stills-gallery id="g" src="/${SAMPLE}" gallery="the-cranes-are-flying" show-title></stills-gallery>
    <stills-post id="p" src="/${SAMPLE}"></stills-post></main>`;
  const looks = [];
  for (const head of [frame, `<link rel="stylesheet" href="/hostile.css">${frame}`]) {
    const { page, problems } = await openEmbed(body, { head, files: { "/hostile.css": HOSTILE_CSS, "/widget/test-frame.css":
      "html { font-size: 16px !important } body { margin: 0 !important; padding: 0 !important; max-width: none !important } " +
      "stills-gallery, stills-post { width: 900px; margin: 0 !important }" } });
    await rendered(page, 2);
    await painted(page, ["g", "p"]);
    looks.push([...await page.evaluate(insideLook, "g"), ...await page.evaluate(insideLook, "p")]);
    assert.deepEqual(problems, []);
    await page.close();
  }
  assert.ok(looks[0].length > 50);
  assert.deepEqual(looks[1], looks[0]);
});

test("a widget's styles change nothing outside it, in a shadow root or under no-shadow", async () => {
  const { page, problems } = await openEmbed(`<h1 class="post-title">The page's</h1><p class="photo">a paragraph</p>
    <figure class="gallery"><img src="/site/favicon.svg" alt="" width="40" height="40"></figure>
    <stills-gallery id="a" src="/${SAMPLE}"></stills-gallery><stills-post id="b" no-shadow src="/${SAMPLE}"></stills-post>`,
  { widget: null, head: '<link rel="stylesheet" href="/widget/widget-demo.css">' });
  const outside = () => [...document.querySelectorAll("html, h1.post-title, p.photo, figure.gallery, figure.gallery img")]
    .filter((node) => !node.closest("stills-post, stills-gallery"))
    .map((node) => { const s = getComputedStyle(node); return [node.localName, s.color, s.fontFamily, s.borderTopWidth, s.position, s.margin, s.display, s.boxSizing].join(" "); });
  const before = await page.evaluate(outside);
  await page.evaluate(() => import("/stills-widget.js"));
  await rendered(page, 2);
  assert.deepEqual(await page.evaluate(outside), before);
  assert.deepEqual(problems, []);
  await page.close();
});

test("::part() and --stills-* custom properties restyle what they name and nothing else", async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(recorder);
  await page.goto(`${browser.origin}/widget-demo.html`);
  await rendered(page, 3);
  const look = (id, selector) => page.evaluate(([i, s]) => {
    const style = getComputedStyle(document.getElementById(i).shadowRoot.querySelector(s));
    return { radius: style.borderTopLeftRadius, shadow: style.boxShadow !== "none", background: style.backgroundColor, color: style.color };
  }, [id, selector]);
  const restyled = await look("restyled", ".photo");
  const plain = await look("gallery", ".photo");
  assert.deepEqual([restyled.radius, restyled.shadow, restyled.background], ["10px", true, "rgb(255, 204, 170)"]);
  assert.deepEqual([plain.radius, plain.shadow], ["0px", false]);
  assert.notEqual(plain.background, restyled.background);
  assert.equal((await look("post", ".post-title")).color, "rgb(126, 37, 83)");
  assert.notEqual((await look("gallery", ".gallery-title")).color, "rgb(126, 37, 83)");
  await page.close();
});

test("events: stills-rendered with the post's meta, stills-photo-open and -close with the photo, stills-error with the URL", async () => {
  const { page, problems } = await openEmbed(`<stills-gallery id="g" src="/${SAMPLE}" gallery="i-am-cuba"></stills-gallery>
    <stills-post id="missing" src="/posts/no-such-post.md"></stills-post>`);
  await rendered(page, 1);
  await page.waitForFunction(() => window.__events.some((e) => e.type === "stills-error"));
  const [done] = await events(page, "stills-rendered");
  assert.deepEqual([done.id, done.title, done.gallery], ["g", "Stills from my favorite Kalatozov Movies", "i-am-cuba"]);
  const [failed] = await events(page, "stills-error");
  assert.equal(failed.id, "missing");
  assert.equal(failed.url, `${browser.origin}/posts/no-such-post.md`);
  assert.match(failed.message, /no-such-post\.md: HTTP 404/);
  const box = await page.evaluate(() => document.getElementById("missing").shadowRoot.querySelector("[part=error]").textContent);
  assert.match(box, new RegExp(`${browser.origin}/posts/no-such-post\\.md: HTTP 404`));

  await page.locator("#g .photo").nth(2).click();
  await page.waitForFunction(() => window.__events.some((e) => e.type === "stills-photo-open"));
  await page.locator(".pswp--ready").waitFor();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => window.__events.some((e) => e.type === "stills-photo-close"));
  const [opened] = await events(page, "stills-photo-open");
  const [closed] = await events(page, "stills-photo-close");
  assert.deepEqual([opened.id, opened.gallery, opened.index], ["g", "i-am-cuba", 2]);
  assert.deepEqual([closed.id, closed.gallery], ["g", "i-am-cuba"]);
  assert.equal(await page.evaluate(() => document.getElementById("g").shadowRoot.activeElement?.dataset.index), "2");
  assert.deepEqual(problems.filter((p) => !/404/.test(p)), []);
  await page.close();
});

test("a post with errors renders what it can, with an error box at the line, and stills-error lists the diagnostics", async () => {
  const broken = sampleText.replace("tags: [\"cinema\", \"inspiration\", \"bnw\"]", "tags: [\"cinema\", \"inspiration\"\nlocation: [");
  const { page } = await openEmbed(`<stills-post id="p" src="/posts/broken.md"></stills-post>`, { files: { "/posts/broken.md": broken } });
  await page.waitForFunction(() => window.__events.some((e) => e.type === "stills-error"));
  const [error] = await events(page, "stills-error");
  assert.ok(error.lines.length > 0 && error.lines.every((line) => line > 1));
  const box = await page.evaluate(() => document.getElementById("p").shadowRoot.querySelector(".diagnostics").textContent);
  assert.match(box, new RegExp(`line ${error.lines[0]}, column \\d+`));
  await page.close();
});

for (const [post, sizes] of [[SAMPLE, "without"], ["posts/water-and-wood.md", "with"]]) {
  test(`layout shift is 0 for a post ${sizes} photo sizes in its frontmatter, and no photo moves once shown`, async () => {
    const { page, problems } = await openEmbed(`<h1>Above</h1><p>Some text of the page above the widget.</p>
      <stills-post id="p" src="/${post}" decoder="wasm"></stills-post>`);
    await rendered(page, 1);
    const boxes = () => page.evaluate(() => [...document.getElementById("p").shadowRoot.querySelectorAll(".photo")]
      .map((f) => { const r = f.getBoundingClientRect(); return [r.x, r.y + scrollY, r.width, r.height].map(Math.round).join(); }));
    const first = await boxes();
    await painted(page, ["p"]);
    assert.deepEqual(await boxes(), first);
    assert.equal(await page.evaluate(() => window.__cls), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test("width and height attributes reserve the element's aspect ratio before anything loads", async () => {
  const { page } = await openEmbed(`<stills-gallery id="g" width="1200" height="400" src="/${SAMPLE}"></stills-gallery>`,
    { files: { [`/${SAMPLE}`]: null } });  // never answered: nothing on the page but the reservation
  await page.waitForFunction(() => getComputedStyle(document.getElementById("g")).display === "block");  // styled
  const { width, height } = await page.evaluate(() => document.getElementById("g").getBoundingClientRect().toJSON());
  assert.ok(width > 0);
  assert.ok(Math.abs(height - width / 3) < 1);
  await page.close();
});

test("widgets share one core, size cache and codec pool; removing every widget ends the codec workers, and a moved one works", async () => {
  const { page, problems, requests } = await openEmbed(`<div id="narrow" style="width: 300px"></div>
    <stills-gallery id="a" decoder="wasm" src="/${SAMPLE}" gallery="the-cranes-are-flying"></stills-gallery>
    <stills-gallery id="b" decoder="wasm" src="/${SAMPLE}" gallery="the-cranes-are-flying" mode="columns"></stills-gallery>`, { policy: null });
  await rendered(page, 2);
  await painted(page, ["a", "b"]);
  assert.ok(page.workers().length > 0);
  assert.equal(requests.filter((r) => r.url().endsWith("/stills-core.wasm")).length, 1);
  assert.equal(requests.filter((r) => r.url().endsWith("/stills-codec.wasm")).length, page.workers().length);
  const photoRequests = requests.filter((r) => r.url().endsWith(".avif")).length;

  const widthAfterMove = page.evaluate(() => new Promise((resolve) => {
    const a = document.getElementById("a");
    a.addEventListener("stills:gallery-laid-out", (event) => resolve(event.detail.width), { once: true });
    document.getElementById("narrow").append(a);
  }));
  assert.equal(await widthAfterMove, 300);
  assert.equal(await inShadow(page, "a", "canvas"), 5);
  assert.ok(page.workers().length > 0);
  assert.equal(requests.filter((r) => r.url().endsWith(".avif")).length, photoRequests);  // no photo fetched again

  await page.evaluate(() => document.querySelectorAll("stills-gallery").forEach((widget) => widget.remove()));
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50 && page.workers().length; i++) await page.waitForTimeout(100);
  assert.equal(page.workers().length, 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a widget far below the fold fetches its post only when it comes near the viewport", async () => {
  const { page, requests } = await openEmbed(`<stills-gallery id="near" src="/${SAMPLE}"></stills-gallery>
    <div style="height: 5000px"></div><stills-post id="far" src="/posts/water-and-wood.md"></stills-post>`, { policy: null });
  await rendered(page, 1);
  await page.waitForTimeout(300);
  const fetchedFar = () => requests.some((r) => r.url().endsWith("/posts/water-and-wood.md"));
  assert.equal(fetchedFar(), false);
  await page.evaluate(() => document.getElementById("far").scrollIntoView());
  await rendered(page, 2);
  assert.equal(fetchedFar(), true);
  await page.close();
});

test("the post property renders a post's text or a parsed post without fetching, and a changed attribute lays out again without a request", async () => {
  const { page, requests } = await openEmbed(`<stills-gallery id="text"></stills-gallery><stills-gallery id="parsed"></stills-gallery>`);
  await page.evaluate(async (text) => {
    await customElements.whenDefined("stills-gallery");
    document.getElementById("text").post = text;
    const { createStills } = await import("/stills.js");
    const stills = await createStills();
    document.getElementById("parsed").post = stills.parsePost(text.replace("The Cranes are Flying", "Given parsed"),
      { url: location.href, base: location.origin + "/" });
    document.getElementById("parsed").showTitle = true;
  }, sampleText);
  await rendered(page, 2);
  assert.equal(requests.filter((r) => r.url().endsWith(".md")).length, 0);
  assert.equal(await inShadow(page, "text", ".photo"), 5);
  assert.equal(await page.evaluate(() => document.getElementById("parsed").shadowRoot.querySelector(".gallery-title").textContent), "Given parsed");

  await painted(page, ["text"]);
  const heightOf = () => page.evaluate(() => document.getElementById("text").getBoundingClientRect().height);
  const before = await heightOf();
  const photoRequests = requests.filter((r) => r.url().endsWith(".avif")).length;
  await page.evaluate(() => document.getElementById("text").setAttribute("row-height", "80"));
  await page.waitForFunction((h) => document.getElementById("text").getBoundingClientRect().height !== h, before);
  await page.evaluate(() => { document.getElementById("text").rowHeight = null; document.getElementById("text").mode = "grid"; });
  await page.waitForTimeout(200);
  assert.equal(requests.filter((r) => r.url().endsWith(".avif")).length, photoRequests);
  assert.equal(await inShadow(page, "text", "img"), 5);
  await page.close();
});

test("no-shadow renders into the light DOM, where the page's CSS applies, still laid out", async () => {
  const { page } = await openEmbed(`<stills-gallery id="light" no-shadow src="/${SAMPLE}"></stills-gallery>
    <stills-gallery id="dark" src="/${SAMPLE}"></stills-gallery>`, { head: '<link rel="stylesheet" href="/widget/widget-demo.css">' });
  await rendered(page, 2);
  const look = await page.evaluate(() => {
    const light = document.querySelector("#light .photo");
    const dark = document.getElementById("dark").shadowRoot.querySelector(".photo");
    return { shadow: document.getElementById("light").shadowRoot, lightDisplay: getComputedStyle(light).display,
      lightPosition: getComputedStyle(light).position, darkDisplay: getComputedStyle(dark).display };
  });
  // widget-demo.css hides .photo with !important: it reaches the light-DOM widget only
  assert.deepEqual(look, { shadow: null, lightDisplay: "none", lightPosition: "absolute", darkDisplay: "block" });
  await page.close();
});

test("a post on another origin that sends CORS headers renders, its photos from there; without CORS the error box names the URL", async () => {
  const there = originOf(other);
  const noCors = originOf(otherNoCors);
  const policy = POLICY.replace("default-src 'self'", `default-src 'self'; connect-src 'self' ${there} ${noCors}`)
    .replace("img-src 'self'", `img-src 'self' ${there}`);
  const { page, problems } = await openEmbed(`<stills-gallery id="there" src="${there}/${SAMPLE}"></stills-gallery>
    <stills-gallery id="blocked" src="${noCors}/${SAMPLE}"></stills-gallery>`, { policy });
  await rendered(page, 1);
  await painted(page, ["there"]);
  const sources = await page.evaluate(() => [...document.getElementById("there").shadowRoot.querySelectorAll("img")].map((img) => img.src));
  assert.equal(sources.length, 5);
  assert.ok(sources.every((src) => src.startsWith(`${there}/assets/photos/`)), sources.join());
  await page.waitForFunction(() => window.__events.some((e) => e.type === "stills-error"));
  const box = await page.evaluate(() => document.getElementById("blocked").shadowRoot.querySelector("[part=error]").textContent);
  assert.match(box, new RegExp(`${noCors}/posts/kalatozov-stills\\.md could not be fetched.*CORS`));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems.filter((p) => !/CORS|Failed to load resource/.test(p)), []);
  await page.close();
});

test("the widget's own files on another origin decode photos in wasm workers started from blob:", async () => {
  const there = originOf(other);
  const policy = `default-src 'self'; script-src 'self' ${there} 'wasm-unsafe-eval'; worker-src blob: ${there}; ` +
    `connect-src 'self' ${there}; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'`;
  const { page, problems, requests } = await openEmbed(`<stills-gallery id="g" decoder="wasm" src="/${SAMPLE}" gallery="letter-never-sent"></stills-gallery>`,
    { policy, widget: `${there}/stills-widget.js` });
  await rendered(page, 1);
  await painted(page, ["g"]);
  assert.equal(await inShadow(page, "g", "canvas"), 3);
  assert.ok(page.workers().every((worker) => worker.url().startsWith("blob:")));
  assert.ok(requests.some((r) => r.url() === `${there}/runtime/stills-codec.wasm`));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test("stills-elements.js exports the classes without defining them, for tag names of the page's own", async () => {
  const { page, problems } = await openEmbed(`<photo-gallery id="g" src="/${SAMPLE}" gallery="letter-never-sent" no-shadow></photo-gallery>`,
    { widget: null });
  const defined = await page.evaluate(async () => {
    const { StillsGalleryElement } = await import("/stills-elements.js");
    const before = [customElements.get("stills-gallery"), customElements.get("stills-post")].map(Boolean);
    customElements.define("photo-gallery", StillsGalleryElement);
    return before;
  });
  assert.deepEqual(defined, [false, false]);
  await rendered(page, 1);
  assert.equal(await page.locator("#g .photo").count(), 3);
  assert.equal(await page.locator("#g .photo").first().evaluate((f) => getComputedStyle(f).position), "absolute");  // scoped to photo-gallery[no-shadow]
  assert.deepEqual(problems, []);
  await page.close();
});

test("the widget's colours follow the page's color-scheme: a page that declares dark gets the dark ones, one that declares nothing stays light", async () => {
  const inks = [];
  for (const head of ['<meta name="color-scheme" content="light dark">', ""]) {
    const { page } = await openEmbed(`<stills-gallery id="g" src="/${SAMPLE}" show-title></stills-gallery>`, { head });
    await page.emulateMedia({ colorScheme: "dark" });
    await rendered(page, 1);
    inks.push(await page.evaluate(() => getComputedStyle(document.getElementById("g").shadowRoot.querySelector(".gallery-title")).color));
    await page.close();
  }
  assert.deepEqual(inks, ["rgb(232, 230, 225)", "rgb(27, 27, 27)"]);
});
