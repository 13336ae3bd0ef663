// The site: content/index.yaml lists the posts; #/ shows the index, #/tag/NAME the index for a tag,
// #/SLUG a post. Everything is fetched and rendered in the browser: there is no build step for content.
import { renderDiagnostics } from "../dom/diagnostics-box.js";
import { element } from "../dom/element.js";
import { PostView } from "../dom/post-view.js";
import { createServices } from "../runtime/services.js";
import { createContent, linkToRoute } from "./content.js";
import { renderIndex } from "./index-view.js";
import { describePage, renderHeader } from "./page-meta.js";
import { photoHref, postHref, postPath, publishedHref, publishedSlug, routeOf, slugOf, tagHref } from "./routes.js";
import { DEFAULT_SETTINGS } from "./settings.js";

/**
 * Runs the site in `document` (its #main and .site-header) until the page goes.
 * @param {Document} document
 */
export async function startSite(document) {
  const main = /** @type {HTMLElement} */ (document.getElementById("main"));
  const header = /** @type {HTMLElement} */ (document.querySelector(".site-header"));
  const base = new URL("./", document.baseURI);
  let settings = DEFAULT_SETTINGS;
  /** @typedef {{ element: HTMLElement, attach?: () => void, detach: () => void, slug?: string, view?: PostView }} Page */
  /** @type {Page} what is on the page, to stop its work when it goes */
  let shown = { element: main, detach() {} };
  // A published post's page (npm run prerender) holds the post already: the live one takes its place
  // where the reader is, not back at the top.
  let keepScroll = main.querySelector(":scope > article.post") !== null;

  const show = (/** @type {Page} */ page) => {
    shown.detach();
    main.replaceChildren(page.element);
    page.attach?.();
    shown = page;
    if (!keepScroll) scrollTo(0, 0);
    keepScroll = false;
  };

  const showMessage = (title, detail, diagnostics = []) => {
    const section = element("section", "message");
    section.append(element("h1", null, title), element("p", null, detail));
    if (diagnostics.length) section.append(renderDiagnostics(diagnostics, "index.yaml"));
    describePage(document, settings, { title });
    show({ element: section, detach() {} });
  };

  async function showIndex({ content, services }, tag) {
    const { posts, diagnostics } = await content.index();
    const read = async (path) => ({ slug: slugOf(path), meta: (await content.frontmatter(path)).meta });
    const page = renderIndex(posts, { tag, heading: settings.description, services, read });
    if (diagnostics.length) page.element.prepend(renderDiagnostics(diagnostics, "index.yaml"));
    await page.ready;  // the first page of cards: the index comes on the screen whole
    describePage(document, settings, { title: tag ? `#${tag}` : null });
    show(page);
  }

  // Opens or closes the lightbox to match the route, and keeps the address on the photo shown.
  function syncLightbox(open) {
    const { slug, view } = shown;
    if (!view || !slug) return;
    if (!open) return view.galleries.forEach((gallery) => gallery.closePhoto());
    const gallery = view.galleries.find((g) => g.id === open.gallery);
    gallery?.openPhoto(open.index, {
      onChange: (index) => history.replaceState(null, "", photoHref(slug, gallery.id, index)),
      onClose: () => location.hash !== postHref(slug) && history.replaceState(null, "", postHref(slug)),
    }).catch((error) => console.warn(`the lightbox could not open: ${error.message}`));
  }

  async function showPost({ content, services }, slug, open) {
    if (shown.slug === slug) return syncLightbox(open);  // the same post: only the lightbox changes
    const { posts, routes, diagnostics } = await content.index();
    const path = posts.find((p) => slugOf(p) === slug);
    if (!path) return showMessage("Not found", `There is no post “${slug}”.`, diagnostics);
    const view = new PostView(await content.post(path), {
      services,
      fileName: path,
      onActivate: (id, index) => (location.hash = photoHref(slug, id, index)),
      linkHref: linkToRoute(routes),
      tagHref,
    });
    await view.prepare();  // every photo's size is known before the post goes on the page: nothing moves
    const { meta } = view.post;
    describePage(document, settings, { title: meta.title, description: meta.excerpt, image: meta.cardCover, type: "article" });
    show({ slug, view, element: view.element, attach: () => view.attach(), detach: () => view.detach() });
    syncLightbox(open);
  }

  const fail = (error) => showMessage("This page could not be shown", error.message);

  async function route(site) {
    const target = routeOf(location, base);
    try {
      if (target.page === "index") await showIndex(site, target.tag);
      else if (target.page === "post") await showPost(site, target.slug, target.open);
      else showMessage("Not found", "This address leads to no page of this site.");
    } catch (error) {
      fail(error);
    }
  }

  try {
    // Nothing waits that need not: while the core loads, index.yaml is fetched and, on a post's
    // route, the post too (the slug names its file; the index, when it comes, says if it is listed).
    const servicesReady = createServices({ decoder: new URLSearchParams(location.search).get("decoder") });
    // On a published post's page, links between posts lead to their published pages, as they do in its HTML.
    const content = createContent(servicesReady.then((services) => services.stills), base,
      publishedSlug(location, base) !== null ? { postLink: publishedHref } : {});
    const first = routeOf(location, base);
    if (first.page === "post") content.prefetchPost(postPath(first.slug));
    const indexRead = content.index().then(({ settings: given }) => {
      settings = given;
      renderHeader(header, settings);
    }, () => {});  // without the index the defaults stand; the page says what went wrong
    const services = await servicesReady;
    document.documentElement.dataset.decoder = services.decoder;
    const site = { services, content };
    await indexRead;
    addEventListener("hashchange", () => route(site));
    await route(site);
  } catch (error) {
    fail(error);
  }
}
