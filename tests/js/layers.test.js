// The layer rule of web/: site, editor and widget import dom and runtime; dom imports runtime; runtime
// imports neither. Never back up the list, never sideways between front ends.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { root } from "./helpers.js";

const web = fileURLToPath(new URL("web/", root));
const TIER = { runtime: 0, dom: 1, site: 2, editor: 2, widget: 2 };
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;
const COMMENTS = /\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm;

async function modules(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? modules(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat().filter((path) => path.endsWith(".js"));
}

/** Every import in web/ that breaks the rule, as "from -> to". */
export async function brokenImports(source) {
  const broken = [];
  for (const file of await modules(source)) {
    const from = relative(source, file).split("/")[0];
    const code = (await readFile(file, "utf8")).replace(COMMENTS, "");  // JSDoc's import("…") types load nothing
    for (const [, specifier] of code.matchAll(IMPORT)) {
      if (specifier.startsWith("node:")) continue;  // node's own, loaded in node only
      if (!specifier.startsWith(".")) {
        broken.push(`${relative(source, file)} -> ${specifier} (bare: the browser cannot resolve it)`);
        continue;
      }
      const to = relative(source, resolve(dirname(file), specifier)).split("/")[0];
      if (to === "vendor" || to === from) continue;
      if (!(from in TIER)) continue;  // web/stills.js, the published path of the API
      if (!(to in TIER) || TIER[to] >= TIER[from]) broken.push(`${relative(source, file)} -> ${specifier}`);
    }
  }
  return broken;
}

test("web/ imports go only down the layers: site/editor/widget -> dom -> runtime", async () => {
  assert.deepEqual(await brokenImports(web), []);
});

test("the layer check finds an import up the layers, and one sideways", async () => {
  const { mkdtemp, mkdir, writeFile, rm } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const fake = await mkdtemp(join(tmpdir(), "stills-layers-"));
  for (const dir of ["runtime", "dom", "site", "widget"]) await mkdir(join(fake, dir));
  await writeFile(join(fake, "runtime", "a.js"), 'import { x } from "../dom/b.js";\n');
  await writeFile(join(fake, "dom", "b.js"), 'export const x = 1;\nconst later = () => import("../runtime/a.js");\n');
  await writeFile(join(fake, "widget", "c.js"), 'import "../site/d.js";\n');
  await writeFile(join(fake, "site", "d.js"), "export {};\n");
  assert.deepEqual((await brokenImports(fake)).sort(), ["runtime/a.js -> ../dom/b.js", "widget/c.js -> ../site/d.js"]);
  await rm(fake, { recursive: true });
});
