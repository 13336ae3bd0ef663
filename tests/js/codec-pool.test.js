// The codec worker pool's scheduling, with scripted stand-in workers (node has no Web Workers): pool
// size, priorities, cancellation, transfers, crashed workers replaced without losing work, and encodes
// whose worker (and its memory) ends with the job.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";

const log = [];
let behaviour = () => "decode";  // per message: "decode" | "crash" | "codec failed" | "error"
let started = 0;
let terminated = [];

class ScriptedWorker {
  constructor(url, options) {
    assert.equal(options.type, "module");
    this.name = `worker ${++started}`;
  }
  postMessage(message, transfer) {
    if (message.kind === "encode") return this.encode(message);
    log.push({ worker: this.name, id: message.id, priority: message.maxWidth, transferred: transfer[0] === message.bytes.buffer });
    const action = behaviour(message);
    setTimeout(() => {
      if (this.terminated) return;
      if (action === "crash") return this.onerror({ message: "worker crashed", preventDefault() {} });
      if (action === "codec failed") return this.onmessage({ data: { id: message.id, crashed: "the decoder failed: unreachable" } });
      if (action === "error") return this.onmessage({ data: { id: message.id, error: "not a readable AVIF file" } });
      const data = new Uint8ClampedArray(4).fill(message.bytes[0]);
      this.onmessage({ data: { id: message.id, width: 1, height: 1, data } });
    }, 5);
  }
  // An encode answers "decoding", then "encoding" with its size, then (after `message.quality` ms) its AVIF.
  encode(message) {
    log.push({ worker: this.name, id: message.id, encode: message.file });
    const answer = (data, after) => setTimeout(() => this.terminated || this.onmessage({ data: { id: message.id, ...data } }), after);
    answer({ progress: "decoding" }, 1);
    answer({ progress: "encoding", width: 4, height: 3 }, 2);
    answer({ width: 4, height: 3, avif: new Uint8Array([message.file]) }, message.quality);
  }
  terminate() {
    this.terminated = true;
    terminated.push(this.name);
  }
}
globalThis.Worker = ScriptedWorker;
const { CodecPool } = await import("../../web/runtime/codec-pool.js");

beforeEach(() => {
  log.length = 0;
  behaviour = () => "decode";
  started = 0;
  terminated = [];
});

const bytes = (value) => new Uint8Array([value, 1, 2, 3]);

test("no more workers than the pool size; each job answered with its own pixels", async () => {
  const pool = new CodecPool({ size: 2, workerUrl: new URL("file:///codec-worker.js") });
  const results = await Promise.all([1, 2, 3, 4, 5].map((v) => pool.decode(bytes(v))));
  assert.deepEqual(results.map((r) => r.data[0]), [1, 2, 3, 4, 5]);
  assert.equal(started, 2);
  assert.ok(log.every((entry) => entry.transferred), "the bytes are transferred to the worker");
});

test("queued jobs go by priority, oldest first among equals", async () => {
  const pool = new CodecPool({ size: 1, workerUrl: new URL("file:///w.js") });
  const jobs = [[10, 0], [20, 0], [30, 1], [40, 5], [50, 1]].map(([v, priority]) => pool.decode(bytes(v), { maxWidth: v, priority }));
  await Promise.all(jobs);
  assert.deepEqual(log.map((entry) => entry.priority), [10, 40, 30, 50, 20]);
});

test("an aborted job leaves the queue and rejects", async () => {
  const pool = new CodecPool({ size: 1, workerUrl: new URL("file:///w.js") });
  const controller = new AbortController();
  const first = pool.decode(bytes(1), { maxWidth: 1 });
  const cancelled = pool.decode(bytes(2), { maxWidth: 2, signal: controller.signal });
  const third = pool.decode(bytes(3), { maxWidth: 3 });
  controller.abort(new DOMException("left the page", "AbortError"));
  await assert.rejects(cancelled, { name: "AbortError" });
  await Promise.all([first, third]);
  assert.deepEqual(log.map((entry) => entry.priority), [1, 3]);
});

test("a crashed worker is replaced and its job tried again; queued work goes on", async () => {
  let crashes = 1;
  behaviour = () => (crashes-- > 0 ? "crash" : "decode");
  const pool = new CodecPool({ size: 1, workerUrl: new URL("file:///w.js") });
  const results = await Promise.all([7, 8].map((v) => pool.decode(bytes(v))));
  assert.deepEqual(results.map((r) => r.data[0]), [7, 8]);
  assert.equal(started, 2, "a second worker replaced the first");
});

