// The public JS API at its published path, dist/stills.js: the runtime's createStills.
export { createStills } from "./runtime/stills.js";
