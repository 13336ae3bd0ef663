// Reading a photo's first bytes and then the rest, from a server that honours Range requests and from
// one that ignores them: the bytes are right, and what was read is not fetched twice.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { readFile } from "node:fs/promises";
import { root } from "./helpers.js";
import { startServer } from "../../scripts/serve.mjs";
import { PhotoBytes } from "../../web/runtime/photo-bytes.js";

const path = "/assets/photos/kalatozov-stills/kalatozov-stills-13.avif";
const file = new Uint8Array(await readFile(new URL(`content${path}`, root)));

const withRanges = await startServer({ port: 0 });
const requests = { ranged: [], plain: [] };
withRanges.on("request", (request) => requests.ranged.push(request.headers.range ?? "whole"));
// A server that ignores Range and streams the file in small chunks without a length.
const plain = http.createServer((request, response) => {
  requests.plain.push(request.headers.range ?? "whole");
  if (request.url !== path) return response.writeHead(404).end();
  response.writeHead(200, { "content-type": "image/avif" });
  let at = 0;
  const next = () => {
    if (at >= file.length || response.destroyed) return response.end();
    response.write(file.subarray(at, (at += 4096)), next);
  };
  next();
});
await new Promise((resolve) => plain.listen(0, "127.0.0.1", resolve));
after(() => {
  withRanges.close();
  plain.close();
});

const origin = (server) => `http://127.0.0.1:${server.address().port}`;

test("with Range: the head, then only the rest", async () => {
  requests.ranged.length = 0;
  const photo = new PhotoBytes(`${origin(withRanges)}${path}`);
  const head = await photo.head(4096);
  assert.equal(head.bytes.length, 4096);
  assert.equal(head.complete, false);
  assert.deepEqual(await photo.all(), file);
  assert.deepEqual(requests.ranged, ["bytes=0-4095", "bytes=4096-"]);
});

test("without Range: one streamed response serves the head and the rest", async () => {
  requests.plain.length = 0;
  const photo = new PhotoBytes(`${origin(plain)}${path}`);
  const head = await photo.head(6000);
  assert.ok(head.bytes.length >= 6000 && head.bytes.length < file.length);
  assert.deepEqual(head.bytes, file.subarray(0, head.bytes.length));
  assert.deepEqual(await photo.all(), file);
  assert.equal(requests.plain.length, 1);
});

test("released after the head, a plain response stops; a missing photo is an HTTP error", async () => {
  const photo = new PhotoBytes(`${origin(plain)}${path}`);
  await photo.head(100);
  photo.release();
  await assert.rejects(new PhotoBytes(`${origin(withRanges)}/assets/missing.avif`).head(100), /HTTP 404/);
});

test("a file shorter than the head asked for is complete", async () => {
  const photo = new PhotoBytes(`${origin(withRanges)}/site/favicon.svg`);
  const head = await photo.head(1_000_000);
  assert.equal(head.complete, true);
  assert.ok(head.bytes.length > 100);
});
