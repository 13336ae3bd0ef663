// The index's feed of posts: a page at a time in the listed order, whatever the size of the site.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createPostFeed } from "../../web/site/post-feed.js";

const site = (count) => Array.from({ length: count }, (_, i) => `posts/post-${i}.md`);

function reader({ fails = () => false, tags = () => [] } = {}) {
  const read = [];
  return {
    read,
    async post(path) {
      read.push(path);
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (fails(path)) throw new Error(`${path}: 404`);
      return { path, tags: tags(path) };
    },
  };
}

test("of 1,000 listed posts, a page of 12 reads 12 frontmatters and gives them in the listed order", async () => {
  const paths = site(1000);
  const posts = reader();
  const feed = createPostFeed(paths, posts.post);
  const first = await feed.next(12);
  assert.deepEqual(first.map((post) => post.path), paths.slice(0, 12));
  assert.deepEqual(posts.read, paths.slice(0, 12));
  const second = await feed.next(12);
  assert.deepEqual(second.map((post) => post.path), paths.slice(12, 24));
  assert.equal(posts.read.length, 24);
  assert.equal(feed.done, false);
});

test("a post that cannot be read is left out and the page is filled from the posts after it", async () => {
  const paths = site(30);
  const posts = reader({ fails: (path) => path === "posts/post-3.md" });
  const feed = createPostFeed(paths, posts.post);
  const page = await feed.next(12);
  assert.deepEqual(page.map((post) => post.path), paths.slice(0, 13).filter((path) => path !== "posts/post-3.md"));
  assert.equal(posts.read.length, 24, "a second round of 12 filled the page");
  const next = await feed.next(12);
  assert.deepEqual(next.map((post) => post.path), paths.slice(13, 25), "the rest of that round comes first");
});

test("a tag page reads on until it has a page of posts with the tag, then stops; the list's end ends it", async () => {
  const paths = site(100);
  const tagged = (path) => Number(path.match(/\d+/)[0]) % 10 === 0;  // posts 0, 10, 20, ...
  const posts = reader({ tags: (path) => (tagged(path) ? ["rare"] : []) });
  const feed = createPostFeed(paths, posts.post, (post) => post.tags.includes("rare"));
  const page = await feed.next(3);
  assert.deepEqual(page.map((post) => post.path), ["posts/post-0.md", "posts/post-10.md", "posts/post-20.md"]);
  assert.ok(posts.read.length <= 30, `read ${posts.read.length} of 100`);
  const rest = await feed.next(100);
  assert.deepEqual(rest.map((post) => post.path), paths.filter(tagged).slice(3));
  assert.equal(feed.done, true);
  assert.deepEqual(await feed.next(3), []);
});
