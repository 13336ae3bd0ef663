// Hosting: the site works from a sub-folder with no server rewrites (root-relative photo paths resolve
// against the site's base), and looks right on a phone and a large screen, light and dark (screenshots
// are saved in test-results/ to be looked at).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { openPage, startBrowser } from "./browser.js";

let browser;
before(async () => {
  browser = await startBrowser({ prefix: "/blog/" });
  await mkdir("test-results", { recursive: true });
});
after(() => browser?.close());

test("served from /blog/, the index, a post and its photos all load", async () => {
  assert.ok(browser.origin.endsWith("/blog"));
  const { page, problems } = await openPage(browser.context, `${browser.origin}/`);
  await page.locator(".cards").waitFor();
  await page.locator(".card-link", { hasText: "Kalatozov" }).click();
  await page.locator("article.post").waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll(".photo img")].length === 17);
  const sources = await page.locator(".photo img").evaluateAll((list) => list.map((img) => new URL(img.src).pathname));
  assert.ok(sources.every((path) => path.startsWith("/blog/assets/photos/kalatozov-stills/")), sources[0]);
  await page.evaluate(() => Promise.all([...document.querySelectorAll(".photo img")].map((img) => {
    img.loading = "eager";
    return img.decode();
  })));
  assert.deepEqual(problems, []);
});

for (const [device, width, height] of [["phone", 390, 844], ["desktop", 2560, 1440]]) {
  for (const scheme of ["light", "dark"]) {
    test(`${device} (${width} px), ${scheme}: readable, nothing wider than the screen`, async () => {
      const { page, problems } = await openPage(browser.context, "about:blank");
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${browser.origin}/#/kalatozov-stills`);
      await page.locator("article.post").waitFor();
      await page.evaluate(() => Promise.all([...document.querySelectorAll(".photo img")].map((img) => {
        img.loading = "eager";
        return img.decode();
      })));
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        textWidth: document.querySelector(".post-body > p").getBoundingClientRect().width,
        fontSize: parseFloat(getComputedStyle(document.querySelector(".post-body > p")).fontSize),
        background: getComputedStyle(document.body).backgroundColor,
      }));
      assert.ok(layout.scrollWidth <= width, "no sideways scrolling");
      assert.ok(layout.fontSize >= 16, "body text at least 16 px");
      assert.ok(layout.textWidth <= 42 * layout.fontSize, "lines of a readable length");
      const [r, g, b] = layout.background.match(/\d+/g).map(Number);
      assert.ok(scheme === "dark" ? r + g + b < 150 : r + g + b > 600, `${scheme} background ${layout.background}`);
      await page.waitForFunction(() => !document.querySelector(".photo.loading"));
      await page.screenshot({ path: `test-results/post-${device}-${scheme}.png`, fullPage: device === "phone" });
      assert.deepEqual(problems, []);
    });
  }
}
