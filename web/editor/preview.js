// The live preview: the post as the site shows it (web/dom's views), patched in place on every input.
// It also finds what only the page can: photos and a cover that do not load, as problems on their line.
import { PostView } from "../dom/post-view.js";
import { EVENTS } from "../dom/events.js";

/**
 * @typedef {import("./source-pane.js").Problem} Problem
 */

export class Preview {
  #services;
  #container;
  #url;
  #base;
  #onProblems;
  /** @type {PostView | null} */
  #view = null;
  /** @type {import("../runtime/stills.js").Post | null} */
  #post = null;
  /** @type {Map<string, string>} photo URL -> why it did not load */
  #failedPhotos = new Map();
  /** @type {Map<string, string>} photo URL as the post gives it -> a blob: URL of the photo kept here */
  #localPhotos = new Map();
  /** @type {{ cover: string, message: string | null } | null} the cover checked last, and why it failed */
  #coverProblem = null;

  /**
   * @param {HTMLElement} container
   * @param {{ services: import("../runtime/services.js").Services, url: string, base: string,
   *   onProblems: (problems: Problem[]) => void }} options url: where the post lives (its links and
   *   photos resolve against it); onProblems: the core's and the page's problems, after every change
   */
  constructor(container, { services, url, base, onProblems }) {
    this.#services = services;
    this.#container = container;
    this.#url = url;
    this.#base = base;
    this.#onProblems = onProblems;
    container.addEventListener(EVENTS.photoFailed, (event) => {
      const { src, error } = /** @type {CustomEvent} */ (event).detail;
      this.#failedPhotos.set(src, error?.message ?? String(error));
      this.#report();
    });
  }

  /** The post last rendered. */
  get post() {
    return this.#post;
  }

  /** @param {string} url where the post now lives (its relative links and photos resolve against it) */
  moveTo(url) {
    this.#url = url;
  }

  /**
   * Shows the photo at `path` (root-relative, as the frontmatter writes it) from bytes kept here: an
   * AVIF, or the original a photo is being encoded from (`type` its own).
   * @param {string} path
   * @param {Uint8Array | Blob} photo
   * @param {string} [type]
   */
  keepPhoto(path, photo, type = "image/avif") {
    const url = this.forgetPhoto(path);
    const blob = photo instanceof Blob ? photo : new Blob([/** @type {Uint8Array<ArrayBuffer>} */ (photo)], { type });
    this.#localPhotos.set(url, URL.createObjectURL(blob));
  }

  /**
   * Lets go of the photo kept for `path` (a photo taken out of the post). Returns its URL as the core reads it.
   * @param {string} path
   */
  forgetPhoto(path) {
    const url = new URL(path.replace(/^\/+/, ""), this.#base).href;  // root-relative: the site's root, as the core reads it
    const old = this.#localPhotos.get(url);
    if (old) URL.revokeObjectURL(old);
    this.#localPhotos.delete(url);
    return url;
  }

  /**
   * Parses `text` and shows it, changing only what changed. Returns once the text is on the page;
   * galleries that changed are laid out as soon as their sizes are known (from the cache, at once).
   * @param {string} text
   */
  render(text) {
    const post = this.#services.stills.parsePost(text, { url: this.#url, base: this.#base, sourceLines: true });
    for (const image of post.galleries.flatMap((gallery) => gallery.images)) image.img = this.#localPhotos.get(image.img) ?? image.img;
    this.#post = post;
    if (!this.#view) {
      this.#view = new PostView(post, { services: this.#services, fileName: "this post" });
      this.#container.replaceChildren(this.#view.element);
      this.#view.prepare().then(() => this.#view?.attach());
    } else {
      this.#view.update(post);
    }
    this.#checkCover(post.meta.cardCover);
    this.#report();
    return post;
  }

  /** The top-level block of the preview written at or before `line`, if any. */
  blockAt(line) {
    let found = null;
    for (const block of this.#container.querySelectorAll(".post-body > [data-line]")) {
      if (Number(block.getAttribute("data-line")) > line) break;
      found = block;
    }
    return /** @type {HTMLElement | null} */ (found);
  }

  /** The source line of the first block at or below the top of the preview's scroll box. */
  lineAtTop(scroller) {
    const top = scroller.getBoundingClientRect().top;
    for (const block of this.#container.querySelectorAll(".post-body > [data-line]")) {
      if (block.getBoundingClientRect().bottom > top) return Number(block.getAttribute("data-line"));
    }
    return null;
  }

  // A photo's URL as the author writes it: the path under the site's root.
  #asWritten(url) {
    return url.startsWith(this.#base) ? `/${url.slice(this.#base.length)}` : url;
  }

  #checkCover(cover) {
    // Offline a cover cannot be checked, and its failure would be the network's, not the author's.
    if (!cover || this.#coverProblem?.cover === cover || !navigator.onLine) return;
    /** @type {{ cover: string, message: string | null }} */
    const checking = { cover, message: null };
    this.#coverProblem = checking;
    this.#services.sizes.sizeOf(cover).catch((error) => {
      if (this.#coverProblem !== checking) return;
      checking.message = `the cardCover ${this.#asWritten(cover)} does not load: ${error.message}`;
      this.#report();
    });
  }

  #report() {
    const post = this.#post;
    if (!post) return;
    /** @type {Problem[]} */
    const problems = [...post.diagnostics];
    for (const gallery of post.galleries) {
      for (const image of gallery.images) {
        const why = this.#failedPhotos.get(image.img);
        if (why) problems.push({ severity: "error", message: `the photo ${this.#asWritten(image.img)} does not load: ${why}`, line: image.line, column: image.column });
      }
    }
    const cover = this.#coverProblem;
    if (cover?.message && cover.cover === post.meta.cardCover && post.positions.cardCover) {
      problems.push({ severity: "error", message: cover.message, ...post.positions.cardCover });
    }
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    this.#onProblems(problems);
  }
}
