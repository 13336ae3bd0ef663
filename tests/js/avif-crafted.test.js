// AVIF files crafted from real ones (the avifenc corpus) to attack the probe and the decoder: a huge
// declared size, box sizes that overflow the file, a grid of many tiles, a grid that is its own tile,
// an item's properties listed twice, and every cut at a box boundary. Each gets a size or a reason,
// in bounded time and memory; none throws, traps or loops.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { boxes, findBox as find, patched, withDeclaredSize } from "../avif/boxes.js";
import { makeCorpus } from "../avif/corpus.js";
import { loadStills, root } from "./helpers.js";

const stills = await loadStills();
const corpus = await makeCorpus(fileURLToPath(new URL("build/avif-corpus", root)));
const bytesOf = (name) => corpus.find((c) => c.name === name).bytes;
await stills.decodeAvif(bytesOf("1x1"));  // the codec module loaded: growth measured below is the decodes' own
// Decodes in the wasm codec; the heap the decode leaves grown, in MiB (memory only grows, so this is
// what it ever took beyond what earlier decodes took).
async function decodeGrowth(bytes, options) {
  const before = await stills.memoryBytes();
  const started = performance.now();
  let outcome;
  try {
    const { width, height } = await stills.decodeAvif(bytes, options);
    outcome = { width, height };
  } catch (error) {
    outcome = { error: String(error.message) };
  }
  return { ...outcome, grownMiB: ((await stills.memoryBytes()) - before) / 2 ** 20, ms: performance.now() - started };
}

test("a declared size of 50,000 x 50,000 is what the probe reports, and the decoder refuses it before decoding", async () => {
  const huge = withDeclaredSize(bytesOf("8bit-420-odd"), 50000, 50000);
  assert.deepEqual(stills.probeAvif(huge), { width: 50000, height: 50000, displayWidth: 50000, displayHeight: 50000,
    rotation: 0, mirror: -1, bitDepth: 8, hasAlpha: false });
  const decoded = await decodeGrowth(huge, { maxWidth: 100, maxHeight: 100 });
  assert.match(decoded.error, /50000x50000, 2500 megapixels: more than the limit of 64|not a readable AVIF file/);
  assert.ok(decoded.grownMiB < 4, `${decoded.grownMiB} MiB`);
});

test("box sizes that run past the file, or claim 2^64 bytes, are errors when the file is whole and a bounded ask when not", async () => {
  const photo = bytesOf("8bit-420-odd");
  const cases = {
    "meta past the end": patched(photo, "meta", (view, box) => view.setUint32(box.start, 0xfffffff0)),
    "ispe of 4 GiB": patched(photo, "ispe", (view, box) => view.setUint32(box.start, 0xffffffff)),
    "ftyp of 2^64 bytes": (() => {
      const copy = new Uint8Array(photo.length + 8);
      copy.set(photo.subarray(0, 8));
      new DataView(copy.buffer).setUint32(0, 1);  // size 1: a 64-bit size follows
      new DataView(copy.buffer).setBigUint64(8, 0xffffffffffffff00n);
      copy.set(photo.subarray(8), 16);
      return copy;
    })(),
    "a box of size 7": patched(photo, "iinf", (view, box) => view.setUint32(box.start, 7)),
  };
  for (const [name, bytes] of Object.entries(cases)) {
    const whole = stills.probeAvif(bytes, { complete: true });
    assert.ok(whole.error || whole.width, `${name}: ${JSON.stringify(whole)}`);
    const partial = stills.probeAvif(bytes.subarray(0, 512));
    assert.ok(partial.error || partial.width || (partial.needMore > 512 && partial.needMore <= 2 ** 53), `${name}: ${JSON.stringify(partial)}`);
    const decoded = await decodeGrowth(bytes, { maxWidth: 64, maxHeight: 64 });
    assert.ok(decoded.error || decoded.width, name);
    assert.ok(decoded.grownMiB < 4, `${name}: ${decoded.grownMiB} MiB`);
  }
});

