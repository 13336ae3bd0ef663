// The layout API in node: the sample post's galleries at phone and desktop widths, typed-array results,
// visibleRange against a brute-force scan, and bad input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { loadStills, readSamplePost, root } from "./helpers.js";

const stills = await loadStills();

// The photo's size from its 'ispe' property (enough for these test files; the core's probe is the real one).
async function aspectRatio(path) {
  const bytes = await readFile(new URL(`content${path}`, root));
  const at = bytes.indexOf("ispe");
  return bytes.readUInt32BE(at + 8) / bytes.readUInt32BE(at + 12);
}

function boxesOf(result) {
  return Array.from({ length: result.boxes.length / 4 }, (_, i) => {
    const [x, y, w, h] = result.boxes.subarray(4 * i, 4 * i + 4);
    return { x, y, w, h };
  });
}

const post = stills.parsePost(await readSamplePost());
const galleries = await Promise.all(post.galleries.map((g) => Promise.all(g.images.map((i) => aspectRatio(i.img)))));

for (const [device, width, rowHeight] of [["phone", 390, 160], ["desktop", 1200, 280]]) {
  test(`the sample post's galleries on a ${device} (${width} px)`, () => {
    for (const ratios of galleries) {
      const result = stills.layout(new Float64Array(ratios), { width, rowHeight, spacing: 4, devicePixelRatio: 2 });
      assert.ok(result.boxes instanceof Float64Array && result.rows instanceof Int32Array);
      const boxes = boxesOf(result);
      assert.equal(boxes.length, ratios.length);
      for (const [i, b] of boxes.entries()) {
        assert.ok(b.x >= 0 && b.x + b.w <= width + 1e-9 && b.w > 0 && b.h > 0, `box ${i} inside`);
        for (const c of boxes.slice(i + 1)) {
          assert.ok(c.x >= b.x + b.w - 1e-9 || c.y >= b.y + b.h - 1e-9 || b.x >= c.x + c.w - 1e-9, `no overlap at ${i}`);
        }
      }
      const rowStarts = [...result.rows, boxes.length];
      let deviation = 0;
      for (let r = 0; r + 2 < rowStarts.length; r++) {
        const last = boxes[rowStarts[r + 1] - 1];
        const height = boxes[rowStarts[r]].h;
        assert.equal(last.x + last.w, width, `row ${r} fills the width`);
        assert.ok(height >= rowHeight / 2 && height <= 2 * rowHeight, `row ${r} within the default bounds`);
        deviation += Math.abs(height - rowHeight) / (rowStarts.length - 2);
      }
      assert.ok(deviation <= rowHeight / 4, `rows are near the target on average (${deviation.toFixed(1)} px off)`);
      assert.equal(result.height, Math.max(...boxes.map((b) => b.y + b.h)));
      assert.deepEqual(stills.layout(ratios, { width, rowHeight, spacing: 4, devicePixelRatio: 2 }).boxes, result.boxes);
    }
  });
}

test("visibleRange finds every photo in a band, rows and masonry alike", () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const ratios = Float64Array.from({ length: 5000 }, () => [1.5, 0.67, 1, 1.33, 3, 0.33][Math.floor(random() * 6)]);
  for (const mode of ["rows", "columns", "grid"]) {
    const result = stills.layout(ratios, { mode, width: 1000, rowHeight: 200, minColumnWidth: 200 });
    const boxes = boxesOf(result);
    for (let k = 0; k < 50; k++) {
      const top = random() * result.height;
      const bottom = top + 800;
      const [first, end] = result.visibleRange(top, bottom);
      const inBand = boxes.flatMap((b, i) => (b.y < bottom && b.y + b.h > top ? [i] : []));
      assert.ok(inBand.length > 0);
      assert.ok(first <= inBand[0] && end > inBand.at(-1), `${mode}: [${first}, ${end}) covers ${inBand[0]}..${inBand.at(-1)}`);
      assert.ok(end - first <= inBand.length + 12, `${mode}: the range is tight`);
    }
  }
});

test("a million photos lay out, and bad ratios become squares", () => {
  const million = new Float64Array(1_000_000).fill(1.5);
  const result = stills.layout(million, { width: 1200, rowHeight: 240 });
  assert.equal(result.boxes.length, 4_000_000);
  const odd = stills.layout([NaN, 0, -1, Infinity, 100, 0.01], { width: 800 });
  const boxes = boxesOf(odd);
  assert.ok(boxes.every((b) => [b.x, b.y, b.w, b.h].every(Number.isFinite) && b.x + b.w <= 800 + 1e-9));
  assert.equal(boxes[0].w, boxes[0].h);
});

test("options that allow no layout throw a RangeError", () => {
  assert.throws(() => stills.layout([1], { width: 0 }), RangeError);
  assert.throws(() => stills.layout([1], { width: 100, padding: 60 }), /padding/);
  assert.throws(() => stills.layout([1], { width: 100, mode: "spiral" }), /mode/);
  assert.deepEqual(stills.layout([], { width: 100 }).boxes, new Float64Array(0));
});

test("grid mode returns crops", () => {
  const result = stills.layout([2, 0.5], { mode: "grid", width: 410, columns: 2, spacing: 10, focalPoints: [1, 0.5, 0.5, 0] });
  assert.deepEqual([...result.crops], [0.5, 0, 0.5, 1, 0, 0, 1, 0.5]);
});
