// Where the built files are (dist/): the folder above this module's. Every file a module loads by URL
// (wasm, a worker, a stylesheet, code loaded on first use) is named from here, relative to dist/, so
// the names hold too where the modules are bundled into one file at dist/'s top (stills-widget.js):
// the bundle's copy of this module says "./" instead (scripts/bundle.mjs).
export const DIST_ROOT = new URL("../", import.meta.url);

/** @param {string} path relative to dist/, such as "runtime/stills-core.wasm" */
export const distUrl = (path) => new URL(path, DIST_ROOT);
