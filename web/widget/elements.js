// The widget's custom elements, as classes a page may define under any tag name it likes
// (stills-widget.js defines them as <stills-post> and <stills-gallery>). Each is a thin shell over an
// Embed: attributes (and the properties that mirror them) become its options; connecting starts it
// and disconnecting stops it.
import { GALLERY_LAYOUT } from "../dom/gallery-view.js";
import { adopt } from "../dom/stylesheets.js";
import { Embed } from "./embed.js";
import { lightDomSheet, widgetSheet } from "./styles.js";

const MODES = ["rows", "columns", "grid"];
const DECODERS = ["auto", "native", "wasm"];

/** An attribute's value as a number above 0 (or at least 0), else null: then the default holds. */
function numberAttribute(value, { positive = true } = {}) {
  const number = value == null || value.trim() === "" ? NaN : Number(value);
  return Number.isFinite(number) && (positive ? number > 0 : number >= 0) ? number : null;
}

/** Sets an attribute, or removes it for null or undefined. */
function reflect(element, name, value) {
  if (value == null) element.removeAttribute(name);
  else element.setAttribute(name, String(value));
}

class StillsElement extends HTMLElement {
  static observedAttributes = ["src", "gallery", "show-title", "base", "mode", "row-height", "spacing", "decoder",
    "lightbox", "no-shadow", "width", "height"];
  static kind = /** @type {"post" | "gallery"} */ ("post");

  /** @type {import("../runtime/stills.js").Post | string | null} */
  #post = null;
  #embed = new Embed(this, () => this.#prepareRoot());

  /**
   * The post to show instead of fetching `src`: what parsePost returns, or a post file's text (for a
   * CMS preview). null: fetch `src`.
   */
  get post() {
    return this.#post;
  }

  set post(post) {
    this.#post = post ?? null;
    this.#configure();
  }

  /** The post file's URL, relative to the page. */
  get src() { return this.getAttribute("src"); }
  set src(value) { reflect(this, "src", value); }

  /** The site's root, for the post's root-relative photo paths (default: the folder above its posts/). */
  get base() { return this.getAttribute("base"); }
  set base(value) { reflect(this, "base", value); }

  /** "rows" (default), "columns" or "grid". */
  get mode() { return this.getAttribute("mode"); }
  set mode(value) { reflect(this, "mode", value); }

  /** "auto" (default: the browser's decoder where it decodes AVIF), "native" or "wasm". */
  get decoder() { return this.getAttribute("decoder"); }
  set decoder(value) { reflect(this, "decoder", value); }

  /** Renders into the light DOM, where the page's CSS applies. */
  get noShadow() { return this.hasAttribute("no-shadow"); }
  set noShadow(on) { this.toggleAttribute("no-shadow", Boolean(on)); }

  /** The rows' target height in CSS pixels (default: from the width). */
  get rowHeight() { return numberAttribute(this.getAttribute("row-height")); }
  set rowHeight(value) { reflect(this, "row-height", value); }

  /** The gap between photos in CSS pixels (default: GALLERY_LAYOUT's). */
  get spacing() { return numberAttribute(this.getAttribute("spacing"), { positive: false }); }
  set spacing(value) { reflect(this, "spacing", value); }

  /** Photos open in the lightbox unless lightbox="off". */
  get lightbox() {
    return this.getAttribute("lightbox") !== "off";
  }

  set lightbox(on) {
    this.setAttribute("lightbox", on ? "on" : "off");
  }

  connectedCallback() {
    this.#prepareRoot();  // styled at once, so a reserved size holds before the post comes
    this.#configure();
    this.#embed.connect();
  }

  disconnectedCallback() {
    this.#embed.disconnect();
  }

  attributeChangedCallback(name) {
    if (name === "width" || name === "height") this.#reserveSpace();
    else this.#configure();
  }

  // width and height attributes give the element its aspect ratio before anything has loaded, as an
  // <img>'s do (through the CSSOM, which a page's CSP allows, unlike a style attribute).
  #reserveSpace() {
    const width = numberAttribute(this.getAttribute("width"));
    const height = numberAttribute(this.getAttribute("height"));
    this.style.aspectRatio = width && height ? `${width} / ${height}` : "";
  }

  #configure() {
    const kind = /** @type {typeof StillsElement} */ (this.constructor).kind;
    const mode = this.getAttribute("mode");
    const decoder = this.getAttribute("decoder") ?? "auto";
    /** @type {import("../dom/gallery-view.js").GalleryLayout} */
    const layout = {};
    if (mode && MODES.includes(mode)) layout.mode = /** @type {"rows" | "columns" | "grid"} */ (mode);
    if (this.rowHeight != null) layout.rowHeight = this.rowHeight;
    if (this.spacing != null) layout.spacing = this.spacing;
    this.#embed.options = {
      kind,
      src: this.getAttribute("src"),
      post: this.#post,
      gallery: this.getAttribute("gallery"),
      showTitle: this.hasAttribute("show-title"),
      base: this.getAttribute("base"),
      layout: { ...GALLERY_LAYOUT, ...layout },
      decoder: DECODERS.includes(decoder) ? decoder : "auto",
      lightbox: this.lightbox,
    };
  }

  // The shadow root, or the element itself under no-shadow, with the widget's stylesheet adopted.
  // Never rejects: without its stylesheet the widget still shows what it has, unstyled.
  async #prepareRoot() {
    const light = this.hasAttribute("no-shadow");
    if (light) this.shadowRoot?.replaceChildren(document.createElement("slot"));  // shows the light DOM again
    const shadow = light ? null : this.shadowRoot ?? this.attachShadow({ mode: "open" });
    try {
      if (shadow) adopt(shadow, await widgetSheet());
      else adopt(document, await lightDomSheet(`${this.localName}[no-shadow]`));
    } catch (error) {
      console.warn(`stills: the widget's stylesheet could not be loaded: ${/** @type {any} */ (error)?.message ?? error}`);
    }
    return shadow ?? this;
  }
}

/** <stills-post src="posts/x.md">: the whole post (header, text, galleries, lightbox). */
export class StillsPostElement extends StillsElement {
  static kind = /** @type {const} */ ("post");
}

/** <stills-gallery src="posts/x.md" gallery="id">: one gallery of a post, by id or index. */
export class StillsGalleryElement extends StillsElement {
  static kind = /** @type {const} */ ("gallery");

  /** Which gallery: its id, or its index from 0 (default: the first). */
  get gallery() { return this.getAttribute("gallery"); }
  set gallery(value) { reflect(this, "gallery", value); }

  /** Shows the gallery's title above it. */
  get showTitle() { return this.hasAttribute("show-title"); }
  set showTitle(on) { this.toggleAttribute("show-title", Boolean(on)); }
}
