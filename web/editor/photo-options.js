// How dropped JPEG, PNG and WebP photos are made into AVIF: quality, the longest edge, and whether their
// GPS position is kept. Remembered in this browser.
import { element } from "../dom/element.js";
import { DEFAULT_LONGEST_EDGE, ENCODE_PIXEL_LIMIT } from "../runtime/image-decode.js";

const STORAGE_KEY = "stills-photo-options";

// Quality on libavif's scale; "" is the encoder's own default.
const QUALITIES = [["40", "Smaller files"], ["", "Balanced (default)"], ["75", "Finer"], ["90", "Finest"]];
const EDGES = [1600, 2048, DEFAULT_LONGEST_EDGE, 3840].sort((a, b) => a - b)
  .map((edge) => [String(edge), `${edge} px${edge === DEFAULT_LONGEST_EDGE ? " (default)" : ""}`])
  .concat([["0", `Full size (up to ${ENCODE_PIXEL_LIMIT / 1e6} MP)`]]);

/**
 * @typedef {{ quality: number | undefined, longestEdge: number, keepGps: boolean }} PhotoChoice
 */

function select(id, label, choices, value) {
  const field = /** @type {HTMLSelectElement} */ (element("select"));
  field.id = id;
  for (const [key, text] of choices) {
    const option = /** @type {HTMLOptionElement} */ (element("option", null, text));
    option.value = key;
    field.append(option);
  }
  field.value = choices.some(([key]) => key === value) ? value : choices.find(([, text]) => text.includes("(default)"))[0];
  const name = element("label", null, label);
  name.setAttribute("for", id);
  return { name, field };
}

export class PhotoOptions {
  #quality;
  #edge;
  #gps;

  /** @param {HTMLElement} container */
  constructor(container) {
    let saved = {};
    try {
      saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}");
    } catch {}  // unreadable or forbidden storage: the defaults
    const quality = select("photo-quality", "Quality", QUALITIES, saved.quality ?? "");
    const edge = select("photo-edge", "Longest edge", EDGES, saved.longestEdge);
    this.#quality = quality.field;
    this.#edge = edge.field;
    this.#gps = /** @type {HTMLInputElement} */ (element("input"));
    this.#gps.type = "checkbox";
    this.#gps.id = "photo-gps";
    this.#gps.checked = saved.keepGps === true;
    const gpsLabel = element("label", "photo-gps", "Keep the GPS position in photos");
    gpsLabel.prepend(this.#gps);
    const why = element("p", "photo-gps-why", "Off unless you choose it: the position a phone records can show where you live.");
    why.id = "photo-gps-why";
    this.#gps.setAttribute("aria-describedby", why.id);
    container.append(quality.name, quality.field, edge.name, edge.field, gpsLabel, why);
    container.addEventListener("change", () => this.#save());
  }

  /** @returns {PhotoChoice} */
  current() {
    return {
      quality: this.#quality.value === "" ? undefined : Number(this.#quality.value),
      longestEdge: Number(this.#edge.value),
      keepGps: this.#gps.checked,
    };
  }

  #save() {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ quality: this.#quality.value, longestEdge: this.#edge.value, keepGps: this.#gps.checked }));
    } catch {}  // not remembered: the choice still holds in this tab
  }
}
