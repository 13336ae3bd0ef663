// The publish step (npm run prerender): the time to publish the sample content into a fresh folder and
// again into the same one (nothing to rewrite), what it adds beside the site's own files, and the time
// for a post of 100 photos alone. Prints, never asserts.   node bench/publish.js   (after scripts/build.sh)
import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { publish } from "../scripts/publish/publish.mjs";

const dist = fileURLToPath(new URL("../dist", import.meta.url));
const sample = fileURLToPath(new URL("../content", import.meta.url));
const quiet = () => {};

async function timed(content, out) {
  const start = performance.now();
  const result = await publish({ dist, content, out, warn: quiet });
  return { ms: performance.now() - start, result };
}

const out = await mkdtemp(join(tmpdir(), "stills-bench-publish-"));
const cold = await timed(sample, out);
const warm = await timed(sample, out);
const added = cold.result.written.filter((path) => /^posts\/[^/]+\/|^(feed|sitemap)\.xml$/.test(path));
let bytes = 0;
let gzipped = 0;
for (const path of added) {
  bytes += (await stat(join(out, path))).size;
  gzipped += gzipSync(await readFile(join(out, path)), { level: 9 }).length;
}
console.log(`sample content (${cold.result.pages} posts): ${cold.ms.toFixed(0)} ms into a new folder (${cold.result.written.length} files), ` +
  `${warm.ms.toFixed(0)} ms again (${warm.result.written.length} rewritten)`);
console.log(`added beside the site: ${added.length} files, ${(bytes / 1024).toFixed(1)} KB (${(gzipped / 1024).toFixed(1)} KB gzip)`);

// One post of 100 photos (the sample's, with their sizes read from their headers), published alone.
const hundred = await mkdtemp(join(tmpdir(), "stills-bench-content-"));
await cp(join(sample, "assets"), join(hundred, "assets"), { recursive: true });
const images = Array.from({ length: 100 }, (_, i) => `      - /assets/photos/contact-sheet/frame-${String((i % 124) + 1).padStart(3, "0")}.avif`);
await cp(join(sample, "posts"), join(hundred, "posts"), { recursive: true });
await writeFile(join(hundred, "posts/hundred.md"), `---\ntitle: "A hundred"\ndate: 2026-01-01\ngalleries:\n  - id: all\n    images:\n${images.join("\n")}\n---\n{{gallery all}}\n`);
await writeFile(join(hundred, "index.yaml"), "posts:\n  - posts/hundred.md\n");
const hundredOut = await mkdtemp(join(tmpdir(), "stills-bench-publish-"));
const runs = [];
for (let i = 0; i < 3; i++) runs.push((await timed(hundred, hundredOut)).ms);
console.log(`a post of 100 photos: ${runs.map((ms) => ms.toFixed(0)).join(", ")} ms (first run writes the site's files too)`);
await Promise.all([out, hundred, hundredOut].map((folder) => rm(folder, { recursive: true })));
