// The core module must load where a Content-Security-Policy forbids eval and new Function:
// node's --disallow-code-generation-from-strings enforces the same rule.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { root } from "./helpers.js";

const run = promisify(execFile);
const strictNode = (script) =>
  run(process.execPath, ["--disallow-code-generation-from-strings", "--input-type=module", "-e", script], {
    cwd: fileURLToPath(root),
  });

test("the guard is real: code generation from strings fails under it", async () => {
  await assert.rejects(strictNode("new Function('return 1')()"), /Code generation from strings disallowed/);
});

test("createStills() loads and parses the sample post under the guard", async () => {
  const { stdout } = await strictNode(`
    import { createStills } from "./dist/stills.js";
    import { readFile } from "node:fs/promises";
    const stills = await createStills();
    const post = stills.parsePost(await readFile("content/posts/kalatozov-stills.md", "utf8"));
    const plain = stills.renderMarkdown("*hi*", { plain: true });
    console.log(JSON.stringify([post.galleries.length, post.diagnostics.length, plain]));`);
  assert.deepEqual(JSON.parse(stdout), [3, 0, "<p><em>hi</em></p>\n"]);
});
