// Photos in real Chromium: justified galleries laid out before any pixel, the wasm decoder painting the
// same pixels as Chromium's own, error tiles for photos that fail, and no layout shift.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openPage, startBrowser } from "./browser.js";

let browser;
before(async () => {
  browser = await startBrowser();
});
after(() => browser?.close());

// Boxes of every photo, by gallery.
const galleryBoxes = (page) => page.locator(".gallery").evaluateAll((galleries) => galleries.map((gallery) => {
  const frame = gallery.querySelector(".gallery-frame").getBoundingClientRect();
  return [...gallery.querySelectorAll(".photo")].map((figure) => {
    const r = figure.getBoundingClientRect();
    return { x: r.left - frame.left, y: r.top - frame.top, w: r.width, h: r.height, frameWidth: frame.width };
  });
}));

const measureLayoutShift = (page) => page.addInitScript(() => {
  window.layoutShift = 0;
  new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.layoutShift += e.value)))
    .observe({ type: "layout-shift", buffered: true });
});

// Brings each photo into view and waits there until it is painted (or has failed), as a reader would.
async function scrollThrough(page) {
  await page.evaluate(async () => {
    for (const figure of document.querySelectorAll(".photo")) {
      figure.scrollIntoView({ block: "center" });
      for (let waited = 0; waited < 10_000; waited += 20) {
        const img = figure.querySelector("img");
        if (figure.querySelector("canvas") || figure.classList.contains("failed") || (img?.complete && img.naturalWidth)) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  });
}

test("galleries are justified: rows fill the width, nothing overlaps, nothing shifts", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  await measureLayoutShift(page);
  await page.goto(`${browser.origin}/#/kalatozov-stills`);
  await page.locator("article.post").waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.decoder), "native");
  const galleries = await galleryBoxes(page);
  assert.deepEqual(galleries.map((g) => g.length), [5, 3, 9]);
  for (const boxes of galleries) {
    const rows = new Map();
    for (const b of boxes) rows.set(Math.round(b.y), [...(rows.get(Math.round(b.y)) ?? []), b]);
    const rowList = [...rows.values()];
    rowList.slice(0, -1).forEach((row) => {
      const right = Math.max(...row.map((b) => b.x + b.w));
      assert.ok(Math.abs(right - row[0].frameWidth) <= 1, `a row ends at ${right} of ${row[0].frameWidth}`);
    });
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        assert.ok(a.x + a.w <= b.x + 0.5 || b.x + b.w <= a.x + 0.5 || a.y + a.h <= b.y + 0.5 || b.y + b.h <= a.y + 0.5, "no overlap");
      }
    }
  }
  await scrollThrough(page);
  await page.waitForFunction(() => [...document.querySelectorAll(".photo img")].every((img) => img.complete && img.naturalWidth > 0));
  assert.equal(await page.evaluate(() => window.layoutShift), 0);
  assert.deepEqual(problems, []);
});

test("?decoder=wasm paints every photo, with Chromium's own pixels, and nothing shifts", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  await measureLayoutShift(page);
  await page.goto(`${browser.origin}/?decoder=wasm#/kalatozov-stills`);
  await page.locator("article.post").waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.decoder), "wasm");
  await scrollThrough(page);
  await page.waitForFunction(() => document.querySelectorAll(".photo canvas").length === 17, null, { timeout: 30_000 });
  // Each canvas is painted at the box's size in device pixels, aspect kept.
  const canvases = await page.locator(".photo canvas").evaluateAll((list) => list.map((c) => {
    const box = c.parentElement.getBoundingClientRect();
    return { ratio: c.width / c.height, boxRatio: box.width / box.height, width: c.width, boxWidth: box.width * devicePixelRatio };
  }));
  for (const c of canvases) {
    assert.ok(Math.abs(c.ratio - c.boxRatio) / c.boxRatio < 0.03, `canvas ${c.ratio} in a box of ${c.boxRatio}`);
    assert.ok(c.width <= Math.ceil(c.boxWidth) + 1, "no larger than the box");
  }
  // The wasm decoder against Chromium's, at full size, for every sample photo.
  const psnrs = await page.evaluate(async () => {
    const { createStills } = await import("/stills.js");
    const stills = await createStills();
    const results = [];
    const urls = [...document.querySelectorAll(".photo")].map((figure) => figure.dataset.src);
    for (const src of urls) {
      const bytes = new Uint8Array(await (await fetch(src)).arrayBuffer());
      const ours = await stills.decodeAvif(bytes);
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/avif" }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d");
      context.drawImage(bitmap, 0, 0);
      const theirs = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      if (bitmap.width !== ours.width || bitmap.height !== ours.height) {
        results.push({ src, error: `${ours.width}x${ours.height} vs ${bitmap.width}x${bitmap.height}` });
        continue;
      }
      let sum = 0;
      for (let i = 0; i < theirs.length; i++) if (i % 4 !== 3) sum += (theirs[i] - ours.data[i]) ** 2;
      const mse = sum / (theirs.length * 0.75);
      results.push({ src, psnr: mse === 0 ? Infinity : 10 * Math.log10(65025 / mse) });
    }
    return results;
  });
  assert.equal(await page.evaluate(() => window.layoutShift), 0);
  assert.equal(psnrs.length, 17);
  for (const { src, psnr, error } of psnrs) {
    assert.equal(error, undefined, src);
    assert.ok(psnr >= 40, `${src}: PSNR ${psnr.toFixed(1)} dB`);
  }
  assert.deepEqual(problems, []);
});

test("a photo that is missing becomes an error tile with its name; the others render", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  await page.route(`${browser.origin}/assets/photos/kalatozov-stills/kalatozov-stills-8.avif`,
    (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto(`${browser.origin}/#/kalatozov-stills`);
  await page.locator("article.post").waitFor();
  const failed = page.locator(".photo.failed");
  assert.equal(await failed.count(), 1);
  assert.match(await failed.textContent(), /kalatozov-stills-8\.avif/);
  await scrollThrough(page);
  await page.waitForFunction(() => [...document.querySelectorAll(".photo img")].every((img) => img.complete && img.naturalWidth > 0));
  assert.equal(await page.locator(".photo img").count(), 16);
  assert.deepEqual(problems.filter((p) => !p.includes("kalatozov-stills-8.avif") && !p.includes("404")), []);
});

test("a gallery of 124 photos lays out, and reflows when the window is resized", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/#/contact-sheet`);
  await page.locator("article.post").waitFor();
  const fills = async () => {
    const [boxes] = await galleryBoxes(page);
    const rows = new Map();
    for (const b of boxes) rows.set(Math.round(b.y), Math.max(rows.get(Math.round(b.y)) ?? 0, b.x + b.w));
    const rights = [...rows.values()].slice(0, -1);
    return { count: boxes.length, rows: rows.size, width: boxes[0].frameWidth, full: rights.every((r) => Math.abs(r - boxes[0].frameWidth) <= 1) };
  };
  const wide = await fills();
  assert.equal(wide.count, 124);
  assert.ok(wide.full, "every row but the last fills the width");
  await page.setViewportSize({ width: 600, height: 900 });
  await page.waitForFunction((before) => document.querySelector(".gallery-frame").getBoundingClientRect().width !== before, wide.width);
  await page.waitForTimeout(100);
  const narrow = await fills();
  assert.ok(narrow.width < wide.width && narrow.rows > wide.rows, `${narrow.rows} rows at ${narrow.width} px, ${wide.rows} at ${wide.width}`);
  assert.ok(narrow.full, "after the resize too");
  assert.deepEqual(problems, []);
});
