// Writes the modulepreload links of a page's entry module into the page: every module the entry
// imports statically, however deep, so the browser fetches them at once rather than one import level
// after another. Dynamic imports (the lightbox, the codec) stay lazy and are not listed.
// Usage: node scripts/modulepreload.mjs dist/index.html site/main.js
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";

const STATIC_IMPORT = /^\s*(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm;
const MARKER = /^(\s*)<!-- modulepreload:[\s\S]*?-->\n/m;

/** The modules `entry` imports statically, depth first, as paths relative to `root`. */
export async function staticImports(root, entry) {
  const seen = new Set();
  const visit = async (path) => {
    for (const match of (await readFile(path, "utf8")).matchAll(STATIC_IMPORT)) {
      const target = resolve(dirname(path), match[1] ?? match[2]);
      if (seen.has(target)) continue;
      seen.add(target);
      await visit(target);
    }
  };
  await visit(resolve(root, entry));
  return [...seen].map((path) => relative(root, path));
}

if (process.argv[1] && resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const [page, entry] = process.argv.slice(2);
  const root = dirname(resolve(page));
  const html = await readFile(page, "utf8");
  const indent = MARKER.exec(html)?.[1];
  if (indent === undefined) throw new Error(`${page} has no <!-- modulepreload: --> marker`);
  const links = (await staticImports(root, entry)).map((path) => `${indent}<link rel="modulepreload" href="${path}">\n`);
  await writeFile(page, html.replace(MARKER, links.join("")));
  console.log(`modulepreload: ${links.length} modules listed in ${relative(process.cwd(), join(page))}`);
}
