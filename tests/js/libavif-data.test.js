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

// The files libavif 1.4.2 (pinned) refuses even with strict checks off; Chromium refuses them too.
const refused = {
  "clap_irot_imir_non_essential.avif": /^not a readable AVIF file: BMFF parsing failed: .*clap property association which must be marked essential/,
  "color_grid_alpha_grid_tile_shared_in_dimg.avif": /^not a readable AVIF file: Not implemented/,
  "seine_sdr_gainmap_gammazero.avif": /^not a readable AVIF file: Invalid tone mapped image item: Per-channel gamma is 0/,
  "sofa_grid1x5_420_dimg_repeat.avif": /^not a readable AVIF file: Invalid image grid/,
  "supported_gainmap_writer_version_with_extra_bytes.avif": /^not a readable AVIF file: Invalid tone mapped image item/,
};

test("every libavif test file decodes to its probed size, or fails with its own reason", async () => {
  assert.ok(files.length > 40);
  let decoded = 0;
  const failed = [];
  for (const name of files) {
    const bytes = new Uint8Array(await readFile(new URL(name, dataDir)));
    const probe = stills.probeAvif(bytes, { complete: true });
    try {
      const image = await stills.decodeAvif(bytes);
      decoded++;
      assert.equal(image.data.length, image.width * image.height * 4, name);
      if (!probe.error) assert.deepEqual([image.width, image.height], [probe.displayWidth, probe.displayHeight], name);
    } catch (error) {
      failed.push(name);
      assert.ok(error instanceof Error, name);
      assert.match(error.message, refused[name] ?? /^no failure expected$/, name);
    }
  }
  assert.deepEqual(failed, Object.keys(refused));
  assert.ok(decoded >= 40, `${decoded} of ${files.length} decoded`);
  const sequence = new Uint8Array(await readFile(new URL("colors-animated-8bpc.avif", dataDir)));
  assert.ok((await stills.decodeAvif(sequence)).width > 0, "a sequence's first frame");
});
