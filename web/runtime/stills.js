// The stills JS API: createStills() loads the core wasm module and returns plain functions over it.
// Works in browsers, module workers and node 20 with no arguments.
import { distUrl } from "./dist-root.js";
import { decodeImage } from "./image-decode.js";
import createStillsCore from "./stills-core.js";
import { visibleRangeOf } from "./visible-range.js";
import { instantiate, moduleOnFirstUse } from "./wasm-module.js";

/**
 * @typedef {{ severity: "error" | "warning" | "info", message: string, line: number, column: number }} Diagnostic
 *   line and column are 1-based, from the file's first line; columns count code points
 * @typedef {{ img: string, alt: string | null, caption: string | null, camera: string | null, width: number | null,
 *   height: number | null, line: number, column: number }} Image  line, column: where its img is written;
 *   camera: a camera line the author writes, shown instead of the photo's own Exif
 * @typedef {{ make?: string, model?: string, lens?: string, taken?: string, focalLength?: number, fNumber?: number,
 *   exposureTime?: number, iso?: number }} CameraFacts  from the photo's Exif: focalLength in mm,
 *   exposureTime in seconds, taken as Exif writes it ("2024:05:01 10:00:00")
 * @typedef {{ title: string | null, id: string, line: number, column: number, images: Image[] }} Gallery
 *   line, column: where the gallery is written
 * @typedef {{ title: string | null, excerpt: string | null, cardCover: string | null, date: string | null,
 *   timestamp: number | null, location: string | null, tags: string[], [key: string]: unknown }} Meta
 * @typedef {{ type: "html", html: string } | { type: "gallery", gallery: number }
 *   | { type: "notice", message: string }} Block
 * @typedef {{ meta: Meta, galleries: Gallery[], blocks: Block[],
 *   positions: Record<string, { line: number, column: number }>, diagnostics: Diagnostic[] }} Post
 *   positions: where each top-level frontmatter key's value is written
 */

const coreWasmUrl = distUrl("runtime/stills-core.wasm");

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Text goes into wasm as UTF-8 bytes and comes back as a view of UTF-8 bytes in wasm memory.
function utf8(input) {
  return typeof input === "string" ? encoder.encode(input) : bytesOf(input, "text or its UTF-8 bytes");
}

// What the core copies into wasm memory (natively: anything else would copy as nothing).
function bytesOf(input, expected = "the file's bytes (a Uint8Array)") {
  if (!(input instanceof Uint8Array)) throw new TypeError(`expected ${expected}`);
  return input;
}

// A post or YAML file's bytes, at most one more than the core reads (`limit`): the core cuts the text
// where its reader can say so, and a huge text is never copied into wasm memory whole.
function fileBytes(input, limit) {
  const bytes = utf8(typeof input === "string" && input.length > limit ? input.slice(0, limit + 1) : input);
  return bytes.length > limit + 1 ? bytes.subarray(0, limit + 1) : bytes;
}

