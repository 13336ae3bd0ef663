// Puts one photo into its figure: the browser's <img>, or pixels decoded by the codec workers into a
// canvas of the box's device pixels, or an error tile with the file name. Galleries and cards share it.
import { element, withPart } from "./element.js";

/** The file name a reader recognises, whatever the URL (even one no URL parser takes). */
function fileName(url) {
  const name = String(url).replace(/[?#].*$/, "").replace(/^.*\//, "") || String(url);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;  // a bad percent-escape (100%.avif) is shown as written
  }
}

/**
 * The browser decodes: an <img>, loaded lazily.
 * @param {HTMLElement} figure
 * @param {{ img: string, alt?: string | null, caption?: string | null }} image
 * @param {{ onPainted?: () => void, onError: (error: Error) => void }} callbacks
 */
export function showNative(figure, image, { onPainted, onError }) {
  const img = document.createElement("img");
  img.alt = image.alt ?? "";
  if (image.caption) img.title = image.caption;
  img.loading = "lazy";
  img.decoding = "async";
  img.onload = () => {
    figure.classList.remove("loading");
    onPainted?.();
  };
  img.onerror = () => onError(new Error("the browser could not load or decode it"));
  img.src = image.img;
  figure.replaceChildren(img);
}

/**
 * Reads a photo (going on from the bytes its probe read), has the codec workers decode it (scaled
 * down to fit maxWidth x maxHeight device pixels; 0: full size) and paints it into `canvas`.
 * @param {HTMLCanvasElement} canvas
 * @param {{ img: string, alt?: string | null, caption?: string | null }} image
 * @param {{ services: import("../runtime/services.js").Services, maxWidth?: number, maxHeight?: number,
 *   priority?: number, signal?: AbortSignal }} options
 */
export async function decodeInto(canvas, image, { services, maxWidth = 0, maxHeight = 0, priority = 0, signal }) {
  const bytes = await services.sizes.read(image.img, { signal });
  const decoded = await services.pool.decode(bytes, { maxWidth, maxHeight, priority, signal });
  canvas.width = decoded.width;
  canvas.height = decoded.height;
  const pixels = /** @type {Uint8ClampedArray<ArrayBuffer>} */ (decoded.data);
  canvas.getContext("2d")?.putImageData(new ImageData(pixels, decoded.width, decoded.height), 0, 0);
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", image.alt ?? "");
  if (image.caption) canvas.title = image.caption;
}

/**
 * The codec workers decode, scaled down to `width` x `height` CSS pixels at the device's pixel ratio.
 * Rejects (AbortError included) without touching the figure.
 * @param {HTMLElement} figure
 * @param {{ img: string, alt?: string | null, caption?: string | null }} image
 * @param {{ services: import("../runtime/services.js").Services, width: number, height: number,
 *   priority?: number, signal?: AbortSignal }} options
 */
export async function showDecoded(figure, image, { services, width, height, priority = 0, signal }) {
  const canvas = document.createElement("canvas");
  await decodeInto(canvas, image, {
    services, maxWidth: Math.ceil(width * devicePixelRatio), maxHeight: Math.ceil(height * devicePixelRatio), priority, signal,
  });
  figure.replaceChildren(canvas);
  figure.classList.remove("loading");
}

/**
 * The error tile: which photo, and why.
 * @param {HTMLElement} figure
 * @param {{ img: string }} image
 * @param {unknown} error
 */
export function showError(figure, image, error) {
  figure.classList.remove("loading");
  figure.classList.add("failed");
  withPart(figure, "photo photo-failed");
  const message = element("p", "photo-error");
  message.append(element("strong", null, fileName(image.img)), document.createElement("br"),
    String(/** @type {any} */ (error)?.message ?? error));
  figure.replaceChildren(message);
}
