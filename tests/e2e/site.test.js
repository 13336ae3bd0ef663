// The site's settings, links between posts, tables, dates in the reader's zone, and hostile URLs and
// routes that must not take a page down.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openPage, startBrowser } from "./browser.js";
import { root } from "../js/helpers.js";

let browser;
before(async () => {
  browser = await startBrowser({ timezoneId: "America/Los_Angeles" });
});
after(() => browser?.close());

const indexYaml = await readFile(new URL("content/index.yaml", root), "utf8");

// Serves `body` in place of a content file for this page.
const replace = (page, path, body, contentType = "text/markdown") =>
  page.route(`${browser.origin}/${path}`, (route) => route.fulfill({ contentType, body }));

test("site settings in index.yaml feed the header, document.title, description, og tags and <html lang>", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  await replace(page, "index.yaml", `${indexYaml}
title: Harbour Light
description: Photographs from the north coast
author: Ada Lovelace
language: de-CH
links:
  - { label: About, url: /about.html }
  - { label: Mastodon, url: "https://example.org/@ada" }
  - { label: Bad, url: "javascript:alert(1)" }
`, "text/yaml");
  await page.goto(`${browser.origin}/`);
  await page.locator(".cards").waitFor();
  assert.equal(await page.locator(".site-name").textContent(), "Harbour Light");
  assert.equal(await page.title(), "Harbour Light");
  assert.equal(await page.locator(".index-title").textContent(), "Photographs from the north coast");
  assert.equal(await page.locator("meta[name=description]").getAttribute("content"), "Photographs from the north coast");
  assert.equal(await page.locator("meta[name=author]").getAttribute("content"), "Ada Lovelace");
  assert.equal(await page.locator('meta[property="og:site_name"]').getAttribute("content"), "Harbour Light");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "de-CH");
  const links = await page.locator(".site-links a").evaluateAll((list) => list.map((a) => [a.textContent, a.href]));
  assert.deepEqual(links, [["About", `${browser.origin}/about.html`], ["Mastodon", "https://example.org/@ada"]]);
  assert.match(await page.locator(".diagnostics").textContent(), /line \d+, column 1 warning: link 3 \('Bad'\) must be an http, https or mailto address/);
  await page.locator(".card-link", { hasText: "Water and Wood" }).click();
  await page.locator("article.post").waitFor();
  assert.equal(await page.title(), "Water and Wood · Harbour Light");
  assert.deepEqual(problems, []);
});

test("without settings the defaults stand; a bad value gets a diagnostic, not a broken page", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  await replace(page, "index.yaml", `${indexYaml}\ntitle: [not, text]\nlanguage: "not a language!"\n`, "text/yaml");
  await page.goto(`${browser.origin}/`);
  await page.locator(".cards").waitFor();
  assert.equal(await page.locator(".site-name").textContent(), "stills");
  assert.equal(await page.title(), "stills");
  assert.equal(await page.locator(".index-title").textContent(), "Photo stories");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  const text = await page.locator(".diagnostics").textContent();
  assert.match(text, /'title' must be text; the default is used/);
  assert.match(text, /'language' must be a language tag/);
  assert.equal(await page.locator(".card").count(), 4);
  assert.deepEqual(problems, []);
});

test("a date-only post shows the day written to a reader west of UTC", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  await replace(page, "posts/kalatozov-stills.md", "---\ntitle: Midsummer\ndate: 2024-06-14\n---\nText.\n");
  await page.goto(`${browser.origin}/#/kalatozov-stills`);
  await page.locator("article.post").waitFor();
  assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), "America/Los_Angeles");
  assert.equal(await page.locator(".post-facts time").textContent(), "June 14, 2024");
  assert.equal(await page.locator(".post-facts time").getAttribute("datetime"), "2024-06-14");
  assert.deepEqual(problems, []);
});

test("links to a listed post's file lead to its route; others stay as written", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  await replace(page, "posts/notes-on-black-and-white.md", `---\ntitle: Links\n---
[same folder](kalatozov-stills.md) [up and back](../posts/water-and-wood.md#boats) [root](/posts/contact-sheet.md)
[not listed](other.md) [elsewhere](https://example.org/x.md)
`);
  await page.goto(`${browser.origin}/#/notes-on-black-and-white`);
  await page.locator("article.post").waitFor();
  const hrefs = await page.locator(".post-body a").evaluateAll((list) => list.map((a) => a.getAttribute("href")));
  assert.deepEqual(hrefs, ["#/kalatozov-stills", "#/water-and-wood", "#/contact-sheet",
    `${browser.origin}/posts/other.md`, "https://example.org/x.md"]);
  await page.locator(".post-body a", { hasText: "same folder" }).click();
  await page.locator("h1.post-title", { hasText: "Kalatozov" }).waitFor();
  assert.deepEqual(problems, []);
});

