// The editor in Chromium, as an author uses it: the sample post in the source and the preview, typing
// that patches the preview without touching its photos, problems marked on their lines, a draft that
// survives a reload, and the preview following the cursor.
import { after, afterEach, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { openPage, startBrowser } from "./browser.js";
import { editorPage } from "./editor-page.js";

let browser;
before(async () => {
  // The service worker would answer requests before page.route sees them: only the offline test, in a
  // browser of its own, lets it run.
  browser = await startBrowser();
  await mkdir("test-results", { recursive: true });
});
after(() => browser?.close());
// A page left open would go on saving its draft into the next test's.
afterEach(() => Promise.all(browser.context.pages().map((page) => page.close())));

const { sampleInEditor, freshPage, openEditor, cursorAfter, cursorAtEnd, draftSaved, activeLine, dropFiles, samplePhoto } =
  editorPage(() => browser);

test("the sample post opens in the editor: its source, and its 17 photos in the preview", async () => {
  const { page, problems } = await openEditor(sampleInEditor());
  assert.equal(await page.locator(".preview h1.post-title").textContent(), "Stills from my favorite Kalatozov Movies");
  assert.equal(await page.locator(".preview .photo img").count(), 17);
  assert.match(await page.locator(".cm-content").textContent(), /title: "Stills from my favorite Kalatozov Movies"/);
  assert.equal(await page.locator("#problems").isHidden(), true, "no problems");
  await page.screenshot({ path: "test-results/editor-desktop-light.png" });
  assert.deepEqual(problems, []);
});

test("typing in the body patches the preview: every photo stays the same element, none is fetched again", async () => {
  const { page, problems } = await openEditor(sampleInEditor());
  await page.evaluate(() => {
    window.photoElements = [...document.querySelectorAll(".preview .photo img")];
    window.galleryElements = [...document.querySelectorAll(".preview .gallery")];
  });
  const photoRequests = [];
  page.on("request", (request) => /\.avif$/.test(request.url()) && photoRequests.push(request.url()));
  await cursorAtEnd(page);
  await page.keyboard.type(" Typed by the test.");
  await page.waitForFunction(() => document.querySelector(".preview .post-body > p:last-of-type")?.textContent.endsWith("Typed by the test."));
  const kept = await page.evaluate(() => ({
    photos: [...document.querySelectorAll(".preview .photo img")].every((img, i) => img === window.photoElements[i]),
    galleries: [...document.querySelectorAll(".preview .gallery")].every((g, i) => g === window.galleryElements[i]),
    count: document.querySelectorAll(".preview .photo img").length,
  }));
  assert.deepEqual(kept, { photos: true, galleries: true, count: 17 });
  assert.deepEqual(photoRequests, []);
  assert.deepEqual(problems, []);
});

test("broken YAML is marked on its line and in the problems list; fixed, the marks go", async () => {
  const { page, problems } = await openEditor(sampleInEditor());
  await cursorAfter(page, "tags: [");
  await page.keyboard.press("Backspace");  // the closing ] of the tags
  await page.locator("#problems .problem.error").first().waitFor();
  assert.match(await page.locator("#problems").textContent(), /error: frontmatter is not valid YAML/);
  await page.locator(".cm-lint-marker-error").first().waitFor();
  await page.locator(".meta-details summary").click();
  assert.equal(await page.locator("#meta-title").isDisabled(), true, "the form is off while the YAML cannot be read");
  assert.ok(await page.locator(".preview .diagnostics").isVisible(), "the preview's error box too");
  const where = (await page.locator("#problems .problem.error .where").first().textContent()).split(":").map(Number);
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+Home");
  await page.locator("#problems .problem.error").first().click();
  const cursorLine = await page.evaluate(() => {
    const root = document.querySelector("#source").shadowRoot;
    const line = root.querySelector(".cm-activeLine");
    return Number(root.querySelectorAll(".cm-lineNumbers .cm-activeLineGutter")[0]?.textContent ?? line?.textContent);
  });
  assert.equal(cursorLine, where[0], "choosing the problem moves the cursor to its line");
  await cursorAfter(page, "tags: [");
  await page.keyboard.type("]");
  await page.waitForFunction(() => document.querySelector("#problems").hidden);
  assert.equal(await page.locator(".cm-lint-marker-error").count(), 0);
  assert.equal(await page.locator("#meta-title").isDisabled(), false);
  assert.equal(await page.locator(".preview .diagnostics").count(), 0);
  assert.deepEqual(problems, []);
});

test("a photo, or the cover, that does not load is marked on the line of its img or cardCover", async () => {
  const { page, problems } = await freshPage();
  for (const name of ["kalatozov-stills-3", "kalatozov-stills"]) {
    await page.route(`${browser.origin}/assets/photos/kalatozov-stills/${name}.avif`, (route) => route.fulfill({ status: 404 }));
  }
  await page.goto(sampleInEditor());
  await page.waitForFunction(() => document.querySelectorAll("#problems .problem.error").length === 2);
  const listed = await page.locator("#problems .problem").allTextContents();
  assert.match(listed[0], /^4:12 error: the cardCover \/assets\/photos\/kalatozov-stills\/kalatozov-stills\.avif does not load: HTTP 404/);
  assert.match(listed[1], /^22:22 error: the photo \/assets\/photos\/kalatozov-stills\/kalatozov-stills-3\.avif does not load: HTTP 404/);
  assert.deepEqual(problems.filter((p) => !/404/.test(p)), []);
});

test("every change is kept as a draft: after a reload it is back", async () => {
  const { page, problems } = await openEditor(sampleInEditor());
  await cursorAtEnd(page);
  await page.keyboard.type(" Kept through a reload.");
  await page.locator("#status", { hasText: "Draft saved." }).waitFor();
  await page.reload();
  await page.locator(".preview article.post").waitFor();
  await page.locator("#status", { hasText: "is back" }).waitFor();
  assert.match(await page.locator(".preview .post-body").textContent(), /Kept through a reload\./);
  await cursorAtEnd(page);  // CodeMirror keeps only the lines near the view in the DOM
  assert.match(await activeLine(page), /Kept through a reload\.$/);
  await page.locator("#show-drafts").click();
  await page.locator("#drafts[open] li").first().waitFor();
  assert.match(await page.locator("#drafts").textContent(), /Stills from my favorite Kalatozov Movies/);
  await page.locator("#drafts .delete-draft").first().click();
  await page.locator("#drafts .close").click();
  assert.deepEqual(problems, []);
});

test("the source follows the preview: scrolling to a heading brings its line into view", async () => {
  const { page, problems } = await openEditor(sampleInEditor());
  await page.evaluate(() => {
    const pane = document.querySelector("#preview-pane");
    const heading = [...document.querySelectorAll(".preview h3")].find((h) => h.textContent.startsWith("Letter Never Sent"));
    pane.scrollTop += heading.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  });
  await page.waitForFunction(() => {
    const root = document.querySelector("#source").shadowRoot;
    const scroller = root.querySelector(".cm-scroller").getBoundingClientRect();
    const line = [...root.querySelectorAll(".cm-line")].find((l) => l.textContent.startsWith("### Letter Never Sent"));
    // The headings are near the file's end: the source scrolls as far as it can towards them.
    const box = line?.getBoundingClientRect();
    return box && root.querySelector(".cm-scroller").scrollTop > 0 && box.top >= scroller.top && box.bottom <= scroller.bottom;
  });
  assert.deepEqual(problems, []);
});

test("the preview follows the cursor: a heading's line brings that heading into view", async () => {
  const { page, problems } = await openEditor(sampleInEditor());
  await cursorAfter(page, "### I am Cuba");
  assert.equal(await activeLine(page), "### I am Cuba (1964)");
  await page.waitForFunction(() => {
    const target = [...document.querySelectorAll(".preview h3")].find((h) => h.textContent.startsWith("I am Cuba"));
    const pane = document.querySelector("#preview-pane").getBoundingClientRect();
    const box = target.getBoundingClientRect();
    return box.top >= pane.top - 1 && box.bottom <= pane.bottom + 1;
  });
  assert.deepEqual(problems, []);
});

for (const [name, width, height] of [["desktop", 1280, 800], ["phone", 390, 844]]) {
  for (const scheme of ["light", "dark"]) {
    test(`the editor at ${width} px, ${scheme}: usable, nothing wider than the screen`, async () => {
      const { page, problems } = await freshPage();
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(sampleInEditor());
      await page.locator(".preview article.post").waitFor({ state: "attached" });
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "no sideways scrolling");
      if (name === "phone") {
        assert.equal(await page.locator(".preview-pane").isVisible(), false, "source and preview are tabs");
        await page.locator("[data-show=preview]").click();
        assert.equal(await page.locator(".source-pane").isVisible(), false);
        await page.evaluate(() => document.querySelectorAll(".preview .photo img").forEach((img) => (img.loading = "eager")));
        await page.waitForFunction(() => !document.querySelector(".preview .photo.loading"));
      }
      await page.screenshot({ path: `test-results/editor-${name}-${scheme}.png` });
      assert.deepEqual(problems, []);
    });
  }
}


