// axe-core (from npm) over the index, a post, a post with the lightbox open, a post with the error box,
// the editor and the widget's demo page, at 1280 and 390 px wide, light and dark: no serious or critical violation.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { openPage, startBrowser } from "./browser.js";

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser;
before(async () => {
  browser = await startBrowser();
});
after(() => browser?.close());

const pages = {
  index: { path: "/", ready: ".cards" },
  post: { path: "/#/kalatozov-stills", ready: "article.post" },
  lightbox: { path: "/#/water-and-wood/boats/1", ready: ".pswp.pswp--ready" },
  "error box": { path: "/#/kalatozov-stills", ready: ".diagnostics", post: "---\ntitle: Broken\ntags: [a\n---\n# Still readable\n\nText.\n" },
  editor: { path: "/editor.html?post=posts/kalatozov-stills.md", ready: ".cm-content" },
  "widget demo": { path: "/widget-demo.html", ready: "#post .post-title" },  // locators see into open shadow roots, as axe does
};

// Runs axe in the page (evaluated, so the page's CSP does not apply to it) and returns its violations.
async function violations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, where: v.nodes[0]?.target.join(" ") }));
  });
}

for (const [width, height] of [[1280, 800], [390, 844]]) {
  for (const scheme of ["light", "dark"]) {
    for (const [name, { path, ready, post }] of Object.entries(pages)) {
      test(`${name} at ${width} px, ${scheme}: no serious or critical axe violation`, async () => {
        const { page, problems } = await openPage(browser.context, "about:blank");
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
        if (post) await page.route(`${browser.origin}/posts/kalatozov-stills.md`, (route) => route.fulfill({ contentType: "text/markdown", body: post }));
        await page.goto(`${browser.origin}${path}`);
        await page.locator(ready).waitFor();
        await page.evaluate(() => document.querySelectorAll(".photo img").forEach((img) => (img.loading = "eager")));
        // Every photo shown is painted (the editor's hidden preview tab on a phone shows none).
        await page.waitForFunction(() => ![...document.querySelectorAll(".photo.loading")].some((photo) => photo.offsetParent));
        const beforeAxe = [...problems];  // axe itself trips the page's CSP while it probes styles
        const found = await violations(page);
        const summary = found.map((v) => `${v.impact} ${v.id} (${v.nodes}× e.g. ${v.where})`);
        console.log(`axe ${name} ${width}px ${scheme}: ${found.length ? summary.join("; ") : "no violations"}`);
        assert.deepEqual(summary.filter((line) => /^(serious|critical)/.test(line)), []);
        assert.deepEqual(beforeAxe, []);
      });
    }
  }
}
