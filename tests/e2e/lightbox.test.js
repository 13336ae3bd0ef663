// The lightbox: opened by click or Enter, arrows and Escape, a counter and captions, an address per
// photo that opens it directly, focus back on the photo after, and the same with the wasm decoder.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openPage, startBrowser } from "./browser.js";

let browser;
before(async () => {
  browser = await startBrowser();
});
after(() => browser?.close());

const counter = (page) => page.locator(".pswp__counter").textContent();
const hash = (page) => page.evaluate(() => location.hash);
const opened = (page) => page.locator(".pswp.pswp--ready").waitFor();

test("click opens, arrows move, Escape closes and gives focus back", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/#/kalatozov-stills`);
  await page.locator("article.post").waitFor();
  await page.locator("#the-cranes-are-flying .photo").nth(1).click();
  await opened(page);
  assert.equal(await hash(page), "#/kalatozov-stills/the-cranes-are-flying/2");
  assert.equal((await counter(page)).replace(/\s/g, ""), "2/5");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => location.hash.endsWith("/3"));
  assert.equal((await counter(page)).replace(/\s/g, ""), "3/5");
  await page.waitForFunction(() => document.querySelector(".pswp__item:not([aria-hidden='true']) img")?.complete);
  await page.keyboard.press("Escape");
  await page.locator(".pswp").waitFor({ state: "detached" });
  assert.equal(await hash(page), "#/kalatozov-stills");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.index), "1", "focus is back on the photo");
  // Enter on a focused photo opens it too.
  await page.locator("#letter-never-sent .photo").first().focus();
  await page.keyboard.press("Enter");
  await opened(page);
  assert.equal(await hash(page), "#/kalatozov-stills/letter-never-sent/1");
  assert.deepEqual(problems, []);
});

test("a photo's address opens it directly, with its caption; Back closes it on the post", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/#/water-and-wood/boats/1`);
  await opened(page);
  assert.equal((await counter(page)).replace(/\s/g, ""), "1/2");
  assert.equal(await page.locator(".pswp__caption").textContent(), "Evening, the last boats in.");
  await page.keyboard.press("Escape");
  await page.locator(".pswp").waitFor({ state: "detached" });
  assert.equal(await hash(page), "#/water-and-wood");
  // Opened from the post, Back goes to the post with the lightbox gone.
  await page.locator("#boats .photo").nth(1).click();
  await opened(page);
  assert.equal(await hash(page), "#/water-and-wood/boats/2");
  await page.goBack();
  await page.locator(".pswp").waitFor({ state: "detached" });
  assert.equal(await hash(page), "#/water-and-wood");
  assert.equal(await page.locator("h1.post-title").textContent(), "Water and Wood");
  assert.deepEqual(problems, []);
});

test("with the wasm decoder the lightbox paints the photo from the codec workers", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/?decoder=wasm#/kalatozov-stills/i-am-cuba/3`);
  await page.locator(".pswp").waitFor();
  assert.equal((await counter(page)).replace(/\s/g, ""), "3/9");
  await page.waitForFunction(() => {
    const canvas = document.querySelector(".pswp__item:not([aria-hidden='true']) canvas.pswp__img");
    return canvas && canvas.width === 1600 && canvas.height === 1600;
  }, null, { timeout: 20_000 });
  assert.deepEqual(problems, []);
});