test("an AVIF dropped after a gallery's shortcode joins that gallery, with its size, and survives a reload", async () => {
  const { page, problems } = await openEditor(sampleInEditor());
  await cursorAfter(page, "### I am Cuba");
  await page.keyboard.press("ArrowDown");  // onto its {{gallery}}
  await dropFiles(page, [["harbour.avif", (await samplePhoto(13)).toString("base64"), "image/avif"]]);
  await page.waitForFunction(() => document.querySelectorAll("#i-am-cuba .photo").length === 10);
  await page.locator("#i-am-cuba .photo").last().locator("img").waitFor();
  assert.match(await page.locator("#i-am-cuba .photo img").last().getAttribute("src"), /^blob:/);
  await cursorAfter(page, "harbour.avif");
  assert.match(await activeLine(page), /img: "\/assets\/photos\/kalatozov-stills\/harbour\.avif",$/);
  await page.keyboard.press("ArrowDown");
  assert.match(await activeLine(page), /^\s+width: \d+,$/);
  await draftSaved(page, "harbour.avif");
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll("#i-am-cuba .photo img").length === 10 &&
    document.querySelector("#i-am-cuba .photo:last-child img")?.src.startsWith("blob:"));
  assert.deepEqual(problems, []);
});

test("an AVIF dropped in the text makes a new gallery there; a file that is not AVIF changes nothing", async () => {
  const { page, problems } = await openEditor(sampleInEditor());
  await cursorAfter(page, "stood out for me:");
  await dropFiles(page, [["notes.txt", Buffer.from("not a photo").toString("base64"), "text/plain"]]);
  await page.locator("#status", { hasText: "notes.txt: not a photo (text/plain)" }).waitFor();
  assert.match(await page.locator("#status").textContent(), /The post is unchanged/);
  assert.equal(await page.locator(".preview .gallery").count(), 3);
  await dropFiles(page, [["pier.avif", (await samplePhoto(14)).toString("base64"), "image/avif"]]);
  await page.waitForFunction(() => document.querySelectorAll(".preview .gallery").length === 4);
  const order = await page.locator(".preview .post-body > *").evaluateAll((nodes) => nodes.map((n) => (n.matches("section.gallery") ? n.id : n.localName)));
  assert.deepEqual(order.slice(0, 3), ["p", "photos", "h3"], "the new gallery stands after the paragraph the cursor was in");
  assert.deepEqual(problems, []);
});

