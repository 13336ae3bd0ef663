// Writes dist/stills-sw.js: the service worker (runtime/service-worker.js) with the build's files listed
// in it and a version made of their contents, so that a new build is a new worker. Run after every other
// step that writes dist/ and before precompress.
import { createHash } from "node:crypto";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";

const dist = process.argv[2] ?? "dist";
const kept = /\.(html|js|mjs|css|wasm|svg)$/;  // what pages load; not licences, types or compressed twins

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (kept.test(entry.name)) yield path;
  }
}

const source = join(dist, "runtime/service-worker.js");
const worker = await readFile(source, "utf8");
await rm(source);
const listed = [];
const hash = createHash("sha256");
for await (const path of files(dist)) {
  const file = relative(dist, path).split("\\").join("/");
  listed.push(file);
}
listed.sort();
for (const file of listed) hash.update(file).update("\0").update(await readFile(join(dist, file)));
const build = { version: hash.digest("hex").slice(0, 16), files: listed };
const placeholder = 'const BUILD = { version: "unbuilt", files: [] };';
if (!worker.includes(placeholder)) throw new Error(`write-sw: ${source} has no ${placeholder}`);
await writeFile(join(dist, "stills-sw.js"), worker.replace(placeholder, `const BUILD = ${JSON.stringify(build)};`));
console.log(`write-sw: dist/stills-sw.js keeps ${listed.length} files (build ${build.version})`);
