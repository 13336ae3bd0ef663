// Which decoder paints photos: "native" (the browser's <img>), "wasm" (the codec workers), or "auto":
// native where the browser decodes AVIF, as tested once with a 1x1 lossless AVIF.

// A 1x1 lossless AVIF, as tests/avif/corpus.js makes it with avifenc.
const ONE_PIXEL_AVIF =
  "AAAAIGZ0eXBhdmlmAAAAAGF2aWZtaWYxbWlhZk1BMUEAAADybWV0YQAAAAAAAAAoaGRscgAAAAAAAAAAcGljdAAAAAAAAAAAAAAAAGxpYmF2aWYAAAAADnBpdG0AAAAAAAEAAAAeaWxvYwAAAABEAAABAAEAAAABAAABGgAAACAAAAAoaWluZgAAAAAAAQAAABppbmZlAgAAAAABAABhdjAxQ29sb3IAAAAAamlwcnAAAABLaXBjbwAAABRpc3BlAAAAAAAAAAEAAAABAAAAEHBpeGkAAAAAAwgICAAAAAxhdjFDgSAAAAAAABNjb2xybmNseAABAA0AAIAAAAAXaXBtYQAAAAAAAAABAAEEAQKDBAAAAChtZGF0EgAKBzgABhAQ0AIyExAAAEZnrRyQTkutj4EYB7oPBdM=";

let nativeSupport = null;

export function browserDecodesAvif() {
  nativeSupport ??= (async () => {
    try {
      const bytes = Uint8Array.from(atob(ONE_PIXEL_AVIF), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/avif" }));
      const ok = bitmap.width === 1 && bitmap.height === 1;
      bitmap.close();
      return ok;
    } catch {
      return false;
    }
  })();
  return nativeSupport;
}

/** @param {"auto" | "native" | "wasm" | string | null} asked */
export async function chooseDecoder(asked) {
  if (asked === "native" || asked === "wasm") return asked;
  return (await browserDecodesAvif()) ? "native" : "wasm";
}
