// How a stills site is laid out: what content/index.yaml lists (the posts' paths, as the site and
// the editor both read them), and where a post file's site begins.

/**
 * @param {any} index the file as parseYaml read it
 * @returns {string[]} the paths under `posts:` (anything but text is left out)
 */
export function listedPosts(index) {
  return Array.isArray(index?.posts) ? index.posts.filter((path) => typeof path === "string") : [];
}

/**
 * The root of the site a post file belongs to, for its root-relative photo paths (/assets/x.avif):
 * the folder that holds its posts/ folder, as a stills site is laid out; else the root of its origin.
 * @param {string | URL} postUrl
 */
export function siteRootOf(postUrl) {
  const url = new URL(postUrl);
  const posts = url.pathname.lastIndexOf("/posts/");
  url.pathname = posts >= 0 ? url.pathname.slice(0, posts + 1) : "/";
  url.search = url.hash = "";
  return url.href;
}
