// The lightbox: PhotoSwipe 5 (from npm, served from vendor/) over a gallery's photos. This module, and
// PhotoSwipe's code and stylesheet with it, load when a reader first opens a photo. Photos the browser
// cannot decode are decoded by the codec workers into a canvas that takes the place of PhotoSwipe's <img>.
import PhotoSwipe from "../vendor/photoswipe.esm.min.js";
import { decodeInto } from "./photo-painter.js";

const stylesheetUrl = new URL("../vendor/photoswipe.css", import.meta.url).href;
let stylesheet = null;

// PhotoSwipe's element goes into document.body, so its stylesheet belongs in the document's head.
function loadStylesheet() {
  stylesheet ??= new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = stylesheetUrl;
    link.onload = link.onerror = () => resolve(undefined);  // without it the lightbox still works, unstyled
    document.head.prepend(link);  // first, so the page's own rules (the caption's) come after it
  });
  return stylesheet;
}

const reducedMotion = () => matchMedia("(prefers-reduced-motion: reduce)").matches;

function registerCaption(pswp) {
  pswp.on("uiRegister", () => {
    pswp.ui.registerElement({
      name: "caption",
      order: 9,
      isButton: false,
      appendTo: "root",
      onInit: (element) => {
        element.className = "pswp__caption";
        element.setAttribute("aria-live", "polite");
        pswp.on("change", () => {
          const { caption, alt } = pswp.currSlide.data;
          element.textContent = caption || alt || "";
          element.hidden = !element.textContent;
        });
      },
    });
  });
}

// In wasm mode each slide's pixels come from the codec workers, painted into a canvas.
function decodeSlidesInWasm(pswp, services) {
  pswp.on("contentLoadImage", (event) => {
    event.preventDefault();
    const { content } = event;
    const canvas = document.createElement("canvas");
    canvas.className = "pswp__img";
    content.element = canvas;
    content.state = "loading";
    const { src, alt } = content.data;
    decodeInto(canvas, { img: src, alt }, { services, priority: 2 })  // full size: the lightbox zooms
      .then(() => content.onLoaded())
      .catch(() => content.onError());
  });
}

/**
 * Opens the lightbox on `slides` at `index`.
 * @param {Array<{ src: string, width: number, height: number, alt?: string, caption?: string }>} slides
 * @param {number} index
 * @param {{ services: import("../runtime/services.js").Services, label: string,
 *   onChange?: (index: number) => void, onClose?: () => void }} options label: names the dialog
 */
export async function openLightbox(slides, index, { services, label, onChange, onClose }) {
  await loadStylesheet();
  const pswp = new PhotoSwipe({
    dataSource: slides,
    index,
    showHideAnimationType: reducedMotion() ? "none" : "fade",
    bgOpacity: 1,
    preload: [1, 2],  // neighbours load before they are needed
    errorMsg: "This photo could not be loaded.",
    returnFocus: true,
  });
  registerCaption(pswp);
  if (services.decoder === "wasm") decodeSlidesInWasm(pswp, services);
  pswp.on("change", () => onChange?.(pswp.currIndex));
  // PhotoSwipe takes keys once its opening transition ends; the class says so (and fades the caption in).
  pswp.on("openingAnimationEnd", () => pswp.element?.classList.add("pswp--ready"));
  pswp.on("destroy", () => onClose?.());
  pswp.init();
  pswp.element?.setAttribute("aria-label", label);  // PhotoSwipe's dialog has no name of its own
  return pswp;
}
