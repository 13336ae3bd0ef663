// The sample post in Chromium: navigation until every gallery is laid out at its final size, and until
// every photo is painted, for stills (which fetches, parses and lays out in the browser) side by side
// with a static HTML page of the same post and photos, boxes precomputed: what a build step would give.
// Also the bytes a first visit transfers before the galleries are laid out. Prints, never asserts.
//   node bench/site-chromium.js   (after scripts/build.sh)
import { readFile } from "node:fs/promises";
import { createStills } from "../dist/stills.js";
import { startBrowser } from "../tests/e2e/browser.js";
import { bytesUntil, median, openTab } from "./page-timing.js";

const RUNS = 7;
const VIEWPORT = { width: 1280, height: 5000 };  // every photo in view: no scrolling in the measure
const CONTENT_WIDTH = 1280 - 2 * 48;             // the page's side padding at this width
const root = new URL("../", import.meta.url);

// The static page: the post's HTML with each gallery's boxes laid out in advance for this width.
async function staticPage() {
  const stills = await createStills();
  const post = stills.parsePost(await readFile(new URL("content/posts/kalatozov-stills.md", root), "utf8"));
  const rowHeight = Math.round(Math.min(360, Math.max(140, CONTENT_WIDTH / 4)));
  const galleries = await Promise.all(post.galleries.map(async (gallery) => {
    const ratios = await Promise.all(gallery.images.map(async ({ img }) => {
      const info = stills.probeAvif(await readFile(new URL(`content${img}`, root)), { complete: true });
      return info.displayWidth / info.displayHeight;
    }));
    const { boxes, height } = stills.layout(ratios, { width: CONTENT_WIDTH, rowHeight, spacing: 6, lastRow: "justify" });
    const images = gallery.images.map(({ img }, i) => {
      const [x, y, w, h] = boxes.subarray(4 * i, 4 * i + 4);
      return `<img src="${img}" alt="" style="position:absolute;left:${x}px;top:${y}px;width:${w}px;height:${h}px;object-fit:cover">`;
    });
    return `<div style="position:relative;height:${height}px;margin:1.5rem 0">${images.join("")}</div>`;
  }));
  const body = post.blocks.map((b) => (b.type === "html" ? b.html : galleries[b.gallery])).join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><title>${post.meta.title}</title>
<style>body{margin:0;padding:2rem 48px;font:1.125rem/1.6 Georgia,serif}</style></head>
<body><h1>${post.meta.title}</h1>${body}</body></html>`;
}

const browser = await startBrowser();
const staticHtml = await staticPage();

// Milliseconds from navigation until `condition` holds in the page (checked every frame), and the bytes
// transferred by then (`cold`: with the cache emptied first, as for a first visit).
async function timeUntil(url, condition, { cold = false } = {}) {
  const page = await openTab(browser.context, { cold, viewport: VIEWPORT });
  await page.route(`${browser.origin}/static-post.html`, (route) => route.fulfill({ contentType: "text/html", body: staticHtml }));
  await page.route("**/*.avif", (route) => route.continue({ headers: { ...route.request().headers(), "cache-control": "no-cache" } }));
  await page.goto(url, { waitUntil: "commit" });
  const ms = await (await page.waitForFunction(condition, null, { polling: "raf", timeout: 60_000 })).jsonValue();
  const bytes = await bytesUntil(page, ms);
  await page.close();
  return { ms, bytes };
}

const laidOut = {
  stills: () => document.querySelectorAll(".gallery-frame").length === 3 &&
    [...document.querySelectorAll(".photo")].every((f) => f.style.width) && performance.now(),
  static: () => document.querySelectorAll("img").length === 17 && performance.now(),
};
const painted = () => {
  const images = [...document.querySelectorAll("img")];
  return images.length === 17 && images.every((img) => img.complete && img.naturalWidth > 0) && performance.now();
};

const pages = { stills: `${browser.origin}/#/kalatozov-stills`, static: `${browser.origin}/static-post.html` };
const results = {};
for (const [name, url] of Object.entries(pages)) {
  await timeUntil(url, painted);  // warm the server and the cache of scripts and modules
  const layout = [];
  const paint = [];
  for (let i = 0; i < RUNS; i++) {
    layout.push((await timeUntil(url, laidOut[name])).ms);
    paint.push((await timeUntil(url, painted)).ms);
  }
  const { bytes } = await timeUntil(url, laidOut[name], { cold: true });
  results[name] = { layout: median(layout), paint: median(paint), bytes };
}
await browser.close();

console.log(`Chromium, the sample post at ${VIEWPORT.width} px (median of ${RUNS}, warm HTTP cache for code, photos revalidated):`);
for (const [name, r] of Object.entries(results)) {
  console.log(`  ${name.padEnd(7)} galleries laid out ${r.layout.toFixed(0).padStart(5)} ms   all photos painted ${r.paint.toFixed(0).padStart(5)} ms` +
    `   first visit: ${(r.bytes / 1024).toFixed(1)} KB transferred until laid out`);
}
console.log(`  layout-complete ratio stills / static: ${(results.stills.layout / results.static.layout).toFixed(2)}x (goal 1.25x);` +
  ` all painted: ${(results.stills.paint / results.static.paint).toFixed(2)}x`);
