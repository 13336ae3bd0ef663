// The posts an index shows, read a page at a time in the order index.yaml lists them (newest first):
// a site of 1,000 posts costs the first screen what a site of ten does. A tag page reads on until it
// has a page of posts with the tag, or the list ends.

/**
 * @template T
 * @param {string[]} paths the posts, as index.yaml lists them
 * @param {(path: string) => Promise<T>} read one post's card data (a post that fails is left out)
 * @param {(entry: T) => boolean} [keep] which posts the index shows
 */
export function createPostFeed(paths, read, keep = () => true) {
  let position = 0;
  let kept = [];  // read and kept, not yet given
  return {
    /** Whether every post has been given. */
    get done() {
      return position >= paths.length && kept.length === 0;
    },
    /**
     * The next `count` posts to show (fewer when the list ends). Posts are read `count` at a time, at
     * once; a tag page reads rounds until it has `count` with the tag and keeps any more for next time.
     * @param {number} count
     * @returns {Promise<T[]>}
     */
    async next(count) {
      while (kept.length < count && position < paths.length) {
        const round = paths.slice(position, position + count);
        position += round.length;
        const entries = await Promise.all(round.map((path) => read(path).catch(() => null)));
        kept.push(...entries.filter((entry) => entry !== null && keep(entry)));
      }
      const page = kept.slice(0, count);
      kept = kept.slice(count);
      return page;
    },
  };
}
