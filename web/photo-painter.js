// Puts one photo into its figure: the browser's <img>, or pixels decoded by the codec workers into a
// canvas of the box's device pixels, or an error tile with the file name. Galleries and cards share it.
import { PhotoBytes } from "./photo-bytes.js";

function fileName(url) {
  return decodeURIComponent(new URL(url, location.href).pathname.replace(/^.*\//, ""));
}

/** The browser decodes: an <img>, loaded lazily; `onError` when it cannot load or decode the file. */
export function showNative(figure, image, onError) {
  const img = document.createElement("img");
  img.alt = image.alt ?? "";
  if (image.caption) img.title = image.caption;
  img.loading = "lazy";
  img.decoding = "async";
  img.onload = () => figure.classList.remove("loading");
  img.onerror = () => onError(new Error("the browser could not load or decode it"));
  img.src = image.img;
  figure.replaceChildren(img);
}

/**
 * Fetches a photo, has the codec workers decode it (scaled down to fit maxWidth x maxHeight device
 * pixels; 0: full size) and paints it into `canvas`.
 */
export async function decodeInto(canvas, image, { pool, maxWidth = 0, maxHeight = 0, priority = 0, signal }) {
  const bytes = await new PhotoBytes(image.img, { signal }).all();
  const decoded = await pool.decode(bytes, { maxWidth, maxHeight, priority, signal });
  canvas.width = decoded.width;
  canvas.height = decoded.height;
  canvas.getContext("2d").putImageData(new ImageData(decoded.data, decoded.width, decoded.height), 0, 0);
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", image.alt ?? "");
  if (image.caption) canvas.title = image.caption;
}

/**
 * The codec workers decode, scaled down to `width` x `height` CSS pixels at the device's pixel ratio.
 * Rejects (AbortError included) without touching the figure.
 */
export async function showDecoded(figure, image, { pool, width, height, priority = 0, signal }) {
  const canvas = document.createElement("canvas");
  await decodeInto(canvas, image, {
    pool, maxWidth: Math.ceil(width * devicePixelRatio), maxHeight: Math.ceil(height * devicePixelRatio), priority, signal,
  });
  figure.replaceChildren(canvas);
  figure.classList.remove("loading");
}

/** The error tile: which photo, and why. */
export function showError(figure, image, error) {
  figure.classList.remove("loading");
  figure.classList.add("failed");
  const message = document.createElement("p");
  message.className = "photo-error";
  const name = document.createElement("strong");
  name.textContent = fileName(image.img);
  message.append(name, document.createElement("br"), String(error?.message ?? error));
  figure.replaceChildren(message);
}
