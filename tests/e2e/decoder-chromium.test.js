// Our wasm decoder against Chromium's own AVIF decoder on the same files: orientation (irot, imir) as
// Chromium applies it, and every libavif test file Chromium shows, we show too.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { openPage, startBrowser } from "./browser.js";
import { makeCorpus } from "../avif/corpus.js";
import { root } from "../js/helpers.js";

let browser;
before(async () => {
  browser = await startBrowser();
});
after(() => browser?.close());

// Opens a page of the site that serves `files` (name -> bytes) under /test-files/.
async function pageServing(files) {
  const { page, problems } = await openPage(browser.context, "about:blank");
  await page.route(`${browser.origin}/test-files/*`, (route) => {
    const bytes = files.get(decodeURIComponent(new URL(route.request().url()).pathname.slice("/test-files/".length)));
    return route.fulfill(bytes ? { contentType: "image/avif", body: Buffer.from(bytes) } : { status: 404 });
  });
  await page.goto(`${browser.origin}/site/favicon.svg`);
  return { page, problems };
}

// In the page: each file decoded by Chromium (createImageBitmap) and by stills: the size, the RGBA
// when `pixels` is asked for, or our error.
const decodeBoth = (page, names, { pixels = false } = {}) => page.evaluate(async ([names, pixels]) => {
  const { createStills } = await import("/stills.js");
  const stills = await createStills();
  const results = {};
  for (const name of names) {
    const bytes = new Uint8Array(await (await fetch(`/test-files/${name}`)).arrayBuffer());
    let chromium = null;
    try {
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/avif" }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d");
      context.drawImage(bitmap, 0, 0);
      chromium = { width: bitmap.width, height: bitmap.height };
      if (pixels) chromium.data = Array.from(context.getImageData(0, 0, bitmap.width, bitmap.height).data);
      bitmap.close();
    } catch {}
    let ours = null;
    try {
      const image = await stills.decodeAvif(bytes);
      ours = { width: image.width, height: image.height, data: pixels ? Array.from(image.data) : null };
    } catch (error) {
      ours = { error: error.message };
    }
    results[name] = { chromium, ours };
  }
  return results;
}, [names, pixels]);

test("rotated and mirrored files decode as Chromium shows them", async () => {
  const corpus = await makeCorpus(fileURLToPath(new URL("build/avif-corpus", root)));
  const turned = corpus.filter((c) => /^(irot|imir)/.test(c.name));
  assert.equal(turned.length, 5);
  const { page, problems } = await pageServing(new Map(turned.map((c) => [`${c.name}.avif`, c.bytes])));
  const results = await decodeBoth(page, turned.map((c) => `${c.name}.avif`), { pixels: true });
  for (const c of turned) {
    const { chromium, ours } = results[`${c.name}.avif`];
    assert.ok(chromium, `${c.name}: Chromium decodes it`);
    assert.deepEqual([ours.width, ours.height], [chromium.width, chromium.height], c.name);
    assert.deepEqual([ours.width, ours.height], [c.expect.displayWidth, c.expect.displayHeight], c.name);
    let worst = 0;
    for (let i = 0; i < ours.data.length; i++) worst = Math.max(worst, Math.abs(ours.data[i] - chromium.data[i]));
    assert.ok(worst <= 2, `${c.name}: pixels differ from Chromium's by up to ${worst} levels`);
  }
  assert.deepEqual(problems, []);
});

test("every libavif test file Chromium decodes, ours decodes to the same size", async () => {
  const dataDir = new URL(".cache/src/libavif/tests/data/", root);
  const names = (await readdir(dataDir)).filter((name) => name.endsWith(".avif")).sort();
  const files = new Map(await Promise.all(names.map(async (name) => [name, await readFile(new URL(name, dataDir))])));
  const { page, problems } = await pageServing(files);
  const results = await decodeBoth(page, names);
  const shownByChromium = names.filter((name) => results[name].chromium);
  assert.ok(shownByChromium.length >= 40, `${shownByChromium.length} files`);
  const refused = shownByChromium.filter((name) => results[name].ours.error)
    .map((name) => `${name}: ${results[name].ours.error}`);
  assert.deepEqual(refused, []);
  const sized = shownByChromium.filter((name) => {
    const { chromium, ours } = results[name];
    return chromium.width !== ours.width || chromium.height !== ours.height;
  });
  assert.deepEqual(sized, []);
  assert.deepEqual(problems, []);
});
