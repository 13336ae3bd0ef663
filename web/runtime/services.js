// What every view on a page shares: the core, the photo-size cache and one codec pool (started only
// when a photo is first decoded in wasm). A page makes one hub; each front end (a site, an editor, or
// every widget on a page) takes its Services from it with the decoder it asks for, and disposes them
// when done. The pool's workers end when the last user lets go.
import { CodecPool } from "./codec-pool.js";
import { chooseDecoder } from "./decoder-choice.js";
import { PhotoSizes } from "./photo-sizes.js";
import { createStills } from "./stills.js";

/**
 * @typedef {object} Services
 * @property {Awaited<ReturnType<typeof createStills>>} stills
 * @property {"native" | "wasm"} decoder
 * @property {PhotoSizes} sizes
 * @property {CodecPool} pool
 * @property {() => void} dispose lets go of the hub (once; later calls do nothing)
 */

/**
 * @param {{ stills?: Awaited<ReturnType<typeof createStills>>, pool?: () => CodecPool }} [options]
 *   pool: makes the codec pool (when first needed, and again after the last user let go)
 */
export function createServiceHub({ stills, pool: makePool = () => new CodecPool() } = {}) {
  /** @type {Promise<{ stills: Awaited<ReturnType<typeof createStills>>, sizes: PhotoSizes }> | null} */
  let shared = null;
  /** @type {CodecPool | null} */
  let pool = null;
  let users = 0;

  const load = () => {
    shared ??= (stills ? Promise.resolve(stills) : createStills()).then(
      (core) => ({ stills: core, sizes: new PhotoSizes(core) }),
      (error) => {
        shared = null;  // the next user tries again
        throw error;
      });
    return shared;
  };

  // Checked a moment later, so a widget moved in the DOM (let go, then taken again at once) keeps the
  // workers it had.
  const release = () => {
    users--;
    queueMicrotask(() => {
      if (users > 0 || !pool) return;
      pool.dispose();
      pool = null;
    });
  };

  return {
    /** Users not yet disposed. */
    get users() {
      return users;
    },

    /**
     * @param {string | null} [decoder] "native", "wasm" or "auto" (native where the browser decodes AVIF)
     * @returns {Promise<Services>}
     */
    async acquire(decoder = "auto") {
      users++;
      let core, chosen;
      try {
        [core, chosen] = await Promise.all([load(), chooseDecoder(decoder)]);
      } catch (error) {
        release();
        throw error;
      }
      let disposed = false;
      return {
        stills: core.stills,
        decoder: chosen,
        sizes: core.sizes,
        get pool() {
          return (pool ??= makePool());
        },
        dispose() {
          if (disposed) return;
          disposed = true;
          release();
        },
      };
    },
  };
}

/**
 * Services of their own, for a page with one front end (a site, an editor).
 * @param {{ decoder?: string | null, stills?: Awaited<ReturnType<typeof createStills>> }} [options]
 * @returns {Promise<Services>}
 */
export function createServices({ decoder = "auto", stills } = {}) {
  return createServiceHub({ stills }).acquire(decoder);
}
