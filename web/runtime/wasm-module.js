// Instantiates an Emscripten ES-module factory with its .wasm file, at once or on first use. Browsers
// and workers stream-compile from the URL; node, whose fetch() cannot read file: URLs, is handed the bytes.
import { distUrl } from "./dist-root.js";

function isNode() {
  return typeof process === "object" && typeof process.versions?.node === "string";
}

/**
 * @param {(args: object) => Promise<any>} factory
 * @param {URL} wasmUrl
 */
export async function instantiate(factory, wasmUrl) {
  if (isNode() && wasmUrl.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return factory({ wasmBinary: await readFile(wasmUrl) });
  }
  return factory({ locateFile: () => wasmUrl.href });
}

// A wasm module of dist/runtime loaded when first asked for (a failed load is tried again next time).
export function moduleOnFirstUse(name) {
  let loaded = null;
  return {
    started: () => loaded !== null,
    load() {
      loaded ??= import(distUrl(`runtime/${name}.js`).href)
        .then(({ default: factory }) => instantiate(factory, distUrl(`runtime/${name}.wasm`)))
        .catch((error) => {
          loaded = null;
          throw error;
        });
      return loaded;
    },
  };
}
