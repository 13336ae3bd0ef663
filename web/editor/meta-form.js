// The frontmatter as a form: title, excerpt, date, location, tags and cover. A field the author changes
// rewrites only that key's value in the text; a change in the text shows in the fields (but not in the
// one being typed in).
import { element } from "../dom/element.js";

/** The fields, their keys and how their text maps to a value. */
const FIELDS = [
  { key: "title", label: "Title" },
  { key: "excerpt", label: "Excerpt", multiline: true },
  { key: "date", label: "Date", hint: "2026-01-22 or 2026-01-22T08:30:00+01:00" },
  { key: "location", label: "Location" },
  { key: "tags", label: "Tags", hint: "separated by commas" },
  { key: "cardCover", label: "Cover photo", hint: "/assets/photos/…/cover.avif" },
];

const toValue = (key, text) => (key === "tags" ? text.split(",").map((tag) => tag.trim()).filter(Boolean) : text);
const toText = (key, value) => (key === "tags" ? (value ?? []).join(", ") : value ?? "");

export class MetaForm {
  /** @type {Map<string, HTMLInputElement | HTMLTextAreaElement>} */
  #inputs = new Map();
  #fieldset;
  #note;
  /**
   * @param {HTMLElement} container
   * @param {{ onEdit: (key: string, value: string | string[]) => void }} options
   */
  constructor(container, { onEdit }) {
    this.#fieldset = /** @type {HTMLFieldSetElement} */ (element("fieldset", "meta-fields"));
    this.#note = element("p", "meta-note", "The frontmatter cannot be read: fix the YAML (see the problems) to use these fields.");
    this.#note.hidden = true;
    container.append(this.#note, this.#fieldset);
    for (const { key, label, multiline, hint } of FIELDS) {
      const id = `meta-${key}`;
      const labelElement = element("label", null, label);
      labelElement.setAttribute("for", id);
      const input = /** @type {HTMLInputElement | HTMLTextAreaElement} */ (element(multiline ? "textarea" : "input"));
      input.id = id;
      input.name = key;
      if (hint) input.setAttribute("placeholder", hint);
      if (multiline) input.setAttribute("rows", "2");
      input.addEventListener("input", () => onEdit(key, toValue(key, input.value)));
      this.#inputs.set(key, input);
      this.#fieldset.append(labelElement, input);
    }
  }

  /**
   * Shows the post's values (as written in its text) in every field but the focused one. While the
   * frontmatter cannot be read the fields are off: an edit then could write a key a second time.
   * @param {Record<string, unknown>} values by key
   * @param {{ readable: boolean }} state
   */
  show(values, { readable }) {
    this.#fieldset.disabled = !readable;
    this.#note.hidden = readable;
    if (!readable) return;
    for (const [key, input] of this.#inputs) {
      if (input === document.activeElement) continue;
      const text = toText(key, /** @type {any} */ (values[key]));
      if (input.value !== text) input.value = text;
    }
  }
}
