// The editor page as the tests drive it: opened fresh (no drafts of an earlier test), the cursor put
// where an author would put it, files dropped as a file manager drops them.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openPage } from "./browser.js";

/** @param {() => any} currentBrowser the tests' browser (startBrowser's), once started */
export function editorPage(currentBrowser) {
  const sampleInEditor = (query = "") => `${currentBrowser().origin}/editor.html?post=posts/kalatozov-stills.md${query}`;

  // A page of the site with no drafts kept from an earlier test (they share the browser's profile).
  async function freshPage() {
    const opened = await openPage(currentBrowser().context, "about:blank");
    await opened.page.route(`${currentBrowser().origin}/blank.html`, (route) =>
      route.fulfill({ contentType: "text/html", body: '<!doctype html><link rel="icon" href="data:,">' }));
    await opened.page.goto(`${currentBrowser().origin}/blank.html`);
    // Emptied, not deleted: a deletion blocked by a connection still closing would run later, mid-test.
    await opened.page.evaluate(async () => {
      if (!(await indexedDB.databases()).some((database) => database.name === "stills-editor")) return;
      await new Promise((resolve, reject) => {
        const request = indexedDB.open("stills-editor");
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          const stores = [...database.objectStoreNames];
          if (!stores.length) return resolve(database.close());
          const transaction = database.transaction(stores, "readwrite");
          for (const store of stores) transaction.objectStore(store).clear();
          transaction.oncomplete = () => resolve(database.close());
          transaction.onerror = () => reject(transaction.error);
        };
      });
    });
    return opened;
  }

  // Opens the editor and waits until the preview shows the post with every photo painted.
  async function openEditor(url) {
    const opened = await freshPage();
    await opened.page.setViewportSize({ width: 1280, height: 800 });
    await opened.page.goto(url);
    await opened.page.locator(".preview article.post").waitFor();
    await opened.page.evaluate(() => document.querySelectorAll(".preview .photo img").forEach((img) => (img.loading = "eager")));
    await opened.page.waitForFunction(() => document.querySelectorAll(".preview .photo").length > 0 &&
      !document.querySelector(".preview .photo.loading"));
    return opened;
  }

  // Puts the cursor at the end of the first (short, unwrapped) source line that holds `text`, as an author
  // finds it: with CodeMirror's search (lines far from view are not in the DOM), then End.
  async function cursorAfter(page, text) {
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+Home");  // the first match in the file
    await page.keyboard.press("Control+f");
    const field = page.locator(".cm-search input[name=search]");
    await field.pressSequentially(text);  // CodeMirror reads the query on keyup
    await field.press("Enter");
    await page.keyboard.press("Escape");
    await page.keyboard.press("End");
  }

  // Puts the cursor at the end of the document.
  async function cursorAtEnd(page) {
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
  }

  // Waits (up to 10 s) until a draft holding `text` is in IndexedDB. Polled from here: waitForFunction
  // would take the promise the check returns for a truthy answer.
  async function draftSaved(page, text) {
    const saved = () => page.evaluate((text) => new Promise((resolve) => {
      const request = indexedDB.open("stills-editor");
      request.onsuccess = () => {
        const database = request.result;
        if (!database.objectStoreNames.contains("drafts")) return resolve(database.close() ?? false);
        const all = database.transaction("drafts").objectStore("drafts").getAll();
        all.onsuccess = () => {
          database.close();
          resolve(all.result.some((draft) => draft.text.includes(text)));
        };
      };
      request.onerror = () => resolve(false);
    }), text);
    for (const started = Date.now(); !(await saved()); await new Promise((resolve) => setTimeout(resolve, 50))) {
      assert.ok(Date.now() - started < 10_000, `no draft holding “${text}” was saved`);
    }
  }

  const activeLine = (page) => page.evaluate(() => document.querySelector("#source").shadowRoot.querySelector(".cm-activeLine")?.textContent);

  // Drops `files` (name -> bytes) on the source pane at the cursor's line, as a file manager would.
  async function dropFiles(page, files) {
    await page.evaluate(async (files) => {
      const transfer = new DataTransfer();
      for (const [name, base64, type] of files) {
        transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type }));
      }
      const root = document.querySelector("#source").shadowRoot;
      const caret = root.querySelector(".cm-activeLine").getBoundingClientRect();
      root.querySelector(".cm-content").dispatchEvent(new DragEvent("drop", {
        dataTransfer: transfer, clientX: caret.left + 5, clientY: caret.top + caret.height / 2, bubbles: true, cancelable: true,
      }));
    }, files);
  }

  const samplePhoto = async (n) => readFile(new URL(`../../content/assets/photos/kalatozov-stills/kalatozov-stills-${n}.avif`, import.meta.url));

  return { sampleInEditor, freshPage, openEditor, cursorAfter, cursorAtEnd, draftSaved, activeLine, dropFiles, samplePhoto };
}
