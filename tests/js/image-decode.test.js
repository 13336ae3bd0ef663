// The size a photo is encoded at: scaled down, never up, to the longest edge and the pixel limit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_LONGEST_EDGE, ENCODE_PIXEL_LIMIT, scaledSize } from "../../web/runtime/image-decode.js";

test("a camera's 24 MP photo is scaled to the default longest edge, keeping its shape", () => {
  assert.equal(DEFAULT_LONGEST_EDGE, 2560);
  assert.deepEqual(scaledSize(6000, 4000), { width: 2560, height: 1706 });
  assert.deepEqual(scaledSize(4000, 6000), { width: 1706, height: 2560 });
});

test("a photo smaller than the limits keeps its size: nothing is scaled up", () => {
  assert.deepEqual(scaledSize(1600, 1067), { width: 1600, height: 1067 });
  assert.deepEqual(scaledSize(1600, 1067, { longestEdge: 0 }), { width: 1600, height: 1067 });
});

test("at full size (no longest edge) a photo over the pixel limit is scaled to fit it, not refused", () => {
  const { width, height } = scaledSize(9504, 6336, { longestEdge: 0 });  // 60 MP
  assert.ok(width * height <= ENCODE_PIXEL_LIMIT, `${width} x ${height}`);
  assert.ok(width * height > ENCODE_PIXEL_LIMIT * 0.999, "and no smaller than it must be");
  assert.equal(Math.round((width / height) * 100), Math.round((9504 / 6336) * 100));
});
