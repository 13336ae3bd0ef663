// The index: a card per post (cover, title, excerpt, date, location, tags), newest first, filtered by a
// tag when the route names one. It needs only content/index.yaml and each post's frontmatter.
import { element } from "../dom/element.js";
import { renderFacts, renderTags } from "../dom/post-facts.js";
import { showDecoded, showError, showNative } from "../dom/photo-painter.js";
import { postHref, tagHref } from "./routes.js";

/** A cover the browser's URL parser takes, or null: a bad cover is left out, not a broken card. */
function coverUrl(cover) {
  if (!cover) return null;
  try {
    new URL(cover, document.baseURI);
    return cover;
  } catch {
    return null;
  }
}

function renderCard({ slug, meta }, tag) {
  const card = element("article", "card");
  const link = element("a", "card-link");
  link.setAttribute("href", postHref(slug));
  const cover = coverUrl(meta.cardCover) ? element("figure", "photo card-cover loading") : null;
  if (cover) link.append(cover);
  link.append(element("h2", "card-title", meta.title ?? slug));
  card.append(link);
  if (meta.excerpt) card.append(element("p", "card-excerpt", meta.excerpt));
  const facts = renderFacts(meta);
  if (facts.childElementCount) card.append(facts);
  if (meta.tags.length) card.append(renderTags(meta.tags, { hrefOf: tagHref, current: tag }));
  return { card, cover };
}

/**
 * @param {Array<{ slug: string, meta: any }>} posts
 * @param {{ tag: string | null, heading: string, services: import("../runtime/services.js").Services }} options
 * @returns {{ element: HTMLElement, attach: () => void, detach: () => void }}
 */
export function renderIndex(posts, { tag, heading, services }) {
  const page = element("section", "index");
  page.append(element("h1", "index-title", tag ? `Posts tagged “${tag}”` : heading));
  if (tag) {
    const all = element("a", "index-all", "All posts");
    all.setAttribute("href", "#/");
    page.append(all);
  }
  const shown = posts
    .filter((post) => !tag || post.meta.tags.includes(tag))
    .sort((a, b) => (b.meta.timestamp ?? -Infinity) - (a.meta.timestamp ?? -Infinity));
  const list = element("div", "cards");
  const covers = [];
  for (const post of shown) {
    const { card, cover } = renderCard(post, tag);
    list.append(card);
    if (cover) covers.push({ cover, image: { img: post.meta.cardCover, alt: "" } });  // the title beside it says it
  }
  page.append(shown.length ? list : element("p", "notice", "No post has this tag."));

  let controller = null;
  return {
    element: page,
    attach() {
      if (controller) return;
      controller = new AbortController();
      for (const { cover, image } of covers) {
        if (!cover.classList.contains("loading")) continue;  // painted, or failed, before
        const onError = (error) => showError(cover, image, error);
        if (services.decoder === "native") showNative(cover, image, { onError });
        else showDecoded(cover, image, { services, width: cover.clientWidth, height: cover.clientHeight, signal: controller.signal })
          .catch((error) => error?.name !== "AbortError" && onError(error));
      }
    },
    detach() {
      controller?.abort(new DOMException("the page changed", "AbortError"));
      controller = null;
    },
  };
}