test("Export writes a zip laid out as content/ expects: the post, its dropped photos, the index line", async () => {
  const { unzipSync, strFromU8 } = await import("fflate");
  const { page, problems } = await openEditor(sampleInEditor());
  const photo = await samplePhoto(13);
  await cursorAfter(page, "### I am Cuba");
  await page.keyboard.press("ArrowDown");
  await dropFiles(page, [["harbour.avif", photo.toString("base64"), "image/avif"]]);
  await page.waitForFunction(() => document.querySelectorAll("#i-am-cuba .photo").length === 10);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export").click()]);
  assert.equal(download.suggestedFilename(), "kalatozov-stills.zip");
  const files = unzipSync(new Uint8Array(await (await import("node:fs/promises")).readFile(await download.path())));
  assert.deepEqual(Object.keys(files).sort(),
    ["ADD-TO-INDEX.txt", "assets/photos/kalatozov-stills/harbour.avif", "posts/kalatozov-stills.md"]);
  assert.deepEqual(Buffer.from(files["assets/photos/kalatozov-stills/harbour.avif"]), photo);
  const text = strFromU8(files["posts/kalatozov-stills.md"]);
  assert.match(text, /img: "\/assets\/photos\/kalatozov-stills\/harbour\.avif",\n\s+width: \d+,\n\s+height: \d+,/);
  assert.match(strFromU8(files["ADD-TO-INDEX.txt"]), /^ {2}- posts\/kalatozov-stills\.md$/m);
  assert.match(await page.locator("#status").textContent(), /add “- posts\/kalatozov-stills\.md” under posts:/);
  assert.deepEqual(problems, []);
});

