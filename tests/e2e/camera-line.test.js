// The camera line in the site's lightbox: read from a photo's own Exif (an AVIF made here, as the editor
// makes one, and a sample photo whose Exif a phone wrote), or as the frontmatter writes it; a photo with
// neither shows its caption alone.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { openPage, startBrowser } from "./browser.js";
import { loadStills } from "../js/helpers.js";
import { exifBlock } from "../../web/runtime/exif-block.js";

const CONTENT = "build/camera-line-test-content";  // a copy of content/ with a post of its own
const at = (path) => fileURLToPath(new URL(`../../${CONTENT}/${path}`, import.meta.url));

const POST = `---
title: "Cameras"
date: 2026-03-01
galleries:
  - id: shots
    images:
      - { img: /assets/photos/cameras/leica.avif, caption: "The harbour at six.", width: 96, height: 64 }
      - { img: /assets/photos/cameras/leica.avif, caption: "Again, on film.", camera: "Rolleiflex 2.8F · Tri-X 400" }
      - { img: /assets/photos/kalatozov-stills/kalatozov-stills-3.avif, caption: "A phone's, Exif after its maker notes." }
      - { img: /assets/photos/contact-sheet/frame-007.avif, caption: "No Exif here." }
---
{{gallery shots}}
`;

let browser;
before(async () => {
  await rm(at(""), { recursive: true, force: true });
  await cp(fileURLToPath(new URL("../../content", import.meta.url)), at(""), { recursive: true });
  const stills = await loadStills();
  const pixels = new Uint8Array(96 * 64 * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 37) & 255));
  const exif = exifBlock({ make: "Leica Camera AG", model: "LEICA M6", focalLength: 35, fNumber: 8, exposureTime: 1 / 125, iso: 400 });
  await mkdir(at("assets/photos/cameras"), { recursive: true });
  await writeFile(at("assets/photos/cameras/leica.avif"), await stills.encodeAvif(pixels, 96, 64, { exif }));
  await writeFile(at("posts/cameras.md"), POST);
  const index = await readFile(at("index.yaml"), "utf8");
  await writeFile(at("index.yaml"), index.replace("posts:\n", "posts:\n  - posts/cameras.md\n"));
  browser = await startBrowser({ content: CONTENT });
});
after(() => browser?.close());

test("the lightbox shows the camera line from the photo's Exif (one of ours, a phone's), the frontmatter's instead where given, none without either", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/#/cameras/shots/1`);
  await page.locator(".pswp.pswp--ready").waitFor();
  const camera = page.locator(".pswp__camera");
  await camera.filter({ hasText: "LEICA M6 · 35 mm · f/8 · 1/125 s · ISO 400" }).waitFor();
  assert.equal(await page.locator(".pswp__caption span").first().textContent(), "The harbour at six.");
  await page.keyboard.press("ArrowRight");
  await camera.filter({ hasText: "Rolleiflex 2.8F · Tri-X 400" }).waitFor();
  await page.keyboard.press("ArrowRight");
  await camera.filter({ hasText: "Nokia N9 · 28 mm · f/2.2 · 1/1000 s · ISO 100" }).waitFor();
  await page.keyboard.press("ArrowRight");
  await page.locator(".pswp__caption", { hasText: "No Exif here." }).waitFor();
  await page.waitForTimeout(300);  // time for a probe that would wrongly fill the line
  assert.equal(await camera.textContent(), "");
  await page.screenshot({ path: "test-results/lightbox-camera-line.png" });
  assert.deepEqual(problems, []);
});
