// The index: a card per post (cover, title, excerpt, date, location, tags) in the order index.yaml lists
// them (newest first), filtered by a tag when the route names one. It needs only content/index.yaml and
// the frontmatters of the posts it shows.
import { element } from "../dom/element.js";
import { renderFacts, renderTags } from "../dom/post-facts.js";
import { showDecoded, showError, showNative } from "../dom/photo-painter.js";
import { createPostFeed } from "./post-feed.js";
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

/** Cards read and added at a time: a screen's worth and more on a wide screen, a few on a phone. */
export const CARDS_PER_PAGE = 12;

/**
 * The index, a page of cards at first and more as the reader scrolls near its end.
 * @param {string[]} paths the listed posts, newest first
 * @param {{ tag: string | null, heading: string, services: import("../runtime/services.js").Services,
 *   read: (path: string) => Promise<{ slug: string, meta: any }> }} options
 * @returns {{ element: HTMLElement, ready: Promise<void>, attach: () => void, detach: () => void }}
 */
export function renderIndex(paths, { tag, heading, services, read }) {
  const page = element("section", "index");
  page.append(element("h1", "index-title", tag ? `Posts tagged “${tag}”` : heading));
  if (tag) {
    const all = element("a", "index-all", "All posts");
    all.setAttribute("href", "#/");
    page.append(all);
  }
  const feed = createPostFeed(paths, read, (post) => !tag || post.meta.tags.includes(tag));
  const list = element("div", "cards");
  const more = element("div", "index-more");  // near the screen: the next page is read
  let covers = [];     // not yet painted
  let controller = null;
  let observer = null;

  const paintCovers = () => {
    for (const { cover, image } of covers) {
      const onError = (error) => showError(cover, image, error);
      if (services.decoder === "native") showNative(cover, image, { onError });
      else showDecoded(cover, image, { services, width: cover.clientWidth, height: cover.clientHeight, signal: controller.signal })
        .catch((error) => error?.name !== "AbortError" && onError(error));
    }
    covers = [];
  };

  const addPage = async () => {
    for (const post of await feed.next(CARDS_PER_PAGE)) {
      const { card, cover } = renderCard(post, tag);
      list.append(card);
      if (cover) covers.push({ cover, image: { img: post.meta.cardCover, alt: "" } });  // the title beside it says it
    }
    if (controller) paintCovers();
    if (feed.done) {
      observer?.disconnect();
      more.remove();
    }
  };

  const ready = addPage().then(() => {
    if (list.childElementCount) page.append(list);
    else page.append(element("p", "notice", tag ? "No post has this tag." : "No posts yet."));
    if (!feed.done) page.append(more);
  });

  let adding = null;
  const onNearEnd = (entries) => {
    if (adding || !entries.some((entry) => entry.isIntersecting)) return;
    adding = addPage().finally(() => {
      adding = null;
      // Still near the end (a tall screen, a tag page that found few): observing again asks once more.
      if (observer && !feed.done) {
        observer.unobserve(more);
        observer.observe(more);
      }
    });
  };

  return {
    element: page,
    ready,
    attach() {
      if (controller) return;
      controller = new AbortController();
      paintCovers();
      if (feed.done) return;
      observer = new IntersectionObserver(onNearEnd, { rootMargin: "0px 0px 100% 0px" });
      observer.observe(more);
    },
    detach() {
      controller?.abort(new DOMException("the page changed", "AbortError"));
      controller = null;
      observer?.disconnect();
      observer = null;
    },
  };
}
