// The demo site in real Chromium: the sample post renders, in place and in order, with no errors.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openPage, startBrowser } from "./browser.js";

let browser;
before(async () => {
  browser = await startBrowser();
});
after(() => browser?.close());

test("the demo shows the sample post with its three galleries in place", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/#/kalatozov-stills`);
  await page.locator("article.post").waitFor();
  assert.equal(await page.title(), "Stills from my favorite Kalatozov Movies · stills");
  assert.equal(await page.locator('meta[property="og:title"]').getAttribute("content"), "Stills from my favorite Kalatozov Movies");
  assert.match(await page.locator('meta[property="og:image"]').getAttribute("content"), /\/assets\/photos\/kalatozov-stills\/kalatozov-stills\.avif$/);
  assert.equal(await page.locator("h1.post-title").textContent(), "Stills from my favorite Kalatozov Movies");
  assert.equal(await page.locator("meta[name=description]").getAttribute("content"),
    "The Soviet director used striking imagery and compositions to capture the hearts of his audience.");
  assert.deepEqual(await page.locator(".post-tags li").allTextContents(), ["cinema", "inspiration", "bnw"]);
  assert.equal(await page.locator("time").getAttribute("datetime"), "2026-01-22T05:35:07.322Z");

  // Each heading is directly followed by its gallery, with the photos in frontmatter order.
  const sections = await page.locator(".post-body h3").evaluateAll((headings) =>
    headings.map((h) => {
      const gallery = h.nextElementSibling;
      return {
        heading: h.textContent,
        gallery: gallery.matches("section.gallery") ? gallery.id : null,
        photos: [...gallery.querySelectorAll("img")].map((img) => img.getAttribute("src").replace(/^.*\//, "")),
      };
    }));
  const photo = (n) => `kalatozov-stills-${n}.avif`;
  assert.deepEqual(sections, [
    { heading: "The Cranes Are Flying (1957)", gallery: "the-cranes-are-flying", photos: [1, 2, 3, 4, 6].map(photo) },
    { heading: "Letter Never Sent (1960)", gallery: "letter-never-sent", photos: [7, 8, 9].map(photo) },
    { heading: "I am Cuba (1964)", gallery: "i-am-cuba", photos: [11, 12, 13, 14, 15, 16, 17, 18, 19].map(photo) },
  ]);
  assert.match(await page.locator(".post-body > p").first().textContent(), /^Shooting mostly black and white/);
  assert.match(await page.locator(".post-body > p").last().textContent(), /state of mind of subjects\.$/);
  assert.equal(await page.locator(".diagnostics").count(), 0);
  assert.ok(!(await page.content()).includes("{{gallery}}"));

  // Every photo is fetched and decoded.
  await page.locator(".gallery img").evaluateAll((images) => Promise.all(images.map((img) => {
    img.loading = "eager";
    return img.decode();
  })));
  const broken = await page.locator(".gallery img").evaluateAll((images) =>
    images.filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src));
  assert.deepEqual(broken, []);
  await page.screenshot({ path: "test-results/demo-desktop.png", fullPage: false });
  assert.deepEqual(problems, []);
});

test("createStills() works in a module worker with no arguments", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  // A same-origin worker script, as the page's Content-Security-Policy allows.
  await page.route(`${browser.origin}/test-worker.js`, (route) => route.fulfill({
    contentType: "text/javascript",
    body: `
      import { createStills } from "./stills.js";
      const stills = await createStills();
      const text = await (await fetch("posts/kalatozov-stills.md")).text();
      const post = stills.parsePost(text);
      postMessage([post.meta.title, post.galleries.map((g) => g.images.length)]);`,
  }));
  await page.goto(`${browser.origin}/#/kalatozov-stills`);
  await page.locator("article.post").waitFor();
  const result = await page.evaluate(() => new Promise((resolve, reject) => {
    const worker = new Worker("test-worker.js", { type: "module" });
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message));
  }));
  assert.deepEqual(result, ["Stills from my favorite Kalatozov Movies", [5, 3, 9]]);
  assert.deepEqual(problems, []);
});

test("a malformed post shows the error box with the line, and its text", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  await page.route(`${browser.origin}/posts/kalatozov-stills.md`, (route) =>
    route.fulfill({ contentType: "text/markdown", body: "---\ntitle: Broken\ntags: [a\n---\n# Still readable\n" }));
  await page.goto(`${browser.origin}/#/kalatozov-stills`);
  await page.locator("article.post").waitFor();
  assert.match(await page.locator(".diagnostics").textContent(), /line 4, column 1 error: frontmatter is not valid YAML/);
  assert.equal(await page.locator(".post-body h1").textContent(), "Still readable");
  assert.deepEqual(problems, []);
});

test("raw HTML in a post cannot run script", async () => {
  const { page, problems } = await openPage(browser.context, "about:blank");
  const attack = [
    "<script>window.hacked = 1</script>",
    '<img src="x" onerror="window.hacked = 2">',
    '<a href="javascript:window.hacked = 3" id="js-link">click</a>',
    "[md link](javascript:window.hacked=4)",
    '<svg><animate onbegin="window.hacked = 5" attributeName="x" dur="1s"/></svg>',
    '<iframe srcdoc="<script>parent.hacked = 6</script>"></iframe>',
  ].join("\n\n");
  await page.route(`${browser.origin}/posts/kalatozov-stills.md`, (route) =>
    route.fulfill({ contentType: "text/markdown", body: `---\ntitle: XSS\n---\n${attack}\n` }));
  await page.goto(`${browser.origin}/#/kalatozov-stills`);
  await page.locator("article.post").waitFor();
  await page.locator("#js-link").click().catch(() => {});
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  assert.equal(await page.locator(".post-body script, .post-body [onerror], .post-body iframe").count(), 0);
  // Expected: the harmless <img src="x"> that DOMPurify keeps without its handler fails to load, and
  // Chromium reports the page's CSP refusing the handlers while DOMPurify parses the HTML inertly.
  const unexpected = problems.filter((p) => !p.endsWith("/x") && !/(404|violates the following Content Security Policy)/.test(p));
  assert.deepEqual(unexpected, []);
});

test("an unknown post gets a not-found page; the one failed request is its file, fetched while the index loaded", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/#/no-such-post`);
  await page.locator(".message h1").waitFor();
  assert.equal(await page.locator(".message h1").textContent(), "Not found");
  assert.deepEqual(problems, [`HTTP 404: ${browser.origin}/posts/no-such-post.md`,
    "console: Failed to load resource: the server responded with a status of 404 (Not Found)"]);
});

test("layout gives the same boxes in Chromium as in node", async () => {
  const { createStills } = await import("../../dist/stills.js");
  const ratios = Array.from({ length: 2000 }, (_, i) => [1.5, 0.67, 1.33, 1, 1.37, 1.78, 3, 0.33][(i * 7919) % 8]);
  const options = { width: 1117, rowHeight: 233, spacing: 6, devicePixelRatio: 1.5 };
  const inNode = Array.from((await createStills()).layout(ratios, options).boxes);
  const { page, problems } = await openPage(browser.context, `${browser.origin}/#/kalatozov-stills`);
  await page.locator("article.post").waitFor();
  const inChromium = await page.evaluate(async ([ratios, options]) => {
    const { createStills } = await import("/stills.js");
    return Array.from((await createStills()).layout(ratios, options).boxes);
  }, [ratios, options]);
  assert.deepEqual(inChromium, inNode);
  assert.deepEqual(problems, []);
});
