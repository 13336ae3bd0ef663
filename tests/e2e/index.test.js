// The index page: a card per post, newest first, tag filters that can be linked, and cards that lead
// to their posts.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openPage, startBrowser } from "./browser.js";

let browser;
before(async () => {
  browser = await startBrowser();
});
after(() => browser?.close());

const titles = (page) => page.locator(".card-title").allTextContents();

test("the index lists every post, newest first, with its card", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/`);
  await page.locator(".cards").waitFor();
  assert.deepEqual(await titles(page),
    ["Stills from my favorite Kalatozov Movies", "A Year in Frames", "Water and Wood", "Notes on Black and White"]);
  const second = page.locator(".card").nth(2);
  assert.equal(await second.locator(".card-excerpt").textContent(), "Piers, boats and planks: a short walk along the lake, printed in black and white.");
  assert.equal(await second.locator("time").getAttribute("datetime"), "2025-11-02T15:20:00.000Z");
  assert.equal(await second.locator(".post-location").textContent(), "Lake Constance");
  assert.deepEqual(await second.locator(".post-tags a").allTextContents(), ["lake", "bnw"]);
  await page.waitForFunction(() => [...document.querySelectorAll(".card-cover img")].every((img) => img.complete && img.naturalWidth > 0));
  assert.equal(await page.locator(".card-cover img").count(), 3);
  assert.equal(await page.locator(".card").nth(3).locator(".card-cover").count(), 0, "no cover without a cardCover");
  assert.deepEqual(problems, []);
});

test("a tag filters the index, with a link that can be shared", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/`);
  await page.locator(".cards").waitFor();
  await page.locator(".post-tags a", { hasText: "lake" }).first().click();
  await page.waitForFunction(() => location.hash === "#/tag/lake");
  await page.locator(".index-title", { hasText: "lake" }).waitFor();
  assert.deepEqual(await titles(page), ["Water and Wood"]);
  const shared = await browser.context.newPage();
  await shared.goto(`${browser.origin}/#/tag/notes`);
  await shared.locator(".index-title", { hasText: "notes" }).waitFor();
  assert.deepEqual(await titles(shared), ["Notes on Black and White"]);
  await shared.close();
  await page.locator(".index-all").click();
  await page.locator(".index-title", { hasText: "Photo stories" }).waitFor();
  assert.equal((await titles(page)).length, 4);
  assert.deepEqual(problems, []);
});

test("a card leads to its post; galleries placed by id, captions kept", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/`);
  await page.locator(".cards").waitFor();
  await page.locator(".card-link", { hasText: "Water and Wood" }).click();
  await page.locator("article.post").waitFor();
  assert.equal(await page.locator("h1.post-title").textContent(), "Water and Wood");
  assert.deepEqual(await page.locator(".gallery").evaluateAll((list) => list.map((g) => g.id)), ["stillness", "boats"]);
  assert.equal(await page.locator("#boats img").first().getAttribute("alt"),
    "Rowing boats drawn up on a shingle beach under a heavy evening sky");
  assert.equal(await page.locator("#boats img").first().getAttribute("title"), "Evening, the last boats in.");
  assert.deepEqual(problems, []);
});

// A site of 1,000 posts, served from the test: each a short post with a date, a tag on every tenth.
const BIG_SITE = 1000;
async function openBigSite(hash) {
  const page = await browser.context.newPage();
  const read = [];
  const paths = Array.from({ length: BIG_SITE }, (_, i) => `posts/post-${i}.md`);
  await page.route(`${browser.origin}/index.yaml`, (route) => route.fulfill({ contentType: "text/yaml",
    body: `title: Big\nposts:\n${paths.map((path) => `  - ${path}\n`).join("")}` }));
  await page.route(/\/posts\/post-\d+\.md$/, (route) => {
    const n = Number(route.request().url().match(/post-(\d+)\.md$/)[1]);
    read.push(n);
    route.fulfill({ contentType: "text/markdown",
      body: `---\ntitle: Post ${n}\ndate: 2020-01-01\ntags: [${n % 10 === 0 ? "tenth" : "other"}]\n---\nText.\n` });
  });
  await page.goto(`${browser.origin}/${hash}`);
  await page.locator(".cards").waitFor();
  return { page, read };
}

// After the page settles: how many cards there are, and where (in screens) the last card and the last but
// one page end: pages were read until one screen past the view was filled, no further.
async function settled(page) {
  await page.waitForLoadState("networkidle");
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll(".card")];
    const screens = (y) => (y + scrollY) / innerHeight;
    return { count: cards.length, lastEnds: screens(cards.at(-1).getBoundingClientRect().bottom),
      pageBeforeEnds: screens(cards.at(-13).getBoundingClientRect().bottom) };
  });
}

test("an index of 1,000 posts reads pages of frontmatters only until its first screen and one more are filled, and more as the reader scrolls", async () => {
  const { page, read } = await openBigSite("#/");
  const first = await settled(page);
  assert.deepEqual(await titles(page), Array.from({ length: first.count }, (_, i) => `Post ${i}`));
  assert.equal(read.length, first.count, "every post read is shown");
  assert.ok(first.lastEnds > 2 && first.pageBeforeEnds < 2, JSON.stringify(first));
  await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction((count) => document.querySelectorAll(".card").length > count, first.count);
  const second = await settled(page);
  assert.deepEqual(await titles(page), Array.from({ length: second.count }, (_, i) => `Post ${i}`));
  assert.ok(read.length < 200, `read ${read.length} of ${BIG_SITE}`);
  await page.close();
});

test("a tag page of a 1,000-post site reads on only until its first screens of tagged posts are filled", async () => {
  const { page, read } = await openBigSite("#/tag/tenth");
  const first = await settled(page);
  assert.deepEqual(await titles(page), Array.from({ length: first.count }, (_, i) => `Post ${10 * i}`));
  assert.ok(first.lastEnds > 2 && first.pageBeforeEnds < 2, JSON.stringify(first));
  assert.ok(read.length <= 10 * first.count + 12, `read ${read.length} for ${first.count} cards`);
  await page.close();
});
