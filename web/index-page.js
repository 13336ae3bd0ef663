// The index: a card per post (cover, title, excerpt, date, location, tags), newest first, filtered by a
// tag when the route names one. It needs only content/index.yaml and each post's frontmatter.
import { postHref } from "./routes.js";
import { showDecoded, showError, showNative } from "./photo-painter.js";
import { element, renderFacts, renderTags } from "./post-facts.js";

function renderCard({ slug, meta }, tag) {
  const card = element("article", "card");
  const link = element("a", "card-link");
  link.href = postHref(slug);
  const cover = meta.cardCover ? element("figure", "photo card-cover loading") : null;
  if (cover) link.append(cover);
  link.append(element("h2", "card-title", meta.title ?? slug));
  card.append(link);
  if (meta.excerpt) card.append(element("p", "card-excerpt", meta.excerpt));
  const facts = renderFacts(meta);
  if (facts.childElementCount) card.append(facts);
  if (meta.tags.length) card.append(renderTags(meta.tags, tag));
  return { card, cover };
}

/**
 * @param {Array<{ slug: string, meta: object }>} posts
 * @param {{ tag: string | null, decoder: "native" | "wasm", pool?: object }} options
 * @returns {{ element: HTMLElement, attach: () => void, detach: () => void }}
 */
export function renderIndex(posts, { tag, decoder, pool }) {
  const page = element("section", "index");
  const heading = element("h1", "index-title", tag ? `Posts tagged “${tag}”` : "Photo stories");
  page.append(heading);
  if (tag) {
    const all = element("a", "index-all", "All posts");
    all.href = "#/";
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
    if (cover) covers.push({ cover, image: { img: post.meta.cardCover, alt: post.meta.title ?? "" } });
  }
  page.append(shown.length ? list : element("p", "notice", "No post has this tag."));

  const controller = new AbortController();
  return {
    element: page,
    attach() {
      for (const { cover, image } of covers) {
        const fail = (error) => showError(cover, image, error);
        if (decoder === "native") showNative(cover, image, fail);
        else showDecoded(cover, image, { pool, width: cover.clientWidth, height: cover.clientHeight, signal: controller.signal })
          .catch((error) => error?.name !== "AbortError" && fail(error));
      }
    },
    detach() {
      controller.abort(new DOMException("the page changed", "AbortError"));
    },
  };
}
