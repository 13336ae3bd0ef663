// The photos being made into AVIF, one line each: what is happening, a progress bar, a cancel button;
// then its outcome. Below them, offers a dropped photo makes (its date, its place). The list empties
// itself a while after the last job ends.
import { element } from "../dom/element.js";

const CLEAR_AFTER_MS = 8000;

/**
 * @typedef {{ stage: (text: string) => void, done: (text: string) => void, failed: (text: string) => void }} PhotoJob
 */

export class PhotoJobs {
  #list;
  #running = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #clearTimer;

  /** @param {HTMLElement} list a <ul>, hidden while empty */
  constructor(list) {
    this.#list = list;
  }

  /**
   * A line for the photo `name`; `cancel` is called when the author asks.
   * @param {string} name
   * @param {() => void} cancel
   * @returns {PhotoJob}
   */
  add(name, cancel) {
    clearTimeout(this.#clearTimer);
    this.#running++;
    const item = element("li", "photo-job");
    const state = element("span", "photo-job-state", "Waiting…");
    const bar = element("progress");
    bar.setAttribute("aria-label", `${name}: encoding to AVIF`);
    const stop = element("button", "photo-job-cancel", "Cancel");
    stop.setAttribute("type", "button");
    stop.setAttribute("aria-label", `Cancel ${name}`);
    stop.addEventListener("click", cancel, { once: true });
    item.append(element("span", "photo-job-name", name), bar, state, stop);
    this.#show(item);
    let ended = false;
    const end = (text, outcome) => {
      if (ended) return;
      ended = true;
      item.classList.add(outcome);
      state.textContent = text;
      bar.remove();
      stop.remove();
      if (--this.#running === 0) this.#clearTimer = setTimeout(() => this.#clear(), CLEAR_AFTER_MS);
    };
    return {
      stage: (text) => !ended && (state.textContent = text),
      done: (text) => end(text, "done"),
      failed: (text) => end(text, "failed"),
    };
  }

  /**
   * An offer to the author (a button), gone once taken.
   * @param {string} text
   * @param {() => void} take
   */
  offer(text, take) {
    const item = element("li", "photo-offer");
    const button = element("button", "photo-offer-take", text);
    button.setAttribute("type", "button");
    button.addEventListener("click", () => {
      take();
      item.remove();
      if (!this.#list.children.length) this.#list.hidden = true;
    }, { once: true });
    item.append(button);
    this.#show(item);
  }

  #show(item) {
    this.#list.append(item);
    this.#list.hidden = false;
  }

  #clear() {
    for (const item of [...this.#list.children]) if (!item.matches(".photo-offer")) item.remove();
    this.#list.hidden = !this.#list.children.length;
  }
}
