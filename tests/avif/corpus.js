// The AVIF test corpus: small images written as PNG here, encoded by Debian's avifenc with every
// property the probe and decoder must handle, each with what it must report. Made at test time into a
// folder of the build (nothing binary is committed); avifenc comes from libavif-bin.
import { execFile } from "node:child_process";
import { mkdir, writeFile, readFile, access } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { crc32, deflateSync } from "node:zlib";

const run = promisify(execFile);

function chunk(type, data) {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(data.length, 0);
  header.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([header.subarray(4), data])), 0);
  return Buffer.concat([header, data, crc]);
}

// The test image: a diagonal gradient (and a radial alpha when asked), each channel in [0, 1].
export function gradientPixel(x, y, width, height, alpha) {
  const values = [x / Math.max(1, width - 1), y / Math.max(1, height - 1), (x + y) / Math.max(1, width + height - 2)];
  if (alpha) values.push(1 - Math.min(1, Math.hypot(x / width - 0.5, y / height - 0.5) * 2));
  return values;
}

// The gradient as RGBA8, as a decoder should return it for a lossless file.
export function gradientRgba(width, height, alpha) {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const values = gradientPixel(x, y, width, height, alpha);
      for (let c = 0; c < 4; c++) rgba[(y * width + x) * 4 + c] = c < values.length ? Math.round(values[c] * 255) : 255;
    }
  }
  return rgba;
}

// The gradient as a PNG, 8 or 16 bits per channel.
export function gradientPng(width, height, { alpha = false, sixteen = false } = {}) {
  const channels = alpha ? 4 : 3;
  const bytes = sixteen ? 2 : 1;
  const max = sixteen ? 65535 : 255;
  const stride = 1 + width * channels * bytes;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0;  // no filter
    for (let x = 0; x < width; x++) {
      gradientPixel(x, y, width, height, alpha).forEach((v, c) => {
        const at = y * stride + 1 + (x * channels + c) * bytes;
        if (sixteen) raw.writeUInt16BE(Math.round(v * max), at);
        else raw[at] = Math.round(v * max);
      });
    }
  }
const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = sixteen ? 16 : 8;
  ihdr[9] = alpha ? 6 : 2;  // RGBA or RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const base = { rotation: 0, mirror: -1, bitDepth: 8, hasAlpha: false };

// name, source size and kind, avifenc arguments, what the probe must report. The cases that test
// geometry are lossless (-l: 4:4:4, identity matrix), so a decoder must return the exact pixels.
export const corpusCases = [
  ["8bit-420-odd", [1203, 799], {}, ["-d", "8", "-y", "420"], { width: 1203, height: 799, displayWidth: 1203, displayHeight: 799 }],
  ["1x1", [1, 1], {}, ["-l"], { width: 1, height: 1, displayWidth: 1, displayHeight: 1 }],
  ["10bit-444", [64, 48], { sixteen: true }, ["-d", "10", "-y", "444"], { width: 64, height: 48, displayWidth: 64, displayHeight: 48, bitDepth: 10 }],
  ["12bit-400", [64, 48], { sixteen: true }, ["-d", "12", "-y", "400"], { width: 64, height: 48, displayWidth: 64, displayHeight: 48, bitDepth: 12 }],
  ["alpha", [80, 60], { alpha: true }, ["-l"], { width: 80, height: 60, displayWidth: 80, displayHeight: 60, hasAlpha: true }],
  ["irot1", [80, 60], {}, ["-l", "--irot", "1"], { width: 80, height: 60, displayWidth: 60, displayHeight: 80, rotation: 90 }],
  ["irot2", [80, 60], {}, ["-l", "--irot", "2"], { width: 80, height: 60, displayWidth: 80, displayHeight: 60, rotation: 180 }],
  ["irot3", [80, 60], {}, ["-l", "--irot", "3"], { width: 80, height: 60, displayWidth: 60, displayHeight: 80, rotation: 270 }],
  ["imir0", [80, 60], {}, ["-l", "--imir", "0"], { width: 80, height: 60, displayWidth: 80, displayHeight: 60, mirror: 0 }],
  ["imir1", [80, 60], {}, ["-l", "--imir", "1"], { width: 80, height: 60, displayWidth: 80, displayHeight: 60, mirror: 1 }],
  ["clap", [200, 120], {}, ["-l", "--crop", "10,20,100,50"], { width: 200, height: 120, displayWidth: 100, displayHeight: 50 }],
  ["clap-irot1", [200, 120], {}, ["-l", "--crop", "10,20,100,50", "--irot", "1"], { width: 200, height: 120, displayWidth: 50, displayHeight: 100, rotation: 90 }],
  ["grid-2x2", [256, 192], {}, ["-l", "-g", "2x2"], { width: 256, height: 192, displayWidth: 256, displayHeight: 192 }],
].map(([name, [width, height], source, args, expect]) => ({ name, width, height, source, args, expect: { ...base, ...expect } }));

// Writes the corpus into `dir` (once) and returns the cases with their file paths.
export async function makeCorpus(dir) {
  await mkdir(dir, { recursive: true });
  return Promise.all(corpusCases.map(async (c) => {
    const file = join(dir, `${c.name}.avif`);
    try {
      await access(file);
    } catch {
      const png = join(dir, `${c.name}.png`);
      await writeFile(png, gradientPng(c.width, c.height, c.source));
      await run("avifenc", ["-s", "10", "-j", "1", ...c.args, png, file]);
    }
    return { ...c, file, bytes: new Uint8Array(await readFile(file)) };
  }));
}