test("a job that crashes its worker twice fails; a decoding error fails at once", async () => {
  behaviour = (message) => (message.bytes[0] === 9 ? "crash" : message.bytes[0] === 6 ? "error" : "decode");
  const pool = new CodecPool({ size: 2, workerUrl: new URL("file:///w.js") });
  await assert.rejects(pool.decode(bytes(9)), /worker crashed/);
  await assert.rejects(pool.decode(bytes(6)), /not a readable AVIF/);
  assert.equal((await pool.decode(bytes(5))).data[0], 5);
});

test("a worker whose codec failed (a trap caught in the worker) is replaced, not asked again", async () => {
  let failures = 1;
  behaviour = () => (failures-- > 0 ? "codec failed" : "decode");
  const pool = new CodecPool({ size: 1, workerUrl: new URL("file:///w.js") });
  const results = await Promise.all([7, 8].map((v) => pool.decode(bytes(v))));
  assert.deepEqual(results.map((r) => r.data[0]), [7, 8]);
  assert.equal(started, 2);
  assert.deepEqual(log.map((entry) => entry.worker), ["worker 1", "worker 2", "worker 2"]);
  behaviour = () => "codec failed";
  await assert.rejects(pool.decode(bytes(3)), /the decoder failed: unreachable/);
  assert.equal(started, 3, "the idle worker failed, and the second attempt had a fresh one");
});

test("dispose() ends every worker and rejects running, queued and later decodes", async () => {
  const pool = new CodecPool({ size: 2, workerUrl: new URL("file:///w.js") });
  await pool.decode(bytes(1));  // one worker started and idle
  const pending = [2, 3, 4].map((v) => pool.decode(bytes(v)));
  assert.equal(pool.workers, 2);
  pool.dispose();
  for (const decode of pending) await assert.rejects(decode, { name: "AbortError", message: /disposed/ });
  assert.deepEqual(terminated.sort(), ["worker 1", "worker 2"]);
  assert.equal(pool.workers, 0);
  await assert.rejects(pool.decode(bytes(5)), { name: "AbortError" });
  assert.equal(started, 2, "no worker starts after dispose");
});

test("an encode reports its stages and size, and its worker ends with the job (its memory with it)", async () => {
  const pool = new CodecPool({ size: 2, workerUrl: new URL("file:///w.js") });
  const stages = [];
  const result = await pool.encode(/** @type {any} */ (7), { quality: 5, onProgress: (stage, size) => stages.push([stage, size.width]) });
  assert.deepEqual([...result.avif], [7]);
  assert.deepEqual(stages, [["decoding", undefined], ["encoding", 4]]);
  assert.deepEqual(terminated, ["worker 1"]);
  assert.equal(pool.workers, 0);
});

test("a running encode cancelled ends its worker at once; the queue goes on with a fresh one", async () => {
  const pool = new CodecPool({ size: 1, workerUrl: new URL("file:///w.js") });
  const controller = new AbortController();
  const long = pool.encode(/** @type {any} */ (1), { quality: 10_000, signal: controller.signal });
  const next = pool.encode(/** @type {any} */ (2), { quality: 5 });
  await new Promise((resolve) => setTimeout(resolve, 10));
  controller.abort(new DOMException("cancelled", "AbortError"));
  await assert.rejects(long, { name: "AbortError" });
  assert.deepEqual(terminated, ["worker 1"], "the encoder is stopped where it was");
  assert.deepEqual([...(await next).avif], [2]);
  assert.deepEqual(log.map((entry) => entry.worker), ["worker 1", "worker 2"]);
});

test("encodes take every worker until the page decodes here; then they leave one to decodes", async () => {
  const pool = new CodecPool({ size: 2, workerUrl: new URL("file:///w.js") });
  await Promise.all([1, 2].map((file) => pool.encode(/** @type {any} */ (file), { quality: 20 })));
  assert.equal(started, 2, "two encodes at once");
  await pool.decode(bytes(9));
  log.length = 0;
  const encodes = [3, 4].map((file) => pool.encode(/** @type {any} */ (file), { quality: 20 }));
  const decode = pool.decode(bytes(5));
  await decode;
  const order = log.map((entry) => (entry.encode ? `encode ${entry.encode}` : "decode"));
  assert.deepEqual(order, ["encode 3", "decode"], "the second encode waits; the decode does not");
  await Promise.all(encodes);
  assert.deepEqual(log.map((entry) => (entry.encode ? `encode ${entry.encode}` : "decode")), ["encode 3", "decode", "encode 4"]);
});
