// Hash routes, so a static host serves every page from index.html without rewrites, at its root or in
// a sub-folder:   #/ the index · #/tag/NAME the index for a tag · #/SLUG a post ·
//                 #/SLUG/GALLERY/N the post with its gallery's Nth photo (from 1) open in the lightbox
// A hash that is not a route (a bad percent-escape such as #/%) is { page: "missing" }. A published post
// (the publish step's posts/SLUG/index.html) is its post's route without a hash.

/**
 * @param {string} hash
 * @returns {{ page: "index", tag: string | null } | { page: "missing" }
 *   | { page: "post", slug: string, open: { gallery: string, index: number } | null }}
 */
export function parseRoute(hash) {
  let parts;
  try {
    parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return { page: "missing" };
  }
  if (parts.length === 0) return { page: "index", tag: null };
  if (parts[0] === "tag" && parts.length > 1) return { page: "index", tag: parts[1] };
  const photo = Number(parts[2]);
  const open = parts[1] && Number.isInteger(photo) && photo >= 1 ? { gallery: parts[1], index: photo - 1 } : null;
  return { page: "post", slug: parts[0], open };
}

/**
 * The route of the page at `address`: its hash, or, without one, a published post's path under `base`.
 * @param {URL | Location} address
 * @param {URL} base the site's root
 */
export function routeOf(address, base) {
  const slug = publishedSlug(address, base);
  return parseRoute(!address.hash && slug !== null ? `#/${slug}` : address.hash);
}

/** The slug of the published post whose page `address` is (its path, whatever its hash), or null. */
export function publishedSlug(address, base) {
  const inSite = address.pathname.startsWith(base.pathname) ? address.pathname.slice(base.pathname.length) : "";
  return /^posts\/([^/]+)\/(?:index\.html)?$/.exec(inSite)?.[1] ?? null;
}

/** Where the publish step puts a post's page, from the site's root. */
export const publishedHref = (/** @type {string} */ slug) => `posts/${encodeURIComponent(slug)}/`;

export const postHref = (/** @type {string} */ slug) => `#/${encodeURIComponent(slug)}`;
export const tagHref = (/** @type {string} */ tag) => `#/tag/${encodeURIComponent(tag)}`;
export const photoHref = (/** @type {string} */ slug, /** @type {string} */ gallery, /** @type {number} */ index) =>
  `#/${encodeURIComponent(slug)}/${encodeURIComponent(gallery)}/${index + 1}`;

/** A post's slug: its file name without the extension. */
export const slugOf = (/** @type {string} */ path) => path.replace(/^.*\//, "").replace(/\.md$/, "");

/** Where a post of this slug is when it sits where the README says posts go (index.yaml has the last word). */
export const postPath = (/** @type {string} */ slug) => `posts/${encodeURIComponent(slug)}.md`;
