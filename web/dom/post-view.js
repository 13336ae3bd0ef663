// A post on the page: its header, the error box, the body's HTML and its galleries. Text goes in as
// text; the body's HTML is sanitized with DOMPurify before it touches the page, since a post's raw HTML
// is untrusted. Front ends say where links lead (a site sends links to its posts to their routes).
//
// update(post) patches the page in place (an editor's preview calls it on every keystroke): the body is
// a keyed list of parts, each a top-level node of the HTML or a gallery. A part whose HTML, or whose
// gallery data, is unchanged keeps its element as it is (no re-probe, no re-decode, no flicker); only
// what changed is made anew.
import DOMPurify from "../vendor/purify.es.mjs";
import { renderDiagnostics } from "./diagnostics-box.js";
import { element, withPart } from "./element.js";
import { EVENTS, emit } from "./events.js";
import { GalleryView } from "./gallery-view.js";
import { renderFacts, renderTags } from "./post-facts.js";

/**
 * @typedef {object} PostViewOptions
 * @property {import("../runtime/services.js").Services} services
 * @property {string} [fileName] named in the error box
 * @property {import("./gallery-view.js").GalleryLayout} [layout] the galleries' layout options
 * @property {((galleryId: string, index: number) => void) | null} [onActivate] a photo was chosen (default:
 *   open it; null: photos are not buttons)
 * @property {(href: string) => string | null} [linkHref] where a link in the body leads instead (null: as written)
 * @property {(tag: string) => string} [tagHref] makes the tags links
 *
 * @typedef {{ key: string, node: Node, gallery?: GalleryView }} Part
 */

function renderHeader(meta, tagHref) {
  const header = element("header", "post-header");
  header.append(withPart(element("h1", "post-title", meta.title ?? "Untitled"), "title"));
  const facts = renderFacts(meta);
  if (facts.childElementCount) header.append(withPart(facts, "facts"));
  if (meta.tags.length) header.append(withPart(renderTags(meta.tags, { hrefOf: tagHref }), "tags"));
  return header;
}

// DOMPurify's defaults, and no forms: a post is read, not submitted, and a widget's post must not be
// able to send a reader's input from someone else's page (whose CSP may have no form-action).
const SANITIZE = { RETURN_DOM_FRAGMENT: /** @type {true} */ (true), FORBID_TAGS: ["form"], FORBID_ATTR: ["formaction"] };

/** The top-level nodes of a block of the body's HTML, sanitized; whitespace between them dropped. */
function sanitizedNodes(html, linkHref) {
  const fragment = DOMPurify.sanitize(html, SANITIZE);
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
  return [...fragment.childNodes].filter((node) => node.nodeType !== Node.TEXT_NODE || node.textContent?.trim());
}

// A node's key is its HTML without the data-line a source-lines render adds: a line typed above a
// paragraph moves its line, not its content.
function keyOf(/** @type {Node} */ node) {
  if (!(node instanceof Element)) return `${node.nodeType}:${node.textContent}`;
  const line = node.getAttribute("data-line");
  if (line === null) return node.outerHTML;
  node.removeAttribute("data-line");
  const key = node.outerHTML;
  node.setAttribute("data-line", line);
  return key;
}

// A gallery's key: what it shows, not where it is written.
/** @param {import("../runtime/stills.js").Gallery} gallery */
const galleryKey = (gallery) =>
  `gallery:${JSON.stringify(gallery, (name, value) => (name === "line" || name === "column" ? undefined : value))}`;

export class PostView {
  #options;
  #attached = false;
  #ready;
  #header;
  /** @type {HTMLElement | null} */
  #diagnostics = null;
  #body;
  /** @type {Part[]} */
  #parts = [];
  /** @type {Map<string, Part[]>} each HTML block of the last render, by its HTML: unchanged ones are not parsed again */
  #blocks = new Map();

