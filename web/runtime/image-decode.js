// A camera's or phone's photo (JPEG, PNG, WebP: whatever the browser itself decodes) to RGBA, upright
// (its EXIF orientation applied) and scaled down to what a photo blog shows. Browser and worker only:
// createImageBitmap and OffscreenCanvas do the work, off the main thread where they can.

/** Longest edge a photo is encoded at by default: a blog rarely needs more, and it cuts encoding ~4x. */
export const DEFAULT_LONGEST_EDGE = 2560;

/** Pixels an encode takes at most, whatever the longest edge asked for: libaom peaks near 38 bytes a pixel. */
export const ENCODE_PIXEL_LIMIT = 16_000_000;

/**
 * The size a `width` x `height` photo is encoded at: scaled down (never up, keeping its shape) so that its
 * longest edge is at most `longestEdge` (0: no such limit) and it has at most `pixelLimit` pixels.
 * @param {number} width
 * @param {number} height
 * @param {{ longestEdge?: number, pixelLimit?: number }} [limits]
 */
export function scaledSize(width, height, { longestEdge = DEFAULT_LONGEST_EDGE, pixelLimit = ENCODE_PIXEL_LIMIT } = {}) {
  const byEdge = longestEdge > 0 ? longestEdge / Math.max(width, height) : 1;
  const byPixels = Math.sqrt(pixelLimit / (width * height));
  const scale = Math.min(1, byEdge, byPixels);
  if (scale === 1) return { width, height };
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

/** The browser's decode of `file`, upright; rejects saying the browser cannot read it. */
async function bitmapOf(file) {
  if (typeof createImageBitmap !== "function") throw new Error("decoding images needs a browser (createImageBitmap)");
  try {
    return await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    throw new Error(`this browser cannot decode ${describe(file)}`);
  }
}

// "a HEIC photo", "image/tiff", "this file": what a message calls the file.
function describe(file) {
  if (isHeic(file)) return "HEIC photos";
  return file.type ? `${file.type} files` : "this file";
}

/** Whether `file` is HEIC/HEIF by its type or name (iPhones' photos; only Safari decodes them). */
export const isHeic = (file) => /^image\/hei[cf]/.test(file.type) || /\.(heic|heif)$/i.test(/** @type {File} */ (file).name ?? "");

/**
 * The size `file` shows at, upright, as the browser decodes it.
 * @param {Blob} file
 * @returns {Promise<{ width: number, height: number }>}
 */
export async function imageSize(file) {
  const bitmap = await bitmapOf(file);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return size;
}

/**
 * Decodes `file` with the browser's own decoders: RGBA (8-bit, straight alpha, sRGB), upright, scaled
 * down to `scaledSize(…, limits)`. Rejects with an Error saying what the browser cannot decode.
 * @param {Blob} file
 * @param {{ longestEdge?: number, pixelLimit?: number }} [limits]
 * @returns {Promise<{ width: number, height: number, data: Uint8ClampedArray }>}
 */
export async function decodeImage(file, limits = {}) {
  const bitmap = await bitmapOf(file);
  try {
    const { width, height } = scaledSize(bitmap.width, bitmap.height, limits);
    const canvas = new OffscreenCanvas(width, height);
    const context = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext("2d", { willReadFrequently: true }));
    context.imageSmoothingQuality = "high";
    context.drawImage(bitmap, 0, 0, width, height);
    return { width, height, data: context.getImageData(0, 0, width, height).data };
  } finally {
    bitmap.close();
  }
}
