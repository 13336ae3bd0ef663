// The demo server: odd Range headers get an answer and leave it running; hidden files are never served.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { writeFile, rm } from "node:fs/promises";
import { root } from "./helpers.js";
import { startServer } from "../../scripts/serve.mjs";

const server = await startServer({ port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
after(() => server.close());

const status = async (path, headers = {}) => (await fetch(`${origin}${path}`, { headers })).status;

test("a Range whose end is before its start, or that is malformed, gets the whole file; the server lives on", async () => {
  for (const range of ["bytes=500-100", "bytes=-", "bytes=x-y", "bytes=0-10,20-30"]) {
    assert.equal(await status("/posts/kalatozov-stills.md", { Range: range }), 200, range);
  }
  assert.equal(await status("/posts/kalatozov-stills.md", { Range: "bytes=0-99" }), 206);
  assert.equal(await status("/posts/kalatozov-stills.md", { Range: "bytes=99999999-" }), 416);
  assert.equal(await status("/index.yaml"), 200, "still serving");
});

test("dotfiles and dot-folders are not served, however the path is written", async () => {
  const secret = new URL("content/.stills-test-secret", root);
  await writeFile(secret, "secret\n");
  try {
    assert.equal(await status("/.stills-test-secret"), 404);
    assert.equal(await status("/%2Estills-test-secret"), 404);
    assert.equal(await status("/posts/%2e%2e/.stills-test-secret"), 404);
    assert.equal(await status("/posts/%E0%A4%A"), 404);
    assert.equal(await status("/index.yaml"), 200);
  } finally {
    await rm(secret);
  }
});
