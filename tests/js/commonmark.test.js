// Every CommonMark 0.31 spec example through the wasm module's plain mode, normalised as the official
// runner does.
import { test } from "node:test";
import assert from "node:assert/strict";
import spec from "commonmark-spec";
import { loadStills } from "./helpers.js";
import { normalizeHtml } from "./normalize-html.js";

const stills = await loadStills();
const examples = spec.tests.map((example) => ({
  ...example,
  // The spec writes tabs as "→".
  markdown: example.markdown.replace(/→/g, "\t"),
  html: example.html.replace(/→/g, "\t"),
}));

test("the spec has its 652 examples", () => {
  assert.equal(examples.length, 652);
});

test("every CommonMark spec example renders as specified", () => {
  const failures = examples
    .filter((e) => normalizeHtml(stills.renderMarkdown(e.markdown, { plain: true })) !== normalizeHtml(e.html))
    .map((e) => `example ${e.number} (${e.section})`);
  assert.deepEqual(failures, []);
});

test("the normaliser keeps differences that matter", () => {
  assert.notEqual(normalizeHtml("<p>a <em>b</em></p>"), normalizeHtml("<p>a b</p>"));
  assert.notEqual(normalizeHtml('<a href="x">y</a>'), normalizeHtml('<a href="z">y</a>'));
  assert.notEqual(normalizeHtml("<pre><code>a  b</code></pre>"), normalizeHtml("<pre><code>a b</code></pre>"));
  assert.equal(normalizeHtml("<hr />\n<p>x</p>"), normalizeHtml("<hr>\n<p>x</p>"));
});
