// The sample post in Chromium: navigation until every gallery is laid out at its final size, and until
// every photo is painted, for stills (which fetches, parses and lays out in the browser) side by side
// with a static HTML page of the same post and photos, boxes precomputed: what a build step would give.
// Also the bytes a first visit transfers before the galleries are laid out. On loopback and over a network
// as a reader has it (Chromium's emulation: 50 ms round trips, 10 Mbit/s), with the HTTP cache warm
// (code and wasm cached, photos revalidated) and cold (a first visit); the demo server speaks HTTP/1.1
// (6 connections). Also stills on a repeat visit under its service worker, which keeps the code: the demo
// server sends every file with no-store, so without it a warm visit loads the code again. Prints, never
// asserts.
//   node bench/site-chromium.js   (after scripts/build.sh)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createStills } from "../dist/stills.js";
import { startBrowser } from "../tests/e2e/browser.js";
import { bytesUntil, median, openTab } from "./page-timing.js";

const RUNS = 7;       // warm runs per case (cold ones: 3)
const NETWORKS = {
  loopback: null,
  "50 ms, 10 Mbit/s": { offline: false, latency: 50, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 },
};
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

// Served from a folder, not by page.route: a service worker's requests do not go through page.route.
await mkdir(new URL("build/bench/site/", root), { recursive: true });
await writeFile(new URL("build/bench/site/static-post.html", root), await staticPage());
const browser = await startBrowser({ folders: ["build/bench/site"] });
const withWorker = await startBrowser({ folders: ["build/bench/site"], serviceWorkers: "allow" });

// Milliseconds from navigation until `condition` holds in the page (checked every frame), and the bytes
// transferred by then (`cold`: with the cache emptied first, as for a first visit).
async function timeUntil(url, condition, { cold = false, network = null, on = browser } = {}) {
  const page = await openTab(on.context, { cold, viewport: VIEWPORT });
  if (network) {
    const session = await on.context.newCDPSession(page);
    await session.send("Network.emulateNetworkConditions", network);
    await emulateInServiceWorker(session, network);
  }
  await page.goto(`${on.origin}${url}`, { waitUntil: "commit" });
  const ms = await (await page.waitForFunction(condition, null, { polling: "raf", timeout: 60_000 })).jsonValue();
  const bytes = await bytesUntil(page, ms);
  await page.close();
  return { ms, bytes };
}

// The page's emulated network does not hold for its service worker's own requests: the worker's target
// gets the same conditions (through the page's session: Playwright has no session for workers).
async function emulateInServiceWorker(session, network) {
  const { targetInfos } = await session.send("Target.getTargets");
  for (const { targetId } of targetInfos.filter((target) => target.type === "service_worker")) {
    const { sessionId } = await session.send("Target.attachToTarget", { targetId, flatten: false });
    for (const [id, method, params] of [[1, "Network.enable", {}], [2, "Network.emulateNetworkConditions", network]]) {
      await session.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) });
    }
  }
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

const pages = { stills: "/#/kalatozov-stills", static: "/static-post.html" };
const results = {};
for (const [networkName, network] of Object.entries(NETWORKS)) {
  for (const [name, url] of Object.entries(pages)) {
    await timeUntil(url, painted, { network });  // warm the server and the cache of scripts and modules
    const warm = { layout: [], paint: [] };
    for (let i = 0; i < RUNS; i++) {
      warm.layout.push((await timeUntil(url, laidOut[name], { network })).ms);
      warm.paint.push((await timeUntil(url, painted, { network })).ms);
    }
    const cold = [];
    for (let i = 0; i < 3; i++) cold.push(await timeUntil(url, laidOut[name], { cold: true, network }));
    results[`${networkName}|${name}`] = { layout: median(warm.layout), paint: median(warm.paint),
      coldLayout: median(cold.map((c) => c.ms)), bytes: cold[0].bytes };
  }
  // A repeat visit under the service worker (installed by the first, which then takes over).
  const first = await openTab(withWorker.context, { viewport: VIEWPORT });
  await first.goto(`${withWorker.origin}${pages.stills}`);
  await first.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  await first.close();
  await timeUntil(pages.stills, painted, { network, on: withWorker });  // the worker has kept the code by now
  const repeat = { layout: [], paint: [] };
  for (let i = 0; i < RUNS; i++) {
    repeat.layout.push((await timeUntil(pages.stills, laidOut.stills, { network, on: withWorker })).ms);
    repeat.paint.push((await timeUntil(pages.stills, painted, { network, on: withWorker })).ms);
  }
  results[`${networkName}|worker`] = { layout: median(repeat.layout), paint: median(repeat.paint) };
}
await browser.close();
await withWorker.close();

console.log(`Chromium, the sample post at ${VIEWPORT.width} px (medians: ${RUNS} warm runs, photos revalidated; 3 cold):`);
for (const networkName of Object.keys(NETWORKS)) {
  console.log(`  ${networkName}:`);
  const [stills, anchor] = ["stills", "static"].map((name) => results[`${networkName}|${name}`]);
  for (const [name, r] of [["stills", stills], ["static (anchor)", anchor]]) {
    console.log(`    ${name.padEnd(16)} laid out: warm ${r.layout.toFixed(0).padStart(5)} ms, cold ${r.coldLayout.toFixed(0).padStart(5)} ms;` +
      ` all painted (warm) ${r.paint.toFixed(0).padStart(5)} ms; first visit ${(r.bytes / 1024).toFixed(1)} KB until laid out`);
  }
  const worker = results[`${networkName}|worker`];
  console.log(`    stills, repeat visit under its service worker: laid out ${worker.layout.toFixed(0)} ms` +
    ` (${(worker.layout / anchor.layout).toFixed(2)}x the static page warm), all painted ${worker.paint.toFixed(0)} ms`);
  console.log(`    stills / static: laid out warm ${(stills.layout / anchor.layout).toFixed(2)}x, cold ` +
    `${(stills.coldLayout / anchor.coldLayout).toFixed(2)}x (goal 1.25x); all painted ${(stills.paint / anchor.paint).toFixed(2)}x`);
}
