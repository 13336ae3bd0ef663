// What every view on a page shares: the core, the decoder chosen for the page, the photo-size cache
// and one codec pool (started only when a photo is first decoded in wasm). One per page; dispose()
// ends the pool's workers.
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
 * @property {() => void} dispose
 */

/**
 * @param {{ decoder?: string | null, stills?: Awaited<ReturnType<typeof createStills>> }} [options]
 *   decoder: "native", "wasm" or "auto" (native where the browser decodes AVIF)
 * @returns {Promise<Services>}
 */
export async function createServices({ decoder = "auto", stills } = {}) {
  const [core, chosen] = await Promise.all([stills ?? createStills(), chooseDecoder(decoder)]);
  /** @type {CodecPool | null} */
  let pool = null;
  return {
    stills: core,
    decoder: chosen,
    sizes: new PhotoSizes(core),
    get pool() {
      return (pool ??= new CodecPool());
    },
    dispose() {
      pool?.dispose();
      pool = null;
    },
  };
}
