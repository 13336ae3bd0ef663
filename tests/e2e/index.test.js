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
