// Finishes a page of dist/: writes its Content-Security-Policy (one policy, here, for every page of the
// project) and, given an entry module, the modulepreload links of it: every module the entry imports
// statically, however deep, so the browser fetches them at once rather than one import level after
// another. Dynamic imports (the lightbox, the codec) stay lazy and are not listed.
// Usage: node scripts/write-page.mjs dist/index.html [site/main.js]
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";

const STATIC_IMPORT = /^\s*(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm;
const MARKER = /^(\s*)<!-- modulepreload:[\s\S]*?-->\n/m;
const POLICY_MARKER = /^(\s*)<!-- content-security-policy -->\n/m;

// No inline script or style, no eval (wasm compiles under 'wasm-unsafe-eval'), no form sent anywhere;
// photos may come from any https host, and blob: ones are the editor's photos kept in the browser.
export const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' https: data: blob:; object-src 'none'; base-uri 'self'; form-action 'none'";

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
  const policyIndent = POLICY_MARKER.exec(html)?.[1];
  if (policyIndent === undefined || (entry === undefined) !== (indent === undefined)) {
    throw new Error(`${page} needs a <!-- content-security-policy --> marker, and a <!-- modulepreload: --> one with an entry`);
  }
  const links = entry ? (await staticImports(root, entry)).map((path) => `${indent}<link rel="modulepreload" href="${path}">\n`) : [];
  const policy = `${policyIndent}<meta http-equiv="Content-Security-Policy" content="${POLICY}">\n`;
  await writeFile(page, html.replace(POLICY_MARKER, policy).replace(MARKER, links.join("")));
  console.log(`write-page: ${relative(process.cwd(), join(page))} with its policy and ${links.length} modules preloaded`);
}