test("tables have rules and padding, and scroll inside the column on a phone", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  await page.setViewportSize({ width: 390, height: 844 });
  const wide = Array.from({ length: 9 }, (_, i) => `column number ${i + 1}`);
  await replace(page, "posts/notes-on-black-and-white.md", `---\ntitle: Table\n---
| ${wide.join(" | ")} |
|${wide.map(() => "---").join("|")}|
| ${wide.map((w) => w.toUpperCase()).join(" | ")} |
`);
  await page.goto(`${browser.origin}/#/notes-on-black-and-white`);
  await page.locator("article.post table").waitFor();
  const style = await page.evaluate(() => {
    const cell = getComputedStyle(document.querySelector("td"));
    const head = getComputedStyle(document.querySelector("th"));
    const scroll = document.querySelector(".table-scroll");
    return { padding: parseFloat(cell.paddingLeft), rule: parseFloat(cell.borderBottomWidth), headRule: parseFloat(head.borderBottomWidth),
      pageWidth: document.documentElement.scrollWidth, scrolls: scroll.scrollWidth > scroll.clientWidth, focusable: scroll.tabIndex };
  });
  assert.ok(style.padding >= 8, `cell padding ${style.padding}`);
  assert.ok(style.rule >= 1 && style.headRule > style.rule, "rules under rows and a heavier one under the head");
  assert.ok(style.pageWidth <= 390, "the page does not scroll sideways");
  assert.ok(style.scrolls, "the table scrolls in its box");
  assert.equal(style.focusable, 0, "its box takes keyboard focus to scroll");
  assert.deepEqual(problems, []);
});

test("photo and cover URLs no parser takes, and bad percent-escapes, become error tiles or are left out", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  const post = `---
title: Hostile URLs
cardCover: "http://[bad"
date: 2026-02-01
galleries:
  - images:
      - "http://[bad/x.avif"
      - "/assets/photos/100%.avif"
      - /assets/photos/kalatozov-stills/kalatozov-stills-1.avif
---
{{gallery}}
`;
  await replace(page, "posts/notes-on-black-and-white.md", post);
  await page.goto(`${browser.origin}/#/notes-on-black-and-white`);
  await page.locator("article.post").waitFor();
  await page.locator(".photo img").waitFor();
  const tiles = await page.locator(".photo.failed .photo-error strong").allTextContents();
  assert.deepEqual(tiles, ["x.avif", "100%.avif"]);
  assert.equal(await page.locator('meta[property="og:image"]').count(), 0);
  await page.goto(`${browser.origin}/`);
  await page.locator(".cards").waitFor();
  const card = page.locator(".card", { hasText: "Hostile URLs" });
  assert.equal(await card.count(), 1);
  assert.equal(await card.locator(".card-cover").count(), 0, "the bad cover is left out");
  const unexpected = problems.filter((p) => !/100%25\.avif|HTTP 404|status of 404|ERR_INVALID_URL|\[bad/.test(p));
  assert.deepEqual(unexpected, []);
});

test("a hash that is no route shows “not found”", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/#/%`);
  await page.locator(".message h1").waitFor();
  assert.equal(await page.locator(".message h1").textContent(), "Not found");
  await page.evaluate(() => (location.hash = "#/%E0%A4%A"));
  await page.waitForFunction(() => document.querySelector(".message p")?.textContent.includes("no page"));
  assert.deepEqual(problems, []);
});

test("index.yaml is fetched once per page life, however many pages are shown", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  const fetched = [];
  page.on("request", (request) => request.url().endsWith("/index.yaml") && fetched.push(request.url()));
  await page.goto(`${browser.origin}/`);
  await page.locator(".cards").waitFor();
  for (const hash of ["#/water-and-wood", "#/", "#/tag/bnw", "#/kalatozov-stills", "#/no-such-post"]) {
    await page.evaluate((hash) => (location.hash = hash), hash);
    await page.waitForFunction(() => !document.querySelector("main > .loading"));
    await page.waitForTimeout(100);
  }
  assert.equal(await page.locator(".message h1").textContent(), "Not found");
  assert.equal(fetched.length, 1, fetched.join(", "));
  assert.deepEqual(problems, []);
});
