// The views every front end shares: the events a host page can listen to, PhotoSwipe loaded only when a
// photo is opened, each photo probed once however often a post is rendered, and decode order.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openPage, startBrowser } from "./browser.js";

let browser;
before(async () => {
  browser = await startBrowser();
});
after(() => browser?.close());

const recordEvents = (page) => page.addInitScript(() => {
  window.heard = [];
  for (const name of ["post-rendered", "gallery-laid-out", "photo-painted", "photo-failed", "lightbox-opened", "lightbox-closed"]) {
    document.addEventListener(`stills:${name}`, (event) => window.heard.push({ name, ...event.detail, post: undefined, error: event.detail.error?.message }));
  }
});
const heard = (page, name) => page.evaluate((name) => window.heard.filter((e) => e.name === name), name);

test("the views' events reach the document: rendered, laid out, painted, failed, lightbox opened and closed", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  await recordEvents(page);
  await page.route(`${browser.origin}/assets/photos/kalatozov-stills/kalatozov-stills-8.avif`, (route) => route.fulfill({ status: 404 }));
  await page.goto(`${browser.origin}/#/kalatozov-stills`);
  await page.locator("article.post").waitFor();
  await page.evaluate(() => document.querySelectorAll(".photo img").forEach((img) => (img.loading = "eager")));
  await page.waitForFunction(() => window.heard.filter((e) => e.name === "photo-painted").length === 16);
  assert.equal((await heard(page, "post-rendered")).length, 1);
  assert.deepEqual((await heard(page, "gallery-laid-out")).map((e) => e.gallery), ["the-cranes-are-flying", "letter-never-sent", "i-am-cuba"]);
  const failed = await heard(page, "photo-failed");
  assert.deepEqual(failed.map(({ gallery, index, src }) => [gallery, index, src.replace(/^.*\//, "")]), [["letter-never-sent", 1, "kalatozov-stills-8.avif"]]);
  assert.match(failed[0].error, /HTTP 404/);
  assert.ok((await heard(page, "photo-painted")).every((e) => e.decoder === "native"));
  await page.locator("#i-am-cuba .photo").nth(2).click();
  await page.locator(".pswp.pswp--ready").waitFor();
  assert.deepEqual((await heard(page, "lightbox-opened")).map(({ gallery, index }) => [gallery, index]), [["i-am-cuba", 2]]);
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => window.heard.some((e) => e.name === "lightbox-closed"));
  assert.deepEqual(problems.filter((p) => !/404/.test(p)), []);
});

test("PhotoSwipe's code and stylesheets load only when a photo is first opened", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  const fetched = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(`${browser.origin}/#/kalatozov-stills`);
  await page.locator("article.post").waitFor();
  await page.waitForLoadState("networkidle");
  const lightboxFiles = (list) => list.filter((path) => /photoswipe|lightbox/.test(path)).sort();
  assert.deepEqual(lightboxFiles(fetched), []);
  await page.locator("#the-cranes-are-flying .photo").first().click();
  await page.locator(".pswp.pswp--ready").waitFor();
  assert.deepEqual(lightboxFiles(fetched), ["/dom/lightbox.css", "/dom/lightbox.js", "/vendor/photoswipe.css", "/vendor/photoswipe.esm.min.js"]);
  assert.equal(await page.locator(".pswp__bg").evaluate((bg) => getComputedStyle(bg).position), "absolute", "its stylesheet applies");
  assert.deepEqual(problems, []);
});

test("a post rendered again reads no photo again: sizes come from the page's cache", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  const photoRequests = [];
  page.on("request", (request) => /\.avif$/.test(request.url()) && photoRequests.push(request.url()));
  await page.goto(`${browser.origin}/?decoder=wasm#/kalatozov-stills`);
  await page.locator("article.post").waitFor();
  const first = photoRequests.length;
  assert.ok(first >= 17, `${first} requests`);
  const again = await page.evaluate(async () => {
    const [{ createServices }, { PostView }] = await Promise.all([import("/runtime/services.js"), import("/dom/post-view.js")]);
    const services = await createServices({ decoder: "wasm" });
    const text = await (await fetch("posts/kalatozov-stills.md")).text();
    const sizes = [];
    for (let i = 0; i < 3; i++) {
      const view = new PostView(services.stills.parsePost(text, { url: location.href, base: location.href }), { services });
      await view.prepare();
      sizes.push(view.galleries.length);
    }
    return { sizes };
  });
  assert.deepEqual(again.sizes, [3, 3, 3]);
  // A fresh services object has its own cache: at most 17 probes for the three renders (51 without it).
  assert.ok(photoRequests.length - first <= 17, `${photoRequests.length - first} more photo requests for three renders`);
  assert.deepEqual(problems, []);
});

