// One widget's work, apart from the custom element that shows it: fetch the post (once per page for
// every widget that shows it), parse it, build the view, wait until every photo's size is known, then
// show it all at once, in document order with the other widgets, so nothing moves afterwards. It
// starts when its element comes within a viewport of the screen, and stops when the element leaves
// the document. Every widget on the page shares one core, one photo-size cache and one codec pool.
import { renderDiagnostics, renderFailure } from "../dom/diagnostics-box.js";
import { element, withPart } from "../dom/element.js";
import { EVENTS, emit } from "../dom/events.js";
import { GalleryView } from "../dom/gallery-view.js";
import { PostView } from "../dom/post-view.js";
import { fetchText } from "../runtime/fetch-text.js";
import { createServiceHub } from "../runtime/services.js";
import { siteRootOf } from "../runtime/site-index.js";
import { enterQueue } from "./commit-order.js";
import { WIDGET_EVENTS } from "./events.js";

/** How near the screen a widget starts loading: a viewport's height above or below it. */
const NEAR = "100% 0px";

const hub = createServiceHub();
/** @type {Map<string, Promise<string>>} each post's text by URL, once per page (a failure is tried again) */
const texts = new Map();

function fetchPost(url) {
  let text = texts.get(url);
  if (!text) {
    text = fetchText(url);
    text.catch(() => texts.delete(url));
    texts.set(url, text);
  }
  return text;
}

/**
 * What a widget shows and how; the element sets it from its attributes and properties.
 * @typedef {object} EmbedOptions
 * @property {"post" | "gallery"} kind
 * @property {string | null} src the post file's URL (relative to the page)
 * @property {import("../runtime/stills.js").Post | string | null} post given instead of fetching src
 * @property {string | null} gallery which gallery (its id, or its index from 0), for kind "gallery"
 * @property {boolean} showTitle the gallery's title above it, for kind "gallery"
 * @property {string | null} base the site's root, for root-relative photo paths (default: from src)
 * @property {import("../dom/gallery-view.js").GalleryLayout} layout
 * @property {string} decoder "auto", "native" or "wasm"
 * @property {boolean} lightbox photos open in the lightbox
 */

const sameEntries = (a, b) => Object.keys({ ...a, ...b }).every((key) => Object.is(a[key], b[key]));
/** Whether two options show the same content (a change of layout alone lays the same view out anew). */
const sameContent = (/** @type {EmbedOptions} */ a, /** @type {EmbedOptions} */ b) =>
  sameEntries({ ...a, layout: null }, { ...b, layout: null });
const sameOptions = (/** @type {EmbedOptions} */ a, /** @type {EmbedOptions} */ b) =>
  sameContent(a, b) && sameEntries(a.layout, b.layout);

/**
 * @param {import("../runtime/stills.js").Gallery[]} galleries
 * @param {string | null} wanted an id, or an index
 */
function pickGallery(galleries, wanted) {
  if (wanted == null || wanted === "") return galleries[0];
  return galleries.find((gallery) => gallery.id === wanted) ?? (/^\d+$/.test(wanted) ? galleries[Number(wanted)] : undefined);
}

export class Embed {
  #host;
  #prepareRoot;
  /** @type {EmbedOptions | null} */
  #options = null;
  /** @type {EmbedOptions | null} what is shown */
  #shownOptions = null;
  /** @type {EmbedOptions | null} what is being rendered or shown */
  #wantedOptions = null;
  /** @type {PostView | GalleryView | null} the view shown (null: none, or an error box) */
  #view = null;
  /** What is shown goes in here (in a shadow root, the styles start from it). */
  #frame = element("div", "widget-root");
  /** @type {Promise<import("../runtime/services.js").Services> | null} */
  #lease = null;
  #leaseDecoder = "";
  #connected = false;
  #near = false;
  #scheduled = false;
  #generation = 0;
  /** @type {{ leave: () => void } | null} */
  #ticket = null;
  /** @type {IntersectionObserver | null} */
  #observer = null;
  #forwardOpen = (/** @type {Event} */ event) => this.#forward(WIDGET_EVENTS.photoOpen, event);
  #forwardClose = (/** @type {Event} */ event) => this.#forward(WIDGET_EVENTS.photoClose, event);

  /**
   * @param {HTMLElement} host the element: events are dispatched on it
   * @param {() => Promise<ShadowRoot | HTMLElement>} prepareRoot where to render, styled (never rejects)
   */
  constructor(host, prepareRoot) {
    this.#host = host;
    this.#prepareRoot = prepareRoot;
  }

  /** @param {EmbedOptions} options */
  set options(options) {
    this.#options = options;
    this.#schedule();
  }

  connect() {
    if (this.#connected) return;
    this.#connected = true;
    this.#host.addEventListener(EVENTS.lightboxOpened, this.#forwardOpen);
    this.#host.addEventListener(EVENTS.lightboxClosed, this.#forwardClose);
    if (this.#view) {
      this.#leaseFor(this.#shownOptions?.decoder ?? "auto");
      this.#view.attach();
    }
    if (this.#near) return this.#schedule();
    this.#observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      this.#near = true;
      this.#observer?.disconnect();
      this.#observer = null;
      this.#schedule();
    }, { rootMargin: NEAR });
    this.#observer.observe(this.#host);
  }