test("the frontmatter form and the YAML follow each other, changing only the key edited", async () => {
  const { page, problems } = await openEditor(sampleInEditor());
  await page.locator(".meta-details summary").click();
  assert.equal(await page.locator("#meta-title").inputValue(), "Stills from my favorite Kalatozov Movies");
  assert.equal(await page.locator("#meta-tags").inputValue(), "cinema, inspiration, bnw");
  assert.equal(await page.locator("#meta-cardCover").inputValue(), "/assets/photos/kalatozov-stills/kalatozov-stills.avif");
  await page.locator("#meta-title").fill("Kalatozov, framed");
  await page.locator(".preview h1.post-title", { hasText: "Kalatozov, framed" }).waitFor();
  await page.locator("#meta-location").fill("Moscow");
  await page.locator(".preview .post-location", { hasText: "Moscow" }).waitFor();
  await cursorAfter(page, "title:");
  assert.equal(await activeLine(page), 'title: "Kalatozov, framed"');
  await page.keyboard.press("ArrowLeft");  // inside the closing quote
  await page.keyboard.type(" x");  // typing in the source shows in the form
  await page.waitForFunction(() => document.querySelector("#meta-title").value === "Kalatozov, framed x");
  await cursorAfter(page, "location:");
  assert.equal(await activeLine(page), "location: Moscow");
  await cursorAfter(page, "galleries:");
  assert.equal(await activeLine(page), "galleries: [", "the galleries are as they were");
  assert.deepEqual(problems, []);
});

test("once loaded, the editor works offline: the post, its photos and the preview", async () => {
  const online = await startBrowser({ serviceWorkers: "allow" });
  const { page, problems } = await openPage(online.context, sampleInEditor().replace(browser.origin, online.origin));
  await page.locator(".preview article.post").waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();  // now under the service worker, which keeps what the page loads
  await page.locator(".preview article.post").waitFor();
  await page.evaluate(() => document.querySelectorAll(".preview .photo img").forEach((img) => (img.loading = "eager")));
  await page.waitForFunction(() => navigator.serviceWorker.controller && !document.querySelector(".preview .photo.loading"));
  await online.context.setOffline(true);
  try {
    await page.reload();
    await page.locator(".preview article.post").waitFor();
    await page.evaluate(() => document.querySelectorAll(".preview .photo img").forEach((img) => (img.loading = "eager")));
    await page.waitForFunction(() => !document.querySelector(".preview .photo.loading"));
    assert.equal(await page.locator(".preview .photo img").count(), 17);
    assert.equal(await page.locator(".preview .photo.failed").count(), 0);
    await cursorAtEnd(page);
    await page.keyboard.type(" Written offline.");
    await page.locator(".preview .post-body", { hasText: "Written offline." }).waitFor();
  } finally {
    await online.close();
  }
  assert.deepEqual(problems, []);
});

