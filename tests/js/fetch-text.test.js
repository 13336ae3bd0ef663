// Reading a post only as far as its frontmatter: the JS rule for where it ends agrees with the core's,
// and fetchText stops reading (and cancels) the response once the caller has what it needs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fetchText } from "../../web/runtime/fetch-text.js";
import { holdsFrontmatter } from "../../web/runtime/frontmatter-end.js";
import { loadStills, readSamplePost } from "./helpers.js";

const stills = await loadStills();
const sample = await readSamplePost();

test("wherever the start of a post holds its frontmatter by the JS rule, the core reads the same frontmatter from it", () => {
  const posts = [sample, sample.replace(/\n/g, "\r\n"), "---\ntitle: a\n...\nbody\n", "---  \n---\t\nbody",
    "no frontmatter\n---\n", "---\ntitle: ----\n----\n---\nbody\n", "---\ntitle: open\n"];
  for (const post of posts) {
    const whole = stills.parseFrontmatter(post);
    let first = -1;
    for (let length = 0; length <= post.length; length++) {
      if (!holdsFrontmatter(post.slice(0, length))) continue;
      if (first < 0) first = length;
      assert.deepEqual(stills.parseFrontmatter(post.slice(0, length)), whole, `${JSON.stringify(post.slice(0, 20))} cut at ${length}`);
    }
    if (!post.endsWith("open\n")) assert.ok(first > 0 && first < post.length, `${JSON.stringify(post.slice(0, 20))}: held at ${first}`);
  }
  assert.equal(holdsFrontmatter(sample.slice(0, sample.indexOf("\n---\n") + 4)), false, "a closing line not yet ended");
});

test("fetchText with `until` reads no more of the response than it needs, and cancels the rest", async () => {
  let pulled = 0;
  let cancelled = false;
  const chunks = ["---\ntitle: A", " post\n---\n", "Body.\n".repeat(1000)];
  const body = new ReadableStream({
    pull(controller) {
      controller.enqueue(new TextEncoder().encode(chunks[Math.min(pulled++, 2)]));
    },
    cancel() {
      cancelled = true;
    },
  });
  const realFetch = globalThis.fetch;
  globalThis.fetch = async () => new Response(body);
  try {
    const text = await fetchText("https://example.org/posts/a.md", { until: holdsFrontmatter });
    assert.equal(text, "---\ntitle: A post\n---\n");
    assert.ok(pulled <= 3, `${pulled} chunks pulled`);
    assert.ok(cancelled);
  } finally {
    globalThis.fetch = realFetch;
  }
});