function asText(input) {
  if (typeof input === "string") return input;
  return ArrayBuffer.isView(input) ? decoder.decode(input) : String(input);
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

// Why the core failed: a JS error has a message; a C++ exception that escaped it (memory ran out, say)
// arrives as a WebAssembly.Exception, which has none.
const failureReason = (error) => (error instanceof Error ? error.message : "the core stopped on an exception (out of memory?)");

// What parsePost returns if the core itself fails (it does not on any input we know of; this keeps a
// page alive should memory run out): the text, escaped, and an error saying so.
/** @returns {Post} */
function failedPost(input, error) {
  return {
    meta: { title: null, excerpt: null, cardCover: null, date: null, timestamp: null, location: null, tags: [] },
    galleries: [],
    positions: {},
    blocks: [{ type: "html", html: `<pre>${escapeHtml(asText(input))}</pre>` }],
    diagnostics: [{ severity: "error", message: `the post could not be parsed: ${failureReason(error)}`, line: 1, column: 1 }],
  };
}

/**
 * @param {{ coreWasmUrl?: string | URL }} [options]
 */
export async function createStills(options = {}) {
  const wasmUrl = new URL(options.coreWasmUrl ?? coreWasmUrl, coreWasmUrl);
  const core = await instantiate(createStillsCore, wasmUrl);

  // The codec module (libavif + dav1d) is loaded on the first decode only: pages whose browser decodes
  // AVIF itself never fetch it. The encoder (libavif + libaom, ~1 MB) on the first encode: the editor's.
  const codec = moduleOnFirstUse("stills-codec");
  const encoder = moduleOnFirstUse("stills-encoder");

  return {
    /**
     * Parses a post file (a string, or its UTF-8 bytes). Never throws on bad content: problems are in
     * `diagnostics`, with 1-based line and column in the file. A file longer than 1 MiB is read up to
     * its last line within that size, with an error on the first line left out.
     * @param {string | Uint8Array} text
     * @param {{ url?: string, base?: string, sourceLines?: boolean }} [options] url: where the post was
     *   fetched from (relative URLs resolve against it); base: the site's root, for root-relative paths
     *   such as /assets/x.avif; sourceLines: each top-level block of the HTML gets data-line="N", the file
     *   line it starts on (for an editor's scroll sync)
     * @returns {Post}
     */
    parsePost(text, { url = "", base = "", sourceLines = false } = {}) {
      try {
        return JSON.parse(decoder.decode(core.parsePost(fileBytes(text, core.maxFileBytes), String(url), String(base), false, Boolean(sourceLines))));
      } catch (error) {
        return failedPost(text, error);
      }
    },

    /**
     * Reads only a post's frontmatter: `meta`, `galleries` and the frontmatter's diagnostics, with no
     * Markdown rendered (`blocks` is empty). What an index page needs, at a fraction of the cost.
     * @param {string | Uint8Array} text
     * @param {{ url?: string, base?: string }} [options] as for parsePost
     * @returns {Post}
     */
    parseFrontmatter(text, { url = "", base = "" } = {}) {
      try {
        return JSON.parse(decoder.decode(core.parsePost(fileBytes(text, core.maxFileBytes), String(url), String(base), true, false)));
      } catch (error) {
        return { ...failedPost(text, error), blocks: [] };
      }
    },

    /**
     * Markdown to HTML. `plain: true` gives plain CommonMark HTML as the reference renderer writes it
     * (no extensions, ids or added attributes); otherwise the post renderer's HTML (GFM, heading ids,
     * lazy images, URLs resolved against `url`/`base`). Unsafe URL schemes are dropped in both.
     * @param {string | Uint8Array} text
     * @param {{ plain?: boolean, url?: string, base?: string }} [options]
     */
    renderMarkdown(text, { plain = false, url = "", base = "" } = {}) {
      return decoder.decode(core.renderMarkdown(utf8(text), Boolean(plain), String(url), String(base)));
    },

    /**
     * Parses a YAML file (such as content/index.yaml) as a JS reader would type it. Never throws:
     * problems are in `diagnostics`.
     * @param {string | Uint8Array} text
     * @returns {{ value: any, diagnostics: Diagnostic[] }}
     */
    parseYaml(text) {
      try {
        return JSON.parse(decoder.decode(core.parseYaml(fileBytes(text, core.maxFileBytes))));
      } catch (error) {
        return { value: null, diagnostics: [{ severity: "error", message: `the file could not be parsed: ${failureReason(error)}`, line: 1, column: 1 }] };
      }
    },

    /**
     * Lays a gallery out from its photos' aspect ratios (width / height), before any pixel arrives.
     * Modes: "rows" (justified, optimal breaks), "columns" (masonry), "grid" (uniform cropped cells).
     * A ratio that is not a positive number lays out as a square. Throws a RangeError for options
     * that allow no layout (no width, unknown mode).
     * @param {Float64Array | number[]} aspectRatios
     * @param {{ mode?: "rows" | "columns" | "grid", width: number, rowHeight?: number, minRowHeight?: number,
     *   maxRowHeight?: number, spacing?: number, spacingX?: number, spacingY?: number, padding?: number,
     *   lastRow?: "left" | "justify" | "center" | "hide", justifyThreshold?: number, orphanPenalty?: number,
     *   panoramaRatio?: number, panoramas?: Uint8Array, maxPerRow?: number, devicePixelRatio?: number,
     *   columns?: number, minColumnWidth?: number, cellAspectRatio?: number, focalPoints?: Float64Array }} options
     * @returns {{ boxes: Float64Array, rows: Int32Array, crops?: Float64Array, height: number, hidden: number,
     *   visibleRange: (top: number, bottom: number) => [number, number] }}
     */
    layout(aspectRatios, options) {
      const result = core.layout(aspectRatios, options ?? {});
      if (result.error) throw new RangeError(`stills.layout: ${result.error}`);
      result.visibleRange = visibleRangeOf(result.boxes);
      return result;
    },

    /**
     * What a photo's first bytes say about it, without decoding: enough to lay it out, and the
     * camera's facts from its Exif when the bytes reach that far (`exifEnd`: the first that many bytes
     * would; given only for an Exif that ends within the first 64 KiB, as libavif writes it). Pass the
     * bytes read so far; `{ needMore: n }` asks for the first n bytes (of the header: the size never
     * waits for the Exif). With `complete: true` the bytes are the whole file, and a header cut short
     * is an error.
     * @param {Uint8Array} bytes
     * @param {{ complete?: boolean }} [options]
     * @returns {{ width: number, height: number, displayWidth: number, displayHeight: number,
     *   rotation: 0 | 90 | 180 | 270, mirror: -1 | 0 | 1, bitDepth: number, hasAlpha: boolean, camera?: CameraFacts,
     *   exifEnd?: number }
     *   | { needMore: number } | { error: string }}
     */
    probeAvif(bytes, { complete = false } = {}) {
      return core.probeAvif(bytesOf(bytes), Boolean(complete));
    },

    /**
     * Decodes an AVIF file to RGBA (8-bit, straight alpha) as it is shown: clean aperture, rotation and
     * mirroring applied, and scaled down by area averaging to fit maxWidth x maxHeight when larger.
     * Rejects with an Error saying what is wrong for a file that cannot be decoded, or one larger than
     * pixelLimit pixels (0: the decoder's own limit, the one place it is set).
     * @param {Uint8Array} bytes the whole file
     * @param {{ maxWidth?: number, maxHeight?: number, pixelLimit?: number }} [options]
     * @returns {Promise<{ width: number, height: number, data: Uint8ClampedArray, decodeMs: number,
     *   convertMs: number }>} decodeMs: time in AV1 decoding; convertMs: colour conversion and the rest
     */
    async decodeAvif(bytes, { maxWidth = 0, maxHeight = 0, pixelLimit = 0 } = {}) {
      const result = (await codec.load()).decodeAvif(bytesOf(bytes), maxWidth, maxHeight, pixelLimit);
      if (result.error) throw new Error(result.error);
      return result;
    },

    /**
     * Encodes RGBA pixels (8 bits a channel, straight alpha, rows packed, as ImageData holds them) to
     * AVIF: 8-bit 4:2:0, sRGB, with no alpha plane when every pixel is opaque, and `exif` (the
     * original's Exif block, TIFF header first) kept in the file. Rejects with an Error saying why.
     * @param {Uint8Array | Uint8ClampedArray} rgba
     * @param {number} width
     * @param {number} height
     * @param {{ quality?: number, speed?: number, tune?: "ssim" | "psnr", exif?: Uint8Array | null }} [options]
     *   quality 0–100 (libavif's scale; default 60), speed 0–10 (slower is smaller; default 6), tune:
     *   libaom's (default ssim, which keeps photos sharper at the same size); the defaults are the core's
     * @returns {Promise<Uint8Array>}
     */
    async encodeAvif(rgba, width, height, { quality, speed, tune, exif = null } = {}) {
      const pixels = rgba instanceof Uint8ClampedArray ? new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.length) : rgba;
      const options = { quality, speed, tune, exif: exif === null ? null : bytesOf(exif, "the Exif block's bytes") };
      const result = (await encoder.load()).encodeAvif(bytesOf(pixels, "RGBA pixels"), width, height, options);
      if (result.error) throw new Error(result.error);
      return result.data;
    },

    /**
     * Decodes a photo file with the browser's own decoders (JPEG, PNG, WebP, AVIF: what it reads) to
     * RGBA, upright (its EXIF orientation applied) and scaled down, never up, to at most `longestEdge`
     * pixels on its longest side (0: any) and `pixelLimit` pixels. Browsers and workers only; rejects
     * with an Error saying what the browser cannot decode.
     * @param {Blob} file
     * @param {{ longestEdge?: number, pixelLimit?: number }} [limits] defaults: 2560 and 16 MP
     * @returns {Promise<{ width: number, height: number, data: Uint8ClampedArray }>}
     */
    decodeImage(file, limits = {}) {
      return decodeImage(file, limits);
    },

    /** Bytes of wasm memory the modules hold (memory only grows: a leak shows as growth). */
    async memoryBytes() {
      const loaded = await Promise.all([codec, encoder].filter((module) => module.started()).map((module) => module.load()));
      return loaded.reduce((sum, module) => sum + module.HEAP8.buffer.byteLength, core.HEAP8.buffer.byteLength);
    },
  };
}
