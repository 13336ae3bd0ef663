// The photo-size cache: each photo probed once per page life however many views ask, the probe's head
// bytes reused by the decode (no second request from byte 0), and headers that would loop or balloon
// refused with a reason.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { loadStills, root } from "./helpers.js";
import { startServer } from "../../scripts/serve.mjs";
import { MAX_HEADER_BYTES, MAX_PROBES_IN_FLIGHT, PROBE_BYTES, PhotoSizes } from "../../web/runtime/photo-sizes.js";

const stills = await loadStills();
const server = await startServer({ port: 0 });
const requests = [];
server.on("request", (request) => requests.push(`${request.url} ${request.headers.range ?? "whole"}`));
after(() => server.close());

const path = "/assets/photos/kalatozov-stills/kalatozov-stills-12.avif";
const url = `http://127.0.0.1:${server.address().port}${path}`;
const file = new Uint8Array(await readFile(new URL(`content${path}`, root)));

test("a photo is probed once however often its size is asked, and the decode goes on from the head", async () => {
  requests.length = 0;
  const sizes = new PhotoSizes(stills);
  const [first, second] = await Promise.all([sizes.sizeOf(url), sizes.sizeOf(url)]);
  assert.deepEqual(first, second);
  const probed = stills.probeAvif(file, { complete: true });
  assert.deepEqual(await sizes.sizeOf(url), { width: probed.displayWidth, height: probed.displayHeight });
  assert.deepEqual(requests, [`${path} bytes=0-${PROBE_BYTES - 1}`]);
  assert.deepEqual(await sizes.read(url), file);
  assert.deepEqual(requests, [`${path} bytes=0-${PROBE_BYTES - 1}`, `${path} bytes=${PROBE_BYTES}-`]);
  // Read once whole, the bytes are let go: a second read fetches again (the size stays known).
  assert.deepEqual(await sizes.read(url), file);
  assert.equal(requests.length, 3);
  await sizes.sizeOf(url);
  assert.equal(requests.length, 3);
});

test("a missing photo's size rejects with the HTTP status, each time, with one request", async () => {
  requests.length = 0;
  const sizes = new PhotoSizes(stills);
  await assert.rejects(sizes.sizeOf(`${url}.missing`), /HTTP 404/);
  await assert.rejects(sizes.sizeOf(`${url}.missing`), /HTTP 404/);
  assert.equal(requests.length, 1);
});

test("a header asking for no more than is read is refused, not asked again forever", async () => {
  let asked = 0;
  const loops = { probeAvif: (bytes) => (++asked, { needMore: bytes.length }) };
  await assert.rejects(new PhotoSizes(loops).sizeOf(url), new RegExp(`asks for ${PROBE_BYTES} bytes with ${PROBE_BYTES} read`));
  assert.equal(asked, 1);
  const huge = { probeAvif: () => ({ needMore: MAX_HEADER_BYTES + 1 }) };
  await assert.rejects(new PhotoSizes(huge).sizeOf(url), /larger than 1048576 bytes/);
});

test("a header that asks for a little more each time costs a few requests, doubling, not one per answer", async () => {
  requests.length = 0;
  const asked = [];
  // Each answer wants 100 bytes more than it has: without doubling, 10,000 requests up to 1 MiB.
  const creeping = { probeAvif: (bytes, { complete }) => (asked.push(bytes.length),
    complete || bytes.length >= file.length ? stills.probeAvif(bytes, { complete }) : { needMore: bytes.length + 100 }) };
  const size = await new PhotoSizes(creeping).sizeOf(url);
  assert.ok(size.width > 0);
  assert.deepEqual(asked.slice(0, 4), [PROBE_BYTES, 2 * PROBE_BYTES, 4 * PROBE_BYTES, 8 * PROBE_BYTES]);
  assert.ok(requests.length <= Math.ceil(Math.log2(file.length / PROBE_BYTES)) + 1, requests.join("\n"));
});

test(`at most ${MAX_PROBES_IN_FLIGHT} probes are in flight at once, and every photo gets its size`, async () => {
  let inFlight = 0;
  let most = 0;
  const sizes = new PhotoSizes(stills);
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (...args) => {
    most = Math.max(most, ++inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return await realFetch(...args);
    } finally {
      inFlight--;
    }
  };
  try {
    const all = await Promise.all(Array.from({ length: 200 }, (_, i) => sizes.sizeOf(`${url}?copy=${i}`)));
    assert.equal(all.filter((s) => s.width > 0).length, 200);
    assert.equal(most, MAX_PROBES_IN_FLIGHT);
  } finally {
    globalThis.fetch = realFetch;
  }
});
