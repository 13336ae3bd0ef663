// The widget in Chromium beside zero-md 3 (npm, served from this machine: no CDN) on pages of their own:
// time from navigation until 1 and 10 widgets are rendered (stills: laid out, every photo's box known),
// and the bytes a first visit transfers by then. zero-md renders the sample post's Markdown (its body;
// it has no frontmatter reader) with its default marked setup; stills renders a gallery, or the whole
// post. Prints, never asserts.
//   node bench/widget-chromium.js   (after scripts/build.sh)
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { POLICY } from "../scripts/write-page.mjs";
import { startBrowser } from "../tests/e2e/browser.js";
import { bytesUntil, median, openTab } from "./page-timing.js";

const RUNS = 5;
const VIEWPORT = { width: 1280, height: 6000 };  // ten galleries in view: none waits to be scrolled near
const root = new URL("../", import.meta.url);
const out = "build/bench/widget";
const at = (path) => fileURLToPath(new URL(path, root));

const page = (title, head, body, policy) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
${policy ? `<meta http-equiv="Content-Security-Policy" content="${policy}">` : ""}<title>${title}</title>${head}</head>
<body>${body}</body></html>`;

const GALLERIES = ["the-cranes-are-flying", "letter-never-sent", "i-am-cuba"];
const stillsHead = '<script type="module" src="/stills-widget.js"></script>';
const zeroMdHead = '<script type="module" src="/zero-md/entry.js"></script>';
// zero-md's default template links GitHub's Markdown CSS (and KaTeX's and highlight.js's) from the CDN:
// here GitHub's, from npm. Its <style> in the shadow root needs style-src 'unsafe-inline': no CSP there.
const zeroMd = '<zero-md src="/zero-md/kalatozov-stills.md"><template><link rel="stylesheet" href="/zero-md/github-markdown.css"></template></zero-md>';
const gallery = (i) => `<stills-gallery src="/posts/kalatozov-stills.md" gallery="${GALLERIES[i % 3]}"></stills-gallery>`;
const repeat = (count, make) => Array.from({ length: count }, (_, i) => make(i)).join("\n");

const cases = [
  { name: "stills-gallery x1", count: 1, event: "stills-rendered", html: page("1", stillsHead, gallery(0), POLICY) },
  { name: "stills-gallery x10", count: 10, event: "stills-rendered", html: page("10", stillsHead, repeat(10, gallery), POLICY) },
  { name: "stills-post x1", count: 1, event: "stills-rendered",
    html: page("post", stillsHead, '<stills-post src="/posts/kalatozov-stills.md"></stills-post>', POLICY) },
  { name: "zero-md x1", count: 1, event: "zero-md-rendered", html: page("1", zeroMdHead, zeroMd, null) },
  { name: "zero-md x10", count: 10, event: "zero-md-rendered", html: page("10", zeroMdHead, repeat(10, () => zeroMd), null) },
];

async function writePages() {
  await rm(at(out), { recursive: true, force: true });
  await mkdir(at(`${out}/zero-md`), { recursive: true });
  execFileSync(at("node_modules/.bin/esbuild"), ["bench/zero-md/entry.mjs", "--bundle", "--splitting", "--format=esm",
    "--minify", "--log-level=warning", `--outdir=${out}/zero-md`], { cwd: at("."), stdio: "inherit" });
  await copyFile(at("node_modules/github-markdown-css/github-markdown.css"), at(`${out}/zero-md/github-markdown.css`));
  const post = await readFile(at("content/posts/kalatozov-stills.md"), "utf8");
  await writeFile(at(`${out}/zero-md/kalatozov-stills.md`), post.replace(/^---\n[\s\S]*?\n---\n/, ""));
  for (const [i, { html }] of cases.entries()) await writeFile(at(`${out}/case-${i}.html`), html);
  execFileSync("node", ["scripts/precompress.mjs", out], { cwd: at("."), stdio: "inherit" });  // as dist/ is
}

await writePages();
const browser = await startBrowser({ folders: [out] });

function recordRenders(event) {
  window.__rendered = [];
  document.addEventListener(event, () => window.__rendered.push(performance.now()));
}

// Milliseconds from navigation until `count` widgets rendered, and the bytes transferred by then
// (`cold`: the cache emptied first, as for a first visit).
async function measure(url, { event, count }, { cold = false } = {}) {
  const tab = await openTab(browser.context, { cold, viewport: VIEWPORT });
  await tab.addInitScript(recordRenders, event);
  await tab.goto(url, { waitUntil: "commit" });
  const ms = await (await tab.waitForFunction((n) => window.__rendered.length >= n && window.__rendered[n - 1], count,
    { polling: "raf", timeout: 60_000 })).jsonValue();
  const bytes = await bytesUntil(tab, ms);
  await tab.close();
  return { ms, bytes };
}

const results = [];
for (const [i, test] of cases.entries()) {
  const url = `${browser.origin}/case-${i}.html`;
  const { bytes } = await measure(url, test, { cold: true });
  const times = [(await measure(url, test, { cold: true })).ms];
  const warm = [];
  for (let run = 0; run < RUNS; run++) warm.push((await measure(url, test)).ms);
  results.push({ name: test.name, bytes, cold: times[0], warm: median(warm) });
}
await browser.close();

console.log(`Chromium, ${VIEWPORT.width} px, loopback (median of ${RUNS} warm; cold: cache emptied, one run):`);
for (const r of results) {
  console.log(`  ${r.name.padEnd(19)} rendered: warm ${r.warm.toFixed(0).padStart(4)} ms, cold ${r.cold.toFixed(0).padStart(4)} ms` +
    `   first visit: ${(r.bytes / 1024).toFixed(1).padStart(6)} KB transferred until rendered`);
}
const byName = Object.fromEntries(results.map((r) => [r.name, r]));
const ratio = (a, b) => (byName[a].warm / byName[b].warm).toFixed(2);
console.log(`  stills-gallery / zero-md: x1 ${ratio("stills-gallery x1", "zero-md x1")}x, x10 ${ratio("stills-gallery x10", "zero-md x10")}x (warm);` +
  ` first-visit bytes ${(byName["stills-gallery x1"].bytes / byName["zero-md x1"].bytes).toFixed(2)}x`);
