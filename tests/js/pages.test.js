// Every page of dist/ has the one Content-Security-Policy (no inline script or style, no eval) and
// preloads the modules its entry imports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { root } from "./helpers.js";
import { POLICY, staticImports } from "../../scripts/write-page.mjs";

for (const [page, entry] of [["index.html", "site/main.js"], ["editor.html", "editor/main.js"]]) {
  test(`dist/${page} has the policy and preloads every static import of ${entry}`, async () => {
    const html = await readFile(new URL(`dist/${page}`, root), "utf8");
    const policies = [...html.matchAll(/http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(policies, [POLICY]);
    assert.match(POLICY, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(POLICY, /'unsafe-inline'|'unsafe-eval'/);
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
    const imports = (await staticImports(fileURLToPath(new URL("dist/", root)), entry)).sort();
    assert.ok(imports.includes("runtime/stills.js") && !imports.includes("dom/lightbox.js"), "lazy modules are not preloaded");
    assert.deepEqual(preloaded, imports);
  });
}