test("Open folder edits a content folder in place: its posts listed, Save writes the post and its new photos", async () => {
  const { page, problems } = await freshPage();
  // The content folder, in the origin-private file system; the folder picker hands it over.
  await page.addInitScript(() => {
    window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle("content");
  });
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry("content", { recursive: true }).catch(() => {});
    const content = await root.getDirectoryHandle("content", { create: true });
    const write = async (dir, name, data) => {
      const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
      await writable.write(data);
      await writable.close();
    };
    await write(content, "index.yaml", "posts:\n  - posts/kalatozov-stills.md\n  - posts/water-and-wood.md\n");
    const posts = await content.getDirectoryHandle("posts", { create: true });
    await write(posts, "kalatozov-stills.md", await (await fetch("/posts/kalatozov-stills.md")).text());
  });
  await page.goto(`${browser.origin}/editor.html`);
  await page.locator("#open-folder").click();
  await page.locator("#folder-posts .open-post", { hasText: "posts/kalatozov-stills.md" }).click();
  await page.locator(".preview h1.post-title", { hasText: "Kalatozov" }).waitFor();
  assert.match(await page.locator("#status").textContent(), /Editing posts\/kalatozov-stills\.md in the folder “content”/);
  await cursorAfter(page, "### I am Cuba");
  await page.keyboard.press("ArrowDown");
  const photo = await samplePhoto(13);
  await dropFiles(page, [["harbour.avif", photo.toString("base64"), "image/avif"]]);
  await page.waitForFunction(() => document.querySelectorAll("#i-am-cuba .photo").length === 10);
  await page.locator("#save").click();
  await page.locator("#status", { hasText: "Saved to the folder “content” with 1 photo." }).waitFor();
  const saved = await page.evaluate(async () => {
    const content = await (await navigator.storage.getDirectory()).getDirectoryHandle("content");
    const text = await (await (await (await content.getDirectoryHandle("posts")).getFileHandle("kalatozov-stills.md")).getFile()).text();
    let dir = content;
    for (const part of ["assets", "photos", "kalatozov-stills"]) dir = await dir.getDirectoryHandle(part);
    const photo = new Uint8Array(await (await (await dir.getFileHandle("harbour.avif")).getFile()).arrayBuffer());
    return { text, photo: Array.from(photo) };
  });
  assert.match(saved.text, /img: "\/assets\/photos\/kalatozov-stills\/harbour\.avif",\n\s+width: \d+,/);
  assert.deepEqual(Buffer.from(saved.photo), photo);
  assert.deepEqual(problems, []);
});

test("a full disk is said plainly: the draft is not saved, a photo is not added, nothing else changes", async () => {
  const { page, problems } = await freshPage();
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("the quota has been exceeded", "QuotaExceededError");
    };
  });
  await page.goto(sampleInEditor());
  await page.locator(".preview article.post").waitFor();
  await cursorAtEnd(page);
  await page.keyboard.type(" More.");
  await page.locator("#status", { hasText: "The draft could not be saved (the quota has been exceeded)" }).waitFor();
  await page.locator(".preview .post-body", { hasText: "More." }).waitFor();  // the text is still there to download
  await cursorAfter(page, "### I am Cuba");
  await page.keyboard.press("ArrowDown");
  await dropFiles(page, [["harbour.avif", (await samplePhoto(13)).toString("base64"), "image/avif"]]);
  await page.locator("#status", { hasText: "The photos could not be kept in this browser (the quota has been exceeded); the post is unchanged." }).waitFor();
  assert.equal(await page.locator("#i-am-cuba .photo").count(), 9);
  assert.deepEqual(problems, []);
});

test("New post starts from a template dated today; Open file opens a post from disk; Download writes it", async () => {
  const { page, problems } = await openEditor(sampleInEditor());
  await page.locator("#new-post").click();
  await page.locator(".preview h1.post-title", { hasText: "Untitled" }).waitFor();
  const today = await page.evaluate(() => new Date().toLocaleDateString(undefined, { dateStyle: "long" }));
  assert.equal(await page.locator(".preview .post-facts time").textContent(), today);
  assert.match(await page.locator(".cm-content").textContent(), /galleries:\s*- title: First gallery\s*images: \[\]/);
  await page.locator("#open-file").setInputFiles({ name: "from-disk.md", mimeType: "text/markdown",
    buffer: Buffer.from("---\ntitle: From the disk\n---\nOpened from a file.\n") });
  await page.locator(".preview h1.post-title", { hasText: "From the disk" }).waitFor();
  assert.match(await page.locator(".preview .post-body").textContent(), /Opened from a file\./);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download").click()]);
  assert.equal(download.suggestedFilename(), "from-disk.md", "a file from disk keeps its name");
  assert.equal(await (await import("node:fs/promises")).readFile(await download.path(), "utf8"),
    "---\ntitle: From the disk\n---\nOpened from a file.\n");
  assert.deepEqual(problems, []);
});
