// The site's content, fetched as a static host serves it: content/index.yaml (read once per page life)
// lists the posts and holds the site's settings; each post is fetched when it is shown.
import { fetchText } from "../runtime/fetch-text.js";
import { holdsFrontmatter } from "../runtime/frontmatter-end.js";
import { listedPosts } from "../runtime/site-index.js";
import { readSettings } from "./settings.js";
import { postHref, slugOf } from "./routes.js";

/**
 * @param {Promise<Awaited<ReturnType<typeof import("../runtime/stills.js").createStills>>>} stillsReady the
 *   core, still loading: files are fetched at once and parsed when it is there
 * @param {URL} base the site's root
 * @param {{ postLink?: (slug: string) => string }} [options] postLink: where a link to a listed post leads
 *   (its route; on a published site, its published page)
 */
export function createContent(stillsReady, base, { postLink = postHref } = {}) {
  let index = null;
  const early = new Map();  // post URL -> its text, fetched before anyone asked (prefetchPost)

  const readIndex = async () => {
    const [text, stills] = await Promise.all([fetchText(new URL("index.yaml", base)), stillsReady]);
    const { value, diagnostics } = stills.parseYaml(text);
    const posts = listedPosts(value);
    const { settings, diagnostics: problems } = readSettings(value, text, base);
    // Links in posts to a listed post's file lead to its route instead.
    const routes = new Map(posts.map((path) => [new URL(path, base).href, postLink(slugOf(path))]));
    return { posts, settings, routes, diagnostics: [...diagnostics, ...problems] };
  };

  /**
   * @param {string} path
   * @param {"parsePost" | "parseFrontmatter"} parse
   * @param {(start: string) => boolean} [until] read only until this holds (parseFrontmatter's part)
   */
  const fetchPost = async (path, parse, until) => {
    const url = new URL(path, base);
    const fetched = early.get(url.href) ?? fetchText(url, { until });
    early.delete(url.href);
    const [text, stills] = await Promise.all([fetched, stillsReady]);
    return stills[parse](text, { url: url.href, base: base.href });
  };

  return {
    /** The index, once per page life (a failed fetch is tried again next time). */
    index() {
      index ??= readIndex().catch((error) => {
        index = null;
        throw error;
      });
      return index;
    },
    /**
     * Starts fetching a post before the index has said where it is, for the next post(path) to take.
     * @param {string} path
     */
    prefetchPost(path) {
      const url = new URL(path, base);
      const fetched = fetchText(url);
      fetched.catch(() => {});  // a guess that missed; whoever takes it hears why
      early.set(url.href, fetched);
    },
    /** @param {string} path a post as index.yaml lists it */
    post: (path) => fetchPost(path, "parsePost"),
    /** @param {string} path only the frontmatter, for the index page: read until it ends */
    frontmatter: (path) => fetchPost(path, "parseFrontmatter", holdsFrontmatter),
  };
}

/**
 * Where a link in a post leads on this site: a listed post's file goes to its route.
 * @param {Map<string, string>} routes
 * @returns {(href: string) => string | null}
 */
export function linkToRoute(routes) {
  return (href) => {
    try {
      const url = new URL(href);
      url.hash = url.search = "";
      return routes.get(url.href) ?? null;
    } catch {
      return null;
    }
  };
}
