// Camera photos into the editor, in Chromium: a JPEG dropped (made here, with a camera's Exif) shows at
// once, is encoded to AVIF in a worker, upright and at its size, and goes into the frontmatter and the
// exported zip with the camera's facts and without its GPS position; a cancelled photo leaves the post
// as it was; a HEIC file is refused with what to do instead.
import { after, afterEach, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startBrowser } from "./browser.js";
import { withCameraExif } from "./camera-exif.js";
import { editorPage } from "./editor-page.js";
import { loadStills } from "../js/helpers.js";

let browser;
before(async () => (browser = await startBrowser()));
after(() => browser?.close());
afterEach(() => Promise.all(browser.context.pages().map((page) => page.close())));

const { sampleInEditor, openEditor, cursorAfter, dropFiles } = editorPage(() => browser);
const stills = await loadStills();

// A JPEG the browser makes: `width` x `height` as the sensor saw it, red on its left half and blue on
// its right (turned by orientation 6, the red is on top). `noise` makes it costly to encode.
async function sensorJpeg(page, width, height, { noise = false } = {}) {
  const base64 = await page.evaluate(async ({ width, height, noise }) => {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext("2d");
    context.fillStyle = "rgb(220, 30, 30)";
    context.fillRect(0, 0, width / 2, height);
    context.fillStyle = "rgb(30, 40, 220)";
    context.fillRect(width / 2, 0, width / 2, height);
    if (noise) {
      const image = context.getImageData(0, 0, width, height);
      for (let i = 0; i < image.data.length; i++) if (i % 4 !== 3) image.data[i] = (image.data[i] + ((i * 2654435761) >>> 24)) & 255;
      context.putImageData(image, 0, 0);
    }
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: "image/jpeg", quality: 0.95 })).arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, { width, height, noise });
  return Buffer.from(base64, "base64");
}

// The post as the author gets it: through "Download .md".
async function sourceText(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download").click()]);
  return readFile(await download.path(), "utf8");
}

test("a camera JPEG dropped shows at once, becomes an upright AVIF of its size in the frontmatter and the zip, with its camera facts and no GPS", async () => {
  const { unzipSync, strFromU8 } = await import("fflate");
  const { page, problems } = await openEditor(sampleInEditor());
  await cursorAfter(page, "stood out for me:");
  const jpeg = withCameraExif(await sensorJpeg(page, 320, 200));
  await dropFiles(page, [["L1000123.jpg", jpeg.toString("base64"), "image/jpeg"]]);
  await page.locator(".photo-job.done", { hasText: "L1000123.avif" }).waitFor({ timeout: 60_000 });
  assert.match(await page.locator(".photo-job.done").textContent(), /L1000123\.avif · 200 × 320 · \d+ KB · GPS position removed/);

  const text = await sourceText(page);
  assert.match(text, /img: "\/assets\/photos\/kalatozov-stills\/L1000123\.avif",\s*width: 200,\s*height: 320\b/);
  await page.locator(".photo-offer-take", { hasText: "48.8584° N, 2.2945° E" }).click();
  await page.locator(".preview .post-location", { hasText: "48.8584° N, 2.2945° E" }).waitFor();

  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export").click()]);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const avif = files["assets/photos/kalatozov-stills/L1000123.avif"];
  assert.ok(avif, `the zip holds ${Object.keys(files).join(", ")}`);
  assert.match(strFromU8(files["posts/kalatozov-stills.md"]), /L1000123\.avif",\s*width: 200,\s*height: 320\b/);
  const decoded = await stills.decodeAvif(avif);
  assert.deepEqual([decoded.width, decoded.height], [200, 320]);
  const pixel = (x, y) => [...decoded.data.subarray(4 * (y * 200 + x), 4 * (y * 200 + x) + 3)];
  const [top, bottom] = [pixel(100, 40), pixel(100, 280)];
  assert.ok(top[0] > 150 && top[2] < 90, `red on top, as the camera was held: ${top}`);
  assert.ok(bottom[2] > 150 && bottom[0] < 90, `blue below: ${bottom}`);

  const { readPhotoFacts } = await import("../../dist/runtime/photo-facts.js");
  const facts = await readPhotoFacts(avif);
  assert.deepEqual([facts.make, facts.model, facts.fNumber, facts.exposureTime, facts.iso, facts.focalLength, facts.taken],
    ["Leica Camera AG", "LEICA M6", 8, 1 / 125, 400, 35, "2024:05:01 10:00:00"]);
  assert.deepEqual([facts.latitude, facts.longitude], [null, null], "the GPS position is not in the AVIF");
  assert.deepEqual(problems, []);
});

test("a photo being encoded shows from its original; cancelled, it is taken out again and the post is as it was", async () => {
  const { page, problems } = await openEditor(sampleInEditor());
  const before = await sourceText(page);
  await cursorAfter(page, "stood out for me:");
  const jpeg = await sensorJpeg(page, 3000, 2000, { noise: true });
  await dropFiles(page, [["big.jpg", jpeg.toString("base64"), "image/jpeg"]]);
  await page.locator(".photo-job-state", { hasText: "Encoding 2560 × 1706…" }).waitFor({ timeout: 30_000 });
  assert.match(await sourceText(page), /big\.avif",\s*width: 2560,\s*height: 1706\b/);
  // The original (3000 px wide), not its AVIF (2560), while the AVIF is made.
  await page.waitForFunction(() => document.querySelector("section#photos .photo img")?.naturalWidth === 3000);
  await page.locator(".photo-job-cancel").click();
  await page.locator(".photo-job.failed", { hasText: "Cancelled" }).waitFor();
  assert.equal(await sourceText(page), before);
  await page.waitForFunction(() => document.querySelectorAll(".preview .gallery").length === 3);
  assert.match(await page.locator("#status").textContent(), /big\.jpg cancelled; it is taken out of the post again/);
  assert.deepEqual(problems, []);
});

test("a HEIC photo is refused with what to do instead, and the post is unchanged", async () => {
  const { page, problems } = await openEditor(sampleInEditor());
  const before = await sourceText(page);
  const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1")]);
  await dropFiles(page, [["IMG_4512.HEIC", heic.toString("base64"), "image/heic"]]);
  await page.locator("#status", { hasText: "HEIC photos cannot be decoded in this browser: export them as JPEG" }).waitFor();
  assert.match(await page.locator("#status").textContent(), /The post is unchanged\.$/);
  assert.equal(await sourceText(page), before);
  assert.deepEqual(problems, []);
});
