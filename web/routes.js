// Hash routes, so a static host serves every page from index.html without rewrites, at its root or in
// a sub-folder:   #/ the index · #/tag/NAME the index for a tag · #/SLUG a post ·
//                 #/SLUG/GALLERY/N the post with its gallery's Nth photo (from 1) open in the lightbox

export function parseRoute(hash) {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: "index", tag: null };
  if (parts[0] === "tag" && parts.length > 1) return { page: "index", tag: parts[1] };
  const photo = Number(parts[2]);
  const open = parts[1] && Number.isInteger(photo) && photo >= 1 ? { gallery: parts[1], index: photo - 1 } : null;
  return { page: "post", slug: parts[0], open };
}

export const postHref = (slug) => `#/${encodeURIComponent(slug)}`;
export const tagHref = (tag) => `#/tag/${encodeURIComponent(tag)}`;
export const photoHref = (slug, gallery, index) =>
  `#/${encodeURIComponent(slug)}/${encodeURIComponent(gallery)}/${index + 1}`;

/** A post's slug: its file name without the extension. */
export const slugOf = (path) => path.replace(/^.*\//, "").replace(/\.md$/, "");
