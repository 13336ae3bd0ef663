// The widget at its published path, dist/stills-widget.js: one <script type="module"> defines
// <stills-post> and <stills-gallery>. A page that wants other tag names loads stills-elements.js
// instead and defines the classes itself.
import { StillsGalleryElement, StillsPostElement } from "./widget/elements.js";

if (!customElements.get("stills-post")) customElements.define("stills-post", StillsPostElement);
if (!customElements.get("stills-gallery")) customElements.define("stills-gallery", StillsGalleryElement);

export { StillsGalleryElement, StillsPostElement };