  /**
   * @param {import("../runtime/stills.js").Post} post what parsePost returns
   * @param {PostViewOptions} options
   */
  constructor(post, options) {
    this.#options = options;
    this.post = post;
    this.element = withPart(element("article", "post"), "post");
    this.#header = renderHeader(post.meta, options.tagHref);
    this.#body = withPart(element("div", "post-body"), "text");
    this.element.append(this.#header, this.#body);
    this.#ready = this.#renderBody(post);
    this.#showDiagnostics(post);
  }

  /** The galleries, in the order they stand in the post. */
  get galleries() {
    return this.#parts.flatMap((part) => (part.gallery ? [part.gallery] : []));
  }

  /** Resolves once every photo's size is known: put on the page then, nothing moves afterwards. */
  prepare() {
    return this.#ready;
  }

  /** Lays out and paints the galleries (the element must be in the document). */
  attach() {
    if (this.#attached) return;
    this.#attached = true;
    attachAll(this.galleries);
    emit(this.element, EVENTS.postRendered, { post: this.post });
  }

  /**
   * Lays every gallery out anew with other options.
   * @param {import("./gallery-view.js").GalleryLayout} [layout]
   */
  setLayout(layout) {
    this.#options = { ...this.#options, layout };
    for (const view of this.galleries) view.setLayout(layout);
  }

  detach() {
    if (!this.#attached) return;
    this.#attached = false;
    for (const view of this.galleries) view.detach();
  }

  /**
   * Shows `post` in place of the one shown, changing only what differs. Resolves when every gallery
   * is laid out (new ones from the page's size cache).
   * @param {import("../runtime/stills.js").Post} post
   */
  update(post) {
    this.post = post;
    const header = renderHeader(post.meta, this.#options.tagHref);
    if (!header.isEqualNode(this.#header)) {
      this.#header.replaceWith(header);
      this.#header = header;
    }
    this.#showDiagnostics(post);
    return (this.#ready = this.#renderBody(post));
  }

  #showDiagnostics(post) {
    const shown = post.diagnostics.filter((d) => d.severity !== "info");
    const box = shown.length ? renderDiagnostics(shown, this.#options.fileName) : null;
    if (box && this.#diagnostics?.isEqualNode(box)) return;
    this.#diagnostics?.remove();
    this.#diagnostics = box;
    if (box) this.#header.after(box);
  }

  // The body as keyed parts, reusing every old part whose key comes again (in order, once each).
  async #renderBody(post) {
    const unused = new Map();
    for (const part of this.#parts) unused.set(part.key, [...(unused.get(part.key) ?? []), part]);
    const take = (key) => {
      const same = unused.get(key);
      const part = same?.shift();
      if (same && !same.length) unused.delete(key);
      return part;
    };
    /** @type {Part[]} */
    const parts = [];
    const blocks = new Map();
    const fresh = [];
    for (const block of post.blocks) {
      if (block.type === "html") {
        // A block whose HTML is unchanged is not sanitized again; a changed one is, node by node.
        const known = this.#blocks.get(block.html);
        const candidates = known ?? sanitizedNodes(block.html, this.#options.linkHref).map((node) => ({ key: keyOf(node), node }));
        const blockParts = candidates.map((candidate) => {
          const reused = take(candidate.key);
          if (!reused) return known ? { key: candidate.key, node: candidate.node.cloneNode(true) } : candidate;
          if (!known) copyLine(candidate.node, reused.node);
          return reused;
        });
        blocks.set(block.html, blockParts);
        parts.push(...blockParts);
      } else if (block.type === "notice") {
        const key = `notice:${block.message}`;
        parts.push(take(key) ?? { key, node: element("p", "notice", block.message) });
      } else if (block.type === "gallery") {
        const gallery = post.galleries[block.gallery];
        const key = galleryKey(gallery);
        let part = take(key);
        if (!part) {
          const { services, layout, onActivate } = this.#options;
          const view = new GalleryView(gallery, { services, layout, onActivate });
          part = { key, node: view.element, gallery: view };
          fresh.push(view);
        }
        parts.push(part);
      }
    }
    for (const part of [...unused.values()].flat()) {
      part.gallery?.detach();
      part.node.parentNode?.removeChild(part.node);
    }
    this.#place(parts);
    this.#parts = parts;
    this.#blocks = blocks;
    await Promise.all(fresh.map((view) => view.prepare()));
    if (!this.#attached) return;
    const shown = new Set(this.galleries);
    attachAll(fresh.filter((view) => shown.has(view)));  // not those a later update replaced meanwhile
  }

  // Puts the parts in order, moving only the nodes not already where they belong.
  #place(parts) {
    /** @type {ChildNode | null} */
    let cursor = this.#body.firstChild;
    for (const { node } of parts) {
      if (cursor && node === cursor) {
        cursor = cursor.nextSibling;
        continue;
      }
      this.#body.insertBefore(node, cursor);
    }
  }
}

// Attaches galleries, their widths read first, all at once: one layout of the page, not one per gallery.
function attachAll(/** @type {GalleryView[]} */ views) {
  const widths = views.map((view) => view.element.clientWidth);
  views.forEach((view, i) => view.attach(widths[i]));
}

// A reused node takes the line its fresh twin was written on.
function copyLine(/** @type {Node} */ from, /** @type {Node} */ to) {
  if (!(from instanceof Element) || !(to instanceof Element)) return;
  const line = from.getAttribute("data-line");
  if (line !== null && to.getAttribute("data-line") !== line) to.setAttribute("data-line", line);
}
