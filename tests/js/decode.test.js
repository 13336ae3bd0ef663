// decodeAvif (libavif + dav1d in wasm) on the avifenc corpus: exact pixels for the lossless files with
// the clean aperture, rotation and mirroring applied; close pixels for lossy ones; thumbnails by area
// averaging; errors for bad files, after which the module still decodes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import jsquashDecode, { init as initJsquash } from "@jsquash/avif/decode.js";
import { gradientRgba, makeCorpus } from "../avif/corpus.js";
import { loadStills, root } from "./helpers.js";

const stills = await loadStills();
const corpus = await makeCorpus(fileURLToPath(new URL("build/avif-corpus", root)));

const image = (width, height, data) => ({ width, height, data });

function crop({ width, data }, x0, y0, w, h) {
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) out.set(data.subarray(((y0 + y) * width + x0) * 4, ((y0 + y) * width + x0 + w) * 4), y * w * 4);
  return image(w, h, out);
}

// One quarter turn anti-clockwise: the output's pixel (x, y) is the input's (width - 1 - y, x).
function quarterTurn({ width, height, data }) {
  const out = new Uint8ClampedArray(data.length);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < height; x++) out.set(data.subarray(((x) * width + (width - 1 - y)) * 4, ((x) * width + (width - 1 - y)) * 4 + 4), (y * height + x) * 4);
  }
  return image(height, width, out);
}

// Mirror axis 0 exchanges top and bottom, 1 left and right (ISO/IEC 23008-12:2022).
function mirror({ width, height, data }, axis) {
  const out = new Uint8ClampedArray(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = axis === 0 ? [x, height - 1 - y] : [width - 1 - x, y];
      out.set(data.subarray((sy * width + sx) * 4, (sy * width + sx) * 4 + 4), (y * width + x) * 4);
    }
  }
  return image(width, height, out);
}

// The source gradient as the file should show it.
function expectedPixels({ width, height, source, args, expect }) {
  let shown = image(width, height, gradientRgba(width, height, source.alpha));
  const cropArg = args.indexOf("--crop");
  if (cropArg >= 0) shown = crop(shown, ...args[cropArg + 1].split(",").map(Number));
  for (let turn = 0; turn < expect.rotation / 90; turn++) shown = quarterTurn(shown);
  if (expect.mirror >= 0) shown = mirror(shown, expect.mirror);
  return shown;
}

function psnr(a, b, channels = [0, 1, 2]) {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < a.length; i += 4) {
    for (const c of channels) {
      sum += (a[i + c] - b[i + c]) ** 2;
      count++;
    }
  }
  return sum === 0 ? Infinity : 10 * Math.log10((255 * 255) / (sum / count));
}

for (const file of corpus.filter((c) => c.args.includes("-l"))) {
  test(`lossless ${file.name}: exact pixels, turned and cropped as the file says`, async () => {
    const decoded = await stills.decodeAvif(file.bytes);
    const expected = expectedPixels(file);
    assert.deepEqual([decoded.width, decoded.height], [expected.width, expected.height]);
    assert.ok(decoded.data instanceof Uint8ClampedArray);
    assert.equal(psnr(decoded.data, expected.data, [0, 1, 2, 3]), Infinity);
  });
}

await initJsquash(await WebAssembly.compile(await readFile(new URL("node_modules/@jsquash/avif/codec/dec/avif_dec.wasm", root))));

test("lossy files decode as @jsquash/avif (libavif 1.0 + libaom) decodes them: every channel within 2 levels", async () => {
  for (const file of corpus.filter((c) => !c.args.includes("-l"))) {
    const ours = await stills.decodeAvif(file.bytes);
    const reference = await jsquashDecode(file.bytes.slice().buffer);
    assert.deepEqual([ours.width, ours.height], [reference.width, reference.height], file.name);
    let most = 0;
    for (let i = 0; i < ours.data.length; i++) most = Math.max(most, Math.abs(ours.data[i] - reference.data[i]));
    assert.ok(most <= 2, `${file.name}: a channel ${most} levels off`);
  }
});

