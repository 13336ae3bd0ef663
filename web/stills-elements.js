// The widget's element classes at their published path, dist/stills-elements.js, for a page that
// defines them under tag names of its own: customElements.define("photo-post", StillsPostElement).
export { StillsGalleryElement, StillsPostElement } from "./widget/elements.js";
