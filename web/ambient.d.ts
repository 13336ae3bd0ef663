// Types for modules the build puts beside web/'s own: the wasm modules' Emscripten glue and the npm
// packages copied into vendor/. Only for `tsc`; nothing here is shipped.
declare module "*/stills-core.js" {
  const createStillsCore: (options: { wasmBinary?: ArrayBuffer | Uint8Array; locateFile?: () => string }) => Promise<any>;
  export default createStillsCore;
}
declare module "*/stills-codec.js" {
  const createStillsCodec: (options: { wasmBinary?: ArrayBuffer | Uint8Array; locateFile?: () => string }) => Promise<any>;
  export default createStillsCodec;
}
declare module "*/stills-encoder.js" {
  const createStillsEncoder: (options: { wasmBinary?: ArrayBuffer | Uint8Array; locateFile?: () => string }) => Promise<any>;
  export default createStillsEncoder;
}
declare module "*/vendor/exifr.js" {
  export { default } from "exifr";
}
declare module "*/vendor/purify.es.mjs" {
  export { default } from "dompurify";
}
declare module "*/vendor/fflate.js" {
  export { strToU8, zipSync } from "fflate";
}
declare module "*/vendor/codemirror.js" {
  export * from "@codemirror/state";
  export * from "@codemirror/view";
  export * from "@codemirror/commands";
  export * from "@codemirror/language";
  export * from "@codemirror/lang-markdown";
  export * from "@codemirror/lang-yaml";
  export * from "@codemirror/search";
  export * from "@codemirror/lint";
  export { tags } from "@lezer/highlight";
}
