// A gallery on the page. Its photos are sized from their first bytes (or the frontmatter's width and
// height) and laid out by the core's engine before any pixel arrives, so nothing moves when they load.
// Each is then painted by the browser (<img>) or by the codec workers into a canvas; one that fails
// becomes an error tile with its file name while the others render.
import { PhotoBytes } from "./photo-bytes.js";
import { showDecoded, showError, showNative } from "./photo-painter.js";
import { openLightbox } from "./lightbox.js";

const PROBE_BYTES = 4096;      // holds the header of every AVIF file we have seen
const FALLBACK_RATIO = 3 / 2;  // for a photo whose header cannot be read (it shows an error tile)

// Row height for a container width: fuller rows on phones, taller ones on large screens.
function rowHeightFor(width) {
  return Math.round(Math.min(360, Math.max(140, width / 4)));
}

export class GalleryView {
  #stills;
  #decoder;
  #pool;
  #onActivate;
  #lightbox = null;
  #frame;
  #photos;
  #width = 0;
  #resizeObserver = null;
  #intersectionObserver = null;

  /**
   * @param {{ id: string, title: string | null, images: Array<{ img: string, alt: string | null,
   *   caption: string | null, width: number | null, height: number | null }> }} gallery
   * @param {{ stills: object, decoder: "native" | "wasm", pool?: import("./codec-pool.js").CodecPool,
   *   onActivate?: (galleryId: string, index: number) => void }} context onActivate: a photo was clicked
   *   or chosen with the keyboard (the page routes to it, then calls openPhoto)
   */
  constructor(gallery, { stills, decoder, pool, onActivate }) {
    this.#stills = stills;
    this.#decoder = decoder;
    this.#pool = pool;
    this.#onActivate = onActivate ?? ((id, index) => this.openPhoto(index));
    this.id = gallery.id;
    this.element = document.createElement("section");
    this.element.className = "gallery";
    this.element.id = gallery.id;
    if (gallery.title) this.element.setAttribute("aria-label", gallery.title);
    this.#frame = document.createElement("div");
    this.#frame.className = "gallery-frame";
    this.element.append(this.#frame);
    this.#photos = gallery.images.map((image, index) => {
      const figure = document.createElement("figure");
      figure.className = "photo loading";
      figure.dataset.index = String(index);
      figure.dataset.src = image.img;
      figure.tabIndex = 0;
      figure.setAttribute("role", "button");
      figure.setAttribute("aria-label", image.alt || `Photo ${index + 1} of ${gallery.images.length}`);
      figure.addEventListener("click", () => this.#onActivate(this.id, index));
      figure.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        this.#onActivate(this.id, index);
      });
      this.#frame.append(figure);
      const size = image.width > 0 && image.height > 0 ? { width: image.width, height: image.height } : null;
      return { image, figure, size, ratio: size ? size.width / size.height : null, box: null, controller: null, painted: false };
    });
  }

  /** Reads the size of every photo the frontmatter does not give (all at once: the browser queues them). */
  async prepare() {
    await Promise.all(this.#photos.filter((photo) => photo.ratio === null).map((photo) => this.#probe(photo)));
  }

  /** Lays the gallery out at its width once it is in the document, then keeps it laid out and painted. */
  attach() {
    this.#layout(this.element.clientWidth);
    this.#resizeObserver = new ResizeObserver(([entry]) => this.#layout(Math.round(entry.contentRect.width)));
    this.#resizeObserver.observe(this.element);
    if (this.#decoder === "native") {
      for (const photo of this.#photos) if (!photo.failed) this.#paintNative(photo);
      return;
    }
    this.#intersectionObserver = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const photo = this.#photos[Number(entry.target.dataset.index)];
        if (entry.isIntersecting) this.#paintWasm(photo, entry.intersectionRatio > 0 ? 1 : 0);
        else photo.controller?.abort(new DOMException("the photo left the page", "AbortError"));
      }
    }, { rootMargin: "50% 0px" });
    for (const photo of this.#photos) if (!photo.failed) this.#intersectionObserver.observe(photo.figure);
  }

  /**
   * Opens the lightbox at a photo. `onChange(index)` follows the reader through it; `onClose` when done.
   */
  openPhoto(index, { onChange, onClose } = {}) {
    const photo = this.#photos[index];
    if (!photo) return;
    if (this.#lightbox) return this.#lightbox.goTo(index);
    const slides = this.#photos.map(({ image, size, ratio }) => ({
      src: image.img,
      width: size?.width ?? Math.round(1600 * Math.min(1, ratio ?? 1)),
      height: size?.height ?? Math.round(1600 / Math.max(1, ratio ?? 1)),
      alt: image.alt ?? "",
      caption: image.caption ?? "",
    }));
    this.#lightbox = openLightbox(slides, index, {
      decoder: this.#decoder,
      pool: this.#pool,
      onChange,
      onClose: () => {
        this.#lightbox = null;
        onClose?.();
      },
    });
  }

  closePhoto() {
    this.#lightbox?.close();
  }

  detach() {
    this.#lightbox?.destroy();
    this.#resizeObserver?.disconnect();
    this.#intersectionObserver?.disconnect();
    for (const photo of this.#photos) photo.controller?.abort(new DOMException("the page changed", "AbortError"));
  }

  async #probe(photo) {
    const bytes = new PhotoBytes(photo.image.img);
    try {
      let result = { needMore: PROBE_BYTES };
      while (result.needMore) {
        const head = await bytes.head(result.needMore);
        result = this.#stills.probeAvif(head.bytes, { complete: head.complete });
      }
      if (result.error) throw new Error(result.error);
      photo.size = { width: result.displayWidth, height: result.displayHeight };
      photo.ratio = result.displayWidth / result.displayHeight;
    } catch (error) {
      photo.ratio = FALLBACK_RATIO;
      this.#fail(photo, error);
    } finally {
      bytes.release();
    }
  }

  #layout(width) {
    if (width <= 0 || width === this.#width) return;
    this.#width = width;
    const ratios = this.#photos.map((photo) => photo.ratio ?? FALLBACK_RATIO);
    const { boxes, height } = this.#stills.layout(ratios, {
      width, rowHeight: rowHeightFor(width), spacing: 6, lastRow: "justify", devicePixelRatio: devicePixelRatio,
    });
    this.#frame.style.height = `${height}px`;
    this.#photos.forEach((photo, i) => {
      const [x, y, w, h] = boxes.subarray(4 * i, 4 * i + 4);
      photo.box = { w, h };
      Object.assign(photo.figure.style, { left: `${x}px`, top: `${y}px`, width: `${w}px`, height: `${h}px` });
    });
  }

  #paintNative(photo) {
    showNative(photo.figure, photo.image, (error) => this.#fail(photo, error));
  }

  async #paintWasm(photo, priority) {
    if (photo.painted || photo.controller || photo.failed) return;
    photo.controller = new AbortController();
    try {
      await showDecoded(photo.figure, photo.image, {
        pool: this.#pool, width: photo.box.w, height: photo.box.h, priority, signal: photo.controller.signal,
      });
      photo.painted = true;
      this.#intersectionObserver?.unobserve(photo.figure);
    } catch (error) {
      if (error?.name !== "AbortError") this.#fail(photo, error);
    } finally {
      photo.controller = null;
    }
  }

  #fail(photo, error) {
    photo.failed = error;
    showError(photo.figure, photo.image, error);
  }
}
