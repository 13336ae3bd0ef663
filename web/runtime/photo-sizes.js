// Every photo's size and camera facts, read once per page life from its first bytes and shared by all
// the views on the page: an editor that renders again on each keystroke, or two widgets showing the
// same photo, never probe twice. The bytes the probe read stay with the photo, so a decode in wasm goes on from them
// instead of fetching the file again from byte 0; once a photo has been read whole they are let go.
import { PhotoBytes } from "./photo-bytes.js";

/**
 * The first request. Headers from avifenc are 300–500 bytes (the sample photos need 268–405); one with
 * a large ICC profile or metadata in it takes a second request, for exactly the bytes still missing.
 */
export const PROBE_BYTES = 1024;
/** A header that asks for more than this is refused rather than fetched. */
export const MAX_HEADER_BYTES = 1 << 20;
/**
 * Probes in flight at once: a post of thousands of photos asks for them in turn instead of all at once
 * (a browser refuses requests past a few thousand pending, and the first photos would wait behind all).
 */
export const MAX_PROBES_IN_FLIGHT = 16;

export class PhotoSizes {
  #stills;
  #photos = new Map();  // url -> { probe: Promise<{ width, height, camera, exifEnd }>, bytes: PhotoBytes | null, camera? }
  #probing = 0;
  /** @type {Array<() => void>} probes waiting for a place, oldest first */
  #waiting = [];

  /** @param {{ probeAvif: (bytes: Uint8Array, options?: { complete?: boolean }) => any }} stills */
  constructor(stills) {
    this.#stills = stills;
  }

  /**
   * The photo's size as shown (rotation and crop applied). Rejects, saying why, when its header
   * cannot be read; asked again, the same answer comes back without a request.
   * @param {string} url
   * @returns {Promise<{ width: number, height: number }>}
   */
  sizeOf(url) {
    return this.#photo(url).probe.then(({ width, height }) => ({ width, height }));
  }

  /**
   * The camera's facts the photo's Exif gives (null when it gives none): from the bytes its size was
   * read from, or, when the Exif goes on past them (a camera's maker notes), one more request for the
   * rest, made only now (laying out never waits for it).
   * @param {string} url
   * @returns {Promise<import("./stills.js").CameraFacts | null>}
   */
  async cameraOf(url) {
    const photo = this.#photo(url);
    const { camera, exifEnd } = await photo.probe;
    if (camera || !exifEnd) return camera;
    photo.camera ??= this.#readCamera(url, exifEnd);
    return photo.camera;
  }

  async #readCamera(url, exifEnd) {
    const bytes = new PhotoBytes(url);
    try {
      const head = await bytes.head(exifEnd);
      return this.#stills.probeAvif(head.bytes, { complete: head.complete }).camera ?? null;
    } finally {
      bytes.release();
    }
  }

  /**
   * The photo's whole file, going on from the bytes already read.
   * @param {string} url
   * @param {{ signal?: AbortSignal }} [options]
   * @returns {Promise<Uint8Array>}
   */
  async read(url, { signal } = {}) {
    const photo = this.#photo(url);
    photo.bytes ??= new PhotoBytes(url);
    const bytes = await photo.bytes.all({ signal });
    photo.bytes = null;  // the caller has the file now; holding it here would keep every photo in memory
    return bytes;
  }

  #photo(url) {
    let photo = this.#photos.get(url);
    if (!photo) {
      photo = { probe: null, bytes: new PhotoBytes(url) };
      photo.probe = this.#probe(photo.bytes);
      photo.probe.catch(() => {});  // a failure is the caller's to show, when it asks
      this.#photos.set(url, photo);
    }
    return photo;
  }

  async #probe(bytes) {
    if (this.#probing >= MAX_PROBES_IN_FLIGHT) await new Promise((resolve) => this.#waiting.push(() => resolve(undefined)));
    this.#probing++;
    try {
      let wanted = PROBE_BYTES;
      for (;;) {
        const head = await bytes.head(wanted);
        const result = this.#stills.probeAvif(head.bytes, { complete: head.complete });
        if (result.error) throw new Error(result.error);
        if (!result.needMore) {
          return { width: result.displayWidth, height: result.displayHeight, camera: result.camera ?? null, exifEnd: result.exifEnd ?? 0 };
        }
        // An answer that asks for no more than is read would ask again forever.
        if (result.needMore <= head.bytes.length) {
          throw new Error(`the AVIF header asks for ${result.needMore} bytes with ${head.bytes.length} read`);
        }
        if (result.needMore > MAX_HEADER_BYTES) {
          throw new Error(`the AVIF header is larger than ${MAX_HEADER_BYTES} bytes`);
        }
        // At least twice what is read: a header of many small boxes, each answer asking a little
        // more, costs a few requests (at most 11 up to 1 MiB), not one per box.
        wanted = Math.min(Math.max(result.needMore, 2 * head.bytes.length), MAX_HEADER_BYTES);
      }
    } finally {
      bytes.release();
      this.#probing--;
      this.#waiting.shift()?.();
    }
  }
}
