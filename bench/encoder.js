// AVIF encoding: stills' encoder module (libavif 1.4.2 + libaom 3.14.1, wasm, 8-bit only) against
// @jsquash/avif 2.1's (libavif 1.0 + libaom, wasm) in one node process, on a 2 MP and a 12 MP test photo
// at speeds 6, 8 and 10 with the same options (quality 60, 4:2:0, 8-bit, tune=ssim): seconds per
// megapixel, file size, PSNR against the source (both files decoded by stills' decoder), and our wasm
// memory after each; module sizes. Prints, never asserts.   node bench/encoder.js   (after scripts/build.sh)
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import jsquashEncode, { init as initJsquash } from "@jsquash/avif/encode.js";
import { createStills } from "../dist/stills.js";
import { photoPixels } from "./test-photo.js";

const root = new URL("../", import.meta.url);
const QUALITY = 60;
const SSIM = 2;  // @jsquash/avif's AVIFTune.ssim
const stills = await createStills();
await initJsquash(await WebAssembly.compile(await readFile(new URL("node_modules/@jsquash/avif/codec/enc/avif_enc.wasm", root))));

function psnr(a, b) {
  let squares = 0;
  for (let i = 0; i < a.length; i++) if (i % 4 !== 3) squares += (a[i] - b[i]) ** 2;
  return 10 * Math.log10((255 * 255) / (squares / (a.length * 0.75)));
}

const engines = {
  stills: (pixels, width, height, speed) => stills.encodeAvif(pixels, width, height, { quality: QUALITY, speed, tune: "ssim" }),
  "@jsquash/avif 2.1": async (pixels, width, height, speed) => new Uint8Array(await jsquashEncode({ data: pixels, width, height, colorSpace: "srgb" },
    { quality: QUALITY, speed, subsample: 1, tune: SSIM, bitDepth: 8 })),
};

await engines.stills(photoPixels(64, 64), 64, 64, 10);  // load and warm both modules
await engines["@jsquash/avif 2.1"](photoPixels(64, 64), 64, 64, 10);
console.log(`encode, quality ${QUALITY}, 4:2:0, 8-bit, tune=ssim (one run each)`);
console.log(`${"photo".padEnd(10)} ${"speed".padEnd(6)} ${"engine".padEnd(20)} ${"s/MP".padStart(6)} ${"KB".padStart(8)} ${"PSNR".padStart(7)}   ours / jsquash`);
for (const [width, height] of [[1920, 1080], [4000, 3000]]) {
  const pixels = photoPixels(width, height);
  const megapixels = (width * height) / 1e6;
  for (const speed of [6, 8, 10]) {
    const rows = {};
    for (const [name, encode] of Object.entries(engines)) {
      const start = performance.now();
      const file = await encode(pixels, width, height, speed);
      const seconds = (performance.now() - start) / 1000;
      const decoded = await stills.decodeAvif(file);
      rows[name] = { perMp: seconds / megapixels, kb: file.length / 1024, psnr: psnr(pixels, decoded.data) };
    }
    const [ours, theirs] = Object.values(rows);
    for (const [name, r] of Object.entries(rows)) {
      const ratio = name === "stills" ? `   time ${(ours.perMp / theirs.perMp).toFixed(2)}x, size ${(ours.kb / theirs.kb).toFixed(2)}x` : "";
      console.log(`${`${width}x${height}`.padEnd(10)} ${String(speed).padEnd(6)} ${name.padEnd(20)} ${ours === r || theirs === r ? r.perMp.toFixed(3).padStart(6) : ""} ${r.kb.toFixed(1).padStart(8)} ${r.psnr.toFixed(2).padStart(7)}${ratio}`);
    }
  }
  console.log(`  core + codec + encoder wasm memory after the ${width}x${height} encodes: ${((await stills.memoryBytes()) / 2 ** 20).toFixed(0)} MiB`);
}
const gzipKb = async (path) => gzipSync(await readFile(new URL(path, root)), { level: 9 }).length / 1024;
const ours = (await gzipKb("dist/runtime/stills-encoder.wasm")) + (await gzipKb("dist/runtime/stills-encoder.js"));
const theirs = (await gzipKb("node_modules/@jsquash/avif/codec/enc/avif_enc.wasm")) + (await gzipKb("node_modules/@jsquash/avif/codec/enc/avif_enc.js"));
console.log(`encoder module, wasm + glue, gzip -9: stills ${ours.toFixed(1)} KB (goal 1024), @jsquash/avif ${theirs.toFixed(1)} KB`);
