// Instantiates an Emscripten ES-module factory with its .wasm file. Browsers and workers stream-compile
// from the URL; node, whose fetch() cannot read file: URLs, is handed the bytes.

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
