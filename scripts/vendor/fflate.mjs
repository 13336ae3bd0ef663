// What the editor takes from fflate (npm, pinned), bundled by esbuild into dist/vendor/fflate.js.
export { strToU8, zipSync } from "fflate";
