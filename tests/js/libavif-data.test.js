// The codec module on libavif's own test files (from the pinned source tarball): grids, sequences
// (first frame), alpha, 10/12-bit, gain maps, broken files. Whatever decodes has the size the probe
// reads; whatever does not gets a reason; nothing takes the module down.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { loadStills, root } from "./helpers.js";

const stills = await loadStills();
const dataDir = new URL(".cache/src/libavif/tests/data/", root);
const files = (await readdir(dataDir)).filter((name) => name.endsWith(".avif")).sort();

test("every libavif test file decodes to its probed size, or fails with a reason", async () => {
  assert.ok(files.length > 40);
  let decoded = 0;
  for (const name of files) {
    const bytes = new Uint8Array(await readFile(new URL(name, dataDir)));
    const probe = stills.probeAvif(bytes, { complete: true });
    try {
      const image = await stills.decodeAvif(bytes);
      decoded++;
      assert.equal(image.data.length, image.width * image.height * 4, name);
      if (!probe.error) assert.deepEqual([image.width, image.height], [probe.displayWidth, probe.displayHeight], name);
    } catch (error) {
      assert.ok(error instanceof Error && error.message.length > 10, `${name}: ${error}`);
    }
  }
  assert.ok(decoded >= 40, `${decoded} of ${files.length} decoded`);
  const sequence = new Uint8Array(await readFile(new URL("colors-animated-8bpc.avif", dataDir)));
  assert.ok((await stills.decodeAvif(sequence)).width > 0, "a sequence's first frame");
});
