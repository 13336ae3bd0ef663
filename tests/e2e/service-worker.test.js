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

// The files the service worker itself fetched from the network while `visit` ran (its own requests are
// the context's requests made by a service worker).
async function fetchedByWorker(visit) {
  const fetched = [];
  const listen = (request) => request.serviceWorker() && fetched.push(new URL(request.url()).pathname);
  browser.context.on("request", listen);
  try {
    await visit();
  } finally {
    browser.context.off("request", listen);
  }
  return fetched;
}

test("a repeat visit to a post takes every file of the build from the service worker, and the post as edited since", async () => {
  const { page, problems } = await openPage(browser.context, `${browser.origin}/#/water-and-wood`);
  await page.locator("h1.post-title").waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const post = await readFile(at("posts/water-and-wood.md"), "utf8");
  await writeFile(at("posts/water-and-wood.md"), post.replace(`title: "Water and Wood"`, `title: "Water and Wood, edited"`));
  const fetched = await fetchedByWorker(async () => {
    await page.reload();
    await page.locator("h1.post-title", { hasText: "Water and Wood, edited" }).waitFor();
    await page.waitForFunction(() => !document.querySelector(".photo.loading"));
  });
  assert.ok(fetched.includes("/posts/water-and-wood.md"), fetched.join(" "));
  const code = fetched.filter((path) => /\.(html|js|mjs|css|wasm)$/.test(path) || path === "/");
  assert.deepEqual(code, [], "no code from the network");
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
