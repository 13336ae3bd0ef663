// Hash routes, so a static host serves every page from index.html without rewrites, at its root or in
// a sub-folder:   #/ the index · #/tag/NAME the index for a tag · #/SLUG a post

export function parseRoute(hash) {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: "index", tag: null };
  if (parts[0] === "tag" && parts.length > 1) return { page: "index", tag: parts[1] };
  return { page: "post", slug: parts[0] };
}

export const postHref = (slug) => `#/${encodeURIComponent(slug)}`;
export const tagHref = (tag) => `#/tag/${encodeURIComponent(tag)}`;

/** A post's slug: its file name without the extension. */
export const slugOf = (path) => path.replace(/^.*\//, "").replace(/\.md$/, "");
