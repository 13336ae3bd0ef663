// A gallery on the page. Its photos are sized from their first bytes (or the frontmatter's width and
// height) and laid out by the core's engine before any pixel arrives, so nothing moves when they load.
// Each is then painted by the browser (<img>) or by the codec workers into a canvas, those in view
// first; one that fails becomes an error tile with its file name while the others render.
import { element, withPart } from "./element.js";
import { EVENTS, emit } from "./events.js";
import { showDecoded, showError, showNative } from "./photo-painter.js";

const FALLBACK_RATIO = 3 / 2;  // for a photo whose header cannot be read (it shows an error tile)

/**
 * How galleries are laid out unless a front end says otherwise: justified rows, fuller on phones and
 * taller on large screens. Any other option of stills.layout may be added; `rowHeight` may be a
 * number or a function of the gallery's width.
 * @typedef {{ mode?: "rows" | "columns" | "grid", rowHeight?: number | ((width: number) => number),
 *   spacing?: number, lastRow?: "left" | "justify" | "center" | "hide", [option: string]: any }} GalleryLayout
 */
export const GALLERY_LAYOUT = Object.freeze({
  mode: "rows",
  rowHeight: (/** @type {number} */ width) => Math.round(Math.min(360, Math.max(140, width / 4))),
  spacing: 6,
  lastRow: "justify",
});

/**
 * Decode order: photos in the viewport (1) before those only near it, and of those the nearest first
 * (between 0 and 0.5). The lightbox's photo (2) goes before all.
 * @param {{ top: number, bottom: number }} rect the photo's box, relative to the viewport
 * @param {number} viewportHeight
 */
export function decodePriority({ top, bottom }, viewportHeight) {
  const distance = bottom <= 0 ? -bottom : top >= viewportHeight ? top - viewportHeight : 0;
  return distance === 0 ? 1 : 1 / (2 + distance / Math.max(1, viewportHeight));
}

/**
 * @typedef {{ img: string, alt: string | null, caption: string | null, camera?: string | null,
 *   width: number | null, height: number | null }} GalleryImage
 * @typedef {{ image: GalleryImage, index: number, figure: HTMLElement, size: { width: number, height: number } | null,
 *   ratio: number | null, box: { w: number, h: number } | null, controller: AbortController | null, shown: boolean,
 *   failed: unknown, reported: boolean }} Photo
 */

export class GalleryView {
  #services;
  #layoutOptions;
  #onActivate;
  /** @type {Promise<import("photoswipe").default | null> | null} a promise of the open PhotoSwipe, while open */
  #lightbox = null;
  #frame;
  #photos;
  #title;
  #width = 0;
  #attached = false;
  /** @type {ResizeObserver | null} */
  #resizeObserver = null;
  /** @type {IntersectionObserver | null} */
  #intersectionObserver = null;