  disconnect() {
    if (!this.#connected) return;
    this.#connected = false;
    this.#generation++;  // a render under way is not shown
    if (this.#wantedOptions !== this.#shownOptions) this.#wantedOptions = null;  // rendered again when back
    this.#ticket?.leave();
    this.#observer?.disconnect();
    this.#observer = null;
    this.#host.removeEventListener(EVENTS.lightboxOpened, this.#forwardOpen);
    this.#host.removeEventListener(EVENTS.lightboxClosed, this.#forwardClose);
    this.#view?.detach();
    this.#lease?.then((services) => services.dispose(), () => {});
    this.#lease = null;
  }

  #forward(name, /** @type {Event} */ event) {
    emit(this.#host, name, /** @type {CustomEvent} */ (event).detail);
  }

  // Several options set at once render once.
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.#connected && this.#near && this.#options) this.#update(this.#options);
    });
  }

  /** @param {EmbedOptions} options */
  #update(options) {
    if (this.#wantedOptions && sameOptions(options, this.#wantedOptions)) return;
    this.#wantedOptions = options;
    if (this.#view && this.#shownOptions && sameContent(options, this.#shownOptions)) {
      this.#generation++;  // a render under way for other content is not shown
      this.#view.setLayout(options.layout);  // only the layout changed: the photos stay as they are
      this.#shownOptions = options;
      return;
    }
    this.#render(options);
  }

  #leaseFor(decoder) {
    if (this.#lease && this.#leaseDecoder === decoder) return this.#lease;
    this.#lease?.then((services) => services.dispose(), () => {});
    this.#leaseDecoder = decoder;
    const lease = hub.acquire(decoder);
    lease.catch(() => {
      if (this.#lease === lease) this.#lease = null;  // the next render tries again
    });
    return (this.#lease = lease);
  }

  /** @param {EmbedOptions} options */
  async #render(options) {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    this.#ticket?.leave();
    const ticket = (this.#ticket = enterQueue(this.#host));
    let url = null;
    /** @type {{ node: Node, view: PostView | GalleryView | null, post: import("../runtime/stills.js").Post | null }} */
    let built;
    let failure = null;
    try {
      url = options.src ? new URL(options.src, document.baseURI).href : null;
      const [services, text] = await Promise.all([this.#leaseFor(options.decoder), this.#textOf(options, url)]);
      const post = typeof text === "string" ? this.#parse(services, options, text, url) : text;
      built = this.#build(options, services, post);
      await built.view?.prepare();  // every photo's size known: what is shown now does not move
    } catch (error) {
      const message = String(/** @type {any} */ (error)?.message ?? error);
      const summary = options.src ? `The post ${options.src} could not be shown` : "There is no post to show";
      built = { node: renderFailure(summary, message), view: null, post: null };
      failure = { url, message, diagnostics: [] };
    }
    const root = await this.#prepareRoot();
    if (!current()) return ticket.leave();
    await ticket.turn();
    if (!current()) return;
    this.#show(root, built, options);
    const { post, view } = built;
    if (failure || !post) return emit(this.#host, WIDGET_EVENTS.error, failure);
    const gallery = view instanceof GalleryView ? view.id : null;
    emit(this.#host, WIDGET_EVENTS.rendered, { meta: post.meta, diagnostics: post.diagnostics, gallery });
    const errors = post.diagnostics.filter((d) => d.severity === "error");
    if (errors.length) {
      const message = `${errors.length} error${errors.length === 1 ? "" : "s"} in ${options.src ?? "the post"}`;
      emit(this.#host, WIDGET_EVENTS.error, { url, message, diagnostics: errors });
    }
  }

  /** The post's text (or the post itself, when given parsed). */
  async #textOf(options, url) {
    if (options.post != null) return options.post;
    if (!url) throw new Error("the element has no src (the URL of a post file) and no post");
    return fetchPost(url);
  }

  #parse(services, options, text, url) {
    const pageUrl = url ?? document.baseURI;
    const base = options.base ? new URL(options.base, document.baseURI).href : siteRootOf(pageUrl);
    const parse = options.kind === "gallery" ? services.stills.parseFrontmatter : services.stills.parsePost;
    return parse(text, { url: pageUrl, base });
  }

  /**
   * @param {EmbedOptions} options
   * @param {import("../runtime/services.js").Services} services
   * @param {import("../runtime/stills.js").Post} post
   */
  #build(options, services, post) {
    const fileName = options.src ?? "the post";
    const onActivate = options.lightbox ? undefined : null;
    if (options.kind === "post") {
      const view = new PostView(post, { services, fileName, layout: options.layout, onActivate });
      return { node: view.element, view, post };
    }
    const gallery = pickGallery(post.galleries, options.gallery);
    if (!gallery) {
      const ids = post.galleries.map((g) => g.id).join(", ") || "none";
      throw new Error(`${fileName} has no gallery “${options.gallery ?? 0}” (its galleries: ${ids})`);
    }
    const view = new GalleryView(gallery, { services, layout: options.layout, onActivate });
    const node = element("div", "widget-gallery");
    const errors = post.diagnostics.filter((d) => d.severity === "error");
    if (errors.length) node.append(renderDiagnostics(errors, fileName));
    if (options.showTitle && gallery.title) node.append(withPart(element("h2", "gallery-title", gallery.title), "title"));
    node.append(view.element);
    return { node, view, post };
  }

  #show(root, built, options) {
    this.#view?.detach();
    if (this.#frame.parentNode !== root) root.replaceChildren(this.#frame);  // first, or no-shadow was switched
    this.#frame.replaceChildren(built.node);
    this.#view = built.view;
    this.#shownOptions = options;
    built.view?.attach();
  }
}
