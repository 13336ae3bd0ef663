// A published post (npm run prerender) in Chromium: without JavaScript it shows its text and every photo
// in justified rows; with it, the site takes the page over with no layout shift (CLS 0, every photo where
// it was, links to posts leading to their published pages) and the lightbox works; a link preview's scraper, reading the HTML alone, finds title,
// description and image.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openPage, startBrowser } from "./browser.js";
import { publish } from "../../scripts/publish/publish.mjs";

const OUT = "build/published-test";  // served as the content folder, over dist/
let browser;
before(async () => {
  const content = await mkdtemp(join(tmpdir(), "stills-content-"));
  await cp(fileURLToPath(new URL("../../content", import.meta.url)), content, { recursive: true });
  const index = await readFile(join(content, "index.yaml"), "utf8");
  await writeFile(join(content, "index.yaml"), `url: https://photos.example/\n${index}`);
  const post = join(content, "posts/kalatozov-stills.md");
  await writeFile(post, `${await readFile(post, "utf8")}\nSee also [Water and Wood](water-and-wood.md).\n`);
  const out = fileURLToPath(new URL(`../../${OUT}`, import.meta.url));
  await rm(out, { recursive: true, force: true });
  await publish({ dist: fileURLToPath(new URL("../../dist", import.meta.url)), content, out, warn: () => {} });
  await rm(content, { recursive: true });
  browser = await startBrowser({ content: OUT });  // dist/, then the published folder (its content and pages)
});
after(() => browser?.close());

// The boxes of the first gallery's photos, rounded to pixels.
const photoBoxes = (page) => page.locator("section.gallery").first().locator(".photo").evaluateAll((figures) =>
  figures.map((figure) => {
    const { x, y, width, height } = figure.getBoundingClientRect();
    return [x, y + scrollY, width, height].map(Math.round);
  }));

async function openPublished({ javaScript, width = 1280 }) {
  const opened = await openPage(browser.context, "about:blank");
  await opened.page.setViewportSize({ width, height: 900 });
  if (!javaScript) await opened.page.route("**/site/main.js", (route) => route.abort());
  await opened.page.addInitScript(() => {
    window.__layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__layoutShift += /** @type {any} */ (entry).value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await opened.page.goto(`${browser.origin}/posts/kalatozov-stills/`);
  if (!javaScript) opened.problems.splice(0);  // the script refused on purpose
  return opened;
}

for (const width of [1280, 390]) {
  test(`without JavaScript at ${width} px the published post shows its text and all 17 photos, each row one height`, async () => {
    const { page, problems } = await openPublished({ javaScript: false, width });
    await page.locator("main h1.post-title", { hasText: "Stills from my favorite Kalatozov Movies" }).waitFor();
    assert.match(await page.locator(".post-body p").first().textContent(), /^Shooting mostly black and white/);
    const rows = await page.locator(".static-row").evaluateAll((lines) => lines.map((line) =>
      [...line.children].map((figure) => Math.round(figure.getBoundingClientRect().height))));
    assert.equal(rows.flat().length, 17);
    for (const row of rows) {
      assert.ok(row.every((height) => height > 40), `a photo has its box: ${row}`);
      assert.ok(Math.max(...row) - Math.min(...row) <= 1, `a row is one height: ${row}`);
    }
    await page.screenshot({ path: `test-results/published-no-js-${width}.png` });
    assert.deepEqual(problems, []);
  });
}

for (const width of [1280, 390]) {
  test(`with JavaScript at ${width} px the site takes the published post over with no layout shift, and the lightbox opens`, async () => {
    const still = await openPublished({ javaScript: false, width });
    await still.page.locator(".static-row").first().waitFor();
    const before = await photoBoxes(still.page);
    const { page, problems } = await openPublished({ javaScript: true, width });
    await page.waitForFunction(() => document.documentElement.dataset.decoder && !document.querySelector(".static-frame") &&
      document.querySelectorAll("main .photo img").length === 17);
    const live = await photoBoxes(page);
    assert.equal(live.length, before.length);
    live.forEach((box, i) => box.forEach((value, k) => assert.ok(Math.abs(value - before[i][k]) <= 2, `photo ${i + 1}: ${box} where it was ${before[i]}`)));
    assert.equal(await page.evaluate(() => window.__layoutShift), 0);
    const link = (opened) => opened.locator(".post-body a", { hasText: "Water and Wood" }).evaluate((a) => a.href);
    assert.equal(await link(page), await link(still.page), "a link to a post leads where it did");
    assert.equal(await link(page), `${browser.origin}/posts/water-and-wood/`);
    await page.locator("section.gallery .photo").first().click();
    await page.locator(".pswp.pswp--ready").waitFor();
    assert.deepEqual(problems, []);
  });
}

test("a reader who scrolled down before the site took over stays where they were", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  await page.setViewportSize({ width: 1280, height: 900 });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/site/main.js", async (route) => {
    await held;  // the site's script arrives once the reader has scrolled
    await route.continue();
  });
  await page.goto(`${browser.origin}/posts/kalatozov-stills/`, { waitUntil: "commit" });  // "load" waits for the script
  await page.locator("#i-am-cuba").scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => scrollY);
  assert.ok(scrolled > 500, `scrolled to ${scrolled}`);
  release();
  await page.waitForFunction(() => document.documentElement.dataset.decoder && !document.querySelector(".static-frame"));
  assert.ok(Math.abs((await page.evaluate(() => scrollY)) - scrolled) <= 2);
  assert.deepEqual(problems, []);
});

test("a link preview's scraper, reading the HTML alone, finds the title, description and an absolute image", async () => {
  const html = await (await fetch(`${browser.origin}/posts/kalatozov-stills/`)).text();
  assert.match(html, /<meta property="og:title" content="Stills from my favorite Kalatozov Movies">/);
  assert.match(html, /<meta property="og:description" content="The Soviet director used striking imagery/);
  assert.match(html, /<meta property="og:image" content="https:\/\/photos\.example\/assets\/photos\/kalatozov-stills\/kalatozov-stills\.avif">/);
});