  /**
   * @param {{ id: string, title: string | null, images: GalleryImage[] }} gallery
   * @param {{ services: import("../runtime/services.js").Services, layout?: GalleryLayout,
   *   onActivate?: ((galleryId: string, index: number) => void) | null }} options onActivate: a photo was
   *   clicked or chosen with the keyboard (a site routes to it, then calls openPhoto); by default it
   *   opens; null: photos are not buttons (no lightbox)
   */
  constructor(gallery, { services, layout, onActivate }) {
    this.#services = services;
    this.#layoutOptions = { ...GALLERY_LAYOUT, ...layout };
    this.#onActivate = onActivate === undefined ? (id, index) => this.openPhoto(index) : onActivate;
    this.id = gallery.id;
    this.#title = gallery.title;
    this.element = withPart(element("section", "gallery"), "gallery");
    this.element.id = gallery.id;
    if (gallery.title) this.element.setAttribute("aria-label", gallery.title);
    this.#frame = element("div", "gallery-frame");
    this.element.append(this.#frame);
    this.#photos = gallery.images.map((image, index) => this.#makePhoto(image, index, gallery.images.length));
  }

  /** Reads the size of every photo the frontmatter does not give (each once per page life). */
  async prepare() {
    await Promise.all(this.#photos.filter((photo) => photo.ratio === null).map(async (photo) => {
      try {
        photo.size = await this.#services.sizes.sizeOf(photo.image.img);
        photo.ratio = photo.size.width / photo.size.height;
      } catch (error) {
        photo.ratio = FALLBACK_RATIO;
        this.#fail(photo, error);
      }
    }));
  }

  /**
   * Lays the gallery out at its width once it is in the document, then keeps it laid out and painted.
   * @param {number} [width] its width, when the caller has read it (a post reads all its galleries'
   *   widths first: reading one after another gallery was laid out would lay the page out each time)
   */
  attach(width = this.element.clientWidth) {
    if (this.#attached) return;
    this.#attached = true;
    for (const photo of this.#photos) if (photo.failed) this.#reportFailure(photo);  // failed while sizing
    this.#layout(width);
    const resizeObserver = new ResizeObserver(([entry]) => this.#layout(Math.round(entry.contentRect.width)));
    resizeObserver.observe(this.element);
    this.#resizeObserver = resizeObserver;
    if (this.#services.decoder === "native") {
      for (const photo of this.#photos) if (!photo.failed && !photo.shown) this.#paintNative(photo);
      return;
    }
    const intersectionObserver = new IntersectionObserver((entries) => {
      const wanted = [];
      for (const entry of entries) {
        const photo = this.#photos[Number(/** @type {HTMLElement} */ (entry.target).dataset.index)];
        if (entry.isIntersecting) wanted.push({ photo, priority: decodePriority(entry.boundingClientRect, innerHeight) });
        else photo.controller?.abort(new DOMException("the photo left the page", "AbortError"));
      }
      // Asked in priority order too: the first decode starts at once, before the pool can compare.
      wanted.sort((a, b) => b.priority - a.priority);
      for (const { photo, priority } of wanted) this.#paintWasm(photo, priority);
    }, { rootMargin: "50% 0px" });
    for (const photo of this.#photos) if (!photo.failed && !photo.shown) intersectionObserver.observe(photo.figure);
    this.#intersectionObserver = intersectionObserver;
  }

  /**
   * Lays the gallery out anew with other options (its photos keep what they show).
   * @param {GalleryLayout} [layout]
   */
  setLayout(layout) {
    this.#layoutOptions = { ...GALLERY_LAYOUT, ...layout };
    this.#width = 0;
    if (this.#attached) this.#layout(this.element.clientWidth);
  }

  /** Stops all the gallery's work (observers, decodes, the lightbox); attach() starts it again. */
  detach() {
    if (!this.#attached) return;
    this.#attached = false;
    this.closePhoto();
    this.#resizeObserver?.disconnect();
    this.#intersectionObserver?.disconnect();
    this.#resizeObserver = this.#intersectionObserver = null;
    for (const photo of this.#photos) photo.controller?.abort(new DOMException("the gallery was detached", "AbortError"));
  }

  /**
   * Opens the lightbox at a photo (PhotoSwipe is loaded on first use). `onChange(index)` follows the
   * reader through it; `onClose` when done.
   * @param {number} index
   * @param {{ onChange?: (index: number) => void, onClose?: () => void }} [callbacks]
   */
  async openPhoto(index, { onChange, onClose } = {}) {
    if (!this.#photos[index]) return;
    if (this.#lightbox) return void (await this.#lightbox)?.goTo(index);
    const opening = import("./lightbox.js").then(({ openLightbox }) => {
      if (this.#lightbox !== opening) return null;  // closed before it could open
      return openLightbox(this.#slides(), index, {
        owner: this.element,
        services: this.#services,
        label: this.#title ? `Photos: ${this.#title}` : "Photos",
        onChange,
        onClose: () => {
          if (this.#lightbox === opening) this.#lightbox = null;
          emit(this.element, EVENTS.lightboxClosed, { gallery: this.id });
          onClose?.();
        },
      });
    });
    this.#lightbox = opening;
    try {
      if (await opening) emit(this.element, EVENTS.lightboxOpened, { gallery: this.id, index });
    } catch (error) {
      if (this.#lightbox === opening) this.#lightbox = null;
      throw error;
    }
  }

  closePhoto() {
    const open = this.#lightbox;
    this.#lightbox = null;
    open?.then((pswp) => pswp?.close(), () => {});
  }

  /**
   * @param {GalleryImage} image
   * @param {number} index
   * @param {number} count
   * @returns {Photo}
   */
  #makePhoto(image, index, count) {
    const figure = withPart(element("figure", "photo loading"), "photo");
    figure.dataset.index = String(index);
    figure.dataset.src = image.img;
    this.#frame.append(figure);
    const activate = this.#onActivate;
    if (activate) {
      figure.tabIndex = 0;
      figure.setAttribute("role", "button");
      figure.setAttribute("aria-label", image.alt || `Photo ${index + 1} of ${count}${this.#title ? ` in ${this.#title}` : ""}`);
      figure.addEventListener("click", () => activate(this.id, index));
      figure.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        activate(this.id, index);
      });
    }
    const { width, height } = image;
    const size = width != null && height != null && width > 0 && height > 0 ? { width, height } : null;
    return { image, index, figure, size, ratio: size ? size.width / size.height : null, box: null,
      controller: null, shown: false, failed: null, reported: false };
  }

  #slides() {
    return this.#photos.map(({ image, size, ratio }) => ({
      src: image.img,
      width: size?.width ?? Math.round(1600 * Math.min(1, ratio ?? 1)),
      height: size?.height ?? Math.round(1600 / Math.max(1, ratio ?? 1)),
      alt: image.alt ?? "",
      caption: image.caption ?? "",
      camera: image.camera ?? "",
    }));
  }

  #layout(width) {
    if (width <= 0 || width === this.#width) return;
    this.#width = width;
    const ratios = this.#photos.map((photo) => photo.ratio ?? FALLBACK_RATIO);
    const { rowHeight, ...options } = this.#layoutOptions;
    const { boxes, height } = this.#services.stills.layout(ratios, {
      ...options, width, rowHeight: typeof rowHeight === "function" ? rowHeight(width) : rowHeight, devicePixelRatio,
    });
    this.#frame.style.height = `${height}px`;
    this.#photos.forEach((photo, i) => {
      const [x, y, w, h] = boxes.subarray(4 * i, 4 * i + 4);
      photo.box = { w, h };
      Object.assign(photo.figure.style, { left: `${x}px`, top: `${y}px`, width: `${w}px`, height: `${h}px` });
    });
    emit(this.element, EVENTS.galleryLaidOut, { gallery: this.id, width, height });
  }

  #paintNative(photo) {
    photo.shown = true;
    showNative(photo.figure, photo.image, { onPainted: () => this.#painted(photo), onError: (error) => this.#fail(photo, error) });
  }

  /**
   * @param {Photo} photo
   * @param {number} priority
   */
  async #paintWasm(photo, priority) {
    if (photo.shown || photo.controller || photo.failed || !photo.box) return;
    photo.controller = new AbortController();
    try {
      await showDecoded(photo.figure, photo.image, {
        services: this.#services, width: photo.box.w, height: photo.box.h, priority, signal: photo.controller.signal,
      });
      photo.shown = true;
      this.#intersectionObserver?.unobserve(photo.figure);
      this.#painted(photo);
    } catch (error) {
      if (error?.name !== "AbortError") this.#fail(photo, error);
    } finally {
      photo.controller = null;
    }
  }

  #painted(photo) {
    emit(photo.figure, EVENTS.photoPainted,
      { gallery: this.id, index: photo.index, src: photo.image.img, decoder: this.#services.decoder });
  }

  #fail(photo, error) {
    photo.failed = error;
    showError(photo.figure, photo.image, error);
    if (this.#attached) this.#reportFailure(photo);  // else once attached, where a listener can hear it
  }

  #reportFailure(photo) {
    if (photo.reported) return;
    photo.reported = true;
    emit(photo.figure, EVENTS.photoFailed, { gallery: this.id, index: photo.index, src: photo.image.img, error: photo.failed });
  }
}