test("photos in the viewport decode before those only near it, nearest first after them", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  await page.setViewportSize({ width: 1000, height: 600 });
  await page.route(`${browser.origin}/test-priority.html`, (route) => route.fulfill({ contentType: "text/html",
    body: '<!doctype html><link rel="stylesheet" href="dom/stills.css"><body style="margin:0"><div id="here"></div><div style="height:3000px"></div></body>' }));
  await page.goto(`${browser.origin}/test-priority.html`);
  const order = await page.evaluate(async () => {
    // A scripted codec worker that answers each decode with one pixel and logs which photo it was.
    const decoded = [];
    window.Worker = class {
      postMessage({ id, bytes }) {
        decoded.push(bytes[0]);
        setTimeout(() => this.onmessage({ data: { id, width: 1, height: 1, data: new Uint8ClampedArray(4) } }), 2);
      }
      terminate() {}
    };
    const [{ createStills }, { CodecPool }, { GalleryView }] = await Promise.all(
      [import("/stills.js"), import("/runtime/codec-pool.js"), import("/dom/gallery-view.js")]);
    const stills = await createStills();
    const sizes = { read: async (url) => new Uint8Array([Number(url.match(/(\d+)$/)[1])]) };
    const images = Array.from({ length: 60 }, (_, i) => ({ img: `photo-${i}`, alt: null, caption: null, width: 3000, height: 2000 }));
    const services = { stills, decoder: "wasm", sizes, pool: new CodecPool({ size: 1 }) };
    const view = new GalleryView({ id: "g", title: null, images }, { services, layout: { rowHeight: 200, lastRow: "left" } });
    document.getElementById("here").append(view.element);
    view.attach();
    scrollTo(0, 700);  // photos above the viewport come first in the document, but are only near it
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const distance = (r) => (r.bottom <= 0 ? -r.bottom : r.top >= innerHeight ? r.top - innerHeight : 0);
    return { decoded, distances: [...view.element.querySelectorAll(".photo")].map((f) => distance(f.getBoundingClientRect())) };
  });
  const distances = order.decoded.map((i) => order.distances[i]);
  const inView = distances.filter((d) => d === 0).length;
  assert.ok(inView > 0 && distances.some((d) => d > 0), `${inView} in view of ${distances.length} decoded`);
  assert.ok(order.decoded.some((i) => order.distances[i] > 0 && i < order.decoded[0]), "some photo above the viewport is near");
  assert.deepEqual(distances, [...distances].sort((a, b) => a - b), `in view first, then nearest first: ${distances.join(" ")}`);
  assert.deepEqual(problems, []);
});

test("attach and detach are idempotent, and a detached gallery attaches again and keeps its photos", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/?decoder=wasm#/water-and-wood`);
  await page.locator("article.post").waitFor();
  const result = await page.evaluate(async () => {
    const [{ createServices }, { GalleryView }] = await Promise.all([import("/runtime/services.js"), import("/dom/gallery-view.js")]);
    const services = await createServices({ decoder: "wasm" });
    const images = ["kalatozov-stills-1", "kalatozov-stills-2"].map((n) => ({ img: `/assets/photos/kalatozov-stills/${n}.avif`, alt: null, caption: null, width: null, height: null }));
    const view = new GalleryView({ id: "again", title: null, images }, { services });
    let laidOut = 0;
    view.element.addEventListener("stills:gallery-laid-out", () => laidOut++);
    await view.prepare();
    document.querySelector("main").prepend(view.element);
    const painted = () => view.element.querySelectorAll("canvas").length;
    view.attach();
    view.attach();
    await new Promise((resolve) => { const wait = () => (painted() === 2 ? resolve() : setTimeout(wait, 20)); wait(); });
    const canvases = [...view.element.querySelectorAll("canvas")];
    view.detach();
    view.detach();
    view.element.remove();
    document.querySelector("main").append(view.element);
    view.attach();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const same = [...view.element.querySelectorAll("canvas")].every((canvas, i) => canvas === canvases[i]);
    view.detach();
    const pool = services.pool;
    services.dispose();
    await new Promise((resolve) => setTimeout(resolve));  // the workers end once nothing took the services again
    return { laidOut, painted: painted(), same, workers: pool.workers };
  });
  assert.deepEqual(result, { laidOut: 1, painted: 2, same: true, workers: 0 });
  assert.deepEqual(problems, []);
});