for (const file of corpus.filter((c) => !c.args.includes("-l"))) {
  test(`lossy ${file.name}: close to the source`, async () => {
    const decoded = await stills.decodeAvif(file.bytes);
    const expected = expectedPixels(file);
    assert.deepEqual([decoded.width, decoded.height], [expected.width, expected.height]);
    if (file.args.includes("400")) {
      // Monochrome: grey pixels, following the source's brightness.
      for (let i = 0; i < decoded.data.length; i += 4) assert.ok(decoded.data[i] === decoded.data[i + 1] && decoded.data[i] === decoded.data[i + 2]);
      const luma = expected.data.map((v, i) => (i % 4 === 3 ? v : 0.299 * expected.data[i - (i % 4)] + 0.587 * expected.data[i - (i % 4) + 1] + 0.114 * expected.data[i - (i % 4) + 2]));
      assert.ok(psnr(decoded.data, luma, [0]) >= 30, `PSNR ${psnr(decoded.data, luma, [0]).toFixed(1)} dB`);
    } else {
      assert.ok(psnr(decoded.data, expected.data) >= 40, `PSNR ${psnr(decoded.data, expected.data).toFixed(1)} dB`);
    }
  });
}

test("a thumbnail is the full decode averaged down, aspect kept", async () => {
  const bytes = await readFile(new URL("content/assets/photos/kalatozov-stills/kalatozov-stills-12.avif", root));
  const full = await stills.decodeAvif(bytes);
  const thumb = await stills.decodeAvif(bytes, { maxWidth: 300, maxHeight: 300 });
  assert.deepEqual([full.width, full.height], [900, 1600]);
  assert.deepEqual([thumb.width, thumb.height], [169, 300]);
  // Box-average the full decode in JS and compare.
  const expected = new Uint8ClampedArray(thumb.data.length);
  const sx = full.width / thumb.width;
  const sy = full.height / thumb.height;
  for (let y = 0; y < thumb.height; y++) {
    for (let x = 0; x < thumb.width; x++) {
      let sum = 0;
      let weight = 0;
      for (let yy = Math.floor(y * sy); yy < Math.ceil((y + 1) * sy); yy++) {
        for (let xx = Math.floor(x * sx); xx < Math.ceil((x + 1) * sx); xx++) {
          const w = (Math.min(xx + 1, (x + 1) * sx) - Math.max(xx, x * sx)) * (Math.min(yy + 1, (y + 1) * sy) - Math.max(yy, y * sy));
          sum += full.data[(yy * full.width + xx) * 4] * w;
          weight += w;
        }
      }
      expected[(y * thumb.width + x) * 4] = sum / weight;
    }
  }
  assert.ok(psnr(thumb.data, expected, [0]) >= 45, `PSNR ${psnr(thumb.data, expected, [0]).toFixed(1)} dB`);
});

test("bad files are rejected with a reason, and the next good file still decodes", async () => {
  const [good] = corpus;
  const bad = {
    "zero bytes": new Uint8Array(0),
    "random bytes": Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) % 251),
    "a JPEG": Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]),
    "the header only": good.bytes.subarray(0, 400),
    "cut in the data": good.bytes.subarray(0, good.bytes.length - 300),
  };
  for (const [what, bytes] of Object.entries(bad)) {
    await assert.rejects(stills.decodeAvif(bytes), (error) => error instanceof Error && error.message.length > 10, what);
    const decoded = await stills.decodeAvif(good.bytes);
    assert.equal(decoded.width, good.width, `decodes after ${what}`);
  }
  await assert.rejects(stills.decodeAvif(good.bytes, { pixelLimit: 100_000 }), /megapixels: more than the limit/);
});

test("decoding the same photo again and again does not grow memory", async () => {
  const bytes = await readFile(new URL("content/assets/photos/kalatozov-stills/kalatozov-stills-13.avif", root));
  for (let i = 0; i < 3; i++) await stills.decodeAvif(bytes);
  const settled = await stills.memoryBytes();
  for (let i = 0; i < 15; i++) await stills.decodeAvif(bytes, { maxWidth: i % 2 ? 0 : 500 });
  assert.equal(await stills.memoryBytes(), settled);
});
