// The service worker: a repeat visit loads no code from the network, and a post or the index edited
// since is shown as it is now, never as it was.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { openPage, startBrowser } from "./browser.js";

const CONTENT = "build/service-worker-test-content";  // a copy of content/ that the test edits
const at = (path) => fileURLToPath(new URL(`../../${CONTENT}/${path}`, import.meta.url));
let browser;
before(async () => {
  await rm(at(""), { recursive: true, force: true });
  await cp(fileURLToPath(new URL("../../content", import.meta.url)), at(""), { recursive: true });
  browser = await startBrowser({ serviceWorkers: "allow", content: CONTENT });
});
after(async () => {
  await browser?.close();
  await rm(at(""), { recursive: true, force: true });
});

// What the page loaded while `visit` ran, by path: "worker" (answered by the service worker without the
// network), "network" (from the server: the page's own request, or one the worker made).
async function loadedDuring(page, visit) {
  const fromWorker = new Set();
  const fromServer = new Set();  // the page's own requests that the worker left alone, and the worker's own
  const answered = (response) => (response.fromServiceWorker() ? fromWorker : fromServer).add(new URL(response.url()).pathname);
  const workerFetched = (request) => request.serviceWorker() && fromServer.add(new URL(request.url()).pathname);
  page.on("response", answered);
  browser.context.on("request", workerFetched);
  try {
    await visit();
  } finally {
    page.off("response", answered);
    browser.context.off("request", workerFetched);
  }
  return new Map([...fromWorker].map((path) => [path, "worker"]).concat([...fromServer].map((path) => [path, "network"])));
}

test("a repeat visit to a post takes every file of the build from the service worker, and the post as edited since", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/#/water-and-wood`);
  await page.locator("h1.post-title").waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The worker keeps what this first visit loaded before it was there; the next visit comes after.
  await page.evaluate(async () => {
    const code = performance.getEntriesByType("resource").map((entry) => entry.name).filter((url) => /\.(js|mjs|css|wasm)$/.test(url));
    const kept = async () => (await Promise.all(code.map((url) => caches.match(url)))).every(Boolean);
    while (!(await kept())) await new Promise((resolve) => setTimeout(resolve, 20));
  });
  const post = await readFile(at("posts/water-and-wood.md"), "utf8");
  await writeFile(at("posts/water-and-wood.md"), post.replace(`title: "Water and Wood"`, `title: "Water and Wood, edited"`));
  const loaded = await loadedDuring(page, async () => {
    await page.reload();
    await page.locator("h1.post-title", { hasText: "Water and Wood, edited" }).waitFor();
    await page.waitForFunction(() => !document.querySelector(".photo.loading"));
  });
  assert.equal(loaded.get("/posts/water-and-wood.md"), "network");
  const code = [...loaded].filter(([path]) => /\.(html|js|mjs|css|wasm)$/.test(path) || path === "/");
  assert.ok(code.some(([path]) => path === "/site/main.js"), [...loaded.keys()].join(" "));
  assert.deepEqual(code.filter(([, from]) => from !== "worker"), [], "no code from the network");
  assert.deepEqual(problems, []);
  await page.close();
});

test("under the service worker, the index lists a post added to index.yaml since the last visit", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/#/`);
  await page.locator(".cards").waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const index = await readFile(at("index.yaml"), "utf8");
  await writeFile(at("posts/new-post.md"), "---\ntitle: Added since\n---\nNew.\n");
  await writeFile(at("index.yaml"), index.replace("posts:\n", "posts:\n  - posts/new-post.md\n"));
  await page.reload();
  await page.locator(".card-title", { hasText: "Added since" }).waitFor();
  assert.equal(await page.locator(".card-title").first().textContent(), "Added since");
  assert.deepEqual(problems, []);
  await page.close();
});