test("a grid declared as 256 x 256 tiles making 65,535 x 65,535 is refused, and a grid that is its own tile does not loop", async () => {
  const grid = bytesOf("grid-2x2");
  // The grid item's ImageGrid (version 0, flags 0, rows - 1, columns - 1, width, height as 16 bits),
  // wherever avifenc stored it: 2 x 2 tiles making 256 x 192.
  const imageGrid = [0, 0, 1, 1, 0x01, 0x00, 0x00, 0xc0];
  const fields = grid.findIndex((_, i) => imageGrid.every((b, j) => grid[i + j] === b));
  assert.ok(fields > 0, "the grid's ImageGrid is in the file");
  const many = grid.slice();
  const view = new DataView(many.buffer);
  view.setUint8(fields + 2, 255);  // 256 x 256 tiles, the most ImageGrid can say
  view.setUint8(fields + 3, 255);
  view.setUint16(fields + 4, 65535);
  view.setUint16(fields + 6, 65535);
  const probed = stills.probeAvif(many, { complete: true });  // the grid item's ispe still says 256 x 192
  assert.ok(probed.error || probed.width === 256, JSON.stringify(probed));
  const decoded = await decodeGrowth(many, { maxWidth: 64, maxHeight: 64 });
  assert.ok(decoded.error, JSON.stringify(decoded));
  assert.ok(decoded.grownMiB < 4, `${decoded.grownMiB} MiB`);

  // iref dimg: the grid item's tiles, made to name the grid itself.
  const iref = find(grid, "iref");
  const selfTiled = grid.slice();
  const refs = new DataView(selfTiled.buffer);
  const dimg = iref.start + 12;  // after the iref full box header: a reference box (size, 'dimg', from, count, to...)
  assert.equal(String.fromCharCode(...selfTiled.subarray(dimg + 4, dimg + 8)), "dimg");
  const from = refs.getUint16(dimg + 8);
  const count = refs.getUint16(dimg + 10);
  for (let i = 0; i < count; i++) refs.setUint16(dimg + 12 + 2 * i, from);
  const probedSelf = stills.probeAvif(selfTiled, { complete: true });
  assert.ok(probedSelf.error || probedSelf.width, JSON.stringify(probedSelf));
  const decodedSelf = await decodeGrowth(selfTiled, { maxWidth: 64, maxHeight: 64 });
  assert.ok(decodedSelf.error, JSON.stringify(decodedSelf));
});

test("an item whose properties ipma lists twice (the alpha file's alpha entry made to name the colour item) is refused by the probe and the decoder", async () => {
  const alpha = bytesOf("alpha");
  // ipma v0: version, flags, entry count, then per entry a 16-bit item, a count and 8-bit indices.
  const twice = patched(alpha, "ipma", (view, box) => {
    const first = box.start + 16;
    const second = first + 3 + view.getUint8(first + 2);
    assert.equal(view.getUint16(second), 2);
    view.setUint16(second, view.getUint16(first));
  });
  assert.deepEqual(stills.probeAvif(twice, { complete: true }), { error: "the file's 'meta' box is malformed" });
  const decoded = await decodeGrowth(twice, {});
  assert.ok(decoded.error, JSON.stringify(decoded));
});

test("every cut of a real file at a box boundary gives the probe a size, a bounded ask or a reason, and the decoder a reason", async () => {
  for (const name of ["8bit-420-odd", "alpha", "grid-2x2", "clap-irot1"]) {
    const bytes = bytesOf(name);
    const cuts = new Set(boxes(bytes).flatMap((box) => [box.start, box.start + box.headerSize, box.end - 1]));
    for (const cut of cuts) {
      const head = bytes.subarray(0, cut);
      const asked = stills.probeAvif(head);
      assert.ok(asked.width || asked.error || asked.needMore > cut, `${name} cut at ${cut}: ${JSON.stringify(asked)}`);
      const whole = stills.probeAvif(head, { complete: true });
      assert.ok(whole.width || whole.error, `${name} cut at ${cut}, complete: ${JSON.stringify(whole)}`);
      if (cut < bytes.length) {
        const decoded = await decodeGrowth(head, {});
        assert.ok(decoded.error, `${name} cut at ${cut} decoded`);
      }
    }
  }
});
