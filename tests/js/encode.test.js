// The encoder module: RGBA in, an AVIF out that the decoder reads back as the same photo; its options
// reach the file, and so does the Exif given, which the probe reads back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadStills } from "./helpers.js";
import { exifBlock } from "../../web/runtime/exif-block.js";

const stills = await loadStills();

// A photo-like test card: smooth gradients and soft discs, opaque unless `hole` (a transparent disc).
function testCard(width, height, { hole = false } = {}) {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 4 * (y * width + x);
      const disc = Math.hypot(x - width * 0.6, y - height * 0.4) / (height * 0.3);
      const soft = Math.max(0, Math.min(1, 1.5 - disc));
      rgba[i] = 40 + 180 * (x / width) * (1 - soft) + 200 * soft;
      rgba[i + 1] = 60 + 150 * (y / height);
      rgba[i + 2] = 180 - 120 * (x / width) + 40 * soft;
      rgba[i + 3] = hole && disc < 0.5 ? 0 : 255;
    }
  }
  return rgba;
}

function psnr(a, b) {
  let squares = 0;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (i % 4 === 3) continue;
    squares += (a[i] - b[i]) ** 2;
    count++;
  }
  return 10 * Math.log10((255 * 255) / (squares / count));
}

test("an encoded photo decodes back at its size, within 38 dB PSNR of the pixels given, as opaque 8-bit", async () => {
  const [width, height] = [320, 240];
  const pixels = testCard(width, height);
  const avif = await stills.encodeAvif(pixels, width, height);
  const info = stills.probeAvif(avif, { complete: true });
  assert.deepEqual([info.width, info.height, info.bitDepth, info.hasAlpha], [width, height, 8, false]);
  const decoded = await stills.decodeAvif(avif);
  assert.deepEqual([decoded.width, decoded.height], [width, height]);
  const decibels = psnr(pixels, decoded.data);
  assert.ok(decibels >= 38, `PSNR ${decibels.toFixed(1)} dB`);
});

test("quality and speed reach the file: lower quality is smaller, another speed other bytes", async () => {
  const [width, height] = [256, 192];
  const pixels = testCard(width, height);
  const [low, high] = await Promise.all([20, 90].map((quality) => stills.encodeAvif(pixels, width, height, { quality })));
  assert.ok(low.length < high.length, `quality 20: ${low.length} bytes, 90: ${high.length}`);
  const fast = await stills.encodeAvif(pixels, width, height, { speed: 10 });
  const usual = await stills.encodeAvif(pixels, width, height, { speed: 6 });
  assert.notDeepEqual(fast, usual);
});

test("transparent pixels keep an alpha plane", async () => {
  const [width, height] = [128, 96];
  const avif = await stills.encodeAvif(testCard(width, height, { hole: true }), width, height);
  assert.equal(stills.probeAvif(avif, { complete: true }).hasAlpha, true);
  const decoded = await stills.decodeAvif(avif);
  assert.ok(decoded.data[4 * (Math.round(height * 0.4) * width + Math.round(width * 0.6)) + 3] < 16, "the hole stays clear");
});

test("the camera's facts written as Exif come back from the probe, read from the header's first KB", async () => {
  const facts = { make: "Leica Camera AG", model: "LEICA M6", lens: "Summicron-M 1:2/35", focalLength: 35, fNumber: 8,
    exposureTime: 1 / 125, iso: 400, taken: "2024:05:01 10:00:00" };
  const [width, height] = [96, 64];
  const avif = await stills.encodeAvif(testCard(width, height), width, height, { exif: exifBlock({ ...facts, latitude: 48.8, longitude: 2.3 }) });
  assert.deepEqual(stills.probeAvif(avif.subarray(0, 1024)).camera, facts);
  assert.equal(stills.probeAvif(await stills.encodeAvif(testCard(width, height), width, height), { complete: true }).camera, undefined);
});

test("pixels that are not width x height RGBA, and a bad tune, are refused with the reason", async () => {
  await assert.rejects(stills.encodeAvif(new Uint8Array(10), 4, 4), /not width x height RGBA/);
  await assert.rejects(stills.encodeAvif(testCard(16, 16), 16, 16, { tune: "nonsense" }), /could not be encoded|tune/);
  await assert.rejects(stills.encodeAvif("pixels", 1, 1), TypeError);
});
