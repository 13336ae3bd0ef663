// Post model (from parsePost) -> DOM. Text goes in as text; the body's HTML is sanitized with DOMPurify
// before it touches the page, since a post's raw HTML is untrusted.
import DOMPurify from "./vendor/purify.es.mjs";
import { renderDiagnostics } from "./diagnostics-box.js";
import { tagHref } from "./routes.js";

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

function renderHeader(meta) {
  const header = element("header", "post-header");
  header.append(element("h1", "post-title", meta.title ?? "Untitled"));
  const facts = element("p", "post-facts");
  if (meta.timestamp != null) {
    const time = element("time", null, new Date(meta.timestamp).toLocaleDateString(undefined, { dateStyle: "long" }));
    time.dateTime = new Date(meta.timestamp).toISOString();
    facts.append(time);
  } else if (meta.date) {
    facts.append(element("span", null, meta.date));
  }
  if (meta.location) facts.append(element("span", "post-location", meta.location));
  if (facts.childElementCount) header.append(facts);
  if (meta.tags.length) {
    const tags = element("ul", "post-tags");
    for (const tag of meta.tags) {
      const link = element("a", null, tag);
      link.href = tagHref(tag);
      const item = element("li");
      item.append(link);
      tags.append(item);
    }
    header.append(tags);
  }
  return header;
}

function renderBlock(block, post, renderGallery) {
  switch (block.type) {
    case "html":
      return DOMPurify.sanitize(block.html, { RETURN_DOM_FRAGMENT: true });
    case "gallery":
      return renderGallery(post.galleries[block.gallery]);
    case "notice":
      return element("p", "notice", block.message);
    default:
      return document.createDocumentFragment();
  }
}

/**
 * @param {object} post what parsePost returns
 * @param {{ fileName?: string, renderGallery: (gallery: object) => Node }} options fileName is named in
 *   the error box; renderGallery makes a gallery's element
 */
export function renderPost(post, { fileName, renderGallery }) {
  const article = element("article", "post");
  article.append(renderHeader(post.meta));
  const shown = post.diagnostics.filter((d) => d.severity !== "info");
  if (shown.length) article.append(renderDiagnostics(shown, fileName));
  const body = element("div", "post-body");
  for (const block of post.blocks) body.append(renderBlock(block, post, renderGallery));
  article.append(body);
  return article;
}
