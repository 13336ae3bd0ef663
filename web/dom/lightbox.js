// The lightbox: PhotoSwipe 5 (from npm, served from vendor/) over a gallery's photos. This module, and
// PhotoSwipe's code and stylesheet with it, load when a reader first opens a photo. Photos the browser
// cannot decode are decoded by the codec workers into a canvas that takes the place of PhotoSwipe's <img>.
//
// The lightbox opens in a layer of its own beside the gallery (a popover, so it sits in the top layer
// above everything on the page), in the gallery's document or shadow root: a widget's lightbox keeps
// the host page's CSS out as its gallery does. Its styles are one constructed stylesheet adopted there
// (a page's CSP governs no constructed sheet, and PhotoSwipe's own would not reach into a shadow root).
import { distUrl } from "../runtime/dist-root.js";
import { cameraLine } from "./camera-line.js";
import { decodeInto } from "./photo-painter.js";
import { adopt, constructedSheet, cssText } from "./stylesheets.js";

const stylesheetUrls = [distUrl("vendor/photoswipe.css"), distUrl("dom/lightbox.css")];
/** @type {Promise<CSSStyleSheet | null> | null} */
let stylesheet = null;

/** @returns {Promise<{ default: typeof import("photoswipe").default }>} */
const loadPhotoSwipe = () => import(distUrl("vendor/photoswipe.esm.min.js").href);

function loadStylesheet() {
  stylesheet ??= cssText(stylesheetUrls).then(constructedSheet, () => null);  // without it the lightbox still works, unstyled
  return stylesheet;
}

/** The element that has focus, inside shadow roots too. */
function focusedElement() {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return /** @type {HTMLElement | null} */ (focused);
}

// Keeps focus inside the lightbox while it is open (PhotoSwipe's own trap compares the event's target,
// which a shadow root retargets to its host, and would pull focus off every button).
function trapFocus(pswp) {
  const keepInside = (/** @type {FocusEvent} */ event) => {
    const target = /** @type {Node} */ (event.composedPath()[0]);
    if (pswp.element && !pswp.element.contains(target)) pswp.element.focus();
  };
  document.addEventListener("focusin", keepInside);
  pswp.on("destroy", () => document.removeEventListener("focusin", keepInside));
}

const reducedMotion = () => matchMedia("(prefers-reduced-motion: reduce)").matches;

// The caption under the photo: its caption (or alt text), and on a line of its own the camera's facts,
// as the frontmatter gives them or else as the photo's Exif does (read with its header, once a page).
function registerCaption(pswp, services) {
  pswp.on("uiRegister", () => {
    pswp.ui.registerElement({
      name: "caption",
      order: 9,
      isButton: false,
      appendTo: "root",
      onInit: (element) => {
        element.className = "pswp__caption";
        element.setAttribute("part", "caption");
        element.setAttribute("aria-live", "polite");
        const text = document.createElement("span");
        const camera = document.createElement("span");
        camera.className = "pswp__camera";
        element.append(text, camera);
        const show = () => (element.hidden = !text.textContent && !camera.textContent);
        pswp.on("change", () => {
          const slide = pswp.currSlide.data;
          text.textContent = slide.caption || slide.alt || "";
          camera.textContent = slide.camera || "";
          show();
          if (slide.camera) return;
          services.sizes.cameraOf(slide.src).then((facts) => {
            if (pswp.currSlide?.data !== slide) return;  // moved on meanwhile
            camera.textContent = cameraLine(facts);
            show();
          }, () => {});  // an unreadable header: the photo's own error tells
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
 * Opens the lightbox on `slides` at `index`, in a layer beside `owner` (in its document or shadow root).
 * @param {Array<{ src: string, width: number, height: number, alt?: string, caption?: string, camera?: string }>} slides
 * @param {number} index
 * @param {{ owner: Element, services: import("../runtime/services.js").Services, label: string,
 *   onChange?: (index: number) => void, onClose?: () => void }} options label: names the dialog
 */
export async function openLightbox(slides, index, { owner, services, label, onChange, onClose }) {
  const root = /** @type {Document | ShadowRoot} */ (owner.getRootNode());
  const [sheet, { default: PhotoSwipe }] = await Promise.all([loadStylesheet(), loadPhotoSwipe()]);
  if (sheet) adopt(root, sheet);
  const layer = document.createElement("div");
  layer.className = "stills-lightbox";
  layer.popover = "manual";
  (root instanceof Document ? root.body : root).append(layer);
  layer.showPopover();
  const opener = focusedElement();
  const pswp = new PhotoSwipe({
    appendToEl: layer,
    dataSource: slides,
    index,
    showHideAnimationType: reducedMotion() ? "none" : "fade",
    bgOpacity: 1,
    preload: [1, 2],  // neighbours load before they are needed
    errorMsg: "This photo could not be loaded.",
    trapFocus: false,  // trapped here instead, and focus given back to the opener (in a shadow root too)
    returnFocus: false,
  });
  registerCaption(pswp, services);
  if (services.decoder === "wasm") decodeSlidesInWasm(pswp, services);
  trapFocus(pswp);
  pswp.on("change", () => onChange?.(pswp.currIndex));
  // PhotoSwipe takes keys once its opening transition ends; the class says so (and fades the caption in).
  // Focus moves in then too: focusing earlier lays the page out mid-transition.
  pswp.on("openingAnimationEnd", () => {
    pswp.element?.classList.add("pswp--ready");
    pswp.element?.focus({ preventScroll: true });
  });
  pswp.on("destroy", () => {
    layer.remove();
    if (opener?.isConnected) opener.focus({ preventScroll: true });
    onClose?.();
  });
  pswp.init();
  pswp.element?.setAttribute("aria-label", label);  // PhotoSwipe's dialog has no name of its own
  return pswp;
}
