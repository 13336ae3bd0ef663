// probeAvif on the avifenc corpus: sizes, rotation, mirroring, clean aperture, depth, alpha and grids;
// truncated files ask for more or fail when complete; what is not AVIF gets an error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { makeCorpus } from "../avif/corpus.js";
import { loadStills, root } from "./helpers.js";

const stills = await loadStills();
const corpus = await makeCorpus(fileURLToPath(new URL("build/avif-corpus", root)));

for (const { name, bytes, expect } of corpus) {
  test(`probe: ${name}`, () => {
    assert.deepEqual(stills.probeAvif(bytes), expect);
  });
}

test("a truncated header asks for more, then the answer is the same", () => {
  for (const { name, bytes, expect } of corpus) {
    let have = 0;
    let result = stills.probeAvif(bytes.subarray(0, have));
    for (let steps = 0; result.needMore && steps < 10; steps++) {
      assert.ok(result.needMore > have && result.needMore <= bytes.length + 16, `${name}: asks for ${result.needMore}`);
      have = Math.min(result.needMore, bytes.length);
      result = stills.probeAvif(bytes.subarray(0, have));
    }
    assert.deepEqual(result, expect, name);
    assert.ok(have < bytes.length || bytes.length < 400, `${name}: the probe read ${have} of ${bytes.length} bytes`);
  }
});

test("complete files cut short, empty files, random bytes and a JPEG get errors", () => {
  const [{ bytes }] = corpus;
  for (const cut of [0, 7, 20, 40, 100, 200]) {
    const result = stills.probeAvif(bytes.subarray(0, cut), { complete: true });
    assert.match(result.error ?? "", /ends at byte|not an AVIF/, `cut at ${cut}`);
  }
  let seed = 3;
  const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) >> 16);
  assert.match(stills.probeAvif(random, { complete: true }).error, /not an AVIF/);
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0, 0]);
  assert.match(stills.probeAvif(jpeg, { complete: true }).error, /not an AVIF file: it does not begin with an 'ftyp' box/);
  const heic = new Uint8Array([0, 0, 0, 24, ...Buffer.from("ftypheic"), 0, 0, 0, 0, ...Buffer.from("mif1heic")]);
  assert.match(stills.probeAvif(heic).error, /brands: heic, mif1, heic/);
});

test("a sample photo probes to its real size, then to its camera's facts once the bytes reach its Exif's end", async () => {
  const { readFile } = await import("node:fs/promises");
  const bytes = await readFile(new URL("content/assets/photos/kalatozov-stills/kalatozov-stills-2.avif", root));
  assert.deepEqual(stills.probeAvif(bytes.subarray(0, 4096)), {
    width: 800, height: 1600, displayWidth: 800, displayHeight: 1600, rotation: 0, mirror: -1, bitDepth: 8, hasAlpha: false,
    exifEnd: 7039,
  });
  assert.deepEqual(stills.probeAvif(bytes.subarray(0, 7039)).camera, {
    make: "OLYMPUS IMAGING CORP.", model: "E-M1", taken: "2015:09:06 18:46:57", focalLength: 7, fNumber: 4.5, exposureTime: 1 / 15, iso: 200,
  });
});
