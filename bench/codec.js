// AVIF decoding: stills' codec module (libavif 1.4.2 + dav1d, wasm) against @jsquash/avif 2.1 (libavif
// 1.0 + libaom, wasm) in one node process, on the sample photos and on 1920x1080 and 4000x3000 photos
// made here with avifenc. Prints, never asserts.   node bench/codec.js   (after scripts/build.sh)
import { execFile } from "node:child_process";
import { access, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { gzipSync, deflateSync, crc32 } from "node:zlib";
import jsquashDecode, { init as initJsquash } from "@jsquash/avif/decode.js";
import { createStills } from "../dist/stills.js";
import { photoPixels } from "./test-photo.js";

const root = new URL("../", import.meta.url);
const run = promisify(execFile);
const stills = await createStills();
await initJsquash(await WebAssembly.compile(await readFile(new URL("node_modules/@jsquash/avif/codec/dec/avif_dec.wasm", root))));

// The test photo as a PNG (RGB rows, each after its filter byte), for avifenc.
function photoPng(width, height) {
  const rgba = photoPixels(width, height);
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(stride * height);
  for (let p = 0; p < width * height; p++) {
    const row = Math.floor(p / width);
    for (let c = 0; c < 3; c++) raw[row * stride + 1 + (p % width) * 3 + c] = rgba[4 * p + c];
  }
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "latin1");
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 1 })), chunk("IEND", Buffer.alloc(0))]);
}

async function madePhoto(width, height) {
  const dir = new URL("build/bench-photos/", root);
  await mkdir(dir, { recursive: true });
  const avif = new URL(`photo-${width}x${height}.avif`, dir);
  try {
    await access(avif);
  } catch {
    const png = new URL(`photo-${width}x${height}.png`, dir);
    await writeFile(png, photoPng(width, height));
    await run("avifenc", ["-s", "8", "-j", "2", "--min", "20", "--max", "30", png.pathname, avif.pathname]);
  }
  return new Uint8Array(await readFile(avif));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function msPerCall(fn, repeats) {
  await fn();  // the first decode warms the module (about 2.5x slower)
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const sampleDir = new URL("content/assets/photos/kalatozov-stills/", root);
const samples = await Promise.all((await readdir(sampleDir)).filter((n) => n.endsWith(".avif")).sort()
  .map(async (name) => new Uint8Array(await readFile(new URL(name, sampleDir)))));
const sets = [
  ["18 sample photos (monochrome, ~1.6 MP)", samples, 5],
  ["1920x1080 (4:2:0)", [await madePhoto(1920, 1080)], 9],
  ["4000x3000 (4:2:0)", [await madePhoto(4000, 3000)], 5],
];

console.log("decode, ms per megapixel (median; lower is better)");
console.log("set".padEnd(42) + "jsquash".padStart(10) + "stills".padStart(10) + "ratio".padStart(8) +
  "  stills: AV1 / conversion" + "   quarter-width thumbnail vs own full");
for (const [name, photos, repeats] of sets) {
  let jsquash = 0;
  let ours = 0;
  let thumb = 0;
  let megapixels = 0;
  let av1 = 0;
  let conversion = 0;
  for (const bytes of photos) {
    const probe = stills.probeAvif(bytes, { complete: true });
    megapixels += (probe.width * probe.height) / 1e6;
    jsquash += await msPerCall(() => jsquashDecode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), repeats);
    ours += await msPerCall(() => stills.decodeAvif(bytes), repeats);
    thumb += await msPerCall(() => stills.decodeAvif(bytes, { maxWidth: Math.round(probe.displayWidth / 4) }), repeats);
    const split = await stills.decodeAvif(bytes);
    av1 += split.decodeMs;
    conversion += split.convertMs;
  }
  console.log(name.padEnd(42) + (jsquash / megapixels).toFixed(1).padStart(10) + (ours / megapixels).toFixed(1).padStart(10) +
    `${(ours / jsquash).toFixed(2)}x`.padStart(8) + `  ${(av1 / megapixels).toFixed(1)} / ${(conversion / megapixels).toFixed(1)}`.padEnd(28) +
    `${(thumb / ours).toFixed(2)}x`);
}

const gz = async (path) => gzipSync(await readFile(new URL(path, root)), { level: 9 }).length / 1024;
const jsquashSize = (await gz("node_modules/@jsquash/avif/codec/dec/avif_dec.wasm")) + (await gz("node_modules/@jsquash/avif/codec/dec/avif_dec.js"));
const oursSize = (await gz("dist/runtime/stills-codec.wasm")) + (await gz("dist/runtime/stills-codec.js"));
console.log(`codec module, gzip -9: stills ${oursSize.toFixed(1)} KB (goal 280), jsquash ${jsquashSize.toFixed(1)} KB`);

const big = await madePhoto(4000, 3000);
await stills.decodeAvif(big);
const before = await stills.memoryBytes();
for (let i = 0; i < 50; i++) await stills.decodeAvif(big);
console.log(`wasm memory after 1 and after 51 decodes of a 12 MP photo: ${(before / 2 ** 20).toFixed(0)} MiB, ` +
  `${((await stills.memoryBytes()) / 2 ** 20).toFixed(0)} MiB (core + codec)`);
