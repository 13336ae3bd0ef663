// The small pieces a post's header and its index card share: elements, the date, location and tags.
import { tagHref } from "./routes.js";

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

/** "January 22, 2026 · Location": the date in the reader's language (as written when not ISO-8601). */
export function renderFacts(meta) {
  const facts = element("p", "post-facts");
  if (meta.timestamp != null) {
    const time = element("time", null, new Date(meta.timestamp).toLocaleDateString(undefined, { dateStyle: "long" }));
    time.dateTime = new Date(meta.timestamp).toISOString();
    facts.append(time);
  } else if (meta.date) {
    facts.append(element("span", null, meta.date));
  }
  if (meta.location) facts.append(element("span", "post-location", meta.location));
  return facts;
}

/** The tags as links to their index pages; `current` is marked. */
export function renderTags(tags, current = null) {
  const list = element("ul", "post-tags");
  for (const tag of tags) {
    const link = element("a", tag === current ? "current" : null, tag);
    link.href = tagHref(tag);
    const item = element("li");
    item.append(link);
    list.append(item);
  }
  return list;
}
