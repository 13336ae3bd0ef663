// What content/index.yaml lists: the posts' paths, as the site and the editor both read them.

/**
 * @param {any} index the file as parseYaml read it
 * @returns {string[]} the paths under `posts:` (anything but text is left out)
 */
export function listedPosts(index) {
  return Array.isArray(index?.posts) ? index.posts.filter((path) => typeof path === "string") : [];
}
