// The small pieces a post's header and an index card share: the date, location and tags.
import { postDate } from "../runtime/dates.js";
import { element } from "./element.js";

/**
 * "January 22, 2026 · Location": the day the author wrote, in the reader's language (the date as
 * written when it is not ISO-8601).
 * @param {{ date?: string | null, timestamp?: number | null, location?: string | null }} meta
 */
export function renderFacts(meta) {
  const facts = element("p", "post-facts");
  const date = postDate(meta);
  if (date) {
    const time = /** @type {HTMLTimeElement} */ (element("time", null, date.text));
    time.dateTime = date.datetime;
    facts.append(time);
  } else if (meta.date) {
    facts.append(element("span", null, meta.date));
  }
  if (meta.location) facts.append(element("span", "post-location", meta.location));
  return facts;
}

/**
 * The tags; as links where `hrefOf` gives each an address, the `current` one marked.
 * @param {string[]} tags
 * @param {{ hrefOf?: (tag: string) => string, current?: string | null }} [options]
 */
export function renderTags(tags, { hrefOf, current = null } = {}) {
  const list = element("ul", "post-tags");
  for (const tag of tags) {
    const label = element(hrefOf ? "a" : "span", tag === current ? "current" : null, tag);
    if (hrefOf) label.setAttribute("href", hrefOf(tag));
    const item = element("li");
    item.append(label);
    list.append(item);
  }
  return list;
}
