// Every page of dist/ has the one Content-Security-Policy (no inline script or style, no eval); the
// editor preloads the modules its entry imports, the site's entry is one bundled file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { root } from "./helpers.js";
import { POLICY, staticImports } from "../../scripts/write-page.mjs";

const policiesOf = (html) => [...html.matchAll(/http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]);
const preloadsOf = (html) => [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();

test("the policy allows no inline script or style and no eval", () => {
  assert.match(POLICY, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(POLICY, /'unsafe-inline'|'unsafe-eval'/);
});

test("dist/editor.html has the policy and preloads every static import of editor/main.js", async () => {
  const html = await readFile(new URL("dist/editor.html", root), "utf8");
  assert.deepEqual(policiesOf(html), [POLICY]);
  const imports = (await staticImports(fileURLToPath(new URL("dist/", root)), "editor/main.js")).sort();
  assert.ok(imports.includes("runtime/stills.js") && !imports.includes("dom/lightbox.js"), "lazy modules are not preloaded");
  assert.deepEqual(preloadsOf(html), imports);
});

test("dist/index.html has the policy, and its entry is one bundled file that imports only the lightbox, when asked", async () => {
  const html = await readFile(new URL("dist/index.html", root), "utf8");
  assert.deepEqual(policiesOf(html), [POLICY]);
  assert.deepEqual(await staticImports(fileURLToPath(new URL("dist/", root)), "site/main.js"), []);
  assert.deepEqual(preloadsOf(html), []);
  assert.match(html, /<script type="module" src="site\/main.js"><\/script>/);
  const entry = await readFile(new URL("dist/site/main.js", root), "utf8");
  assert.deepEqual([...entry.matchAll(/import\("(\.[^"]+)"\)/g)].map((m) => m[1]), ["../dom/lightbox.js"]);
});
