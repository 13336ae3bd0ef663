// A post on the page: its header, the error box, the body's HTML and its galleries. Text goes in as
// text; the body's HTML is sanitized with DOMPurify before it touches the page, since a post's raw HTML
// is untrusted. Front ends say where links lead (a site sends links to its posts to their routes).
import DOMPurify from "../vendor/purify.es.mjs";
import { renderDiagnostics } from "./diagnostics-box.js";
import { element } from "./element.js";
import { EVENTS, emit } from "./events.js";
import { GalleryView } from "./gallery-view.js";
import { renderFacts, renderTags } from "./post-facts.js";

/**
 * @typedef {object} PostViewOptions
 * @property {import("../runtime/services.js").Services} services
 * @property {string} [fileName] named in the error box
 * @property {import("./gallery-view.js").GalleryLayout} [layout] the galleries' layout options
 * @property {(galleryId: string, index: number) => void} [onActivate] a photo was chosen (default: open it)
 * @property {(href: string) => string | null} [linkHref] where a link in the body leads instead (null: as written)
 * @property {(tag: string) => string} [tagHref] makes the tags links
 */

function renderHeader(meta, tagHref) {
  const header = element("header", "post-header");
  header.append(element("h1", "post-title", meta.title ?? "Untitled"));
  const facts = renderFacts(meta);
  if (facts.childElementCount) header.append(facts);
  if (meta.tags.length) header.append(renderTags(meta.tags, { hrefOf: tagHref }));
  return header;
}

function sanitized(html, linkHref) {
  const fragment = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true });
  // A wide table scrolls inside the text column (keyboard too) instead of widening a phone's page.
  for (const table of [...fragment.children].filter((child) => child.localName === "table")) {
    const scroll = element("div", "table-scroll");
    scroll.tabIndex = 0;
    table.replaceWith(scroll);
    scroll.append(table);
  }
  if (linkHref) {
    for (const link of fragment.querySelectorAll("a[href]")) {
      const href = linkHref(/** @type {HTMLAnchorElement} */ (link).href);
      if (href != null) link.setAttribute("href", href);
    }
  }
  return fragment;
}

export class PostView {
  #attached = false;
  #ready;

  /**
   * @param {import("../runtime/stills.js").Post} post what parsePost returns
   * @param {PostViewOptions} options
   */
  constructor(post, { services, fileName, layout, onActivate, linkHref, tagHref }) {
    this.post = post;
    /** @type {GalleryView[]} */
    this.galleries = [];
    this.element = element("article", "post");
    this.element.append(renderHeader(post.meta, tagHref));
    const shown = post.diagnostics.filter((d) => d.severity !== "info");
    if (shown.length) this.element.append(renderDiagnostics(shown, fileName));
    const body = element("div", "post-body");
    for (const block of post.blocks) {
      if (block.type === "html") body.append(sanitized(block.html, linkHref));
      else if (block.type === "notice") body.append(element("p", "notice", block.message));
      else if (block.type === "gallery") {
        const view = new GalleryView(post.galleries[block.gallery], { services, layout, onActivate });
        this.galleries.push(view);
        body.append(view.element);
      }
    }
    this.element.append(body);
    // Each gallery starts reading its photos' sizes as soon as it exists.
    this.#ready = Promise.all(this.galleries.map((view) => view.prepare())).then(() => {});
  }

  /** Resolves once every photo's size is known: put on the page then, nothing moves afterwards. */
  prepare() {
    return this.#ready;
  }

  /** Lays out and paints the galleries (the element must be in the document). */
  attach() {
    if (this.#attached) return;
    this.#attached = true;
    for (const view of this.galleries) view.attach();
    emit(this.element, EVENTS.postRendered, { post: this.post });
  }

  detach() {
    if (!this.#attached) return;
    this.#attached = false;
    for (const view of this.galleries) view.detach();
  }
}
