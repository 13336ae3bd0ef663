// The editor in Chromium: from an input event to the preview patched (performance marks), p50 and p95
// over 1,000 typed characters, for the sample post and for a ~100 KB post with 10 galleries, beside a
// full re-render of the same post (a new PostView replacing the preview's DOM) in the same run; photo
// requests and wasm decodes during the typing; JS heap and wasm memory after 10,000 re-renders against
// after 100. Prints, never asserts.   node bench/editor-chromium.js   (after scripts/build.sh)
import { readFile } from "node:fs/promises";
import { startBrowser } from "../tests/e2e/browser.js";

const TYPED = 1000;
const root = new URL("../", import.meta.url);
const sample = await readFile(new URL("content/posts/kalatozov-stills.md", root), "utf8");

// ~100 KB: ten galleries of the sample photos (block YAML), each after ~10 KB of paragraphs.
function bigPost() {
  const photos = sample.match(/\/assets\/photos\/kalatozov-stills\/kalatozov-stills-\d+\.avif/g) ?? [];
  const galleries = Array.from({ length: 10 }, (_, g) => `  - title: Gallery ${g + 1}\n    id: g${g + 1}\n    images:\n` +
    photos.slice(g % 5, (g % 5) + 8).map((img) => `      - ${img}\n`).join(""));
  const paragraph = sample.split("---\n")[2].split("\n\n").find((p) => p.length > 400);
  const body = Array.from({ length: 10 }, (_, g) =>
    `## Part ${g + 1}\n\n${Array.from({ length: 15 }, () => paragraph).join("\n\n")}\n\n{{gallery g${g + 1}}}\n`).join("\n");
  return `---\ntitle: A long post\ndate: 2026-02-01\ngalleries:\n${galleries.join("")}---\n${body}`;
}
const big = bigPost();

const browser = await startBrowser({ args: ["--js-flags=--expose-gc", "--enable-precise-memory-info"] });
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const ms = (value) => `${value.toFixed(2)} ms`;

async function measure(name, path, text) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.route(`${browser.origin}/${path}`, (route) => route.fulfill({ contentType: "text/markdown", body: text }));
  await page.addInitScript(() => {
    window.decodes = 0;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (...args) {
      window.decodes++;
      return post.apply(this, args);
    };
    indexedDB.deleteDatabase("stills-editor");
  });
  await page.goto(`${browser.origin}/editor.html?decoder=wasm&post=${path}`);
  await page.locator(".preview article.post").waitFor();
  // Every photo decoded once before the typing, as an author scrolling through the preview would have.
  await page.evaluate(async () => {
    for (const figure of document.querySelectorAll(".preview .photo")) {
      figure.scrollIntoView({ block: "center" });
      while (!figure.querySelector("canvas") && !figure.classList.contains("failed")) await new Promise((r) => setTimeout(r, 20));
    }
  });
  const requests = [];
  page.on("request", (request) => /\.avif$/.test(request.url()) && requests.push(request.url()));
  const decodesBefore = await page.evaluate(() => window.decodes);
  await page.evaluate(() => performance.clearMeasures("stills:preview"));
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+End");
  const words = "the quick brown fox jumps over the lazy dog ";
  await page.keyboard.type(Array.from({ length: TYPED }, (_, i) => words[i % words.length]).join(""));
  const patched = await page.evaluate(() => performance.getEntriesByName("stills:preview").map((e) => e.duration));
  const decodes = (await page.evaluate(() => window.decodes)) - decodesBefore;
  const photoRequests = requests.length;  // before the full re-renders below, which load photos anew

  // The same post rendered from scratch each time: a new PostView in place of the preview's DOM.
  const full = await page.evaluate(async ({ path, runs }) => {
    const [{ createServices }, { PostView }] = await Promise.all([import("/runtime/services.js"), import("/dom/post-view.js")]);
    const services = await createServices({ decoder: "native" });
    const text = await (await fetch(path)).text();
    const container = document.querySelector(".preview");
    for (const view of [new PostView(services.stills.parsePost(text, { sourceLines: true }), { services })]) await view.prepare();
    const times = [];
    let shown = null;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const view = new PostView(services.stills.parsePost(`${text}${"x".repeat(i)}`, { sourceLines: true }), { services });
      container.replaceChildren(view.element);
      shown?.detach();
      await view.prepare();
      view.attach();
      shown = view;
      times.push(performance.now() - start);
    }
    return times;
  }, { path, runs: 200 });

  console.log(`  ${name}: patched p50 ${ms(quantile(patched, 0.5))}, p95 ${ms(quantile(patched, 0.95))} over ${patched.length} inputs;` +
    ` full re-render p50 ${ms(quantile(full, 0.5))}, p95 ${ms(quantile(full, 0.95))};` +
    ` during the typing: ${photoRequests} photo requests, ${decodes} wasm decodes`);
  await page.close();
}

async function memory() {
  const page = await browser.context.newPage();
  await page.goto(`${browser.origin}/editor.html?post=posts/kalatozov-stills.md`);
  await page.locator(".preview article.post").waitFor();
  const result = await page.evaluate(async () => {
    const [{ createServices }, { Preview }] = await Promise.all([import("/runtime/services.js"), import("/editor/preview.js")]);
    const services = await createServices({ decoder: "native" });
    const text = await (await fetch("posts/kalatozov-stills.md")).text();
    const container = document.body.appendChild(document.createElement("div"));
    const preview = new Preview(container, { services, url: location.href, base: location.href, onProblems() {} });
    const sample = async () => {
      window.gc();
      await new Promise((resolve) => setTimeout(resolve, 50));
      window.gc();
      return { heap: performance.memory.usedJSHeapSize, wasm: await services.stills.memoryBytes() };
    };
    const at = {};
    for (let i = 1; i <= 10_000; i++) {
      preview.render(`${text}${i % 2 ? " one" : " two"} ${i}`);
      if (i === 100 || i === 10_000) at[i] = await sample();
    }
    return at;
  });
  const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  console.log(`  memory after 100 / 10,000 re-renders of the sample post: JS heap ${mib(result[100].heap)} / ${mib(result[10000].heap)},` +
    ` wasm ${mib(result[100].wasm)} / ${mib(result[10000].wasm)}`);
  await page.close();
}

console.log(`Chromium, the editor's preview: ${TYPED} characters typed at the end of the post (goals: p95 <= 4 ms sample, <= 16 ms 100 KB)`);
await measure("sample post", "posts/kalatozov-stills.md", sample);
await measure(`${Math.round(big.length / 1024)} KB post, 10 galleries`, "posts/bench-big.md", big);
await memory();
await browser.close();
