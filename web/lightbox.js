// The lightbox: PhotoSwipe 5 (from npm, served from vendor/) over a gallery's photos. Photos the browser
// cannot decode are decoded by the codec workers into a canvas that takes the place of PhotoSwipe's <img>.
import PhotoSwipe from "./vendor/photoswipe.esm.js";
import { decodeInto } from "./photo-painter.js";

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
function decodeSlidesInWasm(pswp, pool) {
  pswp.on("contentLoadImage", (event) => {
    event.preventDefault();
    const { content } = event;
    const canvas = document.createElement("canvas");
    canvas.className = "pswp__img";
    content.element = canvas;
    content.state = "loading";
    const { src, alt } = content.data;
    decodeInto(canvas, { img: src, alt }, { pool, priority: 2 })  // full size: the lightbox zooms
      .then(() => content.onLoaded())
      .catch(() => content.onError());
  });
}

/**
 * Opens the lightbox on `slides` at `index`.
 * @param {Array<{ src: string, width: number, height: number, alt?: string, caption?: string }>} slides
 * @param {number} index
 * @param {{ decoder: "native" | "wasm", pool?: object, onChange?: (index: number) => void, onClose?: () => void }} options
 */
export function openLightbox(slides, index, { decoder, pool, onChange, onClose }) {
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
  if (decoder === "wasm") decodeSlidesInWasm(pswp, pool);
  pswp.on("change", () => onChange?.(pswp.currIndex));
  // PhotoSwipe takes keys once its opening transition ends; the class says so (and fades the caption in).
  pswp.on("openingAnimationEnd", () => pswp.element.classList.add("pswp--ready"));
  pswp.on("destroy", () => onClose?.());
  pswp.init();
  return pswp;
}
