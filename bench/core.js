// Core module benchmarks, side by side with the JS anchors in one node process. Prints, never asserts.
//   node bench/core.js        (after scripts/build.sh)
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import yaml from "js-yaml";
import MarkdownIt from "markdown-it";
import { init as initMd4w, mdToHtml } from "md4w";
import { createStills } from "../dist/stills.js";
import { blogMarkdown } from "./blog-markdown.js";
import { wasmBreakdown } from "./wasm-size.js";

const root = new URL("../", import.meta.url);
const stills = await createStills();
await initMd4w("fast");
const markdownIt = new MarkdownIt({ html: true, linkify: true });

// Median time per call in ms: repeats `fn` for ~`budgetMs` in rounds, after a warm-up.
function timePerCall(fn, budgetMs = 1500) {
  for (let i = 0; i < 20; i++) fn();
  // Calls per round: enough for a round to last ≥ 20 ms, so timer resolution does not matter.
  let calls = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) fn();
    if (performance.now() - start >= 20) break;
    calls *= 2;
  }
  const rounds = [];
  const until = performance.now() + budgetMs;
  while (performance.now() < until || rounds.length < 5) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) fn();
    rounds.push((performance.now() - start) / calls);
  }
  rounds.sort((a, b) => a - b);
  return rounds[Math.floor(rounds.length / 2)];
}

function row(name, value, unit, anchor) {
  const ratio = anchor ? `  (${(value / anchor).toFixed(2)}× the first anchor)` : "";
  console.log(`  ${name.padEnd(38)} ${value.toFixed(unit === "MB/s" ? 1 : 4).padStart(10)} ${unit}${ratio}`);
}

// (a) The sample post, frontmatter and body.
const sample = await readFile(new URL("content/posts/kalatozov-stills.md", root), "utf8");
function jsPair(text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  const meta = yaml.load(match[1]);
  return { meta, html: markdownIt.render(text.slice(match[0].length)) };
}
console.log("(a) sample post, frontmatter + body (ms per post, median; lower is better)");
// Two versions whose frontmatters differ, in turn: the core's frontmatter cache never holds the next.
const versions = [sample, sample.replace("Stills", "Frames")];
let turn = 0;
const jsPairMs = timePerCall(() => jsPair(versions[turn++ & 1]));
const stillsPostMs = timePerCall(() => stills.parsePost(versions[turn++ & 1]));
row("js-yaml 4 + markdown-it (anchor)", jsPairMs, "ms");
row("stills parsePost, cold (wasm)", stillsPostMs, "ms", jsPairMs);
// The editor parses on every keystroke, mostly in the body: the frontmatter is copied, not read.
const typed = ["", "A", "A n", "A new"].map((words) => sample.replace("\n---\n", `\n---\n${words}`));
row("stills parsePost, body edited (editor)", timePerCall(() => stills.parsePost(typed[turn++ & 3])), "ms", jsPairMs);

// (b) A ~100 KB blog-like document.
const doc = blogMarkdown(100_000);
const megabytes = Buffer.byteLength(doc) / 1e6;
const throughput = (fn) => megabytes / (timePerCall(fn) / 1000);
console.log(`(b) ${(megabytes * 1000).toFixed(0)} KB blog-like Markdown to HTML (MB/s, median; higher is better)`);
const md4wRate = throughput(() => mdToHtml(doc));
const markdownItRate = throughput(() => markdownIt.render(doc));
row("md4w 0.2 (anchor)", md4wRate, "MB/s");
row("markdown-it 15", markdownItRate, "MB/s", md4wRate);
row("stills renderMarkdown (post HTML)", throughput(() => stills.renderMarkdown(doc)), "MB/s", md4wRate);
row("stills renderMarkdown (plain)", throughput(() => stills.renderMarkdown(doc, { plain: true })), "MB/s", md4wRate);
const postRate = throughput(() => stills.parsePost(doc));
row("stills parsePost (whole post result)", postRate, "MB/s", md4wRate);
console.log(`  stills post HTML vs markdown-it: ${(postRate / markdownItRate).toFixed(1)}×`);

// (c) What a page downloads for the core.
const gzipBytes = async (name) => gzipSync(await readFile(new URL(`dist/runtime/${name}`, root)), { level: 9 }).length;
const sizes = { wasm: await gzipBytes("stills-core.wasm"), glue: await gzipBytes("stills-core.js"), api: await gzipBytes("stills.js") };
const total = sizes.wasm + sizes.glue + sizes.api;
console.log("(c) core module, gzip -9 (goal ≤ 130 KB)");
console.log(`  wasm ${(sizes.wasm / 1024).toFixed(1)} KB + glue ${(sizes.glue / 1024).toFixed(1)} KB + stills.js ` +
  `${(sizes.api / 1024).toFixed(1)} KB = ${(total / 1024).toFixed(1)} KB`);

// Where the wasm's bytes go: the same module linked with its function names kept.
execFileSync("cmake", ["--build", "build/wasm", "--target", "stills-core-names"], { cwd: new URL(root).pathname, stdio: "ignore" });
const named = await readFile(new URL("build/wasm/wasm/bindings/stills-core-names.wasm", root));
const { libraries, data } = wasmBreakdown(named);
const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(6)} KB`;
console.log("  by library (code; each part gzipped alone, so the parts add up to more than the whole):");
for (const { name, raw, gzip } of libraries) console.log(`    ${name.padEnd(18)} ${kb(raw)} raw ${kb(gzip)} gzip`);
console.log(`    ${"data segments".padEnd(18)} ${kb(data.raw)} raw ${kb(data.gzip)} gzip`);
