// Post model (from parsePost) -> DOM. Text goes in as text; the body's HTML is sanitized with DOMPurify
// before it touches the page, since a post's raw HTML is untrusted.
import DOMPurify from "./vendor/purify.es.mjs";
import { renderDiagnostics } from "./diagnostics-box.js";
import { element, renderFacts, renderTags } from "./post-facts.js";

function renderHeader(meta) {
  const header = element("header", "post-header");
  header.append(element("h1", "post-title", meta.title ?? "Untitled"));
  const facts = renderFacts(meta);
  if (facts.childElementCount) header.append(facts);
  if (meta.tags.length) header.append(renderTags(meta.tags));
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
